/**
 * The Dossiers view in Chromium through the real web host: articles added
 * from the reader ("d"), the dossier's details, sections, an item moved by
 * keyboard (Alt+↑/↓, announced, focus kept) and to a section by its menu, a
 * note, the sandboxed preview with its own search working, and a PDF exported as a job, downloaded, and
 * read back (text, metadata, page images). Screenshots in EN and AR under test-results/.
 * Needs `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { resultPath } from '../support/e2eBrowser';
import { withPdf } from '../support/pdfReader';
import { seedPath, sharedData } from '../support/paths';
import { axeSerious, importFiles, openFreshLibrary, openRow, suiteBrowser, TIMEOUT } from './workbenchHelpers';

const BBC = ['business/001', 'politics/001', 'tech/001'];

function bbcFile(dir: string, name: string): string {
  const file = join(dir, `bbc-${name.replace('/', '-')}.txt`);
  writeFileSync(file, execFileSync('tar', ['-xzOf', sharedData('bbc-fulltext.tar.gz'), `bbc/${name}.txt`]));
  return file;
}

/** Letters and digits only: a reader's spacing and bidi marks vary (see tests/contract/dossier.contract.test.ts). */
function letters(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '');
}

/** The titles of the dossier's rows, top to bottom, with the section each is in. */
async function rows(page: Page): Promise<Array<[string, string]>> {
  return page.locator('[data-testid=dossier-section]').evaluateAll((sections) =>
    sections.flatMap((s) => {
      const el = s as unknown as {
        getAttribute(n: string): string | null;
        querySelectorAll(q: string): ArrayLike<{ textContent: string | null }>;
      };
      return Array.from(el.querySelectorAll('.dossier-item-title')).map((t): [string, string] => [
        el.getAttribute('data-section-id') ?? '',
        (t.textContent ?? '').trim(),
      ]);
    }),
  );
}

async function focusedItemTitle(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const doc = (
      globalThis as unknown as {
        document: { activeElement: { querySelector(s: string): { textContent: string | null } | null } | null };
      }
    ).document;
    return doc.activeElement?.querySelector('.dossier-item-title')?.textContent?.trim() ?? null;
  });
}

