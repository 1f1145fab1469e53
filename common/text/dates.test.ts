import { describe, expect, it } from 'vitest';
import { dateLocale, formatInstant, formatIsoDate } from './dates';

describe('dates as a reader writes them', () => {
  it('names the month at the precision the date has, in each Arabic month system and in English', () => {
    expect(formatIsoDate('2021-07-26', dateLocale('ar'))).toBe('26 تموز 2021');
    expect(formatIsoDate('2021-07-26', dateLocale('ar', 'egypt'))).toBe('26 يوليو 2021');
    expect(formatIsoDate('2021-07-26', dateLocale('ar', 'maghreb'))).toBe('26 جويلية 2021');
    expect(formatIsoDate('2021-07-26', dateLocale('en'))).toBe('26 July 2021');
    expect(formatIsoDate('2021-07-26', dateLocale('en'), { month: 'short' })).toBe('26 Jul 2021');
    expect(formatIsoDate('2021-07-26', dateLocale('en'), { weekday: true })).toBe('Monday, 26 July 2021');
    // A month-precise date is not the first of the month; a year is a year.
    expect(formatIsoDate('2021-07', dateLocale('ar'))).toBe('تموز 2021');
    expect(formatIsoDate('2021', dateLocale('en'))).toBe('2021');
    expect(formatIsoDate('26/07/2021', dateLocale('en'))).toBeNull();
  });

  it('writes Arabic-Indic digits when asked, never a numeric day-month-year', () => {
    expect(formatIsoDate('2026-12-06', dateLocale('ar', 'levant', 'arab'))).toBe('٦ كانون الأول ٢٠٢٦');
    for (const locale of [dateLocale('ar'), dateLocale('en')]) {
      expect(formatIsoDate('2026-12-06', locale)).not.toMatch(/\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{4}[-/]\d{2}/);
    }
  });

  it('puts an instant date first, month named, then the time', () => {
    const at = '2026-12-06T22:55:00Z';
    expect(formatInstant(at, dateLocale('en'), 'UTC')).toBe('6 Dec 2026, 22:55');
    const ar = formatInstant(at, dateLocale('ar'), 'UTC');
    expect(ar.startsWith('6 كانون الأول 2026')).toBe(true);
    expect(ar).toContain('10:55');
    expect(ar.indexOf('2026')).toBeLessThan(ar.indexOf('10:55'));
  });
});
