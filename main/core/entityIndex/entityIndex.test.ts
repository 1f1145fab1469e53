/**
 * The library's entity index follows the library: built from imports in the
 * background, read again after an edit, emptied by a delete, and caught up
 * for a library whose articles were stored before (the backfill). What it
 * stores is what the one extractor finds in title and body.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallContext } from '../../../preload/contract';
import { tempDir } from '../../../tests/support/paths';
import { Database } from '../db/connection';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import { extractEntities, groupMentions } from '../entities';
import { EXTRACTOR_VERSION } from '../entities/version';
import { createServices, type Services } from '../services';

const ctx: CallContext = { progress: () => undefined, signal: new AbortController().signal };

// SaudiNewsNet-style reports (aawsat, alyaum, 2015-07-21/22, shortened).
const ARTICLES = [
  {
    title: 'ترقية 100 قاض بوزارة العدل',
    content:
      'أصدر خادم الحرمين الشريفين الملك سلمان بن عبد العزيز، أمره الكريم بترقية وتعيين (100 قاض) بوزارة العدل في مختلف درجات السلك القضائي.',
    source: 'aawsat',
    date_extracted: '2015-07-21 02:51:32',
  },
  {
    title: 'وزير العدل: الأمر الكريم يدعم القضاء',
    content:
      'وأوضح وزير العدل الشيخ وليد بن محمد الصمعاني أن الأمر الكريم يأتي في سياق الدعم المتواصل لمرفق القضاء، وأن وزارة العدل ستبدأ التنفيذ في الرياض.',
    source: 'alyaum',
    date_extracted: '2015-07-22 09:10:00',
  },
  {
    title: 'وفد يصل الرياض',
    content: 'وصل الوفد إلى الرياض مساء أمس قادما من جدة.',
    source: 'alyaum',
    date_extracted: '2015-07-22 11:00:00',
  },
];

let services: Services | null = null;
afterEach(async () => {
  await services?.close();
  services = null;
});

async function importArticles(s: Services, dir: string): Promise<number[]> {
  const path = join(dir, 'news.json');
  writeFileSync(path, JSON.stringify(ARTICLES));
  const report = await s.handlers['library.importFiles']({ paths: [path] }, ctx);
  return report.imported.map((i) => i.id);
}

const entityNamed = async (s: Services, kind: 'person' | 'place' | 'organisation', name: string) =>
  (await s.handlers['entities.list']({ kind, filter: {}, offset: 0, limit: 100 }, ctx)).items.find(
    (e) => e.name === name,
  );

describe('entity index', () => {
  it('is built after an import with what the extractor finds, per kind and article', async () => {
    const dir = tempDir();
    services = await createServices({ dbPath: join(dir, 'library.db'), host: 'test', storiesAfterImport: false });
    const ids = await importArticles(services, dir);
    await services.entities.idle();

    // Expected from the extractor itself, over title and body of each article.
    const expected = new Map<string, Set<number>>();
    ARTICLES.forEach((a, i) => {
      for (const e of groupMentions(extractEntities(`${a.title}\n\n${a.content}`, { lang: 'ar' }))) {
        const k = `${e.kind}:${e.key}`;
        expected.set(k, (expected.get(k) ?? new Set()).add(ids[i]!));
      }
    });
    const all = await services.handlers['entities.list']({ filter: {}, offset: 0, limit: 1000 }, ctx);
    expect(all.total).toBe(expected.size);
    expect(all.status.queued).toBe(0);
    expect(all.items.map((e) => e.count).sort()).toEqual([...expected.values()].map((s) => s.size).sort());

    const ministry = await entityNamed(services, 'organisation', 'وزارة العدل');
    expect(ministry?.count).toBe(2);
    const riyadh = await entityNamed(services, 'place', 'الرياض');
    expect(riyadh?.count).toBe(2);

    // Its page: outlets and days of its articles, entities named beside it.
    const page = await services.handlers['entities.get']({ id: ministry!.id }, ctx);
    expect(page.articleCount).toBe(2);
    expect(page.timeline.total).toBe(2);
    expect(page.timeline.sources).toHaveLength(2);
    expect(new Set(page.timeline.rows.map((r) => r.sourceId)).size).toBe(2);
    expect(page.timeline.rows.map((r) => r.day)).toEqual(['2015-07-21', '2015-07-22']);
    expect(page.related.find((r) => r.name === 'الرياض')?.count).toBe(1);
    expect(page.spellings[0]).toEqual({ text: 'وزارة العدل', count: 2 });

    // Its articles, as a list filter.
    const listed = await services.handlers['library.listArticles'](
      { offset: 0, limit: 10, sort: 'publishedAt', order: 'asc', filter: { entityId: ministry!.id } },
      ctx,
    );
    expect(listed.items.map((a) => a.id)).toEqual([ids[0], ids[1]]);

    // An article's mentions point at its own text.
    const article = await services.handlers['library.getArticle']({ id: ids[1]! }, ctx);
    const { mentions, pending } = await services.handlers['entities.ofArticle']({ id: ids[1]! }, ctx);
    expect(pending).toBe(false);
    expect(mentions.length).toBeGreaterThan(0);
    for (const m of mentions)
      expect((m.field === 'title' ? article.title : article.body).slice(m.start, m.end)).toBe(m.text);
    expect(mentions.some((m) => m.field === 'title' && m.text === 'وزير العدل')).toBe(false);

    // Within a result set: a search, a filter.
    const inSearch = await services.handlers['entities.list'](
      { kind: 'place', query: 'الوفد', filter: {}, offset: 0, limit: 10 },
      ctx,
    );
    expect(inSearch.items.map((e) => [e.name, e.count])).toContainEqual(['الرياض', 1]);
    expect(inSearch.items.some((e) => e.name === 'وزارة العدل')).toBe(false);
  });

  it('reads an edited article again and forgets what a deleted one named', async () => {
    const dir = tempDir();
    services = await createServices({ dbPath: join(dir, 'library.db'), host: 'test', storiesAfterImport: false });
    const ids = await importArticles(services, dir);
    await services.entities.idle();
    const ministry = (await entityNamed(services, 'organisation', 'وزارة العدل'))!;

    // A title edited through the contract.
    await services.handlers['library.updateArticle']({ id: ids[0]!, patch: { title: 'ترقية 100 قاض في الرياض' } }, ctx);
    await services.entities.idle();
    expect((await entityNamed(services, 'place', 'الرياض'))?.count).toBe(3);

    // A body written by any writer (a re-import keeping highlights, an undo) is queued by trigger.
    await services.db.write((w) =>
      w.run("UPDATE articles SET body = ?, updated_at = 'later' WHERE id = ?", [
        'وأوضح المتحدث أن التنفيذ يبدأ في الرياض.',
        ids[1]!,
      ]),
    );
    services.entities.request();
    await services.entities.idle();
    expect((await entityNamed(services, 'organisation', 'وزارة العدل'))?.count).toBe(1);
    expect((await services.handlers['entities.get']({ id: ministry.id }, ctx)).articleCount).toBe(1);

    await services.handlers['library.deleteArticle']({ id: ids[0]! }, ctx);
    await services.entities.idle();
    expect(await entityNamed(services, 'organisation', 'وزارة العدل')).toBeUndefined();
    await expect(services.handlers['entities.get']({ id: ministry.id }, ctx)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const left = await services.db.get<{ n: number }>(
      'SELECT count(*) AS n FROM entity_mentions WHERE article_id = ?',
      [ids[0]!],
    );
    expect(left?.n).toBe(0);
  });

  it('shows a country by its usual name and keeps every name articles write among its spellings', async () => {
    const dir = tempDir();
    services = await createServices({ dbPath: join(dir, 'library.db'), host: 'test', storiesAfterImport: false });
    const path = join(dir, 'countries.json');
    const day = { source: 'alyaum', date_extracted: '2015-07-22 09:10:00' };
    writeFileSync(
      path,
      JSON.stringify([
        { ...day, title: 'زيارة رسمية', content: 'وصل الوفد إلى المملكة العربية السعودية في زيارة رسمية تستمر يومين.' },
        { ...day, title: 'وفد آخر', content: 'أعلنت المملكة العربية السعودية عن برنامج الزيارة.' },
        { ...day, title: 'اجتماع', content: 'وقالت السعودية إن الاجتماع يعقد في الرياض الأسبوع المقبل.' },
      ]),
    );
    await services.handlers['library.importFiles']({ paths: [path] }, ctx);
    await services.entities.idle();

    // Two articles write the long name and one the short: one entity, shown as السعودية, both names kept.
    const places = await services.handlers['entities.list']({ kind: 'place', filter: {}, offset: 0, limit: 100 }, ctx);
    expect(places.items.filter((e) => e.name.includes('السعودية')).map((e) => [e.name, e.count])).toEqual([
      ['السعودية', 3],
    ]);
    const page = await services.handlers['entities.get'](
      { id: places.items.find((e) => e.name === 'السعودية')!.id },
      ctx,
    );
    expect(page.spellings).toEqual([
      { text: 'المملكة العربية السعودية', count: 2 },
      { text: 'السعودية', count: 1 },
    ]);

    // The same after the long-name articles are edited away: the entity is counted again from what is left.
    const ids = (
      await services.handlers['library.listArticles'](
        { offset: 0, limit: 10, sort: 'publishedAt', order: 'asc', filter: {} },
        ctx,
      )
    ).items.map((a) => a.id);
    for (const id of ids.slice(0, 2)) await services.handlers['library.deleteArticle']({ id }, ctx);
    await services.entities.idle();
    const after = await services.handlers['entities.get']({ id: page.id }, ctx);
    expect([after.name, after.spellings]).toEqual(['السعودية', [{ text: 'السعودية', count: 1 }]]);
  });

  it('indexes in the background the articles a library held before', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'library.db');
    services = await createServices({ dbPath, host: 'test', storiesAfterImport: false, entityIndex: false });
    await importArticles(services, dir);
    expect((await services.handlers['entities.status']({}, ctx)).queued).toBeGreaterThan(0);
    await services.close();
    // A migrated library queues every article it holds (migration 10); this one was left queued the same way.
    services = await createServices({ dbPath, host: 'test', storiesAfterImport: false });
    await services.entities.idle();
    const status = await services.handlers['entities.status']({}, ctx);
    expect(status).toMatchObject({ queued: 0, articles: 3 });
    expect((await entityNamed(services, 'place', 'الرياض'))?.count).toBe(2);
  });

  it('reads every article again when the index was filled by another reading of the extractor', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'library.db');
    services = await createServices({ dbPath, host: 'test', storiesAfterImport: false });
    await importArticles(services, dir);
    await services.entities.idle();
    const filled = (await services.handlers['entities.list']({ filter: {}, offset: 0, limit: 1000 }, ctx)).total;
    expect(filled).toBeGreaterThan(3);
    // Stands for an older extractor's reading: one wrong name in every article, and its number stored.
    const wrongReading = async (stamp: string) => {
      await services!.db.write(async (w) => {
        await w.run(
          "INSERT OR IGNORE INTO entities (kind, key, canonical) VALUES ('person', 'سايلا المولي', 'سائلا المولى')",
        );
        await w.run(
          `INSERT OR IGNORE INTO entity_articles (entity_id, article_id, mentions, name)
           SELECT (SELECT id FROM entities WHERE key = 'سايلا المولي'), id, 1, 'سائلا المولى' FROM articles`,
        );
        await w.run("UPDATE entity_meta SET value = ? WHERE key = 'extractor'", [stamp]);
      });
      await services!.close();
      services = await createServices({ dbPath, host: 'test', storiesAfterImport: false });
      await services.entities.idle();
    };

    // The same reading: nothing is read again, so the planted name stays (and proves the check looked).
    await wrongReading(String(EXTRACTOR_VERSION));
    expect((await entityNamed(services, 'person', 'سائلا المولى'))?.count).toBe(3);

    // Another reading: every article is read again; the wrong name goes, the rest is as the running extractor reads it.
    await wrongReading(String(EXTRACTOR_VERSION - 1));
    expect(await entityNamed(services, 'person', 'سائلا المولى')).toBeUndefined();
    const again = await services.handlers['entities.list']({ filter: {}, offset: 0, limit: 1000 }, ctx);
    expect(again.total).toBe(filled);
    expect(again.status.queued).toBe(0);
    expect(await services.db.get("SELECT value FROM entity_meta WHERE key = 'extractor'")).toEqual({
      value: String(EXTRACTOR_VERSION),
    });
  });

  it('queues every stored article when a library is migrated to the entity index', async () => {
    const db = await Database.open(join(tempDir(), 'old.db'));
    try {
      await migrate(db, migrations.slice(0, 8));
      await db.write((w) =>
        w.run(
          `INSERT INTO articles (title, body, lang, dir, content_hash, word_count, imported_at, updated_at)
           VALUES ('t', 'وصل الوفد إلى الرياض', 'ar', 'rtl', 'h1', 4, 'now', 'now')`,
        ),
      );
      await migrate(db, migrations);
      expect(await db.all('SELECT article_id FROM entity_queue')).toHaveLength(1);
    } finally {
      await db.close();
    }
  });
});
