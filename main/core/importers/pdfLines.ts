/**
 * A PDF page's text as PDF.js gives it, put into lines in reading order.
 *
 * PDF.js gives text as items (one per run of glyphs drawn together), each
 * already turned from the drawn (visual) order into logical order, with a
 * direction. A line of mixed text is several items in the order they are
 * drawn; `lineText` puts them in reading order as pdftotext does: items on
 * one baseline are one line (columns that share a baseline are read across,
 * as pdftotext does for an untagged PDF), sorted left to right, grouped into
 * right-to-left and left-to-right runs, and the runs of a right-to-left line
 * read from the right.
 */
import type { PDFPageProxy } from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { drawnWords, joinsLeft, withLigaturesInOrder, withoutKerningSpaces } from './pdfDrawnWords';
import { itemsToCut, wordsPlaced } from './pdfWordBoxes';

/**
 * An item with its box on the page (points, y up) and its bidi class:
 * right-to-left letters, left-to-right letters, digits without letters
 * (which read left to right but side with right-to-left text around them),
 * or neither (spaces, punctuation).
 */
export interface Placed {
  text: string;
  left: number;
  right: number;
  baseline: number;
  size: number;
  bidi: Bidi;
  /** The producer's ActualText, its logical text: read as it is, never repaired. */
  actual?: boolean;
  /** The item this word was cut from (pdfWordBoxes.ts): two words of one item side by side keep their space. */
  cutFrom?: object;
}
export type Bidi = 'R' | 'L' | 'EN' | 'N';

const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
export const RTL_LETTERS = new RegExp(RTL_LETTER.source, 'gu');
export const LTR_LETTERS =
  /(?![\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}])\p{L}/gu;
/** What joins two numbers into one ("26/7/2021", "2021-07-26", "1.13", "3,000"). */
const NUMBER_SEPARATOR = /^[/.,:\-–]$/;
export const SPACE_ONLY = /^\s*$/;

function bidiClass(item: TextItem): Bidi {
  // PDF.js gives a mixed item the direction of most of its letters.
  if (RTL_LETTER.test(item.str)) return item.dir === 'ltr' ? 'L' : 'R';
  if (/\p{L}/u.test(item.str)) return 'L';
  return /\p{N}/u.test(item.str) ? 'EN' : 'N';
}

function place(item: TextItem): Placed {
  const [a, b, c, d, e, f] = item.transform as [number, number, number, number, number, number];
  // A glyph drawn reflected (a mirrored bracket in right-to-left text) has its origin on its right.
  const left = a < 0 ? e - item.width : e;
  const bidi = bidiClass(item);
  return {
    // Punctuation alone is kept as drawn; PDF.js put an item with an Arabic semicolon or question mark (bidi class
    // AL, not a letter) in logical order ("،؛" drawn "؛،"), which a right-to-left run would reverse once more.
    text: bidi === 'N' && item.dir === 'rtl' ? [...item.str].reverse().join('') : item.str,
    left,
    right: left + item.width,
    baseline: f,
    size: Math.hypot(c, d) || Math.hypot(a, b) || item.height,
    bidi,
  };
}

export const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;

/** The nearest item on one side that is not neutral. */
function nearest(classes: readonly Bidi[], from: number, step: 1 | -1, skip: readonly Bidi[]): Bidi | undefined {
  for (let i = from + step; i >= 0 && i < classes.length; i += step) if (!skip.includes(classes[i]!)) return classes[i];
  return undefined;
}

/**
 * Resolves digits and neutrals as the Unicode bidi algorithm would, seen
 * from the drawn order: in a right-to-left line, digits that follow
 * left-to-right letters (on their left) are part of that run; a separator
 * between two numbers joins them; any other neutral between two runs of one
 * direction takes it (digits counting as right to left), else the line's.
 */
function resolve(classes: readonly Bidi[], items: readonly Placed[], rtl: boolean): Array<'R' | 'L' | 'EN'> {
  const numbers = classes.map((c, i) =>
    c === 'EN' && (!rtl || nearest(classes, i, -1, ['N', 'EN']) === 'L') ? 'L' : c,
  );
  return numbers.map((c, i) => {
    if (c !== 'N') return c;
    const before = numbers[i - 1];
    const after = numbers[i + 1];
    if (before === 'EN' && after === 'EN' && NUMBER_SEPARATOR.test(items[i]!.text.trim())) return 'EN';
    const strong = (x: Bidi | undefined) => (x === 'EN' ? 'R' : x);
    const prev = strong(nearest(numbers, i, -1, ['N']));
    const next = strong(nearest(numbers, i, 1, ['N']));
    if (prev && prev !== 'N' && prev === next) return prev;
    return rtl ? 'R' : 'L';
  });
}

