import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Repository root, from dist/bench or bench/. */
export const repoRoot = resolve(__dirname, __dirname.includes(`${join('dist', 'bench')}`) ? '../..' : '..');
export const sharedData = (...parts: string[]): string => resolve(repoRoot, '..', 'shared', 'data', ...parts);

/** Scratch space for a benchmark's files (ignored by git). */
export function benchDir(name: string): string {
  const dir = join(repoRoot, 'bench', 'results', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Peak resident set size of this process so far (maxRSS is in kilobytes). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function printTable(title: string, rows: Array<[string, string]>): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(`\n${title}\n${'-'.repeat(title.length)}\n`);
  for (const [k, v] of rows) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
}
