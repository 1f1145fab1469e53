/**
 * Work out of Mizan in Chromium through the web host: a citation of the
 * open article shown to copy and offered as a RIS file Zotero reads; the
 * library's backups in Settings, made and restored; the library downloaded
 * as a bundle and replaced by an uploaded one. Screenshots in both
 * languages (test-results/exports-*.png) for a person to look at.
 * Needs `npm run build`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { resultPath } from '../support/e2eBrowser';
import { createServices } from '../../main/core/services';
import { seedPath, tempDir } from '../support/paths';
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

  it('replaces the library by a bundle uploaded from Settings, refusing one whose checksum fails by its name', async () => {
    // A bundle from another library (another machine's, say), and a copy with one byte of library.db changed.
    const dir = tempDir('mizan-upload-');
    const bundlePath = join(dir, 'from-the-office.zip');
    const ctx = { progress: () => undefined, signal: new AbortController().signal };
    const other = await createServices({ dbPath: join(dir, 'office.db'), host: 'test' });
    try {
      await other.handlers['library.importFiles']({ paths: [seedPath] }, ctx);
      await other.handlers['library.exportBundle']({ path: bundlePath }, ctx);
    } finally {
      await other.close();
    }
    const entries = unzipSync(readFileSync(bundlePath));
    const db = entries['library.db']!;
    db[db.length - 1] = db[db.length - 1]! ^ 0x01;
    const tamperedPath = join(dir, 'tampered.zip');
    writeFileSync(tamperedPath, zipSync(entries));

    const { page, problems } = await openFreshLibrary(suite.browser(), suite.hosts);
    expect(await page.locator('[data-testid=article-row]').count()).toBe(0);
    await page.locator('[data-testid=settings-button]').click();
    await page.locator('[data-testid=bundle-upload]').waitFor({ timeout: TIMEOUT });
    await page.setInputFiles('[data-testid=bundle-file]', tamperedPath);
    const confirm = page.locator('[data-testid=bundle-upload-yes]');
    expect(await page.locator('[data-testid=backups]').textContent()).toContain(
      'Replace the library with the bundle \u2068tampered.zip\u2069? The current library is kept as a backup.',
    );
    await confirm.scrollIntoViewIfNeeded();
    await page.screenshot({ path: resultPath('exports-upload-en.png') });
    await confirm.click();
    const status = page.locator('[data-testid=backups-status]');
    await status.waitFor({ timeout: TIMEOUT });
    expect(await status.textContent()).toBe(
      'tampered.zip is not a Mizan library bundle: library.db fails its checksum',
    );
    await page.screenshot({ path: resultPath('exports-upload-refused-en.png') });
    await expect.poll(() => confirm.count()).toBe(0);

    await page.setInputFiles('[data-testid=bundle-file]', bundlePath);
    // The library changes entirely: the page starts again on it, with the bundle's articles.
    await Promise.all([page.waitForEvent('load'), confirm.click()]);
    await page.locator('[data-testid=article-row]', { hasText: 'الأميركي' }).waitFor({ timeout: TIMEOUT });
    await page.locator('[data-testid=settings-button]').click();
    // The empty library it replaced is kept.
    await page.locator('[data-testid=backup-row]', { hasText: 'replaced by a restore' }).waitFor({ timeout: TIMEOUT });

    await page.keyboard.press('Escape');
    await page.locator('[data-testid=ui-lang-toggle]').click();
    await page.locator('[data-testid=settings-button]').click();
    await page.setInputFiles('[data-testid=bundle-file]', tamperedPath);
    await page.locator('[data-testid=bundle-upload]', { hasText: 'استبدال المكتبة' }).waitFor({ timeout: TIMEOUT });
    expect(await page.locator('[data-testid=backups]').textContent()).toContain(
      'أتستبدل المكتبة بالحزمة \u2068tampered.zip\u2069؟',
    );
    await confirm.scrollIntoViewIfNeeded();
    await page.screenshot({ path: resultPath('exports-upload-ar.png') });
    // The reload ends the page's event stream: that request is aborted on purpose.
    expect(problems.filter((p) => !/\/api\/events net::ERR_ABORTED/.test(p))).toEqual([]);
  });
});
