/**
 * Sentence splitter for Arabic and English news. Ends: . ! ? ؟ … (and "...")
 * and line breaks. Not ends: ، ؛ ; (clause marks), decimal points (2.5),
 * abbreviations (Dr., U.S., e.g., د. for doctor), initials (J. Smith).
 * Closing quotes and brackets after an end belong to the sentence it ends
 * (…البيضاوي”.  and  “…done.”), and an English end followed by a lower-case
 * word is not an end ("Stop." he said).
 */

export interface Sentence {
  start: number;
  end: number;
  /** text.slice(start, end) */
  text: string;
}

/** Lower-case English abbreviations that take a dot and rarely end a sentence. */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'vs',
  'etc',
  'inc',
  'ltd',
  'co',
  'corp',
  'gen',
  'gov',
  'sen',
  'rep',
  'lt',
  'col',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'maj',
  'mt',
  'no',
  'nos',
  'fig',
  'vol',
  'pp',
  'approx',
  'dept',
  'est',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'sun',
  'rev',
  'hon',
  'pres',
  'gov',
  'atty',
  'supt',
  'ave',
  'blvd',
  'rd',
  'u.s',
  'u.n',
  'u.k',
  'e.g',
  'i.e',
  'a.m',
  'p.m',
]);

/** Capitalised words that usually start a sentence: after "U.S." they mean the dot ended one. */
const SENTENCE_STARTERS: ReadonlySet<string> = new Set([
  'the',
  'he',
  'she',
  'it',
  'they',
  'we',
  'i',
  'in',
  'but',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'there',
  'on',
  'at',
  'as',
  'after',
  'when',
  'if',
  'his',
  'her',
  'their',
  'its',
  'our',
  'some',
  'many',
  'meanwhile',
  'however',
  'and',
]);

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x85;
}

function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0xa0 ||
    c === 0x0b ||
    c === 0x0c ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff ||
    c === 0x200e ||
    c === 0x200f
  );
}

function isClosing(c: number): boolean {
  // " ' ” ’ » › ) ] } and the Arabic ornate parenthesis.
  return (
    c === 0x22 ||
    c === 0x27 ||
    c === 0x201d ||
    c === 0x2019 ||
    c === 0xbb ||
    c === 0x203a ||
    c === 0x29 ||
    c === 0x5d ||
    c === 0x7d ||
    c === 0xfd3f
  );
}

function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9);
}

function isLatinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

function isArabicLetter(c: number): boolean {
  return (
    (c >= 0x0620 && c <= 0x064a) ||
    (c >= 0x066e && c <= 0x06d3) ||
    c === 0x06d5 ||
    (c >= 0xfb50 && c <= 0xfdff) ||
    (c >= 0xfe70 && c <= 0xfefc)
  );
}

function isLetter(c: number): boolean {
  return isLatinLetter(c) || isArabicLetter(c);
}

/** The word (letters and inner dots) just before position `dot`. */
function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (isLetter(c) || (c === 0x2e && i - 2 >= 0 && isLetter(text.charCodeAt(i - 2)))) i--;
    else break;
  }
  return text.slice(i, dot);
}

/** First word after position `at`, skipping spaces and opening quotes. */
function wordAfter(text: string, at: number): { word: string; first: number } {
  let i = at;
  while (
    i < text.length &&
    (isSpace(text.charCodeAt(i)) ||
      text.charCodeAt(i) === 0x22 ||
      text.charCodeAt(i) === 0x201c ||
      text.charCodeAt(i) === 0xab)
  )
    i++;
  const s = i;
  while (i < text.length && isLatinLetter(text.charCodeAt(i))) i++;
  return { word: text.slice(s, i), first: s < text.length ? text.charCodeAt(s) : -1 };
}

/** Is the '.' at position i a sentence end? */
function dotEnds(text: string, i: number): boolean {
  const prev = i > 0 ? text.charCodeAt(i - 1) : -1;
  const next = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
  // Decimal numbers, dates, versions: 2.5, 26.7.2021.
  if (isDigit(prev) && isDigit(next)) return false;
  // Inside a token (URL, file name, acronym letter.letter): no space after.
  // Arabic web text often drops the space after a full stop (العراق.وقال):
  // that is still an end.
  if (next !== -1 && !isSpace(next) && !isLineBreak(next) && !isClosing(next) && next !== 0x2e) {
    if (!(isArabicLetter(next) && isArabicLetter(prev))) return false;
  }
  const word = wordBefore(text, i);
  if (word.length === 0) return true;
  const lower = word.toLowerCase();
  const after = wordAfter(text, i + 1);
  if (isLatinLetter(word.charCodeAt(0))) {
    // Dotted acronym (U.S.) or a known abbreviation: an end only before a
    // typical sentence opener.
    const acronym = word.includes('.');
    if (acronym || ABBREVIATIONS.has(lower)) {
      if (
        acronym &&
        after.word.length > 0 &&
        SENTENCE_STARTERS.has(after.word.toLowerCase()) &&
        after.first >= 0x41 &&
        after.first <= 0x5a
      )
        return true;
      return false;
    }
    // Initials: a single capital letter (J. Smith).
    if (word.length === 1 && prev >= 0x41 && prev <= 0x5a) return false;
    return true;
  }
  // A one-letter Arabic word before a dot is an abbreviation (د. doctor,
  // م. engineer, ص. page, أ. professor), unless glued to digits (2021م.).
  if (word.length === 1 && isArabicLetter(word.charCodeAt(0))) {
    const before = i >= 2 ? text.charCodeAt(i - 2) : -1;
    if (!isDigit(before)) return false;
  }
  return true;
}

/**
 * Sentences with offsets into the original text, trimmed of surrounding
 * whitespace; empty ones are skipped.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const n = text.length;
  let start = 0;
  const push = (s: number, e: number): void => {
    let a = s;
    let b = e;
    while (a < b && (isSpace(text.charCodeAt(a)) || isLineBreak(text.charCodeAt(a)))) a++;
    while (b > a && (isSpace(text.charCodeAt(b - 1)) || isLineBreak(text.charCodeAt(b - 1)))) b--;
    if (b > a) out.push({ start: a, end: b, text: text.slice(a, b) });
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isLineBreak(c)) {
      push(start, i);
      i++;
      start = i;
      continue;
    }
    let isEnd = false;
    if (c === 0x21 || c === 0x3f || c === 0x061f || c === 0x2026 || c === 0x06d4) isEnd = true;
    else if (c === 0x2e) isEnd = text.charCodeAt(i + 1) === 0x2e || dotEnds(text, i);
    if (!isEnd) {
      i++;
      continue;
    }
    // Swallow runs of terminators (?! ... ؟!) and the closing quotes/brackets after them.
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === 0x21 || d === 0x3f || d === 0x061f || d === 0x2e || d === 0x2026) j++;
      else break;
    }
    while (j < n && isClosing(text.charCodeAt(j))) j++;
    // English: a lower-case word right after means the quote continues ("Stop." he said).
    const after = wordAfter(text, j);
    const lowerNext = after.first >= 0x61 && after.first <= 0x7a;
    // Latin text or digits glued to the terminator are not a new sentence (a?b=1, 3.5).
    const g = j < n ? text.charCodeAt(j) : -1;
    const glued = isLatinLetter(g) || isDigit(g);
    if (lowerNext || glued) {
      i = j;
      continue;
    }
    push(start, j);
    start = j;
    i = j;
  }
  push(start, n);
  return out;
}
