/**
 * The JSON-LD fast path against the full path (Readability over the DOM) on
 * the 45 saved pages: each page is given a NewsArticle block holding what the
 * full path extracted, and must import to the same article without the DOM.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../../tests/support/paths';
import { readStructuredArticle } from './htmlFastPath';
import { parseFile } from './registry';
import type { ParsedArticle } from './types';

const only = (path: string, html: string): ParsedArticle => {
  const [record] = parseFile(path, Buffer.from(html));
  if (!record?.ok) throw new Error(`${path}: not imported`);
  return record.article;
};

/** The page with a JSON-LD block in its head, as news sites publish one. */
export function withJsonLd(html: string, data: Record<string, unknown>): string {
  const block = `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', ...data }).replace(/</g, '\\u003c')}</script>`;
  return /<head(\s[^>]*)?>/i.test(html) ? html.replace(/<head(\s[^>]*)?>/i, (m) => `${m}${block}`) : `${block}${html}`;
}

describe('HTML fast path (JSON-LD articleBody)', () => {
  const dir = sharedData('html-pages');
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort();

  it('gives the article the full path gives, on every saved page long enough for it', () => {
    let fast = 0;
    let agree = 0;
    for (const name of pages) {
      const html = readFileSync(`${dir}/${name}`, 'utf8');
      const full = only(name, html);
      const page = withJsonLd(html, {
        '@type': 'NewsArticle',
        headline: full.title,
        articleBody: full.body,
        ...(full.published ? { datePublished: full.published.original } : {}),
        ...(full.author ? { author: { '@type': 'Person', name: full.author } } : {}),
      });
      const data = readStructuredArticle(page);
      // Too short to trust alone, or text that shows markup (an article about HTML): the full way.
      if (full.body.length < 300 || /<[a-z!/]/i.test(full.body)) {
        expect(data, name).toBeNull();
        continue;
      }
      expect(data, name).not.toBeNull();
      fast++;
      const quick = only(name, page);
      const same =
        quick.title === full.title &&
        quick.body === full.body &&
        quick.lang === full.lang &&
        quick.dir === full.dir &&
        quick.author === full.author &&
        quick.published?.iso === full.published?.iso;
      if (same) agree++;
      else
        console.log(name, {
          quick: [quick.title, quick.lang, quick.author, quick.published?.iso],
          full: [full.title, full.lang, full.author, full.published?.iso],
        });
    }
    console.log(`fast path: ${fast}/${pages.length} pages; same article as the full path: ${agree}/${fast}`);
    expect(fast).toBeGreaterThan(40);
    expect(agree).toBe(fast);
  }, 60_000);

  it('goes the full way when the data is incomplete', () => {
    const page = '<html lang="en"><head><title>T</title></head><body><article><p>Body</p></article></body></html>';
    const body = 'The committee met on Tuesday. '.repeat(20);
    expect(
      readStructuredArticle(withJsonLd(page, { '@type': 'NewsArticle', headline: 'H', articleBody: 'Short.' })),
    ).toBeNull();
    expect(readStructuredArticle(withJsonLd(page, { '@type': 'NewsArticle', articleBody: body }))).toBeNull();
    expect(
      readStructuredArticle(withJsonLd(page, { '@type': 'NewsArticle', headline: 'H', articleBody: `<p>${body}</p>` })),
    ).toBeNull();
    expect(
      readStructuredArticle(withJsonLd(page, { '@type': 'Organization', name: 'H', articleBody: body })),
    ).toBeNull();
    const data = readStructuredArticle(
      withJsonLd(page.replace('<html lang="en">', '<html lang="ar" dir="rtl">'), {
        '@graph': [
          { '@type': 'WebSite', name: 'Site' },
          { '@type': 'NewsArticle', headline: 'H &amp; K', articleBody: body },
        ],
      }),
    );
    expect(data).toMatchObject({ headline: 'H & K', lang: 'ar', dir: 'rtl' });
  });
});
