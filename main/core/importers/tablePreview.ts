/**
 * A look at a CSV/TSV file before it is imported, for the UI's column
 * mapping dialog: the same steps the import takes (gzip, refusal of binary
 * and foreign formats, encoding, delimiter, header, column guesses), so what
 * the dialog shows is what the import will read, and a file the import would
 * refuse is refused here with the same code and words.
 */
import type { ImportMapping, TablePreview } from '../../../preload/contract/library';
import { rowsOf, sniffDelimiter } from './csv';
import { decodeText } from './decode';
import { resolveColumns } from './fields';
import { openSourceFile } from './registry';
import { ImportError } from './types';

/** Preview cells are cut here: a body cell can hold a whole article, the dialog shows its start. */
const CELL_CHARS = 300;

export interface PreviewOptions {
  /** Rows under the header to return. */
  rows: number;
  maxBytes?: number;
  /** The whole file's size when `bytes` are only its beginning (an upload too big to send whole). */
  fullSize?: number;
}

/**
 * Where the first `wanted` records end, and how many non-blank records the
 * text holds: newlines outside double quotes, as csv-parse splits them. One
 * pass with no allocation, so counting a 50 MB export costs little.
 */
export function scanRecords(text: string, wanted: number): { count: number; endOf: number } {
  let count = 0;
  let endOf = text.length;
  let quoted = false;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    if (c === 10 && !quoted) {
      if (!blank) {
        count++;
        if (count === wanted) endOf = i + 1;
      }
      blank = true;
    } else if (blank && c !== 13 && c !== 32 && c !== 9 && c !== 0xfeff) {
      blank = false;
    }
  }
  if (!blank) {
    count++;
    if (count === wanted) endOf = text.length;
  }
  return { count, endOf };
}

export function previewTable(path: string, bytes: Uint8Array, options: PreviewOptions): TablePreview {
  const { file, importer } = openSourceFile(path, bytes, { maxBytes: options.maxBytes });
  if (importer.id !== 'csv' && importer.id !== 'tsv') {
    throw new ImportError(
      'IMPORT_UNSUPPORTED_FORMAT',
      `${path}: not a table; only CSV and TSV files (.csv, .tsv, .tab) have columns to map`,
    );
  }
  const format = importer.id;
  const { text, encoding } = decodeText(file.bytes, path);
  const delimiter = format === 'tsv' ? '\t' : sniffDelimiter(text);
  // Header + the rows shown: only that part is parsed; the rest is counted.
  const { count, endOf } = scanRecords(text, options.rows + 1);
  const rows = rowsOf(text.slice(0, endOf), delimiter, path);
  const header = rows[0];
  if (!header || header.every((cell) => cell.trim() === ''))
    throw new ImportError('IMPORT_EMPTY', `${path}: no header line`);
  const columns = header.map((h) => h.trim());
  if (count < 2) throw new ImportError('IMPORT_EMPTY', `${path}: no rows under the header`);
  // A table has a header of columns: one column that is a whole paragraph is prose named .csv.
  if (columns.length === 1 && columns[0]!.length > 200) {
    throw new ImportError(
      'IMPORT_PARSE_FAILED',
      `${path}: not a table: its first line is ${columns[0]!.length} characters of text with no ${delimiter === '\t' ? 'tab' : `"${delimiter}"`} between columns`,
    );
  }
  const shown = rows
    .slice(1)
    .filter((row) => row.some((cell) => cell.trim() !== ''))
    .slice(0, options.rows)
    .map((row) => row.map((cell) => (cell.length > CELL_CHARS ? `${cell.slice(0, CELL_CHARS)}…` : cell)));
  const partial = options.fullSize !== undefined && options.fullSize > bytes.length && bytes.length > 0;
  const underHeader = count - 1;
  const guessed: ImportMapping = resolveColumns(columns, undefined, path);
  return {
    path,
    format,
    delimiter,
    encoding,
    columns,
    rows: shown,
    rowCount: partial ? Math.round((underHeader * options.fullSize!) / bytes.length) : underHeader,
    rowCountExact: !partial,
    guessed,
  };
}
