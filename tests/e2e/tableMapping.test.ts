/**
 * The CSV/TSV column mapping dialog, through the real web host: a table
 * whose column names the importer cannot guess is picked (and dropped),
 * mapped in the dialog and imported with the right titles and outlets;
 * Cancel imports none of the table files but the rest of the pick; the
 * mapping is remembered for the next file with the same header; the dialog
 * mirrors in Arabic, runs from the keyboard and passes axe-core.
 * Screenshots: test-results/table-mapping-{en,ar,ar-dark}.png. Needs `npm run build`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { computedDirections, resultPath } from '../support/e2eBrowser';
import { sharedData } from '../support/paths';
import { axeSerious, box, openFreshLibrary, suiteBrowser, TIMEOUT } from './workbenchHelpers';

type SaudiRecord = Record<'source' | 'url' | 'date_extracted' | 'title' | 'author' | 'content', string>;
const records = JSON.parse(
  gunzipSync(readFileSync(sharedData('saudinewsnet', '2015-07-22.json.gz'))).toString('utf8'),
) as SaudiRecord[];

const OUTLETS = ['مرصد الخليج', 'Gulf Monitor Weekly', 'مرصد الخليج'];
const HEADER = ['headline_txt', 'story', 'paper_name', 'when_txt'];

/** A newsroom tool's export: columns named its own way, bodies quoted with commas and line breaks. */
function exportCsv(rows: SaudiRecord[], outlets: string[]): string {
  const cell = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const lines = rows.map((r, i) =>
    [r.title, r.content, outlets[i % outlets.length]!, r.date_extracted].map(cell).join(','),
  );
  return [HEADER.join(','), ...lines].join('\r\n') + '\r\n';
}

async function listTitles(page: Page): Promise<string[]> {
  return page.locator('[data-testid=article-row] .row-title').allTextContents();
}

async function pick(page: Page, files: string[]): Promise<void> {
  await page.setInputFiles('[data-testid=import-input]', files);
}

async function importDone(page: Page): Promise<void> {
  await page.locator('[data-testid=import-report]').waitFor({ timeout: TIMEOUT });
  await page.locator('[data-testid=import-progress]').waitFor({ state: 'detached', timeout: TIMEOUT });
}

