/**
 * Where a worker's script is, the one lookup every pool uses. Compiled, the
 * script sits beside the module that starts it (`dist/main/core/...`); in a
 * packaged app that folder is inside app.asar, which Electron opens for
 * worker threads too, and a script unpacked beside the archive
 * (app.asar.unpacked) is preferred when there is one. Under the TypeScript
 * test runner there is no compiled script: null, and the pool runs its tasks
 * in-line.
 */
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';

const ASAR = `${sep}app.asar${sep}`;
const UNPACKED = `${sep}app.asar.unpacked${sep}`;

/** This module's own file: `.js` once compiled, `.ts` when the sources run directly. */
const compiled = __filename.endsWith('.js');

export function workerScript(dir: string, name: string): string | null {
  return compiled ? locateScript(join(dir, name)) : null;
}

/** The script at `path`, or its unpacked copy beside app.asar when there is one; null when neither exists. */
export function locateScript(path: string, exists: (path: string) => boolean = existsSync): string | null {
  if (path.includes(ASAR)) {
    const unpacked = path.replace(ASAR, UNPACKED);
    if (exists(unpacked)) return unpacked;
  }
  return exists(path) ? path : null;
}
