/**
 * CSV and TSV exports (spreadsheets, scrapers, newsroom archives): one
 * article per row, the header naming the columns. Columns are found by name
 * (fields.ts) or by the user's mapping (`--map title=headline,body=text`).
 * Each row stands alone: a row without text is reported by its number (as a
 * spreadsheet numbers it: the header is row 1) and the others import.
 */
import { parse } from 'csv-parse/sync';
import { buildArticle } from './article';
import { decodeText } from './decode';
import { decodeReferences, FIELD_NAMES, resolveColumns, splitTags } from './fields';
import { firstSentenceTitle } from './plainText';
import { ImportError, type Importer, type ImportOptions, type ParsedRecord, type SourceFile } from './types';

/** The delimiter of a .csv: the one of , ; tab that splits the header line most (European exports use ;). */
export function sniffDelimiter(text: string): string {
  let header = '';
  let quoted = false;
  for (let i = 0; i < text.length && i < 65536; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) break;
    header += c;
  }
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t', '|']) {
    const count = header.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

export function rowsOf(text: string, delimiter: string, path: string): string[][] {
  try {
    return parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: false,
      max_record_size: 16 * 1024 * 1024,
    }) as string[][];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportError(
      'IMPORT_PARSE_FAILED',
      `${path}: not readable as ${delimiter === '\t' ? 'TSV' : 'CSV'}: ${reason}`,
    );
  }
}

export function parseDelimited(
  text: string,
  file: SourceFile,
  encoding: string,
  options: ImportOptions,
  format: 'csv' | 'tsv',
): ParsedRecord[] {
  const delimiter = format === 'tsv' ? '\t' : sniffDelimiter(text);
  const rows = rowsOf(text, delimiter, file.path);
  const header = rows[0];
  if (!header || rows.length < 2) throw new ImportError('IMPORT_EMPTY', `${file.path}: no rows under the header`);
  const names = header.map((h) => h.trim());
  const columns = resolveColumns(names, options.mapping, file.path, true, !options.mappingComplete);
  if (columns.body === undefined) {
    const shown = names
      .slice(0, 30)
      .map((n) => `"${n}"`)
      .join(', ');
    throw new ImportError(
      'IMPORT_PARSE_FAILED',
      `${file.path}: no column holds the article text (looked for ${FIELD_NAMES.body.slice(0, 5).join(', ')}); map one, e.g. --map body=COLUMN. The columns are ${shown}`,
    );
  }
  const index = Object.fromEntries(
    Object.entries(columns).map(([field, name]) => [field, names.indexOf(name)]),
  ) as Record<string, number>;
  const cell = (row: readonly string[], field: string): string | null => {
    const i = index[field];
    if (i === undefined || i < 0) return null;
    const v = row[i]?.trim();
    return v ? decodeReferences(v) : null;
  };

  const out: ParsedRecord[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    // Row numbers as a spreadsheet shows them: the header is row 1.
    const where = `${file.path}#${r + 1}`;
    const body = cell(row, 'body');
    if (!body) {
      if (row.every((c) => c.trim() === '')) continue;
      const title = cell(row, 'title');
      const named = title ? ` ("${title.slice(0, 60)}")` : '';
      out.push({
        ok: false,
        error: {
          path: where,
          code: 'IMPORT_EMPTY',
          message: `${where}: row ${r + 1}${named} has no article text in column "${columns.body}"`,
        },
      });
      continue;
    }
    const tags = cell(row, 'tags');
    out.push({
      ok: true,
      article: buildArticle({
        title: cell(row, 'title') ?? firstSentenceTitle(body),
        body,
        author: cell(row, 'author'),
        source: cell(row, 'source'),
        date: cell(row, 'date'),
        url: cell(row, 'url'),
        lang: cell(row, 'lang'),
        tags: tags ? splitTags(tags) : undefined,
        originPath: where,
        originFormat: format,
        encoding,
      }),
    });
  }
  if (out.length === 0) throw new ImportError('IMPORT_EMPTY', `${file.path}: no rows under the header`);
  return out;
}

export const csvImporter: Importer = {
  id: 'csv',
  label: 'CSV (one article per row)',
  extensions: ['.csv'],
  parse(file, options) {
    const { text, encoding } = decodeText(file.bytes, file.path, { forced: options.encoding });
    return parseDelimited(text, file, encoding, options, 'csv');
  },
};

export const tsvImporter: Importer = {
  id: 'tsv',
  label: 'TSV (tab-separated, one article per row)',
  extensions: ['.tsv', '.tab'],
  parse(file, options) {
    const { text, encoding } = decodeText(file.bytes, file.path, { forced: options.encoding });
    return parseDelimited(text, file, encoding, options, 'tsv');
  },
};
