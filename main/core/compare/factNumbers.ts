/** Numbers with what they count: 2500 جندي, 50 هجوما, 10 آلاف, 2,500 troops. */
import type { AnalyzedToken } from '../text/analyze';
import { CLOCK_WORDS, MULTIPLIERS, NUMBER_WORDS } from './lexicon';
import type { PreparedText } from './prepare';
import type { NumberFact, Span } from './factTypes';
import { gap, isArabicWord, isDefinite, key, sentenceOf } from './factTokens';

/** The Hijri (هـ) and Gregorian (م) marks written after a year, as unit keys (the tatweel is folded away). */
const YEAR_MARKS: ReadonlySet<string> = new Set(['ه', 'م']);
/** "/ 1437هـ" after a year: the second year of a season written as a range. */
const YEAR_RANGE_AFTER = /^\s*[/-]\s*[\d٠-٩]{4}\s*(?:هـ|ه|م)(?![\p{L}\p{N}])/u;

/** Matching key of a unit word: stem, without the accusative alef (هجوما → هجوم, عاما → عام). */
export function unitKeyOf(t: AnalyzedToken): string {
  if (t.kind !== 'word') return t.norm;
  let k = t.stem;
  if (isArabicWord(t) && k.length > 3 && k.endsWith('ا')) k = k.slice(0, -1);
  // A noun whose last letter is a weak ي (قاضٍ, قاضيا, قاضيًا): one key with and without it.
  if (isArabicWord(t) && /^.ا.ي$/u.test(k)) k = k.slice(0, -1);
  return k;
}

/** The clock's word الساعة (with a preposition or conjunction), not the counted hour of "24 ساعة". */
const CLOCK_HEAD = /^[وفب]?(?:ال|بال|لل)ساع[ةه]$/u;

const isNumberWord = (t: AnalyzedToken | undefined): boolean => t?.kind === 'word' && NUMBER_WORDS.has(t.exact);

/**
 * Whether tokens[i] tells the time (الساعة 10 صباحا, الساعة الحادية عشرة وتسع وخمسين دقيقة): looking back over
 * the clock's own words to الساعة.
 */
function inClock(toks: readonly AnalyzedToken[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 6); k--) {
    const t = toks[k]!;
    if (t.kind === 'word' && CLOCK_HEAD.test(t.text)) return true;
    if (t.kind !== 'number' && !isNumberWord(t) && !(t.kind === 'word' && CLOCK_WORDS.has(t.exact))) return false;
  }
  return false;
}

/** A number word that goes on the number before it (وخمسين, عشر), not a counted noun (بالمئة counts per hundred). */
const continuesNumber = (t: AnalyzedToken): boolean => isNumberWord(t) && !/^(?:ب|لل|في)/u.test(t.text);

/**
 * A number written in words, read to its last word: tens after و (خمسة وعشرين, تسع وخمسين), the teens (خمسة عشر)
 * and hundreds (سبع مئة, ثلاثمائة written apart): one number and not two.
 */
function wordNumber(p: PreparedText, i: number): { last: number; value: number } {
  let last = i;
  let value = NUMBER_WORDS.get(p.tokens[i]!.exact)!;
  let group = value;
  for (;;) {
    const next = p.tokens[last + 1];
    if (!next || !continuesNumber(next) || /[^\s]/u.test(gap(p, last))) return { last, value };
    const n = NUMBER_WORDS.get(next.exact)!;
    const joined = p.text[next.start] !== 'و';
    if (joined && n === 100 && group < 10) {
      value += group * 99;
      group *= 100;
    } else if (joined && n === 10 && group < 10) {
      value += 10;
      group += 10;
    } else if (joined) return { last, value };
    // After و only tens join the units (خمسة وعشرين) and units or tens join hundreds (مائة وخمسين); "اثنين وأربع
    // بنات" is two numbers.
    else if (!((group < 10 && n >= 20 && n < 100) || (group >= 100 && group % 100 === 0 && n < 100)))
      return { last, value };
    else {
      value += n;
      group = n;
    }
    last++;
  }
}

