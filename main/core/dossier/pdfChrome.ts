/**
 * The PDF dossier's page furniture: the running header (the dossier's title
 * on the start side, the current item's on the outer side, a hairline
 * under them) and the page number at the foot.
 */
import type { Dir, Measure } from './bidiLayout';
import { formatNumber } from './labels';
import type { DossierDocument, RenderOptions } from './model';
import type { Typesetter } from './pdfFlow';
import { CONTENT_WIDTH, MARGIN, PAGE, sideAlign, STYLES } from './pdfStyles';
import type { FillState, Page, TextOp } from './pdfTypes';

export interface ChromeContext {
  doc: PDFKit.PDFDocument;
  dossier: DossierDocument;
  options: RenderOptions;
  type: Typesetter;
  drawLine(op: TextOp, fill: FillState): void;
}

export function drawChrome(ctx: ChromeContext, page: Page, number: number): void {
  const { doc, type } = ctx;
  const dir = ctx.dossier.dir;
  const style = STYLES.header;
  const measure = type.measurer.forStyle(style, dir === 'ltr');
  const half = CONTENT_WIDTH / 2 - 12;
  const y = MARGIN.top - 30;
  const startX = dir === 'rtl' ? MARGIN.side + CONTENT_WIDTH - half : MARGIN.side;
  const endX = dir === 'rtl' ? MARGIN.side : MARGIN.side + CONTENT_WIDTH - half;
  const fill: FillState = { color: null };
  const headerText = (text: string, textDir: Dir, x: number, side: 'left' | 'right') => {
    const b = type.block(truncate(text, half, measure), style, textDir, half, sideAlign(side, textDir), x);
    if (b.lines[0])
      ctx.drawLine(
        { t: 'text', style, x, baseline: y, line: b.lines[0], spaceWidth: b.spaceWidth, latin: b.latin },
        fill,
      );
  };
  // The dossier's title on the start side, the current item's on the outer side.
  headerText(ctx.dossier.title, dir, startX, dir === 'rtl' ? 'right' : 'left');
  if (page.item !== null) {
    const item = ctx.dossier.items[page.item]!;
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
  const nb = type.block(
    formatNumber(number, ctx.options.numerals),
    numberStyle,
    dir,
    CONTENT_WIDTH,
    'center',
    MARGIN.side,
  );
  if (nb.lines[0])
    ctx.drawLine(
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

function truncate(text: string, width: number, measure: Measure): string {
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
