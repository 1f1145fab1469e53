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
 */
import PDFDocument from 'pdfkit';
import { layoutParagraph, prepareParagraph, type Align, type Dir, type LaidLine, type Measure } from './bidiLayout';
import type * as fontkit from 'fontkit';
import { parseAmiri } from './fonts';
import { formatCitation, formatNumber, isArabicScriptLang, isoDate, labelsFor, urlLine, type Labels } from './labels';
import type { DossierDocument, ExportItem, ExportSection, ProgressFn, RenderOptions } from './model';
import { isScriptless, LATIN_SCRIPT, runDrawings } from './pdfText';
import { layoutComparison, type TableContext } from './pdfTable';
import { detectDirection } from '../text/language';

export interface PdfResult {
  bytes: Uint8Array;
  pages: number;
  /** 1-based page on which each item starts, in item order. */
  itemPages: number[];
}

type FontKey = 'regular' | 'bold';

export interface TextStyle {
  font: FontKey;
  size: number;
  /** Distance between baselines. */
  leading: number;
  color: string;
}

// A4 in points; margins leave room for the running header and the page number.
const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN = { top: 72, bottom: 72, side: 64 } as const;
const CONTENT_WIDTH = PAGE.width - 2 * MARGIN.side;
const BOTTOM = PAGE.height - MARGIN.bottom;

const STYLES = {
  body: { font: 'regular', size: 11.5, leading: 19.5, color: '#161616' },
  title: { font: 'bold', size: 17, leading: 27, color: '#000000' },
  subheading: { font: 'bold', size: 13, leading: 21, color: '#000000' },
  byline: { font: 'regular', size: 9.5, leading: 15.5, color: '#555555' },
  citation: { font: 'regular', size: 9, leading: 14.5, color: '#333333' },
  citationLabel: { font: 'bold', size: 9, leading: 14.5, color: '#333333' },
  header: { font: 'regular', size: 8.5, leading: 12, color: '#777777' },
  coverTitle: { font: 'bold', size: 28, leading: 42, color: '#000000' },
  coverSubtitle: { font: 'regular', size: 16, leading: 26, color: '#333333' },
  coverMeta: { font: 'regular', size: 11.5, leading: 19, color: '#444444' },
  tocHeading: { font: 'bold', size: 20, leading: 32, color: '#000000' },
  toc: { font: 'regular', size: 11, leading: 18, color: '#161616' },
  section: { font: 'bold', size: 22, leading: 36, color: '#000000' },
  tocSection: { font: 'bold', size: 12, leading: 20, color: '#000000' },
} as const satisfies Record<string, TextStyle>;

export type Op =
  | { t: 'box'; x: number; y: number; w: number; h: number; fill: string }
  | { t: 'text'; style: TextStyle; x: number; baseline: number; line: LaidLine; spaceWidth: number; latin: boolean }
  | { t: 'rule'; x1: number; y1: number; x2: number; y2: number; color: string; width: number; dotted?: boolean }
  | { t: 'anchor'; item: number; y: number }
  | { t: 'section'; section: number; y: number }
  | { t: 'goto'; x: number; y: number; w: number; h: number; dest: string }
  | { t: 'uri'; x: number; y: number; w: number; h: number; uri: string };

interface Contents {
  pages: Page[];
  /** Per item. */
  slots: ContentsSlot[];
  /** Per exported section. */
  sectionSlots: ContentsSlot[];
}

interface ContentsSlot {
  page: number;
  /** The last line of the entry's title: the page number goes on its baseline. */
  title: Extract<Op, { t: 'text' }>;
}

const TOC_NUMBER_COL = 30;
const TOC_PAGE_COL = 40;

interface Page {
  ops: Op[];
  /** Index of the item in effect at the top of the page, for the running header. */
  item: number | null;
  chrome: boolean;
}

/**
 * Measures with PDFKit's own widths, word by word as the drawing shapes them
 * (see pdfText.ts), so that a word is shaped once for both. Cached per font
 * at 1 pt because words repeat across sizes too.
 */
class Measurer {
  private readonly caches = new Map<string, Map<string, number>>();
  constructor(private readonly doc: PDFKit.PDFDocument) {}

