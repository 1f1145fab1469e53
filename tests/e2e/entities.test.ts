/**
 * Names and charts as a researcher meets them, in Chromium against the real
 * web host: 120 SaudiNewsNet reports of two days imported through the file
 * input; the sidebar's Names list the most named places once the background
 * index has read them; a place opens its page with its timeline and outlets;
 * dragging across the library's timeline narrows the list to those dates;
 * the timeline is saved as an SVG file; names are marked in the reader on
 * demand. English and Arabic, light and dark, each looked at (screenshots in
 * test-results/) and checked with axe-core. Needs `npm run build`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { resultPath } from '../support/e2eBrowser';
import { sharedData } from '../support/paths';
import { axeSerious, browserForSuite, importFiles, openFreshLibrary, TIMEOUT } from './workbenchHelpers';

/** The list's length as its rows state it (the list is virtual: only the rows on screen exist). */
async function listTotal(page: Page): Promise<number> {
  return Number(await page.locator('[data-testid=article-row]').first().getAttribute('aria-setsize'));
}

function writeSample(dir: string): string {
  const sample: unknown[] = [];
  for (const day of ['2015-07-21', '2015-07-22']) {
    const records = JSON.parse(
      gunzipSync(readFileSync(sharedData('saudinewsnet', `${day}.json.gz`))).toString('utf8'),
    ) as unknown[];
    // Every 10th record: several outlets a day.
    sample.push(...records.filter((_, i) => i % 10 === 0).slice(0, 60));
  }
  const path = join(dir, 'saudinewsnet-sample.json');
  writeFileSync(path, JSON.stringify(sample));
  return path;
}

describe('names and charts', () => {
  const suite = browserForSuite();

  it('browses names to an entity page, brushes the timeline, exports it, marks names in the reader', async () => {
    const { page, problems, dir } = await openFreshLibrary(suite.browser, suite.hosts, {
      width: 1500,
      height: 950,
      bypassCSP: true,
    });
    await importFiles(page, [writeSample(dir)]);
    await page.locator('[data-testid=import-report] button[aria-label="Close"]').click();

    // The sidebar's places, once the background index has read the articles.
    await page.locator('[data-testid=entity-kind-place]').click();
    await page.locator('[data-testid=entity-indexing]').waitFor({ state: 'detached', timeout: 90_000 });
    const firstPlace = page.locator('[data-testid=entity-link]').first();
    await firstPlace.waitFor({ timeout: TIMEOUT });
    const placeName = (await firstPlace.locator('bdi').textContent())!;
    const placeCount = Number(await firstPlace.locator('.side-count').textContent());
    expect(placeCount).toBeGreaterThan(1);

    // Its page: the timeline and outlets drawn, its articles listed.
    await firstPlace.click();
    const entityPage = page.locator('[data-testid=entity-page]');
    await entityPage.waitFor({ timeout: TIMEOUT });
    expect(await entityPage.locator('h2').textContent()).toBe(placeName);
    await entityPage.locator('[data-testid=chart-timeline] svg > g rect').first().waitFor({ timeout: TIMEOUT });
    await entityPage.locator('[data-testid=chart-outlets] svg').waitFor({ timeout: TIMEOUT });
    expect(await page.locator('[data-testid=list-title]').textContent()).toBe(placeName);
    await expect.poll(() => listTotal(page)).toBe(placeCount);
    await page.screenshot({ path: resultPath('entities-page-en-light.png') });
    expect(await axeSerious(page)).toEqual([]);

    // The library's timeline: dragging across its first day lists only that day's articles.
    await page.locator('[data-testid=view-all]').click();
    await page.locator('[data-testid=charts-toggle]').click();
    const charts = page.locator('[data-testid=list-charts]');
    await page.locator('[data-testid=chart-unit]').selectOption('day');
    const overlay = charts.locator('[data-testid=chart-timeline] [data-brush=overlay]');
    await overlay.waitFor({ timeout: TIMEOUT });
    const all = Number((await page.locator('[data-testid=article-count]').textContent())!.replace(/\D/g, ''));
    expect(all).toBe(120);
    const b = (await overlay.boundingBox())!;
    // Across the first day's bar (a span of a few days is drawn among empty days either side).
    const bars = await charts
      .locator('[data-testid=chart-timeline] svg > g rect')
      .evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect()).map((r) => ({ x: r.x, width: r.width })));
    const firstX = Math.min(...bars.map((r) => r.x));
    const firstBar = bars.find((r) => r.x === firstX)!;
    await page.mouse.move(firstBar.x + 1, b.y + b.height / 2);
    await page.mouse.down();
    await page.mouse.move(firstBar.x + firstBar.width - 1, b.y + b.height / 2, { steps: 5 });
    await page.mouse.up();
    // The range is said in the reader's format, the month named.
    await expect.poll(() => charts.locator('[data-testid=chart-date-range]').textContent()).toContain('21 July 2015');
    await expect.poll(() => listTotal(page)).toBe(60);
    await page.screenshot({ path: resultPath('entities-brush-en-light.png') });

    // Saved as SVG: a file holding the chart with its patterns.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      charts.locator('[data-testid=chart-export-svg]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.svg$/);
    const saved = join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    const svg = readFileSync(saved, 'utf8');
    expect(svg).toMatch(/^<\?xml/);
    expect(svg).toContain('<svg');
    expect(svg).toContain('<pattern');
    expect(svg).not.toContain('data-brush');
    await charts.locator('[data-testid=chart-clear-dates]').click();
    await expect.poll(() => listTotal(page)).toBe(120);

    // Names marked in an article of the place, with the place among the article's names.
    await page.locator('[data-testid=entity-link]').first().click();
    await entityPage.waitFor({ timeout: TIMEOUT });
    await page.locator('[data-testid=article-row]').first().click();
    await page.locator('[data-testid=reader-body]').waitFor({ timeout: TIMEOUT });
    await page.locator('[data-testid=mark-names]').click();
    const names = page.locator('[data-testid=article-entities]');
    await expect.poll(() => names.textContent(), { timeout: TIMEOUT }).toContain(placeName);
    const marked = () =>
      page.evaluate(() =>
        (globalThis as unknown as { CSS: { highlights: Map<string, unknown> } }).CSS.highlights.has(
          'mizan-entity-place',
        ),
      );
    expect(await marked()).toBe(true);
    await page.screenshot({ path: resultPath('entities-reader-en-light.png') });

    // Arabic, dark: the page mirrored, the time axis running right to left.
    await page.locator('[data-testid=ui-lang-toggle]').click();
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('[data-testid=entity-link]').first().click();
    await entityPage.locator('[data-testid=chart-timeline] svg > g rect').first().waitFor({ timeout: TIMEOUT });
    await page.screenshot({ path: resultPath('entities-page-ar-dark.png') });
    expect(await axeSerious(page)).toEqual([]);
    await page.locator('[data-testid=view-all]').click();
    await page.locator('[data-testid=chart-timeline] svg').first().waitFor({ timeout: TIMEOUT });
    await page.screenshot({ path: resultPath('entities-charts-ar-dark.png') });
    expect(await axeSerious(page)).toEqual([]);

    // English dark, Arabic light.
    await page.locator('[data-testid=ui-lang-toggle]').click();
    await page.screenshot({ path: resultPath('entities-charts-en-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.locator('[data-testid=ui-lang-toggle]').click();
    await page.screenshot({ path: resultPath('entities-charts-ar-light.png') });
    expect(await axeSerious(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 240_000);
});
