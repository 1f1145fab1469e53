/**
 * The library as a person uses it: the real web host (`node
 * dist/main/web/main.js`), Debian's Chromium, a file picked in the import
 * dialog, the list, the reader. Needs `npm run build`.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  computedDirections,
  fontFacts,
  launchChromium,
  renderedFonts,
  resultPath,
  watchPage,
} from '../support/e2eBrowser';
import { repoRoot, tempDir } from '../support/paths';
import { startWebHost, type StartedWebHost } from '../support/webHost';

const SEED = resolve(repoRoot, '../shared/data/seed/hurriya-2021-07-26.txt');
const ARABIC = /\p{Script=Arabic}/u;
const TIMEOUT = 20_000;

describe('library in the browser, against the real web host', () => {
  let browser: Browser;
  const hosts: StartedWebHost[] = [];

  /** A fresh library behind its own host, opened at the printed URL. */
  async function openFreshLibrary(): Promise<{ page: Page; problems: string[]; dir: string }> {
    const dir = tempDir('mizan-e2e-');
    const host = await startWebHost({ libraryPath: join(dir, 'library.db') });
    hosts.push(host);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-GB' });
    const { problems } = watchPage(page);
    await page.goto(host.url);
    // The host trades the token in the URL for a cookie and drops it from the address bar.
    expect(new URL(page.url()).searchParams.has('token')).toBe(false);
    return { page, problems, dir };
  }

  async function importFiles(page: Page, files: string[]): Promise<void> {
    await page
      .locator('[data-testid=import-report]')
      .waitFor({ state: 'detached', timeout: 1 })
      .catch(() => undefined);
    await page.setInputFiles('[data-testid=import-input]', files);
    await page.locator('[data-testid=import-report]').waitFor({ timeout: TIMEOUT });
    await page.locator('[data-testid=import-progress]').waitFor({ state: 'detached', timeout: TIMEOUT });
  }

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all(hosts.map((host) => host.stop()));
  });

  it('imports the seed, lists it, and reads it right to left in Amiri', async () => {
    const { page, problems } = await openFreshLibrary();

    await page.locator('[data-testid=empty-state]').waitFor({ timeout: TIMEOUT });
    expect(await page.locator('[data-testid=article-count]').textContent()).toBe('0 articles');

    await importFiles(page, [SEED]);
    const report = page.locator('[data-testid=import-report]');
    expect(await report.locator('[data-testid=import-imported-count]').textContent()).toMatch(/^1\b/);
    expect(await report.locator('[data-testid=import-error]').count()).toBe(0);
    expect(await report.locator('[data-testid=import-imported]').textContent()).toContain('hurriya-2021-07-26.txt');

    const rows = page.locator('[data-testid=article-row]');
    const seedRow = page.locator('[data-testid=article-row]', { hasText: 'حرية' });
    await seedRow.waitFor({ timeout: TIMEOUT });
    expect(await rows.count()).toBe(1);
    expect(await seedRow.count()).toBe(1);
    expect(await seedRow.getAttribute('dir')).toBe('rtl');
    expect(await seedRow.locator('time').getAttribute('datetime')).toBe('2021-07-26');
    expect(await page.locator('[data-testid=article-count]').textContent()).toBe('1 article');

    // Keyboard: the arrow selects, Enter opens.
    await page.locator('[data-testid=article-list]').focus();
    await page.keyboard.press('ArrowDown');
    expect(await seedRow.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    const reader = page.locator('[data-testid=reader]');
    await reader.waitFor({ timeout: TIMEOUT });

    // And the mouse opens it too.
    await seedRow.click();
    await reader.waitFor({ timeout: TIMEOUT });

    expect(await reader.getAttribute('dir')).toBe('rtl');
    expect(await reader.getAttribute('lang')).toBe('ar');
    const title = (await page.locator('[data-testid=reader-title]').textContent()) ?? '';
    expect(title).toMatch(ARABIC);
    expect(title.trim().length).toBeGreaterThan(5);
    expect(await computedDirections(page, '[data-testid=reader-title]')).toEqual(['rtl']);

    const directions = await computedDirections(page, '[data-testid=reader-body] p');
    expect(directions.length).toBeGreaterThanOrEqual(10);
    expect(new Set(directions)).toEqual(new Set(['rtl']));
    const paragraphDirs = await page
      .locator('[data-testid=reader-body] p')
      .evaluateAll((ps) => ps.map((p) => p.getAttribute('dir')));
    expect(new Set(paragraphDirs)).toEqual(new Set(['rtl']));

    const date = page.locator('[data-testid=reader-date]');
    expect(await date.locator('time').getAttribute('datetime')).toBe('2021-07-26');
    expect(await date.textContent()).toContain('(26/7/2021)');

    // Amiri from @fontsource, loaded by the page itself and really drawn.
    const { amiriCheck, faces } = await fontFacts(page);
    expect(amiriCheck).toBe(true);
    expect(faces.some((f) => f.family === 'Amiri' && f.status === 'loaded' && /U\+600-6FF/i.test(f.unicodeRange))).toBe(
      true,
    );
    for (const selector of ['[data-testid=reader-body] p', '[data-testid=reader-title]']) {
      const fonts = await renderedFonts(page, selector);
      const drawn = fonts.filter((f) => f.glyphCount > 0);
      expect(drawn.length, `${selector} drew with ${JSON.stringify(fonts)}`).toBeGreaterThan(0);
      expect(drawn[0]?.familyName, `${selector} drew with ${JSON.stringify(fonts)}`).toBe('Amiri');
    }

    await page.screenshot({ path: resultPath('e2e-reader-seed.png'), fullPage: true });

    // The chrome in Arabic mirrors as a whole; the article keeps its own direction.
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.locator('[data-testid=article-count]', { hasText: 'مقال واحد' }).waitFor({ timeout: TIMEOUT });
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await computedDirections(page, '.toolbar')).toEqual(['rtl']);
    expect(await reader.getAttribute('dir')).toBe('rtl');
    await page.screenshot({ path: resultPath('e2e-reader-seed-arabic-ui.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('reports bad files beside good ones, and a duplicate as a duplicate', async () => {
    const { page, problems, dir } = await openFreshLibrary();
    const copy = join(dir, 'seed-copy.txt');
    const empty = join(dir, 'empty.txt');
    const png = join(dir, 'picture.png');
    copyFileSync(SEED, copy);
    writeFileSync(empty, '');
    const pngBytes = Buffer.alloc(2048);
    Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').copy(pngBytes);
    for (let i = 16; i < pngBytes.length; i += 1) pngBytes[i] = (i * 37) & 0xff;
    writeFileSync(png, pngBytes);

    await importFiles(page, [copy, empty, png]);
    const report = page.locator('[data-testid=import-report]');
    expect(await report.locator('[data-testid=import-imported-count]').textContent()).toMatch(/^1\b/);
    const errors = report.locator('[data-testid=import-error]');
    expect(await errors.count()).toBe(2);
    const emptyError = errors.filter({ hasText: 'empty.txt' });
    expect(await emptyError.getAttribute('data-code')).toBe('IMPORT_EMPTY');
    const pngError = errors.filter({ hasText: 'picture.png' });
    expect(await pngError.getAttribute('data-code')).toMatch(/^IMPORT_(BINARY|UNSUPPORTED_FORMAT)$/);
    for (const text of await errors.allTextContents()) expect(text).toMatch(/IMPORT_[A-Z_]+/);

    await page.screenshot({ path: resultPath('e2e-import-errors.png'), fullPage: true });

    // The good file made it; the page goes on working.
    const seedRow = page.locator('[data-testid=article-row]', { hasText: 'حرية' });
    await seedRow.waitFor({ timeout: TIMEOUT });
    expect(await page.locator('[data-testid=article-row]').count()).toBe(1);
    await seedRow.click();
    await page.locator('[data-testid=reader]').waitFor({ timeout: TIMEOUT });
    expect(await page.locator('[data-testid=reader]').getAttribute('dir')).toBe('rtl');

    // The original seed again: the same text, reported as a duplicate of the stored article.
    await importFiles(page, [SEED]);
    expect(await report.locator('[data-testid=import-imported-count]').textContent()).toMatch(/^0\b/);
    const duplicate = report.locator('[data-testid=import-duplicate]');
    expect(await duplicate.count()).toBe(1);
    expect(await duplicate.textContent()).toContain('hurriya-2021-07-26.txt');
    expect(await duplicate.textContent()).toMatch(ARABIC);
    expect(await page.locator('[data-testid=article-row]').count()).toBe(1);
    expect(await page.locator('[data-testid=error-banner]').count()).toBe(0);

    await page.screenshot({ path: resultPath('e2e-import-duplicate.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});
