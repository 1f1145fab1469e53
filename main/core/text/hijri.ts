/**
 * Hijri (Umm al-Qura) dates in Arabic text: "26 شوال 1436 هـ", "الأحد 10 شوال
 * 1436هـ الموافق 26 يوليو 2015م", "12 من ذي القعدة ١٤٣٦هـ", "غرة رمضان",
 * "29/9/1436هـ", "1436/10/14هـ". Every result carries the Gregorian day
 * (`iso`) and `calendar: 'islamic-umalqura'`.
 *
 * Days are converted with the Umm al-Qura calendar of @internationalized/date
 * (the official Saudi calendar, table-based), not with arithmetic: the
 * tabular Islamic calendar is a day or two off Umm al-Qura in many months.
 *
 * Patterns run on the matching fold (ى → ي, ة → ه, hamza forms → ا,
 * Arabic-Indic digits → ASCII, tatweel dropped) with an offset map back to
 * the original, like dates.ts; that module merges these results into
 * `findDates`, so the importer, the fact ledger and the UI share one parser.
 */
import { CalendarDate, GregorianCalendar, IslamicUmalquraCalendar, toCalendar } from '@internationalized/date';
import { foldWithOffsets } from '../../../common/text/normalize';
import type { FoundDate } from './dates';

/**
 * Umm al-Qura month names in their folded form → month number, with the
 * spellings newspapers use: ربيع الأول/الاول/أول, ربيع الآخر/الثاني,
 * جمادى الأولى/الأول, جمادى الآخرة/الآخر/الثانية, ذو/ذي/ذا القعدة.
 */
// prettier-ignore
export const HIJRI_MONTHS: ReadonlyArray<readonly [string, number]> = [
  ['محرم', 1], ['صفر', 2],
  ['ربيع الاول', 3], ['ربيع اول', 3], ['ربيع الاخر', 4], ['ربيع اخر', 4], ['ربيع الثاني', 4], ['ربيع ثاني', 4],
  ['ربيع الاخره', 4],
  ['جمادي الاولي', 5], ['جمادي الاول', 5], ['جمادي اولي', 5], ['جماد الاول', 5], ['جمادي الاخره', 6],
  ['جمادي الاخر', 6], ['جمادي الثانيه', 6], ['جمادي الثاني', 6], ['جمادي اخره', 6], ['جماد الاخر', 6],
  ['جماد الثاني', 6], ['رجب', 7], ['شعبان', 8], ['رمضان', 9], ['شوال', 10],
  ['ذو القعده', 11], ['ذي القعده', 11], ['ذا القعده', 11], ['ذو الحجه', 12], ['ذي الحجه', 12], ['ذا الحجه', 12],
];

/** Month names for display, as the Saudi calendar writes them. */
export const HIJRI_MONTH_LABELS: readonly string[] = [
  'محرم',
  'صفر',
  'ربيع الأول',
  'ربيع الآخر',
  'جمادى الأولى',
  'جمادى الآخرة',
  'رجب',
  'شعبان',
  'رمضان',
  'شوال',
  'ذو القعدة',
  'ذو الحجة',
];

const MONTH_BY_NAME: ReadonlyMap<string, number> = new Map(HIJRI_MONTHS);
// ذو/ذي before القعدة and الحجة is often written joined (ذوالحجة).
const MONTH_ALT = [...HIJRI_MONTHS]
  .map(([n]) => n)
  .sort((a, b) => b.length - a.length)
  .map((n) => n.replace(/^(ذو|ذي|ذا) /u, '$1\\s*').replace(/ /gu, '\\s+'))
  .join('|');
// Epithets papers add after a month: رمضان المبارك, محرم الحرام, شعبان المعظم, رجب الفرد.
const EPITHET = '(?:\\s+(?:المبارك|الحرام|المعظم|المكرم|الفرد|المرجب|الخير|الاغر))?';
const YEAR_CUE = '(?:(?:من\\s+)?(?:عام|لعام|للعام|العام|سنه|لسنه)\\s+)?';
const HIJRI_MARK = '(?:\\s*ه(?:ـ)?(?![\\p{L}\\p{N}]))';
const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';
// "26 شوال 1436 هـ", "12 من شهر ذي القعدة عام 1436ه", "(21) شوال 1436ه", "10/شوال/1436ه", "غره رمضان",
// "26 شوال" (year from the reference).
const NAMED = new RegExp(
  `${L}(?<d>\\d{1,2}|غره)\\)?\\s*\\/?\\s*(?:من\\s+)?(?:شهر\\s+)?(?<m>${MONTH_ALT})${EPITHET}(?:\\s*[,/]?\\s*${YEAR_CUE}(?<y>1[34]\\d\\d)${HIJRI_MARK}?)?${R}`,
  'gu',
);
// "29/9/1436هـ", "19 / 10 / 1436هـ", "29-9-1436", "1436/10/14هـ": Hijri years 1300-1499 only, which no Gregorian news date has.
const NUMERIC = new RegExp(
  `${L}(?:(?<d>\\d{1,2})(?<s> ?/ ?|[-.])(?<mo>\\d{1,2})\\k<s>(?<y>1[34]\\d\\d)|(?<y2>1[34]\\d\\d)(?<s2> ?/ ?|[-.])(?<mo2>\\d{1,2})\\k<s2>(?<d2>\\d{1,2}))${HIJRI_MARK}?${R}`,
  'gu',
);

