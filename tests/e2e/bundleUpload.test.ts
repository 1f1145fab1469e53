/**
 * A library bundle of a few MB uploaded from Settings in Chromium through
 * the web host, with the upload slowed down (DevTools network emulation)
 * so that the bar can be seen moving: cancelled part way, the library is
 * unchanged and the host keeps nothing; sent whole, the bar reaches 100 %,
 * the host checks the bundle and the page starts again on its articles;
 * cancelled after the last byte, the host stops its check before the swap,
 * or the page says the cancel came too late.
 * Screenshots in English and Arabic (test-results/upload-progress-*.png).
 * Needs `npm run build`.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { resultPath } from '../support/e2eBrowser';
import { createServices } from '../../main/core/services';
import { seedPath, sharedData, tempDir } from '../support/paths';
import { openFreshLibrary, suiteBrowser, TIMEOUT } from './workbenchHelpers';

/** Upload speed while the bar is watched: a few MB then take a few seconds. */
async function slowUploads(page: Page, bytesPerSecond: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
}

/**
 * The largest share of the bar seen filled, and whether the check was shown, as the page runs
 * (reported out of the page as it changes: the page starts again once the library is replaced).
 */
async function watchBar(page: Page): Promise<{ fraction: number; checking: boolean }> {
  const seen = { fraction: 0, checking: false };
  await page.exposeFunction('reportBar', (fraction: number, checking: boolean) => {
    seen.fraction = Math.max(seen.fraction, fraction);
    seen.checking ||= checking;
  });
  // Run in the page, which has the DOM this file's types do not.
  await page.evaluate(`(() => {
    const look = () => {
      const bar = document.querySelector('[data-testid=bundle-progress]');
      if (bar) reportBar(bar.max > 0 ? bar.value / bar.max : 0, !!document.querySelector('[data-testid=bundle-checking]'));
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true });
  })()`);
  return seen;
}

/** How much of a progress bar is filled, 0 to 1. */
const filled = (bar: Locator) =>
  bar.evaluate((el) => {
    const progress = el as unknown as { value: number; max: number };
    return progress.value / progress.max;
  });

const stagingLeft = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('.mizan-upload-'));

