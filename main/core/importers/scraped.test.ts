/**
 * Faults of scraped exports, on the real SaudiNewsNet file of 21 July 2015:
 * HTML character references left in titles and bylines, and inline script
 * and CSS in bodies that made the language detector call Arabic articles
 * English.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../../tests/support/paths';
import { decodeReferences } from './fields';
import { parseFile } from './registry';
import type { ParsedArticle } from './types';

const path = sharedData('saudinewsnet', '2015-07-21.json.gz');
const records = parseFile(path, readFileSync(path));
const article = (n: number): ParsedArticle => {
  const r = records[n - 1]!;
  if (!r.ok) throw new Error(r.error.message);
  return r.article;
};
const articles = records.flatMap((r) => (r.ok ? [r.article] : []));

describe('character references in scraped fields', () => {
  it('decodes them in titles and bylines', () => {
    expect(article(1548).title).toBe('توزيع “موسوعة خطب الجمعة” على خطباء الجوامع بالمملكة');
    expect(article(2638).title).toBe('ارتفاع "فلكي" لأسعار تأجير شاليهات جدة');
    expect(article(1881).title).toBe('بالصور..أربع اصابات في حادث على طريق الطائف – الباحة');
    // &nbsp; before the byline becomes a space, then trimmed.
    expect(article(2408).author).toBe('واس (جدة)');
    expect(article(2635).author).toBe('بروفايل سبق – محمد عطيف:');
  });

  it('leaves none in the whole day', () => {
    const reference = /&(#\d+|#x[0-9a-f]+|[a-z]+);/i;
    expect(
      articles.filter((a) => reference.test(a.title) || reference.test(a.author ?? '')).map((a) => a.originPath),
    ).toEqual([]);
  });

  it('decodes only complete references', () => {
    expect(decodeReferences('AT&T and R&D; &amp x; &bogus;')).toBe('AT&T and R&D; &amp x; &bogus;');
    expect(decodeReferences('&#39;سيناء&#39; &lt;b&gt;')).toBe("'سيناء' <b>");
  });
});

describe('language of bodies with inline script', () => {
  // Al Riyadh's reader polls: the article, then the poll's CSS and its jqplot script, then the poll's Arabic options.
  const polls = [1394, 1404, 1419];

  it('detects the article, not the script', () => {
    for (const n of polls) {
      const a = article(n);
      expect(a.body).toContain('jQuery.noConflict();');
      expect(a.lang, `record ${n}: ${a.title}`).toBe('ar');
      expect(a.dir).toBe('rtl');
    }
  });

  it('still finds English where the letters really are English', () => {
    // A Reuters photo caption in English with a one-line Arabic credit.
    expect(article(2027).lang).toBe('en');
  });
});
