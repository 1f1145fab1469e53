/**
 * Saved searches and bulk actions in Chromium against the real web host:
 * save a search, see it in the sidebar with its count, watch the count follow
 * an import; select rows with Ctrl/Shift+click, Ctrl+A and Escape; tag and
 * delete many at once, each undone in one step. Arabic and English, light
 * and dark, with axe-core on the list with its bulk bar. Needs `npm run build`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultPath } from '../support/e2eBrowser';
import { axeSerious, importFiles, openFreshLibrary, suiteBrowser, TIMEOUT } from './workbenchHelpers';

const WORD = 'الانتخابات';

function articles(dir: string, name: string, from: number, count: number, word: string): string {
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      title: `${word} في المدينة رقم ${from + i}`,
      body: `تقرير عن ${word} في المدينة رقم ${from + i}. شارك الناخبون بأعداد كبيرة.`,
      source: i % 2 ? 'حرية' : 'الشروق',
      date: `2021-10-${String((i % 27) + 1).padStart(2, '0')}`,
      lang: 'ar',
    }),
  );
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

describe('saved searches and bulk actions', () => {
  const suite = suiteBrowser();

  for (const [lang, locale, theme, other] of [
    ['ar', 'ar-SY', 'light', 'dark'],
    ['en', 'en-GB', 'dark', 'light'],
  ] as const) {
    it(`saves a search that follows imports, and tags/deletes many rows with one undo each (${lang})`, async () => {
      const { page, problems, dir } = await openFreshLibrary(suite.browser(), suite.hosts, {
        locale,
        colorScheme: theme,
        bypassCSP: true,
      });
      await importFiles(page, [articles(dir, 'a.jsonl', 1, 12, WORD), articles(dir, 'b.jsonl', 100, 3, 'النفط')]);
      await page.locator('[data-testid=import-report] .import-report-header .icon-button').click();

      // Search, save it, and find it in the sidebar with what it finds.
      await page.locator('[data-testid=search-input]').fill(WORD);
      await page.locator('[data-testid=row-snippet]').first().waitFor({ timeout: TIMEOUT });
      await page.locator('[data-testid=save-search]').click();
      await page.locator('[data-testid=prompt-input]').fill(lang === 'ar' ? 'ملف الانتخابات' : 'Elections file');
      await page.locator('[data-testid=prompt-submit]').click();
      const link = page.locator('[data-testid=saved-search-link]');
      await expect.poll(() => link.locator('.side-count').textContent(), { timeout: TIMEOUT }).toBe('12');
      expect(await link.getAttribute('aria-current')).toBe('true');
      expect(await page.locator('[data-testid=list-title]').textContent()).toContain(
        lang === 'ar' ? 'ملف الانتخابات' : 'Elections file',
      );

      // An import that matches: the saved search finds it with nothing else done.
      await importFiles(page, [articles(dir, 'c.jsonl', 200, 1, WORD)]);
      await page.locator('[data-testid=import-report] .import-report-header .icon-button').click();
      await expect.poll(() => link.locator('.side-count').textContent(), { timeout: TIMEOUT }).toBe('13');
      // No language badge on rows in the interface's own language; in the English interface these Arabic rows keep theirs.
      const shown = await page.locator('[data-testid=article-row]').count();
      expect(shown).toBeGreaterThan(4);
      expect(await page.locator('[data-testid=article-row] .row-lang').count()).toBe(lang === 'ar' ? 0 : shown);

      // Click, Shift+click a range of four, Ctrl+click a fifth in and out again.
      const rows = page.locator('[data-testid=article-row]');
      await rows.nth(0).click();
      await rows.nth(3).click({ modifiers: ['Shift'] });
      const count = page.locator('[data-testid=bulk-count]');
      await rows.nth(5).click({ modifiers: ['Control'] });
      await expect.poll(() => count.textContent()).toBe(lang === 'ar' ? 'المحدد: 5 مقالات' : 'Selected: 5 articles');
      await rows.nth(5).click({ modifiers: ['Control'] });
      await expect.poll(() => count.textContent()).toBe(lang === 'ar' ? 'المحدد: 4 مقالات' : 'Selected: 4 articles');
      expect(await page.locator('.article-row[aria-selected=true]').count()).toBe(4);
      await page.screenshot({ path: resultPath(`bulk-selected-${lang}-${theme}.png`) });
      const violations = await axeSerious(page);

      // Tag the four in one step, then undo it with Ctrl+Z.
      await page.locator('[data-testid=bulk-tag]').click();
      await page.locator('[data-testid=prompt-input]').fill('مراجعة');
      await page.locator('[data-testid=prompt-submit]').click();
      await expect.poll(() => page.locator('.article-row .row-tag').count(), { timeout: TIMEOUT }).toBe(4);
      await page.locator('[data-testid=article-list]').focus();
      await page.keyboard.press('Control+z');
      await expect.poll(() => page.locator('.article-row .row-tag').count(), { timeout: TIMEOUT }).toBe(0);

      // Ctrl+A takes the whole list (counted in the right plural), Escape lets it go.
      await page.locator('[data-testid=article-list]').focus();
      await page.keyboard.press('Control+a');
      await expect.poll(() => count.textContent()).toBe(lang === 'ar' ? 'المحدد: 13 مقالًا' : 'Selected: 13 articles');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('[data-testid=bulk-bar]').count()).toBe(0);

      // Delete two at once; the toast's undo brings both back.
      await rows.nth(0).click();
      await rows.nth(1).click({ modifiers: ['Control'] });
      await page.locator('[data-testid=bulk-delete]').click();
      await expect.poll(() => link.locator('.side-count').textContent(), { timeout: TIMEOUT }).toBe('11');
      expect(await page.locator('[data-testid=toast]').last().textContent()).toContain(
        lang === 'ar' ? 'حُذف مقالان' : 'Deleted 2 articles',
      );
      await page.locator('[data-testid=toast-action]').last().click();
      await expect.poll(() => link.locator('.side-count').textContent(), { timeout: TIMEOUT }).toBe('13');

      // The other theme, for the picture.
      await page.locator('[data-testid=settings-button]').click();
      await page.locator('[data-testid=setting-theme]').selectOption(other);
      await page.keyboard.press('Escape');
      await rows.nth(2).click();
      await rows.nth(4).click({ modifiers: ['Shift'] });
      await page.screenshot({ path: resultPath(`bulk-selected-${lang}-${other}.png`) });
      violations.push(...(await axeSerious(page)));

      expect(violations).toEqual([]);
      expect(problems).toEqual([]);
    }, 120_000);
  }
});
