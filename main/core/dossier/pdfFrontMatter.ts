/**
 * The PDF dossier's front matter: the cover (title, subtitle, metadata, the
 * description) and the table of contents, whose page numbers are written in
 * a second pass once the body is laid out.
 */
import { formatNumber, namedDate } from './labels';
import type { ExportSection } from './model';
import { Flow, type LayoutContext } from './pdfFlow';
import { CONTENT_WIDTH, MARGIN, PAGE, sideAlign, STYLES } from './pdfStyles';
import type { Page, TextOp } from './pdfTypes';
import { detectDirection } from '../text/language';

export interface Contents {
  pages: Page[];
  /** Per item. */
  slots: ContentsSlot[];
  /** Per exported section. */
  sectionSlots: ContentsSlot[];
}

interface ContentsSlot {
  page: number;
  /** The last line of the entry's title: the page number goes on its baseline. */
  title: TextOp;
}

const TOC_NUMBER_COL = 30;
const TOC_PAGE_COL = 40;

export function layoutCover(ctx: LayoutContext): Page[] {
  const flow = new Flow(false);
  const d = ctx.dossier;
  const dir = d.dir;
  const type = ctx.type;
  flow.newPage();
  flow.y = 250;
  const title = type.block(d.title, STYLES.coverTitle, dir, CONTENT_WIDTH, 'center', MARGIN.side);
  type.placeBlock(flow, title);
  if (d.subtitle)
    type.placeBlock(flow, type.block(d.subtitle, STYLES.coverSubtitle, dir, CONTENT_WIDTH, 'center', MARGIN.side, 10));
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
  const L = ctx.labels;
  const exported = namedDate(d.createdAt.slice(0, 10), d.lang, ctx.options.numerals);
  const meta = [d.author, L.items(d.items.length), `${L.exported}: ${exported}`].filter((s): s is string => !!s);
  for (const m of meta)
    type.placeBlock(flow, type.block(m, STYLES.coverMeta, dir, CONTENT_WIDTH, 'center', MARGIN.side, 4));
  layoutDescription(ctx, flow);
  return flow.pages;
}

/** The description under the cover's metadata, in the document's direction. */
function layoutDescription(ctx: LayoutContext, flow: Flow): void {
  const text = ctx.dossier.description?.trim();
  if (!text) return;
  flow.y += 16;
  for (const [i, p] of text
    .split(/\n\s*\n|\n/)
    .filter((t) => t.trim() !== '')
    .entries()) {
    const dir = detectDirection(p);
    ctx.type.placeBlock(
      flow,
      ctx.type.block(p.trim(), STYLES.body, dir, CONTENT_WIDTH, ctx.options.align, MARGIN.side, i === 0 ? 0 : 7),
    );
  }
}

/**
 * The contents: entry number, title (wrapped), page number. Returns the
 * pages and, per item, where to write its page number once known.
 */
export function layoutContents(ctx: LayoutContext): Contents {
  const flow = new Flow(true);
  const d = ctx.dossier;
  const dir = d.dir;
  const type = ctx.type;
  const titleWidth = CONTENT_WIDTH - TOC_NUMBER_COL - TOC_PAGE_COL;
  flow.newPage();
  type.placeBlock(flow, type.block(ctx.labels.contents, STYLES.tocHeading, dir, CONTENT_WIDTH, 'start', MARGIN.side));
  flow.y += 10;
  const slots: ContentsSlot[] = [];
  const titleX = dir === 'rtl' ? MARGIN.side + TOC_PAGE_COL : MARGIN.side + TOC_NUMBER_COL;
  const numberX = dir === 'rtl' ? MARGIN.side + CONTENT_WIDTH - TOC_NUMBER_COL : MARGIN.side;
  const sectionSlots: ContentsSlot[] = [];
  for (const [i, item] of d.items.entries()) {
    const section = d.sections.find((s) => s.first === i);
    if (section) sectionSlots.push(layoutSectionEntry(ctx, flow, section));
    // A title in the other direction still lines up on the contents' start side.
    const title = type.block(
      item.title,
      STYLES.toc,
      item.titleDir,
      titleWidth,
      sideAlign(dir === 'rtl' ? 'right' : 'left', item.titleDir),
      titleX,
      5,
    );
    const num = type.block(
      `${formatNumber(i + 1, ctx.options.numerals)}.`,
      STYLES.toc,
      dir,
      TOC_NUMBER_COL - 6,
      'start',
      numberX,
    );
    flow.ensure(title.spaceBefore + type.heightOf(title));
    flow.y += title.spaceBefore;
    title.spaceBefore = 0;
    const top = flow.y;
    const firstPage = flow.page;
    type.placeLine(flow, num, num.lines[0]!);
    flow.y = top;
    type.placeBlock(flow, title);
    const page = flow.page;
    const last = page.ops[page.ops.length - 1];
    if (last?.t !== 'text') throw new Error('contents entry without a title line');
    slots.push({ page: flow.pages.length - 1, title: last });
    firstPage.ops.push({ t: 'goto', x: MARGIN.side, y: top, w: CONTENT_WIDTH, h: flow.y - top, dest: item.anchor });
  }
  return { pages: flow.pages, slots, sectionSlots };
}

/** Second pass over the contents: the page numbers, now known, with dotted leaders. */
export function fillContents(
  ctx: LayoutContext,
  contents: Contents,
  itemPages: number[],
  sectionPages: number[],
): void {
  for (const [i, slot] of contents.slots.entries()) fillSlot(ctx, contents, slot, itemPages[i]!);
  for (const [i, slot] of contents.sectionSlots.entries()) fillSlot(ctx, contents, slot, sectionPages[i]!);
}

function fillSlot(ctx: LayoutContext, contents: Contents, slot: ContentsSlot, pageNumber: number): void {
  const dir = ctx.dossier.dir;
  const style = slot.title.style;
  const label = formatNumber(pageNumber, ctx.options.numerals);
  const x = dir === 'rtl' ? MARGIN.side : MARGIN.side + CONTENT_WIDTH - TOC_PAGE_COL;
  // Numbers sit at the outer edge: left in RTL, right in LTR.
  const block = ctx.type.block(label, style, dir, TOC_PAGE_COL, sideAlign(dir === 'rtl' ? 'left' : 'right', dir), x);
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

/** A contents line for a section: bold, no entry number, its page number filled in later. */
function layoutSectionEntry(ctx: LayoutContext, flow: Flow, section: ExportSection): ContentsSlot {
  const dir = ctx.dossier.dir;
  const type = ctx.type;
  const width = CONTENT_WIDTH - TOC_PAGE_COL;
  const x = dir === 'rtl' ? MARGIN.side + TOC_PAGE_COL : MARGIN.side;
  const title = type.block(
    section.title,
    STYLES.tocSection,
    section.titleDir,
    width,
    sideAlign(dir === 'rtl' ? 'right' : 'left', section.titleDir),
    x,
    12,
  );
  flow.ensure(title.spaceBefore + type.heightOf(title) + STYLES.toc.leading);
  flow.y += title.spaceBefore;
  title.spaceBefore = 0;
  const top = flow.y;
  const firstPage = flow.page;
  type.placeBlock(flow, title);
  const last = flow.page.ops[flow.page.ops.length - 1];
  if (last?.t !== 'text') throw new Error('contents entry without a title line');
  firstPage.ops.push({ t: 'goto', x: MARGIN.side, y: top, w: CONTENT_WIDTH, h: flow.y - top, dest: section.anchor });
  return { page: flow.pages.length - 1, title: last };
}
