/**
 * Tokenizer with offsets into the ORIGINAL string (highlights, snippets and
 * comparison need them): Arabic words (with their clitics attached, tashkeel
 * and tatweel inside), Latin words (with inner apostrophes, acronyms such as
 * U.S.), other-script words, numbers (2500, 2,500, 2.5, ٢٥٠٠, ٢٫٥), numeric
 * dates (26/7/2021, 2021-07-26, ISO datetimes) and URLs/e-mail addresses kept
 * whole. One pass over char codes with a class table; no regex per char.
 */
import { isValidDate } from './calendar';
import { codeUnitMask } from './codeUnitMask';
import { preparedTables } from './preparedTables';

export type TokenKind = 'word' | 'number' | 'date' | 'url';

export interface Token {
  /** text.slice(start, end) */
  text: string;
  start: number;
  end: number;
  kind: TokenKind;
}

// Character classes.
export const C_OTHER = 0; // punctuation, symbols, spaces: separators
export const C_AR = 1; // Arabic-script letter
export const C_AR_MARK = 2; // tashkeel, tatweel, Quranic marks: inside Arabic words only
export const C_LATIN = 3; // Latin letter (incl. accented)
export const C_LETTER = 4; // letter of another script
export const C_MARK = 5; // combining mark (non-Arabic): continues the current word
export const C_DIGIT = 6; // ASCII, Arabic-Indic, Eastern, full-width digit
export const C_JOINER = 7; // ZWNJ / ZWJ: inside words
export const C_HIGH = 8; // high surrogate: classify the code point

/** The class of every UTF-16 code unit (the build writes it to the text tables file, which the CLI reads instead). */
export function buildClassTable(): Uint8Array {
  const letter = codeUnitMask(/\p{L}+/gu);
  const mark = codeUnitMask(/\p{M}+/gu);
  const t = new Uint8Array(0x10000);
  for (let c = 0x41; c <= 0x5a; c++) t[c] = C_LATIN;
  for (let c = 0x61; c <= 0x7a; c++) t[c] = C_LATIN;
  for (let c = 0x30; c <= 0x39; c++) t[c] = C_DIGIT;
  for (let c = 0x80; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdbff) {
      t[c] = C_HIGH;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    // Big uniform blocks: CJK ideographs and Hangul syllables are letters.
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3)) {
      t[c] = C_LETTER;
      continue;
    }
    if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9) || (c >= 0xff10 && c <= 0xff19)) {
      t[c] = C_DIGIT;
      continue;
    }
    if (c === 0x200c || c === 0x200d) {
      t[c] = C_JOINER;
      continue;
    }
    const arabicBlock =
      (c >= 0x0600 && c <= 0x06ff) ||
      (c >= 0x0750 && c <= 0x077f) ||
      (c >= 0x08a0 && c <= 0x08ff) ||
      (c >= 0xfb50 && c <= 0xfdff) ||
      (c >= 0xfe70 && c <= 0xfefe);
    if (arabicBlock) {
      if (c === 0x0640 || mark[c] === 1) t[c] = C_AR_MARK;
      else if (letter[c] === 1) t[c] = C_AR;
      continue;
    }
    if (letter[c] === 1) {
      const latin =
        c < 0x0250 ||
        (c >= 0x1e00 && c <= 0x1eff) ||
        (c >= 0xff21 && c <= 0xff5a) ||
        (c >= 0x2c60 && c <= 0x2c7f) ||
        (c >= 0xa720 && c <= 0xa7ff);
      t[c] = latin ? C_LATIN : C_LETTER;
    } else if (mark[c] === 1) t[c] = C_MARK;
  }
  return t;
}

/** Built once at load, or read by the host from the build's file; read-only afterwards. */
export const CHAR_CLASS: Uint8Array = preparedTables.charClass ?? buildClassTable();

const ASTRAL_LETTER_RE = /^[\p{L}\p{M}]$/u;

function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019;
}

function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x0660 && c <= 0x0669) return c - 0x0660;
  if (c >= 0x06f0 && c <= 0x06f9) return c - 0x06f0;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}

/** End of a run of digits starting at i. */
function digitRunEnd(text: string, i: number, n: number): number {
  let j = i;
  while (j < n && CHAR_CLASS[text.charCodeAt(j)] === C_DIGIT) j++;
  return j;
}

function runValue(text: string, s: number, e: number): number {
  let v = 0;
  for (let k = s; k < e; k++) v = v * 10 + digitValue(text.charCodeAt(k));
  return v;
}

function isDateSep(c: number): boolean {
  return c === 0x2f || c === 0x2d || c === 0x2e; // / - .
}

/**
 * A numeric date starting at i (first run of digits ends at aEnd), or -1.
 * d/m/yyyy (day first, month first when day first is impossible),
 * yyyy-mm-dd, with the same separator twice, and an optional ISO time.
 */