  /** Width of one word at 1 pt, as drawn (scriptless words in Latin context take Latin forms). */
  wordWidth(font: FontKey, word: string, latin: boolean): number {
    const useLatin = latin && isScriptless(word);
    const key = useLatin ? `${font}:latn` : font;
    let cache = this.caches.get(key);
    if (!cache) this.caches.set(key, (cache = new Map()));
    let w = cache.get(word);
    if (w === undefined) {
      this.doc.font(font).fontSize(1000);
      w = this.doc.widthOfString(word, useLatin ? { features: LATIN_SCRIPT } : {}) / 1000;
      cache.set(word, w);
    }
    return w;
  }

  forStyle(style: TextStyle, latin: boolean): Measure {
    const font = style.font;
    const size = style.size;
    return (text: string) => {
      let total = 0;
      let start = 0;
      for (let i = 0; i <= text.length; i++) {
        if (i < text.length && !/\s/.test(text[i]!)) continue;
        if (i > start) total += this.wordWidth(font, text.slice(start, i), latin);
        if (i < text.length) total += this.wordWidth(font, text[i]!, false);
        start = i + 1;
      }
      return total * size;
    };
  }
}

/**
 * PDFKit's drawing of one positioned string, below `doc.text`. `text` adds
 * nothing a positioned string needs, but afterwards measures the string
 * again to advance `doc.x`, shaping every word a second time with its
 * trailing space (a different cache key): that doubled the export time.
 * Private in PDFKit; the version is pinned (0.20.2) and every export test
 * draws through it.
 */
interface FragmentDrawer {
  /** `textWidth`: the width as laid out, so that PDFKit does not measure it again. */
  _fragment(text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions & { textWidth?: number }): void;
}

/** Pages being filled top to bottom. */
export class Flow {
  readonly pages: Page[] = [];
  y: number = MARGIN.top;
  private current: Page | null = null;
  currentItem: number | null = null;

  constructor(private readonly chrome: boolean) {}

  get page(): Page {
    if (!this.current) this.newPage();
    return this.current!;
  }

  newPage(): void {
    this.current = { ops: [], item: this.currentItem, chrome: this.chrome };
    this.pages.push(this.current);
    this.y = MARGIN.top;
  }

  /** A new page unless the current one is still empty. */
  freshPage(): void {
    if (!this.current || this.current.ops.length > 0) this.newPage();
  }

  room(): number {
    return BOTTOM - this.y;
  }

  ensure(height: number): void {
    if (this.current && this.current.ops.length > 0 && height > this.room()) this.newPage();
  }

  push(op: Op): void {
    this.page.ops.push(op);
  }
}

export interface Block {
  style: TextStyle;
  /** Left-to-right paragraph: digits and punctuation take Latin forms. */
  latin: boolean;
  lines: LaidLine[];
  x: number;
  spaceWidth: number;
  spaceBefore: number;
}

export class PdfRenderer {
  private readonly doc: PDFKit.PDFDocument;
  private readonly measurer: Measurer;
  private readonly labels: Labels;
  private readonly chunks: Buffer[] = [];
  /** While drawing: the outline entry of the section being drawn, parent of its items' entries. */
  private sectionOutline: PDFKit.PDFOutline | null = null;
  private sectionJustPlaced = false;

  constructor(
    private readonly dossier: DossierDocument,
    private readonly options: RenderOptions,
    private readonly fonts: Record<FontKey, fontkit.Font> = parseAmiri(),
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
    this.measurer = new Measurer(this.doc);
    this.labels = labelsFor(dossier.lang);
  }

  // -------------------------------------------------------------------------
  // Layout

  private block(
    source: string,
    style: TextStyle,
    dir: Dir,
    width: number,
    align: Align,
    x: number,
    spaceBefore = 0,
  ): Block {
    const latin = dir === 'ltr';
    const text = this.withBullets(source);
    const measure = this.measurer.forStyle(style, latin);
    const lines = layoutParagraph(prepareParagraph(text), { width, dir, align, measure });
    return { style, latin, lines, x, spaceWidth: measure(' '), spaceBefore };
  }

  /**
   * Geometric bullets Amiri lacks (● ■ ▪, in SaudiNewsNet's lists) become
   * its •, one character for one so that offsets hold. Other characters it
   * lacks (a few CJK and Devanagari words) are drawn as its empty glyph.
   */
  private withBullets(text: string): string {
    // Arrows it lacks too: the "A ↔ B" of a comparison's default title becomes "A – B".
    return text.replace(/[\u2190-\u21ff\u25a0-\u25ff]/g, (c) =>
      this.fonts.regular.hasGlyphForCodePoint(c.codePointAt(0)!) ? c : c < '\u2200' ? '\u2013' : '\u2022',
    );
  }

