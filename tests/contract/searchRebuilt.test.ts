/**
 * A library answers the same searches alike however its index was built:
 * imported and then edited (articles deleted, some imported again), that
 * library's index rebuilt by search.reindex, and a library imported afresh
 * with the same articles. bm25 reads how many rows the index holds and their
 * average length: a deleted or replaced article must not weigh in.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext, SearchResults } from '../../preload/contract';
import { createServices, type Services } from '../../main/core/services';
import { sharedData, tempDir } from '../support/paths';

const ctx: CallContext = { signal: new AbortController().signal, progress: () => undefined };

const QUERIES = ['السعودية', 'وزير الخارجية', 'الرياض', 'النفط', 'مجلس الوزراء', 'الأمير~1', 'title:السعودية'];

interface RawRecord {
  url: string;
  title: string;
}

/** Each query's total and its top 30: the article (by its address) and score, as the search box gets them. */
async function answers(services: Services): Promise<string[]> {
  const out: string[] = [];
  for (const query of QUERIES) {
    const r: SearchResults = await services.handlers['search.query'](
      { query, filter: {}, offset: 0, limit: 30, facets: false, engine: 'auto', sort: 'relevance', lenient: false },
      ctx,
    );
    const hits = r.items.map((h) => `${h.url ?? h.title} ${h.exact ? 'exact' : 'stem'} ${h.score.toFixed(9)}`);
    out.push(`${query}: ${r.total} | ${hits.join(' | ')}`);
  }
  return out;
}

describe('a library edited, rebuilt or built afresh answers alike', () => {
  const dir = tempDir();
  const services: Services[] = [];
  let edited: Services;

  const open = async (name: string): Promise<Services> => {
    const s = await createServices({ dbPath: join(dir, name), host: 'test', entityIndex: false });
    services.push(s);
    return s;
  };
  const importRecords = async (s: Services, name: string, records: readonly RawRecord[]): Promise<void> => {
    const file = join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(records));
    await s.handlers['library.importFiles']({ paths: [file] }, ctx);
  };

  let day: RawRecord[];
  let kept: RawRecord[];

  beforeAll(async () => {
    day = (
      JSON.parse(gunzipSync(readFileSync(sharedData('saudinewsnet', '2015-08-10.json.gz'))).toString('utf8')) as Array<
        RawRecord & { content?: string }
      >
    )
      .filter((r) => (r.content ?? '').trim().length > 200)
      .slice(0, 700);
    edited = await open('edited.db');
    await importRecords(edited, 'first', day.slice(0, 600));
    // Every fourth article deleted, then a stretch of the day imported again (some of the deleted come back, the
    // others are exact duplicates and stay as they are), then articles the library did not have.
    const rows = await edited.db.all<{ id: number; url: string }>('SELECT id, url FROM articles ORDER BY id');
    const deleted = rows.filter((_, i) => i % 4 === 1);
    await edited.handlers['library.deleteArticles']({ ids: deleted.map((r) => r.id) }, ctx);
    await importRecords(edited, 'again', day.slice(200, 300));
    await importRecords(edited, 'more', day.slice(600, 700));
    const stored = new Set((await edited.db.all<{ url: string }>('SELECT url FROM articles')).map((r) => r.url));
    kept = day.filter((r) => stored.has(r.url));
  });
  afterAll(async () => {
    for (const s of services) await s.close();
  });

  it('answers after search.reindex as before it', async () => {
    const before = await answers(edited);
    expect(before.filter((a) => /: 0 \|/.test(a))).toEqual([]);
    await edited.db.backupTo(join(dir, 'rebuilt.db'));
    const rebuilt = await open('rebuilt.db');
    await rebuilt.handlers['search.reindex']({}, ctx);
    expect(await answers(rebuilt)).toEqual(before);
  });

  it('answers as a library imported afresh with the same articles', async () => {
    expect(kept.length).toBeLessThan(700);
    expect(kept.length).toBe((await edited.db.get<{ n: number }>('SELECT count(*) AS n FROM articles'))?.n);
    const fresh = await open('fresh.db');
    await importRecords(fresh, 'kept', kept);
    expect(await answers(fresh)).toEqual(await answers(edited));
  });
});
