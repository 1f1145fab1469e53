/**
 * The query set of bench:search (and bench:scale): handwritten queries, then
 * 1-3 words of random articles' titles, a quarter with filters, drawn with a
 * fixed seed from the library at hand.
 */
import type { ParsedInput } from '../preload/contract';
import type { Services } from '../main/core/services';
import { analyze } from '../main/core/text';
import { prng } from './searchLibrary';

export interface BenchQuery {
  query: string;
  filter: ParsedInput<'search.query'>['filter'];
}

const askCtx = { progress: () => undefined, signal: new AbortController().signal };

/** A bench query as the search box asks it: the first page of 20 by relevance, with facets; `extra` overrides. */
export function askSearch(services: Services, q: BenchQuery, extra: Partial<ParsedInput<'search.query'>> = {}) {
  return services.handlers['search.query'](
    {
      query: q.query,
      filter: q.filter,
      offset: 0,
      limit: 20,
      facets: true,
      engine: 'auto',
      sort: 'relevance',
      lenient: false,
      ...extra,
    },
    askCtx,
  );
}

/** Queries a researcher would type, written out: variants, clitics, diacritics, operators. */
const HANDWRITTEN = [
  'الأمريكي',
  'الأميركي',
  'الامريكى',
  'الأَمْرِيكِيّ',
  'أمريكا',
  'واشنطن',
  'لواشنطن',
  'بواشنطن',
  'السعودية',
  'المملكة العربية السعودية',
  '"المملكة العربية السعودية"',
  '"الرئيس الأمريكي"',
  '"وزير الخارجية"',
  'الكاظمي',
  'بايدن',
  'أوباما',
  'البنتاغون',
  'البنتاجون',
  'مسئول',
  'مسؤول',
  'الملك سلمان',
  'ولي العهد',
  'داعش',
  'الحوثي',
  'الحوثيين',
  'اليمن -الحوثي',
  'إيران OR طهران',
  'النفط أسعار',
  'أسعار النفط -الذهب',
  'سوق الأسهم',
  'title:السعودية',
  'title:النفط',
  'author:الرياض',
  'source:سبق',
  'source:okaz',
  'lang:ar الرياض',
  'الرياض*',
  'واشن*',
  'السعو*',
  'الامريكى~1',
  'السعوديه~1',
  'اليمن~1',
  'كورونا',
  'الإرهاب',
  'الارهاب',
  'بالإرهاب',
  'والإرهاب',
  'مكافحة الإرهاب',
  '"مكافحة الإرهاب"',
  'الهلال النصر',
  'government',
  'election',
  'Blair',
  'Brown chancellor',
  '"prime minister"',
  'economy growth',
  'film award',
  'mobile phone',
  'music -film',
  'footbal~1',
  'champion*',
  'title:election',
  'الكاظمى~2',
  'goverment~2',
  'Chelsea OR Arsenal',
  'broadband',
  'Microsoft',
  'Google',
  'iPod',
  'oil prices',
  'interest rates',
  'Iraq',
];

const FILTER_KINDS = ['lang', 'source', 'date', 'lang+date'] as const;

export async function fixedQueries(services: Services): Promise<BenchQuery[]> {
  const db = services.db;
  const sources = await db.all<{ id: number }>('SELECT id FROM sources ORDER BY id');
  const bounds = await db.get<{ m: number }>('SELECT max(id) AS m FROM articles');
  const rnd = prng(5);
  const queries: BenchQuery[] = HANDWRITTEN.map((query) => ({ query, filter: {} }));
  // Titles of random articles, 1-3 consecutive content words each.
  while (queries.length < 330) {
    const id = 1 + Math.floor(rnd() * (bounds?.m ?? 1));
    const row = await db.get<{ title: string; lang: string }>('SELECT title, lang FROM articles WHERE id = ?', [id]);
    if (!row) continue;
    const words = analyze(row.title).filter((t) => !t.stop && t.kind === 'word' && t.exact.length > 2);
    if (words.length === 0) continue;
    const n = 1 + Math.floor(rnd() * Math.min(3, words.length));
    const at = Math.floor(rnd() * (words.length - n + 1));
    const query = words
      .slice(at, at + n)
      .map((t) => t.text)
      .join(' ');
    const filter: BenchQuery['filter'] = {};
    if (rnd() < 0.25) {
      const kind = FILTER_KINDS[Math.floor(rnd() * FILTER_KINDS.length)]!;
      if (kind.includes('lang')) filter.lang = row.lang;
      if (kind === 'source') filter.sourceIds = [sources[Math.floor(rnd() * sources.length)]!.id];
      if (kind.includes('date')) {
        filter.dateFrom = '2016-01-01';
        filter.dateTo = '2017-12-31';
      }
    }
    queries.push({ query, filter });
  }
  return queries;
}

/** The name of the collection bench:search and bench:collections search with Lunr. */
export const BENCH_COLLECTION = 'bench 5k';

/** That collection's id: 5,000 distinct articles drawn with seed 11, made once in the library and kept there. */
export async function benchCollection(services: Services): Promise<number> {
  const existing = (await services.handlers['library.listCollections']({}, askCtx)).find(
    (c) => c.name === BENCH_COLLECTION,
  );
  if (existing) return existing.id;
  const collection = await services.handlers['library.createCollection']({ name: BENCH_COLLECTION }, askCtx);
  const rnd = prng(11);
  const maxId = (await services.db.get<{ m: number }>('SELECT max(id) AS m FROM articles'))?.m ?? 0;
  const ids = new Set<number>();
  while (ids.size < 5000) {
    const id = 1 + Math.floor(rnd() * maxId);
    if (await services.db.get('SELECT 1 AS x FROM articles WHERE id = ?', [id])) ids.add(id);
  }
  await services.handlers['library.addToCollection']({ collectionId: collection.id, articleIds: [...ids] }, askCtx);
  return collection.id;
}
