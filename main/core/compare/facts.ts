/**
 * The fact ledger of one article: numbers with their unit and context,
 * dates, quotations with their speaker, and named people, places and
 * organisations, each with offsets into the original text.
 *
 * Rules, not a trained model: Mizan runs offline on archives of any size,
 * and a researcher must be able to see why a fact was found. The rules are
 * the ones Arabic and English news writing follows: a number is followed by
 * what it counts (2500 جندي, 50 هجوما, 2,500 troops); speech is introduced
 * by a verb and its speaker (وقال X، إن “…”, X said) or attributed after it
 * (بحسب X, according to X); an office comes before a name (وزير الخارجية
 * العراقي، فؤاد حسين); places and bodies come from word lists (lexicon.ts)
 * and from heads such as مدينة, وزارة, تنظيم.
 */
import type { AnalyzedToken } from '../text/analyze';
import { findDates } from '../text/dates';
import {
  ATTRIBUTION_CUES,
  LEADING_PARTICLES,
  MULTIPLIERS,
  NAME_LINKS,
  NUMBER_WORDS,
  ORGANISATION_HEADS,
  ORGANISATIONS,
  PHRASE_STOPS,
  PLACE_HEADS,
  PLACES,
  type Phrase,
  type PhraseList,
  QUOTED_NAME_HEADS,
  SPEECH_VERBS,
  TITLE_HEADS,
  TITLE_QUALIFIERS,
} from './lexicon';
import type { PreparedText } from './prepare';

export interface Span {
  start: number;
  end: number;
}

export interface NumberFact {
  value: number;
  /** As written ("2500", "٢٥٠٠", "ثلاثة", "10 آلاف"). */
  text: string;
  start: number;
  end: number;
  /** What it counts, as written ("جندي", "هجوما", "%"), or null. */
  unit: string | null;
  /** The unit's matching key: the same for جندي and الجندي, for هجوما and هجوم. */
  unitKey: string | null;
  /** A few words around it. */
  context: Span;
  sentence: number;
}

export interface DateFact {
  iso: string;
  precision: 'day' | 'month' | 'year';
  text: string;
  start: number;
  end: number;
  sentence: number;
}

export interface QuoteFact {
  /** The quoted words, without the marks. */
  text: string;
  start: number;
  end: number;
  /** Who says it, as the article names them ("وزير الخارجية العراقي، فؤاد حسين"), or null when no speaker is given. */
  speaker: string | null;
  /** The speaker's name alone when one is given ("فؤاد حسين"), else their description ("المسؤول"). */
  speakerName: string | null;
  speakerSpan: Span | null;
  /** Words that introduce it ("وقال", "بحسب", "said"). */
  cue: string | null;
  sentence: number;
}

export type EntityKind = 'person' | 'place' | 'organisation';

export interface EntityFact {
  kind: EntityKind;
  /** The fullest form the article uses ("مصطفى الكاظمي"). */
  name: string;
  /** Matching key: the analyzer's exact keys of the name, space-separated. */
  key: string;
  mentions: Span[];
}

export interface ArticleFacts {
  numbers: NumberFact[];
  dates: DateFact[];
  quotes: QuoteFact[];
  entities: EntityFact[];
}

export interface FactOptions {
  /** The article's date (YYYY-MM-DD): resolves "اليوم", "الخميس", "last year". */
  reference?: string;
  /** People known from other articles (name → key), so a bare "بايدن" is found as the person. */
  knownPeople?: ReadonlyArray<{ name: string; key: string }>;
}

// ---------------------------------------------------------------------------
// Token helpers

const key = (t: AnalyzedToken): string => (t.kind === 'word' ? t.exact : t.norm);

/** Definite: written with the article ال (after an optional و/ف/ب/ك/ل). */
function isDefinite(t: AnalyzedToken): boolean {
  return t.kind === 'word' && /^[وف]?(?:ال|بال|كال|لل)../u.test(t.norm);
}

