/**
 * Search as a reader meets it in Chromium through the web host: the header
 * says how many articles match and how the query was read, a facet value
 * becomes a chip (kept, with the search, across a restart) and goes again,
 * results sort newest first, and an unclosed quote is read leniently with a
 * hint (never an error banner or a count of "—"). Photographed in both
 * languages and both themes (test-results/ui-search-<lang>-<theme>.png).
 * Needs `npm run build`.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { resultPath, watchPage } from '../support/e2eBrowser';
import { seedPath, sharedData } from '../support/paths';
import { axeSerious, openFreshLibrary, suiteBrowser, TIMEOUT } from './workbenchHelpers';

async function searchFor(page: Page, query: string): Promise<void> {
  const box = page.locator('[data-testid=search-input]');
  await box.fill(query);
  await box.press('Enter');
  await page.locator('[data-testid=search-header]').waitFor({ timeout: TIMEOUT });
}

async function count(page: Page): Promise<string> {
  const status = page.locator('[data-testid=search-count]');
  await expect.poll(async () => /\d/.test((await status.textContent()) ?? ''), { timeout: TIMEOUT }).toBe(true);
  return (await status.textContent()) ?? '';
}

describe('search header in the browser', () => {
  const suite = suiteBrowser();
  let library: { url: string } | null = null;

  it('counts, explains, refines by a facet chip, sorts and reads an unclosed quote leniently', async () => {
    const { page, problems, host } = await openFreshLibrary(suite.browser(), suite.hosts);
    library = host;
    // A day of SaudiNewsNet (a few thousand articles): longer than importFiles waits.
    await page.setInputFiles('[data-testid=import-input]', [
      seedPath,
      sharedData('saudinewsnet', '2015-07-21.json.gz'),
    ]);
    await page.locator('[data-testid=import-report]').waitFor({ timeout: 150_000 });
    await page.locator('[data-testid=import-progress]').waitFor({ state: 'detached', timeout: 150_000 });
    await searchFor(page, 'الأمريكي');
    const all = await count(page);
    expect(all).toMatch(/^\d+ articles match$/);
    const total = Number(all.split(' ')[0]);
    expect(total).toBeGreaterThan(2);
    await expect
      .poll(() => page.locator('[data-testid=search-understood]').textContent(), { timeout: TIMEOUT })
      .toContain('“الأمريكي” any spelling');

    // A facet value, from the keyboard: it becomes a chip and narrows the count.
    const year = page.locator('[data-facet-kind=year] [data-testid=facet-value]', { hasText: '2021' });
    expect(await year.textContent()).toBe('20211');
    expect(await page.locator('[data-facet-kind=year]').getAttribute('aria-labelledby')).toBeTruthy();
    await year.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => count(page), { timeout: TIMEOUT }).toBe('1 article matches');
    const chip = page.locator('[data-testid=search-chip]');
    expect(await chip.getAttribute('aria-label')).toBe('Remove filter Year: 2021');
    expect(await year.getAttribute('aria-pressed')).toBe('true');

    // Kept across a restart: a fresh browser profile (the web host's origin changes each run) finds the
    // search and its chip where they were left, from the copy kept with the library.
    await page.waitForTimeout(1000);
    const again = await suite.browser().newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-GB' });
    await again.goto(host.url);
    await expect
      .poll(() => again.locator('[data-testid=search-input]').inputValue(), { timeout: TIMEOUT })
      .toBe('الأمريكي');
    expect(await again.locator('[data-testid=search-chip]').getAttribute('aria-label')).toBe(
      'Remove filter Year: 2021',
    );
    await expect.poll(() => count(again), { timeout: TIMEOUT }).toBe('1 article matches');
    await again.context().close();

    await chip.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => chip.count(), { timeout: TIMEOUT }).toBe(0);
    await expect.poll(() => count(page), { timeout: TIMEOUT }).toBe(all);

    // Newest first: the seed (2021) leads; by relevance it need not.
    await page.locator('[data-testid=search-sort]').selectOption('newest');
    await expect.poll(() => page.locator('#article-row-0').textContent(), { timeout: TIMEOUT }).toContain('الأميركي');

    // An unclosed quote: read as a phrase to the end, with a hint, and nothing red.
    await searchFor(page, '"الرئيس الأمريكي');
    await expect
      .poll(() => page.locator('[data-testid=search-hint]').textContent(), { timeout: TIMEOUT })
      .toContain('The quote was not closed');
    expect(await count(page)).toMatch(/match/);
    expect(await page.locator('[data-testid=error-banner]').count()).toBe(0);
    expect(await page.locator('[data-testid=article-count]').textContent()).not.toBe('—');

    // Nothing found: what to try instead.
    await searchFor(page, '"الملك الأمريكي"');
    await page.locator('[data-testid=search-empty]').waitFor({ timeout: TIMEOUT });
    expect(await page.locator('[data-testid=search-empty]').textContent()).toContain('Drop the quotes');
    expect(problems).toEqual([]);
  }, 400_000);

  for (const [lang, locale] of [
    ['en', 'en-GB'],
    ['ar', 'ar-SY'],
  ] as const) {
    it(`is photographed with a chip and a hint, and has no serious accessibility violations (${lang})`, async () => {
      expect(library).not.toBeNull();
      const violations: string[] = [];
      for (const theme of ['light', 'dark'] as const) {
        const ctx = await suite
          .browser()
          .newContext({ viewport: { width: 1400, height: 900 }, locale, colorScheme: theme, bypassCSP: true });
        const page = await ctx.newPage();
        const { problems } = watchPage(page);
        await page.goto(library!.url);
        await page.locator('[data-testid=settings-button]').click();
        await page.locator('[data-testid=setting-uiLang]').selectOption('system');
        await page.locator('[data-testid=setting-theme]').selectOption('system');
        await page.keyboard.press('Escape');
        await searchFor(page, 'السعودية "وزير');
        await count(page);
        await page.locator('[data-facet-kind=source] [data-testid=facet-value]').first().click();
        await page.locator('[data-testid=search-chip]').waitFor({ timeout: TIMEOUT });
        await page.locator('[data-testid=search-date-from]').fill('1436-10-01 هـ');
        await page.locator('#article-row-0').waitFor({ timeout: TIMEOUT });
        await page.evaluate(
          () => (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready,
        );
        await page.screenshot({ path: resultPath(`ui-search-${lang}-${theme}.png`) });
        violations.push(...(await axeSerious(page)).map((v) => `[search ${lang}-${theme}] ${v}`));
        expect(problems, `${lang}-${theme}`).toEqual([]);
        await ctx.close();
      }
      expect(violations).toEqual([]);
    }, 180_000);
  }
});
