/**
 * The archive at a glance, in Chromium through the web host: a Latin name
 * finds the Arabic article and the header says it went through
 * transliteration; people, places and organisations of the results are
 * facets beside the others, and choosing them filters by every one (removable
 * chips, by keyboard too, test-results/search-glance-entities-*.png); the
 * header's date fields and the timeline's brush are one range (the arrow
 * keys move and resize it, the fields move the band). Arabic and English,
 * light and dark (test-results/search-glance-<lang>-<theme>.png), axe-core.
 * Needs `npm run build`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { resultPath } from '../support/e2eBrowser';
import { seedPath } from '../support/paths';
import { axeSerious, importFiles, openFreshLibrary, suiteBrowser, TIMEOUT } from './workbenchHelpers';

async function searchFor(page: Page, query: string): Promise<void> {
  const box = page.locator('[data-testid=search-input]');
  await box.fill(query);
  await box.press('Enter');
  await page.locator('[data-testid=search-header]').waitFor({ timeout: TIMEOUT });
}

/** The header's count as a number: digits of either set, or the Arabic words for none, one and two. */
async function count(page: Page): Promise<number> {
  const status = page.locator('[data-testid=search-count]');
  const read = async (): Promise<number | null> => {
    const text = ((await status.textContent()) ?? '').replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660));
    const digits = /\d+/.exec(text);
    if (digits) return Number(digits[0]);
    return /^لا مقالات/.test(text) ? 0 : /^مقال واحد/.test(text) ? 1 : /^مقالان/.test(text) ? 2 : null;
  };
  await expect.poll(read, { timeout: TIMEOUT }).not.toBeNull();
  return (await read())!;
}

async function band(page: Page): Promise<{ x: number; width: number; visible: boolean }> {
  const el = page.locator('[data-testid=list-charts] [data-brush=selection]');
  return {
    x: Number(await el.getAttribute('x')),
    width: Number(await el.getAttribute('width')),
    visible: (await el.getAttribute('visibility')) === 'visible',
  };
}

function writeArchive(dir: string): string[] {
  const months = ['01', '02', '03', '04', '05', '06'];
  const iraq = join(dir, 'iraq.jsonl');
  writeFileSync(
    iraq,
    months
      .map((m, i) =>
        JSON.stringify({
          title: `رئيس الوزراء مصطفى الكاظمي في بغداد ${i + 1}`,
          body: `استقبل رئيس الوزراء العراقي مصطفى الكاظمي في بغداد وفدًا من الأمم المتحدة لبحث الانتخابات في العراق. تقرير ${i + 1}.`,
          source: i % 2 ? 'حرية' : 'السومرية',
          date: `2021-${m}-1${i}`,
          lang: 'ar',
        }),
      )
      .join('\n') + '\n',
  );
  const english = join(dir, 'reuters.txt');
  writeFileSync(
    english,
    'Reuters – (27/7/2021)\nPresident Joe Biden met the Iraqi prime minister at the White House on Monday and said the US combat mission in Iraq would end by the close of the year.\n',
  );
  return [seedPath, iraq, english];
}

