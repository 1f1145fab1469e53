import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '..', '..');
/** The shared data set, beside the repository (never copied into it). */
export const sharedData = (...parts: string[]): string => resolve(repoRoot, '..', 'shared', 'data', ...parts);
export const seedPath = sharedData('seed', 'hurriya-2021-07-26.txt');

export function tempDir(prefix = 'mizan-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
