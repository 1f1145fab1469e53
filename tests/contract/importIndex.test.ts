/**
 * The import hands the search index keys its parser computed (one analysis
 * per article). The index it builds that way must be the one a full reindex
 * builds from the stored articles: same rows, same token counts, same
 * vocabulary — over several transactions and with exact duplicates (whose
 * counts the import takes back out).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext, ImportReport } from '../../preload/contract';
import { buildArticle } from '../../main/core/importers/article';
import { insertArticle } from '../../main/core/library/libraryStore';
import { createServices, type Services } from '../../main/core/services';
import { sharedData, tempDir } from '../support/paths';

const ctx: CallContext = { signal: new AbortController().signal, progress: () => undefined };

interface Snapshot {
  rows: Array<{ id: number; sz: Buffer }>;
  terms: Array<{ key: string; surface: string; bare: number; definite: number; df: number }>;
}

async function snapshot(services: Services): Promise<Snapshot> {
  return {
    rows: await services.db.all('SELECT id, sz FROM search_fts_docsize ORDER BY id'),
    terms: await services.db.all('SELECT key, surface, bare, definite, df FROM search_terms ORDER BY key'),
  };
}

describe('index keys computed at parse time', () => {
  let services: Services;
  let report: ImportReport;
  let imported: Snapshot;

  beforeAll(async () => {
    const dir = tempDir();
    const day = JSON.parse(
      gunzipSync(readFileSync(sharedData('saudinewsnet', '2015-08-10.json.gz'))).toString('utf8'),
    ) as unknown[];
    // The day's ~1,700 records (two transactions), then 40 of them again: exact duplicates inside the second batch.
    const records = [...day, ...day.slice(1000, 1040)];
    const file = join(dir, 'day.json');
    writeFileSync(file, JSON.stringify(records));
    services = await createServices({ dbPath: join(dir, 'library.db'), host: 'test' });
    report = await services.handlers['library.importFiles']({ paths: [file] }, ctx);
    imported = await snapshot(services);
  });
  afterAll(async () => {
    await services?.close();
  });

  it('stores every article once and indexes each', async () => {
    expect(report.duplicates.length).toBeGreaterThanOrEqual(40);
    expect(report.imported.length).toBeGreaterThan(1000);
    expect(imported.rows.map((r) => r.id)).toEqual(report.imported.map((a) => a.id).sort((a, b) => a - b));
    expect(await services.db.get('SELECT count(*) AS n FROM search_queue')).toEqual({ n: 0 });
  });

  it('equals what a full reindex of the stored articles builds', async () => {
    await services.handlers['search.reindex']({}, ctx);
    const rebuilt = await snapshot(services);
    expect(imported.rows.length).toBe(rebuilt.rows.length);
    // Token counts per column of every row: the keys written are the same.
    expect(imported.rows).toEqual(rebuilt.rows);
    expect(imported.terms.length).toBe(rebuilt.terms.length);
    expect(imported.terms).toEqual(rebuilt.terms);
  });

  it('uses primed keys only for the very text they were computed from', async () => {
    // Keys that no analysis would give, so the row shows which path wrote it.
    const keys = { titleExact: 'k1', titleStem: 'k1', bodyExact: 'k1 k2 k3', bodyStem: 'k1 k2 k3' };
    const parts = (body: string) =>
      buildArticle({
        title: 'عنوان الخبر',
        body,
        originPath: `primed-${body.length}`,
        originFormat: 'text',
        encoding: 'utf-8',
      });
    const sizes = async (id: number) =>
      (await services.db.get<{ sz: Buffer }>('SELECT sz FROM search_fts_docsize WHERE id = ?', [id]))!.sz;
    const now = new Date().toISOString();

    const same = parts('أعلنت الوزارة اليوم عن خطة جديدة لتطوير التعليم في المدارس الحكومية');
    const sameId = await services.db.write(async (w) => {
      const id = await insertArticle(w, same, null, now);
      services.state.primer.prime({
        articles: new Map([[id, { title: same.title, contentHash: same.contentHash, keys }]]),
        termsJsons: [],
        minusJson: null,
      });
      return id;
    });
    const other = parts('نص آخر مختلف تماما عن النص الذي حسبت له المفاتيح قبل التخزين');
    const otherId = await services.db.write(async (w) => {
      const id = await insertArticle(w, other, null, now);
      // Primed with another text's content hash: must be ignored.
      services.state.primer.prime({
        articles: new Map([[id, { title: other.title, contentHash: same.contentHash, keys }]]),
        termsJsons: [],
        minusJson: null,
      });
      return id;
    });
    // FTS5 docsize: one varint per column (title_x title_s body_x body_s author source lang).
    expect([...(await sizes(sameId))].slice(0, 4)).toEqual([1, 1, 3, 3]);
    expect([...(await sizes(otherId))][2]).toBeGreaterThan(3);
  });
});
