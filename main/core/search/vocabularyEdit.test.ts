/**
 * An edit writes only the vocabulary counts it changes (libraryIndex.ts,
 * netTerms): the vocabulary's keys and counts after edits must be the ones
 * a rebuild from the stored text gives (completions rank by them, fuzzy
 * terms expand against them).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext } from '../../../preload/contract';
import { tempDir } from '../../../tests/support/paths';
import { createServices, type Services } from '../services';

const ctx: CallContext = { progress: () => undefined, signal: new AbortController().signal };

const ARTICLES: Array<[string, string]> = [
  ['الحكومة تعلن ميزانية الزمبريلة', 'أعلنت الحكومة اليوم ميزانية جديدة لزراعة الزمبريلة في الواحات.'],
  ['وزير الزراعة يزور الواحات', 'زار وزير الزراعة الواحات وتحدث عن محصول التمور والزمبريلة.'],
  ['Harvest report', 'The harvest of dates in the oasis grew this year, officials said.'],
  ['تقرير القرنفلستان', 'بالقرنفلستان وللقرنفلستان تقرير عن القرنفلستان.'],
];

describe('vocabulary after edits', () => {
  let services: Services;
  const ids: number[] = [];
  const vocabulary = () =>
    services.db.all<{ key: string; surface: string; bare: number; definite: number; df: number }>(
      'SELECT key, surface, bare, definite, df FROM search_terms ORDER BY key',
    );

  beforeAll(async () => {
    services = await createServices({ dbPath: join(tempDir(), 'library.db'), host: 'test' });
    await services.db.write(async (w) => {
      for (const [i, [title, body]] of ARTICLES.entries()) {
        const r = await w.run(
          `INSERT INTO articles (title, body, lang, dir, content_hash, word_count, imported_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 10, 'now', 'now')`,
          [title, body, i === 2 ? 'en' : 'ar', i === 2 ? 'ltr' : 'rtl', `vocab-edit-${i}`],
        );
        ids.push(r.lastID);
      }
    });
  });
  afterAll(async () => {
    await services?.close();
  });

  it('is the rebuilt vocabulary after title, body and delete edits', async () => {
    const edit = (id: number, patch: { title: string }) =>
      services.handlers['library.updateArticle']({ id, patch }, ctx);
    await edit(ids[0]!, { title: 'الحكومة تعلن ميزانية الزمبريلة والتمور' });
    await edit(ids[2]!, { title: 'Harvest report from the oasis' });
    // The only holder of a word keeps it in a prefixed form only: its spelling and flags follow the new text.
    await services.db.write((w) =>
      w.run('UPDATE articles SET body = ? WHERE id = ?', ['بالقرنفلستان تقرير آخر عن المحصول.', ids[3]!]),
    );
    await services.db.write((w) =>
      w.run('UPDATE articles SET title = ?, body = ? WHERE id = ?', ['تقرير', 'محصول الواحات', ids[1]!]),
    );
    await services.handlers['library.deleteArticle']({ id: ids[2]! }, ctx);
    const counts = async () => (await vocabulary()).map((t) => [t.key, t.df]);
    const afterEdits = await counts();
    await services.handlers['search.reindex']({}, ctx);
    expect(afterEdits).toEqual(await counts());
  });
});
