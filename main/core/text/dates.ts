/**
 * Dates in Arabic and English news text: numeric (day-first for the Arabic
 * and European 26/7/2021 style), ISO, Gregorian month names in the three
 * Arabic naming systems (Levantine/Iraqi, Egyptian/Gulf, Maghrebi incl.
 * Moroccan), paired forms (نيسان/أبريل), English months, weekday names and
 * relative words resolved against a reference (the article date).
 *
 * Patterns run on the matching fold of the text (alef/hamza, ة, digits,
 * case folded) with an offset map back to the original, so a single pattern
 * covers أبريل/ابريل/إبريل and ٢٦/٧/٢٠٢١ and spans point into the original.
 */
import { foldWithOffsets } from '../../../common/text/normalize';
import {
  addDays,
  isValidDate,
  isoDay,
  nearestYear,
  pad,
  parseReference,
  shiftMonth,
  toDays,
  weekdayOfDays,
  yearMonth,
  type Ymd,
} from './calendar';
import {
  AMBIGUOUS_MONTHS,
  AMBIGUOUS_WEEKDAYS,
  MONTH_BY_NAME,
  MONTHS,
  WEEKDAY_BY_NAME,
  WEEKDAYS_AR,
  WEEKDAYS_EN,
} from './dateNames';
import { findHijriIn } from './hijri';
import { writersToday } from './writersToday';

export type DatePrecision = 'day' | 'month' | 'year';

export interface FoundDate {
  /** YYYY-MM-DD, YYYY-MM or YYYY according to precision. */
  iso: string;
  precision: DatePrecision;
  /** Span in the original text (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
  /** text.slice(start, end) */
  text: string;
  /** Set when the text wrote the day in the Hijri (Umm al-Qura) calendar; `iso` is still the Gregorian day. */
  calendar?: 'islamic-umalqura';
}

export interface DateOptions {
  /** Reference date (YYYY-MM-DD, or any ISO datetime) for relative words and year-less dates. */
  reference?: string;
}

function altOf(names: readonly string[]): string {
  return [...names]
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/ /g, '\\s+'))
    .join('|');
}

const MONTH_ALT = altOf(MONTHS.map(([n]) => n));
// A month, optionally paired with a second name: نيسان/أبريل, مارس/آذار, يوليو (تموز).
const MONTH_EXPR = `(?<m1>${MONTH_ALT})\\.?(?:\\s*(?:/|-|\\(|–)\\s*(?<m2>${MONTH_ALT})\\)?)?`;
const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';
// "عام"/"سنة" between month and year: 11 سبتمبر عام 2001.
const YEAR_CUE_INFIX = '(?:\\s*,?\\s*(?:(?:عام|سنه|لعام)\\s+)?)';
// "2021م" marks the Gregorian (ميلادي) year; kept in the span.
const YEAR = '(?<y>[12]\\d{3})(?:\\s?م(?![\\p{L}\\p{N}]))?';

interface PatternSpec {
  readonly re: RegExp;
  readonly kind:
    'iso' | 'numeric' | 'dmy' | 'mdy' | 'my' | 'monthAlone' | 'yearCue' | 'weekday' | 'relDay' | 'relPeriod';
}

