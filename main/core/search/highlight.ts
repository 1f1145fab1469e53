/**
 * Highlights and snippets in the ORIGINAL text, found with the analyzer's
 * offsets: a token matches when its keys match the query's, so a query for
 * الامريكي marks الأميركي as written, diacritics and all.
 *
 * Snippets must stay cheap (20 per answer): the body is folded chunk by
 * chunk and only a chunk that contains one of the query's key strings
 * ("needles") is analyzed.
 */
import { analyze, normalizeForMatching, type AnalyzedToken } from '../text';
import { needleForms, phraseForm, phraseSpans, type PhraseForm } from './phraseMatch';
import type { FuzzyExpansions } from './ftsQuery';
import type { PlanLeaf } from './queryPlan';

/** [start, end) in UTF-16 code units. */
export type Range = [number, number];

export interface Snippet {
  text: string;
  /** Ranges in `text` to mark. */
  highlights: Range[];
  /** Where `text` starts in the article body (so a reader can jump there). */
  offset: number;
}

export type TextField = 'title' | 'body';

export interface Matcher {
  exact: ReadonlySet<string>;
  stem: ReadonlySet<string>;
  prefixes: readonly string[];
  /** Quoted phrases: marked only where they occur as written (phraseMatch.ts). */
  phrases: readonly PhraseForm[];
  /** Strings whose presence in the folded text makes a match possible. */
  needles: readonly string[];
}

export function tokenMatches(m: Matcher, t: AnalyzedToken): boolean {
  if (t.stop) return false;
  if (m.exact.has(t.exact) || m.stem.has(t.stem)) return true;
  for (const p of m.prefixes) if (t.exact.startsWith(p) || t.norm.startsWith(p)) return true;
  return false;
}

/** What to look for in a title or body, from the words that make a document match. */
export function buildMatcher(leaves: readonly PlanLeaf[], expansions: FuzzyExpansions, field: TextField): Matcher {
  const exact = new Set<string>();
  const stem = new Set<string>();
  const prefixes: string[] = [];
  const phrases: PhraseForm[] = [];
  for (const leaf of leaves) {
    if (leaf.field !== null && leaf.field !== field) continue;
    switch (leaf.kind) {
      case 'word':
        exact.add(leaf.exact);
        // Another script's spelling matched as written only (ftsQuery.ts).
        if (!leaf.transliterated) stem.add(leaf.stem);
        break;
      case 'phrase':
        if (leaf.strict) {
          phrases.push(phraseForm(leaf.text));
          break;
        }
        leaf.exact.forEach((k) => exact.add(k));
        leaf.stem.forEach((k) => stem.add(k));
        break;
      case 'prefix':
        prefixes.push(...leaf.prefixes);
        break;
      case 'fuzzy':
        (expansions.get(leaf) ?? [leaf.exact]).forEach((k) => exact.add(k));
        break;
      case 'lang':
        break;
    }
  }
  const needles = new Set<string>();
  for (const k of [...exact, ...stem, ...prefixes]) needleForms(k).forEach((n) => needles.add(n));
  for (const p of phrases) p.needles.forEach((n) => needles.add(n));
  return { exact, stem, prefixes, phrases, needles: [...needles] };
}

/** Matcher from keys another engine reported as matched (Lunr's matchData). */
export function matcherFromKeys(keys: Iterable<string>): Matcher {
  const set = new Set(keys);
  const needles = new Set<string>();
  for (const k of set) needleForms(k).forEach((n) => needles.add(n));
  return { exact: set, stem: set, prefixes: [], phrases: [], needles: [...needles] };
}

function isEmpty(m: Matcher): boolean {
  return m.exact.size === 0 && m.stem.size === 0 && m.prefixes.length === 0 && m.phrases.length === 0;
}

/** Every match in `text` (titles, or a whole article in the reader). */
export function findMatches(text: string, m: Matcher): Range[] {
  if (isEmpty(m) || text.length === 0) return [];
  return matchingTokens(analyze(text), m).map((t): Range => [t.start, t.end]);
}

/**
 * The tokens that match, in order; a phrase occurrence is one token
 * spanning its words (so a snippet marks the phrase, not words elsewhere).
 */