function numericDateEnd(text: string, i: number, aEnd: number, n: number): number {
  const aLen = aEnd - i;
  if (aEnd >= n) return -1;
  const sep = text.charCodeAt(aEnd);
  if (!isDateSep(sep)) return -1;
  const bStart = aEnd + 1;
  const bEnd = digitRunEnd(text, bStart, n);
  const bLen = bEnd - bStart;
  if (bLen < 1 || bLen > 2 || bEnd >= n || text.charCodeAt(bEnd) !== sep) return -1;
  const cStart = bEnd + 1;
  const cEnd = digitRunEnd(text, cStart, n);
  const cLen = cEnd - cStart;
  const a = runValue(text, i, aEnd);
  const b = runValue(text, bStart, bEnd);
  const cv = runValue(text, cStart, cEnd);
  let ok = false;
  let iso = false;
  if (aLen <= 2 && cLen === 4) ok = isValidDate(cv, b, a) || isValidDate(cv, a, b);
  else if (aLen === 4 && cLen >= 1 && cLen <= 2) {
    ok = isValidDate(a, b, cv);
    iso = true;
  }
  if (!ok) return -1;
  let end = cEnd;
  // Letters or digits glued to the end mean this is something else (a code).
  if (end < n) {
    const k = CHAR_CLASS[text.charCodeAt(end)];
    if (iso && (text.charCodeAt(end) === 0x54 || text.charCodeAt(end) === 0x74)) {
      // ISO time: Thh:mm[:ss[.fff]][Z|±hh[:]mm]
      const m = /^[Tt]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|z|[+-]\d{2}:?\d{2})?/.exec(text.slice(end, end + 40));
      if (m) end += m[0].length;
      else return -1;
    } else if (k === C_LATIN || k === C_DIGIT || k === C_LETTER) return -1;
  }
  return end;
}

/** End of a number starting at i: digits with inner group/decimal separators (2,500  2.5  ٢٫٥). */
function numberEnd(text: string, i: number, n: number): number {
  let j = digitRunEnd(text, i, n);
  while (j + 1 < n) {
    const c = text.charCodeAt(j);
    if ((c === 0x2c || c === 0x2e || c === 0x066b || c === 0x066c) && CHAR_CLASS[text.charCodeAt(j + 1)] === C_DIGIT) {
      j = digitRunEnd(text, j + 1, n);
    } else break;
  }
  return j;
}

function startsWithCI(text: string, i: number, prefix: string): boolean {
  if (i + prefix.length > text.length) return false;
  for (let k = 0; k < prefix.length; k++) {
    let c = text.charCodeAt(i + k);
    if (c >= 0x41 && c <= 0x5a) c += 32;
    if (c !== prefix.charCodeAt(k)) return false;
  }
  return true;
}

/** Characters that end a URL (whitespace, quotes, brackets, Arabic punctuation). */
function endsUrl(c: number): boolean {
  return (
    c <= 0x20 ||
    c === 0x22 ||
    c === 0x3c ||
    c === 0x3e ||
    c === 0xab ||
    c === 0xbb ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x060c ||
    c === 0x061b ||
    c === 0x061f ||
    c === 0x7b ||
    c === 0x7d ||
    c === 0x5b ||
    c === 0x5d ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x3000
  );
}

/** Trailing punctuation that belongs to the sentence, not the URL. */
function trimUrlEnd(text: string, s: number, e: number): number {
  let end = e;
  for (;;) {
    const c = text.charCodeAt(end - 1);
    if (
      c === 0x2e ||
      c === 0x2c ||
      c === 0x3b ||
      c === 0x3a ||
      c === 0x21 ||
      c === 0x3f ||
      c === 0x27 ||
      c === 0x2019
    ) {
      end--;
      continue;
    }
    if (c === 0x29) {
      // Keep a closing parenthesis only when the URL opened one (Wikipedia links).
      let open = 0;
      for (let k = s; k < end; k++) {
        const d = text.charCodeAt(k);
        if (d === 0x28) open++;
        else if (d === 0x29) open--;
      }
      if (open < 0) {
        end--;
        continue;
      }
    }
    break;
  }
  return end;
}

function urlEnd(text: string, i: number, n: number): number {
  let j = i;
  while (j < n && !endsUrl(text.charCodeAt(j))) j++;
  return trimUrlEnd(text, i, j);
}

/** An e-mail address whose local part starts at i and '@' is at at; returns end or -1. */
function emailEnd(text: string, at: number, n: number): number {
  let j = at + 1;
  let dots = 0;
  let lastDot = -1;
  while (j < n) {
    const c = text.charCodeAt(j);
    const isAlnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (isAlnum || c === 0x2d) {
      j++;
      continue;
    }
    if (c === 0x2e && j + 1 < n && /[A-Za-z0-9]/.test(text[j + 1] ?? '')) {
      dots++;
      lastDot = j;
      j++;
      continue;
    }
    break;
  }
  return dots > 0 && lastDot > at + 1 && j - lastDot > 2 ? j : -1;
}

function isLocalPartChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x2e ||
    c === 0x5f ||
    c === 0x2d ||
    c === 0x2b
  );
}

/**
 * Latin word from i: letters, marks, ASCII digits, inner apostrophes
 * (don't, Biden's), and dotted acronyms (U.S., U.N.) kept whole with the
 * final dot.
 */