const PATTERNS: readonly PatternSpec[] = [
  {
    kind: 'iso',
    re: new RegExp(
      `${L}(?<y>\\d{4})(?<s>[-/.])(?<mo>\\d{1,2})\\k<s>(?<d>\\d{1,2})(?:t\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:z|[+-]\\d{2}:?\\d{2})?)?${R}`,
      'gu',
    ),
  },
  {
    kind: 'numeric',
    re: new RegExp(`${L}(?<a>\\d{1,2})(?<s> ?/ ?|[-.])(?<b>\\d{1,2})\\k<s>(?<y>\\d{4})(?:\\s?م)?${R}`, 'gu'),
  },
  {
    // 7 يوليو 2015, 7th of July, "7 / يوليو /2015 م" (a numeric date's slashes around the month's name).
    kind: 'dmy',
    re: new RegExp(
      `${L}(?<d>\\d{1,2})(?:st|nd|rd|th)?\\s*(?:/\\s*)?(?:(?:of|من)\\s+)?${MONTH_EXPR}(?:(?:\\s*/\\s*|${YEAR_CUE_INFIX})${YEAR})?${R}`,
      'gu',
    ),
  },
  {
    kind: 'mdy',
    re: new RegExp(`${L}${MONTH_EXPR}\\s*(?<d>\\d{1,2})(?:st|nd|rd|th)?(?:\\s*,?\\s*${YEAR})?${R}`, 'gu'),
  },
  {
    kind: 'my',
    re: new RegExp(`${L}${MONTH_EXPR}${YEAR_CUE_INFIX}${YEAR}${R}`, 'gu'),
  },
  {
    kind: 'monthAlone',
    re: new RegExp(
      `${L}(?<cue>(?:(?:[وف]?(?:في|خلال|منذ|حتى|بحلول|مطلع|اوائل|اواخر|منتصف|نهايه|بدايه|شهر))|in|since|during|until|by|last|next|this|early|late|mid)\\s+)?${MONTH_EXPR}(?<rel>\\s+(?:الماضي|المقبل|القادم|الجاري|الحالي))?${R}`,
      'gu',
    ),
  },
  {
    kind: 'yearCue',
    re: new RegExp(
      `${L}(?:(?<arcue>[وفبل]?(?:ال)?(?:عام|سنه))\\s+|(?<encue>in|since|year|by|until|of|from|to)\\s+)${YEAR}(?!\\s*ه${R})(?![\\p{L}\\p{N}]|[/.-]\\d)`,
      'gu',
    ),
  },
  {
    kind: 'weekday',
    re: new RegExp(
      `${L}(?<pre>(?:(?:[وف]?(?:يوم|اليوم|مساء|صباح|ليله|ظهر|فجر|عصر|منذ|حتى))|last|next|this|on)\\s+)?(?<wd>[وفبل]?(?:${altOf(WEEKDAYS_AR.map(([n]) => n))})|${altOf(WEEKDAYS_EN.map(([n]) => n))})(?<rel>\\s+(?:الماضي|المقبل|القادم))?${R}`,
      'gu',
    ),
  },
  {
    kind: 'relDay',
    re: new RegExp(
      `${L}(?<w>اول\\s+(?:من\\s+)?امس|امس\\s+الاول|بعد\\s+غد|[وف]?(?:ب?الامس|امس|اليوم|غدا)|today|yesterday|tomorrow|the\\s+day\\s+before\\s+yesterday|the\\s+day\\s+after\\s+tomorrow)${R}`,
      'gu',
    ),
  },
  {
    kind: 'relPeriod',
    re: new RegExp(
      `${L}(?:(?<ar>[وفبل]?(?:ال)?(?:شهر|عام|سنه))\\s+(?<arrel>الماضي|الماضيه|المقبل|المقبله|القادم|القادمه|الجاري|الجاريه|الحالي|الحاليه)|(?<this>هذا\\s+(?:الشهر|العام)|هذه\\s+السنه)|(?<enrel>last|next|this)\\s+(?<en>month|year))${R}`,
      'gu',
    ),
  },
];

interface Candidate extends FoundDate {
  /** Lower wins when spans tie. */
  readonly rank: number;
  /** A weekday's name (الأحد, on Sunday): the day it stands for may be given by a date written after it. */
  readonly weekday?: boolean;
}

/** Between a weekday and the date that says which one it is: brackets, slashes, commas, الموافق. */
const NAMING_GAP = /^[\s()[\]/،,\-–]*(?:الموافق\s*(?:لـ?\s*)?)?[\s()[\]/،,\-–]*$/u;

