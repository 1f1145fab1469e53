/**
 * Word breaks as the producer drew them. PDF.js's text content puts a space
 * wherever one glyph ends more than a tenth of the font size before the next
 * starts; kerned Arabic (Amiri's "ر" before "ي", "ج" before "ن") leaves such
 * gaps inside a word, so Chromium's "المحتويات" comes back "المحتو يات".
 * The page's operator list says where the producer's words end: at a space
 * glyph (Chromium, word processors), or at a gap wider than any kerning,
 * measured on the page (XeTeX draws no spaces; LibreOffice draws a line's
 * spaces apart from its words). A space PDF.js put between two parts that
 * together are such a word is kerning, and is taken out, as many times as
 * the page drew that word.
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
 * A glyph for lam and the letter after it: lam-alef, and the lam-meem and lam-jeem of fonts that draw them as one
 * (Word's Sakkal Majalla: "المتحدة" read "املتحدة" 79 times in a 4-page decree; the gazette's masthead "الجريدة").
 */
const LAM_LIGATURE = /^ل\p{L}$/u;

/** The words a page drew, and the spellings its lam ligatures fix. */
export interface DrawnWords {
  /** Each word's key in logical order (a right-to-left word is drawn from its last letter), and how often drawn. */
  keys: Map<string, number>;
  /**
   * Keys of right-to-left words with a glyph that stands for lam and the next letter ("لا", "لم"), as text
   * content spells them, to their spelling. Reversing a word drawn in visual order reverses that glyph's letters
   * too: "اللائحة" comes out "الالئحة", "لا يجوز" "ال يجوز", "لإجراءات" "إلجراءات".
   */
  ligatures: Map<string, string>;
}

/**
 * A horizontal gap of at least this share of an em between two letters is a
 * word space, below it kerning; the gap is measured on the page,
 * whether the producer leaves it with a TJ adjustment (XeTeX, LibreOffice
 * inside a run) or moves to the next run (LibreOffice between runs; Chromium
 * moves to a kerned letter the same way). Amiri's kerns are 0.08-0.13 em,
 * word spaces 0.199 em and up in the Amiri documentation's 8 pages (XeTeX);
 * PDF.js breaks words at 0.102 em.
 */
const WORD_GAP = 0.16;

const MARK = /^\p{M}+$/u;

type Matrix = [number, number, number, number, number, number];

/** Where the text state puts the next glyph, as PDF.js draws it (text matrix, font size, spacing, scaling). */
class TextCursor {
  private line: Matrix = [1, 0, 0, 1, 0, 0];
  private text: Matrix = [1, 0, 0, 1, 0, 0];
  fontSize = 1;
  fontScale = 0.001;
  charSpacing = 0;
  wordSpacing = 0;
  hScale = 1;
  leading = 0;

  begin(): void {
    this.line = [1, 0, 0, 1, 0, 0];
    this.text = [...this.line];
  }
  set(m: ArrayLike<number>): void {
    this.line = [m[0]!, m[1]!, m[2]!, m[3]!, m[4]!, m[5]!];
    this.text = [...this.line];
  }
  move(tx: number, ty: number): void {
    const [a, b, c, d, e, f] = this.line;
    this.line = [a, b, c, d, tx * a + ty * c + e, tx * b + ty * d + f];
    this.text = [...this.line];
  }
  /** Moves along the baseline by `tx` text-space units (before horizontal scaling). */
  advance(tx: number): void {
    this.text[4] += tx * this.hScale * this.text[0];
    this.text[5] += tx * this.hScale * this.text[1];
  }
  get x(): number {
    return this.text[4];
  }
  get y(): number {
    return this.text[5];
  }
  /** The baseline's direction on the page, and an em there. */
  get frame(): { em: number; dx: number; dy: number } {
    const [a, b] = this.text;
    const scale = Math.hypot(a, b) || 1;
    return { em: this.fontSize * scale, dx: a / scale, dy: b / scale };
  }
}

