/**
 * `npm run security` (scripts/security.js, electronegativity) passes on the
 * tree, and fails on a copy whose accepted findings lost their annotations
 * or whose window lost a setting: the scan is known to bite.
 */
import { execFile } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../support/paths';

const run = promisify(execFile);
const script = join(repoRoot, 'scripts', 'security.js');

async function scan(root: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, [script], {
      env: { ...process.env, MIZAN_SECURITY_ROOT: root },
      timeout: 90_000,
    });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

function copyTree(): string {
  const dir = tempDir('mizan-eneg-copy-');
  const skipTests = (src: string) => !src.includes('node_modules');
  for (const folder of ['main', 'preload'])
    cpSync(join(repoRoot, folder), join(dir, folder), { recursive: true, filter: skipTests });
  cpSync(join(repoRoot, 'renderer', 'index.html'), join(dir, 'renderer', 'index.html'));
  cpSync(join(repoRoot, 'package.json'), join(dir, 'package.json'));
  return dir;
}

describe('electronegativity', () => {
  it('finds nothing unexplained in the tree, and bites on a doctored copy', async () => {
    const doctored = copyTree();
    const mainPath = join(doctored, 'main', 'electron', 'main.ts');
    const text = readFileSync(mainPath, 'utf8')
      .replace(/ \/\/ eng-disable PRELOAD_JS_CHECK:[^\n]*/, '')
      .replace('contextIsolation: true,', 'contextIsolation: false,');
    writeFileSync(mainPath, text);
    const [real, bad] = await Promise.all([scan(repoRoot), scan(doctored)]);
    process.stdout.write(`${real.out}\n`);
    expect(real.out).toMatch(
      /electronegativity [\d.]+ \(Electron [\d.]+\): \d+ checks, \d+ files scanned, 0 unexplained finding/,
    );
    expect(real.code).toBe(0);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/PRELOAD_JS_CHECK/);
    expect(bad.out).toMatch(/CONTEXT_ISOLATION_JS_CHECK/);
  }, 120_000);
});