/**
 * "يوم الأحد (10/شوال/1436هـ) الموافق (26/7/2015م)": a weekday followed by its date is that day, even where the
 * reference would put it in the week before (a coming truce, announced on Saturday).
 */
/** A day's weekday (0 = Sunday); -1 for what is not a whole day, which then matches no weekday. */
function weekdayOfIso(iso: string): number {
  const day = parseReference(iso);
  return day === null ? -1 : weekdayOfDays(toDays(day));
}

function weekdaysByTheirDates(text: string, chosen: Candidate[]): Candidate[] {
  return chosen.map((c, k) => {
    if (!c.weekday) return c;
    const wd = weekdayOfIso(c.iso);
    let end = c.end;
    for (let m = k + 1; m < chosen.length && NAMING_GAP.test(text.slice(end, chosen[m]!.start)); m++) {
      const d = chosen[m]!;
      if (d.precision === 'day' && !d.weekday && weekdayOfIso(d.iso) === wd) return { ...c, iso: d.iso };
      end = d.end;
    }
    return c;
  });
}

function monthOf(name: string | undefined): number | undefined {
  if (name === undefined) return undefined;
  return MONTH_BY_NAME.get(name.replace(/\s+/g, ' '));
}

/** The month of a (possibly paired) month expression; undefined when the pair disagrees. */
function monthFromGroups(g: Record<string, string | undefined>): number | undefined {
  const m1 = monthOf(g.m1);
  if (m1 === undefined) return undefined;
  if (g.m2 !== undefined) {
    const m2 = monthOf(g.m2);
    if (m2 !== m1) return undefined;
  }
  return m1;
}

function charBefore(text: string, at: number): string {
  let i = at - 1;
  while (i >= 0 && /\s/u.test(text[i] ?? '')) i--;
  return i >= 0 ? (text[i] ?? '') : '';
}

function charAfter(text: string, at: number): string {
  let i = at;
  while (i < text.length && /\s/u.test(text[i] ?? '')) i++;
  return i < text.length ? (text[i] ?? '') : '';
}

function wordBefore(folded: string, at: number): string {
  let i = at - 1;
  while (i >= 0 && folded[i] === ' ') i--;
  const end = i + 1;
  while (i >= 0 && /[\p{L}]/u.test(folded[i] ?? '')) i--;
  return folded.slice(i + 1, end);
}

// prettier-ignore
const CLAUSE_PUNCT = new Set(['', ',', '.', ';', ':', '-', '–', '—', ')', '(', '!', '?', '،', '؛', '؟', '"', '«', '»', '“', '”']);
const WEEKDAY_CUE_AFTER_WORDS = new Set(['الماضي', 'المقبل', 'القادم', 'المقبله']);

