/**
 * The workbench's chrome: Arabic mirrors the whole layout (and follows the
 * system language by default), dates follow the chosen Arabic month names,
 * the main flow runs from the keyboard alone, axe-core finds nothing serious,
 * and every main screen is photographed in both languages and both themes
 * (test-results/ui-<screen>-<lang>-<theme>.png) for a person to look at.
 * Needs `npm run build`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { computedDirections, renderedFonts, resultPath, watchPage } from '../support/e2eBrowser';
import { seedPath } from '../support/paths';
import {
  axeSerious,
  box,
  importFiles,
  openFreshLibrary,
  openRow,
  rootDirAndLang,
  selectInReader,
  suiteBrowser,
  TIMEOUT,
} from './workbenchHelpers';

const QUOTE = 'اتفاق لإنهاء المهمة القتالية للجيش الأميركي في العراق';
const ENGLISH =
  'Reuters – (27/7/2021)\nBiden and Kadhimi sealed an agreement on Monday that formally ends the US combat mission in Iraq by the end of 2021.\n';

async function activeTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const doc = (
      globalThis as unknown as {
        document: {
          activeElement: {
            getAttribute(n: string): string | null;
            closest(s: string): { getAttribute(n: string): string | null } | null;
          } | null;
        };
      }
    ).document;
    const el = doc.activeElement;
    return el?.getAttribute('data-testid') ?? el?.closest('[data-testid]')?.getAttribute('data-testid') ?? null;
  });
}

describe('workbench chrome: Arabic, keyboard, accessibility, themes', () => {
  const suite = suiteBrowser();
  const { hosts } = suite;

  it('mirrors the whole chrome in Arabic, live, with the chosen month names, and follows the system language', async () => {
    const { page, problems, dir, host } = await openFreshLibrary(suite.browser(), hosts);
    const english = join(dir, 'reuters.txt');
    writeFileSync(english, ENGLISH);
    await importFiles(page, [seedPath, english]);
    await openRow(page, 'الأميركي');
    expect(await rootDirAndLang(page)).toEqual({ dir: 'ltr', lang: 'en' });
    const ltr = {
      sidebar: await box(page, '[data-testid=sidebar]'),
      list: await box(page, '.list-pane'),
      reader: await box(page, '.reader-pane'),
    };
    expect(ltr.sidebar.x).toBeLessThan(ltr.list.x);
    expect(ltr.list.x).toBeLessThan(ltr.reader.x);

    await page.locator('[data-testid=ui-lang-toggle]').click();
    await page.locator('[data-testid=article-count]', { hasText: 'مقالان' }).waitFor({ timeout: TIMEOUT });
    expect(await rootDirAndLang(page)).toEqual({ dir: 'rtl', lang: 'ar' });
    // The panes mirror: sidebar on the right, then the list, the reader on the left.
    const rtl = {
      sidebar: await box(page, '[data-testid=sidebar]'),
      list: await box(page, '.list-pane'),
      reader: await box(page, '.reader-pane'),
    };
    expect(rtl.sidebar.x).toBeGreaterThan(rtl.list.x);
    expect(rtl.list.x).toBeGreaterThan(rtl.reader.x);
    expect(rtl.list.x + rtl.list.width).toBeLessThanOrEqual(rtl.sidebar.x + 1);
    // So do the toolbars, the meta block and the annotations panel; the article keeps its own direction.
    expect(
      await computedDirections(
        page,
        '.toolbar, .reader-toolbar, .list-header, [data-testid=reader-meta], [data-testid=annotations-panel]',
      ),
    ).toEqual(['rtl', 'rtl', 'rtl', 'rtl', 'rtl']);
    const toolbar = await box(page, '.toolbar');
    const brand = await box(page, '.brand');
    expect(brand.x).toBeGreaterThan(toolbar.x + toolbar.width / 2);
    expect(await page.locator('[data-testid=reader]').getAttribute('dir')).toBe('rtl');
    // An English article's row stays left to right inside the Arabic chrome.
    expect(await page.locator('[data-testid=article-row]', { hasText: 'Kadhimi' }).getAttribute('dir')).toBe('ltr');

    // Arabic chrome text is drawn in Amiri (never boxes), and joined (one glyph per letter form, not isolated forms).
    const fonts = await renderedFonts(page, '[data-testid=list-title]');
    expect(fonts.filter((f) => f.glyphCount > 0).map((f) => f.familyName)).toContain('Amiri');
    expect(await page.locator('[data-testid=list-title]').textContent()).toBe('كل المقالات');

    // Dates: Levantine months by default, Egyptian when chosen, and Arabic-Indic digits on request.
    const seedDate = page.locator('[data-testid=article-row]', { hasText: 'الأميركي' }).locator('time');
    expect(await seedDate.textContent()).toBe('26 تموز 2021');
    await page.locator('[data-testid=settings-button]').click();
    await page.locator('[data-testid=setting-monthSystem]').selectOption('egypt');
    await expect.poll(() => seedDate.textContent()).toBe('26 يوليو 2021');
    await page.locator('[data-testid=setting-digits]').selectOption('arab');
    await expect.poll(() => seedDate.textContent()).toBe('٢٦ يوليو ٢٠٢١');
    await page.locator('[data-testid=setting-digits]').selectOption('latn');
    await page.locator('[data-testid=setting-monthSystem]').selectOption('levant');
    await page.keyboard.press('Escape');
    await page.screenshot({ path: resultPath('ui-arabic-mirrored.png') });

    // The choice is remembered with the library: a new browser profile on the same library sees Arabic.
    await page.waitForTimeout(700);
    const again = await suite.browser().newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-GB' });
    const againProblems = watchPage(again).problems;
    await again.goto(host.url);
    await again.locator('[data-testid=article-count]', { hasText: 'مقالان' }).waitFor({ timeout: TIMEOUT });
    expect(await rootDirAndLang(again)).toEqual({ dir: 'rtl', lang: 'ar' });
    // ...and the article that was open, in the same panes.
    await again.locator('[data-testid=reader-title]').waitFor({ timeout: TIMEOUT });
    await again.close();

    // With no choice made, the interface follows the system's language.
    const fresh = await openFreshLibrary(suite.browser(), hosts, { locale: 'ar-IQ' });
    expect(await rootDirAndLang(fresh.page)).toEqual({ dir: 'rtl', lang: 'ar' });
    expect(await fresh.page.locator('[data-testid=empty-state] h2').textContent()).toBe('مكتبتك فارغة');
    expect([...problems, ...againProblems, ...fresh.problems]).toEqual([]);
  });

  it('runs the main flow from the keyboard alone', { retry: 1 }, async () => {
    const { page, problems, dir } = await openFreshLibrary(suite.browser(), hosts);
    const english = join(dir, 'reuters.txt');
    writeFileSync(english, ENGLISH);

    // Tab reaches the toolbar's controls, each with a visible focus ring.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const g = globalThis as unknown as {
        document: { activeElement: unknown };
        getComputedStyle(e: unknown): { boxShadow: string; outlineStyle: string };
      };
      const style = g.getComputedStyle(g.document.activeElement);
      return style.boxShadow !== 'none' || style.outlineStyle !== 'none';
    });
    expect(ring).toBe(true);

    // Import from the command palette; the OS file dialog is the only thing not typed.
    await page.keyboard.press('Control+k');
    await page.locator('[data-testid=palette-input]').waitFor({ timeout: TIMEOUT });
    await page.keyboard.type('import');
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Enter');
    await (await chooser).setFiles([seedPath, english]);
    await page.locator('[data-testid=import-report]').waitFor({ timeout: TIMEOUT });
    await expect.poll(() => page.locator('[data-testid=article-row]').count()).toBe(2);

    // j opens the first article, j the next, k goes back.
    await page.keyboard.press('j');
    await page.locator('[data-testid=reader-title]').waitFor({ timeout: TIMEOUT });
    const first = await page.locator('[data-testid=reader-title]').textContent();
    await page.keyboard.press('j');
    await expect.poll(() => page.locator('[data-testid=reader-title]').textContent()).not.toBe(first);
    await page.keyboard.press('k');
    await expect.poll(() => page.locator('[data-testid=reader-title]').textContent()).toBe(first);
    if (!first?.includes('الأميركي')) await page.keyboard.press('j');
    await expect.poll(() => page.locator('[data-testid=reader-title]').textContent()).toContain('الأميركي');

    // Find a phrase, close the find bar, h highlights the match.
    await page.keyboard.press('Control+f');
    // Type only once the find field has focus: under load the first letter was lost.
    await expect.poll(() => page.locator('input:focus').count()).toBe(1);
    await page.keyboard.type('الكاظمي باجتماع');
    await expect.poll(() => page.locator('[data-testid=find-count]').textContent()).toBe('1 of 1');
    await page.keyboard.press('Escape');
    await page.keyboard.press('h');
    await expect
      .poll(() => page.locator('[data-testid=reader-body] mark.hl').allTextContents())
      .toEqual(['الكاظمي باجتماع']);

    // t tags, c collects: each a small dialog, typed and confirmed with Enter.
    await page.keyboard.press('t');
    await page.locator('[data-testid=tag-dialog]').waitFor({ timeout: TIMEOUT });
    await page.keyboard.type('بايدن');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid=reader-tags] .chip').allTextContents()).toEqual(['بايدن×']);
    await page.keyboard.press('c');
    await page.locator('[data-testid=collect-dialog]').waitFor({ timeout: TIMEOUT });
    await page.keyboard.type('Withdrawal');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('[data-testid=reader-collections] .chip').allTextContents())
      .toEqual(['Withdrawal×']);

    // Text size from the keyboard.
    await page.keyboard.press('+');
    await expect.poll(() => page.locator('[data-testid=font-scale]').textContent()).toBe('110%');
    await page.keyboard.press('-');

    // / searches the library; results carry snippets with the match marked.
    await page.keyboard.press('/');
    expect(await activeTestId(page)).toBe('search-input');
    await page.keyboard.type('الكاظمي');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid=list-title]').textContent()).toContain('الكاظمي');
    await expect.poll(() => page.locator('[data-testid=row-snippet] mark').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid=list-title]').textContent()).toBe('All articles');

    // The palette opens the highlights of the library; Tab and Enter open one.
    await page.locator('[data-testid=search-input]').blur();
    await page.keyboard.press('Control+k');
    await page.keyboard.type('highlights');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=highlight-item]').waitFor({ timeout: TIMEOUT });
    await page.keyboard.press('F6');
    await page.keyboard.press('F6');
    expect(await activeTestId(page)).toBe('highlight-item');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid=annotation]').count()).toBe(1);

    // F6 walks the panes.
    await page.keyboard.press('F6');
    expect(
      await page.evaluate(
        () =>
          (
            globalThis as unknown as { document: { activeElement: { closest(s: string): unknown } } }
          ).document.activeElement.closest('.reader-pane') !== null,
      ),
    ).toBe(true);
    await page.keyboard.press('F6');
    expect(
      await page.evaluate(
        () =>
          (
            globalThis as unknown as { document: { activeElement: { closest(s: string): unknown } } }
          ).document.activeElement.closest('[data-testid=sidebar]') !== null,
      ),
    ).toBe(true);

    // Delete and undo from the keyboard.
    await page.locator('[data-testid=view-all]').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('[data-testid=article-row]').count()).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('[data-testid=article-row]').count()).toBe(2);
    expect(problems).toEqual([]);
  });

  // One library with content and one empty, shared by the two language runs below.
  let full: Awaited<ReturnType<typeof openFreshLibrary>> | null = null;
  let empty: Awaited<ReturnType<typeof openFreshLibrary>> | null = null;

  async function libraries() {
    if (full && empty) return { full, empty };
    full = await openFreshLibrary(suite.browser(), hosts);
    const english = join(full.dir, 'reuters.txt');
    writeFileSync(english, ENGLISH);
    await importFiles(full.page, [seedPath, english]);
    await openRow(full.page, 'الأميركي');
    await selectInReader(full.page, QUOTE);
    await full.page.locator('[data-testid=highlight-note]').click();
    await full.page.locator('[data-testid=note-field]').first().fill('ملاحظة: قارن مع رواية البنتاغون');
    await full.page.locator('[data-testid=note-field]').first().blur();
    await full.page.locator('[data-testid=add-tag]').click();
    await full.page.locator('[data-testid=prompt-input]').fill('العراق');
    await full.page.keyboard.press('Enter');
    await full.page.locator('[data-testid=reader-tags] .chip').waitFor({ timeout: TIMEOUT });
    await full.page.waitForTimeout(600);
    await full.page.close();
    empty = await openFreshLibrary(suite.browser(), hosts);
    await empty.page.close();
    return { full, empty };
  }

  for (const [lang, locale] of [
    ['en', 'en-GB'],
    ['ar', 'ar-SY'],
  ] as const) {
    it(`has no serious accessibility violations, and every main screen is photographed (${lang}, light and dark)`, async () => {
      const { full, empty } = await libraries();
      const violations: string[] = [];
      for (const theme of ['light', 'dark'] as const) {
        const tag = `${lang}-${theme}`;
        // bypassCSP: axe-core is injected as an inline script, which the app's CSP (rightly) refuses.
        const ctx = await suite
          .browser()
          .newContext({ viewport: { width: 1400, height: 900 }, locale, colorScheme: theme, bypassCSP: true });
        const page = await ctx.newPage();
        const { problems } = watchPage(page);

        await page.goto(empty.host.url);
        await page.locator('[data-testid=empty-state]').waitFor({ timeout: TIMEOUT });
        expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
        expect(await rootDirAndLang(page)).toEqual({ dir: lang === 'ar' ? 'rtl' : 'ltr', lang });
        await page.screenshot({ path: resultPath(`ui-empty-${tag}.png`) });
        violations.push(...(await axeSerious(page)).map((v) => `[empty ${tag}] ${v}`));

        await page.goto(full.host.url);
        // The library's copy of the UI state may name a language or theme; these pages follow the system.
        await page.locator('[data-testid=settings-button]').click();
        await page.locator('[data-testid=setting-uiLang]').selectOption('system');
        await page.locator('[data-testid=setting-theme]').selectOption('system');
        await page.keyboard.press('Escape');
        expect(await rootDirAndLang(page)).toEqual({ dir: lang === 'ar' ? 'rtl' : 'ltr', lang });
        await openRow(page, 'الأميركي');
        await page.locator('[data-testid=reader-body] mark.hl').first().waitFor({ timeout: TIMEOUT });
        await page.locator('[data-testid=annotation]').first().waitFor({ timeout: TIMEOUT });
        await page.evaluate(
          () => (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready,
        );
        // The reader reopens where it was left; start the picture at the top.
        await page.locator('.reader-pane').evaluate((el) => ((el as unknown as { scrollTop: number }).scrollTop = 0));
        await page.screenshot({ path: resultPath(`ui-reader-${tag}.png`) });
        violations.push(...(await axeSerious(page)).map((v) => `[reader ${tag}] ${v}`));

        await page.locator('[data-testid=view-highlights]').click();
        await page.locator('[data-testid=highlight-item]').first().waitFor({ timeout: TIMEOUT });
        await page.screenshot({ path: resultPath(`ui-highlights-${tag}.png`) });
        violations.push(...(await axeSerious(page)).map((v) => `[highlights ${tag}] ${v}`));

        await page.locator('[data-testid=view-all]').click();
        await page.keyboard.press('Control+k');
        await page.locator('[data-testid=palette-input]').waitFor({ timeout: TIMEOUT });
        await page.screenshot({ path: resultPath(`ui-palette-${tag}.png`) });
        violations.push(...(await axeSerious(page)).map((v) => `[palette ${tag}] ${v}`));
        await page.keyboard.press('Escape');

        await page.locator('[data-testid=activity-button]').click();
        await page.locator('[data-testid=activity-panel]').waitFor({ timeout: TIMEOUT });
        await page.screenshot({ path: resultPath(`ui-activity-${tag}.png`) });

        expect(problems, tag).toEqual([]);
        await ctx.close();
      }
      expect(violations).toEqual([]);
      // Five screens, two themes, axe on four of them: longer than one flow.
    }, 240_000);
  }
});
