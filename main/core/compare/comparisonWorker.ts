/**
 * Comparisons off the main thread: aligning and ledgering several long
 * articles can take more than the ~50 ms a main process may block for.
 */
import { parentPort } from 'node:worker_threads';
import type { AlignOptions } from './align';
import { compareTexts, type CompareInput, type TextComparison } from './comparison';

export interface ComparisonRequest {
  id: number;
  inputs: CompareInput[];
  options: AlignOptions;
}

export type ComparisonReply =
  { id: number; ok: true; result: TextComparison } | { id: number; ok: false; message: string };

parentPort?.on('message', (request: ComparisonRequest) => {
  let reply: ComparisonReply;
  try {
    reply = { id: request.id, ok: true, result: compareTexts(request.inputs, request.options) };
  } catch (error) {
    reply = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
