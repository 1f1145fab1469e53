/**
 * JSON arrays (SaudiNewsNet's shape: {source, url, date_extracted, title,
 * author, content}), objects holding such an array, and JSON Lines. Each
 * record stands alone: a bad record is reported and the rest import.
 */
import { buildArticle } from './article';
import { decodeText } from './decode';
import { decodeReferences, resolveColumns, splitTags } from './fields';
import { firstSentenceTitle } from './plainText';
import { ImportError, type Importer, type ImportOptions, type ParsedRecord, type SourceFile } from './types';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function value(record: Record<string, Json>, key: string | undefined): string | null {
  const v = rawValue(record, key);
  return v === null ? null : decodeReferences(v);
}

function rawValue(record: Record<string, Json>, key: string | undefined): string | null {
  if (key === undefined) return null;
  const v = record[key];
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    const strings = v.map((x) =>
      typeof x === 'string'
        ? x
        : x && typeof x === 'object' && !Array.isArray(x) && typeof x['name'] === 'string'
          ? x['name']
          : null,
    );
    const kept = strings.filter((x): x is string => x !== null && x.trim() !== '');
    return kept.length > 0 ? kept.join(', ') : null;
  }
  if (v && typeof v === 'object' && typeof v['name'] === 'string') return v['name'];
  return null;
}

function recordsOf(data: Json, path: string): Json[] {
  if (Array.isArray(data)) return data;
  if (data && typeof data === 'object') {
    for (const key of ['articles', 'items', 'data', 'results', 'records']) {
      const inner = data[key];
      if (Array.isArray(inner)) return inner;
    }
    return [data];
  }
  throw new ImportError('IMPORT_PARSE_FAILED', `${path}: JSON holds neither an article nor a list of articles`);
}

function parseRecord(
  record: Json,
  index: number,
  file: SourceFile,
  encoding: string,
  format: string,
  options: ImportOptions,
): ParsedRecord {
  const where = `${file.path}#${index + 1}`;
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    return {
      ok: false,
      error: { path: where, code: 'IMPORT_PARSE_FAILED', message: `${where}: record ${index + 1} is not an object` },
    };
  }
  const columns = resolveColumns(Object.keys(record), options.mapping, where, false);
  const body = value(record, columns.body);
  const title = value(record, columns.title);
  if (!body || body.trim() === '') {
    const named = title ? ` ("${title.slice(0, 60)}")` : '';
    const field = options.mapping?.body ? ` in "${options.mapping.body}"` : '';
    return {
      ok: false,
      error: {
        path: where,
        code: 'IMPORT_EMPTY',
        message: `${where}: record ${index + 1}${named} has no article text${field}`,
      },
    };
  }
  const tagsValue = columns.tags === undefined ? undefined : record[columns.tags];
  const tags = Array.isArray(tagsValue)
    ? tagsValue.filter((t): t is string => typeof t === 'string')
    : typeof tagsValue === 'string'
      ? splitTags(tagsValue)
      : undefined;
  const article = buildArticle({
    title: title ?? firstSentenceTitle(body),
    body,
    author: value(record, columns.author),
    source: value(record, columns.source),
    date: value(record, columns.date),
    url: value(record, columns.url),
    lang: value(record, columns.lang),
    tags,
    originPath: where,
    originFormat: format,
    encoding,
  });
  return { ok: true, article };
}

function describeJsonError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const pos = /position (\d+)/.exec(message);
  if (!pos) return message;
  const offset = Number(pos[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '')} at line ${line}, column ${column}`;
}

export const jsonImporter: Importer = {
  id: 'json',
  label: 'JSON (array of articles)',
  extensions: ['.json'],
  parse(file, options) {
    const { text, encoding } = decodeText(file.bytes, file.path, { forced: options.encoding });
    let data: Json;
    try {
      data = JSON.parse(text) as Json;
    } catch (error) {
      // A part's line and column would point into the part, not the file: it is named by its records.
      const where = options.part
        ? ` in the records from ${options.part.firstRecord + 1} on: ${error instanceof Error ? error.message : String(error)}`
        : `: ${describeJsonError(error, text)}`;
      throw new ImportError('IMPORT_PARSE_FAILED', `${file.path}: invalid JSON${where}`);
    }
    const first = options.part?.firstRecord ?? 0;
    return recordsOf(data, file.path).map((r, i) => parseRecord(r, first + i, file, encoding, 'json', options));
  },
};

export const jsonLinesImporter: Importer = {
  id: 'jsonl',
  label: 'JSON Lines',
  extensions: ['.jsonl', '.ndjson'],
  parse(file, options) {
    const { text, encoding } = decodeText(file.bytes, file.path, { forced: options.encoding });
    const out: ParsedRecord[] = [];
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        out.push(parseRecord(JSON.parse(line) as Json, i, file, encoding, 'jsonl', options));
      } catch (error) {
        const where = `${file.path}#${i + 1}`;
        const reason = error instanceof Error ? error.message : String(error);
        out.push({
          ok: false,
          error: {
            path: where,
            code: 'IMPORT_PARSE_FAILED',
            message: `${where}: line ${i + 1} is not valid JSON: ${reason}`,
          },
        });
      }
    });
    if (out.length === 0) throw new ImportError('IMPORT_EMPTY', `${file.path}: no records`);
    return out;
  },
};