function resolve(
  kind: PatternSpec['kind'],
  g: Record<string, string | undefined>,
  ref: Ymd | null,
  folded: string,
  fs: number,
  fe: number,
  text: string,
  os: number,
  oe: number,
): { iso: string; precision: DatePrecision } | null {
  switch (kind) {
    case 'iso': {
      const y = Number(g.y);
      const m = Number(g.mo);
      const d = Number(g.d);
      return isValidDate(y, m, d) ? { iso: isoDay(y, m, d), precision: 'day' } : null;
    }
    case 'numeric': {
      const a = Number(g.a);
      const b = Number(g.b);
      const y = Number(g.y);
      // Day-first (Arabic and European convention); month-first only when
      // day-first is impossible and month-first is not (7/26/2021).
      if (isValidDate(y, b, a)) return { iso: isoDay(y, b, a), precision: 'day' };
      if (isValidDate(y, a, b)) return { iso: isoDay(y, a, b), precision: 'day' };
      return null;
    }
    case 'dmy':
    case 'mdy': {
      const m = monthFromGroups(g);
      if (m === undefined) return null;
      const d = Number(g.d);
      let y: number;
      if (g.y !== undefined) y = Number(g.y);
      else if (ref) {
        // "5 مايو" with no year: an English "may 5" or "march 3" alone is too
        // often not a date; demand a year for ambiguous names.
        if (AMBIGUOUS_MONTHS.has((g.m1 ?? '').replace(/\s+/g, ' ')) && g.m2 === undefined) return null;
        y = nearestYear(ref, m, d);
      } else return null;
      return isValidDate(y, m, d) ? { iso: isoDay(y, m, d), precision: 'day' } : null;
    }
    case 'my': {
      const m = monthFromGroups(g);
      const y = Number(g.y);
      if (m === undefined || y < 1000) return null;
      return { iso: yearMonth(y, m), precision: 'month' };
    }
    case 'monthAlone': {
      const m = monthFromGroups(g);
      if (m === undefined || !ref) return null;
      const paired = g.m2 !== undefined;
      const name = (g.m1 ?? '').replace(/\s+/g, ' ');
      const rel = g.rel?.trim();
      // A lone month name needs a cue unless it is a pair (نيسان/أبريل) or
      // unambiguous Arabic (تموز, يوليو): ambiguous ones need a cue always.
      const cue = g.cue !== undefined || rel !== undefined;
      if (!paired && !cue) return null;
      if (!paired && AMBIGUOUS_MONTHS.has(name) && g.cue === undefined && rel === undefined) return null;
      if (/^[a-z]/.test(name) && !paired && g.cue === undefined) return null;
      let y: number;
      if (rel === 'الماضي') y = m < ref.m ? ref.y : ref.y - 1;
      else if (rel === 'المقبل' || rel === 'القادم') y = m > ref.m ? ref.y : ref.y + 1;
      else if (rel === 'الجاري' || rel === 'الحالي') y = ref.y;
      else if (g.cue !== undefined && /^last\s/.test(g.cue)) y = m < ref.m ? ref.y : ref.y - 1;
      else if (g.cue !== undefined && /^next\s/.test(g.cue)) y = m > ref.m ? ref.y : ref.y + 1;
      else if (g.cue !== undefined && /^this\s/.test(g.cue)) y = ref.y;
      else y = nearestYear(ref, m, 15);
      return { iso: yearMonth(y, m), precision: 'month' };
    }
    case 'yearCue': {
      const y = Number(g.y);
      if (y < 1700 || y > 2100) return null;
      return { iso: pad(y, 4), precision: 'year' };
    }
    case 'weekday': {
      if (!ref) return null;
      let wdName = g.wd ?? '';
      // Strip an attached conjunction/preposition (والجمعة, بالخميس).
      if (!WEEKDAY_BY_NAME.has(wdName)) wdName = wdName.slice(1);
      const wd = WEEKDAY_BY_NAME.get(wdName);
      if (wd === undefined) return null;
      const pre = g.pre?.trim();
      const rel = g.rel?.trim();
      if (AMBIGUOUS_WEEKDAYS.has(wdName) && pre === undefined && rel === undefined) {
        // الاثنين "the two", الأحد "the one", الجمعة "the congregation":
        // without يوم/اليوم or a following الماضي/المقبل, accept only when the
        // word stands alone between punctuation (", الإثنين،").
        const after = charAfter(text, oe);
        const nextWord = folded.slice(fe).trimStart().split(/\s/u, 1)[0] ?? '';
        if (!CLAUSE_PUNCT.has(after) && !WEEKDAY_CUE_AFTER_WORDS.has(nextWord)) return null;
        const before = charBefore(text, os);
        if (
          !CLAUSE_PUNCT.has(before) &&
          !/^[وف]?(?:في|منذ|حتى)$/u.test(wordBefore(folded, fs)) &&
          (g.wd ?? '') === wdName
        )
          return null;
      }
      const refWd = weekdayOfDays(toDays(ref));
      let back = (refWd - wd + 7) % 7; // 0..6 days before (today counts)
      if (rel === 'الماضي' || pre === 'last') back = back === 0 ? 7 : back;
      else if (rel === 'المقبل' || rel === 'القادم' || pre === 'next') {
        const ahead = (wd - refWd + 7) % 7;
        return { iso: addDays(ref, ahead === 0 ? 7 : ahead), precision: 'day' };
      }
      return { iso: addDays(ref, -back), precision: 'day' };
    }
    case 'relDay': {
      if (!ref) return null;
      const w = (g.w ?? '').replace(/\s+/g, ' ').replace(/^[وف](?=ب?ال|امس|اليوم|غدا)/u, '');
      let delta: number;
      if (w === 'اليوم' || w === 'today') delta = 0;
      else if (w === 'امس' || w === 'الامس' || w === 'بالامس' || w === 'yesterday') delta = -1;
      else if (w === 'غدا' || w === 'tomorrow') delta = 1;
      else if (w === 'بعد غد' || w === 'the day after tomorrow') delta = 2;
      else if (/^اول (?:من )?امس$|^امس الاول$|^the day before yesterday$/u.test(w)) delta = -2;
      else return null;
      // "اليوم التالي" (the next day), "اليوم العالمي" (international day)
      // and "اليوم الأول" are not today.
      if (delta === 0 && w === 'اليوم') {
        const next =
          folded
            .slice(fe)
            .trimStart()
            .split(/[\s,.;:]/u, 1)[0] ?? '';
        if (
          /^(?:التالي|العالمي|الوطني|الدولي|الاول|الثاني|الثالث|الاخير|نفسه|ذاته|الموعود|السابق|الذي|المقرر)$/u.test(
            next,
          )
        )
          return null;
      }
      return { iso: addDays(ref, delta), precision: 'day' };
    }
    case 'relPeriod': {
      if (!ref) return null;
      let unit: 'month' | 'year';
      let rel: 'past' | 'next' | 'this';
      if (g.this !== undefined) {
        unit = /شهر/u.test(g.this) ? 'month' : 'year';
        rel = 'this';
      } else if (g.en !== undefined) {
        unit = g.en === 'month' ? 'month' : 'year';
        rel = g.enrel === 'last' ? 'past' : g.enrel === 'next' ? 'next' : 'this';
      } else {
        unit = /شهر/u.test(g.ar ?? '') ? 'month' : 'year';
        const r = g.arrel ?? '';
        rel = r.startsWith('الماضي') ? 'past' : r.startsWith('المقبل') || r.startsWith('القادم') ? 'next' : 'this';
      }
      const delta = rel === 'past' ? -1 : rel === 'next' ? 1 : 0;
      if (unit === 'month') return { iso: shiftMonth(ref, delta), precision: 'month' };
      return { iso: pad(ref.y + delta, 4), precision: 'year' };
    }
    default:
      return null;
  }
}