interface PlacedGlyph extends Glyph {
  width?: number;
  isSpace?: boolean;
}

/** The font matrix's horizontal scale of a font (0.001 but for Type3 fonts), by its PDF.js name. */
export type FontScale = (fontName: string) => number | undefined;

/** A glyph with text where the page draws it: its font (PDF.js's name), its extent along x, its baseline (points, y up). */
export interface GlyphBox {
  font: string;
  text: string;
  left: number;
  right: number;
  baseline: number;
}

/** What a page drew: its words (null when it draws neither spaces nor word gaps) and its glyphs with text. */
export interface DrawnPage {
  words: DrawnWords | null;
  glyphs: GlyphBox[];
}

/** `m` applied after `ctm` (PDF's `cm`). */
const times = (m: Matrix, ctm: Matrix): Matrix => [
  m[0] * ctm[0] + m[1] * ctm[2],
  m[0] * ctm[1] + m[1] * ctm[3],
  m[2] * ctm[0] + m[3] * ctm[2],
  m[2] * ctm[1] + m[3] * ctm[3],
  m[4] * ctm[0] + m[5] * ctm[2] + ctm[4],
  m[4] * ctm[1] + m[5] * ctm[3] + ctm[5],
];

/**
 * The words a page drew: its glyphs between two space glyphs, a text
 * object's start or end, or a gap of a word's width (`WORD_GAP`; a mark,
 * placed anywhere over its letter, does not count). Null when the page draws
 * neither spaces nor such gaps.
 */
