/** Numbers with what they count: 2500 جندي, 50 هجوما, 10 آلاف, 2,500 troops. */
import type { AnalyzedToken } from '../text/analyze';
import { MULTIPLIERS, NUMBER_WORDS } from './lexicon';
import type { PreparedText } from './prepare';
import type { NumberFact, Span } from './factTypes';
import { gap, isArabicWord, key, sentenceOf } from './factTokens';

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
    // Times (10:30), scores (2-1), ranges glued by punctuation and group names (دول 5+1, 5 + 1) are not counts.
    if (/^(?:[:\-–+]|\s+\+)\s*$/u.test(gap(p, i)) && toks[i + 1]?.kind === 'number') {
      i++;
      continue;
    }
    let end = t.end;
    let j = i + 1;
    const after = p.text.slice(t.end, t.end + 2);
    let unit: string | null = null;
    let unitKey: string | null = null;
    const before = p.text.slice(Math.max(0, t.start - 2), t.start);
    if (/^\s?[%٪]/u.test(after)) {
      unit = '%';
      unitKey = '%';
      end = t.end + after.indexOf(after.trim()[0] ?? '%') + 1;
    } else {
      const multiplier = toks[j] && !/[^\s]/u.test(gap(p, i)) ? MULTIPLIERS.get(key(toks[j]!)) : undefined;
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
        // "(24) قاضيا", "«10» أطنان": a number in brackets or quotes still counts the noun after it.
        const between = p.text.slice(toks[j - 1]!.end, u?.start ?? 0);
        if (u && u.kind === 'word' && !u.stop && /^[\s\u0640]*[)\]»”"']?[\s\u0640]*$/u.test(between)) {
          unit = u.text;
          unitKey = unitKeyOf(u);
          end = u.end;
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
      text: p.text.slice(t.start, end),
      start: t.start,
      end,
      unit,
      unitKey,
      context: { start: from, end: Math.max(to, end) },
      sentence: s,
    });
  }
  return out;
}