const PRECISION_RANK: Readonly<Record<DatePrecision, number>> = { day: 0, month: 1, year: 2 };

function originalEnd(text: string, offsets: Int32Array, fe: number): number {
  const last = offsets[fe - 1] ?? 0;
  const c = text.charCodeAt(last);
  let end = last + (c >= 0xd800 && c <= 0xdbff ? 2 : 1);
  // Keep trailing tashkeel/tatweel with the word (غداً).
  while (end < text.length) {
    const n = text.charCodeAt(end);
    if ((n >= 0x064b && n <= 0x065f) || n === 0x0670 || n === 0x0640) end++;
    else break;
  }
  return end;
}

/**
 * Every date in running text, with spans in the original. Overlapping
 * candidates resolve to the longest (then the most precise). Relative words,
 * weekday names and year-less dates need `reference`.
 */
export function findDates(text: string, options?: DateOptions): FoundDate[] {
  const { folded, offsets } = foldWithOffsets(text);
  const ref = writersToday(folded, parseReference(options?.reference));
  const cands: Candidate[] = [];
  PATTERNS.forEach((p, rank) => {
    for (const m of folded.matchAll(p.re)) {
      const fs = m.index;
      const fe = fs + m[0].length;
      if (fe <= fs) continue;
      const g: Record<string, string | undefined> = m.groups ?? {};
      const r = resolve(p.kind, g, ref, folded, fs, fe, text, offsets[fs] ?? 0, originalEnd(text, offsets, fe));
      if (!r) continue;
      // Spans drop cue words that are prepositions (في, in, since) but keep
      // the ones that are part of the date expression (عام 2014, يوم الخميس).
      let s = fs;
      if (p.kind === 'monthAlone' && g.cue !== undefined) s = fs + g.cue.length;
      if (p.kind === 'yearCue' && g.encue !== undefined) s = fe - (g.y ?? '').length;
      if (p.kind === 'weekday' && g.pre !== undefined && /^(?:[وف]?(?:منذ|حتى)|on)\s/u.test(g.pre))
        s = fs + g.pre.length;
      const start = offsets[s] ?? 0;
      const end = originalEnd(text, offsets, fe);
      cands.push({ ...r, start, end, text: text.slice(start, end), rank, weekday: p.kind === 'weekday' });
    }
  });
  // Hijri days rank first: "14/10/1436" is a Hijri day, not a Gregorian one in the year 1436.
  for (const h of findHijriIn(text, folded, offsets, options?.reference)) cands.push({ ...h, rank: -1 });
  cands.sort(
    (a, b) =>
      a.start - b.start ||
      b.end - b.start - (a.end - a.start) ||
      PRECISION_RANK[a.precision] - PRECISION_RANK[b.precision] ||
      a.rank - b.rank,
  );
  // Greedy: longest first among overlapping candidates.
  const byLength = [...cands].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      PRECISION_RANK[a.precision] - PRECISION_RANK[b.precision] ||
      a.start - b.start ||
      a.rank - b.rank,
  );
  const chosen: Candidate[] = [];
  for (const c of byLength) {
    if (chosen.some((o) => c.start < o.end && o.start < c.end)) continue;
    chosen.push(c);
  }
  chosen.sort((a, b) => a.start - b.start);
  return weekdaysByTheirDates(text, chosen).map(({ iso, precision, start, end, text: t, calendar }) =>
    calendar ? { iso, precision, start, end, text: t, calendar } : { iso, precision, start, end, text: t },
  );
}

