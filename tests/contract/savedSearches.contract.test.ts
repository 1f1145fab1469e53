/**
 * Saved searches (a query and filters kept under a name, its articles found
 * again whenever it is listed) and bulk actions with one undo step, on both
 * targets: the services in-process and the real web host over HTTP.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MizanApi } from '../../preload/contract';
import { contractTargets, expectError } from '../support/contractTargets';
import { tempDir } from '../support/paths';

const targets = contractTargets();

function jsonl(path: string, records: { title: string; body: string; source: string; date: string; lang?: string }[]) {
  writeFileSync(path, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return path;
}

describe.each(targets)('saved searches and bulk actions: $name', (target) => {
  let api: MizanApi;
  let stop: () => Promise<void>;
  let dir: string;
  let ids: number[] = [];

  beforeAll(async () => {
    dir = tempDir();
    ({ api, stop } = await target.start(join(dir, 'library.db')));
    const report = await api['library.importFiles']({
      paths: [
        jsonl(join(dir, 'first.jsonl'), [
          {
            title: 'الانتخابات في العراق',
            body: 'جرت الانتخابات البرلمانية في بغداد.',
            source: 'حرية',
            date: '2021-10-10',
          },
          { title: 'انتخابات بلدية', body: 'الانتخابات البلدية في تونس تأجلت.', source: 'الشروق', date: '2021-09-01' },
          { title: 'أسعار النفط', body: 'ارتفعت أسعار النفط في الأسواق العالمية.', source: 'حرية', date: '2021-08-15' },
        ]),
      ],
    });
    expect(report.errors).toEqual([]);
    ids = report.imported.map((r) => r.id);
    expect(ids).toHaveLength(3);
  });
  afterAll(async () => {
    await stop?.();
  });

  it('saves a search with its filters and counts what it finds now, after an import and an edit too', async () => {
    const hurriya = (await api['library.listSources']({})).find((s) => s.name === 'حرية')!;
    const saved = await api['search.saveSearch']({ name: 'انتخابات', query: 'الانتخابات', filter: {} });
    expect(saved).toMatchObject({ name: 'انتخابات', query: 'الانتخابات', filter: {}, articleCount: 2 });
    const narrowed = await api['search.saveSearch']({
      name: 'Hurriya elections',
      query: 'الانتخابات',
      filter: { sourceIds: [hurriya.id] },
    });
    expect(narrowed.articleCount).toBe(1);
    // Filters only, no words: the filtered library.
    const byTag = await api['search.saveSearch']({ name: 'Oil desk', query: '', filter: { tag: 'نفط' } });
    expect(byTag.articleCount).toBe(0);

    // An import that matches raises the count with nothing stored for it.
    await api['library.importFiles']({
      paths: [
        jsonl(join(dir, 'second.jsonl'), [
          { title: 'نتائج الانتخابات', body: 'أعلنت نتائج الانتخابات في الموصل.', source: 'حرية', date: '2021-10-12' },
        ]),
      ],
    });
    await api['library.updateArticle']({ id: ids[2]!, patch: { tags: ['نفط'] } });
    const listed = await api['search.listSavedSearches']({});
    expect(listed.map((s) => [s.name, s.articleCount])).toEqual([
      ['Hurriya elections', 2],
      ['Oil desk', 1],
      ['انتخابات', 3],
    ]);
    expect(listed.find((s) => s.name === 'Hurriya elections')!.filter).toEqual({ sourceIds: [hurriya.id] });
  });

  it('saving under a name already used replaces that search; rename and delete', async () => {
    const before = await api['search.listSavedSearches']({});
    const replaced = await api['search.saveSearch']({ name: 'oil DESK', query: 'النفط', filter: {} });
    expect(replaced.id).toBe(before.find((s) => s.name === 'Oil desk')!.id);
    expect(replaced).toMatchObject({ name: 'Oil desk', query: 'النفط', articleCount: 1 });
    expect(await api['search.listSavedSearches']({})).toHaveLength(before.length);

    const renamed = await api['search.renameSavedSearch']({ id: replaced.id, name: 'نفط' });
    expect(renamed.name).toBe('نفط');
    await expectError(api['search.renameSavedSearch']({ id: replaced.id, name: 'انتخابات' }), 'CONFLICT');
    await api['search.deleteSavedSearch']({ id: replaced.id });
    expect((await api['search.listSavedSearches']({})).map((s) => s.name)).not.toContain('نفط');
    await expectError(api['search.deleteSavedSearch']({ id: replaced.id }), 'NOT_FOUND');
  });

  it('refuses to save a malformed query', async () => {
    await expectError(api['search.saveSearch']({ name: 'broken', query: '"unclosed', filter: {} }), 'QUERY_INVALID');
  });

  it('tags many articles in one step and undoes only what it added', async () => {
    await api['library.tagArticles']({ articleIds: [ids[0]!], tags: ['مراجعة'] });
    const { changed, undo } = await api['library.applyBulk']({
      articleIds: ids,
      change: { kind: 'tag', tags: ['مراجعة', 'ملف العراق'] },
    });
    expect(changed).toBe(3);
    for (const id of ids) {
      expect((await api['library.getArticle']({ id })).tags).toEqual(expect.arrayContaining(['مراجعة', 'ملف العراق']));
    }
    await api['library.revertBulk']({ undo });
    expect((await api['library.getArticle']({ id: ids[0]! })).tags).toContain('مراجعة');
    expect((await api['library.getArticle']({ id: ids[1]! })).tags).not.toContain('مراجعة');
    // A tag the bulk action created is gone again with it.
    expect((await api['library.listTags']({})).map((t) => t.name)).not.toContain('ملف العراق');
  });

  it('collects many articles in one step; undo leaves the ones that were already there', async () => {
    const collection = await api['library.createCollection']({ name: 'Iraq file' });
    await api['library.addToCollection']({ collectionId: collection.id, articleIds: [ids[1]!] });
    const { changed, undo } = await api['library.applyBulk']({
      articleIds: ids,
      change: { kind: 'collect', collectionId: collection.id },
    });
    expect(changed).toBe(2);
    expect((await api['library.listCollectionArticles']({ collectionId: collection.id })).total).toBe(3);
    await api['library.revertBulk']({ undo });
    const left = await api['library.listCollectionArticles']({ collectionId: collection.id });
    expect(left.items.map((a) => a.id)).toEqual([ids[1]]);
    await expectError(
      api['library.applyBulk']({ articleIds: [ids[0]!, 999_999], change: { kind: 'tag', tags: ['x'] } }),
      'NOT_FOUND',
    );
    // Nothing of a refused bulk action is kept.
    expect((await api['library.getArticle']({ id: ids[0]! })).tags).not.toContain('x');
  });
});
