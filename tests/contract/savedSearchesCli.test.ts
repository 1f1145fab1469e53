/** `mizan searches` and `mizan search --saved`: saved searches as a script reads them, counted now. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../main/core/services';
import { mizan } from '../support/cli';
import { seedPath, tempDir } from '../support/paths';

interface SavedJson {
  id: number;
  name: string;
  query: string;
  filter: Record<string, unknown>;
  articleCount: number;
}

describe('mizan searches and search --saved', () => {
  const dir = tempDir();
  const library = join(dir, 'library.db');
  const reports = join(dir, 'reports.jsonl');
  writeFileSync(
    reports,
    [
      {
        title: 'Budget vote',
        body: 'The parliament voted the oil budget.',
        source: 'Wire',
        date: '2020-03-02',
        lang: 'en',
      },
      { title: 'Oil exports', body: 'Oil exports rose in the spring.', source: 'Wire', date: '2021-04-09', lang: 'en' },
      {
        title: 'Harvest',
        body: 'Farmers expect a good wheat harvest.',
        source: 'Wire',
        date: '2021-06-01',
        lang: 'en',
      },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n') + '\n',
  );

  it('lists each saved search with its count, and runs one by name, narrowed by the words given with it', async () => {
    expect((await mizan(['import', seedPath, reports, '--library', library])).code).toBe(0);
    const services = await createServices({ dbPath: library, host: 'test', storiesAfterImport: false });
    try {
      const ctx = { progress: () => undefined, signal: new AbortController().signal };
      const save = services.handlers['search.saveSearch'];
      await save({ name: 'Oil', query: 'oil', filter: {} }, ctx);
      await save({ name: 'English 2021', query: '', filter: { lang: 'en', dateFrom: '2021', dateTo: '2021' } }, ctx);
      await save({ name: 'الكاظمي', query: 'الكاظمي', filter: {} }, ctx);
    } finally {
      await services.close();
    }

    const listed = await mizan(['searches', '--library', library, '--json']);
    expect(listed.code).toBe(0);
    const saved = JSON.parse(listed.stdout) as SavedJson[];
    expect(saved.map((s) => [s.name, s.articleCount])).toEqual([
      ['English 2021', 2],
      ['Oil', 2],
      ['الكاظمي', 1],
    ]);
    const readable = await mizan(['searches', '--library', library]);
    expect(readable.stdout).toMatch(/^\s+2 {2}Oil {2}oil$/m);
    expect(readable.stdout).toContain('3 saved searches');

    // By name (case aside): the saved query; words given with it narrow it; flags narrow its filters.
    const oil = JSON.parse((await mizan(['search', '--saved', 'oil', '--library', library, '--json'])).stdout) as {
      total: number;
      results: Array<{ title: string }>;
    };
    expect(oil.results.map((r) => r.title).sort()).toEqual(['Budget vote', 'Oil exports']);
    const narrowed = await mizan(['search', 'exports', '--saved', 'Oil', '--library', library, '--json']);
    expect((JSON.parse(narrowed.stdout) as { results: Array<{ title: string }> }).results.map((r) => r.title)).toEqual([
      'Oil exports',
    ]);
    // No words saved: the filtered articles, newest first.
    const dated = await mizan(['search', '--saved', 'English 2021', '--library', library]);
    expect(dated.code).toBe(0);
    expect(
      dated.stdout
        .split('\n')
        .filter((l) => /^\s+\d+ /.test(l))
        .map((l) =>
          l
            .trim()
            .split(/\s{2,}/)
            .at(-1),
        ),
    ).toEqual(['Harvest', 'Oil exports']);
    expect(dated.stdout).toContain('1-2 of 2 results');
    const fromJune = await mizan([
      'search',
      '--saved',
      'English 2021',
      '--from',
      '2021-05',
      '--library',
      library,
      '--json',
    ]);
    expect((JSON.parse(fromJune.stdout) as { total: number }).total).toBe(1);

    const missing = await mizan(['search', '--saved', 'nothing', '--library', library]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no saved search called "nothing"');
    const usage = await mizan(['search', '--library', library]);
    expect(usage.code).toBe(2);
  }, 120_000);
});
