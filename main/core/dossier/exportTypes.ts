/** An export as it crosses to the export worker and back (exporter.ts, exportRun.ts). */
import type { DossierDocument, RenderOptions } from './model';

export type ExportKind = 'pdf' | 'html';

export interface ExportJob {
  kind: ExportKind;
  document: DossierDocument;
  options: RenderOptions;
}

export interface ExportOutput {
  bytes: Uint8Array;
  /** Pages of a PDF; null for HTML. */
  pages: number | null;
  /** 1-based page each item starts on (PDF). */
  itemPages: number[] | null;
}

export interface ExportProgress {
  done: number;
  total: number;
  label: string;
}