function latinWordEnd(text: string, i: number, n: number): number {
  // Acronym: single letters each followed by a dot, at least two (U.S., e.g.).
  let k = i;
  let letters = 0;
  while (
    k + 1 < n &&
    CHAR_CLASS[text.charCodeAt(k)] === C_LATIN &&
    text.charCodeAt(k + 1) === 0x2e &&
    (k + 2 >= n || CHAR_CLASS[text.charCodeAt(k + 2)] !== C_LATIN || text.charCodeAt(k + 3) === 0x2e)
  ) {
    letters++;
    k += 2;
  }
  if (letters >= 2) return k;
  let j = i;
  while (j < n) {
    const c = text.charCodeAt(j);
    const cls = CHAR_CLASS[c];
    if (cls === C_LATIN || cls === C_MARK || (c >= 0x30 && c <= 0x39)) {
      j++;
      continue;
    }
    if (isApostrophe(c) && j + 1 < n && CHAR_CLASS[text.charCodeAt(j + 1)] === C_LATIN) {
      j++;
      continue;
    }
    if (cls === C_HIGH) {
      const cp = text.codePointAt(j) ?? c;
      if (/^\p{M}$/u.test(String.fromCodePoint(cp))) {
        j += 2;
        continue;
      }
    }
    break;
  }
  return j;
}

/**
 * Calls `emit(start, end, kind)` for every token, in order. The allocation-free
 * core used by tokenize() and the analyzer.
 */
export function scanTokens(text: string, emit: (start: number, end: number, kind: TokenKind) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = CHAR_CLASS[c] ?? C_OTHER;
    if (cls === C_AR) {
      let j = i + 1;
      while (j < n) {
        const k = CHAR_CLASS[text.charCodeAt(j)];
        if (k === C_AR || k === C_AR_MARK || k === C_JOINER) j++;
        else break;
      }
      // A joiner at the end belongs to no word.
      while (CHAR_CLASS[text.charCodeAt(j - 1)] === C_JOINER) j--;
      emit(i, j, 'word');
      i = j;
      continue;
    }
    if (cls === C_LATIN) {
      // URL with scheme or www.
      if (
        (c === 0x68 || c === 0x48 || c === 0x77 || c === 0x57) &&
        (startsWithCI(text, i, 'http://') || startsWithCI(text, i, 'https://') || startsWithCI(text, i, 'www.'))
      ) {
        const e = urlEnd(text, i, n);
        if (e > i + 4) {
          emit(i, e, 'url');
          i = e;
          continue;
        }
      }
      // E-mail: scan the local part, then look for '@'.
      let j = i;
      while (j < n && isLocalPartChar(text.charCodeAt(j))) j++;
      if (j < n && text.charCodeAt(j) === 0x40) {
        const e = emailEnd(text, j, n);
        if (e > 0) {
          emit(i, e, 'url');
          i = e;
          continue;
        }
      }
      const e = latinWordEnd(text, i, n);
      emit(i, e, 'word');
      i = e;
      continue;
    }
    if (cls === C_DIGIT) {
      const aEnd = digitRunEnd(text, i, n);
      const dEnd = aEnd - i <= 4 ? numericDateEnd(text, i, aEnd, n) : -1;
      if (dEnd > 0) {
        emit(i, dEnd, 'date');
        i = dEnd;
        continue;
      }
      const e = numberEnd(text, i, n);
      // Latin letters glued to ASCII digits form one word: 5th, 3D, 10km.
      if (e < n && CHAR_CLASS[text.charCodeAt(e)] === C_LATIN && c < 0x80) {
        const w = latinWordEnd(text, e, n);
        emit(i, w, 'word');
        i = w;
        continue;
      }
      emit(i, e, 'number');
      i = e;
      continue;
    }
    if (cls === C_LETTER) {
      let j = i + 1;
      while (j < n) {
        const k = CHAR_CLASS[text.charCodeAt(j)];
        if (k === C_LETTER || k === C_MARK || k === C_JOINER) j++;
        else break;
      }
      emit(i, j, 'word');
      i = j;
      continue;
    }
    if (cls === C_HIGH) {
      const cp = text.codePointAt(i) ?? c;
      if (cp > 0xffff && ASTRAL_LETTER_RE.test(String.fromCodePoint(cp))) {
        let j = i + 2;
        while (j < n) {
          const k = CHAR_CLASS[text.charCodeAt(j)];
          if (k === C_LETTER || k === C_MARK) {
            j++;
            continue;
          }
          if (k === C_HIGH) {
            const cp2 = text.codePointAt(j) ?? 0;
            if (cp2 > 0xffff && ASTRAL_LETTER_RE.test(String.fromCodePoint(cp2))) {
              j += 2;
              continue;
            }
          }
          break;
        }
        emit(i, j, 'word');
        i = j;
        continue;
      }
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    i++;
  }
}

/** Tokens with offsets into the original text: text.slice(start, end) === token.text. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  scanTokens(text, (start, end, kind) => {
    out.push({ text: text.slice(start, end), start, end, kind });
  });
  return out;
}
