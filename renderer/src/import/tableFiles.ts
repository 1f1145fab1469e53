/**
 * Table files (CSV/TSV) in an import: which they are, what the core makes of
 * each (library.previewTable), grouped by header so one export of many files
 * is mapped once, and the imports to run once the user has mapped them.
 * The column guesses come from the core; nothing here guesses.
 */
import type { ErrorCode, ImportField, ImportMapping, MizanApi, TablePreview } from '../../../preload/contract';
import { MizanError } from '../../../preload/contract/errors';
import { importFields } from '../../../preload/contract/lists';
import { bytesToBase64 } from './uploadFiles';

/** A file or a path to import: the page holds Files (web, picker), Electron drops hold paths. */
export type ImportSource = { kind: 'file'; file: File } | { kind: 'path'; path: string };

/** How the import's report names a source: its path, or an upload's file name. */
export const pathOf = (s: ImportSource): string => (s.kind === 'path' ? s.path : s.file.name);

export const sourceName = (s: ImportSource): string =>
  s.kind === 'file' ? s.file.name : s.path.split(/[\\/]/).pop() || s.path;

/** The extensions the CSV/TSV importers read, gzipped or not (registry.ts decides; this only picks whom to ask). */
export function isTableName(name: string): boolean {
  return /\.(csv|tsv|tab)(\.gz)?$/i.test(name);
}

/** Up to this much of a big file is sent for its preview (cut at a line end); the core scales the row count. */
export const PREVIEW_BYTES = 2 * 1024 * 1024;

/**
 * The beginning of `bytes` up to and including the last line end before
 * `limit`: a line feed, with the zero byte after it in UTF-16LE text, so
 * the cut never splits a character. The whole of a gzipped file (a cut
 * would break the stream).
 */
export function previewSlice(bytes: Uint8Array, name: string, limit = PREVIEW_BYTES): Uint8Array {
  if (bytes.length <= limit || /\.gz$/i.test(name)) return bytes;
  let end = bytes.lastIndexOf(0x0a, limit - 1);
  if (end < 0) return bytes;
  if (bytes[end + 1] === 0 && end + 2 <= bytes.length) end += 1;
  return bytes.subarray(0, end + 1);
}

export type PreviewOutcome =
  | { source: ImportSource; preview: TablePreview }
  | { source: ImportSource; error: { code: ErrorCode; message: string } };

export async function previewSource(api: MizanApi, source: ImportSource): Promise<PreviewOutcome> {
  try {
    if (source.kind === 'path') return { source, preview: await api['library.previewTable']({ path: source.path }) };
    const whole = new Uint8Array(await source.file.arrayBuffer());
    const part = previewSlice(whole, source.file.name);
    const upload = {
      name: source.file.name,
      contentBase64: bytesToBase64(part),
      ...(part.length < whole.length ? { size: whole.length } : {}),
    };
    return { source, preview: await api['library.previewTable']({ upload }) };
  } catch (error) {
    if (error instanceof MizanError) return { source, error: { code: error.code, message: error.message } };
    return {
      source,
      error: {
        code: 'IMPORT_READ_FAILED',
        message: `${sourceName(source)}: ${error instanceof Error ? error.message : String(error)}`,
      },
    };
  }
}

/**
 * What identifies "the same export": format, delimiter and the header's
 * names (case and surrounding spaces aside), in order.
 */
export function headerSignature(preview: Pick<TablePreview, 'format' | 'delimiter' | 'columns'>): string {
  return [preview.format, preview.delimiter, ...preview.columns.map((c) => c.trim().toLowerCase())].join('\u001f');
}

/** Every field, '' when no column is chosen: the state of the dialog's selects. */
export type MappingChoice = Record<ImportField, string>;

export interface TableGroup {
  signature: string;
  /** The first file's preview stands for the group (same header). */
  preview: TablePreview;
  sources: ImportSource[];
  /** Where the starting choice came from: the user's last mapping of this header, or the importer's guess. */
  origin: 'remembered' | 'guessed';
  initial: MappingChoice;
}

export function choiceOf(mapping: ImportMapping, columns: readonly string[]): MappingChoice {
  const choice = Object.fromEntries(importFields.map((f) => [f, ''])) as MappingChoice;
  for (const field of importFields) {
    const column = mapping[field];
    if (column !== undefined && columns.includes(column)) choice[field] = column;
  }
  return choice;
}

export function mappingOf(choice: MappingChoice): ImportMapping {
  const mapping: ImportMapping = {};
  for (const field of importFields) if (choice[field] !== '') mapping[field] = choice[field];
  return mapping;
}

/** Table files with the same header share one group, in the order they came. */
export function groupPreviews(
  outcomes: readonly { source: ImportSource; preview: TablePreview }[],
  remembered: (signature: string) => ImportMapping | undefined,
): TableGroup[] {
  const groups = new Map<string, TableGroup>();
  for (const { source, preview } of outcomes) {
    const signature = headerSignature(preview);
    const group = groups.get(signature);
    if (group) {
      group.sources.push(source);
      continue;
    }
    const memory = remembered(signature);
    // A remembered mapping only counts when its columns are all still there (they are, for the same signature, unless edited by hand).
    const usable = memory !== undefined && Object.values(memory).every((c) => preview.columns.includes(c));
    groups.set(signature, {
      signature,
      preview,
      sources: [source],
      origin: usable ? 'remembered' : 'guessed',
      initial: choiceOf(usable ? memory : preview.guessed, preview.columns),
    });
  }
  return [...groups.values()];
}

/** A group can be imported once a column holds the article text (the importer needs one; the title falls back to the text's first sentence). */
export const isMapped = (choice: MappingChoice): boolean => choice.body !== '';
