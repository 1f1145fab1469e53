/**
 * The PDF dossier's body: section headings and items (heading, byline,
 * paragraphs, a quoted highlight's bar, a comparison's tables, the note),
 * each closed by its citations with their links.
 */
import type { Align, Dir } from './bidiLayout';
import { formatCitation, isArabicScriptLang, labelsFor, urlLine } from './labels';
import type { ExportItem } from './model';
import type { Flow, LayoutContext } from './pdfFlow';
import { BOTTOM, CONTENT_WIDTH, MARGIN, sideAlign, STYLES } from './pdfStyles';
import { layoutComparison, type TableContext } from './pdfTable';
import type { Block, TextOp } from './pdfTypes';

export class ItemLayout {
  private sectionJustPlaced = false;

  constructor(private readonly ctx: LayoutContext) {}

  private rule(flow: Flow, dir: Dir, length: number, color = '#999999'): void {
    const x1 = dir === 'rtl' ? MARGIN.side + CONTENT_WIDTH - length : MARGIN.side;
    flow.push({ t: 'rule', x1, y1: flow.y, x2: x1 + length, y2: flow.y, color, width: 0.6 });
  }

  layoutItem(flow: Flow, item: ExportItem, index: number): void {
    const type = this.ctx.type;
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
    const align: Align = this.ctx.options.align;
    const headStyle = startsPage ? STYLES.title : STYLES.subheading;
    const head = type.block(item.title, headStyle, item.titleDir, CONTENT_WIDTH, 'start', MARGIN.side);
    const headBlocks = [head];
    if (item.byline)
      headBlocks.push(type.block(item.byline, STYLES.byline, item.bylineDir, CONTENT_WIDTH, 'start', MARGIN.side, 2));

    const quote = item.kind === 'highlight';
    const indent = quote ? 16 : 0;
    const body = item.blocks.map((b, i) => {
      const x = quote && b.dir === 'ltr' ? MARGIN.side + indent : MARGIN.side;
      return type.block(b.text, STYLES.body, b.dir, CONTENT_WIDTH - indent, align, x, i === 0 ? 10 : 7);
    });

    // The anchor goes where the heading lands, after any page break it causes.
    const anchorAt = flow.pages.length;
    type.placeKeptTogether(flow, headBlocks, body[0] ?? null);
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
      type.placeBlock(flow, b);
      if (quote) this.quoteBar(flow, b, item.blocks[body.indexOf(b)]?.dir ?? item.dir, pageBefore);
    }
    if (item.comparison) layoutComparison(this.tableContext(), flow, item.comparison);
    if (item.annotation) {
      const label = type.block(
        `${itemLabels.note}: ${item.annotation.text}`,
        { ...STYLES.body, color: '#444444' },
        item.annotation.dir,
        CONTENT_WIDTH,
        align,
        MARGIN.side,
        8,
      );
      type.placeBlock(flow, label);
    }

    // Citations: a short rule, then per cited article its sentence and, on a
    // line of its own, its URL (a link).
    for (const [ci, c] of item.citations.entries()) {
      const cDir: Dir = isArabicScriptLang(c.lang) ? 'rtl' : 'ltr';
      const { sentence, url } = formatCitation(c);
      const block = type.block(
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
        ? type.block(
            line.text,
            STYLES.citation,
            line.dir,
            CONTENT_WIDTH,
            sideAlign(cDir === 'rtl' ? 'right' : 'left', line.dir),
            MARGIN.side,
          )
        : null;
      flow.ensure(block.spaceBefore + type.heightOf(block, 3) + (urlBlock ? type.heightOf(urlBlock, 1) : 0) + 6);
      if (ci === 0) {
        flow.y += block.spaceBefore;
        this.rule(flow, cDir, 90);
        flow.y += 4;
        block.spaceBefore = 0;
      }
      type.placeBlock(flow, block);
      if (urlBlock && url) {
        type.placeBlock(flow, urlBlock);
        this.linkLines(flow, urlBlock, url);
      }
    }
  }

  private tableContext(): TableContext {
    const type = this.ctx.type;
    return {
      block: (text, style, dir, width, align, x) => type.block(text, style, dir, width, align, x),
      measure: (style, latin) => type.measurer.forStyle(style, latin),
      left: MARGIN.side,
      width: CONTENT_WIDTH,
      pageTop: MARGIN.top,
      pageBottom: BOTTOM,
      dir: this.ctx.dossier.dir,
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
      const lines = page.ops.filter((op): op is TextOp => op.t === 'text' && block.lines.includes(op.line));
      if (lines.length === 0) continue;
      const top = lines[0]!.baseline - block.style.size;
      const bottom = lines[lines.length - 1]!.baseline + block.style.size * 0.45;
      page.ops.push({ t: 'rule', x1: x, y1: top, x2: x, y2: bottom, color: '#b0b0b0', width: 2 });
    }
  }

  /**
   * A section's heading: at the top of a new page, in the document's
   * direction, with a rule under it; its first item follows on the same
   * page. Returns the 0-based body page it is on.
   */
  layoutSection(flow: Flow, index: number): number {
    const section = this.ctx.dossier.sections[index]!;
    const dir = this.ctx.dossier.dir;
    flow.currentItem = section.first;
    flow.freshPage();
    const head = this.ctx.type.block(
      section.title,
      STYLES.section,
      section.titleDir,
      CONTENT_WIDTH,
      sideAlign(dir === 'rtl' ? 'right' : 'left', section.titleDir),
      MARGIN.side,
    );
    flow.push({ t: 'section', section: index, y: Math.max(0, flow.y - 4) });
    this.ctx.type.placeBlock(flow, head);
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
}

function decodeURISafe(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
