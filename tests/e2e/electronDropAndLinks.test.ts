/**
 * The desktop shell's page-side features, exercised through the real web
 * host in Chromium (the same renderer the Electron window loads):
 * - files dropped on the window are imported (the browser side: uploads,
 *   since a browser has no paths; Electron's path side is in electronApp.test.ts);
 * - routes in the hash (`#article/N`, `#dossier/N`, `#search?q=`) open what
 *   they name, as a mizan:// link does in the desktop app.
 * The drop is synthetic (a DataTransfer of the real seed's bytes), as no
 * browser automation can drag from the OS. Needs `npm run build`.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type MizanApi } from '../../preload/contract';
import { launchChromium, resultPath } from '../support/e2eBrowser';
import { httpTransport } from '../support/httpTransport';
import { seedPath } from '../support/paths';
import type { StartedWebHost } from '../support/webHost';
import { openFreshLibrary, TIMEOUT } from './workbenchHelpers';

const ENGLISH =
  'Reuters – (27/7/2021)\nBiden and Kadhimi sealed an agreement on Monday that formally ends the US combat mission in Iraq by the end of 2021.\n';

interface DroppedBytes {
  name: string;
  type: string;
  bytes: number[];
}

/**
 * Fires dragenter/dragover (and drop unless `drop` is false) at the page
 * with a DataTransfer holding these files, as the OS would after a drag.
 */
async function dragFiles(
  page: Page,
  files: DroppedBytes[],
  steps: ('dragenter' | 'dragover' | 'dragleave' | 'drop')[],
): Promise<void> {
  await page.evaluate(
    ({ files: list, steps: events }) => {
      const g = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: unknown[], name: string, options: { type: string }) => unknown;
        Uint8Array: typeof Uint8Array;
        DragEvent: new (
          type: string,
          init: { bubbles: boolean; cancelable: boolean; dataTransfer: unknown },
        ) => unknown;
        document: { body: { dispatchEvent(event: unknown): boolean } };
      };
      const data = new g.DataTransfer();
      for (const f of list) data.items.add(new g.File([new g.Uint8Array(f.bytes)], f.name, { type: f.type }));
      for (const type of events)
        g.document.body.dispatchEvent(new g.DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
    },
    { files, steps },
  );
}

function bytesOf(path: string, name: string, type = 'text/plain'): DroppedBytes {
  return { name, type, bytes: [...readFileSync(path)] };
}

