/**
 * An article made ready for comparison: its tokens (with offsets into the
 * original text) analyzed once, and its sentences as token ranges, so
 * alignment, word diffs and the fact ledger all point at the same places.
 */
import { analyze, type AnalyzedToken } from '../text/analyze';
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

/** The keys that say what a sentence is about: content words (stemmed), numbers, dates. */
export function contentKeys(tokens: readonly AnalyzedToken[], from: number, to: number): Set<string> {
  const keys = new Set<string>();
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind === 'word') {
      if (!t.stop && t.stem.length >= 2) keys.add(t.stem);
    } else if (t.kind === 'number' || t.kind === 'date') keys.add(`#${t.norm}`);
  }
  return keys;
}
