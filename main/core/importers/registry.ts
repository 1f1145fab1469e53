/**
 * The one list of import formats. Everything that needs to know formats
 * (file pickers, the CLI's help, folder walks) reads it from here.
 */
import { gunzipSync } from 'node:zlib';
import { csvImporter, tsvImporter } from './csv';
import { htmlImporter } from './html';
import { jsonImporter, jsonLinesImporter } from './json';
import { markdownImporter } from './markdown';
import { mhtmlImporter } from './mhtml';
import { docxImporter } from './docx';
import { feedImporter } from './feed';
import { pdfImporter } from './pdf';
import { plainTextImporter } from './plainText';
import {
  ImportError,
  MAX_FILE_BYTES,
  type Importer,
  type ImportOptions,
  type ParsedRecord,
  type SourceFile,
} from './types';

export const importers: readonly Importer[] = [
  plainTextImporter,
  htmlImporter,
  mhtmlImporter,
  markdownImporter,
  jsonImporter,
  jsonLinesImporter,
  csvImporter,
  tsvImporter,
  pdfImporter,
  feedImporter,
  docxImporter,
];

export { MAX_FILE_BYTES };

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

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/**
 * Formats recognised by their first bytes, whatever the file is called:
 * media and programs are binary (IMPORT_BINARY); archives and documents are
 * formats Mizan does not read (IMPORT_UNSUPPORTED_FORMAT), with what to do.
 */
const SIGNATURES: ReadonlyArray<{
  test: (b: Uint8Array) => boolean;
  kind: string;
  code: 'IMPORT_BINARY' | 'IMPORT_UNSUPPORTED_FORMAT';
  advice?: string;
  /** Importers that read this kind themselves: a file named for one of them is theirs to judge. */
  readBy?: readonly string[];
}> = [
  {
    test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    kind: 'a PNG image',
    code: 'IMPORT_BINARY',
  },
  { test: (b) => startsWith(b, [0xff, 0xd8, 0xff]), kind: 'a JPEG image', code: 'IMPORT_BINARY' },
  {
    test: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')),
    kind: 'a GIF image',
    code: 'IMPORT_BINARY',
  },
  {
    test: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8),
    kind: 'a WebP image',
    code: 'IMPORT_BINARY',
  },
  {
    test: (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]),
    kind: 'a TIFF image',
    code: 'IMPORT_BINARY',
  },
  { test: (b) => startsWith(b, ascii('ftyp'), 4), kind: 'a video or image (MP4/HEIC)', code: 'IMPORT_BINARY' },
  {
    test: (b) => startsWith(b, ascii('ID3')) || startsWith(b, [0xff, 0xfb]),
    kind: 'an MP3 audio file',
    code: 'IMPORT_BINARY',
  },
  {
    test: (b) => startsWith(b, ascii('OggS')) || startsWith(b, ascii('fLaC')),
    kind: 'an audio file',
    code: 'IMPORT_BINARY',
  },
  { test: (b) => startsWith(b, ascii('SQLite format 3')), kind: 'a SQLite database', code: 'IMPORT_BINARY' },
  {
    test: (b) => startsWith(b, ascii('MZ')) && b.length > 64 && looksLikePe(b),
    kind: 'a Windows program',
    code: 'IMPORT_BINARY',
  },
  { test: (b) => startsWith(b, [0x7f, 0x45, 0x4c, 0x46]), kind: 'a program (ELF)', code: 'IMPORT_BINARY' },
  {
    test: (b) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    kind: 'an old Office document (.doc/.xls)',
    code: 'IMPORT_UNSUPPORTED_FORMAT',
    advice: 'save it as text or HTML first',
  },
  {
    test: (b) => startsWith(b, ascii('%PDF-')),
    kind: 'a PDF document',
    code: 'IMPORT_UNSUPPORTED_FORMAT',
    advice: 'name it .pdf to import it',
    readBy: ['pdf'],
  },
  {
    test: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06]),
    kind: 'a ZIP archive (or an Office/EPUB document)',
    code: 'IMPORT_UNSUPPORTED_FORMAT',
    advice: 'extract it and import the folder',
    readBy: ['docx'],
  },
  {
    test: (b) => startsWith(b, ascii('Rar!\u001a\u0007')),
    kind: 'a RAR archive',
    code: 'IMPORT_UNSUPPORTED_FORMAT',
    advice: 'extract it and import the folder',
  },
  {
    test: (b) => startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]),
    kind: 'a 7-Zip archive',
    code: 'IMPORT_UNSUPPORTED_FORMAT',
    advice: 'extract it and import the folder',
  },
  {
    test: (b) =>
      startsWith(b, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]) ||
      (startsWith(b, ascii('BZh')) && b.length > 10 && b[3]! >= 0x31 && b[3]! <= 0x39),
    kind: 'a compressed archive (xz/bzip2)',
    code: 'IMPORT_UNSUPPORTED_FORMAT',
    advice: 'extract it and import the folder',
  },
  {
    test: (b) => startsWith(b, ascii('ustar'), 257),
    kind: 'a tar archive',
    code: 'IMPORT_UNSUPPORTED_FORMAT',
    advice: 'extract it and import the folder',
  },
  {
    test: (b) => isGzip(b),
    kind: 'gzip-compressed data',
    code: 'IMPORT_UNSUPPORTED_FORMAT',
    advice: 'name it after what it holds, e.g. articles.json.gz',
  },
];

