/**
 * The parser pool: one file that kills its worker or never finishes fails
 * alone, with a clear error, and the files after it still parse.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/paths';
import { createParser } from './parser';
import { ImportError } from './types';

/** A stand-in worker speaking the pool's protocol: "crash" ends the thread, "hang" never answers, "oom" throws. */
const WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => {
  if (m.type !== 'run') return;
  const req = m.input;
  if (req.path.includes('crash')) process.exit(3);
  if (req.path.includes('hang')) return;
  if (req.path.includes('oom')) throw new RangeError('Invalid array length');
  parentPort.postMessage({ type: 'done', id: m.id, output: { records: [{ ok: false, error: { path: req.path, code: 'IMPORT_EMPTY', message: 'parsed ' + req.bytes.length } }] } });
});
`;

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    const { records } = (await promise) as { records: Array<{ ok: false; error: { message: string } }> };
    return records[0]!.error.message;
  } catch (error) {
    return error instanceof ImportError ? `${error.code}: ${error.message}` : `other: ${String(error)}`;
  }
}

describe('parser pool', () => {
  const script = join(tempDir(), 'worker.js');
  writeFileSync(script, WORKER);

  it('fails only the file whose worker died or hung, and carries on', async () => {
    const parser = createParser({ script, workers: 2, timeoutMs: 400 });
    expect(parser.concurrency).toBe(2);
    const bytes = () => new Uint8Array([1, 2, 3]);
    const results = await Promise.all(
      ['a.html', 'crash.html', 'b.html', 'hang.html', 'oom.html', 'c.html', 'd.html'].map((p) =>
        outcome(parser.parse(p, bytes(), {})),
      ),
    );
    expect(results[0]).toBe('parsed 3');
    expect(results[1]).toMatch(/^IMPORT_PARSE_FAILED: crash\.html: the parser stopped \(exit code 3\)/);
    expect(results[2]).toBe('parsed 3');
    expect(results[3]).toBe('IMPORT_PARSE_FAILED: hang.html: still not parsed after 400 ms; refused');
    expect(results[4]).toMatch(/^IMPORT_PARSE_FAILED: oom\.html: the parser stopped \(Invalid array length\)/);
    expect(results.slice(5)).toEqual(['parsed 3', 'parsed 3']);
    await parser.close();
    expect(await outcome(parser.parse('late.html', bytes(), {}))).toMatch(
      /^IMPORT_PARSE_FAILED: late\.html: the parser is closed/,
    );
  });
});