  private placeLine(flow: Flow, block: Block, line: LaidLine): void {
    flow.push({
      t: 'text',
      style: block.style,
      x: block.x,
      baseline: flow.y + block.style.size,
      line,
      spaceWidth: block.spaceWidth,
      latin: block.latin,
    });
    flow.y += block.style.leading;
  }

  /**
   * Places a block's lines, never leaving a paragraph's first line alone at
   * the bottom of a page (orphan) or its last line alone at the top (widow).
   */
  private placeBlock(flow: Flow, block: Block): void {
    if (block.lines.length === 0) return;
    const leading = block.style.leading;
    if (flow.page.ops.length > 0) flow.y += block.spaceBefore;
    const n = block.lines.length;
    let i = 0;
    while (i < n) {
      const fit = Math.max(0, Math.floor((flow.room() + 0.01) / leading));
      const left = n - i;
      if (fit >= left) {
        for (; i < n; i++) this.placeLine(flow, block, block.lines[i]!);
        return;
      }
      let take = fit;
      if (i === 0 && take < 2) take = 0; // orphan: move the paragraph's start over
      if (left - take === 1 && take >= 2) take--; // widow: bring a line along
      if (take === 0 && flow.page.ops.length === 0) take = Math.max(1, fit); // a line taller than a page
      for (let k = 0; k < take; k++, i++) this.placeLine(flow, block, block.lines[i]!);
      flow.newPage();
    }
  }

  private heightOf(block: Block, lines = block.lines.length): number {
    return Math.min(lines, block.lines.length) * block.style.leading;
  }

  /** Blocks kept on one page with the first lines of what follows (no lone heading). */
  private placeKeptTogether(flow: Flow, blocks: Block[], next: Block | null): void {
    const need =
      blocks.reduce((h, b) => h + b.spaceBefore + this.heightOf(b), 0) +
      (next ? next.spaceBefore + this.heightOf(next, 2) : 0);
    flow.ensure(need);
    for (const b of blocks) this.placeBlock(flow, b);
  }

  private rule(flow: Flow, dir: Dir, length: number, color = '#999999'): void {
    const x1 = dir === 'rtl' ? MARGIN.side + CONTENT_WIDTH - length : MARGIN.side;
    flow.push({ t: 'rule', x1, y1: flow.y, x2: x1 + length, y2: flow.y, color, width: 0.6 });
  }

