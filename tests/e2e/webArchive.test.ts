/**
 * A web archive imported in Chromium through the web host: the reader shows
 * where the page came from, when it was captured and, when a later revisit
 * found it unchanged, that date too. Screenshots in both languages
 * (test-results/warc-capture-*.png). Needs `npm run build`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageRecords, revisitRecord, type WarcPage } from '../../bench/warcMaker';
import { resultPath } from '../support/e2eBrowser';
import { tempDir } from '../support/paths';
import { importFiles, openFreshLibrary, openRow, suiteBrowser, TIMEOUT } from './workbenchHelpers';

describe('web archive provenance in the reader', () => {
  const suite = suiteBrowser();

  it('shows the capture date and the later date a revisit found the page unchanged', async () => {
    const page0: WarcPage = {
      url: 'https://news.example.sa/article/1',
      title: 'وزارة المياه تعلن خطة جديدة لترشيد الاستهلاك',
      body: 'أعلنت وزارة المياه اليوم خطة جديدة لترشيد استهلاك المياه في المدن الكبرى. '.repeat(20),
      lang: 'ar',
      date: '2015-07-22T08:00:00Z',
    };
    const path = join(tempDir(), 'recrawl.warc');
    writeFileSync(
      path,
      Buffer.concat([...(await pageRecords(page0)), await revisitRecord(page0, '2015-07-29T08:00:00Z')]),
    );
    const { page, problems } = await openFreshLibrary(suite.browser(), suite.hosts);
    await importFiles(page, [path]);
    await openRow(page, 'وزارة المياه');
    const capture = page.locator('[data-testid=archive-capture]');
    await capture.waitFor({ timeout: TIMEOUT });
    expect(await capture.textContent()).toMatch(/captured .*2015.* · unchanged on .*2015/);
    expect(await capture.textContent()).toMatch(/7\/22\/2015|22 Jul|Jul(y)? 22/);
    expect(await capture.textContent()).toMatch(/7\/29\/2015|29 Jul|Jul(y)? 29/);
    await page.screenshot({ path: resultPath('warc-capture-en.png') });
    await page.locator('[data-testid=ui-lang-toggle]').click();
    await page.locator('[data-testid=archive-capture]', { hasText: 'ولم يتغيّر في' }).waitFor({ timeout: TIMEOUT });
    await page.screenshot({ path: resultPath('warc-capture-ar.png') });
    expect(problems).toEqual([]);
  });
});
