/**
 * What the results header shows, on a small library written for it: exact
 * phrases (Arabic forms), sorting by date, facets by kind (month, tag,
 * collection), how the query was understood, and lenient reading.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResults } from '../../../preload/contract/search';
import type { CallContext, ParsedInput } from '../../../preload/contract';
import { tempDir } from '../../../tests/support/paths';
import type { ParsedArticle } from '../importers/types';
import { insertArticle, resolveSource } from '../library/libraryStore';
import { createServices, type Services } from '../services';
import { phraseForm, phraseRanges } from './phraseMatch';

const ctx: CallContext = { progress: () => undefined, signal: new AbortController().signal };

const ARTICLES: Array<{ title: string; body: string; iso: string | null; source: string }> = [
  {
    title: 'مجلس الوزراء يقر الميزانية',
    body: 'أقر مجلس الوزراء أمس ميزانية العام.',
    iso: '2015-08-11',
    source: 'عكاظ',
  },
  { title: 'اجتماع في تونس', body: 'اجتمع مجلس وزراء الداخلية العرب في تونس.', iso: '2016-01-02', source: 'الحياة' },
  { title: 'خطاب', body: 'قال الملك سلمان إن المملكة ماضية.', iso: '2014-05-05', source: 'عكاظ' },
  { title: 'الحرس', body: 'استعرض الحرس الملكي قواته.', iso: '2017-03-01', source: 'الحياة' },
  { title: 'بيان', body: 'وأكد لمجلس الوزراءِ أن ومجلسَ الوزراء سيجتمع.', iso: null, source: 'عكاظ' },
];

describe('search header: phrases, sorting, facets, understanding', () => {
  let services: Services;
  const ids: number[] = [];
  const search = (query: string, more: Partial<ParsedInput<'search.query'>> = {}): Promise<SearchResults> =>
    services.handlers['search.query'](
      {
        query,
        filter: {},
        offset: 0,
        limit: 20,
        facets: true,
        engine: 'auto',
        sort: 'relevance',
        lenient: false,
        ...more,
      },
      ctx,
    );
  const found = async (query: string, more: Partial<ParsedInput<'search.query'>> = {}) =>
    (await search(query, more)).items.map((h) => ids.indexOf(h.id));

  beforeAll(async () => {
    services = await createServices({ dbPath: join(tempDir(), 'library.db'), host: 'test' });
    await services.db.write(async (w) => {
      for (const [i, a] of ARTICLES.entries()) {
        const sourceId = await resolveSource(w, a.source, new Date().toISOString());
        const article: ParsedArticle = {
          title: a.title,
          body: a.body,
          author: null,
          source: a.source,
          published: a.iso ? { original: a.iso, iso: a.iso, precision: 'day' } : null,
          lang: 'ar',
          dir: 'rtl',
          url: null,
          originPath: `test#${i}`,
          originFormat: 'text',
          encoding: 'utf-8',
          contentHash: `header-${i}`,
          wordCount: a.body.split(' ').length,
        };
        ids.push(await insertArticle(w, article, sourceId, new Date().toISOString()));
      }
    });
  });
  afterAll(async () => {
    await services?.close();
  });

  it('matches a quoted phrase in its order and form, folding only spelling', async () => {
    // مجلس وزراء الداخلية has the same index keys as مجلس الوزراء, but not the article.
    expect((await found('"مجلس الوزراء"')).sort()).toEqual([0, 4]);
    expect(await found('مجلس الوزراء')).toEqual(expect.arrayContaining([0, 1, 4]));
    // Diacritics and attached prepositions on the first word are only spelling.
    expect(await found('"لمجلس الوزراء"')).toEqual([4]);
    expect(await found('"الملك"')).toEqual([2]);
    expect((await found('الملك')).sort()).toEqual([2, 3]);
    const r = await search('"مجلس الوزراء"');
    expect(r.total).toBe(2);
    expect(r.facetGroups!.find((g) => g.kind === 'source')!.values).toEqual([
      { value: expect.any(String), label: 'عكاظ', count: 2 },
    ]);
  });

  it('marks the phrase, not words of the same stem elsewhere', async () => {
    const hit = (await search('"الملك"')).items[0]!;
    expect(hit.snippet.highlights.map(([a, b]) => hit.snippet.text.slice(a, b))).toEqual(['الملك']);
    const body = 'الحرس الملكي والملك وللملك والملكة';
    expect(phraseRanges(body, phraseForm('الملك')).map(([a, b]) => body.slice(a, b))).toEqual(['والملك', 'وللملك']);
    const council = 'مجلس وزراء الداخلية ثم مجلسُ الوزراء';
    expect(phraseRanges(council, phraseForm('مجلس الوزراء')).map(([a, b]) => council.slice(a, b))).toEqual([
      'مجلسُ الوزراء',
    ]);
    // Spelling variants are the same word: الأمريكي is written الأميركي too.
    const us = 'قال الرئيس الأميركي';
    expect(phraseRanges(us, phraseForm('الرئيس الأمريكي'))).toEqual([[4, us.length]]);
  });

  it('checks a phrase again after the library changes (verdicts are remembered only until then)', async () => {
    // حرس ملكي has the keys of "الحرس الملكي" (FTS5 still offers the article) but not its form.
    expect(await found('"الحرس الملكي"')).toEqual([3]);
    await services.db.write((w) =>
      w.run('UPDATE articles SET body = ? WHERE id = ?', ['استعرض حرسٌ ملكيٌ قواته، لا الحرس الوطني.', ids[3]!]),
    );
    expect(await found('"الحرس الملكي"')).toEqual([]);
    await services.db.write((w) => w.run('UPDATE articles SET body = ? WHERE id = ?', [ARTICLES[3]!.body, ids[3]!]));
    expect(await found('"الحرس الملكي"')).toEqual([3]);
  });

  it('sorts by relevance, newest or oldest (undated last)', async () => {
    const q = 'مجلس OR الملك OR الحرس';
    expect(await found(q, { sort: 'newest' })).toEqual([3, 1, 0, 2, 4]);
    expect(await found(q, { sort: 'oldest' })).toEqual([2, 0, 1, 3, 4]);
    expect(await found('"مجلس الوزراء"', { sort: 'oldest' })).toEqual([0, 4]);
    const pageTwo = await search(q, { sort: 'newest', offset: 2, limit: 2 });
    expect(pageTwo.items.map((h) => ids.indexOf(h.id))).toEqual([0, 2]);
    expect(pageTwo.total).toBe(5);
  });

  it('counts facets by kind: outlet, year, month, language, tag, collection', async () => {
    await services.handlers['library.tagArticles']({ articleIds: [ids[0]!, ids[1]!], tags: ['وزارات'] }, ctx);
    const c = await services.handlers['library.createCollection']({ name: 'الخليج' }, ctx);
    await services.handlers['library.addToCollection']({ collectionId: c.id, articleIds: [ids[1]!] }, ctx);
    for (const filter of [{}, { lang: 'ar' }]) {
      const r = await search('مجلس', { filter });
      const kind = (k: string) => r.facetGroups!.find((g) => g.kind === k)!.values;
      expect(r.facetGroups!.map((g) => g.kind)).toEqual(['source', 'year', 'month', 'language', 'tag', 'collection']);
      expect(kind('year')).toEqual([
        { value: '2016', label: '2016', count: 1 },
        { value: '2015', label: '2015', count: 1 },
        { value: null, label: null, count: 1 },
      ]);
      expect(kind('month').map((m) => m.value)).toEqual(['2016-01', '2015-08']);
      expect(kind('tag')).toEqual([{ value: 'وزارات', label: 'وزارات', count: 2 }]);
      expect(kind('collection')).toEqual([{ value: String(c.id), label: 'الخليج', count: 1 }]);
      // The older shape, from the same counts.
      expect(r.facets!.sources.reduce((s, f) => s + f.count, 0)).toBe(r.total);
    }
    // A chosen month narrows the hits.
    expect(await found('مجلس', { filter: { dateFrom: '2016-01', dateTo: '2016-01' } })).toEqual([1]);
  });

  it('says how the query was understood', async () => {
    const r = await search('الأمريكي "مجلس الوزراء" واشن* بايدن~1 -الحرس');
    expect(r.understood.map((u) => [u.text, u.via])).toEqual([
      ['الأمريكي', ['spelling', 'stem']],
      ['مجلس الوزراء', ['phrase']],
      ['واشن', ['prefix']],
      ['بايدن', ['fuzzy']],
      ['الحرس', ['excluded', 'spelling']],
    ]);
    expect(r.hints).toEqual([]);
  });

  it('reads a malformed query leniently when asked, with hints, and strictly otherwise', async () => {
    const open = await search('"مجلس الوزراء', { lenient: true });
    expect(open.hints).toEqual([{ kind: 'unclosedQuote', text: 'مجلس الوزراء' }]);
    expect(open.total).toBe(2);
    const stray = await search('مجلس OR', { lenient: true });
    expect(stray.hints).toEqual([{ kind: 'strayOperator', text: 'OR' }]);
    expect(stray.total).toBe(3);
    const field = await search('titel:مجلس', { lenient: true });
    expect(field.hints.map((h) => h.kind)).toEqual(['unknownField']);
    const nothing = await search('-مجلس', { lenient: true });
    expect(nothing).toMatchObject({ total: 0, hints: [{ kind: 'nothingToFind' }] });
    await expect(search('"مجلس الوزراء')).rejects.toMatchObject({ code: 'QUERY_INVALID' });
  });
});
