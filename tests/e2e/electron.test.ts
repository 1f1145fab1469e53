/**
 * The desktop shell: the built Electron app opens its window, the sandboxed
 * renderer has the bridge and no Node. Runs where the Electron binary is
 * installed (release machines); CI installs with ELECTRON_SKIP_BINARY_DOWNLOAD.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { _electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { resultPath } from '../support/e2eBrowser';
import { repoRoot, tempDir } from '../support/paths';

/**
 * The binary's path, found as `require('electron')` finds it (path.txt, or
 * ELECTRON_OVERRIDE_DIST_PATH) but without requiring it: since Electron 3x
 * requiring the package when the binary is missing starts a download.
 */
function electronBinary(): string | null {
  try {
    const packageDir = dirname(createRequire(join(repoRoot, 'package.json')).resolve('electron/package.json'));
    const pathFile = join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const relative = readFileSync(pathFile, 'utf8').trim();
    const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
    const binary = override ? join(override, relative) : join(packageDir, 'dist', relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const SKIP_REASON = 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD); runs on release machines';

describe('Electron shell', () => {
  if (!binary) console.log(`electron.test.ts skipped: ${SKIP_REASON}`);

  it.skipIf(!binary)('opens a sandboxed window with the bridge and the renderer', async () => {
    const dir = tempDir('mizan-electron-');
    const args = [join(repoRoot, 'dist', 'main', 'electron', 'main.js')];
    // Chromium refuses its sandbox as root (containers); the renderer stays sandboxed by Electron's own flag.
    if (process.getuid?.() === 0) args.unshift('--no-sandbox');
    const app = await _electron.launch({
      executablePath: binary ?? undefined,
      args,
      cwd: repoRoot,
      env: { ...process.env, MIZAN_LIBRARY: join(dir, 'library.db') },
      timeout: 60_000,
    });
    try {
      const window = await app.firstWindow();
      await window.waitForLoadState('domcontentloaded');
      await window.locator('[data-testid=article-count]').waitFor({ timeout: 20_000 });
      expect(await window.title()).toContain('Mizan');
      expect(await window.evaluate(() => typeof (globalThis as { mizan?: unknown }).mizan)).toBe('object');
      expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      await window.locator('[data-testid=empty-state]').waitFor({ timeout: 20_000 });
      await window.screenshot({ path: resultPath('e2e-electron.png') });
    } finally {
      await app.close();
    }
  });
});
