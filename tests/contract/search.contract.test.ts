/**
 * Search through the contract, against the services in-process and the real
 * web host over HTTP (as library.contract.test.ts does for the library):
 * both must answer the same, errors included, because the renderer sees one
 * or the other.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MizanError, type Input, type MizanApi, type Progress, type SearchResults } from '../../preload/contract';
import { seedPath, sharedData, tempDir } from '../support/paths';
import { contractTargets } from '../support/contractTargets';

const targets = contractTargets();

/** The queries both targets must answer identically. */
const QUERIES: Array<Input<'search.query'>> = [
  { query: 'الأمريكي' },
  { query: '"الرئيس الأمريكي"', limit: 5 },
  { query: 'الكاظمي -بايدن' },
  { query: 'title:السعودية', limit: 3, offset: 3 },
  { query: 'الكاظيمي~1' },
  { query: 'واشن*', facets: false },
  { query: 'السعودية', filter: { dateFrom: '2015-07', dateTo: '2015-07' }, limit: 2 },
  { query: 'السعودية', sort: 'newest', limit: 5 },
  { query: 'الرياض', sort: 'oldest', filter: { lang: 'ar' }, limit: 5, offset: 2 },
  { query: '"مجلس الوزراء', lenient: true },
];
const answers = new Map<string, unknown[]>();

async function queryError(promise: Promise<unknown>): Promise<MizanError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(MizanError);
    return error as MizanError;
  }
  throw new Error('expected QUERY_INVALID, but the call succeeded');
}

