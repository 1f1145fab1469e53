/** The PDF dossier's page geometry and text styles, shared by its layout and drawing parts. */
import type { Align, Dir } from './bidiLayout';
import type { TextStyle } from './pdfTypes';

// A4 in points; margins leave room for the running header and the page number.
export const PAGE = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { top: 72, bottom: 72, side: 64 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * MARGIN.side;
export const BOTTOM = PAGE.height - MARGIN.bottom;

export const STYLES = {
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

/** The alignment that puts text of direction `dir` against the `side` edge. */
export function sideAlign(side: 'left' | 'right', dir: Dir): Align {
  return (side === 'right') === (dir === 'rtl') ? 'start' : 'end';
}
