/** A speaker phrase after a speech verb, and the name inside it: shared by quotations in marks and reported speech. */
import { PHRASE_STOPS, SPEECH_VERBS, TITLE_HEADS } from './lexicon';
import type { PreparedText } from './prepare';
import type { Span } from './factTypes';
import { COMMA, HARD_BREAK, gap, key, looksLikeApposition, titleLength } from './factTokens';

/** Token span [from, to) of a speaker phrase starting at `from`, within `limit`. */
export function phraseAfter(p: PreparedText, from: number, limit: number): [number, number] {
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

/** The name inside a speaker phrase: the apposition if any, else what follows the office. */
export function nameIn(p: PreparedText, from: number, to: number): [number, number] {
  // Apposition after a comma.
  for (let i = from; i < to - 1; i++) {
    if (!COMMA.test(gap(p, i))) continue;
    let last = i + 1;
    while (last < to - 1 && !COMMA.test(gap(p, last))) last++;
    return [i + 1, last + 1];
  }
  const title = titleLength(p, from, to);
  const start = title > 0 && from + title < to ? from + title : from;
  // "خالد اليوسف رئيس ديوان المظالم": an office after the name is not part of it.
  for (let i = start + 1; i < to; i++) if (TITLE_HEADS.has(key(p.tokens[i]!))) return [start, i];
  return [start, to];
}

/** The text span of tokens [from, to). */
export function spanOf(p: PreparedText, from: number, to: number): Span {
  return { start: p.tokens[from]!.start, end: p.tokens[Math.max(from, to - 1)]!.end };
}
