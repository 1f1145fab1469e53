/**
 * The fact ledger as a researcher reads it, in Chromium against the real web
 * host: the SaudiNewsNet articles on King Salman's order on 125 judges
 * (2015-07-22) are imported, their story compared, and the ledger's
 * conflict "125 in the headline against 100 + 25 in the text" opened to show
 * the sentences of both outlets. English and Arabic UI; screenshots in
 * test-results/ (and /tmp when MIZAN_SHOTS names a folder).
 * Needs `npm run build`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { resultPath } from '../support/e2eBrowser';
import { sharedData } from '../support/paths';
import { axeSerious, browserForSuite, importFiles, openFreshLibrary, TIMEOUT } from './workbenchHelpers';

interface SnnRecord {
  source: string;
  title: string;
  content: string;
}

/** Every twelfth record of the day (real term weights) and every article on the judges, written to `dir`. */
function writeDaySample(dir: string): string {
  const records = JSON.parse(
    gunzipSync(readFileSync(sharedData('saudinewsnet', '2015-07-22.json.gz'))).toString('utf8'),
  ) as SnnRecord[];
  const isJudges = (r: SnnRecord) => /قاض/.test(r.title) && /(125|100)/.test(r.title);
  const path = join(dir, 'saudinewsnet-2015-07-22-judges.json');
  writeFileSync(path, JSON.stringify(records.filter((r, i) => i % 12 === 0 || isJudges(r))));
  return path;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.locator('[data-testid=ledger]').screenshot({ path: resultPath(name) });
  if (process.env.MIZAN_SHOTS)
    await page.locator('[data-testid=ledger]').screenshot({ path: join(process.env.MIZAN_SHOTS, name) });
}

const headings = (page: Page, table: string) => page.locator(`[data-testid=${table}] thead th`).allTextContents();

describe('fact ledger', () => {
  const suite = browserForSuite();

  it('opens the total-against-parts conflict of the judges story onto both outlets’ sentences', async () => {
    const { page, problems, dir } = await openFreshLibrary(suite.browser, suite.hosts, {
      width: 1400,
      height: 1000,
      bypassCSP: true,
    });
    await importFiles(page, [writeDaySample(dir)]);
    await page.locator('[data-testid=import-report] button[aria-label="Close"]').click();
    await page.locator('[data-testid=view-stories]').click();
    await page.locator('[data-testid=stories-view]').waitFor({ timeout: TIMEOUT });
    await page.locator('[data-testid=stories-sort]').selectOption('outlets');
    const story = page.locator('[data-testid=story-item]', { hasText: '125' }).first();
    await story.waitFor({ timeout: 60_000 });
    await story.click();
    const panel = page.locator('[data-testid=story-panel]');
    await panel.waitFor({ timeout: TIMEOUT });
    await panel.locator('[data-testid=story-compare]').click();
    await page.locator('[data-testid=comparison-row]').first().waitFor({ timeout: 60_000 });

    // The ledger has its own tab beside the aligned text; the tab says how many disagreements it holds.
    expect(await page.locator('[data-testid=comparison-tab-facts]').textContent()).toBe('Facts · 1 conflict');
    await page.locator('[data-testid=comparison-tab-facts]').click();
    const ledger = page.locator('[data-testid=ledger]');
    await ledger.waitFor({ timeout: TIMEOUT });
    const conflict = ledger.locator('[data-testid=ledger-conflict][data-kind=sum]');
    expect(await conflict.count()).toBe(1);
    await conflict.scrollIntoViewIfNeeded();
    const summary = (await conflict.locator('summary').textContent()) ?? '';
    expect(summary).toContain('A total against its parts');
    expect(summary).toContain('125');
    expect(summary).toContain('100');
    // The sentences are one click away, not in the way.
    const sentences = conflict.locator('[data-testid=conflict-sentence]');
    expect(await sentences.first().isVisible()).toBe(false);
    await conflict.locator('summary').click();
    await sentences.first().waitFor({ state: 'visible', timeout: TIMEOUT });
    const texts = await sentences.allTextContents();
    expect(texts.length).toBeGreaterThanOrEqual(3);
    expect(texts.some((t) => /125 قاضي/.test(t))).toBe(true); // a headline
    expect(texts.some((t) => t.includes('أصدر خادم الحرمين') && /100 قاض/.test(t))).toBe(true); // the body
    expect(texts.some((t) => /25 قاضي/.test(t) && t.includes('ديوان المظالم'))).toBe(true);
    expect(await conflict.locator('mark').count()).toBe(texts.length);

    // Columns say what is in them: the fact, then one column per compared outlet; no ISO date strings anywhere.
    const outlets = (await page.locator('[data-testid=comparison-outlet]').allTextContents()).map((o) => o.trim());
    expect(outlets.length).toBeGreaterThanOrEqual(3);
    expect(await headings(page, 'ledger-numbers')).toEqual(['Number', 'What it counts', ...outlets, 'Conflict']);
    if ((await ledger.locator('[data-testid=ledger-dates]').count()) > 0)
      expect(await headings(page, 'ledger-dates')).toEqual(['Date', ...outlets, 'Conflict']);
    // One row per fact: the 100 judges are one row, whichever outlets write them and however they spell the noun.
    const numberRows = await ledger.locator('[data-testid=ledger-fact][data-kind=number]').evaluateAll((rows) =>
      rows.map((row) => ({
        value: row.querySelector('th')?.textContent ?? '',
        unit: row.querySelectorAll('td')[0]?.textContent ?? '',
        filled: [...row.querySelectorAll('[data-testid=ledger-cell]')].filter((c) => c.textContent !== '—').length,
      })),
    );
    const hundred = numberRows.filter((r) => r.value === '100' && r.unit.startsWith('قاض'));
    expect(hundred).toHaveLength(1);
    expect(hundred[0]!.filled).toBeGreaterThanOrEqual(2);
    const keys = numberRows.map((r) => `${r.value} ${r.unit}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect((await ledger.textContent()) ?? '').not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const people = await ledger.locator('[data-testid=ledger-entity][data-kind=person]').allTextContents();
    for (const phrase of ['سائلا المولى', 'خير الجزاء', 'لتحقيق تطلعات'])
      expect(people.join(' ')).not.toContain(phrase);
    expect(people.filter((p) => p.startsWith('سلمان'))).toHaveLength(1);
    await conflict.scrollIntoViewIfNeeded();
    await shot(page, 'ledger-conflict-en.png');
    expect(await axeSerious(page)).toEqual([]);

    // Arabic UI: the same conflict, open, in Arabic words.
    await page.locator('[data-testid=ui-lang-toggle]').click();
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(((await conflict.locator('summary').textContent()) ?? '').includes('مجموع مقابل أجزائه')).toBe(true);
    expect(await sentences.first().isVisible()).toBe(true);
    expect(await headings(page, 'ledger-numbers')).toEqual(['الرقم', 'المعدود', ...outlets, 'تعارض']);
    expect((await ledger.textContent()) ?? '').not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await conflict.scrollIntoViewIfNeeded();
    await shot(page, 'ledger-conflict-ar.png');
    expect(await axeSerious(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
