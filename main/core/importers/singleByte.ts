/**
 * Which single-byte encoding a non-UTF-8 text is in: Windows-1256 or
 * ISO-8859-6 (Arabic) or Windows-1252 (Western; Latin-1 is its subset).
 *
 * All three decode any byte string, so validity alone cannot decide. The
 * evidence is in the words each decoding produces (measured on SaudiNewsNet,
 * the seed, BBC and French/Spanish pages; see README.md):
 *  - Arabic text in the wrong Arabic table turns into words that mix Arabic
 *    and Latin letters (ISO-8859-6 ل = 0xE4 is Windows-1256 ن, its ه و ي are
 *    ç è ê there) or hits bytes ISO-8859-6 leaves undefined (1256 ف ق ك).
 *  - Arabic text read as Windows-1252 becomes runs of accented capitals
 *    ("ÇáÑÆíÓ"): words made only of non-ASCII letters, which Western
 *    languages never write.
 *  - Western text read as Windows-1256 keeps é à ç (shared with 1252) but
 *    turns ñ ö ü-less letters into Arabic marks and letters inside Latin words.
 * Each decoding is scored by the share of plausible words among those with a
 * non-ASCII letter; Arabic decodings also by how often the commonest Arabic
 * forms (the article ال, في, من, على ...) appear.
 */
import iconv from 'iconv-lite';

export const SINGLE_BYTE_CANDIDATES: readonly string[] = ['windows-1256', 'iso-8859-6', 'windows-1252'];

/**
 * Frequency (per mille) of U+0621..U+0652 in SaudiNewsNet's 42.6 million
 * Arabic letters and marks. A wrong Arabic table swaps frequent letters for
 * rare ones (1256 ل read as ISO-8859-6 is ف; Cyrillic read as 1256 lands on
 * ث ذ ×), so the mean log-probability of the letters separates tables even
 * in a short title.
 */
const ARABIC_PER_MILLE = [
  3.43, 1.02, 19.41, 1.29, 8.27, 4.2, 151.97, 34.15, 32.72, 45.93, 5.48, 14.23, 17.79, 8.44, 31.29, 5.88, 45.65, 6.43,
  23.59, 10.05, 9.1, 6.51, 9.58, 2.45, 34.37, 3.41, 0, 0, 0, 0, 0, 0.5, 25.53, 21.51, 17.98, 117.27, 66.13, 49.6, 24.03,
  53.3, 8.22, 74.76, 2.1, 0.04, 0.1, 0.63, 0.46, 0.29, 0.75, 0.17,
];
const ARABIC_FIRST = 0x621;
/** Unseen letters (Persian forms, U+063B..063F) get this. */
const ARABIC_FLOOR = Math.log(0.02 / 1000);
const ARABIC_LOG_P = ARABIC_PER_MILLE.map((pm) => (pm > 0 ? Math.log(pm / 1000) : ARABIC_FLOOR));

/** Folded (alef-less hamza forms included) very frequent Arabic words. */
const ARABIC_COMMON = new Set([
  'في',
  'من',
  'على',
  'إلى',
  'الى',
  'عن',
  'أن',
  'ان',
  'إن',
  'مع',
  'هذا',
  'هذه',
  'التي',
  'الذي',
  'كان',
  'قال',
  'بعد',
  'أو',
  'او',
  'ما',
  'لا',
  'كما',
  'وقد',
  'وفي',
  'وأن',
]);

export interface SingleByteScore {
  encoding: string;
  text: string;
  /** Share of words with a non-ASCII letter that read as real words, minus penalties; higher is better. */
  score: number;
  /** Words holding a non-ASCII letter: the amount of evidence. */
  words: number;
  /** Replacement or C1 control characters: bytes the table does not define as text. */
  invalid: number;
  arabicWords: number;
  /** Mean natural-log probability of the Arabic letters, marks left out (0 when there are none). */
  arabicLogP: number;
  arabicLetters: number;
}

export interface SingleByteGuess {
  best: SingleByteScore | null;
  confident: boolean;
  scores: SingleByteScore[];
}