describe('desktop shell, page side: drop to import, routes in the hash', () => {
  let browser: Browser;
  const hosts: StartedWebHost[] = [];
  const clients: { close(): void }[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await browser?.close();
    await Promise.all(hosts.map((host) => host.stop()));
  });

  function apiFor(host: StartedWebHost): MizanApi {
    const transport = httpTransport(host.origin, host.token);
    clients.push(transport);
    return createClient(transport);
  }

  it('shows a labelled overlay while files are dragged over the window, in English and Arabic, and imports what is dropped', async () => {
    const { page, problems } = await openFreshLibrary(browser, hosts);
    const overlay = page.locator('[data-testid=drop-overlay]');
    const seed = bytesOf(seedPath, 'hurriya-2021-07-26.txt');
    const english = { name: 'reuters.txt', type: 'text/plain', bytes: [...Buffer.from(ENGLISH)] };

    await dragFiles(page, [seed], ['dragenter', 'dragover']);
    await overlay.waitFor({ timeout: TIMEOUT });
    expect(await overlay.getAttribute('role')).toBe('status');
    expect(await overlay.textContent()).toContain('Drop files or folders to import them');
    expect(await overlay.textContent()).toContain('Import button');
    await page.screenshot({ path: resultPath('e2e-drop-overlay-en.png') });
    await dragFiles(page, [seed], ['dragleave']);
    await overlay.waitFor({ state: 'detached', timeout: TIMEOUT });

    // Arabic: the same overlay in Arabic, the page mirrored.
    await page.locator('[data-testid=ui-lang-toggle]').click();
    await dragFiles(page, [seed], ['dragenter', 'dragover']);
    await overlay.waitFor({ timeout: TIMEOUT });
    expect(await overlay.textContent()).toContain('أفلت الملفات أو المجلدات لاستيرادها');
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { dir: string } } }).document.documentElement.dir,
      ),
    ).toBe('rtl');
    await page.screenshot({ path: resultPath('e2e-drop-overlay-ar.png') });
    await dragFiles(page, [seed], ['dragleave']);
    await page.locator('[data-testid=ui-lang-toggle]').click();

    // The drop itself: two real files become two articles, reported as any import is.
    await dragFiles(page, [seed, english], ['dragenter', 'dragover', 'drop']);
    await overlay.waitFor({ state: 'detached', timeout: TIMEOUT });
    await page.locator('[data-testid=import-report]').waitFor({ timeout: TIMEOUT });
    await expect.poll(() => page.locator('[data-testid=import-imported]').count(), { timeout: TIMEOUT }).toBe(2);
    await page.locator('[data-testid=article-row]', { hasText: 'الأميركي' }).first().waitFor({ timeout: TIMEOUT });
    await page.locator('[data-testid=article-row]', { hasText: 'Biden' }).first().waitFor({ timeout: TIMEOUT });

    // Dropping the same seed again is a duplicate, not a second article.
    await dragFiles(page, [seed], ['dragenter', 'dragover', 'drop']);
    await expect.poll(() => page.locator('[data-testid=import-duplicate]').count(), { timeout: TIMEOUT }).toBe(1);
    expect(problems).toEqual([]);
  });

  it('ignores a drag that carries no files (text, links): no overlay, no import', async () => {
    const { page, problems } = await openFreshLibrary(browser, hosts);
    await page.evaluate(() => {
      const g = globalThis as unknown as {
        DataTransfer: new () => { setData(type: string, value: string): void };
        DragEvent: new (
          type: string,
          init: { bubbles: boolean; cancelable: boolean; dataTransfer: unknown },
        ) => unknown;
        document: { body: { dispatchEvent(event: unknown): boolean } };
      };
      const data = new g.DataTransfer();
      data.setData('text/plain', 'just some words');
      for (const type of ['dragenter', 'dragover', 'drop'])
        g.document.body.dispatchEvent(new g.DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
    });
    expect(await page.locator('[data-testid=drop-overlay]').count()).toBe(0);
    expect(await page.locator('[data-testid=import-report]').count()).toBe(0);
    await page.locator('[data-testid=empty-state]').waitFor({ timeout: TIMEOUT });
    expect(problems).toEqual([]);
  });

  it('opens #article/N, #search?q= and #dossier/N from the address, and from a hash change while open', async () => {
    const { page, problems, host } = await openFreshLibrary(browser, hosts);
    const api = apiFor(host);
    const report = await api['library.importUploads']({
      files: [
        { name: 'hurriya-2021-07-26.txt', contentBase64: readFileSync(seedPath).toString('base64') },
        { name: 'reuters.txt', contentBase64: Buffer.from(ENGLISH).toString('base64') },
      ],
    });
    expect(report.imported).toHaveLength(2);
    const seedId = report.imported.find((a) => a.path.includes('hurriya'))!.id;
    const englishId = report.imported.find((a) => a.path.includes('reuters'))!.id;
    const title = page.locator('[data-testid=reader-title]');

    // A cold start on a link: the page reads the hash, opens the article, and clears the hash.
    await page.goto(`${host.origin}/#article/${seedId}`);
    await expect.poll(() => title.textContent(), { timeout: TIMEOUT }).toContain('الأميركي');
    expect(await page.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash)).toBe('');

    // While open: a hash change (what the shell's link event amounts to) opens the other one.
    await page.evaluate((id) => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = `article/${id}`;
    }, englishId);
    await expect.poll(() => title.textContent(), { timeout: TIMEOUT }).toContain('Biden');

    // A search link: the spelling الأمريكي finds the seed (which writes الأميركي).
    await page.evaluate(() => {
      (globalThis as unknown as { location: { hash: string } }).location.hash =
        `search?q=${encodeURIComponent('الأمريكي')}`;
    });
    await expect
      .poll(() => page.locator('[data-testid=search-input]').inputValue(), { timeout: TIMEOUT })
      .toBe('الأمريكي');
    await page.locator('[data-testid=article-row]', { hasText: 'الأميركي' }).first().waitFor({ timeout: TIMEOUT });
    expect(await page.locator('[data-testid=article-row]', { hasText: 'Biden' }).count()).toBe(0);

    // A dossier link opens the Dossiers view on that dossier, not on the list's first one.
    const dossier = await api['dossier.create']({ title: 'Iraq mission' });
    await api['dossier.addItems']({
      id: dossier.id,
      items: [
        { kind: 'article', id: englishId },
        { kind: 'article', id: seedId },
      ],
    });
    // Newer, so it heads the list: the link must select the one it names.
    await api['dossier.create']({ title: 'Another dossier' });
    await page.goto(`${host.origin}/#dossier/${dossier.id}`);
    await page.locator('[data-testid=dossiers-view]').waitFor({ timeout: TIMEOUT });
    await expect
      .poll(() => page.locator('[data-testid=dossier-entry][aria-current=true]').textContent(), { timeout: TIMEOUT })
      .toContain('Iraq mission');
    await page.locator('[data-testid=dossiers-close]').click();

    // A link to nothing, and one that is not a route: told, never a crash.
    await page.goto(`${host.origin}/#article/999999`);
    await page.locator('[data-testid=toast]', { hasText: 'article/999999' }).waitFor({ timeout: TIMEOUT });
    await page.goto(`${host.origin}/#article/1/../../etc`);
    await page.locator('[data-testid=toast]', { hasText: 'article/1/../../etc' }).waitFor({ timeout: TIMEOUT });
    await page.screenshot({ path: resultPath('e2e-link-not-found.png') });
    expect(problems).toEqual([]);
  });
});