describe('dossier editor in the workbench', () => {
  const suite = suiteBrowser();

  it('builds a dossier with sections, reorders by keyboard, previews it sandboxed and exports a PDF', async () => {
    const browser = suite.browser();
    const { page, problems, dir, host } = await openFreshLibrary(browser, suite.hosts);
    await importFiles(page, [seedPath, ...BBC.map((n) => bbcFile(dir, n))]);

    // Four articles into one dossier from the reader: "d", a name the first time, then the suggested one.
    const titles = ['الأميركي', 'Time Warner', 'maternity', 'Ink helps'];
    for (const [i, text] of titles.entries()) {
      await openRow(page, text);
      await page.locator('[data-testid=reader-body]').click();
      await page.keyboard.press('d');
      const input = page.locator('[data-testid=dossier-dialog] [data-testid=prompt-input]');
      await input.waitFor({ timeout: TIMEOUT });
      if (i === 0) await input.fill('Iraq and the BBC');
      await page.locator('[data-testid=dossier-dialog] [data-testid=prompt-submit]').click();
      await page.locator('[data-testid=dossier-dialog]').waitFor({ state: 'detached', timeout: TIMEOUT });
    }

    await page.locator('[data-testid=import-report] .import-report-header button').click();
    await page.locator('[data-testid=view-dossiers]').click();
    const editor = page.locator('[data-testid=dossier-editor]');
    await editor.waitFor({ timeout: TIMEOUT });
    await expect.poll(() => page.locator('[data-testid=dossier-item]').count(), { timeout: TIMEOUT }).toBe(4);

    // Details, stored with the dossier.
    await page.locator('[data-testid=dossier-subtitle]').fill('Four articles in two sections');
    await page.locator('[data-testid=dossier-author]').fill('E2E Researcher');
    await page
      .locator('[data-testid=dossier-description]')
      .fill('Built through the dossier editor by the end-to-end test.');
    await page.locator('[data-testid=dossier-lang]').selectOption('en');
    await page.locator('[data-testid=dossier-save]').click();
    await page.locator('.toast', { hasText: 'Details saved' }).waitFor({ timeout: TIMEOUT });

    // Two sections; the BBC business and politics stories into the first, tech into the second, by the row's menu.
    for (const name of ['Business and politics', 'Technology']) {
      await page.locator('[data-testid=dossier-new-section]').fill(name);
      await page.locator('[data-testid=dossier-add-section]').click();
      await expect
        .poll(
          () =>
            page
              .locator('[data-testid=dossier-section-title]')
              .evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value)),
          { timeout: TIMEOUT },
        )
        .toContain(name);
    }
    const sectionIds = await page
      .locator('[data-testid=dossier-section]')
      .evaluateAll((s) =>
        s.map(
          (e) => (e as unknown as { getAttribute(n: string): string | null }).getAttribute('data-section-id') ?? '',
        ),
      );
    const [business, tech] = sectionIds.filter((id) => id !== '');
    const moveBy = async (title: string, sectionId: string) => {
      await page
        .locator('[data-testid=dossier-item]', { hasText: title })
        .locator('[data-testid=dossier-item-section]')
        .selectOption(sectionId);
      await expect
        .poll(async () => (await rows(page)).find((r) => r[1].includes(title))?.[0], { timeout: TIMEOUT })
        .toBe(sectionId);
    };
    await moveBy('Time Warner', business!);
    await moveBy('maternity', business!);
    await moveBy('Ink helps', tech!);
    const before = await rows(page);
    expect(before.map((r) => r[0])).toEqual(['', business, business, tech]);
    expect(before[1]![1]).toContain('Time Warner');
    expect(before[2]![1]).toContain('maternity');

    // Keyboard: Alt+↑ swaps within the section, focus stays on the moved row, and the move is announced.
    const maternity = page.locator('[data-testid=dossier-item]', { hasText: 'maternity' });
    await maternity.focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect
      .poll(async () => (await rows(page)).map((r) => r[1].slice(0, 12)), { timeout: TIMEOUT })
      .toEqual([
        before[0]![1].slice(0, 12),
        before[2]![1].slice(0, 12),
        before[1]![1].slice(0, 12),
        before[3]![1].slice(0, 12),
      ]);
    await expect
      .poll(() => page.locator('[data-testid=dossier-announcement]').textContent(), { timeout: TIMEOUT })
      .toMatch(/maternity.* 1 of 2 in .*Business and politics/);
    await expect.poll(() => focusedItemTitle(page), { timeout: TIMEOUT }).toContain('maternity');
    // Alt+↓ twice: back below Time Warner, then across the boundary to the top of Technology.
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(async () => (await rows(page))[2]?.[1], { timeout: TIMEOUT }).toContain('maternity');
    await expect.poll(() => focusedItemTitle(page), { timeout: TIMEOUT }).toContain('maternity');
    await page.keyboard.press('Alt+ArrowDown');
    await expect
      .poll(async () => (await rows(page)).map((r) => r[0]), { timeout: TIMEOUT })
      .toEqual(['', business, tech, tech]);
    expect((await rows(page))[2]![1]).toContain('maternity');

    // Drag and drop: "Ink helps" dropped on "maternity" takes its place, before it.
    await page
      .locator('[data-testid=dossier-item]', { hasText: 'Ink helps' })
      .dragTo(page.locator('[data-testid=dossier-item]', { hasText: 'maternity' }));
    await expect
      .poll(async () => (await rows(page)).map((r) => r[1].slice(0, 9)), { timeout: TIMEOUT })
      .toEqual([before[0]![1].slice(0, 9), 'Ad sales ', 'Ink helps', 'Labour pl']);

    // A research note, at the end of the last section.
    await page.locator('[data-testid=dossier-note-title]').fill('Why these four');
    await page.locator('[data-testid=dossier-note-body]').fill('Reporting on one week, compared across outlets.');
    await page.locator('[data-testid=dossier-add-note]').click();
    await expect.poll(async () => (await rows(page)).at(-1), { timeout: TIMEOUT }).toEqual([tech, 'Why these four']);

    // The preview: the offline HTML served at its own URL with its own CSP, in an iframe sandboxed
    // to scripts only (an opaque origin). The dossier's own search runs there and finds a word.
    await page.locator('[data-testid=dossier-preview]').click();
    const frame = page.locator('[data-testid=dossier-preview-frame]');
    await frame.waitFor({ timeout: TIMEOUT });
    expect(await frame.getAttribute('sandbox')).toBe('allow-scripts');
    const inner = page.frameLocator('[data-testid=dossier-preview-frame]');
    await expect
      .poll(() => inner.locator('.section-title').allTextContents(), { timeout: TIMEOUT })
      .toEqual(['Business and politics', 'Technology']);
    await inner.locator('html[data-search-ready=true]').waitFor({ timeout: TIMEOUT });
    await inner.locator('#mizan-q').fill('maternity');
    await inner.locator('#mizan-q').press('Enter');
    const found = inner.locator('#mizan-results li');
    await found.first().waitFor({ timeout: TIMEOUT });
    expect(await found.count()).toBe(1);
    expect(await found.first().locator('strong').textContent()).toMatch(/^Labour plans maternity pay rise/);
    expect(await found.first().locator('mark').first().textContent()).toMatch(/^maternity$/i);
    // The script runs in an opaque origin: it cannot read the app's storage or call its API with the cookie.
    const origin = await page
      .frames()
      .find((f) => f.url().includes('/dossier-preview/'))!
      .evaluate(() => (globalThis as unknown as { origin: string }).origin);
    expect(origin).toBe('null');
    await page.screenshot({ path: resultPath('dossier-editor-en.png') });
    await found.first().scrollIntoViewIfNeeded();
    await page.locator('.dossier-preview').screenshot({ path: resultPath('dossier-preview-search-en.png') });
    await page.locator('[data-testid=dossier-items]').screenshot({ path: resultPath('dossier-editor-items-en.png') });

    // Export PDF: a job, then a download link; the file is read back (tests/support/pdfReader.ts).
    await page.locator('[data-testid=dossier-export-pdf]').click();
    const link = page.locator('[data-testid=dossier-download]');
    await link.waitFor({ timeout: 60_000 });
    expect(await link.getAttribute('download')).toBe('Iraq-and-the-BBC.pdf');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const pdf = resultPath('dossier-editor.pdf');
    await download.saveAs(pdf);
    const { info, text } = await withPdf(pdf, async (read) => {
      for (let n = 1; n <= Math.min(4, read.pages); n++)
        await read.renderPng(n, resultPath(`dossier-editor-pdf-${n}.png`), 60);
      return { info: await read.info(), text: letters(await read.text()) };
    });
    expect(info.author).toBe('E2E Researcher');
    expect(info.title).toBe('Iraq and the BBC');
    // The cover's description, then the body in the dossier's order: the seed, section 1 and its
    // story, section 2 and its two stories (in the dragged order), the note (searched from the seed on, past the contents).
    expect(text).toContain('Builtthroughthedossiereditor');
    let at = text.indexOf(letters('الأراضي العراقية'));
    expect(at).toBeGreaterThan(text.indexOf('Contents'));
    for (const phrase of [
      'BusinessandpoliticsAdsalesboostTimeWarnerprofit',
      'Technology',
      'InkhelpsdrivedemocracyinAsia',
      'Labourplansmaternitypayrise',
      'WhythesefourReportingononeweek',
    ]) {
      const next = text.indexOf(phrase, at);
      expect(next, `"${phrase}" after offset ${at} in the PDF's text`).toBeGreaterThan(at);
      at = next;
    }

    // Arabic chrome: the view mirrors (the list on the right); screenshot, and axe finds nothing serious.
    await page.locator('[data-testid=ui-lang-toggle]').click();
    await page.locator('[data-testid=dossiers-close]', { hasText: 'العودة' }).waitFor({ timeout: TIMEOUT });
    const list = await page.locator('.dossiers-list').boundingBox();
    const pane = await page.locator('.dossier-pane').boundingBox();
    expect(list!.x).toBeGreaterThan(pane!.x);
    await page.locator('[data-testid=dossier-preview]').click();
    await frame.waitFor({ timeout: TIMEOUT });
    await inner.locator('html[data-search-ready=true]').waitFor({ timeout: TIMEOUT });
    await inner.locator('#mizan-q').fill('ink');
    await inner.locator('#mizan-q').press('Enter');
    await inner.locator('#mizan-results li').first().waitFor({ timeout: TIMEOUT });
    await page.screenshot({ path: resultPath('dossier-editor-ar.png') });
    await inner.locator('#mizan-results li').first().scrollIntoViewIfNeeded();
    await page.locator('.dossier-preview').screenshot({ path: resultPath('dossier-preview-search-ar.png') });
    await page.locator('[data-testid=dossier-items]').screenshot({ path: resultPath('dossier-editor-items-ar.png') });
    // Nothing went wrong: no CSP violation (the preview's script is allowed by its hash), failed load or error.
    expect(problems).toEqual([]);

    // axe-core, injected as an inline script, needs the CSP bypassed: a second window on the same library.
    for (const locale of ['en-GB', 'ar-IQ']) {
      const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale, bypassCSP: true });
      const axePage = await ctx.newPage();
      await axePage.goto(host.url);
      await axePage.locator('[data-testid=view-dossiers]').click();
      await axePage.locator('[data-testid=dossier-item]').first().waitFor({ timeout: TIMEOUT });
      expect(await axeSerious(axePage), locale).toEqual([]);
      await ctx.close();
    }
  });
});
