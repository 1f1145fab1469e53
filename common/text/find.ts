/**
 * Find-in-article folding: case, Arabic diacritics and tatweel, hamza and
 * alef forms, alef maqsura, teh marbuta, Arabic-Indic digits and runs of
 * white space are ignored, so "الامريكي" finds "الأمريكيّ". Each folded
 * character keeps the offset it came from.
 */

const DROP =
  /[\u064B-\u065F\u0670\u0640\u0610-\u061A\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED\u200C-\u200F]/u;

function foldChar(ch: string): string {
  if (DROP.test(ch)) return '';
  const c = ch.codePointAt(0)!;
  if (c >= 0x0660 && c <= 0x0669) return String(c - 0x0660);
  if (c >= 0x06f0 && c <= 0x06f9) return String(c - 0x06f0);
  switch (ch) {
    case 'أ':
    case 'إ':
    case 'آ':
    case 'ٱ':
      return 'ا';
    case 'ى':
    case 'ی':
    case 'ئ':
      return 'ي';
    case 'ة':
      return 'ه';
    case 'ؤ':
      return 'و';
    case 'ک':
      return 'ك';
    default:
      break;
  }
  if (/\s/u.test(ch)) return ' ';
  // Latin: case and accents.
  return ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export interface Folded {
  text: string;
  /** offsets[i]: where folded character i starts in the original; offsets[text.length] = original length. */
  offsets: number[];
}

export function foldWithMap(original: string): Folded {
  let text = '';
  const offsets: number[] = [];
  let i = 0;
  for (const ch of original) {
    const f = foldChar(ch);
    for (const unit of f) {
      // Collapse runs of space.
      if (unit === ' ' && text.endsWith(' ')) continue;
      text += unit;
      offsets.push(i);
    }
    i += ch.length;
  }
  offsets.push(original.length);
  return { text, offsets };
}

export function foldQuery(query: string): string {
  return foldWithMap(query.trim()).text;
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
