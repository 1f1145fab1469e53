/**
 * Migration 0011 moves the library index to a tokenizer that splits on white
 * space only, by copying the index the older tokenizer wrote: a library
 * indexed before it must answer every search exactly as before (same
 * articles, same bm25 ranks), keep indexing edits and deletes after it, and,
 * when the migration fails midway, stay the library it was.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/paths';
import { Database } from '../db/connection';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import type { ParsedArticle } from '../importers/types';
import { insertArticle } from '../library/libraryStore';
import { analyze } from '../text';
import { createSearchService } from './searchService';

const TEXTS: ReadonlyArray<[string, string, string]> = [
  [
    'ar',
    'وزير الخارجية السعودي يزور واشنطن',
    'أعلن وزير الخارجية السعودي في ٢٦/٧/٢٠٢١ أن ٢٥٠٠ جندي سيعودون، وقال مسئول إن الزيارة مهمة.',
  ],
  [
    'ar',
    'السعودية والولايات المتحدة',
    'بحثت السعودية مع الولايات المتحدة الأمريكية والأميركيين ملف النفط بالرياض يوم 2021-07-26.',
  ],
  [
    'en',
    "The U.S. Secretary's visit",
    "The U.S. officials weren't running late; 3.5% of 2,500 troops left Straße ÄÖÜ and Москва.",
  ],
  [
    'en',
    'Oil prices in Riyadh',
    'Saudi oil prices rose while the ministry in Riyadh studied http://example.com/A?b=1 and a@b.COM.',
  ],
];

const WORDS = [
  'السعودية',
  'الخارجية',
  'واشنطن',
  '2500',
  'us',
  "Secretary's",
  'strasse',
  'москва',
  'Riyadh',
  '26/7/2021',
];

function article(i: number): ParsedArticle {
  const [lang, title, body] = TEXTS[i % TEXTS.length]!;
  return {
    title: `${title} ${i}`,
    body,
    wordCount: body.split(' ').length,
    author: i % 2 === 0 ? 'Agence France-Presse' : null,
    source: null,
    published: null,
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    url: null,
    originPath: `test#tokenizer-${i}`,
    originFormat: 'text',
    encoding: 'utf-8',
    contentHash: `test-tokenizer-${i}`,
  };
}

/** Each word's matches as the library index ranks them, by its exact and stem keys in every column. */
async function answers(db: Database): Promise<string[]> {
  const out: string[] = [];
  for (const word of WORDS) {
    const token = analyze(word)[0]!;
    const match = `"${token.exact}" OR "${token.stem}"`;
    const rows = await db.all<{ id: number; rank: number }>(
      'SELECT rowid AS id, bm25(search_fts) AS rank FROM search_fts WHERE search_fts MATCH ? ORDER BY rank, rowid',
      [match],
    );
    out.push(`${word}: ${rows.map((r) => `${r.id}@${r.rank.toFixed(9)}`).join(' ')}`);
  }
  return out;
}

const tokenizerOf = async (db: Database): Promise<string> =>
  (await db.get<{ sql: string }>("SELECT sql FROM sqlite_schema WHERE name = 'search_fts'"))?.sql ?? '';

/** The migrations up to 0011, the one under test (later ones change other things). */
const upTo11 = migrations.filter((m) => m.version <= 11);

async function libraryBeforeTheMigration(): Promise<Database> {
  const db = await Database.open(join(tempDir(), 'lib.db'));
  await migrate(
    db,
    migrations.filter((m) => m.version < 11),
  );
  const search = await createSearchService({ db, now: () => new Date(), workers: 1 });
  await db.write(async (w) => {
    for (let i = 0; i < 40; i++) await insertArticle(w, article(i), null, new Date().toISOString());
  });
  // An edit and a delete leave the index with deleted entries in its segments, as a used library's has.
  await db.write((w) => w.run("UPDATE articles SET title = 'Riyadh' WHERE id = 4"));
  await db.write((w) => w.run('DELETE FROM articles WHERE id = 7'));
  await search.close();
  return db;
}

describe('the library index under the white-space tokenizer (migration 0011)', () => {
  it('answers every search of a library indexed before it exactly as before, and keeps indexing', async () => {
    const db = await libraryBeforeTheMigration();
    expect(await tokenizerOf(db)).toContain('unicode61');
    const before = await answers(db);
    expect(before.filter((a) => a.endsWith(': '))).toEqual([]);

    expect((await migrate(db, upTo11)).version).toBe(11);
    expect(await tokenizerOf(db)).toContain('ascii');
    expect(await answers(db)).toEqual(before);
    await db.write((w) => w.run("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 0)"));

    // Written after the migration: a new article is found, a deleted one is gone (the trigger was recreated).
    const search = await createSearchService({ db, now: () => new Date(), workers: 1 });
    const id = await db.write((w) => insertArticle(w, article(40), null, new Date().toISOString()));
    await db.write((w) => w.run('DELETE FROM articles WHERE id = 2'));
    const key = analyze('واشنطن')[0]!.exact;
    const found = await db.all<{ id: number }>('SELECT rowid AS id FROM search_fts WHERE search_fts MATCH ?', [
      `"${key}"`,
    ]);
    expect(found.map((r) => r.id)).toContain(id);
    expect(found.map((r) => r.id)).not.toContain(2);
    await db.write((w) => w.run("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 0)"));
    await search.close();
    await db.close();
  });

  it('leaves the library as it was when the migration fails midway', async () => {
    const db = await libraryBeforeTheMigration();
    const before = await answers(db);
    const last = upTo11[upTo11.length - 1]!;
    // Fails after the copy, the drop and the rename: everything must roll back.
    const failing = [...upTo11.slice(0, -1), { ...last, sql: `${last.sql}\nSELECT * FROM no_such_table;` }];
    await expect(migrate(db, failing)).rejects.toThrow(/migration 11 \(search_tokenizer\) failed/);
    expect(await tokenizerOf(db)).toContain('unicode61');
    expect(await answers(db)).toEqual(before);
    expect(await db.get("SELECT name FROM sqlite_schema WHERE name LIKE 'search_fts_next%'")).toBeUndefined();
    expect((await migrate(db, upTo11)).version).toBe(11);
    expect(await answers(db)).toEqual(before);
    await db.close();
  });
});
