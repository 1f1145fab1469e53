import { describe, expect, it } from 'vitest';
import { archiveCapture, baseName, fileSize, isoForPrecision, languageName, longDate, shortDate } from './format';

describe('published dates', () => {
  it('shows the ISO date only as precisely as it is known', () => {
    expect(isoForPrecision({ original: '(26/7/2021)', iso: '2021-07-26', precision: 'day' })).toBe('2021-07-26');
    expect(isoForPrecision({ original: 'تموز 2021', iso: '2021-07', precision: 'month' })).toBe('2021-07');
    expect(isoForPrecision({ original: 'تموز 2021', iso: '2021-07-01', precision: 'month' })).toBe('2021-07');
    expect(isoForPrecision({ original: '2021', iso: '2021-01-01', precision: 'year' })).toBe('2021');
    expect(isoForPrecision({ original: null, iso: null, precision: null })).toBeNull();
  });
  it('spells a date out without inventing a day or a month', () => {
    expect(longDate({ original: null, iso: '2021-07-26', precision: 'day' }, 'en-GB')).toMatch(
      /^Monday,? 26 July 2021$/,
    );
    expect(longDate({ original: null, iso: '2021-07', precision: 'month' }, 'en-GB')).toBe('July 2021');
    expect(longDate({ original: null, iso: '2021-07-01', precision: 'year' }, 'en-GB')).toBe('2021');
    expect(longDate({ original: null, iso: '2021-07-26', precision: 'day' }, 'ar-u-nu-latn')).toMatch(/26.*2021/);
  });
});

describe('shortDate', () => {
  it('names the month in the chosen Arabic system and keeps the precision', () => {
    const day = { original: null, iso: '2021-07-26', precision: 'day' as const };
    expect(shortDate(day, 'en-GB')).toBe('26 Jul 2021');
    expect(shortDate(day, 'ar-SY-u-nu-latn')).toBe('26 تموز 2021');
    expect(shortDate(day, 'ar-EG-u-nu-latn')).toBe('26 يوليو 2021');
    expect(shortDate(day, 'ar-TN-u-nu-latn')).toBe('26 جويلية 2021');
    expect(shortDate(day, 'ar-SY-u-nu-arab')).toBe('٢٦ تموز ٢٠٢١');
    expect(shortDate({ original: null, iso: '2021-07', precision: 'month' }, 'ar-SY-u-nu-latn')).toBe('تموز 2021');
    expect(shortDate({ original: null, iso: '2021', precision: 'year' }, 'en-GB')).toBe('2021');
  });
});

describe('languageName', () => {
  it('names languages in the chrome language and keeps unknown codes', () => {
    expect(languageName('ar', 'en-GB')).toBe('Arabic');
    expect(languageName('en', 'ar-u-nu-latn')).toMatch(/\p{Script=Arabic}/u);
    expect(languageName('und', 'en-GB')).toBe('und');
  });
});

describe('baseName', () => {
  it('keeps the last path segment of either separator', () => {
    expect(baseName('/a/b/hurriya.txt')).toBe('hurriya.txt');
    expect(baseName('C:\\x\\y.json')).toBe('y.json');
    expect(baseName('plain.txt')).toBe('plain.txt');
  });
});

describe('archiveCapture', () => {
  it('reads a web archive record, its capture date and the date a revisit found it unchanged', () => {
    expect(archiveCapture('/data/crawl.warc.gz#12@2015-07-22T08:00:00Z')).toEqual({
      record: '/data/crawl.warc.gz#12',
      captured: '2015-07-22T08:00:00Z',
      unchanged: null,
    });
    expect(archiveCapture('/data/crawl.warc#12@2015-07-22T08:00:00Z@2015-07-29T08:00:00Z')).toMatchObject({
      captured: '2015-07-22T08:00:00Z',
      unchanged: '2015-07-29T08:00:00Z',
    });
    // A file that only looks like one ("report#2@home.txt") is not an archive record.
    expect(archiveCapture('/notes/report#2@home.txt')).toBeNull();
    expect(archiveCapture('/data/article.html')).toBeNull();
  });
});

describe('file sizes', () => {
  it('names a size in the unit that keeps its figure readable, never "0 MB"', () => {
    expect(fileSize(48_213, 'en-GB')).toBe('48.2 kB');
    expect(fileSize(2_035_000, 'en-GB')).toBe('2 MB');
    expect(fileSize(1_644_000_000, 'en-GB')).toBe('1.6 GB');
    expect(fileSize(20, 'en-GB')).toBe('0.1 kB');
    expect(fileSize(48_213, 'ar-u-nu-latn')).not.toMatch(/^0/);
  });
});