describe('CSV/TSV column mapping dialog', () => {
  const suite = suiteBrowser();

  it('maps a table the importer cannot guess, imports the right titles and outlets, remembers the mapping, and cancels cleanly', async () => {
    const { page, problems, dir, host } = await openFreshLibrary(suite.browser(), suite.hosts, { bypassCSP: true });
    const mapped = records.slice(0, 3);
    const csv = join(dir, 'newsroom-export.csv');
    writeFileSync(csv, exportCsv(mapped, OUTLETS));
    const note = join(dir, 'note.txt');
    writeFileSync(
      note,
      'Reuters – (27/7/2021)\nBiden and Kadhimi sealed an agreement on Monday that formally ends the US combat mission in Iraq.\n',
    );

    await pick(page, [csv, note]);
    const dialog = page.locator('[data-testid=table-mapping-dialog]');
    await dialog.waitFor({ timeout: TIMEOUT });
    // What the core found, and the first rows as they will be read, each cell in its own direction.
    await expect
      .poll(() => dialog.locator('[data-testid=table-facts]').textContent())
      .toBe('comma-separated · utf-8 · 3 rows');
    const headers = await dialog.locator('[data-testid=table-preview] th').allTextContents();
    expect(headers).toEqual(HEADER);
    const firstCell = dialog.locator('[data-testid=table-preview] tbody tr').first().locator('td').first();
    expect(await firstCell.textContent()).toBe(mapped[0]!.title);
    expect(await firstCell.getAttribute('dir')).toBe('auto');
    expect(await computedDirections(page, '[data-testid=table-preview] tbody td:first-child')).toEqual([
      'rtl',
      'rtl',
      'rtl',
    ]);
    // Nothing guessable: every select starts on "Not imported", and Import says why it waits.
    for (const field of ['title', 'body', 'source', 'date'])
      expect(await dialog.locator(`[data-testid=map-${field}]`).inputValue()).toBe('');
    const importButton = dialog.locator('[data-testid=table-map-import]');
    expect(await dialog.locator('[data-testid=table-map-origin]').textContent()).toBe(
      'Mizan does not recognise these column names: choose the columns yourself.',
    );
    expect(await importButton.isDisabled()).toBe(true);
    expect(await dialog.locator('[data-testid=table-map-reason]').textContent()).toBe(
      'Choose the column that holds the article text of \u2068newsroom-export.csv\u2069.',
    );
    // Focus is in the dialog (its first select); every select has a label.
    expect(
      await page.evaluate(() =>
        (
          globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } } }
        ).document.activeElement.getAttribute('data-testid'),
      ),
    ).toBe('map-title');
    expect(await dialog.locator('select').count()).toBe(8);
    for (const select of await dialog.locator('select').all())
      expect(await select.evaluate((el) => (el as unknown as { labels: ArrayLike<unknown> }).labels.length)).toBe(1);

    // Mapped from the keyboard: title (focused), then the text, the outlet.
    await page.keyboard.press('ArrowDown');
    expect(await dialog.locator('[data-testid=map-title]').inputValue()).toBe('headline_txt');
    await dialog.locator('[data-testid=map-body]').selectOption('story');
    await dialog.locator('[data-testid=map-source]').selectOption('paper_name');
    expect(await importButton.isDisabled()).toBe(false);
    expect(await dialog.locator('[data-testid=table-map-reason]').textContent()).toBe('Ready to import.');
    expect(await axeSerious(page)).toEqual([]);
    await page.screenshot({ path: resultPath('table-mapping-en.png') });
    await importButton.click();
    await importDone(page);
    await dialog.waitFor({ state: 'detached', timeout: TIMEOUT });

    // The three rows and the text file, with the mapped titles and outlets; the date column was left out.
    expect(await page.locator('[data-testid=import-imported-count]').textContent()).toContain('4');
    await expect.poll(() => listTitles(page), { timeout: TIMEOUT }).toHaveLength(4);
    for (const [i, record] of mapped.entries()) {
      const row = page.locator('[data-testid=article-row]', { hasText: record.title });
      expect(await row.locator('.row-source').textContent()).toBe(OUTLETS[i]);
      expect(await row.locator('.row-date').textContent()).toBe('Undated');
    }

    // Cancel (here: Escape) imports none of the table files, and the rest of the pick goes on.
    const second = join(dir, 'newsroom-export-2.csv');
    writeFileSync(second, exportCsv(records.slice(3, 5), OUTLETS));
    const note2 = join(dir, 'note2.txt');
    writeFileSync(
      note2,
      'AP – (28/7/2021)\nA second note, imported while the table is cancelled, about the same agreement.\n',
    );
    await pick(page, [second, note2]);
    await dialog.waitFor({ timeout: TIMEOUT });
    // The same header: the dialog opens with the last mapping, and says so.
    expect(await dialog.locator('[data-testid=map-title]').inputValue()).toBe('headline_txt');
    expect(await dialog.locator('[data-testid=map-body]').inputValue()).toBe('story');
    expect(await dialog.locator('[data-testid=map-source]').inputValue()).toBe('paper_name');
    expect(await dialog.locator('[data-testid=map-date]').inputValue()).toBe('');
    expect(await dialog.locator('[data-testid=table-map-origin]').textContent()).toBe(
      'Filled in from your last import of a file with these columns.',
    );
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: TIMEOUT });
    await importDone(page);
    await page
      .locator('[data-testid=toast]', { hasText: 'Nothing imported from the table file.' })
      .waitFor({ timeout: TIMEOUT });
    await expect.poll(() => listTitles(page), { timeout: TIMEOUT }).toHaveLength(5);
    const titles = await listTitles(page);
    expect(titles.some((title) => title.includes('A second note'))).toBe(true);
    for (const record of records.slice(3, 5)) expect(titles).not.toContain(record.title);

    // Cancel with the button, on a table picked alone: nothing is imported at all.
    await pick(page, [second]);
    await dialog.waitFor({ timeout: TIMEOUT });
    await dialog.locator('[data-testid=table-map-cancel]').click();
    await dialog.waitFor({ state: 'detached', timeout: TIMEOUT });
    await page.waitForTimeout(300);
    expect(await listTitles(page)).toHaveLength(5);

    // A drop on the window: the same dialog, and the mapping remembered with the library (a new profile sees it).
    const again = await suite.browser().newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-GB' });
    await again.goto(host.url);
    await again.locator('[data-testid=article-count]').waitFor({ timeout: TIMEOUT });
    await again.evaluate(
      (text) => {
        const g = globalThis as unknown as {
          document: { body: { dispatchEvent(e: unknown): void } };
          DataTransfer: new () => { items: { add(file: unknown): void } };
          DragEvent: new (
            type: string,
            init: { bubbles: boolean; cancelable: boolean; dataTransfer: unknown },
          ) => unknown;
          File: new (parts: string[], name: string, init: { type: string }) => unknown;
        };
        const data = new g.DataTransfer();
        data.items.add(new g.File([text], 'dropped.csv', { type: 'text/csv' }));
        for (const type of ['dragenter', 'dragover', 'drop'])
          g.document.body.dispatchEvent(new g.DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
      },
      exportCsv(records.slice(5, 7), OUTLETS),
    );
    const dropped = again.locator('[data-testid=table-mapping-dialog]');
    await dropped.waitFor({ timeout: TIMEOUT });
    expect(await dropped.locator('[data-testid=map-body]').inputValue()).toBe('story');
    await dropped.locator('[data-testid=table-map-import]').click();
    await importDone(again);
    await expect.poll(() => listTitles(again), { timeout: TIMEOUT }).toHaveLength(7);
    expect(
      await again
        .locator('[data-testid=article-row]', { hasText: records[5]!.title })
        .locator('.row-source')
        .textContent(),
    ).toBe(OUTLETS[0]);
    await again.close();
    expect(problems).toEqual([]);
  });

  it('mirrors the dialog in Arabic and passes axe-core there, light and dark', async () => {
    const { page, problems, dir } = await openFreshLibrary(suite.browser(), suite.hosts, {
      locale: 'ar-IQ',
      bypassCSP: true,
    });
    const csv = join(dir, 'تصدير.csv');
    writeFileSync(csv, exportCsv(records.slice(0, 6), OUTLETS));
    const other = join(dir, 'other.tsv');
    writeFileSync(other, `title\ttext\n${records[8]!.title}\t${records[8]!.content.replace(/[\t\r\n]+/g, ' ')}\n`);
    await pick(page, [csv, other]);
    const dialog = page.locator('[data-testid=table-mapping-dialog]');
    await dialog.waitFor({ timeout: TIMEOUT });
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(
      await computedDirections(
        page,
        '[data-testid=table-mapping-dialog], [data-testid=table-preview], [data-testid=table-map-reason]',
      ),
    ).toEqual(['rtl', 'rtl', 'rtl', 'rtl']);
    // Two headers, two sections; the TSV's columns were recognised by name.
    expect(await dialog.locator('[data-testid=table-map]').count()).toBe(2);
    const tsv = dialog.locator('[data-testid=table-map]').nth(1);
    expect(await tsv.locator('[data-testid=map-body]').inputValue()).toBe('text');
    expect(await tsv.locator('[data-testid=table-map-origin]').textContent()).toBe(
      'مُلئت من أسماء الأعمدة التي يعرفها ميزان؛ راجعها.',
    );
    expect(await tsv.locator('[data-testid=table-facts]').textContent()).toBe(
      'مفصول بمسافات جدولة · \u2068utf-8\u2069 · صف واحد',
    );
    // The first columns start at the right; the footer's buttons sit at the left edge, Import last.
    const first = await box(page, '[data-testid=table-preview] th:first-child');
    const second = await box(page, '[data-testid=table-preview] th:nth-child(2)');
    expect(first.x).toBeGreaterThan(second.x);
    expect((await box(page, '[data-testid=table-map-import]')).x).toBeLessThan(
      (await box(page, '[data-testid=table-map-cancel]')).x,
    );
    expect(await dialog.locator('[data-testid=table-map-reason]').textContent()).toBe(
      'اختر العمود الذي يحمل نص المقال في \u2068تصدير.csv\u2069.',
    );
    await dialog.locator('[data-testid=map-title]').first().selectOption('headline_txt');
    await dialog.locator('[data-testid=map-body]').first().selectOption('story');
    expect(await axeSerious(page)).toEqual([]);
    await page.screenshot({ path: resultPath('table-mapping-ar.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeSerious(page)).toEqual([]);
    await page.screenshot({ path: resultPath('table-mapping-ar-dark.png') });
    await dialog.locator('[data-testid=table-map-import]').click();
    await importDone(page);
    await expect.poll(() => listTitles(page), { timeout: TIMEOUT }).toHaveLength(7);
    expect(problems).toEqual([]);
  });
});