const enum Cls {
  Other = 0,
  AsciiLetter = 1,
  LatinHigh = 2,
  ArabicLetter = 3,
  ArabicMark = 4,
  OtherLetter = 5,
}

function classify(c: number): Cls {
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return Cls.AsciiLetter;
  if (c < 0xc0) {
    // ª º µ are letters in Latin-1 but never the body of a word; Œ œ Š š Ž ž Ÿ ƒ sit in 1252's 0x80 block.
    return c === 0x152 ||
      c === 0x153 ||
      c === 0x160 ||
      c === 0x161 ||
      c === 0x17d ||
      c === 0x17e ||
      c === 0x178 ||
      c === 0x192
      ? Cls.LatinHigh
      : Cls.Other;
  }
  if (c <= 0x24f) return c === 0xd7 || c === 0xf7 ? Cls.Other : Cls.LatinHigh;
  if ((c >= 0x64b && c <= 0x65f) || c === 0x670) return Cls.ArabicMark;
  if (c === 0x640) return Cls.ArabicMark; // tatweel: inside words only
  if ((c >= 0x621 && c <= 0x64a) || (c >= 0x671 && c <= 0x6d3)) return Cls.ArabicLetter;
  if (c === 0x152 || c === 0x153) return Cls.LatinHigh;
  if (c >= 0x370 && c <= 0x24ff && /\p{L}/u.test(String.fromCharCode(c))) return Cls.OtherLetter;
  return Cls.Other;
}

function isInvalid(c: number): boolean {
  return c === 0xfffd || (c >= 0x80 && c <= 0x9f);
}

export function scoreDecoding(encoding: string, text: string): SingleByteScore {
  let words = 0;
  let plausible = 0;
  let penalties = 0;
  let invalid = 0;
  let arabicWords = 0;
  let arabicCommon = 0;
  let logP = 0;
  let arabicLetters = 0;
  let strayTanween = 0;

  let start = -1;
  let ascii = 0;
  let latin = 0;
  let arabic = 0;
  let other = 0;
  let markFirst = false;
  const endWord = (end: number) => {
    if (start < 0) return;
    const high = latin + arabic + other;
    if (high > 0) {
      words++;
      if (arabic > 0 && (ascii > 0 || latin > 0 || other > 0)) penalties += 2;
      else if (arabic > 0) {
        if (markFirst) penalties += 1;
        else {
          plausible++;
          arabicWords++;
          const word = text.slice(start, end);
          if (word.startsWith('ال') || word.startsWith('وال') || ARABIC_COMMON.has(word)) arabicCommon++;
        }
      } else if (latin > 0 && other === 0) {
        // Western words carry an accent or two among plain letters; a word of
        // four or more letters that are all accented is Arabic read as 1252.
        if (ascii === 0 && latin >= 4) penalties += 2;
        else if (latin > ascii + 1) penalties += 1;
        else plausible++;
      } else if (other > 0 && latin === 0 && ascii === 0) plausible += 0.5;
      else penalties += 1;
    }
    start = -1;
    ascii = latin = arabic = other = 0;
    markFirst = false;
  };

  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && isInvalid(c)) invalid++;
    const cls = classify(c);
    if (cls === Cls.ArabicLetter) {
      const k = c - ARABIC_FIRST;
      logP += k >= 0 && k < ARABIC_LOG_P.length ? ARABIC_LOG_P[k]! : ARABIC_FLOOR;
      arabicLetters++;
    } else if (cls === Cls.ArabicMark) {
      // Tanween ends a word (ً may precede a final alef): mid-word it is a byte read in the wrong table.
      if (c >= 0x64b && c <= 0x64d) {
        const next = text.charCodeAt(i + 1);
        const after = text.charCodeAt(i + 2);
        const atEnd =
          classify(next) === Cls.Other || ((next === 0x627 || next === 0x649) && classify(after) === Cls.Other);
        if (!atEnd) strayTanween++;
      }
    }
    if (cls === Cls.Other) {
      // A symbol inside a word (mo¿na) or a superscript after one (stolic¹) is
      // a Central European letter read as Windows-1252, not Western text.
      if (c >= 0xa1 && c <= 0xbf && start >= 0 && c !== 0xab && c !== 0xbb) {
        const next = classify(text.charCodeAt(i + 1));
        if (next !== Cls.Other || c === 0xb9 || c === 0xb2 || c === 0xb3) penalties++;
      }
      endWord(i);
      continue;
    }
    if (start < 0) {
      start = i;
      markFirst = cls === Cls.ArabicMark;
    }
    if (cls === Cls.AsciiLetter) ascii++;
    else if (cls === Cls.LatinHigh) latin++;
    else if (cls === Cls.ArabicLetter || cls === Cls.ArabicMark) arabic++;
    else other++;
  }
  endWord(text.length);

  let score = words === 0 ? 0 : (plausible - penalties - strayTanween) / words;
  // Real Arabic prose: about a third of words carry the article or are one
  // of the commonest words. A wrong Arabic table rarely produces them.
  if (arabicWords > 0) score += Math.min(0.3, arabicCommon / arabicWords) * Math.min(1, arabicWords / 5);
  const arabicLogP = arabicLetters === 0 ? 0 : logP / arabicLetters;
  return { encoding, text, score, words, invalid, arabicWords, arabicLogP, arabicLetters };
}

