/**
 * The built desktop app, end to end, as a user drives it: the seed given on
 * the command line (as a file manager's "Open with Mizan" does) is imported
 * and shown without a reload; a search for الأمريكي finds it; a file dropped
 * on the window is imported by its real path; mizan:// links open what they
 * name; a CSV given by a second launch is imported by the page, after its
 * column dialog; a dossier of the seed exports as a PDF whose text a reader gets back, and its
 * preview (the HTML export at mizan-dossier://, with a CSP of its own) runs its own search.
 *
 * Runs where the Electron binary is installed (release machines) and skips
 * with the reason where it is not. Needs `npm run build`.
 *
 * What is driven and how: everything in the window goes through the real
 * preload bridge, IPC, the shell and the core; nothing of ours is stubbed.
 * The dossiers are made and exported through the bridge (`window.mizan.invoke`,
 * the renderer's own transport); the preview is opened with the dossier
 * view's button, as the web host's e2e test opens it. The
 * drop is a synthetic DragEvent carrying a file-backed File (set through a
 * file input from the real seed on disk), since no automation drags from the
 * OS; the path it yields is the one webUtils gives for a real drop.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultPath } from '../support/e2eBrowser';
import { electronBinary, electronSkipReason, launchElectronApp } from '../support/electronApp';
import { withPdf } from '../support/pdfReader';
import { seedPath, tempDir } from '../support/paths';

const binary = electronBinary();
const TIMEOUT = 30_000;
const SEED_WORD = 'الأميركي';

interface BridgeInPage {
  mizan: {
    invoke(
      method: string,
      input: unknown,
      jobId: string | null,
    ): Promise<{ ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }>;
    pathForFile(file: unknown): string;
  };
  document: {
    createElement(tag: string): { type: string; id: string; hidden: boolean; files: ArrayLike<unknown> | null };
    getElementById(id: string): { files: ArrayLike<unknown> | null } | null;
    body: { append(node: unknown): void; dispatchEvent(event: unknown): boolean };
  };
  DataTransfer: new () => { items: { add(file: unknown): void } };
  DragEvent: new (type: string, init: { bubbles: boolean; cancelable: boolean; dataTransfer: unknown }) => unknown;
}

/** Calls the contract through the window's bridge, as the renderer does; throws on an error envelope. */
async function invoke<T>(page: Page, method: string, input: unknown, jobId: string | null = null): Promise<T> {
  const envelope = await page.evaluate(({ m, i, j }) => (globalThis as unknown as BridgeInPage).mizan.invoke(m, i, j), {
    m: method,
    i: input,
    j: jobId,
  });
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

/** Letters and digits only: a reader may reorder spaces and punctuation in right-to-left lines, never letters. */
function letters(text: string): string {
  return text.replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u0640]/g, '').replace(/[^\p{L}\p{N}]/gu, '');
}

