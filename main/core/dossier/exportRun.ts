/** The export itself, wherever it runs (the export worker, or in-line in tests). */
import type * as fontkit from 'fontkit';
import { renderHtml } from './htmlExporter';
import type { ProgressFn } from './model';
import type { ExportJob, ExportOutput } from './exportTypes';
import { renderPdf } from './pdfExporter';

export async function runExportHere(
  job: ExportJob,
  progress: ProgressFn,
  signal?: AbortSignal,
  fonts?: Record<'regular' | 'bold', fontkit.Font>,
): Promise<ExportOutput> {
  if (job.kind === 'pdf') {
    const result = await renderPdf(job.document, job.options, progress, signal, fonts);
    return { bytes: result.bytes, pages: result.pages, itemPages: result.itemPages };
  }
  const result = renderHtml(job.document, job.options, progress);
  return { bytes: result.bytes, pages: null, itemPages: null };
}
