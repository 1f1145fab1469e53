/**
 * The dossier view with the outline as the page and the metadata and export
 * in a side column, filled from the list's bulk bar; deleting asks first.
 * Arabic and English, light and dark, axe-core. Needs `npm run build`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultPath } from '../support/e2eBrowser';
import { axeSerious, box, importFiles, openFreshLibrary, suiteBrowser, TIMEOUT } from './workbenchHelpers';

describe('dossier outline', () => {
  const suite = suiteBrowser();

  for (const [lang, locale] of [
    ['ar', 'ar-SY'],
    ['en', 'en-GB'],
  ] as const) {
    it(`puts the outline first, the details beside it, and asks before deleting (${lang})`, async () => {
      const { page, problems, dir } = await openFreshLibrary(suite.browser(), suite.hosts, { locale, bypassCSP: true });
      const file = join(dir, 'iraq.jsonl');
      writeFileSync(
        file,
        [1, 2, 3]
          .map((n) =>
            JSON.stringify({
              title: `المهمة القتالية في العراق ${n}`,
              body: `تقرير رقم ${n} عن انتهاء المهمة القتالية.`,
              source: 'حرية',
              date: `2021-07-2${n}`,
              lang: 'ar',
            }),
          )
          .join('\n') + '\n',
      );
      await importFiles(page, [file]);
      const rows = page.locator('[data-testid=article-row]');
      await rows.nth(0).click();
      await rows.nth(2).click({ modifiers: ['Shift'] });
      await page.locator('[data-testid=bulk-dossier]').click();
      await page.locator('[data-testid=bulk-dossier-dialog] [data-testid=prompt-input]').fill('ملف العراق');
      await page.locator('[data-testid=bulk-dossier-dialog] [data-testid=prompt-submit]').click();
      await page.locator('[data-testid=bulk-dossier-dialog]').waitFor({ state: 'detached', timeout: TIMEOUT });

      await page.locator('[data-testid=view-dossiers]').click();
      const editor = page.locator('[data-testid=dossier-editor]');
      await editor.waitFor({ timeout: TIMEOUT });
      await expect.poll(() => page.locator('[data-testid=dossier-item]').count(), { timeout: TIMEOUT }).toBe(3);
      // The outline is the wide column; the metadata form sits beside it, on the reading side's end.
      const outline = await box(page, '.dossier-outline');
      const side = await box(page, '.dossier-side');
      expect(outline.width).toBeGreaterThan(side.width);
      if (lang === 'ar') expect(side.x).toBeLessThan(outline.x);
      else expect(side.x).toBeGreaterThan(outline.x);

      const violations: string[] = [];
      for (const theme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: theme });
        await page.screenshot({ path: resultPath(`dossier-outline-${lang}-${theme}.png`) });
        violations.push(...(await axeSerious(page)).map((v) => `[${theme}] ${v}`));
      }

      // Delete asks; "keep" keeps it.
      await page.locator('[data-testid=dossier-delete]').click();
      await page.locator('[data-testid=dossier-delete-confirm]').waitFor({ timeout: TIMEOUT });
      await page.locator('[data-testid=dossier-delete-no]').click();
      expect(await page.locator('[data-testid=dossier-item]').count()).toBe(3);
      await page.locator('[data-testid=dossier-delete]').click();
      await page.locator('[data-testid=dossier-delete-yes]').click();
      await editor.waitFor({ state: 'detached', timeout: TIMEOUT });

      expect(violations).toEqual([]);
      expect(problems).toEqual([]);
    }, 120_000);
  }
});