const umalqura = new IslamicUmalquraCalendar();
const gregorian = new GregorianCalendar();

/** The Gregorian day (YYYY-MM-DD) of an Umm al-Qura day, or null when the day does not exist. */
export function hijriToIso(year: number, month: number, day: number): string | null {
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1 || day > 30) return null;
  const h = new CalendarDate(umalqura, year, month, day);
  // The library constrains out-of-range days (30 in a 29-day month) rather than failing.
  if (h.day !== day || h.month !== month || h.year !== year) return null;
  return toCalendar(h, gregorian).toString();
}

export interface HijriDay {
  year: number;
  month: number;
  day: number;
}

/** The Umm al-Qura day of a Gregorian day (YYYY-MM-DD, or an ISO datetime: its first ten characters). */
export function isoToHijri(iso: string): HijriDay | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/u.exec(iso);
  if (!m) return null;
  const g = new CalendarDate(gregorian, Number(m[1]), Number(m[2]), Number(m[3]));
  if (g.toString() !== iso.slice(0, 10)) return null;
  const h = toCalendar(g, umalqura);
  return { year: h.year, month: h.month, day: h.day };
}

/** "26 شوال 1436 هـ" for a Gregorian day, or null. */
export function formatHijri(iso: string): string | null {
  const h = isoToHijri(iso);
  return h ? `${h.day} ${HIJRI_MONTH_LABELS[h.month - 1]} ${h.year} هـ` : null;
}

/** Of the Hijri years around the reference, the one that puts (month, day) nearest to it. */
function nearestIso(reference: string, month: number, day: number): string | null {
  const refYear = isoToHijri(reference)?.year;
  if (refYear === undefined) return null;
  const ref = Date.parse(reference.slice(0, 10));
  let best: string | null = null;
  for (const y of [refYear - 1, refYear, refYear + 1]) {
    const iso = hijriToIso(y, month, day);
    if (iso && (best === null || Math.abs(Date.parse(iso) - ref) < Math.abs(Date.parse(best) - ref))) best = iso;
  }
  return best;
}

function originalSpan(text: string, offsets: Int32Array, fs: number, fe: number): { start: number; end: number } {
  const start = offsets[fs] ?? 0;
  let end = (offsets[fe - 1] ?? start) + 1;
  // Keep the tatweel of "هـ" and trailing marks with the span (the fold dropped them).
  while (end < text.length && /[\u0640\u064b-\u065f\u0670]/u.test(text[end] ?? '')) end++;
  return { start, end };
}

/**
 * Hijri days in `text` given its fold. A year-less day ("26 شوال") takes the
 * Hijri year that puts it nearest `reference` and is skipped without one;
 * year-less صفر is skipped anyway (it is also "zero": فاز 3 صفر).
 */
export function findHijriIn(text: string, folded: string, offsets: Int32Array, reference?: string): FoundDate[] {
  const out: FoundDate[] = [];
  const push = (iso: string | null, fs: number, fe: number): void => {
    if (!iso) return;
    const { start, end } = originalSpan(text, offsets, fs, fe);
    out.push({ iso, precision: 'day', start, end, text: text.slice(start, end), calendar: 'islamic-umalqura' });
  };
  for (const m of folded.matchAll(NAMED)) {
    const g = m.groups ?? {};
    const month = MONTH_BY_NAME.get((g.m ?? '').replace(/\s+/gu, ' ').replace(/^(ذو|ذي|ذا)(?=ال)/u, '$1 '));
    const day = g.d === 'غره' ? 1 : Number(g.d);
    if (!month) continue;
    if (g.y) push(hijriToIso(Number(g.y), month, day), m.index, m.index + m[0].length);
    else if (reference && month !== 2) push(nearestIso(reference, month, day), m.index, m.index + m[0].length);
  }
  for (const m of folded.matchAll(NUMERIC)) {
    const g = m.groups ?? {};
    const y = Number(g.y ?? g.y2);
    const iso = hijriToIso(y, Number(g.mo ?? g.mo2), Number(g.d ?? g.d2));
    push(iso, m.index, m.index + m[0].length);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Hijri days in running text (findDates returns them too, merged with the Gregorian ones). */
export function findHijriDates(text: string, reference?: string): FoundDate[] {
  const { folded, offsets } = foldWithOffsets(text);
  return findHijriIn(text, folded, offsets, reference);
}
