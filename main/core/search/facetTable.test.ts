/**
 * Facets counted from the in-memory facet table (facetTable.ts) must be the
 * ones SQL counts, and must follow every commit: a moved date, a new outlet,
 * a deleted article, a renamed outlet.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchFacets } from '../../../preload/contract/search';
import { tempDir } from '../../../tests/support/paths';
import { Connection, Database } from '../db/connection';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import type { ParsedArticle } from '../importers/types';
import { insertArticle, resolveSource } from '../library/libraryStore';
import { createFacetTable } from './facetTable';
import { ftsExpression } from './ftsQuery';
import { planQuery } from './queryPlan';
import { createSearchService, type SearchService } from './searchService';

function article(n: number, iso: string, lang: string): ParsedArticle {
  return {
    title: lang === 'ar' ? `خبر رقم ${n} عن الميناء` : `Report ${n} on the harbour`,
    body:
      lang === 'ar' ? `وصلت السفينة إلى الميناء في الصباح ${n}.` : `The ship reached the harbour in the morning ${n}.`,
    author: null,
    source: null,
    published: { original: iso, iso, precision: 'day' },
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    url: null,
    originPath: `facets#${n}`,
    originFormat: 'text',
    encoding: 'utf-8',
    contentHash: `facets-${n}`,
    wordCount: 8,
  };
}

describe('facet table', () => {
  let db: Database;
  let search: SearchService;
  let ids: number[] = [];
  const settle = () => new Promise((r) => setTimeout(r, 60));
  const facets = async (query: string, filter = {}): Promise<{ total: number; facets: SearchFacets }> => {
    const r = await search.query({
      query,
      filter,
      offset: 0,
      limit: 5,
      facets: true,
      engine: 'auto',
      sort: 'relevance',
      lenient: false,
    });
    return { total: r.total, facets: r.facets! };
  };
  /** The same question put to SQL: a filter that keeps everything takes the SQL path. */
  const bySql = (query: string) => facets(query, { dateFrom: '0000' });

  beforeAll(async () => {
    db = await Database.open(join(tempDir(), 'library.db'));
    await migrate(db, migrations);
    search = await createSearchService({ db, now: () => new Date(), workers: 1, facetSettleMs: 0 });
    const now = new Date().toISOString();
    ids = await db.write(async (w) => {
      const a = await resolveSource(w, 'Harbour Post', now);
      const b = await resolveSource(w, 'بريد الميناء', now);
      const out: number[] = [];
      for (let n = 0; n < 8; n++) {
        const lang = n % 3 === 0 ? 'en' : 'ar';
        out.push(
          await insertArticle(w, article(n, `${2018 + (n % 3)}-05-0${1 + (n % 5)}`, lang), n % 2 === 0 ? a : b, now),
        );
      }
      out.push(await insertArticle(w, article(8, '2021-01-01', 'ar'), null, now));
      return out;
    });
  });
  afterAll(async () => {
    await search?.close();
    await db?.close();
  });

  it('answers from memory once read, and not while a commit is unread', async () => {
    const conn = await Connection.open(db.path, 'readonly');
    const table = createFacetTable(conn, 0);
    try {
      const match = ftsExpression(planQuery('الميناء').root!, new Map())!;
      expect(await table.groups(match)).toBeNull(); // not read yet: the caller counts in SQL
      await settle();
      const groups = (await table.groups(match))!.groups;
      expect(groups.reduce((s, g) => s + g.n, 0)).toBe((await facets('الميناء')).total);
      await db.write((w) => w.run("UPDATE articles SET lang = 'fa' WHERE id = ?", [ids[4]!]));
      expect(await table.groups(match)).toBeNull(); // the ids were read after a commit the table has not seen
      await settle();
      expect((await table.groups(match))!.groups.find((g) => g.lang === 'fa')?.n).toBe(1);
    } finally {
      table.close();
      await conn.close();
    }
  });

  it('counts as SQL does, and follows every commit', async () => {
    for (const q of ['الميناء', 'harbour', 'السفينة OR ship']) {
      await facets(q);
      await settle();
      // The table is read by now: the answer comes from it, and equals SQL's.
      const fromTable = await facets(q);
      expect(fromTable.total).toBeGreaterThan(0);
      expect(fromTable).toEqual(await bySql(q));
    }
    const before = await facets('الميناء');
    expect(before.facets.years.find((y) => y.year === '2030')).toBeUndefined();

    // A moved date, a deleted article, a renamed outlet: each a commit.
    await db.write((w) => w.run("UPDATE articles SET published_iso = '2030-01-01' WHERE id = ?", [ids[1]!]));
    await db.write((w) => w.run('DELETE FROM articles WHERE id = ?', [ids[2]!]));
    await db.write((w) => w.run("UPDATE sources SET name = 'ميناء اليوم' WHERE name = 'بريد الميناء'"));
    const right = await bySql('الميناء');
    expect(right.facets.years.find((y) => y.year === '2030')?.count).toBe(1);
    expect(right.total).toBe(before.total - 1);
    expect(right.facets.sources.map((s) => s.name)).toContain('ميناء اليوم');
    // At once (the table is behind: SQL answers) and after the table is read again.
    expect(await facets('الميناء')).toEqual(right);
    await settle();
    expect(await facets('الميناء')).toEqual(right);
    expect(await facets('الميناء')).toEqual(right);
  });
});