  private layoutItem(flow: Flow, item: ExportItem, index: number): void {
    const startsPage = item.kind === 'article' || item.kind === 'comparison';
    flow.currentItem = index;
    // A section heading just placed keeps its first item on its page.
    const afterSection = this.sectionJustPlaced;
    this.sectionJustPlaced = false;
    if (startsPage) {
      if (!afterSection) flow.freshPage();
    } else {
      flow.ensure(STYLES.subheading.leading * 4);
      if (flow.page.ops.length > 0) flow.y += 18;
    }
    const itemLabels = labelsFor(item.lang);
    const align: Align = this.options.align;
    const headStyle = startsPage ? STYLES.title : STYLES.subheading;
    const head = this.block(item.title, headStyle, item.titleDir, CONTENT_WIDTH, 'start', MARGIN.side);
    const headBlocks = [head];
    if (item.byline)
      headBlocks.push(this.block(item.byline, STYLES.byline, item.bylineDir, CONTENT_WIDTH, 'start', MARGIN.side, 2));

    const quote = item.kind === 'highlight';
    const indent = quote ? 16 : 0;
    const body = item.blocks.map((b, i) => {
      const x = quote && b.dir === 'ltr' ? MARGIN.side + indent : MARGIN.side;
      return this.block(b.text, STYLES.body, b.dir, CONTENT_WIDTH - indent, align, x, i === 0 ? 10 : 7);
    });

    // The anchor goes where the heading lands, after any page break it causes.
    const anchorAt = flow.pages.length;
    this.placeKeptTogether(flow, headBlocks, body[0] ?? null);
    let headPage = flow.pages.length - 1;
    while (headPage > 0 && !flow.pages[headPage]!.ops.some((op) => op.t === 'text' && op.line === head.lines[0]))
      headPage--;
    const firstOp = flow.pages[headPage]!.ops.findIndex((op) => op.t === 'text' && op.line === head.lines[0]);
    const anchorY =
      (firstOp >= 0 ? (flow.pages[headPage]!.ops[firstOp] as { baseline: number }).baseline : flow.y) -
      headStyle.size -
      4;
    // Just before the heading: outline entries are added in drawing order.
    flow.pages[headPage]!.ops.splice(Math.max(0, firstOp), 0, { t: 'anchor', item: index, y: Math.max(0, anchorY) });
    if (anchorAt !== flow.pages.length) flow.pages[headPage]!.item = index;

    for (const b of body) {
      const pageBefore = flow.pages.length;
      this.placeBlock(flow, b);
      if (quote) this.quoteBar(flow, b, item.blocks[body.indexOf(b)]?.dir ?? item.dir, pageBefore);
    }
    if (item.comparison) layoutComparison(this.tableContext(), flow, item.comparison);
    if (item.annotation) {
      const label = this.block(
        `${itemLabels.note}: ${item.annotation.text}`,
        { ...STYLES.body, color: '#444444' },
        item.annotation.dir,
        CONTENT_WIDTH,
        align,
        MARGIN.side,
        8,
      );
      this.placeBlock(flow, label);
    }

    // Citations: a short rule, then per cited article its sentence and, on a
    // line of its own, its URL (a link).
    for (const [ci, c] of item.citations.entries()) {
      const cDir: Dir = isArabicScriptLang(c.lang) ? 'rtl' : 'ltr';
      const { sentence, url } = formatCitation(c);
      const block = this.block(
        `${labelsFor(c.lang).citation}: ${sentence}`,
        STYLES.citation,
        cDir,
        CONTENT_WIDTH,
        'start',
        MARGIN.side,
        ci === 0 ? 12 : 5,
      );
      const line = url ? urlLine(url, cDir) : null;
      const urlBlock = line
        ? this.block(
            line.text,
            STYLES.citation,
            line.dir,
            CONTENT_WIDTH,
            sideAlign(cDir === 'rtl' ? 'right' : 'left', line.dir),
            MARGIN.side,
          )
        : null;
      flow.ensure(block.spaceBefore + this.heightOf(block, 3) + (urlBlock ? this.heightOf(urlBlock, 1) : 0) + 6);
      if (ci === 0) {
        flow.y += block.spaceBefore;
        this.rule(flow, cDir, 90);
        flow.y += 4;
        block.spaceBefore = 0;
      }
      this.placeBlock(flow, block);
      if (urlBlock && url) {
        this.placeBlock(flow, urlBlock);
        this.linkLines(flow, urlBlock, url);
      }
    }
  }

  private tableContext(): TableContext {
    return {
      block: (text, style, dir, width, align, x) => this.block(text, style, dir, width, align, x),
      measure: (style, latin) => this.measurer.forStyle(style, latin),
      left: MARGIN.side,
      width: CONTENT_WIDTH,
      pageTop: MARGIN.top,
      pageBottom: BOTTOM,
      dir: this.dossier.dir,
      styles: { caption: STYLES.subheading, legend: STYLES.byline },
    };
  }

  /** A link annotation over every line of a placed block that shows `url`. */
  private linkLines(flow: Flow, block: Block, url: string): void {
    // PDF URIs are 7-bit ASCII.
    const uri = /^[\x21-\x7e]*$/.test(url) ? url : encodeURI(decodeURISafe(url));
    for (const page of flow.pages.slice(-2)) {
      for (const op of page.ops) {
        if (op.t !== 'text' || !block.lines.includes(op.line) || op.line.runs.length === 0) continue;
        const left = op.x + Math.min(...op.line.runs.map((r) => r.x));
        const right = op.x + Math.max(...op.line.runs.map((r) => r.x + r.width));
        page.ops.push({
          t: 'uri',
          x: left,
          y: op.baseline - block.style.size,
          w: right - left,
          h: block.style.leading,
          uri,
        });
      }
    }
  }

