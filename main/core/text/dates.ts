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
}

export interface DateOptions {
  /** Reference date (YYYY-MM-DD, or any ISO datetime) for relative words and year-less dates. */
  reference?: string;
}

/** Month names in their folded form (see normalizeForMatching) → month number. */
// prettier-ignore
const MONTHS: ReadonlyArray<readonly [string, number]> = [
  // Levantine / Iraqi (Syriac-derived) names.
  ['كانون الثاني', 1], ['كانون ثاني', 1], ['شباط', 2], ['اذار', 3], ['نيسان', 4], ['ايار', 5],
  ['حزيران', 6], ['تموز', 7], ['اب', 8], ['ايلول', 9], ['تشرين الاول', 10], ['تشرين اول', 10],
  ['تشرين الثاني', 11], ['تشرين ثاني', 11], ['كانون الاول', 12], ['كانون اول', 12],
  // Egyptian / Gulf (from the European names).
  ['يناير', 1], ['فبراير', 2], ['مارس', 3], ['ابريل', 4], ['مايو', 5], ['يونيو', 6], ['يونيه', 6],
  ['يوليو', 7], ['يوليه', 7], ['اغسطس', 8], ['سبتمبر', 9], ['اكتوبر', 10], ['نوفمبر', 11], ['ديسمبر', 12],
  // Maghrebi (Algeria, Tunisia: from French) and Moroccan.
  ['جانفي', 1], ['فيفري', 2], ['افريل', 4], ['ماي', 5], ['جوان', 6], ['جويليه', 7], ['اوت', 8],
  ['يوليوز', 7], ['غشت', 8], ['شتنبر', 9], ['نونبر', 11], ['دجنبر', 12],
  // English, full and abbreviated.
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7],
  ['august', 8], ['september', 9], ['october', 10], ['november', 11], ['december', 12],
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9],
  ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
];

const MONTH_BY_NAME: ReadonlyMap<string, number> = new Map(MONTHS);

/**
 * Month names that are also ordinary words (آب/أب "father", مارس "he
 * practised", ماي, may, mar …): only accepted next to a day or a year, in a
 * pair, or after a cue such as في / in.
 */
// prettier-ignore
const AMBIGUOUS_MONTHS: ReadonlySet<string> = new Set(['اب', 'مارس', 'ماي', 'may', 'mar', 'jan', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec', 'feb', 'apr', 'sept', 'march']);

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

const WEEKDAYS_AR: ReadonlyArray<readonly [string, number]> = [
  ['الاحد', 0],
  ['الاثنين', 1],
  ['الثلاثاء', 2],
  ['الاربعاء', 3],
  ['الخميس', 4],
  ['الجمعه', 5],
  ['السبت', 6],
];
const WEEKDAYS_EN: ReadonlyArray<readonly [string, number]> = [
  ['sunday', 0],
  ['monday', 1],
  ['tuesday', 2],
  ['wednesday', 3],
  ['thursday', 4],
  ['friday', 5],
  ['saturday', 6],
];
const WEEKDAY_BY_NAME: ReadonlyMap<string, number> = new Map([...WEEKDAYS_AR, ...WEEKDAYS_EN]);
/** Weekday names that are also ordinary words ("the two", "the one", "the congregation"). */
const AMBIGUOUS_WEEKDAYS: ReadonlySet<string> = new Set(['الاثنين', 'الاحد', 'الجمعه']);

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
    re: new RegExp(`${L}(?<a>\\d{1,2})(?<s>[-/.])(?<b>\\d{1,2})\\k<s>(?<y>\\d{4})${R}`, 'gu'),
  },
  {
    kind: 'dmy',
    re: new RegExp(
      `${L}(?<d>\\d{1,2})(?:st|nd|rd|th)?\\s*(?:(?:of|من)\\s+)?${MONTH_EXPR}(?:${YEAR_CUE_INFIX}${YEAR})?${R}`,
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
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysIn(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** True for an existing Gregorian day. */
export function isValidDate(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    Number.isInteger(m) &&
    Number.isInteger(d) &&
    y >= 1000 &&
    y <= 2999 &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= daysIn(y, m)
  );
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

function isoDay(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parseReference(ref: string | undefined): Ymd | null {
  if (ref === undefined) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(ref.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isValidDate(y, mo, d) ? { y, m: mo, d } : null;
}

/** Days since 1970-01-01 (UTC, proleptic Gregorian); avoids Date time zones. */
function toDays({ y, m, d }: Ymd): number {
  return Math.floor(Date.UTC(y, m - 1, d) / 86400000);
}

function fromDays(days: number): Ymd {
  const dt = new Date(days * 86400000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

function addDays(r: Ymd, n: number): string {
  const x = fromDays(toDays(r) + n);
  return isoDay(x.y, x.m, x.d);
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

/** Year for a year-less month/day: the one that puts the date nearest the reference. */
function nearestYear(ref: Ymd, m: number, d: number): number {
  const refDays = toDays(ref);
  let best = ref.y;
  let bestDist = Infinity;
  for (const y of [ref.y - 1, ref.y, ref.y + 1]) {
    const dd = Math.min(d, daysIn(y, m));
    const dist = Math.abs(toDays({ y, m, d: dd }) - refDays);
    if (dist < bestDist) {
      best = y;
      bestDist = dist;
    }
  }
  return best;
}

function yearMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}`;
}

function shiftMonth(ref: Ymd, delta: number): string {
  const idx = ref.y * 12 + (ref.m - 1) + delta;
  return yearMonth(Math.floor(idx / 12), (idx % 12) + 1);
}

/** Nearest non-space character before/after a position in the original text ('' at the edges). */
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
      const refWd = new Date(toDays(ref) * 86400000).getUTCDay();
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
  const ref = parseReference(options?.reference);
  const { folded, offsets } = foldWithOffsets(text);
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
      cands.push({ ...r, start, end, text: text.slice(start, end), rank });
    }
  });
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
  return chosen.map(({ iso, precision, start, end, text: t }) => ({ iso, precision, start, end, text: t }));
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