function decode(bytes: Uint8Array, encoding: string): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

/**
 * Mean log-probability of real Arabic letters is about -3.0; text of another
 * script read as Arabic sits near -4.3. A short title varies more, so the
 * bar is lower until there are enough letters to average over.
 */
function arabicLogPMin(letters: number): number {
  return letters >= 60 ? -3.55 : -3.85;
}
/** Two Arabic tables are told apart when one's letters are this much more probable (nats per letter). */
const ARABIC_LOG_P_MARGIN = 0.25;
const SCORE_MIN = 0.5;
const SCORE_MARGIN = 0.15;

/**
 * Scores every candidate and picks one; `confident` only when the pick reads
 * as real words and no other table reads nearly as well. Decodings that give
 * the same words are not rivals (Western text whose accents 1252 and 1256
 * share), and go to Windows-1252.
 */
export function detectSingleByte(bytes: Uint8Array): SingleByteGuess {
  let highBytes = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) highBytes++;
  const scores = SINGLE_BYTE_CANDIDATES.map((enc) => scoreDecoding(enc, decode(bytes, enc)));
  // A table that leaves more than a few bytes undefined is not the file's table.
  const valid = scores.filter((s) => s.invalid <= Math.floor(highBytes * 0.002));
  const western = valid.find((s) => s.encoding === 'windows-1252');
  const arabic = valid
    .filter((s) => s.encoding !== 'windows-1252' && s.arabicWords > 0)
    .sort((a, b) => b.arabicLogP + b.score - (a.arabicLogP + a.score));
  const [a1, a2] = arabic;

  // Arabic, if an Arabic reading is plausible, beats the Western reading, and beats the other Arabic table.
  if (a1 && a1.score >= SCORE_MIN && a1.arabicLogP >= arabicLogPMin(a1.arabicLetters)) {
    const overWestern = !western || a1.score - western.score >= SCORE_MARGIN;
    const overOther =
      !a2 ||
      a2.text === a1.text ||
      a1.score - a2.score >= SCORE_MARGIN ||
      (a1.score >= a2.score && a1.arabicLogP - a2.arabicLogP >= ARABIC_LOG_P_MARGIN);
    return { best: a1, confident: overWestern && overOther, scores };
  }
  if (western) {
    // No plausible Arabic reading: Western if its words are plausible.
    const arabicRival =
      a1 && a1.arabicLogP >= arabicLogPMin(a1.arabicLetters) && a1.score >= western.score - SCORE_MARGIN;
    // Only punctuation above ASCII (’ … » —): Western, unless some table reads an Arabic letter in it.
    const plausible =
      western.words > 0
        ? western.score >= SCORE_MIN
        : valid.every((s) => s.text === western.text || s.arabicWords === 0);
    return { best: western, confident: plausible && !arabicRival, scores };
  }
  return { best: a1 ?? null, confident: false, scores };
}
