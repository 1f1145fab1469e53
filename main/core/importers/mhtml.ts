/**
 * MHTML (.mhtml/.mht): "Save page as… single file" in Chromium and Internet
 * Explorer. A MIME multipart whose first text/html part is the page, usually
 * quoted-printable, with its charset and its address (Content-Location) in
 * the part headers. The page then goes through the HTML importer; the other
 * parts (images, style sheets) are not needed for the text and are dropped.
 */
import { decodeText, sniffDeclaredCharset } from './decode';
import { parseHtmlText } from './html';
import { ImportError, type Importer } from './types';

interface MimePart {
  headers: Map<string, string>;
  body: Buffer;
}

/** Header block → lower-case names → unfolded values. */
function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

function param(header: string | undefined, name: string): string | null {
  if (!header) return null;
  const m = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(header);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

function splitHead(raw: string): { head: string; bodyStart: number } | null {
  const m = /\r?\n\r?\n/.exec(raw);
  return m ? { head: raw.slice(0, m.index), bodyStart: m.index + m[0].length } : null;
}

export function decodeQuotedPrintable(text: string): Buffer {
  const soft = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const c = soft.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(c & 0xff);
  }
  return Buffer.from(bytes);
}

function decodeBody(raw: string, transfer: string | undefined): Buffer {
  const encoding = (transfer ?? '').trim().toLowerCase();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(raw);
  if (encoding === 'base64') return Buffer.from(raw.replace(/\s+/g, ''), 'base64');
  // 7bit, 8bit, binary: the bytes as they are (the whole file was read as Latin-1, one char per byte).
  return Buffer.from(raw, 'latin1');
}

/** The MIME parts of a message (one part when it is not multipart). */
export function mimeParts(bytes: Uint8Array, path: string): { top: Map<string, string>; parts: MimePart[] } {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const split = splitHead(raw);
  if (!split) throw new ImportError('IMPORT_PARSE_FAILED', `${path}: not an MHTML file (no MIME headers)`);
  const top = parseHeaders(split.head);
  const type = top.get('content-type') ?? '';
  const boundary = param(type, 'boundary');
  if (!/^multipart\//i.test(type) || !boundary) {
    return {
      top,
      parts: [{ headers: top, body: decodeBody(raw.slice(split.bodyStart), top.get('content-transfer-encoding')) }],
    };
  }
  const parts: MimePart[] = [];
  const chunks = raw.slice(split.bodyStart).split(`--${boundary}`);
  // chunks[0] is the preamble; the last one starts with "--" (the closing delimiter).
  for (const chunk of chunks.slice(1)) {
    if (chunk.startsWith('--')) break;
    const part = splitHead(chunk.replace(/^\r?\n/, ''));
    if (!part) continue;
    const headers = parseHeaders(part.head);
    const body = chunk
      .replace(/^\r?\n/, '')
      .slice(part.bodyStart)
      .replace(/\r?\n$/, '');
    parts.push({ headers, body: decodeBody(body, headers.get('content-transfer-encoding')) });
  }
  return { top, parts };
}

export const mhtmlImporter: Importer = {
  id: 'mhtml',
  label: 'Web archive (MHTML)',
  extensions: ['.mhtml', '.mht'],
  parse(file, options) {
    const { top, parts } = mimeParts(file.bytes, file.path);
    const page = parts.find((p) => /^text\/html\b/i.test(p.headers.get('content-type') ?? ''));
    if (!page) throw new ImportError('IMPORT_PARSE_FAILED', `${file.path}: the web archive holds no HTML page`);
    const charset = param(page.headers.get('content-type'), 'charset') ?? sniffDeclaredCharset(page.body);
    const { text, encoding } = decodeText(page.body, file.path, { declared: charset, forced: options.encoding });
    const url =
      page.headers.get('content-location') ??
      top.get('snapshot-content-location') ??
      top.get('content-location') ??
      null;
    return parseHtmlText(text, file, encoding, options, { url, format: 'mhtml' });
  },
};
