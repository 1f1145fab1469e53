/**
 * A PDF read back as a reader's tools see it, with Mozilla's PDF.js (no
 * poppler to install): the text of a page in reading order, the metadata,
 * the outline, links, fonts, positioned text, and pages drawn to PNG.
 *
 * Lines are put in reading order by the importer's own code
 * (main/core/importers/pdfLines.ts), as pdftotext does.
 */
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import {
  count,
  lineText,
  linesOf,
  LTR_LETTERS,
  pageItems,
  type Placed,
  RTL_LETTERS,
  runsOf,
  SPACE_ONLY,
} from '../../main/core/importers/pdfLines';

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
