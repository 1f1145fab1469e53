/**
 * Re-anchoring: how a highlight survives a changed text.
 *
 * A highlight is stored as W3C Web Annotation stores one: a TextQuoteSelector
 * (the exact quote with some context before and after) plus a
 * TextPositionSelector (UTF-16 offsets into the body). The stored selector is
 * never rewritten behind the user's back: every read anchors it again on the
 * article's current body, so a highlight whose text moved says so ('moved')
 * for as long as it is true, and one whose text is gone is shown as
 * 'orphaned' with its quote, never dropped. The user can accept a new
 * position (`highlights.update` with a range), which stores a new selector.
 */
import { foldWithOffsets } from '../../../common/text/normalize';

/** Characters of context kept on each side of a quote. */
export const CONTEXT_CHARS = 32;

export interface QuoteSelector {
  quote: string;
  prefix: string;
  suffix: string;
}

export interface StoredAnchor extends QuoteSelector {
  start: number;
  end: number;
}

export type AnchorResult =
  { status: 'anchored' | 'moved'; start: number; end: number } | { status: 'orphaned'; start: null; end: null };

const ORPHANED: AnchorResult = { status: 'orphaned', start: null, end: null };

// ---------------------------------------------------------------------------
// Selectors

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/u.test(ch);
}

/**
 * The range a selection meant: surrounding white space trimmed, and never
 * splitting a surrogate pair. Returns null when nothing but space is left.
 */
export function trimRange(body: string, start: number, end: number): { start: number; end: number } | null {
  let s = Math.max(0, Math.min(start, body.length));
  let e = Math.max(s, Math.min(end, body.length));
  while (s < e && isSpace(body[s])) s++;
  while (e > s && isSpace(body[e - 1])) e--;
  if (s > 0 && s < body.length && isLowSurrogate(body.charCodeAt(s))) s--;
  if (e < body.length && isLowSurrogate(body.charCodeAt(e))) e++;
  return e > s ? { start: s, end: e } : null;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

export function selectorFor(body: string, start: number, end: number): QuoteSelector {
  return {
    quote: body.slice(start, end),
    prefix: body.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: body.slice(end, end + CONTEXT_CHARS),
  };
}

// ---------------------------------------------------------------------------
// Folded text: Arabic and Unicode folds of main/core/text, white space
// collapsed, with a map back to the original offsets.

export interface FoldedText {
  text: string;
  /** offsets[i] = original offset of folded unit i; offsets[text.length] = original length. */
  offsets: Int32Array;
}

export function foldForAnchoring(original: string): FoldedText {
  const { folded, offsets } = foldWithOffsets(original);
  const out: string[] = [];
  const map: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < folded.length; i++) {
    const ch = folded[i]!;
    if (ch === ' ' || /\s/u.test(ch)) {
      if (pendingSpace < 0) pendingSpace = offsets[i]!;
      continue;
    }
    if (pendingSpace >= 0 && out.length > 0) {
      out.push(' ');
      map.push(pendingSpace);
    }
    pendingSpace = -1;
    out.push(ch);
    map.push(offsets[i]!);
  }
  map.push(original.length);
  return { text: out.join(''), offsets: Int32Array.from(map) };
}

/** Original [start, end) of folded [from, to): trailing marks of the last letter included, trailing space not. */
function originalSpan(body: string, folded: FoldedText, from: number, to: number): { start: number; end: number } {
  const start = folded.offsets[from]!;
  let end = folded.offsets[to] ?? body.length;
  const lastStart = folded.offsets[to - 1]!;
  if (end <= lastStart) end = lastStart + 1;
  while (end > start + 1 && isSpace(body[end - 1])) end--;
  if (end < body.length && isLowSurrogate(body.charCodeAt(end))) end++;
  return { start, end };
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function allIndexes(haystack: string, needle: string, limit = 500): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  let at = haystack.indexOf(needle);
  while (at >= 0 && found.length < limit) {
    found.push(at);
    at = haystack.indexOf(needle, at + 1);
  }
  return found;
}

/** Dice coefficient of character bigrams: 1 for equal strings, near 0 for unrelated ones. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(g, n - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

interface Candidate {
  from: number;
  to: number;
  /** 0..1, how well the quote itself matches. */
  match: number;
}

/**
 * Best candidate by context (prefix before, suffix after), then by closeness
 * to where the highlight was; the quote's own match weighs most.
 */
