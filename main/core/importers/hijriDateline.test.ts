import { describe, expect, it } from 'vitest';
import { parseDate } from '../text/dates';
import { parseFile } from './registry';

describe('an article dated in Hijri gets its Gregorian day', () => {
  it('from a metadata field and from a plain-text dateline', () => {
    const json = JSON.stringify([{ title: 'هدنة', content: 'نص الخبر.', date: 'الأحد 10 شوال 1436 هـ' }]);
    const [fromJson] = parseFile('/x/a.json', new TextEncoder().encode(json));
    expect(fromJson?.ok && fromJson.article.published).toEqual({
      original: 'الأحد 10 شوال 1436 هـ',
      iso: '2015-07-26',
      precision: 'day',
    });
    const [fromText] = parseFile('/x/a.txt', new TextEncoder().encode('المدينة – (10 شوال 1436هـ)\nنص الخبر هنا.'));
    expect(fromText?.ok && fromText.article.published?.iso).toBe('2015-07-26');
    expect(parseDate('2015-07-26')?.calendar).toBeUndefined();
  });
});
