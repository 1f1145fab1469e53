/**
 * Tables in the PDF dossier (a comparison's alignment, coverage map and fact
 * ledger): columns from the document's start side, each cell laid out in its
 * own direction by the bidi recipe (an Arabic cell right to left and an
 * English one left to right in the same row), marked words shaded and
 * underlined, a row never cut inside a line, a group of rows kept on one
 * page when it fits on one, and the header row repeated on every page the
 * table continues on.
 */
import type { Align, Dir, LaidLine, Measure } from './bidiLayout';
import type { ComparisonView, ExportTable, TableCell } from './model';
import type { Flow } from './pdfFlow';
import type { Block, Op, TextStyle } from './pdfTypes';

export interface TableContext {
  block(text: string, style: TextStyle, dir: Dir, width: number, align: Align, x: number): Block;
  measure(style: TextStyle, latin: boolean): Measure;
  left: number;
  width: number;
  pageTop: number;
  pageBottom: number;
  /** The document's direction: the first column is on its start side. */
  dir: Dir;
  styles: { caption: TextStyle; legend: TextStyle };
}

const PAD_X = 4;
const PAD_Y = 3;
const CELL: TextStyle = { font: 'regular', size: 9.5, leading: 15.5, color: '#161616' };
const STRONG: TextStyle = { ...CELL, font: 'bold' };
const MUTED: TextStyle = { ...CELL, color: '#8a8a8a' };
const HEAD: TextStyle = { font: 'bold', size: 9, leading: 14.5, color: '#000000' };
const MARK_FILL = '#e4e4e4';
const HEAD_FILL = '#efefef';
const RULE = '#c4c4c4';

interface LaidCell {
  block: Block;
  cell: TableCell;
  x: number;
  width: number;
}

interface LaidRow {
  cells: LaidCell[];
  lines: number;
  leading: number;
  group: number;
  header: boolean;
}

function styleOf(cell: TableCell): TextStyle {
  return cell.tone === 'strong' ? STRONG : cell.tone === 'muted' ? MUTED : CELL;
}

/** Left edge and width of each column, the first on the document's start side. */
function columnsOf(ctx: TableContext, table: ExportTable): Array<{ x: number; width: number }> {
  const total = table.widths.reduce((a, b) => a + b, 0);
  let used = 0;
  return table.widths.map((w) => {
    const width = (ctx.width * w) / total;
    const x = ctx.dir === 'ltr' ? ctx.left + used : ctx.left + ctx.width - used - width;
    used += width;
    return { x, width };
  });
}

function layRow(
  ctx: TableContext,
  cols: Array<{ x: number; width: number }>,
  cells: TableCell[],
  group: number,
  header: boolean,
): LaidRow {
  const laid = cells.map((cell, i): LaidCell => {
    const col = cols[i]!;
    const style = header ? HEAD : styleOf(cell);
    const block = ctx.block(cell.text, style, cell.dir, col.width - 2 * PAD_X, 'start', col.x + PAD_X);
    return { block, cell, x: col.x, width: col.width };
  });
  const leading = header ? HEAD.leading : CELL.leading;
  return { cells: laid, lines: Math.max(1, ...laid.map((c) => c.block.lines.length)), leading, group, header };
}

function rowHeight(row: LaidRow, lines = row.lines): number {
  return lines * row.leading + 2 * PAD_Y;
}

/**
 * Where the marked ranges of a cell fall on one of its lines: [left, right]
 * pairs in points from the line box's left. A run is one embedding level in
 * logical order: left to right its offsets grow rightwards, right to left
 * leftwards from its right edge.
 */
function markedSpans(
  line: LaidLine,
  marks: ReadonlyArray<[number, number]>,
  measure: Measure,
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const run of line.runs) {
    for (const [s, e] of marks) {
      const from = Math.max(s, run.start);
      const to = Math.min(e, run.end);
      if (to <= from) continue;
      const before = measure(run.text.slice(0, from - run.start));
      const through = measure(run.text.slice(0, to - run.start));
      out.push(run.rtl ? [run.x + run.width - through, run.x + run.width - before] : [run.x + before, run.x + through]);
    }
  }
  return out;
}