function matchingTokens(tokens: readonly AnalyzedToken[], m: Matcher): AnalyzedToken[] {
  const out = tokens.filter((t) => tokenMatches(m, t));
  if (m.phrases.length === 0) return out;
  for (const form of m.phrases) {
    for (const [a, b] of phraseSpans(tokens, form)) {
      const first = tokens[a]!;
      const last = tokens[b]!;
      out.push({ ...first, end: last.end, text: '', exact: form.words.map((w) => w.exact).join(' ') });
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

const CHUNK = 800;
const SNIPPET_BEFORE = 70;
const SNIPPET_LENGTH = 260;

function isWhite(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xa0;
}

/** End of the chunk starting at `from`: a whitespace near from + CHUNK, so no token is cut. */
function chunkEnd(text: string, from: number): number {
  let end = Math.min(text.length, from + CHUNK);
  while (end < text.length && !isWhite(text.charCodeAt(end))) end++;
  return end;
}

/** Matching tokens of text[from, to) (cut at whitespace by the caller). */
function analyzeRange(text: string, from: number, to: number, m: Matcher): AnalyzedToken[] {
  return matchingTokens(analyze(text.slice(from, to)), m).map((t) => ({
    ...t,
    start: t.start + from,
    end: t.end + from,
    text: text.slice(t.start + from, t.end + from),
  }));
}

/**
 * Matches in text[from, to), looked for only if a needle occurs there, and
 * first only around the first needle: the fold drops diacritics and
 * collapses spaces, so its offsets are close to the original's, and a
 * window of a snippet's length around them is a fifth of the chunk to analyze.
 */
function chunkMatches(text: string, from: number, to: number, m: Matcher): AnalyzedToken[] {
  const slice = text.slice(from, to);
  const folded = normalizeForMatching(slice);
  let first = -1;
  for (const n of m.needles) {
    const at = folded.indexOf(n);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  if (first < 0) return [];
  const guess = from + Math.round((first * slice.length) / Math.max(1, folded.length));
  const lo = Math.max(from, snapBack(text, guess - SNIPPET_BEFORE, from));
  const hi = Math.min(to, snapForward(text, guess + SNIPPET_LENGTH, to));
  const near = analyzeRange(text, lo, hi, m);
  return near.length > 0 ? near : analyzeRange(text, from, to, m);
}

/** Start of the word at or after `i` (never inside a word), within [lo, hi]. */
function snapForward(text: string, i: number, hi: number): number {
  let j = Math.max(0, i);
  if (j === 0) return 0;
  while (j < hi && !isWhite(text.charCodeAt(j - 1))) j++;
  return j;
}

function snapBack(text: string, i: number, lo: number): number {
  let j = Math.min(text.length, i);
  if (j === text.length) return j;
  while (j > lo && !isWhite(text.charCodeAt(j))) j--;
  return j;
}

function cut(text: string, start: number, end: number, marks: readonly AnalyzedToken[]): Snippet {
  const lead = start > 0 ? '… ' : '';
  const tail = end < text.length ? ' …' : '';
  // One line of text: whitespace runs (paragraph breaks) become one space,
  // so offsets are mapped by re-finding each mark.
  const body = text.slice(start, end).replace(/\s+/g, ' ');
  const highlights: Range[] = [];
  let searchFrom = 0;
  for (const t of marks) {
    if (t.start < start || t.end > end) continue;
    const written = t.text.replace(/\s+/g, ' ');
    const at = body.indexOf(written, searchFrom);
    if (at < 0) continue;
    highlights.push([lead.length + at, lead.length + at + written.length]);
    searchFrom = at + written.length;
  }
  return { text: `${lead}${body}${tail}`, highlights, offset: start };
}

/**
 * A passage of `body` around the densest run of matches, with the matches
 * marked; the opening of the body when nothing in it matches (a title or
 * author match).
 */
export function makeSnippet(body: string, m: Matcher): Snippet {
  let found: AnalyzedToken[] = [];
  if (!isEmpty(m)) {
    for (let from = 0; from < body.length && found.length === 0;) {
      const to = chunkEnd(body, from);
      found = chunkMatches(body, from, to, m);
      // A match near the chunk's end: the window runs on into the next chunk, whose matches count too.
      const last = found[found.length - 1];
      if (last && to < body.length && last.end > to - SNIPPET_LENGTH)
        found = found.concat(chunkMatches(body, to, chunkEnd(body, to), m));
      from = to;
    }
  }
  if (found.length === 0) {
    const end = snapBack(body, SNIPPET_LENGTH, Math.floor(SNIPPET_LENGTH / 2));
    return cut(body, 0, end <= 0 ? Math.min(body.length, SNIPPET_LENGTH) : end, []);
  }
  // The window holding the most distinct matched keys wins; earlier on ties.
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < found.length; i++) {
    const keys = new Set<string>();
    for (let j = i; j < found.length && found[j]!.end - found[i]!.start <= SNIPPET_LENGTH - SNIPPET_BEFORE; j++)
      keys.add(found[j]!.exact);
    if (keys.size > bestScore) {
      bestScore = keys.size;
      best = i;
    }
  }
  const anchor = found[best]!.start;
  const start = anchor - SNIPPET_BEFORE <= 0 ? 0 : snapForward(body, anchor - SNIPPET_BEFORE, anchor);
  const end =
    start + SNIPPET_LENGTH >= body.length ? body.length : snapBack(body, start + SNIPPET_LENGTH, found[best]!.end);
  return cut(body, start, end, found);
}
