/**
 * Word breaks as the producer drew them. PDF.js's text content puts a space
 * wherever one glyph ends more than a tenth of the font size before the next
 * starts; kerned Arabic (Amiri's "ر" before "ي", "ج" before "ن") leaves such
 * gaps inside a word, so Chromium's "المحتويات" comes back "المحتو يات". A
 * producer that draws its spaces as glyphs (Chromium, most word processors)
 * says where words end: its page's operator list, cut at each space glyph,
 * is the list of words it drew. A space PDF.js put between two parts that
 * together are such a word is kerning, and is taken out. A producer that
 * draws no spaces (PDFKit places words with TJ offsets) keeps PDF.js's gaps.
 */
import type { PDFOperatorList } from 'pdfjs-dist/types/src/display/api';

type PdfJs = typeof import('pdfjs-dist');
let ops: Promise<PdfJs['OPS']> | undefined;
/** PDF.js's operator codes (the module pdf.ts has already loaded). */
const loadOps = (): Promise<PdfJs['OPS']> =>
  (ops ??= (import('pdfjs-dist/legacy/build/pdf.mjs') as unknown as Promise<PdfJs>).then((m) => m.OPS));

interface Glyph {
  unicode?: string;
}

/**
 * Below this share of space glyphs among a page's glyphs, the producer is
 * taken to draw none (PDFKit: 0 in 6,515 glyphs; Chromium 15 %, the Egyptian
 * gazette 16 %: one a word).
 */
const SPACE_GLYPH_SHARE = 0.05;

/** What two spellings of a word share: letters and digits (marks, punctuation and presentation forms aside). */
const wordKey = (text: string): string => (text.normalize('NFKC').match(/[\p{L}\p{N}]/gu) ?? []).join('');

const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/**
 * The lam-alef ligature's glyph. Other two-letter glyphs (a masthead's lam-jeem) are left as PDF.js reads them: fixed
 * on some pages and not on others, a running header would no longer repeat and would stay in the text.
 */
const LAM_ALEF = /^ل[اأإآ]$/u;

/** The words a page drew, and the spellings its lam-alef glyphs fix. */
export interface DrawnWords {
  /** Each word's key in logical order (a right-to-left word is drawn from its last letter), and how often drawn. */
  keys: Map<string, number>;
  /**
   * Keys of right-to-left words with a glyph that stands for two letters (the lam-alef ligature, "لا"), as text
   * content spells them, to their spelling. Reversing a word drawn in visual order reverses that glyph's letters
   * too: "اللائحة" comes out "الالئحة", "لا يجوز" "ال يجوز", "لإجراءات" "إلجراءات".
   */
  ligatures: Map<string, string>;
}

/**
 * A TJ adjustment of at least this many thousandths of an em between two
 * letters is a word space, below it kerning. XeTeX draws no space glyphs: it
 * places a line's words with TJ adjustments, and its Amiri kerns with smaller
 * ones (the Amiri documentation's 8 pages: kerns 83-130, word spaces 199 and
 * up; PDF.js breaks words at 102).
 */
const WORD_GAP = 160;

const MARK = /^\p{M}+$/u;

/**
 * The words a page drew: its glyphs between two space glyphs, or a text
 * object's start or end; on a page that draws no spaces, also where a TJ
 * adjustment leaves a word's gap (`WORD_GAP`; the marks a producer places
 * with a pair of adjustments that cancel out do not count) and at each text
 * run. Null when the page draws neither.
 */
