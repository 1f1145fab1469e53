/**
 * Hijri dates beside Gregorian ones, and each outlet's own month names
 * (تموز in an Iraqi paper, يوليو in a Saudi one), in the reader and the list.
 * Arabic and English UI; screenshots in test-results/.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultPath } from '../support/e2eBrowser';
import { seedPath } from '../support/paths';
import { browserForSuite, importFiles, openFreshLibrary, openRow, TIMEOUT } from './workbenchHelpers';

describe('Hijri dates and month names', () => {
  const suite = browserForSuite();

  for (const lang of ['ar', 'en'] as const) {
    it(`shows the Umm al-Qura day beside the Gregorian one when asked (${lang})`, { timeout: 90_000 }, async () => {
      const { page, problems, dir } = await openFreshLibrary(suite.browser, suite.hosts, { locale: lang });
      // A SaudiNewsNet sentence (2015-07-25.json.gz #363); the paper writes يوليو.
      const saudi = join(dir, 'okaz.txt');
      writeFileSync(
        saudi,
        'عكاظ – (26/7/2015)\nأعلن التحالف عن هدنة إنسانية لمدة خمسة أيام اعتباراً من يوم الأحد (10/شوال / 1436هـ ) الموافق 26 يوليو 2015م الساعة الحادية عشرة.\n',
      );
      await importFiles(page, [seedPath, saudi]);
      await page.locator('[data-testid=settings-button]').click();
      await page.locator('[data-testid=setting-hijri]').selectOption('beside');
      await page.keyboard.press('Escape');

      await openRow(page, 'هدنة');
      const hijri = lang === 'ar' ? '10 شوال 1436 هـ' : '10 Shawwal 1436 AH';
      await expect
        .poll(() => page.locator('[data-testid=reader-hijri]').textContent(), { timeout: TIMEOUT })
        .toContain(hijri);
      const saudiDate = await page.locator('[data-testid=reader-date] time').textContent();
      // By default each outlet keeps its own month names (else تموز): this one writes يوليو.
      expect(saudiDate).toContain(lang === 'ar' ? 'يوليو' : 'July');
      await page.screenshot({ path: resultPath(`hijri-reader-${lang}.png`) });

      await openRow(page, 'الكاظمي');
      expect(await page.locator('[data-testid=reader-date] time').textContent()).toContain(
        lang === 'ar' ? 'تموز' : 'July',
      );
      expect(await page.locator('[data-testid=reader-hijri]').textContent()).toContain('1442');

      // The list shows each outlet's month names once its text was seen, and the Hijri day.
      const row = page.locator('[data-testid=article-row]', { hasText: 'هدنة' });
      expect(await row.locator('.row-date').textContent()).toContain(
        lang === 'ar' ? `26 يوليو 2015 · ${hijri}` : hijri,
      );
      await page.screenshot({ path: resultPath(`hijri-list-${lang}.png`) });

      await page.locator('[data-testid=settings-button]').click();
      await page.locator('[data-testid=setting-hijri]').selectOption('off');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('[data-testid=reader-hijri]').count()).toBe(0);
      expect(problems).toEqual([]);
    });
  }
});
