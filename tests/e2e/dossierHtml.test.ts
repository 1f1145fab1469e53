/**
 * The offline HTML dossier as a reader opens it: a file in Chromium with
 * every network request refused (and none attempted), directions per item
 * and paragraph, Amiri drawn from the embedded faces, and the search box
 * finding الأمريكي in the seed, which spells it الأميركي.
 */
import { execFileSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../main/core/services';
import { computedDirections, launchChromium, renderedFonts, resultPath, watchPage } from '../support/e2eBrowser';
import { seedPath, sharedData, tempDir } from '../support/paths';

describe('offline HTML dossier in Chromium', () => {
  let browser: Browser;
  let services: Services;
  let file: string;
  let seedTitle: string;

  beforeAll(async () => {
    const dir = tempDir('mizan-dossier-html-');
    services = await createServices({ dbPath: join(dir, 'library.db'), host: 'test' });
    const bbc = join(dir, 'bbc-business-001.txt');
    writeFileSync(bbc, execFileSync('tar', ['-xzOf', sharedData('bbc-fulltext.tar.gz'), 'bbc/business/001.txt']));
    const ctx = { progress: () => undefined, signal: new AbortController().signal };
    const report = await services.handlers['library.importFiles']({ paths: [seedPath, bbc] }, ctx);
    expect(report.imported).toHaveLength(2);
    seedTitle = report.imported[0]!.title;
    file = resultPath('dossier-e2e.html');
    const result = await services.handlers['dossier.exportHtml'](
      { articleIds: report.imported.map((a) => a.id), title: 'ملف: العراق', path: file },
      ctx,
    );
    expect(result.bytes).toBe(statSync(file).size);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await services?.close();
  });

  it('loads with no network, right to left and left to right, in Amiri, and its search finds الأمريكي', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const { problems } = watchPage(page);
    const attempted: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      attempted.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('html[data-search-ready=true]', { timeout: 20_000 });

    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await computedDirections(page, 'article')).toEqual(['rtl', 'ltr']);
    const paragraphs = await computedDirections(page, 'article p[data-field=body]');
    expect(paragraphs).toContain('rtl');
    expect(paragraphs).toContain('ltr');
    const fonts = await renderedFonts(page, 'article p[data-field=body]');
    expect(fonts.map((f) => f.familyName)).toEqual(['Amiri']);
    expect(await page.locator('nav.toc li').count()).toBe(2);
    expect(await page.locator('.citation').count()).toBe(2);

    // The seed writes الأميركي and الأمريكية; the analyzer in the page folds both.
    await page.fill('#mizan-q', 'الأمريكي');
    await page.press('#mizan-q', 'Enter');
    const results = page.locator('#mizan-results li');
    await results.first().waitFor({ timeout: 10_000 });
    expect(await results.count()).toBe(1);
    // The count in the dossier's language and its plural form: one result, not "1 results".
    expect(await page.locator('#mizan-status').textContent()).toBe('نتيجة واحدة');
    expect(await results.first().locator('strong').textContent()).toBe(seedTitle);
    expect(await results.first().locator('mark').first().textContent()).toMatch(/^(ال)?أم[يﻳ]?[رك]/u);
    await page.screenshot({ path: resultPath('dossier-e2e-search.png'), fullPage: false });

    // English goes through the English pipeline (stemmed), and syntax errors do not break the box.
    await page.fill('#mizan-q', 'profits');
    await page.press('#mizan-q', 'Enter');
    await expect
      .poll(async () => page.locator('#mizan-results li strong').allTextContents())
      .toEqual(['Ad sales boost Time Warner profit']);
    await page.fill('#mizan-q', 'title:');
    await page.press('#mizan-q', 'Enter');
    await expect.poll(async () => page.locator('#mizan-status').textContent()).not.toBe('');

    // Clicking a result goes to the item.
    await page.fill('#mizan-q', 'الكاظمي');
    await page.press('#mizan-q', 'Enter');
    await page.locator('#mizan-results li a').first().click();
    expect(new URL(page.url()).hash).toBe('#item-1');
    await page.screenshot({ path: resultPath('dossier-e2e-item.png'), fullPage: false });

    expect(attempted).toEqual([]);
    expect(problems).toEqual([]);
  });
});
