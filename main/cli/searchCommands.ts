/**
 * `mizan search` and `mizan reindex`: the search contract on the command
 * line, for archivists who script it.
 *
 *   mizan search "QUERY" [--collection NAME] [--source NAME] [--lang CODE] [--tag TAG]
 *                [--from DATE] [--to DATE] [--sort relevance|newest|oldest] [--limit N] [--offset N] [--json]
 *
 * DATE is Gregorian (2015, 2015-08, 2015-08-11) or Hijri (1436-10-26AH, "1436-10-26 هـ").
 *   mizan search --saved NAME ["MORE WORDS"] [the same filters, which narrow it further]
 *   mizan searches [--json]      the saved searches with what each finds now
 *   mizan reindex
 */
import { MizanError } from '../../preload/contract/errors';
import type {
  ArticleFilter,
  Input,
  MethodName,
  Output,
  SavedSearchInfo,
  SearchHit,
  SearchSort,
} from '../../preload/contract';
import { parseDateBound, type DateEdge } from '../../common/text/dateBound';
import { sameName } from '../../common/text/names';

export type Call = <M extends MethodName>(method: M, input: Input<M>, jobId?: string | null) => Promise<Output<M>>;

export interface SearchOptions {
  /** A saved search's name: its query and filters, narrowed by the words and flags given with it. */
  saved?: string;
  collection?: string;
  source?: string;
  lang?: string;
  tag?: string;
  from?: string;
  to?: string;
  sort?: SearchSort;
  limit: number;
  offset: number;
  json: boolean;
  /** Marks matches in human output: ANSI reverse video on a terminal, [brackets] otherwise. */
  tty: boolean;
}

function mark(text: string, ranges: ReadonlyArray<readonly [number, number]>, tty: boolean): string {
  let out = '';
  let at = 0;
  for (const [s, e] of ranges) {
    if (s < at) continue;
    out += text.slice(at, s) + (tty ? `\u001b[7m${text.slice(s, e)}\u001b[27m` : `[${text.slice(s, e)}]`);
    at = e;
  }
  return out + text.slice(at);
}

async function filterOf(call: Call, o: SearchOptions): Promise<ArticleFilter> {
  const filter: ArticleFilter = {};
  if (o.collection) {
    const wanted = o.collection;
    const found = (await call('library.listCollections', {})).find((c) => sameName(c.name, wanted));
    if (!found) throw new MizanError('NOT_FOUND', `no collection called "${o.collection}"`);
    filter.collectionId = found.id;
  }
  if (o.source) {
    const wanted = o.source;
    const match = (await call('library.listSources', {})).filter(
      (s) => sameName(s.name, wanted) || s.aliases.some((a) => sameName(a, wanted)),
    );
    if (match.length === 0) throw new MizanError('NOT_FOUND', `no source called "${o.source}"`);
    filter.sourceIds = match.map((s) => s.id);
  }
  if (o.lang) filter.lang = o.lang;
  if (o.tag) filter.tag = o.tag;
  if (o.from) filter.dateFrom = bound('--from', o.from, 'from');
  if (o.to) filter.dateTo = bound('--to', o.to, 'to');
  return filter;
}

function bound(flag: string, text: string, edge: DateEdge): string {
  const b = parseDateBound(text, edge);
  if (b.ok) return b.iso;
  throw new MizanError(
    'INVALID_ARGUMENT',
    b.reason === 'invalid'
      ? `${flag}: "${text}" is not a day of its calendar`
      : `${flag}: "${text}" is not a date (2015-08-11, 2015-08, 2015, 1436-10-26AH or "1436-10-26 هـ")`,
  );
}

/** The sorts `--sort` takes. */
export const searchSorts: readonly SearchSort[] = ['relevance', 'newest', 'oldest'];

async function savedSearchNamed(call: Call, name: string): Promise<SavedSearchInfo> {
  const found = (await call('search.listSavedSearches', {})).find((s) => sameName(s.name, name));
  if (!found) throw new MizanError('NOT_FOUND', `no saved search called "${name}" (see mizan searches)`);
  return found;
}

/** `mizan searches`: each saved search with how many articles it finds now. */
export async function savedSearchesCommand(call: Call, json: boolean, print: (text: string) => void): Promise<number> {
  const saved = await call('search.listSavedSearches', {});
  if (json) {
    print(
      JSON.stringify(
        saved.map(({ id, name, query, filter, articleCount }) => ({ id, name, query, filter, articleCount })),
      ),
    );
    return 0;
  }
  for (const s of saved) {
    const filters = Object.keys(s.filter).length > 0 ? `  ${JSON.stringify(s.filter)}` : '';
    print(`${String(s.articleCount).padStart(7)}  ${s.name}  ${s.query.trim() ? s.query : '(no query)'}${filters}`);
  }
  print(`${saved.length} saved search${saved.length === 1 ? '' : 'es'}`);
  return 0;
}

