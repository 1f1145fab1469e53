/**
 * Find-in-article on the matching fold (normalize.ts): case, accents, Arabic
 * diacritics and tatweel, hamza and alef forms, alef maqsura, teh marbuta,
 * Arabic-Indic digits and runs of separators are ignored, so "الامريكي"
 * finds "الأمريكيّ" exactly when the library's search and duplicate keys
 * would call them the same word. Each folded character keeps the offset it
 * came from.
 */
import { foldWithOffsets, normalizeForMatching } from './normalize';

export interface Folded {
  text: string;
  /** offsets[i]: where folded character i starts in the original; offsets[text.length] = original length. */
  offsets: number[];
}

/** The fold of `original` with runs of separators collapsed to one space, keeping each character's offset. */
export function foldWithMap(original: string): Folded {
  const { folded, offsets: from } = foldWithOffsets(original);
  let text = '';
  const offsets: number[] = [];
  for (let i = 0; i < folded.length; i++) {
    const unit = folded[i]!;
    if (unit === ' ' && text.endsWith(' ')) continue;
    text += unit;
    offsets.push(from[i]!);
  }
  offsets.push(original.length);
  return { text, offsets };
}

/** A query as find compares it: folded, separators collapsed, trimmed. */
export function foldQuery(query: string): string {
  return normalizeForMatching(query);
}

/** Every match of `query` in `body`, as body offsets, up to `limit`. */
export function findAll(
  body: string,
  query: string,
  limit = 2000,
  folded: Folded = foldWithMap(body),
): { start: number; end: number }[] {
  const q = foldQuery(query);
  if (q === '') return [];
  const out: { start: number; end: number }[] = [];
  let at = folded.text.indexOf(q);
  while (at >= 0 && out.length < limit) {
    const start = folded.offsets[at]!;
    // The end is where the character after the match starts, marks of the last letter included.
    let end = folded.offsets[at + q.length] ?? body.length;
    while (end > start && /\s/u.test(body[end - 1]!)) end--;
    out.push({ start, end });
    at = folded.text.indexOf(q, at + q.length);
  }
  return out;
}
