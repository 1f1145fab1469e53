import { describe, expect, it } from 'vitest';
import { parseDateBound } from './dateBound';

const iso = (text: string, edge: 'from' | 'to' = 'from') => {
  const b = parseDateBound(text, edge);
  return b.ok ? b.iso : b.reason;
};

describe('date bounds', () => {
  it('reads Gregorian days, months and years as typed', () => {
    expect(iso('2015-08-11')).toBe('2015-08-11');
    expect(iso('2015/8/1')).toBe('2015-08-01');
    expect(iso('٢٠١٥-٠٨-١١')).toBe('2015-08-11');
    expect(iso('2015-08', 'to')).toBe('2015-08');
    expect(iso(' 2015 ')).toBe('2015');
  });

  it('turns a Hijri day into its Gregorian day (Umm al-Qura), with AH or هـ', () => {
    // 26 Shawwal 1436 was 11 August 2015.
    for (const text of ['1436-10-26AH', '1436-10-26 AH', '1436-10-26 هـ', '١٤٣٦/١٠/٢٦ هـ', '1436-10-26ه'])
      expect(iso(text), text).toBe('2015-08-11');
    expect(parseDateBound('1436-10-26 هـ', 'to')).toEqual({
      ok: true,
      iso: '2015-08-11',
      calendar: 'hijri',
      hijri: '1436-10-26',
    });
  });

  it('widens a Hijri month or year to its first or last Gregorian day', () => {
    // Ramadan 1436: 18 June to 16 July 2015.
    expect(iso('1436-09 هـ', 'from')).toBe('2015-06-18');
    expect(iso('1436-09 هـ', 'to')).toBe('2015-07-16');
    // 1436 AH: 25 October 2014 to 13 October 2015.
    expect(iso('1436 AH', 'from')).toBe('2014-10-25');
    expect(iso('1436 AH', 'to')).toBe('2015-10-13');
  });

  it('refuses what is not a date, and days a calendar does not have', () => {
    expect(iso('next week')).toBe('format');
    expect(iso('15-08-2015')).toBe('format');
    expect(iso('2015-02-30')).toBe('invalid');
    expect(iso('2015-13')).toBe('invalid');
    expect(iso('1436-13-01 هـ')).toBe('invalid');
    expect(iso('1436-10-31 هـ')).toBe('invalid');
    expect(iso('900 AH')).toBe('invalid');
    expect(iso('')).toBe('format');
  });
});
