/**
 * The comparison screen as a reader of one wire story meets it, in Chromium
 * against the real web host: the King's order appointing judges as four
 * outlets ran it (SaudiNewsNet, 21-22 July 2015). The aligned text takes the
 * window's height, the fact ledger is a tab beside it, spelling is never
 * marked, "Hide shared rows" hides the rows the outlets share, a moved phrase
 * is marked as moved, and one outlet's single sentence sits beside the two
 * sentences of the others. English and Arabic UI; screenshots in /tmp.
 * Needs `npm run build`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../preload/contract';
import { httpTransport } from '../support/httpTransport';
import { sharedData } from '../support/paths';
import { axeSerious, box, browserForSuite, importFiles, openFreshLibrary, TIMEOUT } from './workbenchHelpers';

const SHOTS = '/tmp/mizan-compare-shots';

const day = (d: string): unknown[] =>
  JSON.parse(gunzipSync(readFileSync(sharedData('saudinewsnet', `${d}.json.gz`))).toString('utf8')) as unknown[];

const kindsShown = (page: Page): Promise<Array<string | null>> =>
  page.locator('[data-testid=comparison-row]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));

describe('comparison screen: the text gets the room, shared rows can be hidden', () => {
  const suite = browserForSuite();

  it('compares four outlets of one wire story', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const { page, problems, dir, host } = await openFreshLibrary(suite.browser, suite.hosts, {
      width: 1400,
      height: 900,
      bypassCSP: true,
    });
    const d21 = day('2015-07-21');
    const d22 = day('2015-07-22');
    // الاقتصادية 21st (100 + 25 judges in one sentence), الاقتصادية 22nd, الوئام 21st, المدينة 22nd.
    const file = join(dir, 'judges.json');
    writeFileSync(file, JSON.stringify([d21[897], d22[241], d21[1975], d22[459]]));
    await importFiles(page, [file]);
    await page.locator('[data-testid=import-report] button[aria-label="Close"]').click();

    const transport = httpTransport(host.origin, host.token);
    try {
      const api = createClient(transport);
      const listed = await api['library.listArticles']({});
      expect(listed.total).toBe(4);
      // Ids follow the file's order.
      const ids = listed.items.map((a) => a.id).sort((a, b) => a - b);
      await api['compare.saveComparison']({ articleIds: ids, title: 'Judges, four outlets' });
    } finally {
      transport.close();
    }
    await page.keyboard.press('Control+k');
    await page.locator('[data-testid=palette-input]').fill('comparison saved');
    await page.keyboard.press('Enter');
    const reopen = page.locator('[data-testid=open-comparison-dialog]');
    await reopen.waitFor({ timeout: TIMEOUT });
    await reopen.locator('[data-testid=prompt-submit]').click();
    await page.locator('[data-testid=comparison-row]').first().waitFor({ timeout: 60_000 });

    // The rows get the window's height: no squeezed band under a ledger.
    const grid = await box(page, '[data-testid=comparison-grid]');
    expect(grid.height).toBeGreaterThan(900 * 0.7);
    expect(await page.locator('[data-testid=ledger]').isVisible()).toBe(false);
    // Column heads say what the columns hold.
    const heads = await page.locator('[data-testid=comparison-column]').allTextContents();
    expect(heads).toHaveLength(4);
    expect(heads[0]).toMatch(/الاقتصادية.*1 sentence · 0 only here/su);

    // Spelling (عز وجل / عزو جل, قاض / قاضٍ) is never marked; shared rows have no marks at all.
    const all = await kindsShown(page);
    expect(all).toContain('shared');
    expect(all).toContain('reworded');
    const marked = await page.locator('[data-testid=comparison-diff]').allTextContents();
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.filter((m) => /عزو? ?جل/u.test(m))).toEqual([]);
    expect(await page.locator('[data-kind=shared] [data-testid=comparison-diff]').count()).toBe(0);
    // The minister's title moved in front of his name: marked as moved, not as changed.
    const moved = await page.locator('[data-testid=comparison-move]').allTextContents();
    expect(moved.some((m) => m.includes('وزير العدل'))).toBe(true);
    // الاقتصادية's one sentence on 100 + 25 judges beside the two sentences of the others.
    const first = page.locator('[data-testid=comparison-row]').first();
    expect(await first.locator('[data-testid=comparison-parts]').allTextContents()).toEqual([
      '2 sentences',
      '2 sentences',
    ]);
    await page.screenshot({ path: join(SHOTS, 'compare-text-en.png') });
    expect(await axeSerious(page)).toEqual([]);

    // Hide shared rows: only reworded and unique rows remain, and the screen says how many are hidden.
    const shared = all.filter((k) => k === 'shared').length;
    await page.locator('[data-testid=comparison-hide-shared]').check();
    const left = await kindsShown(page);
    expect(left).toHaveLength(all.length - shared);
    expect(left).not.toContain('shared');
    expect(await page.locator('[data-testid=comparison-hidden-note]').textContent()).toBe(
      `${shared} shared ${shared === 1 ? 'row' : 'rows'} hidden`,
    );
    await page.screenshot({ path: join(SHOTS, 'compare-hidden-shared-en.png') });

    // Keyboard: the tabs are one stop; the arrow goes to the ledger, which then fills the screen.
    await page.locator('[data-testid=comparison-tab-text]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('[data-testid=comparison-tab-facts]').getAttribute('aria-selected')).toBe('true');
    await page.locator('[data-testid=ledger]').waitFor({ timeout: TIMEOUT });
    expect((await box(page, '[data-testid=ledger]')).height).toBeGreaterThan(900 * 0.7);
    expect(await page.locator('[data-testid=comparison-grid]').isVisible()).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'compare-facts-en.png') });
    expect(await axeSerious(page)).toEqual([]);
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator('[data-testid=comparison-grid]').isVisible()).toBe(true);

    // Arabic UI: the same screen mirrored, the first article rightmost, shared rows still hidden.
    await page.locator('[data-testid=ui-lang-toggle]').click();
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('[data-testid=comparison-tab-text]').textContent()).toBe('النصوص جنبًا إلى جنب');
    expect(await kindsShown(page)).toEqual(left);
    const col0 = await page.locator('[data-testid=comparison-column]').nth(0).boundingBox();
    const col1 = await page.locator('[data-testid=comparison-column]').nth(1).boundingBox();
    expect(col0!.x).toBeGreaterThan(col1!.x);
    await page.locator('[data-testid=comparison-hide-shared]').uncheck();
    await page.screenshot({ path: join(SHOTS, 'compare-text-ar.png') });
    expect(await axeSerious(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.screenshot({ path: join(SHOTS, 'compare-text-ar-dark.png') });
    expect(await axeSerious(page)).toEqual([]);

    expect(problems).toEqual([]);
  });
});
