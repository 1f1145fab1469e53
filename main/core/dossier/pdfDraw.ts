/**
 * The PDF dossier's second pass: pages of positioned operations drawn with
 * PDFKit, in order, with named destinations, links, the outline (a
 * section's entry is the parent of its items' entries) and the page
 * furniture (pdfChrome.ts).
 */
import type { DossierDocument, ExportSection, RenderOptions } from './model';
import { drawChrome } from './pdfChrome';
import type { Typesetter } from './pdfFlow';
import { PAGE } from './pdfStyles';
import { inferredRtl, LATIN_SCRIPT, runDrawings, type RunDrawing } from './pdfText';
import type { FillState, Page, TextOp } from './pdfTypes';

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

/**
 * PDFKit's shaped word (per document, from the cache its drawing uses), in
 * thousandths of an em, glyphs in drawn order. Private in PDFKit (pinned).
 */
interface ShapedWordSource {
  _font: {
    layoutCached(word: string): { positions: Array<{ xAdvance: number; advanceWidth: number }> };
  };
}

/**
 * A gap between two glyphs of one word wider than this (thousandths of an
 * em) passes for a word space with PDF.js and poppler, which both break
 * words at about a tenth of the font size. Amiri kerns ر/و/ز/د before ي by
 * 0.122 em ("مستوياتها" reads "مستو ياتها"); its space is 0.292 em.
 */
const SPACE_LIKE_GAP = 90;

export class PageDrawer {
  /** While drawing: the outline entry of the section being drawn, parent of its items' entries. */
  private sectionOutline: PDFKit.PDFOutline | null = null;
  /** Per font: whether a word would be misread from its glyphs (see `misread`). */
  private readonly misreadWords = new Map<string, Map<string, boolean>>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly dossier: DossierDocument,
    private readonly options: RenderOptions,
    private readonly type: Typesetter,
  ) {}

  drawLine(op: TextOp, fill: FillState): void {
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
      measureWord: (word: string) => this.type.measurer.wordWidth(style.font, word, op.latin) * style.size,
      latin: op.latin,
      misread: (word: string) => this.misread(style.font, word),
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
        if (d.actualText !== undefined) this.drawWithActualText(d, x, op.baseline, d.actualText);
        else this.drawFragment(d, x, op.baseline);
        if (d.mirrored) doc.restore();
      }
    }
  }

  private drawFragment(d: RunDrawing, x: number, baseline: number): void {
    (this.doc as unknown as FragmentDrawer)._fragment(d.text, x, baseline, {
      baseline: 'alphabetic',
      wordSpacing: d.wordSpacing,
      textWidth: d.width,
      ...(d.latin ? { features: LATIN_SCRIPT } : {}),
    });
  }

  /**
   * A word drawn inside a Span structure element whose ActualText is the
   * word: a reader that honours it (Mizan's PDF import, through the
   * structure tree) gets the word whatever the glyphs' spacing. Not written
   * on the marked content itself: poppler then lays the replacement out in
   * drawn order and reverses an Arabic word.
   */
  private drawWithActualText(d: RunDrawing, x: number, baseline: number, actual: string): void {
    const doc = this.doc;
    const span = doc.struct('Span', { actual });
    doc.addStructure(span);
    const content = doc.markStructureContent('Span');
    this.drawFragment(d, x, baseline);
    doc.endMarkedContent();
    span.add(content);
    span.end();
  }

  /**
   * Whether text extractors would misread the word from its glyphs as
   * drawn: a kerning gap that passes for a space, or (right to left) a mark
   * drawn before the letter it sits on, which the extractors then hand to
   * the word drawn before it ("بدلاً من" read "بدلا ًمن").
   */
  private misread(font: string, word: string): boolean {
    let known = this.misreadWords.get(font);
    if (!known) this.misreadWords.set(font, (known = new Map()));
    let verdict = known.get(word);
    if (verdict === undefined) {
      const { positions } = (this.doc as unknown as ShapedWordSource)._font.layoutCached(word);
      verdict =
        positions.some((p) => p.xAdvance - p.advanceWidth > SPACE_LIKE_GAP) ||
        (inferredRtl(word) && positions.length > 1 && positions[0]!.xAdvance === 0);
      known.set(word, verdict);
    }
    return verdict;
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

  drawPage(page: Page, number: number): void {
    const doc = this.doc;
    doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    const fill: FillState = { color: null };
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
    if (page.chrome)
      drawChrome(
        {
          doc,
          dossier: this.dossier,
          options: this.options,
          type: this.type,
          drawLine: (op, f) => this.drawLine(op, f),
        },
        page,
        number,
      );
  }
}
