/** `mizan search` and `mizan reindex` as archivists script them: a real process, a real library file. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mizan } from '../support/cli';
import { seedPath, sharedData, tempDir } from '../support/paths';

interface SearchJson {
  total: number;
  results: Array<{
    id: number;
    title: string;
    source: string | null;
    publishedAt: string | null;
    score: number;
    snippet: string;
    highlights: Array<[number, number]>;
  }>;
  facets: {
    sources: Array<{ name: string; count: number }>;
    years: Array<{ year: string; count: number }>;
    languages: Array<{ lang: string; count: number }>;
  };
}

describe('mizan search', () => {
  const library = join(tempDir(), 'library.db');

  it('finds the seed, which writes الأميركي, for الأمريكي', async () => {
    expect((await mizan(['import', seedPath, '--library', library])).code).toBe(0);
    const result = await mizan(['search', 'الأمريكي', '--library', library, '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as SearchJson;
    expect(json.total).toBe(1);
    expect(json.results).toHaveLength(1);
    const hit = json.results[0]!;
    expect(Object.keys(hit).sort()).toEqual(['highlights', 'id', 'publishedAt', 'score', 'snippet', 'source', 'title']);
    expect(hit).toMatchObject({ id: 1, source: 'حرية', publishedAt: '2021-07-26' });
    expect(hit.highlights.map(([s, e]) => hit.snippet.slice(s, e))).toEqual(expect.arrayContaining(['الأميركي']));
    expect(json.facets).toEqual({
      sources: [{ id: expect.any(Number), name: 'حرية', count: 1 }],
      years: [{ year: '2021', count: 1 }],
      languages: [{ lang: 'ar', count: 1 }],
    });
  });

  it('prints readable results with the matches marked, and exits 1 when nothing is found', async () => {
    const found = await mizan(['search', 'الكاظمي', '--library', library]);
    expect(found.code).toBe(0);
    expect(found.stdout).toContain('[الكاظمي]');
    expect(found.stdout).toContain('1-1 of 1 results');
    const none = await mizan(['search', 'بريطانيا', '--library', library]);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('0 of 0 results');
  });

  it('explains a malformed query, an unknown collection and a missing query', async () => {
    const bad = await mizan(['search', '"الرئيس الأمريكي', '--library', library]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('mizan: QUERY_INVALID: at position 0: the quote opened here is never closed');
    const collection = await mizan(['search', 'الكاظمي', '--collection', 'nowhere', '--library', library]);
    expect(collection.code).toBe(1);
    expect(collection.stderr).toContain('no collection called "nowhere"');
    expect((await mizan(['search', '--library', library])).code).toBe(2);
  });

  it('searches within a collection and reindexes', async () => {
    expect(
      (await mizan(['import', seedPath, '--library', join(library, '..', 'other.db'), '--collection', 'Iraq'])).code,
    ).toBe(0);
    const inCollection = await mizan([
      'search',
      'الأمريكي',
      '--collection',
      'iraq',
      '--library',
      join(library, '..', 'other.db'),
      '--json',
    ]);
    expect(inCollection.code).toBe(0);
    expect((JSON.parse(inCollection.stdout) as SearchJson).results.map((r) => r.id)).toEqual([1]);
    const reindex = await mizan(['reindex', '--library', library]);
    expect(reindex.code).toBe(0);
    expect(reindex.stdout).toMatch(/^Reindexed 1 articles in \d+\.\d s/);
    expect((await mizan(['search', 'الأمريكي', '--library', library])).code).toBe(0);
  });

  it('sorts by date and takes Gregorian or Hijri bounds', async () => {
    const day = join(library, '..', 'day.db');
    // The day's file holds a few records the import reports (exit 1); the rest is imported.
    await mizan(['import', sharedData('saudinewsnet', '2015-07-21.json.gz'), '--library', day]);
    expect((await mizan(['import', seedPath, '--library', day])).code).toBe(0);
    const run = async (...more: string[]) => {
      const r = await mizan(['search', 'الأمريكي', '--library', day, '--json', '--limit', '100', ...more]);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as SearchJson & {
        facetGroups: Array<{ kind: string; values: Array<{ value: string | null; count: number }> }>;
      };
    };
    const newest = await run('--sort', 'newest');
    expect(newest.results[0]!.publishedAt).toBe('2021-07-26');
    const oldest = await run('--sort', 'oldest');
    const oldDates = oldest.results.map((r) => r.publishedAt ?? '');
    expect([...oldDates].sort()).toEqual(oldDates);
    expect(oldest.total).toBe(newest.total);
    expect(newest.facetGroups.map((g) => g.kind)).toContain('month');
    // 16 Dhu al-Hijjah 1442 AH is 26 July 2021, the seed's day; 1436-10-05 هـ is 21 July 2015.
    const seedDay = await run('--from', '1442-12-16AH', '--to', '1442-12-16 هـ');
    expect(seedDay.results.map((r) => r.publishedAt)).toEqual(['2021-07-26']);
    const saudiDay = await run('--from', '1436-10-05 هـ', '--to', '2015-07-21');
    expect(saudiDay.total).toBe(newest.total - 1);
    const bad = await mizan(['search', 'الأمريكي', '--library', day, '--from', '1436-13-01 هـ']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--from: "1436-13-01 هـ" is not a day of its calendar');
    const sort = await mizan(['search', 'الأمريكي', '--library', day, '--sort', 'date']);
    expect(sort.code).toBe(2);
    expect(sort.stderr).toContain('--sort: "date" is not one of relevance, newest, oldest');
    // Nine runs of a real process: slow on a loaded machine.
  }, 300_000);
});
