/**
 * The PDF dossier, with PDFKit: cover, table of contents whose page numbers
 * match where items start, an outline entry per item, a citation under every
 * item, running headers and page numbers, document metadata, Amiri.
 *
 * Two passes. The first lays everything out into pages of positioned drawing
 * operations without drawing (the contents' length depends only on the item
 * titles, so the page every item starts on is known before anything is
 * drawn); the second draws the pages in order, adding headers, footers,
 * named destinations, links and outline entries.
 *
 * The parts: pdfFlow.ts (measuring, paragraphs into lines, lines into
 * pages), pdfFrontMatter.ts (cover, contents), pdfItems.ts (sections, items,
 * citations), pdfTable.ts (a comparison's tables), pdfDraw.ts (drawing,
 * outline), pdfChrome.ts (running headers, page numbers).
 */
import PDFDocument from 'pdfkit';
import type * as fontkit from 'fontkit';
import { parseAmiri } from './fonts';
import { labelsFor } from './labels';
import type { DossierDocument, ProgressFn, RenderOptions } from './model';
import { PageDrawer } from './pdfDraw';
import { Flow, Measurer, Typesetter, type LayoutContext } from './pdfFlow';
import { fillContents, layoutContents, layoutCover } from './pdfFrontMatter';
import { ItemLayout } from './pdfItems';
import { PAGE } from './pdfStyles';
import type { FontKey, PdfResult } from './pdfTypes';

export type { PdfResult } from './pdfTypes';

export class PdfRenderer {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly layout: LayoutContext;

  constructor(
    private readonly dossier: DossierDocument,
    private readonly options: RenderOptions,
    fonts: Record<FontKey, fontkit.Font> = parseAmiri(),
  ) {
    const created = new Date(dossier.createdAt);
    // PDFKit writes every key it is given, and fails on an undefined value.
    const info: PDFKit.DocumentInfo = {
      Title: dossier.title,
      Subject: dossier.subtitle ?? labelsFor(dossier.lang).items(dossier.items.length),
      Keywords: dossier.keywords.join(', '),
      Creator: 'Mizan',
      CreationDate: created,
      ModDate: created,
    };
    if (dossier.author) info.Author = dossier.author;
    this.doc = new PDFDocument({
      size: [PAGE.width, PAGE.height],
      margin: 0,
      autoFirstPage: false,
      bufferPages: false,
      pdfVersion: '1.7',
      lang: dossier.lang,
      displayTitle: true,
      info,
    });
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    // PDFKit takes a parsed fontkit font too (it checks for a layout function).
    this.doc.registerFont('regular', fonts.regular as unknown as Buffer);
    this.doc.registerFont('bold', fonts.bold as unknown as Buffer);
    this.layout = {
      dossier,
      options,
      labels: labelsFor(dossier.lang),
      type: new Typesetter(new Measurer(this.doc), fonts),
    };
  }

  async render(progress: ProgressFn = () => undefined, signal?: AbortSignal): Promise<PdfResult> {
    const items = this.dossier.items;
    const steps = items.length * 2 + 2;
    const cover = layoutCover(this.layout);
    const contents = layoutContents(this.layout);
    const body = new Flow(true);
    const itemLayout = new ItemLayout(this.layout);
    const itemPages: number[] = [];
    const sectionPages: number[] = [];
    const first = cover.length + contents.pages.length;
    for (const [i, item] of items.entries()) {
      if (signal?.aborted) throw signal.reason;
      const section = this.dossier.sections.findIndex((s) => s.first === i);
      if (section >= 0) sectionPages.push(first + 1 + itemLayout.layoutSection(body, section));
      itemLayout.layoutItem(body, item, i);
      const page = body.pages.findIndex((p) => p.ops.some((op) => op.t === 'anchor' && op.item === i));
      itemPages.push(first + page + 1);
      progress(i + 1, steps, 'layout');
      if (i % 10 === 9) await yieldToLoop();
    }
    fillContents(this.layout, contents, itemPages, sectionPages);
    const pages = [...cover, ...contents.pages, ...body.pages];
    const drawer = new PageDrawer(this.doc, this.dossier, this.options, this.layout.type);
    for (const [i, page] of pages.entries()) {
      if (signal?.aborted) throw signal.reason;
      drawer.drawPage(page, i + 1);
      progress(items.length + 1 + Math.round(((i + 1) / pages.length) * items.length), steps, 'drawing');
      if (i % 10 === 9) await yieldToLoop();
    }
    const ended = new Promise<void>((resolve, reject) => {
      this.doc.on('end', () => resolve());
      this.doc.on('error', reject);
    });
    this.doc.end();
    await ended;
    progress(steps, steps, 'done');
    const bytes = Buffer.concat(this.chunks);
    return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), pages: pages.length, itemPages };
  }
}

/** Lets a cancel or a progress message through between items. */
function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function renderPdf(
  dossier: DossierDocument,
  options: RenderOptions,
  progress?: ProgressFn,
  signal?: AbortSignal,
  fonts?: Record<FontKey, fontkit.Font>,
): Promise<PdfResult> {
  return new PdfRenderer(dossier, options, fonts).render(progress, signal);
}
