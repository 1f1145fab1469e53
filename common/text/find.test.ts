import { describe, expect, it } from 'vitest';
import { findAll, foldWithMap } from './find';

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