export async function drawnWords(list: PDFOperatorList): Promise<DrawnWords | null> {
  const OPS = await loadOps();
  const keys = new Map<string, number>();
  const add = (key: string) => keys.set(key, (keys.get(key) ?? 0) + 1);
  const ligatures = new Map<string, string>();
  const glyphRuns = (i: number) => (list.argsArray[i] as [Array<Glyph | number>])[0];
  let glyphs = 0;
  let spaces = 0;
  let adjusted = false;
  list.fnArray.forEach((fn, i) => {
    if (fn !== OPS.showText) return;
    for (const glyph of glyphRuns(i)) {
      if (typeof glyph === 'number') adjusted ||= -glyph >= WORD_GAP;
      else if (glyph.unicode !== undefined) {
        glyphs++;
        if (/^\s+$/u.test(glyph.unicode)) spaces++;
      }
    }
  });
  const drawsSpaces = glyphs > 0 && spaces >= glyphs * SPACE_GLYPH_SHARE;
  if (!drawsSpaces && !adjusted) return null;
  let parts: string[] = [];
  const close = () => {
    const key = wordKey(parts.join(''));
    if (key !== '' && RTL.test(key)) {
      const reversed = [...key].reverse().join('');
      add(reversed);
      if (parts.some((p) => LAM_ALEF.test(wordKey(p)))) {
        const spelled = wordKey([...parts].reverse().join(''));
        if (spelled !== reversed) ligatures.set(reversed, spelled);
      }
    } else if (key !== '') add(key);
    parts = [];
  };
  list.fnArray.forEach((fn, i) => {
    if (fn === OPS.beginText || fn === OPS.endText) return close();
    if (fn !== OPS.showText) return;
    // Such a producer moves to a word's start too (a glyph raised or lowered is a text run of its own).
    if (!drawsSpaces) close();
    let gap = 0;
    for (const glyph of glyphRuns(i)) {
      if (typeof glyph === 'number') {
        gap -= glyph;
        continue;
      }
      if (glyph.unicode === undefined) continue;
      if (/^\s+$/u.test(glyph.unicode)) {
        close();
        gap = 0;
        continue;
      }
      if (MARK.test(glyph.unicode)) {
        parts.push(glyph.unicode);
        continue;
      }
      if (!drawsSpaces && gap >= WORD_GAP) close();
      parts.push(glyph.unicode);
      gap = 0;
    }
  });
  close();
  return { keys, ligatures };
}

/** A text item's words with the letters of two-letter glyphs back in order (`DrawnWords.ligatures`). */
export function withLigaturesInOrder(text: string, ligatures: ReadonlyMap<string, string>): string {
  if (ligatures.size === 0) return text;
  return text.replace(/[\p{L}\p{N}]+/gu, (word) => ligatures.get(word) ?? word);
}

/** Up to how many parts one drawn word is looked for (kerning splits a long word at most three times seen). */
const MOST_PARTS = 5;

/**
 * How many times each drawn word may still be made by joining parts: the times the page drew it less the times
 * the text content already has it whole. A page that draws "عبدالله" and also "عبد الله" keeps the second apart.
 */
export function joinsLeft(drawn: ReadonlyMap<string, number>, texts: readonly string[]): Map<string, number> {
  const left = new Map(drawn);
  for (const text of texts)
    for (const part of text.split(' ')) {
      const key = wordKey(part);
      const n = left.get(key);
      if (n !== undefined) left.set(key, n - 1);
    }
  return left;
}

/**
 * A text item's string with the spaces PDF.js put inside a drawn word taken
 * out: from each part, the longest run of following parts that joined is a
 * word the page drew becomes one word, while `words` (from `joinsLeft`) has
 * joins of it left; each join uses one.
 */
export function withoutKerningSpaces(text: string, words: Map<string, number>): string {
  if (!text.includes(' ')) return text;
  const parts = text.split(' ');
  const out: string[] = [];
  for (let i = 0; i < parts.length;) {
    let end = i + 1;
    if (wordKey(parts[i]!) !== '')
      for (let j = Math.min(parts.length, i + MOST_PARTS); j > i + 1; j--) {
        if (wordKey(parts[j - 1]!) === '') continue;
        const key = wordKey(parts.slice(i, j).join(''));
        const left = words.get(key) ?? 0;
        if (left > 0) {
          words.set(key, left - 1);
          end = j;
          break;
        }
      }
    out.push(parts.slice(i, end).join(''));
    i = end;
  }
  return out.join(' ');
}
