/** Token and phrase helpers shared by the fact finders: keys, gaps between tokens, offices before names. */
import type { AnalyzedToken } from '../text/analyze';
import {
  ORGANISATION_HEADS,
  PHRASE_STOPS,
  PLACE_HEADS,
  PLACES,
  type Phrase,
  type PhraseList,
  SPEECH_VERBS,
  TITLE_HEADS,
  TITLE_QUALIFIERS,
} from './lexicon';
import type { PreparedText } from './prepare';

export const key = (t: AnalyzedToken): string => (t.kind === 'word' ? t.exact : t.norm);

/** Definite: written with the article ال (after an optional و/ف/ب/ك/ل). */
export function isDefinite(t: AnalyzedToken): boolean {
  return t.kind === 'word' && /^[وف]?(?:ال|بال|كال|لل)../u.test(t.norm);
}

export function isArabicWord(t: AnalyzedToken): boolean {
  const c = t.text.charCodeAt(0);
  return c >= 0x0600 && c <= 0x06ff;
}

/** Text between two tokens (punctuation, quote marks, spaces). */
export function gap(p: PreparedText, i: number): string {
  const a = p.tokens[i];
  const b = p.tokens[i + 1];
  if (!a || !b) return '';
  return p.text.slice(a.end, b.start);
}

export const COMMA = /[,،؛;]/u;
export const HARD_BREAK = /[.!?؟:\n()[\]{}]|[“”«»"]/u;

export function sentenceOf(p: PreparedText, offset: number): number {
  let lo = 0;
  let hi = p.sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (p.sentences[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The analyzer took a conjunction و/ف off the word (وسمنان → سمنان; وليد keeps its و). */
export function startsWithConjunction(t: AnalyzedToken): boolean {
  return isArabicWord(t) && /^[وف]/u.test(t.norm) && !t.exact.startsWith(t.norm[0]!);
}

export const PREPOSITION_PREFIX = /^[بلك]/u;

/** Heads that are also verbal nouns (لتنظيم العلاقة "to organise the relation"): never read with a preposition on them. */
export const VERBAL_HEADS: ReadonlySet<string> = new Set(['تنظيم', 'اداره', 'مركز', 'اتحاد', 'رياسه', 'امانه']);

/** Key of a word, or of the word without a preposition written on it (ببغداد, لوكالة) when that is in `set`. */
export function keyIn(t: AnalyzedToken, set: ReadonlySet<string>): boolean {
  const k = key(t);
  return (
    set.has(k) ||
    (isArabicWord(t) && PREPOSITION_PREFIX.test(k) && set.has(k.slice(1)) && !VERBAL_HEADS.has(k.slice(1)))
  );
}

/** The entry of `list` matching at token i, or null. */
export function matchPhrase(p: PreparedText, i: number, list: PhraseList, to: number): Phrase | null {
  const t = p.tokens[i];
  if (!t || i >= to) return null;
  const k = key(t);
  // Arabic prepositions written on the word (ببغداد, لواشنطن) are left on by the analyzer.
  const stripped = isArabicWord(t) && PREPOSITION_PREFIX.test(k) ? k.slice(1) : null;
  for (const first of stripped ? [k, stripped] : [k]) {
    for (const phrase of list.startingWith(first)) {
      const keys = phrase.keys;
      if (i + keys.length > to) continue;
      let ok = true;
      for (let n = 1; n < keys.length && ok; n++) {
        // A phrase does not run across punctuation.
        ok = key(p.tokens[i + n]!) === keys[n] && !/[^\s]/u.test(gap(p, i + n - 1));
      }
      if (ok) return phrase;
    }
  }
  return null;
}

/** First token index at or after offset. */
export function tokenAt(p: PreparedText, offset: number): number {
  let lo = 0;
  let hi = p.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (p.tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Does a short name-like segment start at token i, ended by a comma, إن/أن, a verb or a quote? */
export function looksLikeApposition(p: PreparedText, i: number, limit: number): boolean {
  let j = i;
  while (j < limit && j - i < 4) {
    const t = p.tokens[j]!;
    if (t.stop || PHRASE_STOPS.has(key(t)) || t.kind !== 'word' || SPEECH_VERBS.has(key(t))) return false;
    j++;
    const g = gap(p, j - 1);
    if (COMMA.test(g) || HARD_BREAK.test(g)) return true;
    const next = p.tokens[j];
    if (!next || j >= limit) return true;
    if (PHRASE_STOPS.has(key(next)) || SPEECH_VERBS.has(key(next))) return true;
  }
  return false;
}

/** Tokens taken by an office at `from` (head and its complements), 0 when none. */
export function titleLength(p: PreparedText, from: number, to: number): number {
  const head = p.tokens[from];
  if (!head || !TITLE_HEADS.has(key(head))) return 0;
  let i = from + 1;
  while (i < to) {
    const t = p.tokens[i]!;
    if (COMMA.test(gap(p, i - 1)) || HARD_BREAK.test(gap(p, i - 1))) break;
    const k = key(t);
    if (
      TITLE_QUALIFIERS.has(k) ||
      TITLE_HEADS.has(k) ||
      (isDefinite(t) && !SPEECH_VERBS.has(k) && !startsWithConjunction(t))
    ) {
      i++;
      continue;
    }
    // A genitive with ل: "مدير المرصد السوري لحقوق الإنسان".
    const next = p.tokens[i + 1];
    if (
      isArabicWord(t) &&
      t.norm.startsWith('ل') &&
      !isDefinite(t) &&
      next &&
      i + 1 < to &&
      isDefinite(next) &&
      !/[^\s]/u.test(gap(p, i))
    ) {
      i += 2;
      continue;
    }
    // The office's domain: "أمير منطقة مكة المكرمة", "وزير خارجية إيران".
    const place = matchPhrase(p, i, PLACES, to);
    if (place) {
      i += place.keys.length;
      continue;
    }
    if ((PLACE_HEADS.has(k) || ORGANISATION_HEADS.has(k)) && i + 1 < to) {
      i += 2;
      continue;
    }
    break;
  }
  return i - from;
}
