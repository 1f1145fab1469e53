/**
 * The analyzer: tokens with offsets into the original text plus three keys.
 *  - norm:  the matching fold of the token (normalizeForMatching).
 *  - exact: the unstemmed key. Arabic: article/conjunction proclitics
 *           stripped and spelling variants folded (والكاظمي → كاظمي,
 *           الأمريكية → اميركيه); English: possessive dropped. Names match
 *           on this key.
 *  - stem:  the stemmed key. Arabic light10-family light stem, English Porter2.
 * Numbers and dates get canonical keys (2,500 → 2500; ٢٦/٧/٢٠٢١ → 2021-07-26).
 */
import { arabicKeysInto, HINT_FINAL_MAKSURA, HINT_FINAL_TEH_MARBUTA } from './arabic';
import { englishKeysInto } from './english';
import { foldRange } from '../../../common/text/normalize';
import { C_AR, C_AR_MARK, C_LATIN, CHAR_CLASS, scanTokens, type TokenKind } from './tokenize';

export interface AnalyzedToken {
  /** text.slice(start, end) of the original. */
  text: string;
  start: number;
  end: number;
  kind: TokenKind;
  norm: string;
  exact: string;
  stem: string;
  /** Function word (Arabic or English stop list). Kept in the stream; indexes may skip it. */
  stop: boolean;
}

const ALEF_MADDA = 0x0622;
const ALEF_HAMZA_ABOVE = 0x0623;
const ALEF_HAMZA_BELOW = 0x0625;
const ALEF_MAKSURA = 0x0649;
const TEH_MARBUTA = 0x0629;

/**
 * Bit k set when the k-th kept letter of the original was أ/إ/آ: the
 * article test needs to know that ال was written أل (آلية, ألمانيا).
 */
function hamzaMaskOf(text: string, start: number, end: number): number {
  let mask = 0;
  let k = 0;
  for (let i = start; i < end && k < 4; i++) {
    const c = text.charCodeAt(i);
    if (CHAR_CLASS[c] === C_AR_MARK) continue;
    if (c === ALEF_HAMZA_ABOVE || c === ALEF_HAMZA_BELOW || c === ALEF_MADDA) mask |= 1 << k;
    k++;
  }
  return mask;
}

/** HINT_* bits for arabicKeys: hamza-written letters and the final ى / ة. */
function arabicHints(text: string, start: number, end: number): number {
  let i = end - 1;
  while (i > start && CHAR_CLASS[text.charCodeAt(i)] === C_AR_MARK) i--;
  const last = text.charCodeAt(i);
  let hints = hamzaMaskOf(text, start, end);
  if (last === ALEF_MAKSURA) hints |= HINT_FINAL_MAKSURA;
  else if (last === TEH_MARBUTA) hints |= HINT_FINAL_TEH_MARBUTA;
  return hints;
}

/**
 * Canonical number key: ASCII digits, group separators removed, decimal
 * separator '.'. A comma or ٬ followed by exactly three digits groups
 * thousands; otherwise it is a decimal mark (2,5 → 2.5).
 */
export function numberKey(raw: string): string {
  let out = '';
  const n = raw.length;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      out += raw[i];
      continue;
    }
    if (c >= 0x0660 && c <= 0x0669) {
      out += String.fromCharCode(c - 0x0630);
      continue;
    }
    if (c >= 0x06f0 && c <= 0x06f9) {
      out += String.fromCharCode(c - 0x06c0);
      continue;
    }
    if (c >= 0xff10 && c <= 0xff19) {
      out += String.fromCharCode(c - 0xfee0);
      continue;
    }
    if (c === 0x2c || c === 0x066c) {
      let d = 0;
      while (i + 1 + d < n && /[0-9\u0660-\u0669\u06f0-\u06f9]/.test(raw[i + 1 + d] ?? '')) d++;
      if (d !== 3) out += '.';
      continue;
    }
    out += '.'; // . or ٫
  }
  return out;
}

/** ISO key of a numeric date token (the tokenizer already validated it). */
export function dateKey(raw: string): string {
  const parts = numberKey(raw.replace(/[Tt].*$/, '').replace(/[/.-]/g, ',')).split('.');
  // numberKey turned the separators into '.'s (runs are 1-4 digits).
  const nums = parts.map((p) => Number(p));
  const [a = 0, b = 0, c = 0] = nums;
  const pad = (v: number, w: number): string => String(v).padStart(w, '0');
  const aLen = (parts[0] ?? '').length;
  if (aLen === 4) return `${pad(a, 4)}-${pad(b, 2)}-${pad(c, 2)}`;
  // Day first unless impossible (mirrors the tokenizer's validation).
  const dayFirst = b >= 1 && b <= 12 && a >= 1 && a <= 31;
  return dayFirst ? `${pad(c, 4)}-${pad(b, 2)}-${pad(a, 2)}` : `${pad(c, 4)}-${pad(a, 2)}-${pad(b, 2)}`;
}

/** Tokens of `text` with their keys, in order. */
export function analyze(text: string): AnalyzedToken[] {
  const out: AnalyzedToken[] = [];
  scanTokens(text, (start, end, kind) => {
    const raw = text.slice(start, end);
    if (kind === 'word') {
      // Folding the slice (not the range) returns `raw` itself when nothing
      // changes: one string per word instead of two.
      const norm = foldRange(raw, 0, raw.length);
      const tok: AnalyzedToken = { text: raw, start, end, kind, norm, exact: norm, stem: norm, stop: false };
      const c0 = text.charCodeAt(start);
      const cls = CHAR_CLASS[c0];
      if (cls === C_AR) arabicKeysInto(tok, norm, arabicHints(text, start, end));
      else if (cls === C_LATIN || (c0 >= 0x30 && c0 <= 0x39)) englishKeysInto(tok, norm);
      out.push(tok);
    } else if (kind === 'number') {
      const key = numberKey(raw);
      out.push({ text: raw, start, end, kind, norm: key, exact: key, stem: key, stop: false });
    } else if (kind === 'date') {
      const key = dateKey(raw);
      out.push({ text: raw, start, end, kind, norm: key, exact: key, stem: key, stop: false });
    } else {
      const key = raw.toLowerCase();
      out.push({ text: raw, start, end, kind, norm: key, exact: key, stem: key, stop: false });
    }
  });
  return out;
}

/**
 * Keys of a single query word (search boxes): the same analysis as inside a
 * document, so a query and a document agree. Returns null for input with no
 * token; the first token when there are several.
 */
export function analyzeWord(word: string): AnalyzedToken | null {
  return analyze(word)[0] ?? null;
}
