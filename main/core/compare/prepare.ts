/**
 * An article made ready for comparison: its tokens (with offsets into the
 * original text) analyzed once, and its sentences as token ranges, so
 * alignment, word diffs and the fact ledger all point at the same places.
 */
import { analyze, type AnalyzedToken } from '../text/analyze';
import { arabicKeys } from '../text/arabic';
import { splitSentences } from '../text/sentences';

export interface PreparedSentence {
  /** Offsets into the original text. */
  start: number;
  end: number;
  /** Token index range in PreparedText.tokens. */
  tokenStart: number;
  tokenEnd: number;
}

export interface PreparedText {
  text: string;
  tokens: AnalyzedToken[];
  sentences: PreparedSentence[];
}

export function prepareText(text: string): PreparedText {
  const tokens = analyze(text);
  const sentences: PreparedSentence[] = [];
  let t = 0;
  for (const s of splitSentences(text)) {
    while (t < tokens.length && tokens[t]!.start < s.start) t++;
    const tokenStart = t;
    while (t < tokens.length && tokens[t]!.end <= s.end) t++;
    sentences.push({ start: s.start, end: s.end, tokenStart, tokenEnd: t });
  }
  return { text, tokens, sentences };
}

const accusative = new Map<string, string>();

/**
 * The stem with the accusative alef taken off (قاضيا = قاض, أمرا = أمر): the
 * light stem keeps it, and outlets rewriting one wire story change the case
 * of the same word ("أمره بترقية" / "أمرا ملكيا بترقية").
 */
function stemOf(t: AnalyzedToken): string {
  const s = t.stem;
  if (s.length <= 3 || !s.endsWith('ا') || !/^[\u0621-\u064a]/u.test(s)) return s;
  let bare = accusative.get(t.exact);
  if (bare === undefined) {
    bare = t.exact.endsWith('ا') ? arabicKeys(t.exact.slice(0, -1), 0).stem : s;
    if (accusative.size > 20_000) accusative.clear();
    accusative.set(t.exact, bare);
  }
  return bare;
}

/** The keys that say what a sentence is about: content words (stemmed), numbers, dates. */
export function contentKeys(tokens: readonly AnalyzedToken[], from: number, to: number): Set<string> {
  const keys = new Set<string>();
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind === 'word') {
      if (!t.stop && t.stem.length >= 2) keys.add(stemOf(t));
    } else if (t.kind === 'number' || t.kind === 'date') keys.add(`#${t.norm}`);
  }
  return keys;
}