/** Items of one direction in a line: their texts left to right, whether one is ActualText, whether all are neutral. */
interface Run {
  bidi: 'R' | 'L' | 'EN';
  texts: string[];
  actual: boolean;
  neutral: boolean;
}

/**
 * One line's items in reading order: sorted left to right, a space where
 * a gap was left without one, cut into runs of one direction; a line of a
 * right-to-left page reads its runs from the right, and a right-to-left run
 * its items from the right. The direction is the page's, as poppler takes
 * it: a line holding a URL with an Arabic path has more Latin letters than
 * Arabic, and is still laid out right to left in an Arabic paragraph.
 */
export function lineText(items: readonly Placed[], rtl: boolean): string {
  const sorted = [...items].sort((x, y) => x.left - y.left);
  // PDF.js reports word gaps as space items of its own, placed badly next
  // to reflected glyphs; spaces come from the gaps instead. A gap of a
  // tenth of the font size is a word break (PDF.js's and poppler's rule).
  // A list bullet drawn of its own is never part of the word beside it (LibreOffice leaves it no gap). Beside a
  // bracket drawn of its own, a word space is 0.145 em or more: LibreOffice leaves 0.12 em between "(" and the Latin
  // word it opens in a right-to-left line; Word's space before "(18)" in Sakkal Majalla is 0.157 em.
  const placed: Placed[] = [];
  for (const item of sorted) {
    if (SPACE_ONLY.test(item.text)) continue;
    const before = placed[placed.length - 1];
    const gap = before ? item.left - before.right : 0;
    const space = BRACKET.test(item.text) || BRACKET.test(before?.text ?? '') ? 0.145 : 0.1;
    const apart =
      gap > space * Math.min(item.size, before?.size ?? item.size) ||
      (item.cutFrom !== undefined && item.cutFrom === before?.cutFrom) ||
      BULLET.test(item.text) ||
      BULLET.test(before?.text ?? '');
    if (before && apart) placed.push({ ...before, text: ' ', left: before.right, bidi: 'N', actual: false });
    placed.push(item);
  }
  const resolved = resolve(
    placed.map((i) => i.bidi),
    placed,
    rtl,
  );
  const runs: Run[] = [];
  for (const [i, item] of placed.entries()) {
    const bidi = resolved[i]!;
    const last = runs[runs.length - 1];
    const actual = item.actual === true;
    // PDF.js gives an item of punctuation alone as drawn, left to right (".“" after "”لله"): a right-to-left
    // run reads it from the right.
    const text = bidi === 'R' && item.bidi === 'N' && !actual ? [...item.text].reverse().join('') : item.text;
    const neutral = item.bidi === 'N';
    if (last && last.bidi === bidi) {
      last.texts.push(text);
      last.actual ||= actual;
      last.neutral &&= neutral;
    } else runs.push({ bidi, texts: [text], actual, neutral });
  }
  if (rtl) laidFromTheRight(runs);
  // A number the producer gave its logical text (Mizan's dossier: an ISO date it isolated) is read as it is.
  if (rtl)
    runs.forEach((run, i) => {
      if (run.bidi === 'EN' && !run.actual && afterArabic(runs, i))
        run.texts = [numbersAfterArabic(run.texts.join(''))];
    });
  if (rtl) runs.reverse();
  return runs.map((run) => (run.bidi === 'R' ? [...run.texts].reverse() : run.texts).join('')).join('');
}

const BRACKET = /^[()[\]]$/u;
const BULLET = /^[\u2022\u2023\u2043\u25A0\u25AA\u25CF\u25E6]$/u;

/**
 * Left-to-right runs of a right-to-left line that were laid out from the
 * right, made one right-to-left run with the punctuation around them: their
 * first bracket, read from the left, closes (") Proportional Numbers ( pnum"
 * for "pnum (Proportional Numbers)": a right-to-left mark before the
 * bracket, which the PDF does not keep, made the bracket and what follows it
 * right to left). A left-to-right layout opens first.
 */
