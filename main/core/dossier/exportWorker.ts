/** The export worker thread (see exporter.ts): runs one export at a time, Amiri parsed once. */
import type * as fontkit from 'fontkit';
import { serveTasks } from '../workers/serve';
import { runExportHere } from './exportRun';
import type { ExportJob, ExportOutput, ExportProgress } from './exportTypes';
import { parseAmiri } from './fonts';

let fonts: Record<'regular' | 'bold', fontkit.Font> | null = null;

serveTasks<ExportJob, ExportOutput, ExportProgress>(
  async (job, ctx) => {
    fonts ??= parseAmiri();
    try {
      const output = await runExportHere(
        job,
        (done, total, label) => ctx.progress({ done, total, label }),
        undefined,
        fonts,
      );
      // A private copy whose buffer can move to the parent instead of being cloned.
      const bytes =
        output.bytes.byteOffset === 0 && output.bytes.byteLength === output.bytes.buffer.byteLength
          ? output.bytes
          : output.bytes.slice();
      return { ...output, bytes };
    } catch (error) {
      // The stack goes along: a failed export is a bug to report, and the worker's stack is otherwise lost.
      throw new Error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
  },
  {
    transfer: (output) => (output.bytes.buffer instanceof ArrayBuffer ? [output.bytes.buffer] : []),
    warm() {
      fonts ??= parseAmiri();
      // Parses the fonts' layout tables, which fontkit reads on first use.
      fonts.regular.layout('بسم الله Mizan');
      fonts.bold.layout('بسم الله Mizan');
    },
  },
);