  /** A bar on the start side of a quoted paragraph, page by page. */
  private quoteBar(flow: Flow, block: Block, dir: Dir, pageBefore: number): void {
    // In the indent on the paragraph's start side.
    const x = dir === 'ltr' ? MARGIN.side + 5 : MARGIN.side + CONTENT_WIDTH - 5;
    for (let p = pageBefore - 1; p < flow.pages.length; p++) {
      const page = flow.pages[p];
      if (!page) continue;
      const lines = page.ops.filter(
        (op): op is Extract<Op, { t: 'text' }> => op.t === 'text' && block.lines.includes(op.line),
      );
      if (lines.length === 0) continue;
      const top = lines[0]!.baseline - block.style.size;
      const bottom = lines[lines.length - 1]!.baseline + block.style.size * 0.45;
      page.ops.push({ t: 'rule', x1: x, y1: top, x2: x, y2: bottom, color: '#b0b0b0', width: 2 });
    }
  }

  private layoutCover(): Page[] {
    const flow = new Flow(false);
    const d = this.dossier;
    const dir = d.dir;
    flow.newPage();
    flow.y = 250;
    const title = this.block(d.title, STYLES.coverTitle, dir, CONTENT_WIDTH, 'center', MARGIN.side);
    this.placeBlock(flow, title);
    if (d.subtitle)
      this.placeBlock(
        flow,
        this.block(d.subtitle, STYLES.coverSubtitle, dir, CONTENT_WIDTH, 'center', MARGIN.side, 10),
      );
    flow.y += 24;
    flow.push({
      t: 'rule',
      x1: PAGE.width / 2 - 60,
      y1: flow.y,
      x2: PAGE.width / 2 + 60,
      y2: flow.y,
      color: '#888888',
      width: 0.8,
    });
    flow.y += 24;
    const L = this.labels;
    const meta = [d.author, L.items(d.items.length), `${L.exported}: ${isoDate(d.createdAt.slice(0, 10), dir)}`].filter(
      (s): s is string => !!s,
    );
    for (const m of meta)
      this.placeBlock(flow, this.block(m, STYLES.coverMeta, dir, CONTENT_WIDTH, 'center', MARGIN.side, 4));
    this.layoutDescription(flow);
    return flow.pages;
  }

  /**
   * The contents: entry number, title (wrapped), page number. Returns the
   * pages and, per item, where to write its page number once known.
   */
  private layoutContents(): Contents {
    const flow = new Flow(true);
    const d = this.dossier;
    const dir = d.dir;
    const titleWidth = CONTENT_WIDTH - TOC_NUMBER_COL - TOC_PAGE_COL;
    flow.newPage();
    this.placeBlock(
      flow,
      this.block(this.labels.contents, STYLES.tocHeading, dir, CONTENT_WIDTH, 'start', MARGIN.side),
    );
    flow.y += 10;
    const slots: ContentsSlot[] = [];
    const titleX = dir === 'rtl' ? MARGIN.side + TOC_PAGE_COL : MARGIN.side + TOC_NUMBER_COL;
    const numberX = dir === 'rtl' ? MARGIN.side + CONTENT_WIDTH - TOC_NUMBER_COL : MARGIN.side;
    const sectionSlots: ContentsSlot[] = [];
    for (const [i, item] of d.items.entries()) {
      const section = d.sections.find((s) => s.first === i);
      if (section) sectionSlots.push(this.layoutSectionEntry(flow, section));
      // A title in the other direction still lines up on the contents' start side.
      const title = this.block(
        item.title,
        STYLES.toc,
        item.titleDir,
        titleWidth,
        sideAlign(dir === 'rtl' ? 'right' : 'left', item.titleDir),
        titleX,
        5,
      );
      const num = this.block(
        `${formatNumber(i + 1, this.options.numerals)}.`,
        STYLES.toc,
        dir,
        TOC_NUMBER_COL - 6,
        'start',
        numberX,
      );
      flow.ensure(title.spaceBefore + this.heightOf(title));
      flow.y += title.spaceBefore;
      title.spaceBefore = 0;
      const top = flow.y;
      const firstPage = flow.page;
      this.placeLine(flow, num, num.lines[0]!);
      flow.y = top;
      this.placeBlock(flow, title);
      const page = flow.page;
      const last = page.ops[page.ops.length - 1];
      if (last?.t !== 'text') throw new Error('contents entry without a title line');
      slots.push({ page: flow.pages.length - 1, title: last });
      firstPage.ops.push({ t: 'goto', x: MARGIN.side, y: top, w: CONTENT_WIDTH, h: flow.y - top, dest: item.anchor });
    }
    return { pages: flow.pages, slots, sectionSlots };
  }

