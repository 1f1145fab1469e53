/**
 * Dates of the fact ledger: the text module's Gregorian dates and relative
 * words (اليوم, أمس, الأربعاء الماضي) resolved against the article's
 * dateline, and Hijri dates (26 شوال 1436 هـ), which Saudi and Gulf papers
 * give beside or instead of the Gregorian one.
 *
 * Hijri days are converted with the Umm al-Qura calendar of
 * @internationalized/date (the official Saudi calendar, table-based), not
 * with arithmetic: the tabular Islamic calendar is a day or two off Umm
 * al-Qura in many months.
 */
import { CalendarDate, GregorianCalendar, IslamicUmalquraCalendar, toCalendar } from '@internationalized/date';
import { findDates, type FoundDate } from '../text/dates';
import { foldWithOffsets } from '../../../common/text/normalize';
import { sentenceOf } from './factTokens';
import type { DateFact } from './factTypes';
import type { PreparedText } from './prepare';

/** Hijri month names in their folded form (ى → ي, ة → ه, hamza forms → ا) → month number. */
// prettier-ignore
const HIJRI_MONTHS: ReadonlyArray<readonly [string, number]> = [
  ['محرم', 1], ['صفر', 2], ['ربيع الاول', 3], ['ربيع اول', 3], ['ربيع الاخر', 4], ['ربيع الثاني', 4], ['ربيع ثاني', 4],
  ['جمادي الاولي', 5], ['جمادي الاول', 5], ['جمادي الاخره', 6], ['جمادي الاخر', 6], ['جمادي الثانيه', 6], ['رجب', 7],
  ['شعبان', 8], ['رمضان', 9], ['شوال', 10], ['ذو القعده', 11], ['ذي القعده', 11], ['ذو الحجه', 12], ['ذي الحجه', 12],
];
const HIJRI_BY_NAME: ReadonlyMap<string, number> = new Map(HIJRI_MONTHS);
const HIJRI_ALT = [...HIJRI_MONTHS]
  .map(([n]) => n)
  .sort((a, b) => b.length - a.length)
  .map((n) => n.replace(/ /gu, '\\s+'))
  .join('|');
// "26 شوال 1436 هـ", "26 شوال 1436هـ", "26 من شوال", "26 شوال" (year from the dateline).
const HIJRI_DAY = new RegExp(
  `(?<![\\p{L}\\p{N}])(?<d>\\d{1,2})\\s+(?:من\\s+)?(?:شهر\\s+)?(?<m>${HIJRI_ALT})(?:\\s+(?:(?:عام|لعام|سنه)\\s+)?(?<y>1[34]\\d\\d)(?:\\s*ه(?:ـ)?(?![\\p{L}\\p{N}]))?)?(?![\\p{L}\\p{N}])`,
  'gu',
);

const umalqura = new IslamicUmalquraCalendar();
const gregorian = new GregorianCalendar();

/** The Gregorian day (YYYY-MM-DD) of an Umm al-Qura day, or null when the day does not exist. */
export function hijriToIso(year: number, month: number, day: number): string | null {
  const h = new CalendarDate(umalqura, year, month, day);
  // The library constrains out-of-range days (30 in a 29-day month) rather than failing.
  if (h.day !== day || h.month !== month || h.year !== year) return null;
  return toCalendar(h, gregorian).toString();
}

/** The Umm al-Qura year of a Gregorian day (YYYY-MM-DD). */
function hijriYearOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return toCalendar(new CalendarDate(gregorian, y!, m!, d!), umalqura).year;
}

/** Hijri days in `text`; without a year, the year that puts the day nearest the reference. */
export function findHijriDates(text: string, reference?: string): FoundDate[] {
  const { folded, offsets } = foldWithOffsets(text);
  const out: FoundDate[] = [];
  for (const m of folded.matchAll(HIJRI_DAY)) {
    const g = m.groups ?? {};
    const month = HIJRI_BY_NAME.get((g.m ?? '').replace(/\s+/gu, ' '));
    const day = Number(g.d);
    if (!month || day < 1 || day > 30) continue;
    let iso: string | null = null;
    if (g.y) iso = hijriToIso(Number(g.y), month, day);
    else if (reference && /^\d{4}-\d{2}-\d{2}/u.test(reference)) {
      const ref = reference.slice(0, 10);
      const y = hijriYearOf(ref);
      const dist = (x: string | null): number => (x ? Math.abs(Date.parse(x) - Date.parse(ref)) : Infinity);
      const options = [y - 1, y, y + 1].map((yy) => hijriToIso(yy, month, day));
      iso = options.reduce((best, x) => (dist(x) < dist(best) ? x : best), options[1] ?? null);
    }
    if (!iso) continue;
    const start = offsets[m.index] ?? 0;
    const lastFolded = m.index + m[0].length - 1;
    let end = (offsets[lastFolded] ?? start) + 1;
    // Keep a tatweel after هـ with the span.
    while (end < text.length && text[end] === '\u0640') end++;
    out.push({ iso, precision: 'day', start, end, text: text.slice(start, end) });
  }
  return out;
}

/** Every date of a prepared article; a Hijri date wins over a Gregorian reading of part of it. */
export function findFactDates(p: PreparedText, reference?: string): DateFact[] {
  const hijri = findHijriDates(p.text, reference);
  const gregorianDates = findDates(p.text, reference ? { reference } : undefined).filter(
    (d) => !hijri.some((h) => d.start < h.end && h.start < d.end),
  );
  const all: DateFact[] = [
    ...gregorianDates.map((d) => ({ ...d, calendar: 'gregorian' as const, sentence: sentenceOf(p, d.start) })),
    ...hijri.map((d) => ({ ...d, calendar: 'islamic-umalqura' as const, sentence: sentenceOf(p, d.start) })),
  ];
  return all.sort((a, b) => a.start - b.start);
}
