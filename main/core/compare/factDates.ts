/**
 * Dates of the fact ledger: the text module's dates, Gregorian and Hijri
 * (26 شوال 1436 هـ, which Saudi and Gulf papers give beside or instead of the
 * Gregorian one), with relative words (اليوم, أمس, الأربعاء الماضي) and
 * year-less days resolved against the article's dateline. A Hijri reading
 * wins over a Gregorian reading of part of it (text/dates.ts merges them).
 */
import { findDates } from '../text/dates';
import { sentenceOf } from './factTokens';
import type { DateFact } from './factTypes';
import type { PreparedText } from './prepare';

/** Every date of a prepared article, in text order. */
export function findFactDates(p: PreparedText, reference?: string): DateFact[] {
  return findDates(p.text, reference ? { reference } : undefined).map(({ calendar, ...d }) => ({
    ...d,
    calendar: calendar ?? ('gregorian' as const),
    sentence: sentenceOf(p, d.start),
  }));
}
