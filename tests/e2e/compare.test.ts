/**
 * Source comparison as a researcher meets it, in Chromium against the real
 * web host: real SaudiNewsNet articles of one day are imported through the
 * file input, the import places them into stories in the background, the
 * Stories view lists the multi-outlet story of King Salman's order
 * appointing 125 judges (eight outlets, 2015-07-22), its comparison marks
 * every row and shows the word differences and the ledger's numbers, it is
 * added to a dossier, and the reader's "other coverage" opens a comparison
 * of two outlets. English and Arabic UI, screenshots in test-results/.
 * Needs `npm run build`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../preload/contract';
import { resultPath } from '../support/e2eBrowser';
import { httpTransport } from '../support/httpTransport';
import { sharedData } from '../support/paths';
import { axeSerious, browserForSuite, importFiles, openFreshLibrary, TIMEOUT } from './workbenchHelpers';

interface SnnRecord {
  source: string;
  title: string;
  content: string;
}

/**
 * A sample of 2015-07-22 written to `dir` (never into the repository): every
 * sixth record, so stories have unrelated same-day articles around them and
 * term weights are those of a real day, plus every article on the judges.
 */
function writeDaySample(dir: string): { path: string; judges: SnnRecord[] } {
  const records = JSON.parse(
    gunzipSync(readFileSync(sharedData('saudinewsnet', '2015-07-22.json.gz'))).toString('utf8'),
  ) as SnnRecord[];
  const isJudges = (r: SnnRecord) => /قاض/.test(r.title) && /(125|100)/.test(r.title);
  const sample = records.filter((r, i) => i % 6 === 0 || isJudges(r));
  const path = join(dir, 'saudinewsnet-2015-07-22-sample.json');
  writeFileSync(path, JSON.stringify(sample));
  return { path, judges: records.filter(isJudges) };
}

const KINDS_EN = ['Shared', 'Reworded', 'Unique'];
const KINDS_AR = ['مشتركة', 'معادة الصياغة', 'منفردة'];

async function rowKinds(page: Page): Promise<{ kind: string | null; label: string }[]> {
  const rows = page.locator('[data-testid=comparison-row]');
  const n = await rows.count();
  const out: { kind: string | null; label: string }[] = [];
  for (let i = 0; i < n; i++)
    out.push({
      kind: await rows.nth(i).getAttribute('data-kind'),
      label: (await rows.nth(i).locator('[data-testid=row-kind]').textContent()) ?? '',
    });
  return out;
}

