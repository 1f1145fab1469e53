/**
 * A file whose encoding Mizan cannot recognise, through the real web host:
 * the import report names it and offers to read it again in an encoding the
 * user picks; picked, the same file (the upload the browser still holds) is
 * imported and reads right, and the report keeps the other refused file with
 * its own offer. In Arabic the control is labelled and the panel
 * passes axe-core. Screenshot: test-results/encoding-retry-ar.png.
 * Needs `npm run build`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { resultPath } from '../support/e2eBrowser';
import { axeSerious, openFreshLibrary, rootDirAndLang, suiteBrowser, TIMEOUT } from './workbenchHelpers';

// Russian in KOI8-R: detection reads Arabic and Western single-byte text, and refuses the rest rather than guess.
const TITLE = 'Москва приняла новый бюджет';
const BODY =
  'Городская дума Москвы в среду приняла бюджет на следующий год; расходы на транспорт выросли на десятую часть.';
const GREEK_TITLE = 'Η Αθήνα ενέκρινε τον νέο προϋπολογισμό';
const GREEK_BODY =
  'Το δημοτικό συμβούλιο της Αθήνας ενέκρινε την Τετάρτη τον προϋπολογισμό του επόμενου έτους για τις συγκοινωνίες.';

describe('reading a file again in the encoding the user picks', () => {
  const suite = suiteBrowser();

  it('offers the encodings beside a file it could not read, and imports it right in the one picked', async () => {
    const { page, problems, dir } = await openFreshLibrary(suite.browser(), suite.hosts, { bypassCSP: true });
    const path = join(dir, 'moskva.txt');
    writeFileSync(path, iconv.encode(`${TITLE}\n\n${BODY}`, 'koi8-r'));
    const greek = join(dir, 'athina.txt');
    writeFileSync(greek, iconv.encode(`${GREEK_TITLE}\n\n${GREEK_BODY}`, 'windows-1253'));
    await page.setInputFiles('[data-testid=import-input]', [path, greek]);
    const refused = page.locator('[data-testid=import-error][data-code=IMPORT_DECODE_FAILED]');
    await expect.poll(() => refused.count(), { timeout: TIMEOUT }).toBe(2);
    const failed = refused.filter({ hasText: 'moskva.txt' });
    expect(await page.locator('[data-testid=article-row]').count()).toBe(0);

    // Arabic: the control is labelled, mirrored with the panel, and clean for axe-core.
    await page.locator('[data-testid=ui-lang-toggle]').click();
    await expect.poll(async () => (await rootDirAndLang(page)).dir).toBe('rtl');
    expect(await failed.locator('label').textContent()).toBe('اقرأه بترميز');
    expect(await axeSerious(page)).toEqual([]);
    await page.screenshot({ path: resultPath('encoding-retry-ar.png') });
    await page.locator('[data-testid=ui-lang-toggle]').click();
    await expect.poll(async () => (await rootDirAndLang(page)).dir).toBe('ltr');

    await failed.locator('[data-testid=retry-encoding]').selectOption('koi8-r');
    await failed.locator('[data-testid=retry-import]').click();
    const row = page.locator('[data-testid=article-row]', { hasText: TITLE });
    await row.waitFor({ timeout: TIMEOUT });
    // The report keeps the other refused file, still offering its own retry.
    expect(await page.locator('[data-testid=import-imported-count]').textContent()).toContain('1');
    expect(await refused.count()).toBe(1);
    const other = refused.filter({ hasText: 'athina.txt' });
    await other.locator('[data-testid=retry-encoding]').selectOption('windows-1253');
    await other.locator('[data-testid=retry-import]').click();
    await page.locator('[data-testid=article-row]', { hasText: GREEK_TITLE }).waitFor({ timeout: TIMEOUT });
    await expect.poll(() => page.locator('[data-testid=import-error]').count()).toBe(0);
    expect(await page.locator('[data-testid=import-imported-count]').textContent()).toContain('2');
    await row.click();
    await expect.poll(() => page.locator('[data-testid=reader-title]').textContent(), { timeout: TIMEOUT }).toBe(TITLE);
    expect(await page.locator('[data-testid=reader-body]').textContent()).toContain('расходы на транспорт');
    expect(problems).toEqual([]);
  });
});