/** Places lines [from, to) of every cell of a row at the flow's position and moves the flow below them. */
function placeRowLines(ctx: TableContext, flow: Flow, row: LaidRow, from: number, to: number): void {
  const top = flow.y;
  const height = rowHeight(row, to - from);
  const ops: Op[] = [];
  if (row.header) ops.push({ t: 'box', x: ctx.left, y: top, w: ctx.width, h: height, fill: HEAD_FILL });
  const texts: Op[] = [];
  for (const c of row.cells) {
    const { block } = c;
    const measure = ctx.measure(block.style, block.latin);
    for (let j = from; j < Math.min(to, block.lines.length); j++) {
      const line = block.lines[j]!;
      const baseline = top + PAD_Y + (j - from) * row.leading + block.style.size;
      for (const [l, r] of markedSpans(line, c.cell.marks, measure)) {
        ops.push({
          t: 'box',
          x: block.x + l,
          y: baseline - block.style.size * 0.92,
          w: r - l,
          h: block.style.size * 1.3,
          fill: MARK_FILL,
        });
        texts.push({
          t: 'rule',
          x1: block.x + l,
          y1: baseline + 2,
          x2: block.x + r,
          y2: baseline + 2,
          color: '#303030',
          width: 0.6,
        });
      }
      texts.push({
        t: 'text',
        style: block.style,
        x: block.x,
        baseline,
        line,
        spaceWidth: block.spaceWidth,
        latin: block.latin,
      });
    }
  }
  // Column separators and the rule under the row.
  for (const c of row.cells.slice(1)) {
    const x = ctx.dir === 'ltr' ? c.x : c.x + c.width;
    texts.push({ t: 'rule', x1: x, y1: top, x2: x, y2: top + height, color: RULE, width: 0.4 });
  }
  texts.push({
    t: 'rule',
    x1: ctx.left,
    y1: top + height,
    x2: ctx.left + ctx.width,
    y2: top + height,
    color: row.header ? '#555555' : RULE,
    width: row.header ? 0.8 : 0.4,
  });
  for (const op of [...ops, ...texts]) flow.push(op);
  flow.y = top + height;
}

function layoutTable(ctx: TableContext, flow: Flow, table: ExportTable): void {
  const cols = columnsOf(ctx, table);
  const header = layRow(ctx, cols, table.headers, -1, true);
  const rows = table.rows.map((r) => layRow(ctx, cols, r.cells, r.group, false));
  const caption = ctx.block(table.caption, ctx.styles.caption, ctx.dir, ctx.width, 'start', ctx.left);
  const pageRoom = ctx.pageBottom - ctx.pageTop - rowHeight(header);

  // Groups: consecutive rows of one group.
  const groups: LaidRow[][] = [];
  for (const r of rows) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.group === r.group) last.push(r);
    else groups.push([r]);
  }
  const groupHeight = (g: LaidRow[]) => g.reduce((h, r) => h + rowHeight(r), 0);

  // The caption stays with the header and the first group (or its first line).
  const first = groups[0];
  const firstNeed = first ? Math.min(groupHeight(first), rowHeight(first[0]!, 1)) : 0;
  flow.y += 14;
  flow.ensure(caption.lines.length * caption.style.leading + 4 + rowHeight(header) + firstNeed);
  for (const line of caption.lines) {
    flow.push({
      t: 'text',
      style: caption.style,
      x: caption.x,
      baseline: flow.y + caption.style.size,
      line,
      spaceWidth: caption.spaceWidth,
      latin: caption.latin,
    });
    flow.y += caption.style.leading;
  }
  flow.y += 4;
  placeRowLines(ctx, flow, header, 0, header.lines);

  const continueOnNextPage = () => {
    flow.newPage();
    placeRowLines(ctx, flow, header, 0, header.lines);
  };
  for (const g of groups) {
    const need = groupHeight(g);
    if (need > flow.room() && need <= pageRoom) continueOnNextPage();
    for (const row of g) {
      let line = 0;
      while (line < row.lines) {
        const fit = Math.floor((flow.room() - 2 * PAD_Y + 0.01) / row.leading);
        const left = row.lines - line;
        if (fit >= left) {
          placeRowLines(ctx, flow, row, line, row.lines);
          break;
        }
        // Only a row taller than a page is cut, and then between lines.
        if (fit >= 1 && rowHeight(row) > pageRoom) {
          placeRowLines(ctx, flow, row, line, line + fit);
          line += fit;
        }
        continueOnNextPage();
      }
    }
  }
}

/** A comparison's legend, then its tables. */
export function layoutComparison(ctx: TableContext, flow: Flow, view: ComparisonView): void {
  const legend = ctx.block(view.legend.text, ctx.styles.legend, view.legend.dir, ctx.width, 'start', ctx.left);
  flow.y += 10;
  flow.ensure(legend.lines.length * legend.style.leading);
  for (const line of legend.lines) {
    if (flow.room() < legend.style.leading) flow.newPage();
    flow.push({
      t: 'text',
      style: legend.style,
      x: legend.x,
      baseline: flow.y + legend.style.size,
      line,
      spaceWidth: legend.spaceWidth,
      latin: legend.latin,
    });
    flow.y += legend.style.leading;
  }
  for (const table of view.tables) layoutTable(ctx, flow, table);
}
