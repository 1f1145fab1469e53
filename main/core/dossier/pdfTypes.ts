/**
 * The types the parts of the PDF exporter share (pdfExporter.ts and the
 * files it is made of): a style of text, a drawing operation, a page of
 * them, and a laid-out paragraph.
 */
import type { LaidLine } from './bidiLayout';

export interface PdfResult {
  bytes: Uint8Array;
  pages: number;
  /** 1-based page on which each item starts, in item order. */
  itemPages: number[];
}

export type FontKey = 'regular' | 'bold';

export interface TextStyle {
  font: FontKey;
  size: number;
  /** Distance between baselines. */
  leading: number;
  color: string;
}

export type Op =
  | { t: 'box'; x: number; y: number; w: number; h: number; fill: string }
  | { t: 'text'; style: TextStyle; x: number; baseline: number; line: LaidLine; spaceWidth: number; latin: boolean }
  | { t: 'rule'; x1: number; y1: number; x2: number; y2: number; color: string; width: number; dotted?: boolean }
  | { t: 'anchor'; item: number; y: number }
  | { t: 'section'; section: number; y: number }
  | { t: 'goto'; x: number; y: number; w: number; h: number; dest: string }
  | { t: 'uri'; x: number; y: number; w: number; h: number; uri: string };

export type TextOp = Extract<Op, { t: 'text' }>;

export interface Page {
  ops: Op[];
  /** Index of the item in effect at the top of the page, for the running header. */
  item: number | null;
  chrome: boolean;
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

/** The colour last set while drawing, so that a page sets it only when it changes. */
export interface FillState {
  color: string | null;
}
