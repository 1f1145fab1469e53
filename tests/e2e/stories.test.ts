/**
 * The Stories view's first screen as a researcher meets it, in Chromium
 * against the real web host: a few dozen real SaudiNewsNet articles of
 * 2015-07-23/24 are imported through the file input (no button pressed
 * afterwards: the core places them into stories). The list opens sorted by
 * number of outlets, each story titled by its most representative headline;
 * the second Saudi relief plane to Aden is a story of its own, marked as part
 * of a developing story whose other event (the third plane) the panel lists;
 * two institutions' Eid greetings, written to one template, are never one
 * story. English and Arabic screenshots in /tmp. Needs `npm run build`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../support/paths';
import { axeSerious, browserForSuite, importFiles, openFreshLibrary, TIMEOUT } from './workbenchHelpers';

interface SnnRecord {
  source: string;
  url: string;
  title: string;
  content: string;
}

const SECOND_PLANE = /(الثانية|ثاني|ثانية).*عدن|عدن.*(الثانية|ثاني)/u;
const THIRD_PLANE = /الثالثة.*عدن/u;
const EID = /^(مكتبة الملك عبدالعزيز العامة|محكمة الاستئناف بالرياض|وزارة الصحة) تعايد منسوبيها$/u;

/** Every 60th record of the two days, the relief planes' articles and three Eid greetings, written to `dir`. */
function writeSample(dir: string): string {
  const sample: SnnRecord[] = [];
  for (const day of ['2015-07-23', '2015-07-24']) {
    const records = JSON.parse(
      gunzipSync(readFileSync(sharedData('saudinewsnet', `${day}.json.gz`))).toString('utf8'),
    ) as SnnRecord[];
    const planes = (r: SnnRecord) =>
      /طائرة|الطائرة/u.test(r.title) && (SECOND_PLANE.test(r.title) || THIRD_PLANE.test(r.title));
    sample.push(...records.filter((r, i) => i % 60 === 0 || planes(r) || EID.test(r.title.trim())));
  }
  const path = join(dir, 'saudinewsnet-2015-07-23-24-sample.json');
  writeFileSync(path, JSON.stringify(sample));
  return path;
}

describe('stories view: one event a story, threads, default sort', () => {
  const suite = browserForSuite();

  it('opens on stories sorted by outlets, with the developing story shown as a thread', async () => {
    const { page, problems, dir } = await openFreshLibrary(suite.browser, suite.hosts, {
      width: 1500,
      height: 950,
      bypassCSP: true,
    });
    await importFiles(page, [writeSample(dir)]);
    await page.locator('[data-testid=import-report] button[aria-label="Close"]').click();

    await page.locator('[data-testid=view-stories]').click();
    await page.locator('[data-testid=stories-view]').waitFor({ timeout: TIMEOUT });
    expect(await page.locator('[data-testid=stories-sort]').inputValue()).toBe('outlets');
    const planeStory = page.locator('[data-testid=story-item]', { has: page.locator('[data-testid=story-thread]') });
    await planeStory.first().waitFor({ timeout: 90_000 });
    expect(await page.locator('[data-testid=stories-unclustered]').count()).toBe(0);

    // Most outlets first.
    const counts = await page
      .locator('[data-testid=story-item]')
      .evaluateAll((els) => els.map((e) => Number((e as unknown as { dataset: { outlets: string } }).dataset.outlets)));
    expect(counts.length).toBeGreaterThan(1);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);

    // No story holds two institutions' greetings.
    for (const text of await page.locator('[data-testid=story-item]').allTextContents())
      expect((text.match(/تعايد منسوبيها/gu) ?? []).length).toBeLessThanOrEqual(1);

    // The second plane: its own story, marked as part of a developing story, the third plane listed beside it.
    const second = page.locator('[data-testid=story-item]', { hasText: SECOND_PLANE }).first();
    await second.waitFor({ timeout: TIMEOUT });
    expect(await second.locator('[data-testid=story-thread]').textContent()).toMatch(/Developing story · \d+ events/);
    expect(await second.textContent()).not.toMatch(THIRD_PLANE);
    await second.click();
    const thread = page.locator('[data-testid=story-thread-list]');
    await thread.waitFor({ timeout: TIMEOUT });
    const others = await thread.locator('[data-testid=thread-story]').allTextContents();
    expect(others.some((t) => THIRD_PLANE.test(t))).toBe(true);
    await page.screenshot({ path: '/tmp/mizan-stories-en.png' });
    expect(await axeSerious(page)).toEqual([]);

    // Arabic UI: the same story, its thread in Arabic words.
    await page.locator('[data-testid=ui-lang-toggle]').click();
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await second.locator('[data-testid=story-thread]').textContent()).toMatch(/قصة متطورة/u);
    await page.screenshot({ path: '/tmp/mizan-stories-ar.png' });
    expect(await axeSerious(page)).toEqual([]);

    // The thread's other event opens as a story of its own.
    await thread.locator('[data-testid=thread-story]', { hasText: THIRD_PLANE }).first().click();
    await expect
      .poll(() => page.locator('[data-testid=story-panel] h2').textContent(), { timeout: TIMEOUT })
      .toMatch(THIRD_PLANE);
    expect(problems).toEqual([]);
  });
});