describe.each(targets)('search contract: $name', (target) => {
  let api: MizanApi;
  let stop: () => Promise<void>;
  let seedId: number;

  beforeAll(async () => {
    ({ api, stop } = await target.start(join(tempDir(), 'library.db')));
    const seed = await api['library.importFiles']({ paths: [seedPath] });
    seedId = seed.imported[0]!.id;
    await api['library.importFiles']({ paths: [sharedData('saudinewsnet', '2015-07-21.json.gz')] });
  });
  afterAll(async () => {
    await stop?.();
  });

  it('finds الأميركي for الأمريكي, with the match marked in the original text', async () => {
    const r: SearchResults = await api['search.query']({ query: 'الأمريكي', limit: 100 });
    expect(r.engine).toBe('fts5');
    expect(r.indexStale).toBe(false);
    const seed = r.items.find((h) => h.id === seedId);
    expect(seed).toBeDefined();
    expect(seed!.titleHighlights.map(([s, e]) => seed!.title.slice(s, e))).toContain('الأميركي');
    expect(r.facets!.years.map((y) => y.year)).toEqual(['2021', '2015']);
  });

  it('gives facets as a list of kinds, and sorts by date', async () => {
    const r = await api['search.query']({ query: 'السعودية', limit: 100 });
    expect(r.facetGroups!.map((g) => g.kind)).toEqual(['source', 'year', 'month', 'language', 'tag', 'collection']);
    const months = r.facetGroups!.find((g) => g.kind === 'month')!.values;
    expect(months.reduce((sum, m) => sum + m.count, 0)).toBe(r.total);
    expect(months[0]).toMatchObject({ value: '2015-07' });
    await api['library.tagArticles']({ articleIds: [r.items[0]!.id], tags: ['رصد'] });
    const tagged = await api['search.query']({ query: 'السعودية', limit: 1 });
    expect(tagged.facetGroups!.find((g) => g.kind === 'tag')!.values).toEqual([
      { value: 'رصد', label: 'رصد', count: 1 },
    ]);
    expect((await api['search.query']({ query: 'السعودية', filter: { tag: 'رصد' } })).items.map((h) => h.id)).toEqual([
      r.items[0]!.id,
    ]);
    await api['library.untagArticles']({ articleIds: [r.items[0]!.id], tags: ['رصد'] });

    const newest = await api['search.query']({ query: 'الأمريكي', sort: 'newest', limit: 100 });
    const dates = newest.items.map((h) => h.publishedAt.iso ?? '');
    expect(dates[0]).toBe('2021-07-26'); // the seed
    expect([...dates].sort().reverse()).toEqual(dates);
    const oldest = await api['search.query']({ query: 'الأمريكي', sort: 'oldest', limit: 100 });
    const oldDates = oldest.items.map((h) => h.publishedAt.iso ?? '');
    expect([...oldDates].sort()).toEqual(oldDates);
    expect(oldDates[0]! < dates[0]!).toBe(true);
    expect(oldest.total).toBe(newest.total);
  });

  it('reads a malformed query leniently when asked, saying how', async () => {
    const r = await api['search.query']({ query: '"الرئيس الأمريكي', lenient: true });
    expect(r.hints).toEqual([{ kind: 'unclosedQuote', text: 'الرئيس الأمريكي' }]);
    expect(r.understood).toEqual([{ text: 'الرئيس الأمريكي', via: ['phrase'], keys: [] }]);
    expect(r.items.map((h) => h.id)).toContain(seedId);
  });

  it('answers the fixed queries', async () => {
    const results: unknown[] = [];
    for (const q of QUERIES) {
      const r = await api['search.query'](q);
      // The import time is the one thing two libraries built apart cannot share.
      results.push({ ...r, items: r.items.map(({ importedAt: _when, ...hit }) => hit) });
    }
    answers.set(target.name, results);
    expect(results).toHaveLength(QUERIES.length);
  });

  it('sends QUERY_INVALID with the position across the boundary', async () => {
    const error = await queryError(api['search.query']({ query: 'بايدن "الكاظمي' }));
    expect(error.code).toBe('QUERY_INVALID');
    expect(error.message).toBe('at position 6: the quote opened here is never closed');
    expect((await queryError(api['search.query']({ query: 'OR' }))).code).toBe('QUERY_INVALID');
    expect((await queryError(api['search.query']({ query: 'a', limit: 1000 }))).code).toBe('INVALID_ARGUMENT');
  });

  it('completes, gives matches for the reader, and reports status', async () => {
    const s = await api['search.suggest']({ text: 'الكاظ' });
    expect(s.items.map((i) => i.value)).toContain('الكاظمي');
    const m = await api['search.matches']({ id: seedId, query: 'الأمريكي' });
    const article = await api['library.getArticle']({ id: seedId });
    expect(m.title.map(([a, b]) => article.title.slice(a, b))).toEqual(['الأميركي']);
    expect(m.body.length).toBeGreaterThan(0);
    const status = await api['search.status']({});
    expect(status).toMatchObject({ stale: false, indexedCount: status.articleCount });
  });

  it('builds a collection index with progress and searches it with Lunr', async () => {
    const c = await api['library.createCollection']({ name: 'Kadhimi visit' });
    const others = (await api['search.query']({ query: 'العراق', limit: 50, facets: false })).items
      .map((h) => h.id)
      .filter((id) => id !== seedId);
    await api['library.addToCollection']({ collectionId: c.id, articleIds: [seedId, ...others] });
    const events: Progress[] = [];
    const info = await api['search.buildCollectionIndex'](
      { collectionId: c.id },
      { onProgress: (p) => events.push(p) },
    );
    expect(info).toMatchObject({ collectionId: c.id, state: 'ready', articleCount: others.length + 1 });
    if (target.name === 'services in-process')
      expect(events.at(-1)).toMatchObject({ done: others.length + 1, total: others.length + 1 });
    const r = await api['search.query']({ query: 'الأمريكي', filter: { collectionId: c.id } });
    expect(r.engine).toBe('lunr');
    expect(r.items[0]!.id).toBe(seedId);
    expect(
      (await api['search.query']({ query: 'الأمريكي', filter: { collectionId: c.id }, engine: 'fts5' })).engine,
    ).toBe('fts5');
  });

  it('reindexes with progress', async () => {
    const events: Progress[] = [];
    const r = await api['search.reindex']({}, { onProgress: (p) => events.push(p) });
    expect(r.articleCount).toBe((await api['search.status']({})).articleCount);
    if (target.name === 'services in-process') expect(events.at(-1)).toMatchObject({ done: r.articleCount });
    expect((await api['search.query']({ query: 'الكاظمي' })).items[0]!.id).toBe(seedId);
  });
});

describe('search contract: both targets', () => {
  it('answer the same', () => {
    const [a, b] = targets.map((t) => answers.get(t.name));
    expect(a).toHaveLength(QUERIES.length);
    expect(b).toEqual(a);
  });
});