function laidFromTheRight(runs: Run[]): void {
  for (let i = 0; i < runs.length; i++) {
    if (runs[i]!.bidi !== 'L') continue;
    let [from, to] = [i, i + 1];
    while (from > 0 && runs[from - 1]!.neutral) from--;
    while (to < runs.length && (runs[to]!.neutral || runs[to]!.bidi === 'L')) to++;
    const span = runs.slice(from, to);
    const brackets = span.flatMap((r) => r.texts.join('').match(/[()[\]]/g) ?? []);
    if (brackets.length < 2 || !/[)\]]/.test(brackets[0]!) || !brackets.some((b) => /[([]/.test(b))) continue;
    runs.splice(from, to - from, { bidi: 'R', texts: span.flatMap((r) => r.texts), actual: false, neutral: false });
    i = from;
  }
}

/** Digit groups joined by a dash or plus ("9-9-1429", "2021-07-26", "1990–2000"). */
const DASHED_NUMBER = /^[\d٠-٩]+(?:[-+–][\d٠-٩]+)+$/u;

/**
 * Whether a number run of a right-to-left line follows Arabic letters in
 * reading order: the nearest run on its right is Arabic, or none is (the
 * line opens with it, inside an Arabic paragraph). Arabic-Indic digits are
 * Arabic numbers wherever they stand.
 */
function afterArabic(runs: readonly Run[], at: number): boolean {
  if (/[٠-٩]/u.test(runs[at]!.texts.join(''))) return true;
  const right = runs.slice(at + 1).find((r) => r.bidi !== 'EN');
  return right === undefined || (right.bidi === 'R' && /\p{Script=Arabic}/u.test(right.texts.join('')));
}

/**
 * Digits after an Arabic letter are Arabic numbers to the bidi algorithm, and
 * a dash between two of them does not join them as a slash or a point does:
 * the groups are laid out right to left, so "9-9-1429ه" is drawn
 * "1429-9-9" from the left. Such a run is read back group by group from the
 * right; any other number is drawn as it reads. A producer that draws such a
 * number left to right (in an isolate) must say so with ActualText.
 */
export function numbersAfterArabic(drawn: string): string {
  if (!DASHED_NUMBER.test(drawn)) return drawn;
  return drawn
    .split(/([-+–])/u)
    .reverse()
    .join('');
}

/** A line cut where a gap wider than the font size separates its parts (pdftohtml's text runs). */
export function runsOf(line: readonly Placed[]): Placed[][] {
  const runs: Placed[][] = [];
  let last: Placed | undefined;
  for (const item of line.filter((i) => !SPACE_ONLY.test(i.text)).sort((x, y) => x.left - y.left)) {
    if (last && item.left - last.right <= Math.max(item.size, last.size) && runs.length > 0)
      runs[runs.length - 1]!.push(item);
    else runs.push([item]);
    last = item;
  }
  return runs;
}

/** Items in lines, top to bottom: one line per baseline (within a third of the font size). */
export function linesOf(items: Placed[]): Placed[][] {
  const lines: Placed[][] = [];
  for (const item of [...items].sort((x, y) => y.baseline - x.baseline)) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.baseline - item.baseline) < line[0]!.size / 3) line.push(item);
    else lines.push([item]);
  }
  return lines;
}

/**
 * The characters PDF.js makes up for glyphs the PDF maps to no text, font by
 * font. PDFKit writes an empty ToUnicode entry for a glyph that stands for
 * no character of its own (Amiri's joining glyph between ل and ك); poppler
 * then reads nothing, PDF.js falls back to the character code ("Ã").
 */