function looksLikePe(b: Uint8Array): boolean {
  const offset = b[0x3c]! | (b[0x3d]! << 8);
  return startsWith(b, [0x50, 0x45, 0, 0], offset);
}

/** Refuses content that is not an article format, whatever its name says. */
function refuseKnownBinary(path: string, bytes: Uint8Array, importer: Importer | null): void {
  for (const s of SIGNATURES) {
    if (importer && s.readBy?.includes(importer.id)) continue;
    if (s.test(bytes)) {
      throw new ImportError(s.code, `${path}: this is ${s.kind}, not an article${s.advice ? `: ${s.advice}` : ''}`);
    }
  }
}

/**
 * A file's bytes as its importer sees them: un-gzipped (within the size
 * limit), refused when empty or when its first bytes say it is no article
 * format, with the importer its name asks for. Whole-file failures throw
 * ImportError. Shared by the import and the table preview, so both refuse
 * the same files with the same words.
 */
export function openSourceFile(
  path: string,
  bytes: Uint8Array,
  options: Pick<ImportOptions, 'maxBytes' | 'archived' | 'part'> = {},
): { file: SourceFile; importer: Importer } {
  const limit = options.maxBytes ?? MAX_FILE_BYTES;
  let name = path;
  let content = bytes;
  if (content.length === 0) throw new ImportError('IMPORT_EMPTY', `${path}: the file is empty`);
  // A part of a streamed JSON file (jsonStream.ts) comes decompressed.
  if (options.part && name.toLowerCase().endsWith('.gz')) name = name.slice(0, -3);
  else if (name.toLowerCase().endsWith('.gz')) {
    name = name.slice(0, -3);
    if (!isGzip(content)) throw new ImportError('IMPORT_DECODE_FAILED', `${path}: named .gz but not gzip data`);
    try {
      content = gunzipSync(content, { maxOutputLength: limit });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const tooBig = /maxOutputLength|Cannot create a Buffer larger|buffer/i.test(reason);
      throw tooBig
        ? new ImportError(
            'IMPORT_TOO_LARGE',
            `${path}: decompresses to more than the ${Math.round(limit / 1e6)} MB limit for one file`,
          )
        : new ImportError('IMPORT_DECODE_FAILED', `${path}: gzip data is damaged (${reason})`);
    }
    if (content.length === 0) throw new ImportError('IMPORT_EMPTY', `${path}: the compressed file is empty`);
  }
  // A page out of a web archive ("crawl.warc#12") is HTML, whatever its name ends with.
  const importer = options.archived ? htmlImporter : importerFor(name);
  refuseKnownBinary(path, content, importer);
  if (!importer) {
    const ext = extensionOf(name) || '(no extension)';
    const known = importers.flatMap((i) => i.extensions).join(', ');
    throw new ImportError('IMPORT_UNSUPPORTED_FORMAT', `${path}: unsupported format ${ext}; Mizan imports ${known}`);
  }
  return { file: { path, name, bytes: content }, importer };
}

/** Parses one file's bytes with a synchronous importer; whole-file failures throw ImportError. */
export function parseFile(path: string, bytes: Uint8Array, options: ImportOptions = {}): ParsedRecord[] {
  const { file, importer } = openSourceFile(path, bytes, options);
  if (!importer.parse)
    throw new ImportError('IMPORT_PARSE_FAILED', `${path}: ${importer.label} is read asynchronously`);
  return importer.parse(file, options);
}

/** Parses one file's bytes with whichever importer its name asks for; whole-file failures throw ImportError. */
export async function parseFileAsync(
  path: string,
  bytes: Uint8Array,
  options: ImportOptions = {},
): Promise<ParsedRecord[]> {
  const { file, importer } = openSourceFile(path, bytes, options);
  if (importer.parse) return importer.parse(file, options);
  return importer.parseAsync!(file, options);
}
