/**
 * Bytes to text. Archives of news come in every encoding of the last thirty
 * years; a file we cannot decode with confidence is refused with
 * IMPORT_DECODE_FAILED rather than stored as mojibake, and the encoding that
 * was used is recorded with the article.
 *
 * Order of evidence: a byte-order mark; UTF-16 without a mark (its zero
 * bytes); valid UTF-8 (which beats a contrary declaration: saved pages often
 * declare iso-8859-1 while holding UTF-8); a charset the container declares
 * (HTML meta, MIME header) for encodings we cannot tell apart by statistics;
 * and for the single-byte encodings of Arabic and Western text, statistics
 * over the decoded words (singleByte.ts).
 */
import iconv from 'iconv-lite';
import { detectSingleByte, SINGLE_BYTE_CANDIDATES } from './singleByte';
import { ImportError } from './types';

export interface DecodedText {
  text: string;
  /** Canonical name of the encoding used: "utf-8", "windows-1256", ... */
  encoding: string;
}

export interface DecodeHints {
  /** A charset label the container declares (`<meta charset>`, a MIME header). */
  declared?: string | null;
  /**
   * The encoding the user chose (`--encoding`, the import's `encoding`):
   * no detection and no declaration is consulted, but bytes invalid in it
   * are still refused, never stored as mojibake.
   */
  forced?: string | null;
}

const SNIFF_BYTES = 8192;

/** NUL bytes (outside UTF-16) or many control bytes mean this is not text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 7 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return n > 0 && control / n > 0.1;
}

// ---------------------------------------------------------------------------
// Charset labels

/** WHATWG-style label → the encoding we decode with (iso-8859-1 and ascii are read as windows-1252, as browsers do). */
const LABELS: ReadonlyMap<string, string> = new Map([
  ...['utf-8', 'utf8', 'unicode-1-1-utf-8', 'x-unicode20utf8'].map((l) => [l, 'utf-8'] as const),
  ...['utf-16', 'utf-16le', 'utf16le', 'ucs-2', 'unicode', 'csunicode'].map((l) => [l, 'utf-16le'] as const),
  ...['utf-16be', 'utf16be', 'unicodefffe'].map((l) => [l, 'utf-16be'] as const),
  ...[
    'us-ascii',
    'ascii',
    'ansi_x3.4-1968',
    'iso-8859-1',
    'iso8859-1',
    'iso_8859-1',
    'iso88591',
    'latin1',
    'l1',
    'cp819',
    'ibm819',
    'cp1252',
    'windows-1252',
    'x-cp1252',
    'csisolatin1',
  ].map((l) => [l, 'windows-1252'] as const),
  ...['windows-1256', 'cp1256', 'x-cp1256'].map((l) => [l, 'windows-1256'] as const),
  ...[
    'iso-8859-6',
    'iso8859-6',
    'iso_8859-6',
    'iso88596',
    'arabic',
    'asmo-708',
    'ecma-114',
    'iso-ir-127',
    'csisolatinarabic',
    'iso-8859-6-e',
    'iso-8859-6-i',
  ].map((l) => [l, 'iso-8859-6'] as const),
]);

/** The canonical encoding for a declared label, or null when we cannot decode it. */
export function normalizeCharsetLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  const key = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (key === '') return null;
  const known = LABELS.get(key);
  if (known) return known;
  return iconv.encodingExists(key) ? key : null;
}

/**
 * The charset an HTML or XML document declares in its first bytes:
 * `<meta charset=...>`, `<meta http-equiv="Content-Type" content="...; charset=...">`,
 * or `<?xml ... encoding="..."?>`. Raw label, not normalized.
 */
export function sniffDeclaredCharset(bytes: Uint8Array): string | null {
  // Latin-1 maps bytes one to one, so the ASCII markup is readable whatever the encoding.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, SNIFF_BYTES)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1]!;
  for (const tag of head.matchAll(/<meta\b[^>]*>/gi)) {
    const m = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag[0]);
    if (m) return m[1]!;
  }
  return null;
}

