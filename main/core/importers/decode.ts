/**
 * Bytes to text. A file we cannot decode with confidence is refused with
 * IMPORT_DECODE_FAILED rather than stored as mojibake.
 */
import { ImportError } from './types';

export interface DecodedText {
  text: string;
  encoding: string;
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

function hasUtf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

export function decodeText(bytes: Uint8Array, path: string): DecodedText {
  if (bytes.length === 0) throw new ImportError('IMPORT_EMPTY', `${path}: the file is empty`);
  const utf16 = hasUtf16Bom(bytes);
  if (utf16) {
    return { text: new TextDecoder(utf16, { fatal: false }).decode(bytes), encoding: utf16 };
  }
  if (looksBinary(bytes)) {
    throw new ImportError('IMPORT_BINARY', `${path}: this is a binary file, not text`);
  }
  try {
    // ignoreBOM false: a UTF-8 BOM is consumed, not kept as U+FEFF.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    throw new ImportError(
      'IMPORT_DECODE_FAILED',
      `${path}: not valid UTF-8 and no other encoding could be recognised`,
    );
  }
}
