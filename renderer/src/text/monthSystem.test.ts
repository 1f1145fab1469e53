import { describe, expect, it } from 'vitest';
import { loadMessages, makeI18n } from '../i18n';
import { hijriDate } from './format';
import { localeForMonths, monthSystemOf } from './monthSystem';

// The tables load as the page's entry loads them.
await Promise.all([loadMessages('en'), loadMessages('ar')]);

describe("an outlet's month names and the Hijri day beside the Gregorian one", () => {
  it('reads the month names an article writes', () => {
    // The seed (حرية, Iraq) writes "(26 تموز 2021)"; SaudiNewsNet papers "الموافق 26 يوليو 2015م".
    expect(monthSystemOf('وقال الكاتب في مقال كتبه الإعلامي ، (25 تموز 2021)، إن “هذه الزيارة”')).toBe('levant');
    expect(monthSystemOf('اعتباراً من يوم الأحد (10/شوال / 1436هـ ) الموافق 26 يوليو 2015م الساعة الحادية عشرة')).toBe(
      'egypt',
    );
    expect(monthSystemOf('تنطلق الدورة يوم 5 جويلية 2015 بالعاصمة')).toBe('maghreb');
    // آب and مارس are also words: without a day or a year beside them they say nothing.
    expect(monthSystemOf('مارس الرياضة مع أب وابنه')).toBeNull();
  });

  it("shows an outlet's dates in its own month names, else in the user's", () => {
    const ar = makeI18n('ar', { monthSystem: 'levant', digits: 'latn', outletMonths: true });
    expect(localeForMonths(ar, 'egypt')).toBe('ar-EG-u-nu-latn');
    expect(localeForMonths(ar, null)).toBe(ar.locale);
    // A month-name system the user picked applies to every outlet.
    expect(localeForMonths(makeI18n('ar', { monthSystem: 'levant', digits: 'latn' }), 'egypt')).toBe('ar-SY-u-nu-latn');
    expect(localeForMonths(makeI18n('en'), 'egypt')).toBe('en-GB');
  });

  it('gives the Umm al-Qura day of a day-precise date only', () => {
    const day = { original: '26/7/2015', iso: '2015-07-26', precision: 'day' as const };
    expect(hijriDate(day, 'ar-SY-u-nu-latn')).toBe('10 شوال 1436 هـ');
    expect(hijriDate(day, 'en-GB')).toBe('10 Shawwal 1436 AH');
    expect(hijriDate({ original: 'يوليو 2015', iso: '2015-07', precision: 'month' }, 'ar-SY-u-nu-latn')).toBeNull();
  });
});