  /** Second pass over the contents: the page numbers, now known, with dotted leaders. */
  private fillContents(contents: Contents, itemPages: number[], sectionPages: number[]): void {
    for (const [i, slot] of contents.slots.entries()) this.fillSlot(contents, slot, itemPages[i]!);
    for (const [i, slot] of contents.sectionSlots.entries()) this.fillSlot(contents, slot, sectionPages[i]!);
  }

  private fillSlot(contents: Contents, slot: ContentsSlot, pageNumber: number): void {
    const dir = this.dossier.dir;
    const style = slot.title.style;
    const label = formatNumber(pageNumber, this.options.numerals);
    const x = dir === 'rtl' ? MARGIN.side : MARGIN.side + CONTENT_WIDTH - TOC_PAGE_COL;
    // Numbers sit at the outer edge: left in RTL, right in LTR.
    const block = this.block(label, style, dir, TOC_PAGE_COL, sideAlign(dir === 'rtl' ? 'left' : 'right', dir), x);
    const line = block.lines[0];
    if (!line) return;
    const page = contents.pages[slot.page]!;
    const baseline = slot.title.baseline;
    page.ops.push({ t: 'text', style, x, baseline, line, spaceWidth: block.spaceWidth, latin: block.latin });
    const runs = slot.title.line.runs;
    if (runs.length === 0) return;
    const textLeft = slot.title.x + runs[0]!.x;
    const textRight = slot.title.x + runs[runs.length - 1]!.x + runs[runs.length - 1]!.width;
    const numberLeft = x + (line.runs[0]?.x ?? 0);
    const numberRight = numberLeft + line.naturalWidth;
    const [from, to] = dir === 'rtl' ? [numberRight + 6, textLeft - 6] : [textRight + 6, numberLeft - 6];
    if (to - from > 12)
      page.ops.push({
        t: 'rule',
        x1: from,
        y1: baseline - 1,
        x2: to,
        y2: baseline - 1,
        color: '#9a9a9a',
        width: 0.8,
        dotted: true,
      });
  }

  // -------------------------------------------------------------------------
  // Sections and the dossier's description (schema v5)

  /** The description under the cover's metadata, in the document's direction. */
  private layoutDescription(flow: Flow): void {
    const text = this.dossier.description?.trim();
    if (!text) return;
    flow.y += 16;
    for (const [i, p] of text
      .split(/\n\s*\n|\n/)
      .filter((t) => t.trim() !== '')
      .entries()) {
      const dir = detectDirection(p);
      this.placeBlock(
        flow,
        this.block(p.trim(), STYLES.body, dir, CONTENT_WIDTH, this.options.align, MARGIN.side, i === 0 ? 0 : 7),
      );
    }
  }

  /**
   * A section's heading: at the top of a new page, in the document's
   * direction, with a rule under it; its first item follows on the same
   * page. Returns the 0-based body page it is on.
   */
  private layoutSection(flow: Flow, index: number): number {
    const section = this.dossier.sections[index]!;
    const dir = this.dossier.dir;
    flow.currentItem = section.first;
    flow.freshPage();
    const head = this.block(
      section.title,
      STYLES.section,
      section.titleDir,
      CONTENT_WIDTH,
      sideAlign(dir === 'rtl' ? 'right' : 'left', section.titleDir),
      MARGIN.side,
    );
    flow.push({ t: 'section', section: index, y: Math.max(0, flow.y - 4) });
    this.placeBlock(flow, head);
    flow.y += 6;
    flow.push({
      t: 'rule',
      x1: MARGIN.side,
      y1: flow.y,
      x2: MARGIN.side + CONTENT_WIDTH,
      y2: flow.y,
      color: '#444444',
      width: 1.2,
    });
    flow.y += 22;
    this.sectionJustPlaced = true;
    return flow.pages.length - 1;
  }

