/**
 * The workbench as a researcher uses it, in Chromium against the real web
 * host: highlight with a note, re-import (the highlight stays anchored; an
 * edited version moves or orphans it, shown as such), tag and collect
 * (dialogs and drag and drop), order a collection, merge sources, edit
 * details, delete with undo, and the state that survives a reload.
 * Needs `npm run build`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultPath } from '../support/e2eBrowser';
import { seedPath } from '../support/paths';
import { importFiles, openFreshLibrary, openRow, selectInReader, suiteBrowser, TIMEOUT } from './workbenchHelpers';

const QUOTE = 'اتفاق لإنهاء المهمة القتالية للجيش الأميركي في العراق';
const LOST = 'وسيتم توضيح خطة نقل المهمة العسكرية الأميركية';
const NOTE = 'قارن مع رواية البنتاغون: 2500 جندي';

describe('workbench: highlights, notes, organizing', () => {
  const suite = suiteBrowser();
  const { hosts } = suite;

  it('highlights with a note; re-import keeps it anchored; an edited re-import shows it moved, and a lost one orphaned', async () => {
    const { page, problems, dir } = await openFreshLibrary(suite.browser(), hosts);
    await importFiles(page, [seedPath]);
    await openRow(page, 'الأميركي');

    // Select a passage with the mouse, pick "highlight with note", write the note.
    await selectInReader(page, QUOTE);
    await page.locator('[data-testid=highlight-note]').click();
    const mark = page.locator('[data-testid=reader-body] mark.hl');
    await mark.first().waitFor({ timeout: TIMEOUT });
    expect((await mark.allTextContents()).join('')).toBe(QUOTE);
    const noteField = page.locator('[data-testid=annotation] [data-testid=note-field]').first();
    await expect
      .poll(() =>
        noteField.evaluate(
          (el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
        ),
      )
      .toBe(true);
    await page.keyboard.type(NOTE);
    await page.keyboard.press('Control+Enter');
    const annotation = page.locator('[data-testid=annotation]').first();
    await expect.poll(() => annotation.getAttribute('data-status')).toBe('anchored');

    // A second highlight from the keyboard: find the phrase, then h.
    await page.keyboard.press('Control+f');
    await page.locator('[data-testid=find-input]').fill('وسيتم توضيح خطة نقل المهمة العسكرية الأميركية');
    await expect.poll(() => page.locator('[data-testid=find-count]').textContent()).toBe('1 of 1');
    await page.keyboard.press('Escape');
    await page.keyboard.press('h');
    await expect.poll(() => page.locator('[data-testid=annotation]').count()).toBe(2);
    await page.screenshot({ path: resultPath('workbench-highlight-note.png') });

    // The note is stored: a reload shows it again, and the reader reopens where it was.
    await page.reload();
    // A reload aborts the open event stream and any save in flight: not a problem of the page.
    problems.splice(0, problems.length, ...problems.filter((p) => !p.includes('net::ERR_ABORTED')));
    await page.locator('[data-testid=reader-body] mark.hl').first().waitFor({ timeout: TIMEOUT });
    await expect.poll(() => page.locator('[data-testid=note-field]').first().inputValue()).toBe(NOTE);

    // The same file again: a duplicate of the same article, highlights in place.
    await importFiles(page, [seedPath]);
    expect(await page.locator('[data-testid=import-duplicate]').count()).toBe(1);
    await openRow(page, 'الأميركي');
    await expect
      .poll(() =>
        page
          .locator('[data-testid=annotation]')
          .evaluateAll((els) => els.map((e) => (e as unknown as { dataset: { status: string } }).dataset.status)),
      )
      .toEqual(['anchored', 'anchored']);

    // An edited version: a new paragraph on top, one sentence gone.
    const lines = readFileSync(seedPath, 'utf8').split('\n');
    const edited = [
      lines[0],
      'تحديث: أضيفت هذه الفقرة بعد النشر الأول للخبر.',
      ...lines.slice(1).filter((l) => !l.includes(LOST)),
    ].join('\n');
    const editedPath = join(dir, 'hurriya-2021-07-26-v2.txt');
    writeFileSync(editedPath, edited);
    await page.setInputFiles('[data-testid=update-input]', [editedPath]);
    const toast = page.locator('[data-testid=toast]', { hasText: 'Text updated' });
    await toast.waitFor({ timeout: TIMEOUT });
    expect(await toast.textContent()).toContain('1 moved, 1 orphaned');
    await expect.poll(() => page.locator('[data-testid=reader-body]').textContent()).toContain('تحديث: أضيفت');

    const statuses = page.locator('[data-testid=annotation]');
    await expect
      .poll(() =>
        statuses.evaluateAll((els) => els.map((e) => (e as unknown as { dataset: { status: string } }).dataset.status)),
      )
      .toEqual(['moved', 'orphaned']);
    // The moved one is still drawn over its text; the orphan keeps its quote and says so.
    expect((await page.locator('[data-testid=reader-body] mark.hl').allTextContents()).join('')).toBe(QUOTE);
    const orphan = page.locator('[data-testid=annotation][data-status=orphaned]');
    expect(await orphan.locator('blockquote').textContent()).toBe(LOST);
    expect(await orphan.locator('[data-testid=anchor-status]').textContent()).toBe('Orphaned');
    // Still one article: the new version's text went into the old one.
    expect(await page.locator('[data-testid=article-row]').count()).toBe(1);
    await page.screenshot({ path: resultPath('workbench-reimport-moved-orphaned.png') });

    // Library-wide list of highlights, with the orphan listed as such.
    await page.locator('[data-testid=view-highlights]').click();
    const items = page.locator('[data-testid=highlight-item]');
    await expect.poll(() => items.count()).toBe(2);
    await page.locator('[data-testid=highlight-status-filter]').selectOption('orphaned');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().textContent()).toContain(LOST);

    // Accepting the new place anchors the moved highlight again.
    await page.locator('[data-testid=highlight-status-filter]').selectOption('');
    await items.filter({ hasText: NOTE }).click();
    await page.locator('[data-testid=accept-position]').click();
    await expect
      .poll(() => page.locator('[data-testid=annotation]').first().getAttribute('data-status'))
      .toBe('anchored');

    // Everything the import and the update did is in the activity log.
    await page.locator('[data-testid=activity-button]').click();
    const entries = page.locator('[data-testid=activity-entry]');
    await expect.poll(() => entries.count()).toBe(3);
    expect(await entries.first().textContent()).toContain('hurriya-2021-07-26-v2.txt');
    expect(problems).toEqual([]);
  });

  it('tags and collects (dialogs and drag and drop), orders a collection, merges sources, edits details, deletes with undo', async () => {
    const { page, problems, dir } = await openFreshLibrary(suite.browser(), hosts);
    const a = join(dir, 'reuters-a.txt');
    const b = join(dir, 'reuters-b.txt');
    writeFileSync(
      a,
      'Reuters – (27/7/2021)\nBiden and Kadhimi sealed an agreement on Monday that formally ends the US combat mission in Iraq by the end of 2021.\n',
    );
    writeFileSync(
      b,
      'Reuters News – (28/7/2021)\nThe Pentagon said about 2,500 US troops remain in Iraq to train and advise Iraqi forces after the combat mission ends.\n',
    );
    await importFiles(page, [seedPath, a, b]);
    await expect.poll(() => page.locator('[data-testid=article-row]').count()).toBe(3);

    // A tag from the reader.
    await openRow(page, 'Kadhimi');
    await page.locator('[data-testid=add-tag]').click();
    await page.locator('[data-testid=prompt-input]').fill('العراق');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid=reader-tags] .chip').allTextContents()).toEqual(['العراق×']);
    await expect.poll(() => page.locator('[data-testid=tag-link]').textContent()).toContain('#العراق');

    // A new collection from the sidebar, then articles dragged onto it and added from the reader.
    await page.locator('[data-testid=new-collection]').click();
    await page.locator('[data-testid=prompt-input]').fill('ملف الانسحاب');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid=list-title]').textContent()).toBe('ملف الانسحاب');
    await page.locator('[data-testid=view-all]').click();
    const collectionLink = page.locator('[data-testid=collection-link]', { hasText: 'ملف الانسحاب' });
    await page.locator('[data-testid=article-row]', { hasText: 'Pentagon' }).dragTo(collectionLink);
    await expect.poll(() => collectionLink.textContent()).toMatch(/1$/);
    await page.locator('[data-testid=article-row]', { hasText: 'Kadhimi' }).dragTo(collectionLink);
    await expect.poll(() => collectionLink.textContent()).toMatch(/2$/);
    await openRow(page, 'الأميركي');
    await page.locator('[data-testid=add-to-collection]').click();
    await page.locator('[data-testid=prompt-input]').fill('ملف الانسحاب');
    await page.keyboard.press('Enter');
    await expect.poll(() => collectionLink.textContent()).toMatch(/3$/);
    expect(await page.locator('[data-testid=reader-collections] .chip').allTextContents()).toEqual(['ملف الانسحاب×']);

    // The collection in its own order; Alt+↓ moves the selected article down.
    await collectionLink.click();
    const titles = () => page.locator('[data-testid=article-row] .row-title').allTextContents();
    await expect.poll(async () => (await titles()).length).toBe(3);
    const before = await titles();
    expect(before[0]).toContain('Pentagon');
    expect(before[2]).toContain('الأميركي');
    await page.locator('[data-testid=article-list]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(async () => (await titles())[1]).toContain('Pentagon');
    // And by dragging: the Arabic article onto the first row goes first.
    await page
      .locator('[data-testid=article-row]', { hasText: 'الأميركي' })
      .dragTo(page.locator('[data-testid=article-row]').first());
    await expect.poll(async () => (await titles())[0]).toContain('الأميركي');
    await page.screenshot({ path: resultPath('workbench-collection.png') });

    // Two spellings of one outlet become one.
    await page.locator('[data-testid=manage-sources]').click();
    const dialog = page.locator('[data-testid=sources-dialog]');
    const line = (name: string) =>
      dialog
        .locator('[data-testid=source-line]')
        .filter({ has: page.locator('.source-name', { hasText: new RegExp(`^${name}$`) }) });
    await line('Reuters News').locator('input[type=checkbox]').check();
    await line('Reuters').locator('input[type=checkbox]').check();
    await dialog.locator('[data-testid=merge-target]').selectOption({ label: 'Reuters' });
    await dialog.locator('[data-testid=merge-button]').click();
    await expect.poll(() => line('Reuters News').count()).toBe(0);
    await expect.poll(() => line('Reuters').textContent()).toContain('2 articles');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.locator('[data-testid=source-link]', { hasText: 'Reuters' }).textContent())
      .toMatch(/2$/);

    // Details edited in the dialog show in the list and the reader.
    await page.locator('[data-testid=view-all]').click();
    await openRow(page, 'Pentagon');
    await page.locator('[data-testid=edit-metadata]').click();
    await page.locator('[data-testid=meta-title]').fill('Pentagon: 2,500 troops stay in Iraq');
    await page.locator('[data-testid=meta-author]').fill('Staff');
    await page.locator('[data-testid=meta-save]').click();
    await expect
      .poll(() => page.locator('[data-testid=reader-title]').textContent())
      .toBe('Pentagon: 2,500 troops stay in Iraq');
    await expect.poll(() => page.locator('[data-testid=article-row]', { hasText: 'troops stay' }).count()).toBe(1);

    // Delete with the Delete key, then undo: back with its tag and its collection.
    await openRow(page, 'Kadhimi');
    await page.locator('[data-testid=reader-body]').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('[data-testid=article-row]', { hasText: 'Kadhimi' }).count()).toBe(0);
    await page.locator('[data-testid=toast-action]').click();
    await expect.poll(() => page.locator('[data-testid=article-row]', { hasText: 'Kadhimi' }).count()).toBe(1);
    await expect.poll(() => page.locator('[data-testid=reader-tags] .chip').allTextContents()).toEqual(['العراق×']);
    expect(await page.locator('[data-testid=reader-collections] .chip').allTextContents()).toEqual(['ملف الانسحاب×']);
    expect(problems).toEqual([]);
  });
  it('shows the sanitized original layout of an HTML article, and nothing in it runs or loads', async () => {
    const { page, problems, dir } = await openFreshLibrary(suite.browser(), hosts);
    const html = join(dir, 'hurriya-page.html');
    writeFileSync(
      html,
      `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>الكاظمي في البيت الأبيض</title>
<meta property="og:site_name" content="الحرية"><meta name="author" content="مراسل الحرية">
<script>window.__pwned = 1</script></head><body><article>
<h1>الكاظمي في البيت الأبيض</h1>
<p>أعلن الرئيس الأميركي جو بايدن أنه سيستضيف رئيس مجلس الوزراء مصطفى الكاظمي، اليوم الاثنين، في المكتب البيضاوي.</p>
<h2>إنهاء المهمة القتالية</h2>
<p onclick="window.__pwned = 2">ورجح مسؤول رفيع المستوى أن يعلن الرئيسان اتفاقا لإنهاء المهمة القتالية للجيش الأميركي في العراق بحلول نهاية العام.</p>
<img src="https://example.com/tracker.png" alt="صورة"><iframe src="https://example.com/"></iframe>
<blockquote>“إنني أتطلع إلى تعزيز الشراكة الاستراتيجية بين الولايات المتحدة والعراق”</blockquote>
<p>المصدر: <a href="https://example.com/story">الرابط الأصلي</a> و<a href="javascript:alert(1)">رابط ضار</a></p>
</article></body></html>`,
    );
    await importFiles(page, [html]);
    await openRow(page, 'الكاظمي');
    await page.locator('[data-testid=view-html]').click();
    const view = page.locator('[data-testid=reader-html]');
    await view.waitFor({ timeout: TIMEOUT });
    expect(await view.locator('h2, h3', { hasText: 'إنهاء المهمة القتالية' }).count()).toBe(1);
    expect(await view.textContent()).toContain('بحلول نهاية العام');
    expect(await view.locator('blockquote').count()).toBe(1);
    expect(await view.locator('script, iframe, [onclick], [style]').count()).toBe(0);
    // Nothing remote loads (the importer drops such images, the renderer strips any src but data:), no script URL.
    expect(await view.locator('img[src]:not([src^="data:"]), [href^="javascript"], [src^="javascript"]').count()).toBe(
      0,
    );
    for (const rel of await view
      .locator('a[href]')
      .evaluateAll((as) => as.map((a) => (a as unknown as { rel: string; href: string }).rel))) {
      expect(rel).toContain('noopener');
    }
    await view.locator('p').nth(1).click();
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.screenshot({ path: resultPath('workbench-html-view.png') });
    // The text view is one click away, and keeps the highlights and find.
    await page.locator('[data-testid=view-text]').click();
    await page.locator('[data-testid=reader-body]').waitFor({ timeout: TIMEOUT });
    expect(problems).toEqual([]);
  });
});
