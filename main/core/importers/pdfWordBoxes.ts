/**
 * Text items that overlap on their line, cut into words placed where the
 * page draws them. LibreOffice draws a line's words in one font, leaving
 * gaps, and its punctuation in another font into those gaps; PDF.js merges
 * the words' glyphs into one item across the gaps, so "الآخر. و" comes as
 * the item "الآخر و" with "." lying inside it, and a sort of whole items by
 * position reads ". الآخر و". Word by word, each with its own extent, the
 * punctuation sorts between the words it was drawn between.
 */
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import type { GlyphBox } from './pdfDrawnWords';

interface Extent {
  item: TextItem;
  left: number;
  right: number;
  baseline: number;
  size: number;
}

/** An item drawn left to right on a horizontal baseline, with its extent; others are left as they are. */
function extentOf(item: TextItem): Extent | null {
  const [a, b, c, d, e, f] = item.transform as number[];
  if (!(a! > 0) || b !== 0 || c !== 0 || item.width <= 0 || item.str.trim() === '') return null;
  return { item, left: e!, right: e! + item.width, baseline: f!, size: Math.hypot(c, d!) || a! };
}

/**
 * Items to read word by word: items with spaces that another item of their
 * line overlaps by more than half its width (or a point; in a well-made
 * text layer items sit side by side), and items of punctuation alone with
 * spaces (LibreOffice's '” :' after "منفردا" and before "الله": PDF.js gives
 * them left to right, as drawn, and each side belongs to another word).
 */
export function itemsToCut(items: readonly TextItem[]): Set<TextItem> {
  const extents = items.flatMap((i) => extentOf(i) ?? []).sort((x, y) => x.baseline - y.baseline);
  const out = new Set(
    extents.filter((x) => /\S\s+\S/u.test(x.item.str) && !/[\p{L}\p{N}]/u.test(x.item.str)).map((x) => x.item),
  );
  for (const [k, x] of extents.entries())
    for (let j = k + 1; j < extents.length && extents[j]!.baseline - x.baseline < x.size / 3; j++) {
      const y = extents[j]!;
      const overlap = Math.min(x.right, y.right) - Math.max(x.left, y.left);
      if (overlap <= 0) continue;
      if (x.item.str.includes(' ') && overlap > Math.min(1, (y.right - y.left) / 2)) out.add(x.item);
      if (y.item.str.includes(' ') && overlap > Math.min(1, (x.right - x.left) / 2)) out.add(y.item);
    }
  return out;
}

/** Characters a glyph or a word stands for, as both are counted: NFKC, without spaces and U+0000. */
const characters = (text: string): number => [...text.normalize('NFKC')].filter((ch) => !/[\s\0]/u.test(ch)).length;

const MARKS = /^\p{M}+$/u;
const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const LTR = /(?![\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}])\p{L}/u;

/**
 * The words of an item's text (`text`: its string as read so far), each an
 * item over its own glyphs, or null when its glyphs cannot be told apart:
 * its text mixes directions (its words are then not in drawn order), or the
 * glyphs of its font on its baseline within its extent do not count as many
 * characters as its words (another item of that font overlaps it).
 */
export function wordsPlaced(item: TextItem, text: string, glyphs: readonly GlyphBox[]): TextItem[] | null {
  const extent = extentOf(item);
  const words = text.split(' ').filter((w) => w !== '');
  if (!extent || words.length < 2 || (RTL.test(text) && LTR.test(text))) return null;
  const slack = extent.size / 10;
  const centre = (g: GlyphBox) => (g.left + g.right) / 2;
  const own = glyphs
    .filter(
      (g) =>
        g.font === item.fontName &&
        Math.abs(g.baseline - extent.baseline) < extent.size / 3 &&
        centre(g) > extent.left - slack &&
        centre(g) < extent.right + slack &&
        characters(g.text) > 0,
    )
    .sort((x, y) => (item.dir === 'rtl' ? centre(y) - centre(x) : centre(x) - centre(y)));
  const counts = words.map(characters);
  if (own.reduce((n, g) => n + characters(g.text), 0) !== counts.reduce((n, c) => n + c, 0)) return null;
  const out: TextItem[] = [];
  let next = 0;
  for (const [w, word] of words.entries()) {
    let left = Infinity;
    let right = -Infinity;
    const mine: GlyphBox[] = [];
    for (let n = 0; n < counts[w]!; next++) {
      mine.push(own[next]!);
      n += characters(own[next]!.text);
    }
    // A mark is placed over its letter, which can be the next word's (LibreOffice draws "علىٰ حساب" so).
    const inked = mine.filter((g) => !MARKS.test(g.text));
    for (const g of inked.length > 0 ? inked : mine) {
      left = Math.min(left, g.left);
      right = Math.max(right, g.right);
    }
    const transform = [...(item.transform as number[])];
    transform[4] = left;
    out.push({ ...item, str: word, width: right - left, transform });
  }
  return out;
}