describe('the desktop app, as a user drives it', () => {
  if (!binary) console.log(`electronApp.test.ts skipped: ${electronSkipReason}`);
  const dir = tempDir('mizan-electron-app-');
  let app: ElectronApplication | null = null;
  let window: Page;
  let seedId = 0;

  beforeAll(async () => {
    if (!binary) return;
    // The seed on the command line: what "Open with Mizan" or `mizan file.txt` does.
    app = await launchElectronApp(binary, join(dir, 'library.db'), [seedPath]);
    window = await app.firstWindow();
    await window.waitForLoadState('domcontentloaded');
    await window.locator('[data-testid=article-count]').waitFor({ timeout: TIMEOUT });
  });

  afterAll(async () => {
    await app?.close();
  });

  it.skipIf(!binary)('imports the file given on the command line and shows it without reloading the page', async () => {
    // The shell's "imported" event: the page shows the report and refreshes its list.
    await window.locator('[data-testid=import-report]').waitFor({ timeout: TIMEOUT });
    expect(await window.locator('[data-testid=import-imported]').count()).toBe(1);
    await window.locator('[data-testid=article-row]', { hasText: SEED_WORD }).first().waitFor({ timeout: TIMEOUT });
    const page = await invoke<{ items: { id: number; title: string }[] }>(window, 'library.listArticles', {
      limit: 10,
    });
    expect(page.items).toHaveLength(1);
    seedId = page.items[0]!.id;
    await window.screenshot({ path: resultPath('e2e-electron-argv-import.png') });
  });

  it.skipIf(!binary)('finds the seed when searching for الأمريكي', async () => {
    await window.locator('[data-testid=search-input]').fill('الأمريكي');
    await window.locator('[data-testid=article-row]', { hasText: SEED_WORD }).first().click();
    await expect
      .poll(() => window.locator('[data-testid=reader-title]').textContent(), { timeout: TIMEOUT })
      .toContain(SEED_WORD);
    await window.screenshot({ path: resultPath('e2e-electron-search.png') });
    await window.locator('[data-testid=search-input]').fill('');
  });

  it.skipIf(!binary)('imports a dropped file by its real path', async () => {
    // A file-backed File from the disk, as a drop from the file manager carries.
    await window.evaluate(() => {
      const g = globalThis as unknown as BridgeInPage;
      const input = g.document.createElement('input');
      input.type = 'file';
      input.id = 'e2e-probe';
      input.hidden = true;
      g.document.body.append(input);
    });
    await window.setInputFiles('#e2e-probe', seedPath);
    expect(
      await window.evaluate(() => {
        const g = globalThis as unknown as BridgeInPage;
        return g.mizan.pathForFile(g.document.getElementById('e2e-probe')!.files![0]);
      }),
    ).toBe(seedPath);
    await window.evaluate(() => {
      const g = globalThis as unknown as BridgeInPage;
      const data = new g.DataTransfer();
      data.items.add(g.document.getElementById('e2e-probe')!.files![0]);
      for (const type of ['dragenter', 'dragover', 'drop'])
        g.document.body.dispatchEvent(new g.DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
    });
    // Imported by path (library.importFiles): the same seed again is reported as a duplicate.
    await expect.poll(() => window.locator('[data-testid=import-duplicate]').count(), { timeout: TIMEOUT }).toBe(1);
  });

  it.skipIf(!binary)('opens mizan:// links in the running window', async () => {
    const title = window.locator('[data-testid=reader-title]');
    await window
      .locator('[data-testid=reader-empty], [data-testid=reader-title]')
      .first()
      .waitFor({ timeout: TIMEOUT });
    // The link as macOS delivers it (open-url); other systems route a second launch to the same handler.
    await app!.evaluate(({ app: electronApp }, url) => {
      electronApp.emit('open-url', { preventDefault: () => undefined }, url);
    }, `mizan://article/${seedId}`);
    await expect.poll(() => title.textContent(), { timeout: TIMEOUT }).toContain(SEED_WORD);
    await app!.evaluate(
      ({ app: electronApp }, url) => {
        electronApp.emit('open-url', { preventDefault: () => undefined }, url);
      },
      `mizan://search?q=${encodeURIComponent('الأمريكي')}`,
    );
    await expect
      .poll(() => window.locator('[data-testid=search-input]').inputValue(), { timeout: TIMEOUT })
      .toBe('الأمريكي');
  });

  it.skipIf(!binary)(
    'asks for the columns of a CSV given by a second launch, then imports it in the page',
    async () => {
      // Column names the importer cannot guess: only the page's mapping dialog can import it.
      const csv = join(dir, 'newsroom-export.csv');
      writeFileSync(
        csv,
        'headline_txt,story,paper_name\n"Port reopens after storm","The port reopened on Monday after three days of storm damage repairs, officials said.",Gulf Daily\n',
      );
      await app!.evaluate(
        ({ app: electronApp }, argv) => {
          electronApp.emit('second-instance', { preventDefault: () => undefined }, argv, process.cwd());
        },
        [process.execPath, '.', csv],
      );
      const dialog = window.locator('[data-testid=table-mapping-dialog]');
      await dialog.waitFor({ timeout: TIMEOUT });
      await dialog.locator('[data-testid=map-title]').selectOption('headline_txt');
      await dialog.locator('[data-testid=map-body]').selectOption('story');
      await dialog.locator('[data-testid=map-source]').selectOption('paper_name');
      await dialog.locator('[data-testid=table-map-import]').click();
      await window
        .locator('[data-testid=article-row]', { hasText: 'Port reopens after storm' })
        .first()
        .waitFor({ timeout: TIMEOUT });
    },
  );

  it.skipIf(!binary)('exports a dossier of the seed as a PDF whose text reads back', async () => {
    const dossier = await invoke<{ id: number }>(window, 'dossier.create', { title: 'Hurriya, 26 July 2021' });
    await invoke(window, 'dossier.addItems', { id: dossier.id, items: [{ kind: 'article', id: seedId }] });
    const pdf = join(dir, 'seed-dossier.pdf');
    const result = await invoke<{ path: string; pages: number; bytes: number }>(
      window,
      'dossier.exportPdf',
      { dossierId: dossier.id, path: pdf },
      'e2e-export-pdf',
    );
    expect(result.path).toBe(pdf);
    expect(existsSync(pdf)).toBe(true);
    expect(result.pages).toBeGreaterThanOrEqual(2);
    const text = await withPdf(pdf, (read) => read.text());
    expect(letters(text)).toContain(letters('الأراضي العراقية'));
    expect(letters(text)).toContain(letters(SEED_WORD));
    expect(text).toContain('Hurriya, 26 July 2021');
  });

  it.skipIf(!binary)('previews a dossier at mizan-dossier:// and searches inside the preview', async () => {
    const dossier = await invoke<{ id: number }>(window, 'dossier.create', { title: 'Preview of the seed' });
    await invoke(window, 'dossier.addItems', { id: dossier.id, items: [{ kind: 'article', id: seedId }] });
    await window.evaluate((id) => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = `#dossier/${id}`;
    }, dossier.id);
    await window.locator('[data-testid=dossier-preview]').click();
    const frame = window.locator('[data-testid=dossier-preview-frame]');
    await frame.waitFor({ timeout: TIMEOUT });
    // The app's own protocol, not a srcdoc or blob: frame (those inherit the app's CSP and run no script).
    expect(await frame.getAttribute('src')).toMatch(new RegExp(`^mizan-dossier://dossier/${dossier.id}\\?v=`));
    expect(await frame.getAttribute('sandbox')).toBe('allow-scripts');
    const inner = window.frameLocator('[data-testid=dossier-preview-frame]');
    await inner.locator('html[data-search-ready=true]').waitFor({ timeout: TIMEOUT });
    await inner.locator('#mizan-q').fill(SEED_WORD);
    await inner.locator('#mizan-q').press('Enter');
    const found = inner.locator('#mizan-results li');
    await found.first().waitFor({ timeout: TIMEOUT });
    expect(await found.count()).toBe(1);
    await window.screenshot({ path: resultPath('electron-dossier-preview.png') });
  });

  it.skipIf(!binary)(
    'saves the list as JSON Lines to the file the save dialog returns, replacing the one chosen',
    async () => {
      const chosen = join(dir, 'chosen.jsonl');
      writeFileSync(chosen, 'the file that was there\n');
      // The person picks a file that exists and agrees to replace it: the dialog, answered in the main process.
      await app!.evaluate(({ dialog }, path) => {
        dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog;
      }, chosen);
      await window.locator('[data-testid=search-input]').blur();
      await window.keyboard.press('Control+k');
      await window.keyboard.type('Export this list');
      await window.keyboard.press('Enter');
      await window.locator('[data-testid=export-kind-jsonl]').check();
      await window.locator('[data-testid=export-run]').click();
      const saved = window.locator('[data-testid=export-saved]');
      await saved.waitFor({ timeout: TIMEOUT });
      expect(await saved.textContent()).toContain(chosen);
      // No download link: the lines went to the file, not through the page.
      expect(await window.locator('[data-testid=export-download]').count()).toBe(0);
      const lines = readFileSync(chosen, 'utf8').trim().split('\n');
      expect(lines.length).toBeGreaterThanOrEqual(1);
      expect(lines.some((line) => (JSON.parse(line) as { body?: string }).body?.includes(SEED_WORD))).toBe(true);
      await window.keyboard.press('Escape');
    },
  );
});
