/**
 * The index's totals (rows, tokens per column) that bm25 reads. An index
 * written before migration 0012 still counts the rows it lost to edits and
 * deletes; opening it recounts them, so it ranks as a library built afresh
 * with the same articles does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sharedData, tempDir } from '../../../tests/support/paths';
import { Database } from '../db/connection';
import { migrate, type Migration } from '../db/migrate';
import { migrations } from '../db/migrations';
import { buildArticle } from '../importers/article';
import type { ParsedArticle } from '../importers/types';
import { insertArticle } from '../library/libraryStore';
import { analyze } from '../text';
import { readVarints, writeVarints } from './ftsTotals';
import { createSearchService } from './searchService';

const WORDS = ['السعودية', 'الرياض', 'وزير', 'النفط', 'مجلس'];

function dayArticles(): ParsedArticle[] {
  const day = JSON.parse(
    gunzipSync(readFileSync(sharedData('saudinewsnet', '2015-08-10.json.gz'))).toString('utf8'),
  ) as Array<{ url: string; title: string; content: string }>;
  return day
    .filter((r) => r.content.trim().length > 200)
    .slice(0, 80)
    .map((r) =>
      buildArticle({ title: r.title, body: r.content, originPath: r.url, originFormat: 'json', encoding: 'utf-8' }),
    );
}

/** Each word's matches by title, with bm25 as the library index ranks them. */
async function ranks(db: Database): Promise<string[]> {
  const out: string[] = [];
  for (const word of WORDS) {
    const token = analyze(word)[0]!;
    const rows = await db.all<{ title: string; rank: number }>(
      `SELECT a.title, bm25(search_fts) AS rank FROM search_fts JOIN articles a ON a.id = search_fts.rowid
       WHERE search_fts MATCH ? ORDER BY a.title`,
      [`"${token.exact}" OR "${token.stem}"`],
    );
    out.push(`${word}: ${rows.map((r) => `${r.title} ${r.rank.toFixed(9)}`).join(' | ')}`);
  }
  return out;
}

/** A library of `articles` under `schema`, indexed by the search service; `edit` runs after the inserts. */
async function library(
  schema: readonly Migration[],
  articles: readonly ParsedArticle[],
  edit: (db: Database) => Promise<void> = async () => undefined,
): Promise<Database> {
  const db = await Database.open(join(tempDir(), 'lib.db'));
  await migrate(db, schema);
  const search = await createSearchService({ db, now: () => new Date(), workers: 1 });
  const now = new Date().toISOString();
  await db.write(async (w) => {
    for (const a of articles) await insertArticle(w, a, null, now);
  });
  await edit(db);
  await search.close();
  return db;
}

describe('the library index totals', () => {
  it('reads and writes SQLite varints', () => {
    const values = [0, 1, 127, 128, 16_383, 16_384, 4_649_807, 2 ** 40];
    expect(readVarints(writeVarints(values))).toEqual(values);
    expect([...writeVarints([300])]).toEqual([0x82, 0x2c]);
  });

  it('recounts an index written before migration 0012 when the library is opened', async () => {
    const articles = dayArticles();
    // Under the old delete trigger, deleted and edited articles stay counted in the totals.
    const old = await library(
      migrations.filter((m) => m.version <= 11),
      articles,
      async (db) => {
        await db.write((w) => w.run('DELETE FROM articles WHERE id % 3 = 0'));
        await db.write((w) => w.run("UPDATE articles SET title = title || ' (محدث)' WHERE id % 5 = 0"));
      },
    );
    const edited = await old.all<{ title: string; body: string }>('SELECT title, body FROM articles ORDER BY id');
    const kept = articles.filter((_, i) => (i + 1) % 3 !== 0).map((a, i) => ({ ...a, title: edited[i]!.title }));
    const fresh = await library(migrations, kept);
    const want = await ranks(fresh);
    expect(want.filter((r) => r.endsWith(': '))).toEqual([]);
    expect(await ranks(old)).not.toEqual(want);

    await migrate(old, migrations);
    const search = await createSearchService({ db: old, now: () => new Date(), workers: 1 });
    await search.idle();
    expect(await ranks(old)).toEqual(want);
    expect(await old.get("SELECT value FROM search_meta WHERE key = 'totals'")).toBeUndefined();
    await search.close();
    await old.close();
    await fresh.close();
  });
});
