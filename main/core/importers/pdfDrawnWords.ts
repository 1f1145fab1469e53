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
  /** Each word's key in logical order (a right-to-left word is drawn from its last letter). */
  keys: Set<string>;
  /**
   * Keys of right-to-left words with a glyph that stands for two letters (the lam-alef ligature, "لا"), as text
   * content spells them, to their spelling. Reversing a word drawn in visual order reverses that glyph's letters
   * too: "اللائحة" comes out "الالئحة", "لا يجوز" "ال يجوز", "لإجراءات" "إلجراءات".
   */
  ligatures: Map<string, string>;
}

/**
 * The words a page drew (its glyphs between two space glyphs, or a text
 * object's start or end). Null when the page draws no spaces.
 */
export async function drawnWords(list: PDFOperatorList): Promise<DrawnWords | null> {
  const OPS = await loadOps();
  const keys = new Set<string>();
  const ligatures = new Map<string, string>();
  let glyphs = 0;
  let spaces = 0;
  let parts: string[] = [];
  const close = () => {
    const key = wordKey(parts.join(''));
    if (key !== '' && RTL.test(key)) {
      const reversed = [...key].reverse().join('');
      keys.add(reversed);
      if (parts.some((p) => LAM_ALEF.test(wordKey(p)))) {
        const spelled = wordKey([...parts].reverse().join(''));
        if (spelled !== reversed) ligatures.set(reversed, spelled);
      }
    } else if (key !== '') keys.add(key);
    parts = [];
  };
  list.fnArray.forEach((fn, i) => {
    if (fn === OPS.beginText || fn === OPS.endText) return close();
    if (fn !== OPS.showText) return;
    for (const glyph of (list.argsArray[i] as [Array<Glyph | number>])[0]) {
      if (typeof glyph === 'number' || glyph.unicode === undefined) continue;
      glyphs++;
      if (/^\s+$/u.test(glyph.unicode)) {
        spaces++;
        close();
      } else parts.push(glyph.unicode);
    }
  });
  close();
  return glyphs > 0 && spaces >= glyphs * SPACE_GLYPH_SHARE ? { keys, ligatures } : null;
}

/** A text item's words with the letters of two-letter glyphs back in order (`DrawnWords.ligatures`). */
export function withLigaturesInOrder(text: string, ligatures: ReadonlyMap<string, string>): string {
  if (ligatures.size === 0) return text;
  return text.replace(/[\p{L}\p{N}]+/gu, (word) => ligatures.get(word) ?? word);
}

/** Up to how many parts one drawn word is looked for (kerning splits a long word at most three times seen). */
const MOST_PARTS = 5;

/**
 * A text item's string with the spaces PDF.js put inside a drawn word taken
 * out: from each part, the longest run of following parts that joined is a
 * word the page drew becomes one word.
 */
export function withoutKerningSpaces(text: string, words: ReadonlySet<string>): string {
  if (!text.includes(' ')) return text;
  const parts = text.split(' ');
  const out: string[] = [];
  for (let i = 0; i < parts.length;) {
    let end = i + 1;
    if (wordKey(parts[i]!) !== '')
      for (let j = Math.min(parts.length, i + MOST_PARTS); j > i + 1; j--) {
        if (wordKey(parts[j - 1]!) === '') continue;
        if (words.has(wordKey(parts.slice(i, j).join('')))) {
          end = j;
          break;
        }
      }
    out.push(parts.slice(i, end).join(''));
    i = end;
  }
  return out.join(' ');
}