function isLatinCapital(t: AnalyzedToken): boolean {
  const c = t.text.charCodeAt(0);
  return c >= 0x41 && c <= 0x5a;
}

function isArabicWord(t: AnalyzedToken): boolean {
  const c = t.text.charCodeAt(0);
  return c >= 0x0600 && c <= 0x06ff;
}

/** Text between two tokens (punctuation, quote marks, spaces). */
function gap(p: PreparedText, i: number): string {
  const a = p.tokens[i];
  const b = p.tokens[i + 1];
  if (!a || !b) return '';
  return p.text.slice(a.end, b.start);
}

const COMMA = /[,،؛;]/u;
const HARD_BREAK = /[.!?؟:\n()[\]{}]|[“”«»"]/u;

function sentenceOf(p: PreparedText, offset: number): number {
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
function startsWithConjunction(t: AnalyzedToken): boolean {
  return isArabicWord(t) && /^[وف]/u.test(t.norm) && !t.exact.startsWith(t.norm[0]!);
}

/** A preposition on a word with a feminine ending (بزيارة, لمناقشة): a noun phrase, not a name. */
function isPrepositionalNoun(t: AnalyzedToken): boolean {
  return isArabicWord(t) && /^[بل]/u.test(t.norm) && /[هة]$/u.test(t.text);
}

const PREPOSITION_PREFIX = /^[بلك]/u;

/** Heads that are also verbal nouns (لتنظيم العلاقة "to organise the relation"): never read with a preposition on them. */
const VERBAL_HEADS: ReadonlySet<string> = new Set(['تنظيم', 'اداره', 'مركز', 'اتحاد', 'رياسه', 'امانه']);

/** Key of a word, or of the word without a preposition written on it (ببغداد, لوكالة) when that is in `set`. */
function keyIn(t: AnalyzedToken, set: ReadonlySet<string>): boolean {
  const k = key(t);
  return (
    set.has(k) ||
    (isArabicWord(t) && PREPOSITION_PREFIX.test(k) && set.has(k.slice(1)) && !VERBAL_HEADS.has(k.slice(1)))
  );
}

/** The entry of `list` matching at token i, or null. */
function matchPhrase(p: PreparedText, i: number, list: PhraseList, to: number): Phrase | null {
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

// ---------------------------------------------------------------------------
// Numbers

/** Matching key of a unit word: stem, without the accusative alef (هجوما → هجوم, عاما → عام). */
export function unitKeyOf(t: AnalyzedToken): string {
  if (t.kind !== 'word') return t.norm;
  let k = t.stem;
  if (isArabicWord(t) && k.length > 3 && k.endsWith('ا')) k = k.slice(0, -1);
  return k;
}

function findNumbers(p: PreparedText, dateSpans: readonly Span[]): NumberFact[] {
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
    // Times (10:30), scores (2-1) and ranges glued by punctuation are not counts.
    if (/^[:\-–]\s*$/u.test(gap(p, i)) && toks[i + 1]?.kind === 'number') {
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
        if (u && u.kind === 'word' && !u.stop && !/[^\s\u0640]/u.test(p.text.slice(toks[j - 1]!.end, u.start))) {
          unit = u.text;
          unitKey = unitKeyOf(u);
          end = u.end;
        }
      }
    }
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

// ---------------------------------------------------------------------------
// Quotations

interface QuoteMarks {
  /** Offsets of the opening and closing marks; open is -1 for a quote that only has its closing mark. */
  open: number;
  close: number;
}

const OPENERS = new Set(['“', '«', '„']);
const CLOSERS = new Set(['»']);

function isLetterAt(text: string, i: number): boolean {
  return /[\p{L}\p{N}]/u.test(text[i] ?? '');
}

/**
 * Quote marks paired within each paragraph. Arabic typing mixes marks
 * freely: ” often opens (لـ”إعادة تأكيد”), “” doubles an opener, and a
 * quote may have only its closing mark; straight quotes toggle.
 */
function findQuoteMarks(text: string): QuoteMarks[] {
  const out: QuoteMarks[] = [];
  let open = -1;
  // Only the marks and line ends matter: jump from one to the next.
  const marks = /[“”«»„"\n]/gu;
  for (let m = marks.exec(text); m; m = marks.exec(text)) {
    const i = m.index;
    const c = m[0];
    if (c === '\n') {
      open = -1;
      continue;
    }
    if (OPENERS.has(c)) {
      if (open < 0) open = i;
      else if (open === i - 1) open = i; // “” : one opener
      continue;
    }
    if (CLOSERS.has(c) || c === '”') {
      if (open >= 0) {
        if (c === '”' && open === i - 1) {
          open = i;
          continue;
        }
        out.push({ open, close: i });
        open = -1;
      } else if (c === '”' && isLetterAt(text, i + 1)) {
        open = i;
      } else if (c === '”') {
        out.push({ open: -1, close: i });
      }
      continue;
    }
    // A straight quote toggles.
    if (open >= 0) {
      out.push({ open, close: i });
      open = -1;
    } else open = i;
  }
  return out;
}

/** First token index at or after offset. */
function tokenAt(p: PreparedText, offset: number): number {
  let lo = 0;
  let hi = p.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (p.tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Speaker {
  phrase: Span;
  name: Span;
  cue: string;
}

/** Token span [from, to) of a speaker phrase starting at `from`, within `limit`. */
function phraseAfter(p: PreparedText, from: number, limit: number): [number, number] {
  let i = from;
  let segments = 0;
  while (i < limit) {
    const t = p.tokens[i]!;
    if (PHRASE_STOPS.has(key(t)) || t.kind === 'date' || t.kind === 'number' || SPEECH_VERBS.has(key(t))) break;
    if (i - from >= 9) break;
    i++;
    const g = gap(p, i - 1);
    if (HARD_BREAK.test(g)) break;
    if (COMMA.test(g)) {
      // An apposition: "وزير الخارجية العراقي، فؤاد حسين، إن": take the name between the commas.
      segments++;
      if (segments > 1 || !looksLikeApposition(p, i, limit)) break;
    }
  }
  return [from, i];
}

/** Does a short name-like segment start at token i, ended by a comma, إن/أن, a verb or a quote? */
function looksLikeApposition(p: PreparedText, i: number, limit: number): boolean {
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

/** The name inside a speaker phrase: the apposition if any, else what follows the office. */
function nameIn(p: PreparedText, from: number, to: number): [number, number] {
  // Apposition after a comma.
  for (let i = from; i < to - 1; i++) {
    if (!COMMA.test(gap(p, i))) continue;
    let last = i + 1;
    while (last < to - 1 && !COMMA.test(gap(p, last))) last++;
    return [i + 1, last + 1];
  }
  const title = titleLength(p, from, to);
  if (title > 0 && from + title < to) return [from + title, to];
  return [from, to];
}

/** Tokens taken by an office at `from` (head and its complements), 0 when none. */
function titleLength(p: PreparedText, from: number, to: number): number {
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

function findSpeaker(p: PreparedText, quoteStart: number, quoteEnd: number, sentence: number): Speaker | null {
  const s = p.sentences[sentence]!;
  const qFirst = tokenAt(p, quoteStart);
  // 1. A speech verb before the quote, nearest first.
  for (let v = Math.min(qFirst, s.tokenEnd) - 1; v >= s.tokenStart; v--) {
    const t = p.tokens[v]!;
    if (t.start >= quoteStart) continue;
    if (!SPEECH_VERBS.has(key(t))) continue;
    const [a, b] = phraseAfter(p, v + 1, qFirst);
    if (b > a) {
      const [na, nb] = nameIn(p, a, b);
      return { phrase: spanOf(p, a, b), name: spanOf(p, na, nb), cue: t.text };
    }
    // No name after the verb ("قالت، الخميس، إن"): the subject before it,
    // "المتحدثة باسم البيت الأبيض، جين ساكي، قالت", if it is short and
    // holds no other verb of speech.
    let a2 = s.tokenStart;
    while (a2 < v && LEADING_PARTICLES.has(key(p.tokens[a2]!))) a2++;
    if (v - a2 >= 1 && v - a2 <= 10 && !p.tokens.slice(a2, v).some((x) => SPEECH_VERBS.has(key(x)))) {
      const [na, nb] = nameIn(p, a2, v);
      return { phrase: spanOf(p, a2, v), name: spanOf(p, na, nb), cue: t.text };
    }
    return null;
  }
  // 2. Attribution after the quote (or before it): بحسب X, according to X.
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const n = matchPhrase(p, i, ATTRIBUTION_CUES, s.tokenEnd)?.keys.length ?? 0;
    if (n === 0) continue;
    const from = i + n;
    const limit = p.tokens[from] && p.tokens[from]!.start < quoteStart ? qFirst : s.tokenEnd;
    // A cue inside the quotation is part of what was said.
    if (p.tokens[i]!.start >= quoteStart && p.tokens[i]!.start < quoteEnd) continue;
    const [a, b] = phraseAfter(p, from, limit);
    if (b > a) {
      const [na, nb] = nameIn(p, a, b);
      return {
        phrase: spanOf(p, a, b),
        name: spanOf(p, na, nb),
        cue: p.text.slice(p.tokens[i]!.start, p.tokens[i + n - 1]!.end),
      };
    }
  }
  // 3. English: “…,” X said / “…,” said X.
  const after = tokenAt(p, quoteEnd);
  for (let v = after; v < Math.min(s.tokenEnd, after + 6); v++) {
    if (!SPEECH_VERBS.has(key(p.tokens[v]!))) continue;
    if (v > after) {
      const [na, nb] = nameIn(p, after, v);
      return { phrase: spanOf(p, after, v), name: spanOf(p, na, nb), cue: p.tokens[v]!.text };
    }
    const [a, b] = phraseAfter(p, v + 1, s.tokenEnd);
    if (b > a) {
      const [na, nb] = nameIn(p, a, b);
      return { phrase: spanOf(p, a, b), name: spanOf(p, na, nb), cue: p.tokens[v]!.text };
    }
  }
  return null;
}

function spanOf(p: PreparedText, from: number, to: number): Span {
  return { start: p.tokens[from]!.start, end: p.tokens[Math.max(from, to - 1)]!.end };
}

/** Speech cue with no speaker named: "وأضاف: “…”", "مضيفا أن “…”", "he said". */
function hasBareCue(p: PreparedText, quoteStart: number, sentence: number): string | null {
  const s = p.sentences[sentence]!;
  const qFirst = tokenAt(p, quoteStart);
  for (let v = Math.min(qFirst, s.tokenEnd) - 1; v >= s.tokenStart; v--) {
    const k = key(p.tokens[v]!);
    if (SPEECH_VERBS.has(k)) return p.tokens[v]!.text;
  }
  return null;
}

const PRONOUNS = new Set(['he', 'she', 'they', 'هو', 'هي']);

function findQuotes(p: PreparedText, nameQuotes: Span[]): QuoteFact[] {
  const out: QuoteFact[] = [];
  let lastSpeaker: { speaker: string; name: string; span: Span; sentence: number } | null = null;
  for (const m of findQuoteMarks(p.text)) {
    let start = m.open + 1;
    const end = m.close;
    const sentence = sentenceOf(p, m.open >= 0 ? m.open : m.close);
    if (m.open < 0) {
      // Only the closing mark: the quote starts after إن/أن or a colon before it.
      const s = p.sentences[sentence]!;
      let found = -1;
      for (let i = tokenAt(p, m.close) - 1; i >= s.tokenStart; i--) {
        const k = key(p.tokens[i]!);
        if (k === 'ان' || k === 'انه' || k === 'بان' || /:\s*$/u.test(gap(p, i - 1))) {
          found = p.tokens[i]!.end;
          break;
        }
      }
      if (found < 0) continue;
      start = found;
    }
    while (start < end && /[\s“”«»"]/u.test(p.text[start]!)) start++;
    let e = end;
    while (e > start && /[\s“”«»".,،]/u.test(p.text[e - 1]!)) e--;
    if (e <= start) continue;
    const first = tokenAt(p, start);
    let words = 0;
    for (let i = first; i < p.tokens.length && p.tokens[i]!.end <= e; i++) words++;
    const before = first > 0 ? p.tokens[first - 1] : undefined;
    if (m.open >= 0 && before && keyIn(before, QUOTED_NAME_HEADS) && words <= 4) {
      // وكالة “أسوشيتد برس”, تنظيم “داعش”: a name in quotes, not a quotation.
      nameQuotes.push({ start, end: e });
      continue;
    }
    const cue = hasBareCue(p, start, sentence);
    if (words < 2 || (words < 3 && !cue)) continue;
    const found = findSpeaker(p, start, e, sentence);
    let speaker: string | null = null;
    let speakerName: string | null = null;
    let speakerSpan: Span | null = null;
    let cueText: string | null = found?.cue ?? cue;
    if (found && !PRONOUNS.has(p.text.slice(found.name.start, found.name.end).toLowerCase())) {
      speaker = p.text.slice(found.phrase.start, found.phrase.end);
      speakerName = p.text.slice(found.name.start, found.name.end);
      speakerSpan = found.phrase;
    } else if ((cue || found) && lastSpeaker && sentence - lastSpeaker.sentence <= 2) {
      // "وأضاف: “…”", "he added": the speaker of the quote before.
      speaker = lastSpeaker.speaker;
      speakerName = lastSpeaker.name;
      speakerSpan = lastSpeaker.span;
      cueText = cue ?? found?.cue ?? null;
    }
    if (speaker && speakerName && speakerSpan)
      lastSpeaker = { speaker, name: speakerName, span: speakerSpan, sentence };
    out.push({
      text: p.text.slice(start, e),
      start,
      end: e,
      speaker,
      speakerName,
      speakerSpan,
      cue: cueText,
      sentence,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Entities

/** A person's name after an office: first token not definite, then up to one more (two after عبد/أبو/بن). */
function nameAfterTitle(p: PreparedText, from: number, to: number, surnames: ReadonlySet<string>): number {
  const first = p.tokens[from];
  if (!first || first.kind !== 'word' || first.stop || PHRASE_STOPS.has(key(first)) || SPEECH_VERBS.has(key(first)))
    return 0;
  if (TITLE_HEADS.has(key(first)) || TITLE_QUALIFIERS.has(key(first))) return 0;
  if (isArabicWord(first) && (isDefinite(first) || startsWithConjunction(first)) && !surnames.has(key(first))) return 0;
  if (!isArabicWord(first) && !isLatinCapital(first)) return 0;
  // "لسنوات الموازنة": a preposition on a word followed by a definite one is a phrase, not a name.
  const second = p.tokens[from + 1];
  if (
    isArabicWord(first) &&
    /^[بل]/u.test(first.norm) &&
    ((second && isDefinite(second)) || isPrepositionalNoun(first))
  )
    return 0;
  let n = 1;
  let max = NAME_LINKS.has(key(first)) ? 3 : 2;
  while (from + n < to && n < max) {
    // Names may be hyphenated after a particle (al-Kadhimi), nothing else.
    const g = gap(p, from + n - 1);
    if (/[^\s]/u.test(g) && !(g === '-' && NAME_LINKS.has(key(p.tokens[from + n - 1]!)))) break;
    const t = p.tokens[from + n]!;
    const k = key(t);
    if (t.kind !== 'word' || t.stop || PHRASE_STOPS.has(k) || SPEECH_VERBS.has(k) || TITLE_HEADS.has(k)) break;
    if (!isArabicWord(t) && !isLatinCapital(t) && !NAME_LINKS.has(k)) break;
    // "فيصل وسمنان": the conjunction starts a new item, not a surname.
    if (startsWithConjunction(t)) break;
    if (matchPhrase(p, from + n, PLACES, to) && !surnames.has(k)) break;
    if (isPrepositionalNoun(t)) break;
    if (NAME_LINKS.has(k)) max = Math.max(max, n + 2);
    n++;
  }
  return n;
}

interface EntityBuilder {
  kind: EntityKind;
  name: string;
  key: string;
  mentions: Span[];
}

function keyOfSpan(p: PreparedText, from: number, to: number): string {
  const keys: string[] = [];
  for (let i = from; i < to; i++) keys.push(key(p.tokens[i]!));
  return keys.join(' ');
}

/** Starts with the conjunction و before the article (والحساسيات): a new item of a list begins. */
function isConjoined(t: AnalyzedToken): boolean {
  return isArabicWord(t) && /^و(?:ال|بال|لل)/u.test(t.norm);
}

/** How a listed name is shown: Arabic as listed (without the و or ب written on it), Latin as the text capitalises it. */
function listedName(p: PreparedText, i: number, phrase: Phrase): string {
  if (!/[a-z]/u.test(phrase.text)) return phrase.text;
  return p.text.slice(p.tokens[i]!.start, p.tokens[i + phrase.keys.length - 1]!.end);
}

class EntityTable {
  private readonly byId = new Map<string, EntityBuilder>();

  constructor(private readonly p: PreparedText) {}

  add(kind: EntityKind, from: number, to: number, canonical?: { name: string; key: string }): void {
    const toks = this.p.tokens;
    const k = canonical?.key ?? keyOfSpan(this.p, from, to);
    if (!k) return;
    const span = { start: toks[from]!.start, end: toks[to - 1]!.end };
    const id = `${kind}:${k}`;
    const e = this.byId.get(id) ?? {
      kind,
      name: canonical?.name ?? this.p.text.slice(span.start, span.end),
      key: k,
      mentions: [],
    };
    if (!e.mentions.some((m) => m.start < span.end && span.start < m.end)) e.mentions.push(span);
    this.byId.set(id, e);
  }

  covers(offset: number): boolean {
    for (const e of this.byId.values()) if (e.mentions.some((m) => offset >= m.start && offset < m.end)) return true;
    return false;
  }

  people(): EntityBuilder[] {
    return [...this.byId.values()].filter((e) => e.kind === 'person');
  }

  /** A one-word person ("بايدن") that is the surname of a fuller one ("جو بايدن") is that person. */
  mergeSurnames(): void {
    const people = this.people();
    for (const short of people) {
      if (short.key.includes(' ')) continue;
      const full = people.find((e) => e !== short && e.key.split(' ').pop() === short.key);
      if (!full) continue;
      for (const m of short.mentions)
        if (!full.mentions.some((x) => x.start < m.end && m.start < x.end)) full.mentions.push(m);
      this.byId.delete(`person:${short.key}`);
    }
  }

  list(): EntityFact[] {
    return [...this.byId.values()]
      .map((e) => ({ ...e, mentions: e.mentions.sort((a, b) => a.start - b.start) }))
      .sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
  }
}

function findEntities(
  p: PreparedText,
  quotes: readonly QuoteFact[],
  nameQuotes: readonly Span[],
  known: FactOptions['knownPeople'],
): EntityFact[] {
  const table = new EntityTable(p);
  const toks = p.tokens;
  const n = toks.length;
  // Tokens inside an office ("رئيس مجلس الوزراء"): not read again as a body or a place.
  const inTitle = new Uint8Array(n);

  // People: offices before names (twice: surnames found the first time let
  // "رئيس الوزراء الكاظمي" be read the second), then the speakers' names.
  const surnames = new Set<string>();
  for (let pass = 0; pass < 2; pass++) {
    for (const s of p.sentences) {
      for (let i = s.tokenStart; i < s.tokenEnd; i++) {
        const title = titleLength(p, i, s.tokenEnd);
        if (title === 0) continue;
        inTitle.fill(1, i, i + title);
        const from = i + title;
        i = from - 1;
        if (from >= s.tokenEnd) continue;
        // "الرئيس الأميركي، جو بايدن،": the name after the comma.
        if (COMMA.test(gap(p, from - 1))) {
          if (!looksLikeApposition(p, from, s.tokenEnd)) continue;
        } else if (/[^\s]/u.test(gap(p, from - 1))) continue;
        const len = nameAfterTitle(p, from, s.tokenEnd, surnames);
        if (len === 0) continue;
        table.add('person', from, from + len);
        surnames.add(key(toks[from + len - 1]!));
        i = from + len - 1;
      }
    }
  }
  for (const q of quotes) {
    if (!q.speakerSpan || !q.speakerName) continue;
    const at = p.text.indexOf(q.speakerName, q.speakerSpan.start);
    if (at < 0) continue;
    const a = tokenAt(p, at);
    let b = a;
    while (b < n && toks[b]!.end <= at + q.speakerName.length) b++;
    // A speaker that is only an office ("المسؤول") names nobody.
    if (
      b > a &&
      b - a <= 4 &&
      !TITLE_HEADS.has(key(toks[a]!)) &&
      toks.slice(a, b).every((t) => t.kind === 'word' && !t.stop)
    ) {
      table.add('person', a, b);
      surnames.add(key(toks[b - 1]!));
    }
  }
  table.mergeSurnames();

  // Bare surnames and full names of people found above or in the other compared articles.
  const people = table.people().map((e) => ({ name: e.name, key: e.key }));
  for (const k of known ?? []) if (!people.some((x) => x.key === k.key)) people.push(k);
  const bySurname = new Map<string, { name: string; key: string }>();
  for (const person of people) {
    const last = person.key.split(' ').pop()!;
    const prev = bySurname.get(last);
    if (last.length >= 3 && (!prev || prev.key.length < person.key.length)) bySurname.set(last, person);
  }
  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    if (t.kind !== 'word' || t.stop) continue;
    const person = bySurname.get(key(t));
    if (!person) continue;
    const parts = person.key.split(' ').length;
    const from = i - parts + 1 >= 0 && keyOfSpan(p, i - parts + 1, i + 1) === person.key ? i - parts + 1 : i;
    table.add('person', from, i + 1, person);
  }

  // Bodies and places: word lists first, then heads (وزارة الدفاع, مدينة النجف).
  for (const s of p.sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const org = matchPhrase(p, i, ORGANISATIONS, s.tokenEnd);
      if (org) {
        table.add('organisation', i, i + org.keys.length, { name: listedName(p, i, org), key: org.keys.join(' ') });
        i += org.keys.length - 1;
        continue;
      }
      const place = matchPhrase(p, i, PLACES, s.tokenEnd);
      if (place) {
        table.add('place', i, i + place.keys.length, { name: listedName(p, i, place), key: place.keys.join(' ') });
        i += place.keys.length - 1;
        continue;
      }
      if (inTitle[i] || i + 1 >= s.tokenEnd || /[^\s]/u.test(gap(p, i))) continue;
      const t = toks[i]!;
      if (keyIn(t, ORGANISATION_HEADS)) {
        // The head and its definite complements: وزارة الدفاع الأميركية.
        let j = i + 1;
        while (j < s.tokenEnd && j - i <= 3) {
          const c = toks[j]!;
          if (
            c.kind !== 'word' ||
            c.stop ||
            isConjoined(c) ||
            PHRASE_STOPS.has(key(c)) ||
            !(isDefinite(c) || isLatinCapital(c))
          )
            break;
          j++;
          if (/[^\s]/u.test(gap(p, j - 1))) break;
        }
        if (j > i + 1) {
          const stripped = !ORGANISATION_HEADS.has(key(t));
          const name = p.text.slice(t.start + (stripped ? 1 : 0), toks[j - 1]!.end);
          const k = [stripped ? key(t).slice(1) : key(t), ...toks.slice(i + 1, j).map(key)].join(' ');
          table.add('organisation', i, j, { name, key: k });
          i = j - 1;
        }
      } else if (keyIn(t, PLACE_HEADS) && !isDefinite(t)) {
        // مدينة النجف: the next word names the place, unless it is an adjective
        // (العاصمة الأميركية واشنطن) or a listed place the lists above will find.
        let j = i + 1;
        if (TITLE_QUALIFIERS.has(key(toks[j]!))) j++;
        const c = toks[j];
        if (
          !c ||
          j >= s.tokenEnd ||
          c.kind !== 'word' ||
          c.stop ||
          startsWithConjunction(c) ||
          PHRASE_STOPS.has(key(c)) ||
          matchPhrase(p, j, PLACES, s.tokenEnd)
        )
          continue;
        if (/[^\s]/u.test(gap(p, j - 1))) continue;
        table.add('place', j, j + 1);
        i = j;
      }
    }
  }
  for (const q of nameQuotes) {
    const a = tokenAt(p, q.start);
    let b = a;
    while (b < n && toks[b]!.end <= q.end) b++;
    if (b > a) table.add('organisation', a, b);
  }
  // English names: runs of two or more capitalised words, not at a sentence start.
  for (const s of p.sentences) {
    for (let i = s.tokenStart + 1; i < s.tokenEnd; i++) {
      const t = toks[i]!;
      if (
        t.kind !== 'word' ||
        !isLatinCapital(t) ||
        TITLE_HEADS.has(key(t)) ||
        TITLE_QUALIFIERS.has(key(t)) ||
        table.covers(t.start)
      )
        continue;
      let j = i + 1;
      while (
        j < s.tokenEnd &&
        toks[j]!.kind === 'word' &&
        (isLatinCapital(toks[j]!) || NAME_LINKS.has(key(toks[j]!))) &&
        !/[^\s]/u.test(gap(p, j - 1)) &&
        j - i < 4
      )
        j++;
      if (j - i >= 2) {
        table.add('person', i, j);
        i = j - 1;
      }
    }
  }
  return table.list();
}

// ---------------------------------------------------------------------------

/** Everything but the people, places and bodies, and what entity finding needs from it. */
export interface BaseFacts {
  numbers: NumberFact[];
  dates: DateFact[];
  quotes: QuoteFact[];
  /** Names in quotation marks after a head (وكالة “أسوشيتد برس”): bodies, not quotations. */
  nameQuotes: Span[];
}

export function extractBaseFacts(p: PreparedText, reference?: string): BaseFacts {
  const found = findDates(p.text, reference ? { reference } : undefined);
  const dates: DateFact[] = found.map((d) => ({
    iso: d.iso,
    precision: d.precision,
    text: d.text,
    start: d.start,
    end: d.end,
    sentence: sentenceOf(p, d.start),
  }));
  const numbers = findNumbers(p, found);
  const nameQuotes: Span[] = [];
  const quotes = findQuotes(p, nameQuotes);
  return { numbers, dates, quotes, nameQuotes };
}

export function extractEntities(
  p: PreparedText,
  base: BaseFacts,
  knownPeople?: FactOptions['knownPeople'],
): EntityFact[] {
  return findEntities(p, base.quotes, base.nameQuotes, knownPeople);
}

export function extractFacts(p: PreparedText, options: FactOptions = {}): ArticleFacts {
  const base = extractBaseFacts(p, options.reference);
  return {
    numbers: base.numbers,
    dates: base.dates,
    quotes: base.quotes,
    entities: extractEntities(p, base, options.knownPeople),
  };
}