export async function drawnWords(list: PDFOperatorList, fontScale: FontScale = () => undefined): Promise<DrawnPage> {
  const OPS = await loadOps();
  const keys = new Map<string, number>();
  const add = (key: string) => keys.set(key, (keys.get(key) ?? 0) + 1);
  const ligatures = new Map<string, string>();
  let glyphs = 0;
  let spaces = 0;
  let gaps = 0;
  let parts: string[] = [];
  const close = () => {
    const key = wordKey(parts.join(''));
    if (key !== '' && RTL.test(key)) {
      const reversed = [...key].reverse().join('');
      add(reversed);
      if (parts.some((p) => LAM_LIGATURE.test(wordKey(p)))) {
        const spelled = wordKey([...parts].reverse().join(''));
        if (spelled !== reversed) ligatures.set(reversed, spelled);
      }
    } else if (key !== '') add(key);
    parts = [];
  };
  const cursor = new TextCursor();
  const glyphBoxes: GlyphBox[] = [];
  let font = '';
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const saved: Matrix[] = [];
  /** Where the last letter of the word being read ends, if it has one. */
  let ended = false;
  let endX = 0;
  let endY = 0;
  const word = () => {
    close();
    ended = false;
  };
  list.fnArray.forEach((fn, i) => {
    const args = list.argsArray[i] as unknown[];
    if (fn === OPS.beginText) cursor.begin();
    else if (fn === OPS.save) saved.push(ctm);
    else if (fn === OPS.restore) ctm = saved.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = times(args as Matrix, ctm);
    else if (fn === OPS.paintFormXObjectBegin) {
      saved.push(ctm);
      const matrix = args[0] as Matrix | null;
      if (matrix) ctm = times(matrix, ctm);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = saved.pop() ?? ctm;
    else if (fn === OPS.setFont) {
      font = args[0] as string;
      cursor.fontSize = args[1] as number;
      cursor.fontScale = fontScale(args[0] as string) ?? 0.001;
    } else if (fn === OPS.setTextMatrix) cursor.set((typeof args[0] === 'number' ? args : args[0]) as number[]);
    else if (fn === OPS.moveText) cursor.move(args[0] as number, args[1] as number);
    else if (fn === OPS.setLeadingMoveText) {
      cursor.leading = -(args[1] as number);
      cursor.move(args[0] as number, args[1] as number);
    } else if (fn === OPS.setLeading) cursor.leading = args[0] as number;
    else if (fn === OPS.nextLine) cursor.move(0, -cursor.leading);
    else if (fn === OPS.setCharSpacing) cursor.charSpacing = args[0] as number;
    else if (fn === OPS.setWordSpacing) cursor.wordSpacing = args[0] as number;
    else if (fn === OPS.setHScale) cursor.hScale = (args[0] as number) / 100;
    if (fn === OPS.beginText || fn === OPS.endText) return word();
    if (fn !== OPS.showText) return;
    const { em, dx, dy } = cursor.frame;
    for (const glyph of (args as [Array<PlacedGlyph | number>])[0]) {
      if (typeof glyph === 'number') {
        cursor.advance((-glyph * cursor.fontSize) / 1000);
        continue;
      }
      const startX = cursor.x;
      const startY = cursor.y;
      const spacing = cursor.charSpacing + (glyph.isSpace ? cursor.wordSpacing : 0);
      cursor.advance((glyph.width ?? 0) * cursor.fontSize * cursor.fontScale + spacing);
      if (glyph.unicode === undefined) continue;
      glyphs++;
      // The glyph's extent on the page: its start and end on the baseline through the current transformation.
      const [x0, y0] = [startX * ctm[0] + startY * ctm[2] + ctm[4], startX * ctm[1] + startY * ctm[3] + ctm[5]];
      const x1 = cursor.x * ctm[0] + cursor.y * ctm[2] + ctm[4];
      glyphBoxes.push({ font, text: glyph.unicode, left: Math.min(x0, x1), right: Math.max(x0, x1), baseline: y0 });
      if (/^\s+$/u.test(glyph.unicode)) {
        spaces++;
        word();
        continue;
      }
      if (MARK.test(glyph.unicode)) {
        parts.push(glyph.unicode);
        continue;
      }
      if (ended) {
        const along = ((startX - endX) * dx + (startY - endY) * dy) / em;
        const across = ((startY - endY) * dx - (startX - endX) * dy) / em;
        if (Math.abs(along) >= WORD_GAP || Math.abs(across) >= 0.5) {
          if (along >= WORD_GAP) gaps++;
          word();
        }
      }
      parts.push(glyph.unicode);
      [ended, endX, endY] = [true, cursor.x, cursor.y];
    }
  });
  close();
  const drawsSpaces = glyphs > 0 && spaces >= glyphs * SPACE_GLYPH_SHARE;
  return { words: drawsSpaces || gaps > 0 ? { keys, ligatures } : null, glyphs: glyphBoxes };
}

/**
 * A text item's words with the letters of two-letter glyphs back in order (`DrawnWords.ligatures`). A word is
 * looked up by its letters; its marks stay on their letters ("التُخل" drawn as لا then تُخل reads "لاتُخل").
 */
export function withLigaturesInOrder(text: string, ligatures: ReadonlyMap<string, string>): string {
  if (ligatures.size === 0) return text;
  return text.replace(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu, (word) => {
    const spelled = ligatures.get(wordKey(word));
    return spelled === undefined ? word : respelled(word, spelled);
  });
}

/**
 * `word` (letters, each with the marks after it) with its letters in the order of `spelled`, the same letters with
 * neighbours swapped where a ligature's two letters came reversed; `word` itself if `spelled` is not that.
 */
function respelled(word: string, spelled: string): string {
  const clusters = word.match(/[\p{L}\p{N}]\p{M}*/gu) ?? [];
  const letters = clusters.map((c) => c.normalize('NFKC').replace(/\p{M}/gu, ''));
  const order = [...spelled];
  if (letters.length !== order.length) return word;
  const out: string[] = [];
  for (let i = 0; i < letters.length; i++) {
    if (letters[i] === order[i]) out.push(clusters[i]!);
    else if (letters[i] === order[i + 1] && letters[i + 1] === order[i]) out.push(clusters[i + 1]!, clusters[i++]!);
    else return word;
  }
  return out.join('');
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