  /** A contents line for a section: bold, no entry number, its page number filled in later. */
  private layoutSectionEntry(flow: Flow, section: ExportSection): ContentsSlot {
    const dir = this.dossier.dir;
    const width = CONTENT_WIDTH - TOC_PAGE_COL;
    const x = dir === 'rtl' ? MARGIN.side + TOC_PAGE_COL : MARGIN.side;
    const title = this.block(
      section.title,
      STYLES.tocSection,
      section.titleDir,
      width,
      sideAlign(dir === 'rtl' ? 'right' : 'left', section.titleDir),
      x,
      12,
    );
    flow.ensure(title.spaceBefore + this.heightOf(title) + STYLES.toc.leading);
    flow.y += title.spaceBefore;
    title.spaceBefore = 0;
    const top = flow.y;
    const firstPage = flow.page;
    this.placeBlock(flow, title);
    const last = flow.page.ops[flow.page.ops.length - 1];
    if (last?.t !== 'text') throw new Error('contents entry without a title line');
    firstPage.ops.push({ t: 'goto', x: MARGIN.side, y: top, w: CONTENT_WIDTH, h: flow.y - top, dest: section.anchor });
    return { page: flow.pages.length - 1, title: last };
  }

  /** Draws a section's destination and its outline entry, which its items' entries go under. */
  private drawSectionAnchor(section: ExportSection, y: number): void {
    this.doc.addNamedDestination(section.anchor, 'XYZ', 0, PAGE.height - y, null);
    this.sectionOutline = this.doc.outline.addItem(section.title.replace(/\s+/g, ' ').slice(0, 200), {
      expanded: true,
    });
  }

  /** The outline entry an item's entry goes under: its section's, or the top level. */
  private outlineParent(item: number): PDFKit.PDFOutline {
    const inSection = this.dossier.sections.some((s) => item >= s.first && item < s.first + s.count);
    return inSection && this.sectionOutline ? this.sectionOutline : this.doc.outline;
  }

  // -------------------------------------------------------------------------
  // Drawing

  private drawLine(op: Extract<Op, { t: 'text' }>, fill: { color: string | null }): void {
    const doc = this.doc;
    const { style, line } = op;
    doc.font(style.font).fontSize(style.size);
    if (fill.color !== style.color) {
      doc.fillColor(style.color);
      fill.color = style.color;
    }
    const ctx = {
      spaceWidth: op.spaceWidth,
      spaceExtra: line.spaceExtra,
      measureWord: (word: string) => this.measurer.wordWidth(style.font, word, op.latin) * style.size,
      latin: op.latin,
    };
    for (const run of line.runs) {
      for (const d of runDrawings(run, ctx)) {
        const x = op.x + d.x;
        // Measuring a piece first seen here (a word cut at a bracket) changes the size.
        doc.font(style.font).fontSize(style.size);
        if (d.mirrored) {
          // Reflect the bracket about its own middle.
          doc.save();
          doc.transform(-1, 0, 0, 1, 2 * x + d.width, 0);
        }
        (doc as unknown as FragmentDrawer)._fragment(d.text, x, op.baseline, {
          baseline: 'alphabetic',
          wordSpacing: d.wordSpacing,
          textWidth: d.width,
          ...(d.latin ? { features: LATIN_SCRIPT } : {}),
        });
        if (d.mirrored) doc.restore();
      }
    }
  }

  private drawChrome(page: Page, number: number): void {
    const doc = this.doc;
    const dir = this.dossier.dir;
    const style = STYLES.header;
    const measure = this.measurer.forStyle(style, dir === 'ltr');
    const half = CONTENT_WIDTH / 2 - 12;
    const y = MARGIN.top - 30;
    const startX = dir === 'rtl' ? MARGIN.side + CONTENT_WIDTH - half : MARGIN.side;
    const endX = dir === 'rtl' ? MARGIN.side : MARGIN.side + CONTENT_WIDTH - half;
    const fill = { color: null as string | null };
    const headerText = (text: string, textDir: Dir, x: number, side: 'left' | 'right') => {
      const b = this.block(this.truncate(text, half, measure), style, textDir, half, sideAlign(side, textDir), x);
      if (b.lines[0])
        this.drawLine(
          { t: 'text', style, x, baseline: y, line: b.lines[0], spaceWidth: b.spaceWidth, latin: b.latin },
          fill,
        );
    };
    // The dossier's title on the start side, the current item's on the outer side.
    headerText(this.dossier.title, dir, startX, dir === 'rtl' ? 'right' : 'left');
    if (page.item !== null) {
      const item = this.dossier.items[page.item]!;
      headerText(item.title, item.titleDir, endX, dir === 'rtl' ? 'left' : 'right');
    }
    doc
      .save()
      .lineWidth(0.4)
      .strokeColor('#c8c8c8')
      .moveTo(MARGIN.side, y + 6)
      .lineTo(MARGIN.side + CONTENT_WIDTH, y + 6)
      .stroke()
      .restore();
    const numberStyle = { ...style, size: 9.5 };
    const nb = this.block(
      formatNumber(number, this.options.numerals),
      numberStyle,
      dir,
      CONTENT_WIDTH,
      'center',
      MARGIN.side,
    );
    if (nb.lines[0])
      this.drawLine(
        {
          t: 'text',
          style: numberStyle,
          x: nb.x,
          baseline: PAGE.height - MARGIN.bottom + 36,
          line: nb.lines[0],
          spaceWidth: nb.spaceWidth,
          latin: nb.latin,
        },
        fill,
      );
  }

