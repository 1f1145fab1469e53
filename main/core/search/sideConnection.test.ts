/**
 * Totals and facets are counted on the search service's own read-only
 * connection: after a restore replaces the library file, they must count
 * in the restored file, as the page does.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CallContext } from '../../../preload/contract';
import { seedPath, sharedData, tempDir } from '../../../tests/support/paths';
import { createServices, type Services } from '../services';

const ctx: CallContext = { progress: () => undefined, signal: new AbortController().signal };

describe('search after a restore', () => {
  let services: Services | undefined;
  afterAll(async () => {
    await services?.close();
  });

  it('counts totals and facets in the restored file', async () => {
    const s = (services = await createServices({ dbPath: join(tempDir(), 'library.db'), host: 'test' }));
    const search = async (query: string, facets: boolean) => {
      const r = await s.handlers['search.query'](
        { query, filter: {}, offset: 0, limit: 100, facets, engine: 'auto', sort: 'relevance', lenient: false },
        ctx,
      );
      return {
        total: r.total,
        items: r.items.length,
        facetTotal: r.facets?.sources.reduce((n, f) => n + f.count, 0) ?? null,
      };
    };
    await s.handlers['library.importFiles']({ paths: [seedPath] }, ctx);
    const backup = await s.handlers['library.backupNow']({}, ctx);
    await s.handlers['library.importFiles']({ paths: [sharedData('saudinewsnet', '2015-07-21.json.gz')] }, ctx);
    const before = await search('السعودية', true);
    expect(before.total).toBeGreaterThan(20);
    expect(before.facetTotal).toBe(before.total);

    await s.handlers['library.restoreBackup']({ name: backup.name }, ctx);
    // Only the seed is left: nothing of the day's articles is counted any more.
    expect(await search('السعودية', true)).toEqual({ total: 0, items: 0, facetTotal: 0 });
    expect(await search('السعودية', false)).toEqual({ total: 0, items: 0, facetTotal: null });
    expect(await search('الأمريكي', true)).toEqual({ total: 1, items: 1, facetTotal: 1 });
  });
});