describe('a bundle uploaded from Settings, with its progress', () => {
  const suite = suiteBrowser();
  let bundlePath = '';

  beforeAll(async () => {
    // Another library: the seed and 600 articles of a day of SaudiNewsNet, a bundle of a few MB.
    const dir = tempDir('mizan-upload-progress-');
    bundlePath = join(dir, 'office-library.zip');
    const day = JSON.parse(
      gunzipSync(readFileSync(sharedData('saudinewsnet', '2015-07-23.json.gz'))).toString(),
    ) as unknown[];
    const articles = join(dir, 'saudinewsnet-2015-07-23.json');
    writeFileSync(articles, JSON.stringify(day.slice(0, 600)));
    const ctx = { progress: () => undefined, signal: new AbortController().signal };
    const other = await createServices({ dbPath: join(dir, 'office.db'), host: 'test' });
    try {
      await other.handlers['library.importFiles']({ paths: [seedPath, articles] }, ctx);
      await other.handlers['library.exportBundle']({ path: bundlePath }, ctx);
    } finally {
      await other.close();
    }
  }, 240_000);

  it('shows the bytes sent, cancels part way leaving the library as it was, then replaces it whole', async () => {
    const megabytes = statSync(bundlePath).size / 1e6;
    expect(megabytes).toBeGreaterThan(2);
    const { page, problems, dir } = await openFreshLibrary(suite.browser(), suite.hosts);
    expect(await page.locator('[data-testid=article-row]').count()).toBe(0);
    await page.locator('[data-testid=settings-button]').click();
    await page.locator('[data-testid=bundle-upload]').waitFor({ timeout: TIMEOUT });
    // About four seconds for the whole file.
    await slowUploads(page, Math.round((megabytes * 1e6) / 4));

    await page.setInputFiles('[data-testid=bundle-file]', bundlePath);
    await page.locator('[data-testid=bundle-upload-yes]').click();
    const bar = page.locator('[data-testid=bundle-progress]');
    await bar.waitFor({ timeout: TIMEOUT });
    // Part way: some bytes out, not all.
    await expect.poll(() => filled(bar)).toBeGreaterThan(0.1);
    const sent = await page.locator('[data-testid=bundle-sent]').textContent();
    expect(sent).toMatch(/^\u2068[\d.]+ (kB|MB)\u2069 of \u2068[\d.]+ MB\u2069 sent$/);
    await page.locator('.bundle-progress').scrollIntoViewIfNeeded();
    await page.screenshot({ path: resultPath('upload-progress-en.png') });
    await page.locator('[data-testid=bundle-upload-cancel]').click();
    const status = page.locator('[data-testid=backups-status]');
    await status.waitFor({ timeout: TIMEOUT });
    expect(await status.textContent()).toBe(
      'Upload of \u2068office-library.zip\u2069 cancelled: the library is unchanged.',
    );
    await page.screenshot({ path: resultPath('upload-cancelled-en.png') });
    // Nothing kept: no staging file, no backup made, no article.
    await expect.poll(() => stagingLeft(dir), { timeout: TIMEOUT }).toEqual([]);
    expect(await page.locator('[data-testid=backup-row]', { hasText: 'replaced by a restore' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-testid=article-row]').count()).toBe(0);

    // Now sent whole: the bar fills, the check is shown, the page starts again on the bundle's articles.
    await page.locator('[data-testid=settings-button]').click();
    const seen = await watchBar(page);
    await page.setInputFiles('[data-testid=bundle-file]', bundlePath);
    await Promise.all([
      page.waitForEvent('load', { timeout: 60_000 }),
      page.locator('[data-testid=bundle-upload-yes]').click(),
    ]).catch(async (error: unknown) => {
      await page.screenshot({ path: resultPath('upload-failed.png') });
      throw error;
    });
    expect(seen).toEqual({ fraction: 1, checking: true });
    await page.locator('[data-testid=article-row]', { hasText: 'الأميركي' }).first().waitFor({ timeout: TIMEOUT });
    expect(stagingLeft(dir)).toEqual([]);
    // The cancelled upload and, at the reload, the page's event stream are aborted on purpose.
    expect(problems.filter((p) => !/\/(api\/events|upload\/bundle) net::ERR_ABORTED/.test(p))).toEqual([]);
  }, 120_000);

  it('cancels after the last byte is out: the host stops its check, or the page says the cancel came too late', async () => {
    const { page, problems, dir } = await openFreshLibrary(suite.browser(), suite.hosts);
    await page.locator('[data-testid=settings-button]').click();
    await page.locator('[data-testid=bundle-upload]').waitFor({ timeout: TIMEOUT });
    // About two seconds for the whole file, so that the cancel is timed by the page's own signal: all bytes out.
    await slowUploads(page, Math.round(statSync(bundlePath).size / 2));
    await page.setInputFiles('[data-testid=bundle-file]', bundlePath);
    // Settles either way: a cancel before the swap never reloads the page.
    const reloaded = page
      .waitForEvent('load', { timeout: 60_000 })
      .then(() => 'reloaded' as const)
      .catch(() => new Promise<never>(() => undefined));
    await page.locator('[data-testid=bundle-upload-yes]').click();
    // The host's check of a small bundle can be over (and the page reloaded on the new library) before a cancel
    // can be clicked; then the replaced library must be the one that opens.
    const first = await Promise.race([
      page
        .locator('[data-testid=bundle-checking]')
        .waitFor({ timeout: TIMEOUT })
        .then(() => 'checking' as const),
      reloaded,
    ]);
    const followReload = async (when: string): Promise<void> => {
      await page.locator('[data-testid=article-row]', { hasText: 'الأميركي' }).first().waitFor({ timeout: TIMEOUT });
      console.log(`cancel after the last byte: the check was over ${when}`);
    };
    if (first === 'reloaded') return followReload('before the page showed it');
    // The check may also end, and the page reload, while the cancel is being clicked.
    const status = page.locator('[data-testid=backups-status]');
    const cancelled = await Promise.race([
      page
        .locator('[data-testid=bundle-upload-cancel]')
        .click({ timeout: TIMEOUT })
        .then(() => status.waitFor({ timeout: TIMEOUT }))
        .then(() => 'answered' as const),
      reloaded,
    ]);
    if (cancelled === 'reloaded') return followReload('before the cancel reached it');
    const said = await status.textContent();
    await page.screenshot({ path: resultPath('upload-cancel-after-last-byte-en.png') });
    await expect.poll(() => stagingLeft(dir), { timeout: TIMEOUT }).toEqual([]);
    const replacedRows = page.locator('[data-testid=backup-row]', { hasText: 'replaced by a restore' });
    if (said === 'Upload of \u2068office-library.zip\u2069 cancelled: the library is unchanged.') {
      // Stopped before the swap: no backup of a replaced library, still no article.
      expect(await replacedRows.count()).toBe(0);
      await page.keyboard.press('Escape');
      expect(await page.locator('[data-testid=article-row]').count()).toBe(0);
    } else {
      // The swap came first: the page says so and opens the new library when asked.
      expect(said).toBe(
        'Too late to cancel: \u2068office-library.zip\u2069 had already replaced the library. The previous library is kept in the backups.',
      );
      await Promise.all([
        page.waitForEvent('load', { timeout: 60_000 }),
        page.locator('[data-testid=bundle-reload]').click(),
      ]);
      await page.locator('[data-testid=article-row]', { hasText: 'الأميركي' }).first().waitFor({ timeout: TIMEOUT });
    }
    console.log(`cancel after the last byte: ${said}`);
    expect(problems.filter((p) => !/\/(api\/events|upload\/bundle) net::ERR_ABORTED/.test(p))).toEqual([]);
  }, 60_000);

  it('shows the bar in Arabic and cancels there too', async () => {
    const { page, problems, dir } = await openFreshLibrary(suite.browser(), suite.hosts);
    await page.locator('[data-testid=ui-lang-toggle]').click();
    await page.locator('[data-testid=settings-button]').click();
    await page.locator('[data-testid=bundle-upload]', { hasText: 'استبدال المكتبة' }).waitFor({ timeout: TIMEOUT });
    await slowUploads(page, Math.round(statSync(bundlePath).size / 4));
    await page.setInputFiles('[data-testid=bundle-file]', bundlePath);
    await page.locator('[data-testid=bundle-upload-yes]').click();
    const bar = page.locator('[data-testid=bundle-progress]');
    await bar.waitFor({ timeout: TIMEOUT });
    await expect.poll(() => filled(bar)).toBeGreaterThan(0.1);
    expect(await page.locator('[data-testid=bundle-sent]').textContent()).toMatch(/^أُرسل .+ من .+$/);
    await page.locator('.bundle-progress').scrollIntoViewIfNeeded();
    await page.screenshot({ path: resultPath('upload-progress-ar.png') });
    await page.locator('[data-testid=bundle-upload-cancel]').click();
    await page
      .locator('[data-testid=backups-status]', {
        hasText: 'أُلغي رفع \u2068office-library.zip\u2069: المكتبة لم تتغير.',
      })
      .waitFor({ timeout: TIMEOUT });
    await expect.poll(() => stagingLeft(dir), { timeout: TIMEOUT }).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-testid=article-row]').count()).toBe(0);
    // The cancelled upload's request is aborted on purpose.
    expect(problems.filter((p) => !/\/upload\/bundle net::ERR_ABORTED/.test(p))).toEqual([]);
  }, 60_000);
});
