/**
 * `mizan search` and `mizan reindex`: the search contract on the command
 * line, for archivists who script it.
 *
 *   mizan search "QUERY" [--collection NAME] [--source NAME] [--lang CODE] [--tag TAG]
 *                [--from DATE] [--to DATE] [--sort relevance|newest|oldest] [--limit N] [--offset N] [--json]
 *
 * DATE is Gregorian (2015, 2015-08, 2015-08-11) or Hijri (1436-10-26AH, "1436-10-26 هـ").
 *   mizan reindex
 */
import {
  MizanError,
  type ArticleFilter,
  type Input,
  type MethodName,
  type Output,
  type SearchHit,
  type SearchSort,
} from '../../preload/contract';
import { parseDateBound, type DateEdge } from '../../common/text/dateBound';
import { sameName } from '../../common/text/names';

export type Call = <M extends MethodName>(method: M, input: Input<M>, jobId?: string | null) => Promise<Output<M>>;

export interface SearchOptions {
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

/** Prints the results; returns the exit status (1 when nothing was found). */
export async function searchCommand(
  call: Call,
  query: string,
  o: SearchOptions,
  print: (text: string) => void,
): Promise<number> {
  const result = await call('search.query', {
    query,
    filter: await filterOf(call, o),
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