describe('search at a glance', () => {
  const suite = suiteBrowser();

  for (const [lang, locale] of [
    ['en', 'en-GB'],
    ['ar', 'ar-SY'],
  ] as const) {
    it(`says what came through transliteration, filters by an entity, and keeps one date range (${lang})`, async () => {
      const { page, problems, dir } = await openFreshLibrary(suite.browser(), suite.hosts, { locale, bypassCSP: true });
      await importFiles(page, writeArchive(dir));
      await page.locator('[data-testid=import-report] .icon-button').click();

      // A Latin name finds the Arabic articles at the first search after the import (the search waits for
      // name tables that hold the imported words); the header says through which spelling.
      await searchFor(page, 'kadhimi');
      expect(await count(page)).toBe(7);
      const also = page.locator('[data-testid=search-transliterated]');
      await also.waitFor({ timeout: TIMEOUT });
      expect(await also.textContent()).toMatch(
        lang === 'en' ? /^Also matched: “كاظمي” for “kadhimi”/i : /^وطابق أيضًا: «كاظمي» مقابل «kadhimi»/i,
      );

      // The entity facets of these results, beside the others; one chosen filters by that entity.
      // (العراق finds the Arabic reports and, through transliteration, the English one's Iraq.)
      await searchFor(page, 'العراق');
      await expect.poll(() => count(page), { timeout: TIMEOUT }).toBe(8);
      const entityValue = page.locator(
        ':is([data-facet-kind=person], [data-facet-kind=place], [data-facet-kind=organisation]) [data-testid=facet-value]',
      );
      await entityValue.first().waitFor({ timeout: 60_000 });
      const place = page.locator('[data-facet-kind=place] [data-testid=facet-value]', { hasText: 'بغداد' });
      await place.waitFor({ timeout: TIMEOUT });
      // The six reports and the seed name Baghdad; the English report does not.
      expect(await place.locator('.facet-value-count').textContent()).toBe('7');
      await place.click();
      await expect.poll(() => count(page), { timeout: TIMEOUT }).toBe(7);
      const chip = page.locator('[data-testid=search-chip]');
      expect(await chip.getAttribute('aria-label')).toBe(
        lang === 'en' ? 'Remove filter Place: بغداد' : 'إزالة المرشح مكان: بغداد',
      );
      expect(await place.getAttribute('aria-pressed')).toBe('true');

      // A second entity narrows further (articles naming both), as a second chip; the keyboard removes either.
      const un = page.locator('[data-facet-kind=organisation] [data-testid=facet-value]', { hasText: 'الأمم المتحدة' });
      await un.waitFor({ timeout: 60_000 });
      await un.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => count(page), { timeout: TIMEOUT }).toBe(6);
      await expect.poll(() => chip.count(), { timeout: TIMEOUT }).toBe(2);
      expect(await chip.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual(
        lang === 'en'
          ? ['Remove filter Place: بغداد', 'Remove filter Organisation: الأمم المتحدة']
          : ['إزالة المرشح مكان: بغداد', 'إزالة المرشح منظمة: الأمم المتحدة'],
      );
      expect(await un.getAttribute('aria-pressed')).toBe('true');
      for (const theme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: theme });
        await page.screenshot({ path: resultPath(`search-glance-entities-${lang}-${theme}.png`) });
      }
      expect(await axeSerious(page)).toEqual([]);
      // Removing the place keeps the organisation; removing that too leaves the search alone.
      await chip.first().focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => chip.count(), { timeout: TIMEOUT }).toBe(1);
      expect(await chip.getAttribute('aria-label')).toContain('الأمم المتحدة');
      await expect.poll(() => count(page), { timeout: TIMEOUT }).toBe(6);
      await chip.focus();
      await page.keyboard.press('Space');
      await expect.poll(() => chip.count(), { timeout: TIMEOUT }).toBe(0);
      await expect.poll(() => count(page), { timeout: TIMEOUT }).toBe(8);
      await place.click();
      await expect.poll(() => count(page), { timeout: TIMEOUT }).toBe(7);

      // One date range: the keyboard on the timeline fills the header's fields...
      await page.locator('[data-testid=charts-toggle]').click();
      const timeline = page.locator('[data-testid=list-charts] [data-testid=chart-timeline]');
      await timeline.locator('svg').waitFor({ timeout: TIMEOUT });
      // Articles are counted in whole numbers: no 0.2, 0.4 … on the count axis when a bin holds one article.
      const texts = await timeline.locator('svg text').allTextContents();
      const numbers = texts.map((t) => t.trim()).filter((t) => /^[\d٠-٩.,٫]+$/.test(t));
      expect(numbers.length).toBeGreaterThan(0);
      expect(numbers.filter((t) => /[.,٫]/.test(t))).toEqual([]);
      const from = page.locator('[data-testid=search-date-from]');
      const to = page.locator('[data-testid=search-date-to]');
      await timeline.focus();
      // Later in time is to the right in English, to the left in Arabic (the axis is mirrored).
      const later = lang === 'en' ? 'ArrowRight' : 'ArrowLeft';
      await page.keyboard.press(later);
      await expect.poll(() => from.inputValue(), { timeout: TIMEOUT }).toBe('2021-01-10');
      const first = await to.inputValue();
      expect(first >= '2021-01-10').toBe(true);
      await expect.poll(() => count(page), { timeout: TIMEOUT }).toBe(1);
      const range = page.locator('[data-testid=chart-date-range]');
      expect(await range.getAttribute('aria-live')).toBe('polite');
      expect(await range.textContent()).toContain(lang === 'en' ? '10 January 2021' : '10 كانون الثاني 2021');
      const oneBin = await band(page);
      expect(oneBin.visible).toBe(true);
      // ...Shift with the arrow moves the end (the range grows), the plain arrow moves it whole...
      await page.keyboard.press(`Shift+${later}`);
      await expect.poll(() => to.inputValue(), { timeout: TIMEOUT }).not.toBe(first);
      expect((await band(page)).width).toBeGreaterThan(oneBin.width);
      await page.keyboard.press(later);
      await expect.poll(() => from.inputValue(), { timeout: TIMEOUT }).not.toBe('2021-01-10');
      // ...and typing in the fields moves the band (a Hijri date too).
      await from.fill('2021-02-01');
      await to.fill('1442-11-20 هـ'); // 1 July 2021
      await expect.poll(() => count(page), { timeout: TIMEOUT }).toBe(5);
      await expect.poll(async () => (await band(page)).width, { timeout: TIMEOUT }).toBeGreaterThan(oneBin.width * 3);
      expect((await band(page)).visible).toBe(true);

      const violations: string[] = [];
      for (const theme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: theme });
        await page.screenshot({ path: resultPath(`search-glance-${lang}-${theme}.png`) });
        violations.push(...(await axeSerious(page)).map((v) => `[${theme}] ${v}`));
      }
      expect(violations).toEqual([]);

      // Escape on the timeline clears the range, fields and band alike.
      await timeline.focus();
      await page.keyboard.press('Escape');
      await expect.poll(() => from.inputValue(), { timeout: TIMEOUT }).toBe('');
      expect(await to.inputValue()).toBe('');
      await expect.poll(() => count(page), { timeout: TIMEOUT }).toBe(7);
      expect((await band(page)).visible).toBe(false);
      expect(problems).toEqual([]);
    }, 240_000);
  }
});