function madeUpCharacters(page: PDFPageProxy, fontName: string): RegExp | null {
  const font = page.commonObjs.has(fontName)
    ? (page.commonObjs.get(fontName) as { toUnicode?: { _map?: Array<string | undefined> } })
    : null;
  const map = font?.toUnicode?._map;
  if (!map) return null;
  const real = new Set(map.filter((u): u is string => !!u));
  const madeUp = new Set<string>();
  for (const [code, unicode] of map.entries()) {
    const fallback = String.fromCharCode(code);
    if (unicode === '' && !real.has(fallback)) madeUp.add(fallback);
  }
  if (madeUp.size === 0) return null;
  const escaped = [...madeUp].map((c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).join('');
  return new RegExp(`[${escaped}]`, 'gu');
}

interface StructNode {
  role?: string;
  alt?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

/**
 * The text that replaces a marked-content sequence, by its id: the
 * ActualText of a Span structure element (PDF.js gives it as `alt`), on the
 * first sequence the element holds; its other sequences are replaced by
 * nothing. A producer writes it where the glyphs alone read wrong (Mizan's
 * dossier: a word whose kerning passes for a space).
 */
async function actualTexts(page: PDFPageProxy): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const tree = (await page.getStructTree().catch(() => null)) as StructNode | null;
  const visit = (node: StructNode) => {
    const kids = node.children ?? [];
    const contents = kids.filter((k) => k.type === 'content' && k.id);
    if (node.role === 'Span' && typeof node.alt === 'string' && contents.length === kids.length && kids.length > 0)
      contents.forEach((k, i) => out.set(k.id!, i === 0 ? node.alt! : ''));
    else for (const k of kids) visit(k);
  };
  if (tree) visit(tree);
  return out;
}

type ContentItem = TextItem | { type: string; id?: string | null };

/** The items withActualText made of a span's ActualText. */
const fromActualText = new WeakSet<TextItem>();

/** Items with the ones inside an ActualText span replaced by one item of that text, over their extent. */
function withActualText(items: readonly ContentItem[], actual: ReadonlyMap<string, string>): TextItem[] {
  const out: TextItem[] = [];
  let depth = 0;
  let span: { text: string; depth: number; items: TextItem[] } | null = null;
  for (const item of items) {
    if ('str' in item) {
      // PDF.js marks the gap before a sequence with a space item inside it: not part of the word.
      if (!span) out.push(item);
      else if (!SPACE_ONLY.test(item.str)) span.items.push(item);
      continue;
    }
    if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
      depth++;
      const text = item.id ? actual.get(item.id) : undefined;
      if (!span && text !== undefined) span = { text, depth, items: [] };
    } else if (item.type === 'endMarkedContent') {
      if (span && span.depth === depth) {
        // A mark drawn before its letter is an item of no width in the gap before the word: not its extent.
        const inked = span.items.filter((i) => i.width > 0);
        const extent = inked.length > 0 ? inked : span.items;
        const first = extent[0];
        if (first && span.text !== '') {
          const left = Math.min(...extent.map((i) => i.transform[4] as number));
          const right = Math.max(...extent.map((i) => (i.transform[4] as number) + i.width));
          const transform = [...first.transform];
          transform[4] = left;
          const dir = RTL_LETTER.test(span.text) ? 'rtl' : 'ltr';
          const replaced = { ...first, str: span.text, dir, width: right - left, transform };
          fromActualText.add(replaced);
          out.push(replaced);
        }
        span = null;
      }
      depth = Math.max(0, depth - 1);
    }
  }
  if (span) out.push(...span.items);
  return out;
}

export async function pageItems(page: PDFPageProxy): Promise<Placed[]> {
  // The operator list brings the fonts (with their ToUnicode maps) to this side, and the drawn spaces.
  const list = await page.getOperatorList();
  const fontScale = (name: string) =>
    page.commonObjs.has(name) ? (page.commonObjs.get(name) as { fontMatrix?: number[] }).fontMatrix?.[0] : undefined;
  const { words: drawn, glyphs } = await drawnWords(list, fontScale);
  const actual = await actualTexts(page);
  const content = await page.getTextContent({ includeMarkedContent: actual.size > 0 });
  const items = withActualText(content.items as ContentItem[], actual);
  const madeUp = new Map<string, RegExp | null>();
  const placed: Placed[] = [];
  const ownText = (item: TextItem) => (fromActualText.has(item) ? '' : item.str.replace(/\0/g, ''));
  const joins = drawn ? joinsLeft(drawn.keys, items.map(ownText)) : null;
  const toCut = itemsToCut(items);
  for (const item of items) {
    if (!madeUp.has(item.fontName)) madeUp.set(item.fontName, madeUpCharacters(page, item.fontName));
    const pattern = madeUp.get(item.fontName);
    // A glyph the producer maps to U+0000 stands for no character (Chromium: Amiri's joining stroke before "ج").
    const named = item.str.replace(/\0/g, '');
    const unkerned =
      drawn && joins && !fromActualText.has(item)
        ? withLigaturesInOrder(withoutKerningSpaces(named, joins), drawn.ligatures)
        : named;
    const actual = fromActualText.has(item);
    const pieces = (toCut.has(item) && !actual && wordsPlaced(item, unkerned, glyphs)) || [{ ...item, str: unkerned }];
    for (const piece of pieces) {
      const str = pattern ? piece.str.replace(pattern, '') : piece.str;
      if (str.length > 0)
        placed.push({ ...place({ ...piece, str }), actual, ...(pieces.length > 1 ? { cutFrom: item } : {}) });
    }
  }
  return placed;
}
