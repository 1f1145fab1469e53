import { describe, expect, it } from 'vitest';
import { findAll, foldWithMap } from './find';
import { normalizeForMatching } from './normalize';

describe('find folding', () => {
  it('finds Arabic across diacritics, hamza forms and spacing, and Latin across case', () => {
    const body = 'قال الرئيس الأمريكيّ  جو بايدن، وقال Biden’s SPOKESMAN ٢٥٠٠ جندي';
    const hits = findAll(body, 'الامريكي جو');
    expect(hits).toHaveLength(1);
    expect(body.slice(hits[0]!.start, hits[0]!.end)).toBe('الأمريكيّ  جو');
    expect(findAll(body, 'spokesman').map((h) => body.slice(h.start, h.end))).toEqual(['SPOKESMAN']);
    expect(findAll(body, '2500').map((h) => body.slice(h.start, h.end))).toEqual(['٢٥٠٠']);
    expect(findAll(body, 'قال')).toHaveLength(2);
    expect(findAll(body, '   ')).toEqual([]);
    expect(foldWithMap('ـبـايدن').text).toBe('بايدن');
  });
});

describe('find uses the library fold', () => {
  it('matches what search and duplicate keys call the same word', () => {
    const body = 'قال Biden’s aide in Straße ﻻ يوجد، «تموز»';
    const found = (q: string) => findAll(body, q).map((h) => body.slice(h.start, h.end));
    expect(found("Biden's")).toEqual(['Biden’s']);
    expect(found('strasse')).toEqual(['Straße']);
    // The lam-alef presentation form is the two letters.
    expect(found('لا يوجد')).toEqual(['ﻻ يوجد']);
    // Arabic comma and guillemets separate words like spaces.
    expect(found('يوجد تموز')).toEqual(['يوجد، «تموز']);
  });
  it('folds a query as normalizeForMatching does', () => {
    for (const q of ['  الأمريكيّ   جو ', 'SPOKESMAN’S', '٢٥٠٠ جنديٍ'])
      expect(foldWithMap(q.trim()).text).toBe(normalizeForMatching(q));
  });
});
