/**
 * WARC files for tests and benchmarks, written with warcio's serializer:
 * news articles wrapped as the HTML pages a crawler would have saved, each a
 * response record (with its request), plus the records a real crawl holds
 * around them (a stylesheet, a redirect).
 */
import { createHash } from 'node:crypto';
import { WARCRecord, WARCSerializer } from 'warcio';

export interface WarcPage {
  url: string;
  title: string;
  body: string;
  lang: string;
  /** When the page was captured (WARC-Date). */
  date: string;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const encoder = new TextEncoder();

/** A news page around the article: navigation, inline script and style, footer (`padding` bytes of them). */
export function pageHtml(page: WarcPage, padding = 0): string {
  const dir = page.lang === 'ar' ? 'rtl' : 'ltr';
  const filler = padding > 0 ? `<script>var tracking = "${'x'.repeat(padding)}";</script>` : '';
  const paragraphs = page.body
    .split(/\n+/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${escape(p.trim())}</p>`)
    .join('\n');
  return (
    `<!doctype html><html lang="${page.lang}" dir="${dir}"><head><meta charset="utf-8"><title>${escape(page.title)}</title>` +
    `<style>body{font-family:serif} nav a{margin:0 4px}</style>${filler}</head><body>` +
    `<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>` +
    `<article><h1>${escape(page.title)}</h1>${paragraphs}</article>` +
    `<footer><p>All rights reserved.</p></footer></body></html>`
  );
}

async function serialize(record: WARCRecord, gzip: boolean): Promise<Uint8Array> {
  return WARCSerializer.serialize(record, { gzip });
}

/** The records of one page as a crawler writes them: request, response. */
export async function pageRecords(
  page: WarcPage,
  options: { gzip?: boolean; padding?: number } = {},
): Promise<Uint8Array[]> {
  const gzip = options.gzip ?? false;
  const request = WARCRecord.create(
    {
      url: page.url,
      date: page.date,
      type: 'request',
      warcVersion: 'WARC/1.1',
      httpHeaders: { Host: new URL(page.url).host },
      statusline: `GET ${new URL(page.url).pathname} HTTP/1.1`,
    },
    [],
  );
  const response = WARCRecord.create(
    {
      url: page.url,
      date: page.date,
      type: 'response',
      warcVersion: 'WARC/1.1',
      statusline: 'HTTP/1.1 200 OK',
      httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' },
    },
    [encoder.encode(pageHtml(page, options.padding ?? 0))],
  );
  return [await serialize(request, gzip), await serialize(response, gzip)];
}

/** What a crawl holds besides pages: a stylesheet and a redirect (both passed over by the import). */
export async function otherRecords(date: string, gzip = false): Promise<Uint8Array[]> {
  const css = WARCRecord.create(
    {
      url: 'https://example.org/site.css',
      date,
      type: 'response',
      warcVersion: 'WARC/1.1',
      statusline: 'HTTP/1.1 200 OK',
      httpHeaders: { 'Content-Type': 'text/css' },
    },
    [encoder.encode('body { color: black }')],
  );
  const redirect = WARCRecord.create(
    {
      url: 'https://example.org/old',
      date,
      type: 'response',
      warcVersion: 'WARC/1.1',
      statusline: 'HTTP/1.1 301 Moved Permanently',
      httpHeaders: { Location: 'https://example.org/new', 'Content-Type': 'text/html' },
    },
    [encoder.encode('<html><body>Moved</body></html>')],
  );
  return [await serialize(css, gzip), await serialize(redirect, gzip)];
}

/**
 * A later capture of `page` that found it unchanged, as deduplicating crawlers (Heritrix, Browsertrix) write it: a
 * revisit record with no body that names the earlier capture by payload digest, URL and date. `earlier` is the
 * date of that capture; when `sameArchive` is false, the digest names a capture that is not in the file.
 */
export async function revisitRecord(
  page: WarcPage,
  date: string,
  options: { gzip?: boolean; sameArchive?: boolean } = {},
): Promise<Uint8Array> {
  const body = options.sameArchive === false ? `${pageHtml(page)}<!-- an earlier edition -->` : pageHtml(page);
  const digest = `sha256:${createHash('sha256').update(body).digest('hex')}`;
  const revisit = WARCRecord.create(
    {
      url: page.url,
      date,
      type: 'revisit',
      warcVersion: 'WARC/1.1',
      statusline: 'HTTP/1.1 200 OK',
      httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' },
      warcHeaders: {
        'WARC-Profile': 'http://netpreserve.org/warc/1.1/revisit/identical-payload-digest',
        'WARC-Refers-To-Target-URI': page.url,
        'WARC-Refers-To-Date': options.sameArchive === false ? '2014-01-01T00:00:00Z' : page.date,
        'WARC-Payload-Digest': digest,
      },
    },
    [],
  );
  return serialize(revisit, options.gzip ?? false);
}