function pickBest(
  folded: FoldedText,
  candidates: readonly Candidate[],
  prefix: string,
  suffix: string,
  oldStart: number,
): Candidate | null {
  let best: Candidate | null = null;
  let bestScore = -Infinity;
  const span = Math.max(1, folded.offsets[folded.text.length]!);
  for (const c of candidates) {
    const before = folded.text.slice(Math.max(0, c.from - prefix.length - 1), c.from).trimEnd();
    const after = folded.text.slice(c.to, c.to + suffix.length + 1).trimStart();
    const prefixScore = prefix.length > 0 ? commonSuffixLength(before, prefix) / prefix.length : 0.5;
    const suffixScore = suffix.length > 0 ? commonPrefixLength(after, suffix) / suffix.length : 0.5;
    const distance = Math.abs(folded.offsets[c.from]! - oldStart) / span;
    const score = 4 * c.match + prefixScore + suffixScore + 0.5 * (1 - Math.min(1, distance));
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

/** Minimum similarity for a quote found only approximately (its words were edited). */
const FUZZY_THRESHOLD = 0.75;

/**
 * Finds a stored anchor in `body`. `folded` may be passed in when many
 * highlights of one article are anchored at once.
 */
export function reanchor(body: string, anchor: StoredAnchor, folded?: FoldedText): AnchorResult {
  const { quote, start, end } = anchor;
  if (quote === '') return ORPHANED;
  // 1. Still where it was.
  if (end <= body.length && body.slice(start, end) === quote) return { status: 'anchored', start, end };

  // 2. The same characters elsewhere.
  const exact = allIndexes(body, quote);
  if (exact.length === 1) return { status: 'moved', start: exact[0]!, end: exact[0]! + quote.length };

  const f = folded ?? foldForAnchoring(body);
  const q = foldForAnchoring(quote).text;
  const prefix = foldForAnchoring(anchor.prefix).text;
  const suffix = foldForAnchoring(anchor.suffix).text;
  if (q === '') return ORPHANED;

  if (exact.length > 1) {
    // Context decides between copies; compare in folded space.
    const candidates = exact.map((at) => {
      const from = foldedIndexAtOrAfter(f, at);
      return { from, to: from + q.length, match: 1, original: at };
    });
    const best = pickBest(f, candidates, prefix, suffix, start);
    const chosen = candidates.find((c) => c === best);
    if (chosen) return { status: 'moved', start: chosen.original, end: chosen.original + quote.length };
  }

  // 3. The same words with other spacing, diacritics, hamza forms, digits...
  const folds = allIndexes(f.text, q).map((from) => ({ from, to: from + q.length, match: 1 }));
  if (folds.length > 0) {
    const best = pickBest(f, folds, prefix, suffix, start)!;
    return { status: 'moved', ...originalSpan(body, f, best.from, best.to) };
  }

  // 4. Edited words: bounded by the quote's own ends, or by its context.
  const fuzzy = approximateCandidates(f.text, q, prefix, suffix);
  if (fuzzy.length > 0) {
    const best = pickBest(f, fuzzy, prefix, suffix, start)!;
    return { status: 'moved', ...originalSpan(body, f, best.from, best.to) };
  }
  return ORPHANED;
}

function foldedIndexAtOrAfter(f: FoldedText, original: number): number {
  // offsets is non-decreasing: binary search the first unit at or after `original`.
  let lo = 0;
  let hi = f.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (f.offsets[mid]! < original) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function approximateCandidates(text: string, q: string, prefix: string, suffix: string): Candidate[] {
  const out: Candidate[] = [];
  const consider = (from: number, to: number) => {
    if (to <= from) return;
    const length = to - from;
    if (length < q.length * 0.5 || length > q.length * 1.6 + 8) return;
    const match = similarity(text.slice(from, to), q);
    if (match >= FUZZY_THRESHOLD) out.push({ from, to, match });
  };
  // a) The quote's first and last words still there, the middle edited.
  const edge = Math.min(16, Math.floor(q.length / 3));
  if (edge >= 4) {
    const head = q.slice(0, edge);
    const tail = q.slice(q.length - edge);
    for (const h of allIndexes(text, head, 50)) {
      const limit = h + Math.ceil(q.length * 1.6) + 8;
      let t = text.indexOf(tail, h + edge);
      while (t >= 0 && t + edge <= limit) {
        consider(h, t + edge);
        t = text.indexOf(tail, t + 1);
      }
    }
  }
  // b) The context on both sides still there: what lies between is the quote.
  const p = prefix.slice(-16).trim();
  const s = suffix.slice(0, 16).trim();
  if (p.length >= 6 && s.length >= 6) {
    for (const at of allIndexes(text, p, 50)) {
      let from = at + p.length;
      while (text[from] === ' ') from++;
      const after = text.indexOf(s, from);
      if (after < 0) continue;
      let to = after;
      while (to > from && text[to - 1] === ' ') to--;
      consider(from, to);
    }
  }
  // c) Only the beginning or only the end of the quote survived, with its context.
  if (edge >= 4 && out.length === 0) {
    const head = q.slice(0, Math.min(q.length, 24));
    for (const h of allIndexes(text, head, 50)) consider(h, Math.min(text.length, h + q.length));
    const tail = q.slice(Math.max(0, q.length - 24));
    for (const t of allIndexes(text, tail, 50)) consider(Math.max(0, t + tail.length - q.length), t + tail.length);
  }
  return out;
}
