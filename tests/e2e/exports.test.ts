/**
 * Work out of Mizan in Chromium through the web host: a citation of the
 * open article shown to copy and offered as a RIS file Zotero reads; the
 * library's backups in Settings, made and restored. Screenshots in both
 * languages (test-results/exports-*.png) for a person to look at.
 * Needs `npm run build`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { resultPath } from '../support/e2eBrowser';
import { seedPath } from '../support/paths';
import { axeSerious, importFiles, openFreshLibrary, openRow, suiteBrowser, TIMEOUT } from './workbenchHelpers';

describe('citations, notes and backups from the workbench', () => {
  const suite = suiteBrowser();

  it('cites the open article as text to copy and as a RIS file, in English and Arabic', async () => {
    const { page, problems } = await openFreshLibrary(suite.browser(), suite.hosts, { bypassCSP: true });
    await importFiles(page, [seedPath]);
    await openRow(page, 'الأميركي');
    await page.locator('[data-testid=cite]').click();
    const preview = page.locator('[data-testid=export-preview]');
    await preview.waitFor({ timeout: TIMEOUT });
    // Chicago author-date: outlet, year and the title as written.
    expect(await preview.textContent()).toMatch(/حرية.*2021|2021.*حرية/s);
    expect(await preview.textContent()).toContain('الكاظمي');
    expect(await preview.textContent()).toContain('July 26');
    await page.screenshot({ path: resultPath('exports-cite-en.png') });
    expect(await axeSerious(page)).toEqual([]);

    await page.locator('[data-testid=export-format]').selectOption('ris');
    await page.locator('[data-testid=export-run]').click();
    const link = page.locator('[data-testid=export-download]');
    await link.waitFor({ timeout: TIMEOUT });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^أعلن الرئيس الأميركي.*\.ris$/);
    const ris = readFileSync((await download.path())!, 'utf8');
    expect(ris).toMatch(/^TY {2}- NEWS\r\n/);
    expect(ris).toContain('JF  - حرية');

    await page.locator('[data-testid=export-kind-notes]').check();
    await page.locator('[data-testid=export-run]').click();
    await page.locator('[data-testid=export-empty]').waitFor({ timeout: TIMEOUT });
    await page.keyboard.press('Escape');

    await page.locator('[data-testid=ui-lang-toggle]').click();
    await page.locator('[data-testid=cite]', { hasText: 'توثيق' }).click();
    await page.locator('[data-testid=export-preview]').waitFor({ timeout: TIMEOUT });
    expect(await page.locator('[data-testid=export-dialog]').textContent()).toContain('توثيق هذا المقال');
    // In Arabic, the citation's own words are Arabic too: the month, not "July".
    await page.locator('[data-testid=export-preview]', { hasText: 'يوليو' }).waitFor({ timeout: TIMEOUT });
    await page.screenshot({ path: resultPath('exports-cite-ar.png') });
    expect(problems).toEqual([]);
  });

  it('makes a backup from Settings and restores it after asking', async () => {
    const { page, problems } = await openFreshLibrary(suite.browser(), suite.hosts, { colorScheme: 'dark' });
    await importFiles(page, [seedPath]);
    await page.locator('[data-testid=settings-button]').click();
    const backups = page.locator('[data-testid=backups]');
    await backups.waitFor({ timeout: TIMEOUT });
    const before = await page.locator('[data-testid=backup-row]').count();
    await page.locator('[data-testid=backup-now]').click();
    await page.locator('[data-testid=backups-status]', { hasText: 'Backup made' }).waitFor({ timeout: TIMEOUT });
    expect(await page.locator('[data-testid=backup-row]').count()).toBe(before + 1);
    expect(await page.locator('[data-testid=backup-row]').first().textContent()).toContain('made by you');
    await page.locator('[data-testid=restore]').first().click();
    expect(await backups.textContent()).toContain('The current library is kept as a backup');
    await page.screenshot({ path: resultPath('exports-backups-dark.png') });
    await Promise.all([page.waitForEvent('load'), page.locator('[data-testid=restore-yes]').click()]);
    await page.locator('[data-testid=article-row]').first().waitFor({ timeout: TIMEOUT });
    await page.locator('[data-testid=settings-button]').click();
    // The library it replaced is kept: one more backup, "replaced by a restore".
    await page.locator('[data-testid=backup-row]', { hasText: 'replaced by a restore' }).waitFor({ timeout: TIMEOUT });
    // The reload ends the page's event stream: that request is aborted on purpose.
    expect(problems.filter((p) => !/\/api\/events net::ERR_ABORTED/.test(p))).toEqual([]);
  });

  it('downloads the library as a bundle from Settings: a ZIP whose checksums hold, in English and Arabic', async () => {
    const { page, problems } = await openFreshLibrary(suite.browser(), suite.hosts);
    await importFiles(page, [seedPath]);
    await page.locator('[data-testid=settings-button]').click();
    await page.locator('[data-testid=bundle-prepare]').click();
    const link = page.locator('[data-testid=bundle-download]');
    await link.waitFor({ timeout: TIMEOUT });
    await page.screenshot({ path: resultPath('exports-bundle-en.png') });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^mizan-library-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(readFileSync((await download.path())!));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['SHA256SUMS', 'library.db', 'manifest.json']));
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as {
      entries: Array<{ name: string; sha256: string }>;
    };
    expect(manifest.entries.map((e) => e.name)).toContain('library.db');
    for (const entry of manifest.entries)
      expect(createHash('sha256').update(files[entry.name]!).digest('hex'), entry.name).toBe(entry.sha256);
    expect(strFromU8(files['library.db']!.subarray(0, 15))).toBe('SQLite format 3');
    // The address was for one download: the link is gone.
    await link.waitFor({ state: 'detached', timeout: TIMEOUT });

    await page.keyboard.press('Escape');
    await page.locator('[data-testid=ui-lang-toggle]').click();
    await page.locator('[data-testid=settings-button]').click();
    await page.locator('[data-testid=bundle-prepare]', { hasText: 'تنزيل المكتبة' }).click();
    await link.waitFor({ timeout: TIMEOUT });
    await page.screenshot({ path: resultPath('exports-bundle-ar.png') });
    expect(problems).toEqual([]);
  });
});