export function findNumbers(p: PreparedText, dateSpans: readonly Span[]): NumberFact[] {
  const out: NumberFact[] = [];
  const inDate = (t: AnalyzedToken): boolean => dateSpans.some((d) => t.start >= d.start && t.end <= d.end);
  const toks = p.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    let value: number;
    if (t.kind === 'number') value = Number(t.norm);
    else if (
      t.kind === 'word' &&
      NUMBER_WORDS.has(t.exact) &&
      toks[i + 1]?.kind === 'word' &&
      !toks[i + 1]!.stop &&
      !/[^\s]/u.test(gap(p, i))
    )
      value = NUMBER_WORDS.get(t.exact)!;
    else continue;
    if (!Number.isFinite(value) || inDate(t)) continue;
    if (inClock(toks, i)) continue;
    let last = i;
    if (t.kind === 'word') ({ last, value } = wordNumber(p, i));
    // With the article, a number word counts the plain noun after it (خلال الستة أشهر الماضية) but is not a count in
    // "في المائة" (per cent), as الاثنين (Monday), or as an ordinal before a preposition (الذكرى السبعين لنهاية الحرب).
    const counted = toks[last + 1];
    if (
      t.kind === 'word' &&
      isDefinite(t) &&
      (value === 100 || value === 2 || !counted || /^[لب]/u.test(counted.text)) &&
      !(counted && isDefinite(counted))
    ) {
      i = last;
      continue;
    }
    // Times (10:30), scores (2-1), ranges glued by punctuation and group names (دول 5+1, 5 + 1) are not counts.
    if (/^(?:[:\-–+]|\s+\+)\s*$/u.test(gap(p, i)) && toks[i + 1]?.kind === 'number') {
      i++;
      continue;
    }
    let start = t.start;
    let end = toks[last]!.end;
    let j = last + 1;
    const after = p.text.slice(end, end + 2);
    let unit: string | null = null;
    let unitKey: string | null = null;
    const before = p.text.slice(Math.max(0, t.start - 2), t.start);
    if (/^\s?[%٪]/u.test(after)) {
      unit = '%';
      unitKey = '%';
      end += after.indexOf(after.trim()[0] ?? '%') + 1;
    } else {
      const multiplier = toks[j] && !/[^\s]/u.test(gap(p, last)) ? MULTIPLIERS.get(key(toks[j]!)) : undefined;
      if (multiplier) {
        value *= multiplier;
        end = toks[j]!.end;
        j++;
      }
      if (/[$€£]\s?$/u.test(before)) {
        unit = before.trim().slice(-1);
        unitKey = unit;
      } else {
        // ثلاثة من جنود: the counted noun after من.
        if (toks[j] && key(toks[j]!) === 'من' && toks[j + 1]?.kind === 'word') j++;
        const u = toks[j];
        // "(24) قاضيا", "«10» أطنان": a number in brackets or quotes still counts the noun after it. A quote mark
        // alone after the number closes a quotation ("... 2» بطولة"): only one opened right before the number wraps it.
        const between = p.text.slice(toks[j - 1]!.end, u?.start ?? 0);
        const closer = /^[\s\u0640]*([)\]»”"'])?[\s\u0640]*$/u.exec(between);
        const opened = /[([«“"']/u.test(p.text[t.start - 1] ?? '');
        if (
          u &&
          u.kind === 'word' &&
          !u.stop &&
          !continuesNumber(u) &&
          closer &&
          (!closer[1] || closer[1] === ')' || opened)
        ) {
          unit = u.text;
          unitKey = unitKeyOf(u);
          end = u.end;
          // What the outlet wrote includes the bracket or quote it opened: "(24) قاضيا", not "24) قاضيا".
          if (closer[1] && opened) start = t.start - 1;
        }
      }
    }
    // A year the date finder does not read as a date: 1437هـ alone, or the season 1436 / 1437هـ. Its "unit" is the
    // calendar's mark, and it counts nothing.
    if (unitKey !== null && YEAR_MARKS.has(unitKey)) continue;
    if (unit === null && /^\d{4}$/u.test(t.norm) && YEAR_RANGE_AFTER.test(p.text.slice(t.end, t.end + 14))) continue;
    const s = sentenceOf(p, t.start);
    const sent = p.sentences[s]!;
    const from = toks[Math.max(sent.tokenStart, i - 4)]!.start;
    const to = toks[Math.min(sent.tokenEnd, j + 4) - 1]?.end ?? end;
    out.push({
      value,
      text: p.text.slice(start, end),
      start,
      end,
      unit,
      unitKey,
      context: { start: from, end: Math.max(to, end) },
      sentence: s,
    });
    i = last;
  }
  return out;
}