/**
 * A date field as machines write it: ISO 8601 with a time after a space or a
 * T ("2015-07-21 02:51:32", every SaudiNewsNet record) — the day as written,
 * as the pattern scan would read it. Spares bulk imports that scan (two
 * passes of every date pattern per record, since the space-separated time
 * is not a wrapper the scan's answer may stand in).
 */
const MACHINE_DATE = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\s*$/i;

function parseMachineDate(input: string): FoundDate | null {
  const m = MACHINE_DATE.exec(input);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!isValidDate(y, mo, d)) return null;
  const start = input.length - input.trimStart().length;
  const end = input.trimEnd().length;
  return { iso: isoDay(y, mo, d), precision: 'day', start, end, text: input.slice(start, end) };
}

const WRAPPER_RE = /^[\s()[\]{}"'«»“”‘’,،.;؛:\-–—]*$/u;

/**
 * Parses a short string that is (essentially) one date: "26/7/2021",
 * "(26/7/2021)", "2021-07-26", "26 تموز 2021", "July 26, 2021",
 * "2015-07-21T10:00:00Z", "نيسان/أبريل 2021". Returns null when the string
 * holds no date or more than punctuation around it.
 */
export function parseDate(input: string, options?: DateOptions): FoundDate | null {
  const machine = parseMachineDate(input);
  if (machine) return machine;
  const found = findDates(input, options);
  for (const f of found) {
    const rest = input.slice(0, f.start) + input.slice(f.end);
    if (WRAPPER_RE.test(rest)) return f;
  }
  return null;
}