/** A saved search with no words: its filtered articles, newest (or oldest) first, printed as search results are. */
async function listFiltered(
  call: Call,
  filter: ArticleFilter,
  o: SearchOptions,
  print: (text: string) => void,
): Promise<number> {
  const page = await call('library.listArticles', {
    filter,
    limit: o.limit,
    offset: o.offset,
    sort: 'publishedAt',
    order: o.sort === 'oldest' ? 'asc' : 'desc',
  });
  if (o.json) {
    const results = page.items.map((a) => ({
      id: a.id,
      title: a.title,
      source: a.source,
      publishedAt: a.publishedAt.iso ?? a.publishedAt.original,
    }));
    print(JSON.stringify({ total: page.total, results }));
  } else {
    for (const a of page.items)
      print(
        `${String(a.id).padStart(6)}  ${(a.publishedAt.iso ?? a.publishedAt.original ?? '—').padEnd(10)}  ${(a.source ?? '—').padEnd(16)}  ${a.title}`,
      );
    const shown = page.items.length > 0 ? `${o.offset + 1}-${o.offset + page.items.length}` : '0';
    print(`${shown} of ${page.total} results`);
  }
  return page.total > 0 ? 0 : 1;
}

/** Prints the results; returns the exit status (1 when nothing was found). */
export async function searchCommand(
  call: Call,
  words: string,
  o: SearchOptions,
  print: (text: string) => void,
): Promise<number> {
  const saved = o.saved === undefined ? null : await savedSearchNamed(call, o.saved);
  // The saved query stays one group, so that words given with it narrow it (an OR inside is kept whole).
  const query = saved?.query.trim() ? (words.trim() ? `(${saved.query}) ${words}` : saved.query) : words;
  const filter = { ...(saved?.filter ?? {}), ...(await filterOf(call, o)) };
  if (saved && query.trim() === '') return listFiltered(call, filter, o, print);
  const result = await call('search.query', {
    query,
    filter,
    limit: o.limit,
    offset: o.offset,
    sort: o.sort ?? 'relevance',
  });
  if (o.json) {
    const brief = (h: SearchHit) => ({
      id: h.id,
      title: h.title,
      source: h.source,
      publishedAt: h.publishedAt.iso ?? h.publishedAt.original,
      score: h.score,
      snippet: h.snippet.text,
      highlights: h.snippet.highlights,
    });
    print(
      JSON.stringify({
        total: result.total,
        results: result.items.map(brief),
        facets: result.facets,
        facetGroups: result.facetGroups,
        understood: result.understood,
        engine: result.engine,
        ignored: result.ignored,
        transliterated: result.transliterated,
      }),
    );
  } else {
    for (const h of result.items) {
      const date = h.publishedAt.iso ?? h.publishedAt.original ?? '—';
      print(
        `${String(h.id).padStart(6)}  ${date.padEnd(10)}  ${(h.source ?? '—').padEnd(16)}  ${mark(h.title, h.titleHighlights, o.tty)}`,
      );
      print(`        ${mark(h.snippet.text, h.snippet.highlights, o.tty)}`);
    }
    const shown = result.items.length > 0 ? `${result.offset + 1}-${result.offset + result.items.length}` : '0';
    print(`${shown} of ${result.total} results${result.engine === 'lunr' ? ' (collection index)' : ''}`);
    if (result.ignored.length > 0) print(`ignored common words: ${result.ignored.join(', ')}`);
    for (const t of result.transliterated) print(`via transliteration: ${t.word} → ${t.spellings.join(', ')}`);
  }
  if (result.indexStale)
    process.stderr.write(
      'mizan: the search index was built by another version of Mizan; run "mizan reindex" for complete results\n',
    );
  return result.total > 0 ? 0 : 1;
}

export async function reindexCommand(call: Call, json: boolean, print: (text: string) => void): Promise<number> {
  const result = await call('search.reindex', {}, 'cli-reindex');
  print(
    json ? JSON.stringify(result) : `Reindexed ${result.articleCount} articles in ${(result.ms / 1000).toFixed(1)} s`,
  );
  return 0;
}