// ---------------------------------------------------------------------------
// UTF-8 and UTF-16

type Bom = { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number } | { encoding: 'utf-32'; length: 4 };

function byteOrderMark(bytes: Uint8Array): Bom | null {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 };
  if ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a === 0 && b === 0 && c === 0xfe && d === 0xff))
    return { encoding: 'utf-32', length: 4 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * UTF-16 without a byte-order mark: the high byte of each code unit comes
 * from very few values (0x00 for ASCII, 0x06 for Arabic, 0x20 for
 * punctuation), while the low bytes vary. Needs a few hundred bytes to tell.
 */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 64) return null;
  const even = new Uint32Array(256);
  const odd = new Uint32Array(256);
  for (let i = 0; i < n; i += 2) {
    even[bytes[i]!]!++;
    odd[bytes[i + 1]!]!++;
  }
  const units = n / 2;
  // Share of code units whose high byte is one of the two most common values.
  const topTwo = (h: Uint32Array) => {
    const sorted = [...h].sort((x, y) => y - x);
    return (sorted[0]! + sorted[1]!) / units;
  };
  const zeroShare = (h: Uint32Array) => h[0]! / units;
  if (topTwo(odd) > 0.9 && zeroShare(even) < 0.05 && (odd[0]! > 0 || odd[6]! > 0)) return 'utf-16le';
  if (topTwo(even) > 0.9 && zeroShare(odd) < 0.05 && (even[0]! > 0 || even[6]! > 0)) return 'utf-16be';
  return null;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', offset: number, path: string): DecodedText {
  if ((bytes.length - offset) % 2 !== 0) {
    throw new ImportError(
      'IMPORT_DECODE_FAILED',
      `${path}: ${encoding.toUpperCase()} text with an odd number of bytes (truncated file?)`,
    );
  }
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(offset));
    return { text, encoding };
  } catch {
    throw new ImportError(
      'IMPORT_DECODE_FAILED',
      `${path}: looks like ${encoding.toUpperCase()} but holds invalid code units`,
    );
  }
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8Fatal.decode(bytes);
  } catch {
    return null;
  }
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

/**
 * Counts well-formed multi-byte UTF-8 sequences and stray high bytes, and
 * finds the first stray one: a file with many of the first and a few of the
 * second mixes encodings (or was damaged), and decoding it either way would
 * store mojibake.
 */
export function utf8Evidence(bytes: Uint8Array): { sequences: number; invalid: number; firstInvalid: number } {
  let sequences = 0;
  let invalid = 0;
  let firstInvalid = -1;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < 0x80 || c > 0xbf) ok = false;
    }
    if (ok) {
      sequences++;
      i += need + 1;
    } else {
      invalid++;
      if (firstInvalid < 0) firstInvalid = i;
      i++;
    }
  }
  return { sequences, invalid, firstInvalid };
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

// ---------------------------------------------------------------------------

function decodeWith(bytes: Uint8Array, encoding: string, path: string, how = 'declared as'): DecodedText {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, {
    stripBOM: true,
  });
  const bad = (text.match(/\uFFFD/g) ?? []).length;
  // A few replacement characters in a long text may be the source's own; many mean the wrong table.
  if (bad > Math.max(2, text.length / 1000)) {
    throw new ImportError(
      'IMPORT_DECODE_FAILED',
      `${path}: ${how} ${encoding} but ${bad} byte sequences are not valid in it`,
    );
  }
  return { text, encoding };
}

/** The bytes from `skip` on as UTF-8, or refused with the first invalid byte's offset and line, in `refusal`'s words. */
function strictUtf8(
  bytes: Uint8Array,
  skip: number,
  path: string,
  refusal: (at: number, line: number) => string,
): DecodedText {
  const text = tryUtf8(bytes.subarray(skip));
  if (text !== null) return { text, encoding: 'utf-8' };
  const at = utf8Evidence(bytes.subarray(skip)).firstInvalid + skip;
  throw new ImportError('IMPORT_DECODE_FAILED', `${path}: ${refusal(at, lineOf(bytes, at))}`);
}

