/**
 * A PDF read back as a reader's tools see it, with Mozilla's PDF.js (no
 * poppler to install): the text of a page in reading order, the metadata,
 * the outline, links, fonts, positioned text, and pages drawn to PNG.
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
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

/** The legacy build is the one meant for Node; it is an ES module, loaded once. */
type PdfJs = typeof import('pdfjs-dist');
let pdfjs: Promise<PdfJs> | undefined;
const loadPdfJs = (): Promise<PdfJs> =>
  (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs') as unknown as Promise<PdfJs>);

export interface PdfInfo {
  title: string | undefined;
  author: string | undefined;
  subject: string | undefined;
  keywords: string | undefined;
  creator: string | undefined;
  producer: string | undefined;
  /** ISO 8601 (UTC), as `pdfinfo -isodates` prints it. */
  creationDate: string | undefined;
  pages: number;
  /** The first page's size in points, "595.28 x 841.89" as pdfinfo prints it. */
  pageSize: string;
}

export interface OutlineEntry {
  title: string;
  /** 1-based page the entry points at. */
  page: number;
  children: OutlineEntry[];
}

/**
 * A run of text (a line's part set apart by a gap wider than the font size,
 * as pdftohtml cuts them), in reading order, where it is drawn: points from
 * the page's top left corner to the top of its em box.
 */
export interface PositionedText {
  page: number;
  top: number;
  left: number;
  text: string;
}

/** A rectangle in points from the page's top left corner, as pdftotext's -x -y -W -H at 72 dpi. */
export interface Crop {
  x: number;
  y: number;
  width: number;
  height: number;
}

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
}
export type Bidi = 'R' | 'L' | 'EN' | 'N';

const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const RTL_LETTERS = new RegExp(RTL_LETTER.source, 'gu');
const LTR_LETTERS = /(?![\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}])\p{L}/gu;
/** What joins two numbers into one ("26/7/2021", "2021-07-26", "1.13", "3,000"). */
const NUMBER_SEPARATOR = /^[/.,:\-–]$/;
const SPACE_ONLY = /^\s*$/;

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
  return {
    text: item.str,
    left,
    right: left + item.width,
    baseline: f,
    size: Math.hypot(c, d) || Math.hypot(a, b) || item.height,
    bidi: bidiClass(item),
  };
}

const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;

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
  const placed: Placed[] = [];
  for (const item of sorted) {
    if (SPACE_ONLY.test(item.text)) continue;
    const before = placed[placed.length - 1];
    if (before && item.left - before.right > 0.1 * Math.min(item.size, before.size))
      placed.push({ ...before, text: ' ', left: before.right, bidi: 'N' });
    placed.push(item);
  }
  const resolved = resolve(
    placed.map((i) => i.bidi),
    placed,
    rtl,
  );
  const runs: Array<{ bidi: 'R' | 'L' | 'EN'; texts: string[] }> = [];
  for (const [i, item] of placed.entries()) {
    const bidi = resolved[i]!;
    const last = runs[runs.length - 1];
    if (last && last.bidi === bidi) last.texts.push(item.text);
    else runs.push({ bidi, texts: [item.text] });
  }
  if (rtl) runs.reverse();
  return runs.map((run) => (run.bidi === 'R' ? [...run.texts].reverse() : run.texts).join('')).join('');
}

/** A line cut where a gap wider than the font size separates its parts (pdftohtml's text runs). */
function runsOf(line: readonly Placed[]): Placed[][] {
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
function linesOf(items: Placed[]): Placed[][] {
  const lines: Placed[][] = [];
  for (const item of [...items].sort((x, y) => y.baseline - x.baseline)) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.baseline - item.baseline) < line[0]!.size / 3) line.push(item);
    else lines.push([item]);
  }
  return lines;
}

