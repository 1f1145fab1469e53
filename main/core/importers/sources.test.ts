/**
 * The outlets migration 0002 seeds (SaudiNewsNet's 14 sources with their
 * Arabic names and other spellings), and how it merges sources an older
 * library already created under one of those spellings.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/paths';
import { Database } from '../db/connection';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import { listSources, nameKey, resolveSource } from '../library/libraryStore';

async function openLibrary(version = migrations.length): Promise<Database> {
  const db = await Database.open(join(tempDir(), 'lib.db'));
  await migrate(db, migrations.slice(0, version));
  return db;
}

describe('curated outlets', () => {
  it('seeds the 14 SaudiNewsNet outlets under their Arabic names, with keys the normalizer agrees with', async () => {
    const db = await openLibrary();
    const sources = await db.all<{ name: string; name_key: string }>('SELECT name, name_key FROM sources ORDER BY id');
    expect(sources.map((s) => s.name)).toEqual([
      'الشرق الأوسط',
      'الاقتصادية',
      'صحيفة الجزيرة',
      'المدينة',
      'الرياض',
      'الوطن',
      'الوئام',
      'اليوم',
      'الرياضي',
      'الرياضية',
      'عكاظ',
      'سبق',
      'عين اليوم',
      'واس',
    ]);
    // The keys are written into the migration; if the normalizer changes, a new migration must re-key.
    for (const s of sources) expect(s.name_key, s.name).toBe(nameKey(s.name));
    const aliases = await db.all<{ alias: string; alias_key: string }>('SELECT alias, alias_key FROM source_aliases');
    expect(aliases.length).toBeGreaterThanOrEqual(60);
    for (const a of aliases) expect(a.alias_key, a.alias).toBe(nameKey(a.alias));
    await db.close();
  });

  it('files every SaudiNewsNet code, English name and web domain under its outlet', async () => {
    const db = await openLibrary();
    const now = new Date().toISOString();
    const expected: Record<string, string> = {
      aawsat: 'الشرق الأوسط',
      'Asharq Al-Awsat': 'الشرق الأوسط',
      'aawsat.com': 'الشرق الأوسط',
      'الشرق الاوسط': 'الشرق الأوسط',
      aleqtisadiya: 'الاقتصادية',
      aljazirah: 'صحيفة الجزيرة',
      almadina: 'المدينة',
      alriyadh: 'الرياض',
      alwatan: 'الوطن',
      alweeam: 'الوئام',
      alyaum: 'اليوم',
      arreyadi: 'الرياضي',
      arriyadiyah: 'الرياضية',
      okaz: 'عكاظ',
      OKAZ: 'عكاظ',
      'okaz.com.sa': 'عكاظ',
      sabq: 'سبق',
      '3alyoum': 'عين اليوم',
      was: 'واس',
      'Saudi Press Agency': 'واس',
    };
    await db.write(async (w) => {
      for (const [spelling, outlet] of Object.entries(expected)) {
        const id = await resolveSource(w, spelling, now);
        const row = await w.get<{ name: string }>('SELECT name FROM sources WHERE id = ?', [id]);
        expect(row?.name, spelling).toBe(outlet);
      }
    });
    // The bare name of a Qatari channel is not taken for the Saudi paper.
    const aljazeera = await db.write((w) => resolveSource(w, 'الجزيرة', now));
    expect((await db.get<{ name: string }>('SELECT name FROM sources WHERE id = ?', [aljazeera]))?.name).toBe(
      'الجزيرة',
    );
    expect((await listSources(db)).find((s) => s.name === 'عكاظ')?.aliases).toEqual(
      expect.arrayContaining(['okaz', 'okaz.com.sa', 'صحيفة عكاظ']),
    );
    await db.close();
  });

  it('merges sources an older library created under a spelling, keeping their articles', async () => {
    const db = await openLibrary(1);
    const now = new Date().toISOString();
    await db.write(async (w) => {
      await w.run(
        "INSERT INTO sources (id, name, name_key, created_at) VALUES (1, 'aawsat', 'aawsat', ?), (2, 'okaz', 'okaz', ?), (3, 'حرية', 'حريه', ?)",
        [now, now, now],
      );
      await w.run("INSERT INTO source_aliases (alias_key, alias, source_id) VALUES ('okaz daily', 'Okaz Daily', 2)");
      const insert = `INSERT INTO articles (title, body, source_id, lang, dir, content_hash, imported_at, updated_at) VALUES (?, 'نص', ?, 'ar', 'rtl', ?, ?, ?)`;
      await w.run(insert, ['a', 1, 'h1', now, now]);
      await w.run(insert, ['b', 2, 'h2', now, now]);
      await w.run(insert, ['c', 3, 'h3', now, now]);
    });
    await migrate(db, migrations);
    const rows = await db.all<{ title: string; source: string }>(
      'SELECT a.title, s.name AS source FROM articles a JOIN sources s ON s.id = a.source_id ORDER BY a.title',
    );
    expect(rows).toEqual([
      { title: 'a', source: 'الشرق الأوسط' },
      { title: 'b', source: 'عكاظ' },
      { title: 'c', source: 'حرية' },
    ]);
    expect(await db.get("SELECT 1 AS x FROM sources WHERE name_key IN ('aawsat', 'okaz')")).toBeUndefined();
    expect(await db.all('PRAGMA foreign_key_check')).toEqual([]);
    await db.close();
  });
});
