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
    const day = JSON.parse(gunzipSync(readFileSync(sharedData('saudinewsnet', '2015-08-10.json.gz'))).toString('utf8')) as unknown[];
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
});
