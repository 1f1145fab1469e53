/** The export worker thread (see exporter.ts): runs one export at a time, Amiri parsed once. */
import { parentPort } from 'node:worker_threads';
import type { WorkerMessage, WorkerRequest } from './exporter';
import type * as fontkit from 'fontkit';
import { parseAmiri } from './fonts';
import { runExportHere } from './exportRun';

let fonts: Record<'regular' | 'bold', fontkit.Font> | null = null;

function post(message: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  parentPort?.postMessage(message, transfer);
}

parentPort?.on('message', (request: WorkerRequest) => {
  fonts ??= parseAmiri();
  if ('warm' in request) {
    // Parses the fonts' layout tables, which fontkit reads on first use.
    fonts.regular.layout('بسم الله Mizan');
    fonts.bold.layout('بسم الله Mizan');
    return;
  }
  const { id, job } = request;
  runExportHere(job, (done, total, label) => post({ id, type: 'progress', done, total, label }), undefined, fonts).then(
    (output) => {
      // A private copy whose buffer can move to the parent instead of being cloned.
      const bytes =
        output.bytes.byteOffset === 0 && output.bytes.byteLength === output.bytes.buffer.byteLength
          ? output.bytes
          : output.bytes.slice();
      const buffer = bytes.buffer instanceof ArrayBuffer ? bytes.buffer : null;
      post({ id, type: 'done', output: { ...output, bytes } }, buffer ? [buffer] : []);
    },
    (error: unknown) =>
      post({ id, type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
