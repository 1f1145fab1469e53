/**
 * The one list of import formats. Everything that needs to know formats
 * (file pickers, the CLI's help, folder walks) reads it from here.
 */
import { gunzipSync } from 'node:zlib';
import { jsonImporter, jsonLinesImporter } from './json';
import { plainTextImporter } from './plainText';
import { ImportError, type Importer, type ImportOptions, type ParsedRecord, type SourceFile } from './types';

export const importers: readonly Importer[] = [plainTextImporter, jsonImporter, jsonLinesImporter];

/** Files larger than this are refused rather than exhausting memory. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

export function importerFor(name: string): Importer | null {
  const ext = extensionOf(name);
  return importers.find((imp) => imp.extensions.includes(ext)) ?? null;
}

/** Extensions a folder walk picks up (".gz" of any of them too). */
export function isImportable(name: string): boolean {
  const lower = name.toLowerCase();
  return importerFor(lower.endsWith('.gz') ? lower.slice(0, -3) : lower) !== null;
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Parses one file's bytes; whole-file failures throw ImportError. */
export function parseFile(path: string, bytes: Uint8Array, options: ImportOptions = {}): ParsedRecord[] {
  let name = path;
  let content = bytes;
  if (name.toLowerCase().endsWith('.gz')) {
    name = name.slice(0, -3);
    if (!isGzip(content)) throw new ImportError('IMPORT_DECODE_FAILED', `${path}: named .gz but not gzip data`);
    try {
      content = gunzipSync(content, { maxOutputLength: MAX_FILE_BYTES });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ImportError('IMPORT_DECODE_FAILED', `${path}: gzip data is damaged or too large (${reason})`);
    }
  }
  const importer = importerFor(name);
  if (!importer) {
    const ext = extensionOf(name) || '(no extension)';
    const known = importers.flatMap((i) => i.extensions).join(', ');
    throw new ImportError('IMPORT_UNSUPPORTED_FORMAT', `${path}: unsupported format ${ext}; Mizan imports ${known}`);
  }
  const file: SourceFile = { path, name, bytes: content };
  return importer.parse(file, options);
}
