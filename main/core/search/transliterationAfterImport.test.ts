/**
 * A Latin query right after an import finds the Arabic name the import
 * brought, through the services as the app builds them (web host: the
 * first tables are waited for only briefly).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext } from '../../../preload/contract';
import { tempDir } from '../../../tests/support/paths';
import { createServices, type Services } from '../services';

const ctx: CallContext = { progress: () => undefined, signal: new AbortController().signal };

function newsFile(name: string, records: Array<{ title: string; content: string }>): string {
  const path = join(tempDir(), name);
  const dated = records.map((r, i) => ({ source: 'aawsat', date_extracted: `2015-07-2${i} 10:00:00`, ...r }));
  writeFileSync(path, JSON.stringify(dated));
  return path;
}

describe('names across scripts after an import', () => {
  let services: Services;
  const search = (query: string) =>
    services.handlers['search.query'](
      {
        query,
        filter: {},
        offset: 0,
        limit: 20,
        facets: false,
        engine: 'auto',
        sort: 'relevance',
        lenient: true,
      },
      ctx,
    );

  beforeAll(async () => {
    services = await createServices({ dbPath: join(tempDir(), 'library.db'), host: 'web' });
  });
  afterAll(async () => {
    await services?.close();
  });

  it('finds الكاظمي for Kadhimi in the first search after the article naming him is imported', async () => {
    const first = newsFile('first.json', [
      { title: 'وزير الخارجية يلتقي نظيره', content: 'التقى وزير الخارجية عادل الجبير نظيره في الرياض اليوم.' },
    ]);
    await services.handlers['library.importFiles']({ paths: [first] }, ctx);
    // The name tables are built for this library, without the name.
    expect((await search('Jubeir')).total).toBe(1);
    expect((await search('Kadhimi')).total).toBe(0);

    const second = newsFile('second.json', [
      { title: 'الكاظمي يزور الرياض', content: 'وصل رئيس الوزراء العراقي مصطفى الكاظمي إلى الرياض في زيارة رسمية.' },
    ]);
    await services.handlers['library.importFiles']({ paths: [second] }, ctx);
    const after = await search('Kadhimi');
    expect(after.total).toBe(1);
    expect(after.items[0]!.title).toBe('الكاظمي يزور الرياض');
    expect(after.transliterated?.[0]?.spellings).toContain('كاظمي');
  });
});
