/**
 * Text flow in the PDF dossier: words measured as they will be drawn,
 * paragraphs laid out into lines (bidiLayout.ts), and lines placed into
 * pages top to bottom without orphans or widows.
 */
import type * as fontkit from 'fontkit';
import { layoutParagraph, prepareParagraph, type Align, type Dir, type LaidLine, type Measure } from './bidiLayout';
import type { Labels } from './labels';
import type { DossierDocument, RenderOptions } from './model';
import { isScriptless, LATIN_SCRIPT } from './pdfText';
import { BOTTOM, MARGIN } from './pdfStyles';
import type { Block, FontKey, Op, Page, TextStyle } from './pdfTypes';

/**
 * Measures with PDFKit's own widths, word by word as the drawing shapes them
 * (see pdfText.ts), so that a word is shaped once for both. Cached per font
 * at 1 pt because words repeat across sizes too.
 */
export class Measurer {
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

/** Lays paragraphs out as blocks of lines and places them into a flow. */
export class Typesetter {
  constructor(
    readonly measurer: Measurer,
    private readonly fonts: Record<FontKey, fontkit.Font>,
  ) {}

  block(source: string, style: TextStyle, dir: Dir, width: number, align: Align, x: number, spaceBefore = 0): Block {
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

  placeLine(flow: Flow, block: Block, line: LaidLine): void {
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
  placeBlock(flow: Flow, block: Block): void {
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

  heightOf(block: Block, lines = block.lines.length): number {
    return Math.min(lines, block.lines.length) * block.style.leading;
  }

  /** Blocks kept on one page with the first lines of what follows (no lone heading). */
  placeKeptTogether(flow: Flow, blocks: Block[], next: Block | null): void {
    const need =
      blocks.reduce((h, b) => h + b.spaceBefore + this.heightOf(b), 0) +
      (next ? next.spaceBefore + this.heightOf(next, 2) : 0);
    flow.ensure(need);
    for (const b of blocks) this.placeBlock(flow, b);
  }
}

/** What the layout parts (front matter, items) share for one export. */
export interface LayoutContext {
  readonly dossier: DossierDocument;
  readonly options: RenderOptions;
  readonly labels: Labels;
  readonly type: Typesetter;
}
