/**
 * A library indexed by an older analyzer, opened by this one: the index reports itself stale until
 * `search.reindex` (`mizan reindex`, the app's prompt) rebuilds it, and nothing stored is lost.
 * The older analyzer is the one whose preposition list read بطاقة as ب+طاقة and kept بمقدار whole.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallContext } from '../../../preload/contract';
import { tempDir } from '../../../tests/support/paths';
import type { ParsedArticle } from '../importers/types';
import { insertArticle } from '../library/libraryStore';
import { createServices, type Services } from '../services';
import { buildIndexStreams } from './indexDocument';
import { analyzerFingerprint } from './libraryIndex';
import { AL_INITIAL, LAM_INITIAL, PREPOSITION_KEEP, PREPOSITION_TARGETS, SUFFIX_KEEP, WAW_INITIAL } from '../text';

const ctx: CallContext = { progress: () => undefined, signal: new AbortController().signal };

const body = 'حصل المسافر على بطاقة صعود إلى الطائرة، وارتفع سعرها بمقدار عشرة في المئة.';
const article: ParsedArticle = {
  title: 'تذاكر السفر',
  body,
  wordCount: body.split(' ').length,
  author: null,
  source: null,
  published: null,
  lang: 'ar',
  dir: 'rtl',
  url: null,
  originPath: 'test#analyzer-change',
  originFormat: 'text',
  encoding: 'utf-8',
  contentHash: 'test-analyzer-change',
};

/** The older analyzer's exact keys and stems for the same words. */
const OLDER_KEYS: ReadonlyArray<[string, string]> = [
  ['بطاقه', 'طاقه'],
  ['بطاق', 'طاق'],
  ['مقدار', 'بمقدار'],
];
const olderKeys = (stream: string): string =>
  stream
    .split(' ')
    .map((k) => OLDER_KEYS.find(([now]) => now === k)?.[1] ?? k)
    .join(' ');

describe('an index built by an older analyzer', () => {
  let services: Services | undefined;
  afterEach(async () => {
    await services?.close();
    services = undefined;
  });

  it('opens stale, is rebuilt by search.reindex and then finds the words under their new keys', async () => {
    const dbPath = join(tempDir(), 'older.db');
    services = await createServices({ dbPath, host: 'test' });
    const s = services;
    const id = await s.db.write((w) => insertArticle(w, article, null, new Date().toISOString()));
    // What the older analyzer left in the file: its keys in the index and vocabulary, its fingerprint.
    const streams = buildIndexStreams({ ...article, lang: 'ar' });
    await s.db.write(async (w) => {
      await w.run('DELETE FROM search_fts WHERE rowid = ?', [id]);
      await w.run(
        'INSERT INTO search_fts (rowid, title_x, title_s, body_x, body_s, author, source, lang) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [
          id,
          streams.titleExact,
          streams.titleStem,
          olderKeys(streams.bodyExact),
          olderKeys(streams.bodyStem),
          '',
          '',
          'ar',
        ],
      );
      for (const [now, older] of OLDER_KEYS) await w.run('UPDATE search_terms SET key = ? WHERE key = ?', [older, now]);
      await w.run("UPDATE search_meta SET value = 'older-analyzer' WHERE key = 'fingerprint'");
    });
    await s.close();

    services = await createServices({ dbPath, host: 'test' });
    const reopened = services;
    const status = await reopened.handlers['search.status']({}, ctx);
    expect(status.stale).toBe(true);
    expect(status.analyzer).toEqual({ current: analyzerFingerprint(), indexed: 'older-analyzer' });
    const query = (q: string) =>
      reopened.handlers['search.query'](
        {
          query: q,
          filter: {},
          offset: 0,
          limit: 20,
          facets: false,
          engine: 'auto',
          sort: 'relevance',
          lenient: false,
        },
        ctx,
      );
    const stale = await query('مقدار');
    expect(stale.indexStale).toBe(true);
    expect(stale.items).toEqual([]);

    const r = await reopened.handlers['search.reindex']({}, ctx);
    expect(r.articleCount).toBe(1);
    const after = await reopened.handlers['search.status']({}, ctx);
    expect(after).toMatchObject({ stale: false, articleCount: 1, indexedCount: 1 });
    expect((await query('مقدار')).items.map((h) => h.id)).toEqual([id]);
    expect((await query('بطاقة')).items.map((h) => h.id)).toEqual([id]);
    // Energy (طاقة) is not a word of this article: the older keys had said it was.
    expect((await query('طاقة')).items).toEqual([]);
    const stored = await reopened.handlers['library.getArticle']({ id }, ctx);
    expect(stored.body).toBe(article.body);
    expect(stored.title).toBe(article.title);
  }, 120_000);

  it('is told apart by its fingerprint when only the preposition lists changed', () => {
    const before = analyzerFingerprint();
    const targets = PREPOSITION_TARGETS as Map<string, string>;
    const keep = PREPOSITION_KEEP as Set<string>;
    targets.set('قرنفلستان', 'ل');
    try {
      expect(analyzerFingerprint()).not.toBe(before);
    } finally {
      targets.delete('قرنفلستان');
    }
    keep.add('لقرنفلستان');
    try {
      expect(analyzerFingerprint()).not.toBe(before);
    } finally {
      keep.delete('لقرنفلستان');
    }
    expect(analyzerFingerprint()).toBe(before);
  });

  it('is told apart by its fingerprint when only a guard list changed', () => {
    const before = analyzerFingerprint();
    for (const list of [WAW_INITIAL, AL_INITIAL, LAM_INITIAL, SUFFIX_KEEP] as Set<string>[]) {
      list.add('قرنفلستان');
      try {
        expect(analyzerFingerprint()).not.toBe(before);
      } finally {
        list.delete('قرنفلستان');
      }
    }
    expect(analyzerFingerprint()).toBe(before);
  });
});