  private truncate(text: string, width: number, measure: Measure): string {
    const flat = text.replace(/\s+/g, ' ').trim();
    if (measure(flat) <= width) return flat;
    const words = flat.split(' ');
    let out = '';
    for (const w of words) {
      const next = out ? `${out} ${w}` : w;
      if (measure(`${next} …`) > width) break;
      out = next;
    }
    return `${out || [...flat].slice(0, 20).join('')} …`;
  }

  private drawPage(page: Page, number: number): void {
    const doc = this.doc;
    doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    const fill = { color: null as string | null };
    for (const op of page.ops) {
      switch (op.t) {
        case 'text':
          this.drawLine(op, fill);
          break;
        case 'box':
          doc.save().rect(op.x, op.y, op.w, op.h).fill(op.fill).restore();
          break;
        case 'rule':
          doc.save().lineWidth(op.width).strokeColor(op.color);
          if (op.dotted) doc.dash(0.8, { space: 2.4 });
          doc.moveTo(op.x1, op.y1).lineTo(op.x2, op.y2).stroke().restore();
          break;
        case 'anchor': {
          const item = this.dossier.items[op.item]!;
          doc.addNamedDestination(item.anchor, 'XYZ', 0, PAGE.height - op.y, null);
          this.outlineParent(op.item).addItem(item.title.replace(/\s+/g, ' ').slice(0, 200));
          break;
        }
        case 'section':
          this.drawSectionAnchor(this.dossier.sections[op.section]!, op.y);
          break;
        case 'goto':
          doc.goTo(op.x, op.y, op.w, op.h, op.dest);
          break;
        case 'uri':
          doc.link(op.x, op.y, op.w, op.h, op.uri);
          break;
      }
    }
    if (page.chrome) this.drawChrome(page, number);
  }

  async render(progress: ProgressFn = () => undefined, signal?: AbortSignal): Promise<PdfResult> {
    const items = this.dossier.items;
    const steps = items.length * 2 + 2;
    const cover = this.layoutCover();
    const contents = this.layoutContents();
    const body = new Flow(true);
    const itemPages: number[] = [];
    const sectionPages: number[] = [];
    const first = cover.length + contents.pages.length;
    for (const [i, item] of items.entries()) {
      if (signal?.aborted) throw signal.reason;
      const section = this.dossier.sections.findIndex((s) => s.first === i);
      if (section >= 0) sectionPages.push(first + 1 + this.layoutSection(body, section));
      this.layoutItem(body, item, i);
      const page = body.pages.findIndex((p) => p.ops.some((op) => op.t === 'anchor' && op.item === i));
      itemPages.push(first + page + 1);
      progress(i + 1, steps, 'layout');
      if (i % 10 === 9) await yieldToLoop();
    }
    this.fillContents(contents, itemPages, sectionPages);
    const pages = [...cover, ...contents.pages, ...body.pages];
    for (const [i, page] of pages.entries()) {
      if (signal?.aborted) throw signal.reason;
      this.drawPage(page, i + 1);
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

function decodeURISafe(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** The alignment that puts text of direction `dir` against the `side` edge. */
function sideAlign(side: 'left' | 'right', dir: Dir): Align {
  return (side === 'right') === (dir === 'rtl') ? 'start' : 'end';
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