export interface PdfFile {
  pages: number;
  info(): Promise<PdfInfo>;
  /** One page's text in reading order, a line per line, optionally only what lies in `crop`. */
  pageText(page: number, crop?: Crop): Promise<string>;
  /** Every page's text, each followed by a form feed (as pdftotext writes it). */
  text(): Promise<string>;
  outline(): Promise<OutlineEntry[]>;
  /** Every run of text with its position. */
  positionedText(): Promise<PositionedText[]>;
  /** The page height in points (of the first page). */
  pageHeight(): Promise<number>;
  /** The URIs of every link annotation. */
  links(): Promise<string[]>;
  /** The names of the fonts the pages use (the embedded subset names, "ABCDEF+Amiri-Regular"). */
  fontNames(): Promise<string[]>;
  /** Draws a page to a PNG file at `dpi` (pdftoppm -r). */
  renderPng(page: number, file: string, dpi: number): Promise<void>;
  close(): Promise<void>;
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

async function pageItems(page: PDFPageProxy): Promise<Placed[]> {
  // The operator list brings the fonts (with their ToUnicode maps) to this side.
  await page.getOperatorList();
  const content = await page.getTextContent();
  const madeUp = new Map<string, RegExp | null>();
  const placed: Placed[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    if (!madeUp.has(item.fontName)) madeUp.set(item.fontName, madeUpCharacters(page, item.fontName));
    const pattern = madeUp.get(item.fontName);
    const str = pattern ? item.str.replace(pattern, '') : item.str;
    if (str.length > 0) placed.push(place({ ...item, str }));
  }
  return placed;
}

async function outlineOf(doc: PDFDocumentProxy): Promise<OutlineEntry[]> {
  type Node = Awaited<ReturnType<PDFDocumentProxy['getOutline']>>[number];
  const pageOf = async (node: Node): Promise<number> => {
    const dest = typeof node.dest === 'string' ? await doc.getDestination(node.dest) : node.dest;
    const ref: unknown = dest?.[0];
    if (typeof ref === 'number') return ref + 1;
    if (ref && typeof ref === 'object')
      return (await doc.getPageIndex(ref as Parameters<typeof doc.getPageIndex>[0])) + 1;
    return 0;
  };
  const walk = async (nodes: Node[]): Promise<OutlineEntry[]> =>
    Promise.all(
      nodes.map(async (n) => ({ title: n.title, page: await pageOf(n), children: await walk(n.items as Node[]) })),
    );
  return walk((await doc.getOutline()) ?? []);
}

/** Opens a PDF file (or its bytes). */
export async function openPdf(source: string | Uint8Array): Promise<PdfFile> {
  const { getDocument, PDFDateString } = await loadPdfJs();
  const data = typeof source === 'string' ? new Uint8Array(await readFile(source)) : new Uint8Array(source);
  const doc = await getDocument({ data, verbosity: 0, fontExtraProperties: true, isEvalSupported: false }).promise;
  const itemsCache = new Map<number, Promise<Placed[]>>();
  const itemsOf = (n: number) => {
    let items = itemsCache.get(n);
    if (!items) itemsCache.set(n, (items = doc.getPage(n).then(pageItems)));
    return items;
  };
  /** A page is right to left when most of its letters are (poppler's primary direction). */
  const pageRtl = async (n: number) => {
    const text = (await itemsOf(n)).map((i) => i.text).join('');
    return count(text, RTL_LETTERS) > count(text, LTR_LETTERS);
  };

  const file: PdfFile = {
    pages: doc.numPages,
    async info() {
      const info = (await doc.getMetadata()).info as Record<string, unknown>;
      const field = (name: string) => (typeof info[name] === 'string' ? (info[name] as string) : undefined);
      const created = field('CreationDate');
      const [, , width, height] = (await doc.getPage(1)).view as [number, number, number, number];
      return {
        title: field('Title'),
        author: field('Author'),
        subject: field('Subject'),
        keywords: field('Keywords'),
        creator: field('Creator'),
        producer: field('Producer'),
        creationDate: created ? PDFDateString.toDateObject(created)?.toISOString() : undefined,
        pages: doc.numPages,
        pageSize: `${+width.toFixed(2)} x ${+height.toFixed(2)}`,
      };
    },
    async pageText(n, crop) {
      const page = await doc.getPage(n);
      const height = page.view[3]!;
      let items = await itemsOf(n);
      if (crop) {
        // An item belongs to the crop when its middle does (items never span a column).
        items = items.filter((i) => {
          const x = (i.left + i.right) / 2;
          const y = height - i.baseline;
          return x >= crop.x && x <= crop.x + crop.width && y >= crop.y && y <= crop.y + crop.height;
        });
      }
      const rtl = await pageRtl(n);
      return linesOf(items)
        .map((line) => lineText(line, rtl))
        .map((line) => `${line}\n`)
        .join('');
    },
    async text() {
      const pages: string[] = [];
      for (let n = 1; n <= doc.numPages; n++) pages.push(`${await file.pageText(n)}\f`);
      return pages.join('');
    },
    outline: () => outlineOf(doc),
    async positionedText() {
      const out: PositionedText[] = [];
      for (let n = 1; n <= doc.numPages; n++) {
        const rtl = await pageRtl(n);
        const height = (await doc.getPage(n)).view[3]!;
        for (const line of linesOf(await itemsOf(n))) {
          for (const run of runsOf(line)) {
            const text = lineText(run, rtl);
            if (SPACE_ONLY.test(text)) continue;
            const top = height - Math.max(...run.map((i) => i.baseline + i.size));
            out.push({ page: n, top, left: Math.min(...run.map((i) => i.left)), text });
          }
        }
      }
      return out;
    },
    async pageHeight() {
      return (await doc.getPage(1)).view[3]!;
    },
    async links() {
      const out: string[] = [];
      for (let n = 1; n <= doc.numPages; n++) {
        for (const a of (await (await doc.getPage(n)).getAnnotations()) as Array<Record<string, unknown>>) {
          const url = a['unsafeUrl'] ?? a['url'];
          if (a['subtype'] === 'Link' && typeof url === 'string') out.push(url);
        }
      }
      return out;
    },
    async fontNames() {
      const names = new Set<string>();
      const { OPS } = await loadPdfJs();
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const ops = await page.getOperatorList();
        for (const [k, fn] of ops.fnArray.entries()) {
          if (fn !== OPS.setFont) continue;
          const id = (ops.argsArray[k] as [string])[0];
          const font = page.commonObjs.get(id) as { name?: string } | null;
          if (font?.name) names.add(font.name);
        }
      }
      return [...names];
    },
    async renderPng(n, path, dpi) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: dpi / 72 });
      const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
      const { canvas } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
      await page.render({ canvas: canvas as unknown as HTMLCanvasElementLike, viewport }).promise;
      writeFileSync(path, canvas.toBuffer('image/png'));
      factory.destroy({ canvas });
    },
    close: () => doc.destroy(),
  };
  return file;
}

/** What the Node canvas factory of PDF.js hands out (@napi-rs/canvas). */
interface CanvasFactory {
  create(width: number, height: number): { canvas: { toBuffer(type: 'image/png'): Buffer } };
  destroy(pair: { canvas: unknown }): void;
}
type HTMLCanvasElementLike = Parameters<PDFPageProxy['render']>[0]['canvas'];

/** Opens a PDF, hands it to `use`, and closes it. */
export async function withPdf<T>(source: string | Uint8Array, use: (pdf: PdfFile) => Promise<T>): Promise<T> {
  const pdf = await openPdf(source);
  try {
    return await use(pdf);
  } finally {
    await pdf.close();
  }
}
