/**
 * Opening the page: the list's first page is asked once, by the page's small
 * entry script before the app has loaded, for the view and sort the person
 * left, and the rows are those the app would have asked for itself.
 * Needs `npm run build`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../support/paths';
import { importFiles, openFreshLibrary, suiteBrowser, TIMEOUT } from './workbenchHelpers';

/** The page's `library.listArticles` calls from now on. */
function listCalls(page: Page): unknown[] {
  const calls: unknown[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/library.listArticles') calls.push(request.postDataJSON());
  });
  return calls;
}

async function firstTitle(page: Page): Promise<string> {
  const row = page.locator('[data-testid=article-row] .row-title').first();
  await row.waitFor({ timeout: TIMEOUT });
  return (await row.textContent()) ?? '';
}

describe('opening the page: the first rows', () => {
  const suite = suiteBrowser();

  it('asks for the first page once, in the sort left, and shows the same first row as before the reload', async () => {
    const { page, problems, dir } = await openFreshLibrary(suite.browser(), suite.hosts);
    const records = JSON.parse(
      gunzipSync(readFileSync(sharedData('saudinewsnet', '2015-07-22.json.gz'))).toString('utf8'),
    ) as unknown[];
    const file = join(dir, 'saudinewsnet-2015-07-22-first-40.json');
    writeFileSync(file, JSON.stringify(records.slice(0, 40)));
    await importFiles(page, [file]);

    for (const [sort, order] of [
      ['publishedAt', 'desc'],
      ['title', 'asc'],
    ] as const) {
      await page.locator('[data-testid=sort-select]').selectOption(sort);
      if ((await page.locator('[data-testid=order-toggle]').textContent()) !== (order === 'desc' ? '↓' : '↑'))
        await page.locator('[data-testid=order-toggle]').click();
      await expect.poll(() => page.locator('[data-testid=article-row]').count()).toBeGreaterThan(10);
      const before = await firstTitle(page);

      const calls = listCalls(page);
      await page.reload();
      expect(await firstTitle(page)).toBe(before);
      await page.waitForTimeout(500);
      expect(calls).toEqual([{ input: { offset: 0, limit: 100, sort, order, filter: {} }, jobId: null }]);
    }
    // A reload aborts the open event stream: not a problem of the page.
    expect(problems.filter((p) => !p.includes('net::ERR_ABORTED'))).toEqual([]);
  });
});
