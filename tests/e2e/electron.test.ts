/**
 * The desktop shell: the built Electron app opens its window, the sandboxed
 * renderer has the bridge and no Node. Runs where the Electron binary is
 * installed (release machines); CI installs with ELECTRON_SKIP_BINARY_DOWNLOAD.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultPath } from '../support/e2eBrowser';
import { electronBinary, electronSkipReason, launchElectronApp } from '../support/electronApp';
import { tempDir } from '../support/paths';

const binary = electronBinary();

describe('Electron shell', () => {
  if (!binary) console.log(`electron.test.ts skipped: ${electronSkipReason}`);

  it.skipIf(!binary)('opens a sandboxed window with the bridge and the renderer', async () => {
    const dir = tempDir('mizan-electron-');
    const app = await launchElectronApp(binary!, join(dir, 'library.db'));
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
