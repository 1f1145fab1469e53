/** Ledger dates as the reader sees them: month named, in the UI's language, Hijri beside when the text gave Hijri. */
import { describe, expect, it } from 'vitest';
import { localeFor } from '../../i18n';
import { compareEn } from '../../i18nCompare';
import { compareAr } from '../../i18nCompareAr';
import { formatFactDate } from './LedgerTables';

describe('formatFactDate', () => {
  it('names the month in English and Arabic, never an ISO string', () => {
    const day = { iso: '2015-07-22', precision: 'day', calendar: 'gregorian' } as const;
    expect(formatFactDate(day, localeFor('en'), compareEn.hijri)).toBe('22 July 2015');
    const ar = formatFactDate(day, localeFor('ar'), compareAr.hijri);
    expect(ar).toMatch(/يوليو|تموز|جويلية/u);
    expect(ar).not.toMatch(/\d{4}-\d{2}/u);
    expect(
      formatFactDate({ iso: '2021-04', precision: 'month', calendar: 'gregorian' }, 'en-GB', compareEn.hijri),
    ).toBe('April 2021');
  });

  it('shows a Hijri date in both calendars', () => {
    // 21 شوال 1436هـ (المدينة, 2015-07-22) is 6 August 2015.
    const hijri = { iso: '2015-08-06', precision: 'day', calendar: 'islamic-umalqura' } as const;
    const en = formatFactDate(hijri, localeFor('en'), compareEn.hijri);
    expect(en.startsWith('6 August 2015 · ')).toBe(true);
    expect(en).toMatch(/Shaw+al 1436 AH$/u);
    const ar = formatFactDate(hijri, localeFor('ar'), compareAr.hijri);
    expect(ar).toContain('شوال');
    expect(ar).toContain('1436');
  });
});