/** The user's encoding, whatever the bytes look like (only a byte order mark of that same encoding is skipped). */
function decodeForced(bytes: Uint8Array, encoding: string, path: string): DecodedText {
  const bom = byteOrderMark(bytes);
  const skip = bom?.encoding === encoding ? bom.length : 0;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return decodeUtf16(bytes, encoding, skip, path);
  if (encoding === 'utf-8')
    return strictUtf8(
      bytes,
      skip,
      path,
      (at, line) => `read as utf-8 (the encoding asked for) but the byte at ${at} (line ${line}) is not valid UTF-8`,
    );
  if (looksBinary(bytes)) throw new ImportError('IMPORT_BINARY', `${path}: this is a binary file, not text`);
  return decodeWith(bytes, encoding, path, 'read as (the encoding asked for)');
}

export function decodeText(bytes: Uint8Array, path: string, hints: DecodeHints = {}): DecodedText {
  if (bytes.length === 0) throw new ImportError('IMPORT_EMPTY', `${path}: the file is empty`);
  if (hints.forced) {
    const forced = normalizeCharsetLabel(hints.forced);
    if (!forced)
      throw new ImportError('IMPORT_DECODE_FAILED', `${path}: "${hints.forced}" is not an encoding Mizan can read`);
    return decodeForced(bytes, forced, path);
  }

  const bom = byteOrderMark(bytes);
  if (bom?.encoding === 'utf-32')
    throw new ImportError('IMPORT_DECODE_FAILED', `${path}: UTF-32 text is not supported; save it as UTF-8`);
  if (bom?.encoding === 'utf-16le' || bom?.encoding === 'utf-16be')
    return decodeUtf16(bytes, bom.encoding, bom.length, path);
  if (bom?.encoding === 'utf-8')
    return strictUtf8(
      bytes,
      bom.length,
      path,
      (at, line) => `marked as UTF-8 but holds invalid UTF-8 at byte ${at} (line ${line})`,
    );

  const declared = normalizeCharsetLabel(hints.declared);
  const utf16 = declared === 'utf-16le' || declared === 'utf-16be' ? declared : guessUtf16(bytes);
  if (utf16) return decodeUtf16(bytes, utf16, 0, path);

  if (looksBinary(bytes)) throw new ImportError('IMPORT_BINARY', `${path}: this is a binary file, not text`);

  if (isAscii(bytes)) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    return { text, encoding: declared && declared !== 'utf-16le' && declared !== 'utf-16be' ? declared : 'utf-8' };
  }

  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };

  const evidence = utf8Evidence(bytes);
  if (evidence.sequences >= 3 && evidence.sequences >= evidence.invalid) {
    throw new ImportError(
      'IMPORT_DECODE_FAILED',
      `${path}: mostly UTF-8 but ${evidence.invalid} byte(s) are not (first at byte ${evidence.firstInvalid}, line ${lineOf(bytes, evidence.firstInvalid)}): mixed encodings or a damaged file`,
    );
  }

  // Encodings statistics cannot separate from each other (CJK, Cyrillic, ...): trust the declaration.
  if (declared && declared !== 'utf-8' && !SINGLE_BYTE_CANDIDATES.includes(declared))
    return decodeWith(bytes, declared, path);

  const guess = detectSingleByte(bytes);
  if (guess.best && guess.confident) return { text: guess.best.text, encoding: guess.best.encoding };
  // The statistics were not sure; a declaration settles it (and decodeWith still refuses bytes invalid in it).
  if (declared && declared !== 'utf-8') return decodeWith(bytes, declared, path);
  const why = declared === 'utf-8' ? 'declared as UTF-8 but it is not valid UTF-8' : 'not valid UTF-8';
  throw new ImportError(
    'IMPORT_DECODE_FAILED',
    `${path}: ${why}, and it does not read with confidence as Arabic (Windows-1256, ISO-8859-6) or Western (Windows-1252) text; if you know its encoding, import it naming that encoding (mizan import --encoding LABEL)`,
  );
}
