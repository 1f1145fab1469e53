/**
 * The entity index and the chart counts through the contract: the services
 * in-process, the real web host over HTTP and the `mizan` CLI must give the
 * same entities and counts for the same articles (150 SaudiNewsNet reports).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityCount, MizanApi } from '../../preload/contract';
import { mizan } from '../support/cli';
import { contractTargets } from '../support/contractTargets';
import { sharedData, tempDir } from '../support/paths';

const dir = tempDir();
const newsPath = join(dir, 'news-150.json');
const news = (
  JSON.parse(gunzipSync(readFileSync(sharedData('saudinewsnet', '2015-07-21.json.gz'))).toString()) as unknown[]
).slice(0, 150);
writeFileSync(newsPath, JSON.stringify(news));

const answers = new Map<string, unknown>();

async function indexed(api: MizanApi): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const s = await api['entities.status']({});
    if (s.queued === 0 && !s.running) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the entity index did not catch up within 60 s');
}

describe.each(contractTargets({ storiesAfterImport: false }))('entities contract: $name', (target) => {
  let api: MizanApi;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    ({ api, stop } = await target.start(join(tempDir(), 'library.db')));
    const report = await api['library.importFiles']({ paths: [newsPath] });
    expect(report.imported).toHaveLength(150);
    await indexed(api);
  }, 90_000);
  afterAll(async () => {
    await stop?.();
  });

  it('lists entities by kind with the articles naming them, most first', async () => {
    const places = await api['entities.list']({ kind: 'place', limit: 10 });
    expect(places.status).toMatchObject({ queued: 0, articles: 150 });
    expect(places.items.length).toBe(10);
    expect(places.items.every((e) => e.kind === 'place')).toBe(true);
    const counts = places.items.map((e) => e.count);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    // Saudi Arabia is among the places most named in a Saudi day's reports.
    expect(places.items.map((e) => e.name)).toContain('السعودية');
    const top = places.items[0]!;
    const listed = await api['library.listArticles']({ filter: { entityId: top.id }, limit: 100 });
    expect(listed.total).toBe(top.count);

    const page = await api['entities.get']({ id: top.id });
    expect(page.articleCount).toBe(top.count);
    expect(page.timeline.total).toBe(top.count);
    expect(page.related.length).toBeGreaterThan(0);

    const people = await api['entities.list']({ kind: 'person', limit: 5 });
    const all = await api['entities.list']({ limit: 20 });
    const timeline = await api['charts.timeline']({ query: 'السعودية' });
    const search = await api['search.query']({ query: 'السعودية', limit: 1 });
    expect(timeline.total).toBe(search.total);
    const mentions = await api['entities.ofArticle']({ id: listed.items[0]!.id });
    expect(mentions.mentions.some((m) => m.entityId === top.id)).toBe(true);
    answers.set(target.name, { places: places.items, people: people.items, top: all.items, page, timeline, mentions });
  });

  it('gives a search its entity facets: per kind, counted within the result set, each a filter that finds that many', async () => {
    const query = 'السعودية';
    const filter = { dateFrom: '2015-07-20' };
    const { groups, status } = await api['entities.facets']({ query, filter, perKind: 5 });
    expect(status.queued).toBe(0);
    expect(groups.map((g) => g.kind)).toEqual(['person', 'place', 'organisation']);
    const search = await api['search.query']({ query, filter, limit: 1 });
    for (const g of groups) {
      expect(g.values.length, g.kind).toBeGreaterThan(0);
      expect(g.values.length, g.kind).toBeLessThanOrEqual(5);
      const counts = g.values.map((v) => v.count);
      expect(
        [...counts].sort((a, b) => b - a),
        g.kind,
      ).toEqual(counts);
      expect(counts[0]!, g.kind).toBeLessThanOrEqual(search.total);
      // Choosing the value (the list filter's entityId) finds exactly the articles counted.
      const top = g.values[0]!;
      const narrowed = await api['search.query']({
        query,
        filter: { ...filter, entityId: Number(top.value) },
        limit: 1,
      });
      expect(narrowed.total, `${g.kind} ${top.label}`).toBe(top.count);
    }
    // The place most named within the search is counted within it, not over the whole library.
    const place = groups.find((g) => g.kind === 'place')!.values[0]!;
    const library = await api['entities.list']({ kind: 'place', limit: 50 });
    const inLibrary = library.items.find((e) => String(e.id) === place.value)!;
    expect(inLibrary.count).toBeGreaterThanOrEqual(place.count);
    // A search that finds nothing has no facets; the whole library has all three kinds.
    expect((await api['entities.facets']({ query: 'zzzzqqq' })).groups).toEqual([]);
    const whole = await api['entities.facets']({});
    expect(whole.groups.map((g) => [g.kind, g.values.length])).toEqual([
      ['person', 12],
      ['place', 12],
      ['organisation', 12],
    ]);
    expect(whole.groups.every((g) => g.more)).toBe(true);
    answers.set(`${target.name} facets`, groups);
  });

  it('narrows by several entities at once (all named), in the library and in a collection searched through Lunr', async () => {
    const query = 'السعودية';
    const { groups } = await api['entities.facets']({ query, perKind: 5 });
    const place = Number(groups.find((g) => g.kind === 'place')!.values[0]!.value);
    const person = Number(groups.find((g) => g.kind === 'person')!.values[0]!.value);
    const byPlace = await api['search.query']({ query, filter: { entityIds: [place] }, limit: 100 });
    const both = await api['search.query']({ query, filter: { entityIds: [place, person] }, limit: 100 });
    expect(both.total).toBeGreaterThan(0);
    expect(both.total).toBeLessThan(byPlace.total);
    // Every article found names both: the reader's names of each hold the two.
    for (const hit of both.items.slice(0, 5)) {
      const named = new Set((await api['entities.ofArticle']({ id: hit.id })).mentions.map((m) => m.entityId));
      expect([named.has(place), named.has(person)]).toEqual([true, true]);
    }

    // The articles of the search as a collection, indexed for Lunr: the entity filter holds there too.
    const all = await api['search.query']({ query, limit: 100 });
    const c = await api['library.createCollection']({ name: 'Saudi day' });
    await api['library.addToCollection']({ collectionId: c.id, articleIds: all.items.map((h) => h.id) });
    await api['search.buildCollectionIndex']({ collectionId: c.id });
    for (const entityIds of [[place], [place, person]]) {
      const filter = { collectionId: c.id, entityIds };
      const lunr = await api['search.query']({ query, filter, limit: 100 });
      const library = await api['search.query']({ query, filter, engine: 'fts5', limit: 100 });
      expect(lunr.engine).toBe('lunr');
      expect(lunr.total, JSON.stringify(entityIds)).toBe(library.total);
      expect(lunr.items.map((h) => h.id).sort()).toEqual(library.items.map((h) => h.id).sort());
    }
    const lunrOne = await api['search.query']({ query, filter: { collectionId: c.id, entityId: person }, limit: 1 });
    const libraryOne = await api['search.query']({
      query,
      filter: { collectionId: c.id, entityId: person },
      engine: 'fts5',
      limit: 1,
    });
    expect([lunrOne.engine, lunrOne.total]).toEqual(['lunr', libraryOne.total]);
    expect(libraryOne.total).toBeLessThan(all.total);
  });

  it('answers NOT_FOUND for an entity that is not in the index', async () => {
    await expect(api['entities.get']({ id: 9_999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('entities across hosts', () => {
  it('gives the same answers in-process, over HTTP and from the CLI', async () => {
    const [a, b] = [...answers.entries()].filter(([k]) => !k.endsWith('facets')).map(([, v]) => v) as Array<{
      top: EntityCount[];
    }>;
    expect(answers.size).toBe(4);
    expect(b).toEqual(a);
    const [fa, fb] = [...answers.entries()].filter(([k]) => k.endsWith('facets')).map(([, v]) => v);
    expect(fb).toEqual(fa);

    const library = join(tempDir(), 'library.db');
    expect((await mizan(['import', newsPath, '--library', library, '--json'])).code).toBe(0);
    const cli = await mizan(['entities', '--top', '20', '--json', '--library', library]);
    expect(cli.code).toBe(0);
    const out = JSON.parse(cli.stdout) as { total: number; items: EntityCount[] };
    expect(out.items).toEqual(a!.top);

    const kinds = await mizan(['entities', '--top', '3', '--kind', 'organisation', '--library', library]);
    expect(kinds.code).toBe(0);
    expect(kinds.stdout).toContain('organisations');
    expect(kinds.stdout.trim().split('\n')).toHaveLength(4);
    const bad = await mizan(['entities', '--top', '3', '--kind', 'city', '--library', library]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--kind: "city" is not person, place or organisation');
  }, 90_000);
});