describe('compare views: stories, comparison, ledger, dossier', () => {
  const suite = browserForSuite();

  it('finds the multi-outlet story after an import, compares it, and adds the comparison to a dossier', async () => {
    const { page, problems, dir, host } = await openFreshLibrary(suite.browser, suite.hosts, {
      width: 1500,
      height: 950,
      bypassCSP: true,
    });
    const { path, judges } = writeDaySample(dir);
    const outlets = new Set(judges.map((r) => r.source));
    expect(judges.length).toBe(8);
    expect(outlets.size).toBe(8);

    await importFiles(page, [path]);
    await page.locator('[data-testid=import-report] button[aria-label="Close"]').click();

    // The import itself started the clustering job: the Stories view needs no button press.
    await page.locator('[data-testid=view-stories]').click();
    await page.locator('[data-testid=stories-view]').waitFor({ timeout: TIMEOUT });
    await page.locator('[data-testid=stories-sort]').selectOption('outlets');
    const story = page.locator('[data-testid=story-item]', { hasText: '125' }).first();
    await story.waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid=stories-unclustered]').count()).toBe(0);
    expect(Number(await story.getAttribute('data-outlets'))).toBe(8);
    expect(Number(await story.getAttribute('data-size'))).toBe(8);
    const shownOutlets = (await story.locator('[data-testid=story-outlets]').textContent()) ?? '';
    for (const name of ['الرياض', 'اليوم', 'صحيفة الجزيرة', 'عكاظ']) expect(shownOutlets).toContain(name);
    // Sorted by outlets: no story before it has more.
    const counts = await page
      .locator('[data-testid=story-item]')
      .evaluateAll((els) => els.map((e) => Number((e as unknown as { dataset: { outlets: string } }).dataset.outlets)));
    expect(counts[0]).toBeGreaterThanOrEqual(8);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);

    await story.click();
    const panel = page.locator('[data-testid=story-panel]');
    await panel.waitFor({ timeout: TIMEOUT });
    expect(await panel.locator('[data-testid=story-article]').count()).toBe(8);
    await page.screenshot({ path: resultPath('compare-stories-en.png') });
    expect(await axeSerious(page)).toEqual([]);

    // The panel starts with four articles (one per outlet); add الرياض's, the one that splits the 125 into 100 + 25.
    expect(await panel.locator('[data-testid=story-article-pick]:checked').count()).toBe(4);
    const riyadh = panel
      .locator('[data-testid=story-article]', { hasText: 'الرياض' })
      .locator('[data-testid=story-article-pick]');
    expect(await riyadh.isChecked()).toBe(false);
    await riyadh.check();
    await panel.locator('[data-testid=story-compare]').click();
    await page.locator('[data-testid=comparison-row]').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid=comparison-column]').count()).toBe(5);
    const columnOutlets = await page.locator('[data-testid=comparison-outlet]').allTextContents();
    expect(columnOutlets).toContain('الرياض');
    for (const dirAttr of await page
      .locator('[data-testid=comparison-column]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('dir'))))
      expect(dirAttr).toBe('rtl');

    // Every row is marked in words, not colour alone, and its coverage map names the outlets.
    const kinds = await rowKinds(page);
    expect(kinds.length).toBeGreaterThan(3);
    for (const k of kinds) {
      expect(['shared', 'reworded', 'unique']).toContain(k.kind);
      expect(k.label).toBe(KINDS_EN[['shared', 'reworded', 'unique'].indexOf(k.kind!)]);
    }
    expect(kinds.some((k) => k.kind === 'shared')).toBe(true);
    expect(kinds.some((k) => k.kind === 'reworded')).toBe(true);
    const coverage = await page
      .locator('[data-testid=comparison-row]')
      .first()
      .locator('[data-testid=row-coverage]')
      .getAttribute('aria-label');
    expect(coverage).toMatch(/^Carried by /);
    // Word differences are drawn on the articles' own words inside reworded rows only.
    const diffs = page.locator('[data-testid=comparison-row][data-kind=reworded] [data-testid=comparison-diff]');
    expect(await diffs.count()).toBeGreaterThan(0);
    expect(
      await page.locator('[data-testid=comparison-row][data-kind=shared] [data-testid=comparison-diff]').count(),
    ).toBe(0);
    expect(((await diffs.first().textContent()) ?? '').trim().length).toBeGreaterThan(0);

    // The ledger (a tab beside the text) lists the numbers of the order, with their unit and outlet:
    // الرياض's 100 judges at the ministry.
    await page.locator('[data-testid=comparison-tab-facts]').click();
    const numbers = await page.locator('[data-testid=ledger-fact][data-kind=number]').evaluateAll((rows) =>
      rows.map((row) => ({
        text: row.textContent ?? '',
        riyadh: row.querySelector('[data-testid=ledger-cell][data-outlet="الرياض"]')?.textContent ?? '',
      })),
    );
    expect(numbers.some((n) => n.text.includes('100') && n.text.includes('قاض') && /100 قاض/.test(n.riyadh))).toBe(
      true,
    );
    expect(numbers.some((n) => n.text.includes('25') && n.text.includes('قاض'))).toBe(true);
    await page.locator('[data-testid=comparison-tab-text]').click();

    // Keyboard: the rows are one tab stop; arrows move between them.
    await page.locator('[data-testid=comparison-row]').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(
      await page.evaluate(() =>
        (
          globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } } }
        ).document.activeElement.getAttribute('data-row'),
      ),
    ).toBe(await page.locator('[data-testid=comparison-row]').nth(2).getAttribute('data-row'));
    await page.screenshot({ path: resultPath('compare-view-en.png') });
    expect(await axeSerious(page)).toEqual([]);

    // Add the comparison to a new dossier, then read it back through the contract.
    await page.locator('[data-testid=comparison-dossier]').click();
    const dialog = page.locator('[data-testid=dossier-dialog]');
    await dialog.waitFor({ timeout: TIMEOUT });
    await dialog.locator('[data-testid=prompt-input]').fill('Judges, 22 July 2015');
    await dialog.locator('[data-testid=prompt-submit]').click();
    await dialog.waitFor({ state: 'detached', timeout: TIMEOUT });
    const transport = httpTransport(host.origin, host.token);
    try {
      const api = createClient(transport);
      const dossiers = await api['dossier.list']({});
      const dossier = dossiers.find((d) => d.title === 'Judges, 22 July 2015');
      expect(dossier).toBeDefined();
      const full = await api['dossier.get']({ id: dossier!.id });
      expect(full.items.map((i) => i.kind)).toEqual(['comparison']);
      const saved = await api['compare.getComparison']({ id: full.items[0]!.refId });
      expect(saved.articleIds).toHaveLength(5);
      for (const name of columnOutlets) expect(saved.title).toContain(name);
    } finally {
      transport.close();
    }

    // Arabic UI: the columns run right to left, the labels are Arabic.
    await page.locator('[data-testid=ui-lang-toggle]').click();
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    const arKinds = await rowKinds(page);
    for (const k of arKinds) expect(k.label).toBe(KINDS_AR[['shared', 'reworded', 'unique'].indexOf(k.kind!)]);
    const first = await page.locator('[data-testid=comparison-column]').nth(0).boundingBox();
    const second = await page.locator('[data-testid=comparison-column]').nth(1).boundingBox();
    expect(first!.x).toBeGreaterThan(second!.x);
    await page.screenshot({ path: resultPath('compare-view-ar.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: resultPath('compare-view-ar-dark.png') });
    expect(await axeSerious(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });

    // From the reader: open one of the story's articles, its other coverage, one click to compare two outlets.
    await page.locator('[data-testid=comparison-column] button').first().click();
    const coverage2 = page.locator('[data-testid=other-coverage]');
    await coverage2.waitFor({ timeout: TIMEOUT });
    expect(await coverage2.locator('[data-testid=other-coverage-item]').count()).toBe(7);
    await page.screenshot({ path: resultPath('compare-other-coverage-ar.png') });
    await coverage2.locator('[data-testid=other-coverage-compare]').first().click();
    await page.locator('[data-testid=comparison-row]').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid=comparison-column]').count()).toBe(2);
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=comparison-view]').waitFor({ state: 'detached', timeout: TIMEOUT });

    // The saved comparison opens again from the palette, recomputed: its five columns are back.
    await page.keyboard.press('Control+k');
    await page.locator('[data-testid=palette-input]').fill('comparison saved');
    await page.keyboard.press('Enter');
    const reopen = page.locator('[data-testid=open-comparison-dialog]');
    await reopen.waitFor({ timeout: TIMEOUT });
    expect(await reopen.locator('[data-testid=prompt-input]').inputValue()).toMatch(/^Comparison: /);
    await reopen.locator('[data-testid=prompt-submit]').click();
    await page.locator('[data-testid=comparison-row]').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid=comparison-outlet]').allTextContents()).toEqual(columnOutlets);

    expect(problems).toEqual([]);
  });
});
