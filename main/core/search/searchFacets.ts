/**
 * Facet counts of a search's hits, as the contract gives them: the list of
 * kinds (`facetGroups`: outlet, year, month, language, tag, collection) and
 * the older fixed shape (`facets`: outlets, years, languages) from the same
 * counts. Counted in memory by the facet table when it is current; in SQL
 * otherwise (after a write, until the table is read again).
 */
import type { FacetGroup as ContractFacetGroup, SearchFacets } from '../../../preload/contract/search';
import type { Connection, SqlValue } from '../db/connection';
import type { FacetCounts, FacetGroup, NamedCount } from './facetTable';

/** Values listed per kind at most (years are all listed). */
const MAX_VALUES = 50;
/** Months listed at most (ten years). */
const MAX_MONTHS = 120;

type Reader = Pick<Connection, 'all'>;

export interface Facets {
  facets: SearchFacets;
  groups: ContractFacetGroup[];
}

export const noFacets = (): Facets => ({
  facets: { sources: [], years: [], languages: [] },
  groups: [],
});

function listed(
  kind: ContractFacetGroup['kind'],
  values: ContractFacetGroup['values'],
  max = MAX_VALUES,
): ContractFacetGroup {
  return { kind, values: values.slice(0, max), more: values.length > max };
}

const byCount = (a: { count: number; label: string | null }, b: { count: number; label: string | null }) =>
  b.count - a.count || (a.label ?? '\uffff').localeCompare(b.label ?? '\uffff');
const newestFirst = (a: { value: string | null }, b: { value: string | null }) =>
  (b.value ?? '').localeCompare(a.value ?? '');

/** `names`: outlet names the counts lack (looked up by the caller). */
export function facetsOf(counts: FacetCounts, names: ReadonlyMap<number, string>): Facets {
  const sources = new Map<number | null, number>();
  const years = new Map<string | null, number>();
  const months = new Map<string, number>();
  const langs = new Map<string, number>();
  const known = new Map<number, string>(names);
  for (const g of counts.groups) {
    sources.set(g.sourceId, (sources.get(g.sourceId) ?? 0) + g.n);
    const year = g.period === null ? null : g.period.slice(0, 4);
    years.set(year, (years.get(year) ?? 0) + g.n);
    if (g.period !== null && g.period.length === 7) months.set(g.period, (months.get(g.period) ?? 0) + g.n);
    langs.set(g.lang, (langs.get(g.lang) ?? 0) + g.n);
    if (g.sourceId !== null && g.name) known.set(g.sourceId, g.name);
  }
  const facets: SearchFacets = {
    sources: [...sources]
      .map(([id, count]) => ({ id, name: id === null ? null : (known.get(id) ?? null), count }))
      .sort((a, b) => b.count - a.count || (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff')),
    years: [...years]
      .map(([year, count]) => ({ year, count }))
      .sort((a, b) => (b.year ?? '').localeCompare(a.year ?? '')),
    languages: [...langs]
      .map(([lang, count]) => ({ lang, count }))
      .sort((a, b) => b.count - a.count || a.lang.localeCompare(b.lang)),
  };
  const namedValues = (list: NamedCount[]) =>
    list.map((t) => ({ value: String(t.id), label: t.name, count: t.n })).sort(byCount);
  const groups: ContractFacetGroup[] = [
    listed(
      'source',
      facets.sources.map((s) => ({ value: s.id === null ? null : String(s.id), label: s.name, count: s.count })),
    ),
    listed(
      'year',
      facets.years.map((y) => ({ value: y.year, label: y.year, count: y.count })),
      Number.MAX_SAFE_INTEGER,
    ),
    listed(
      'month',
      [...months].map(([value, count]) => ({ value, label: value, count })).sort(newestFirst),
      MAX_MONTHS,
    ),
    listed(
      'language',
      facets.languages.map((l) => ({ value: l.lang, label: l.lang, count: l.count })),
    ),
    listed('tag', counts.tags.map((t) => ({ value: t.name, label: t.name, count: t.n })).sort(byCount)),
    listed('collection', namedValues(counts.collections)),
  ];
  return { facets, groups };
}

/** Names of outlets the counts name only by id. */
export async function missingSourceNames(reader: Reader, counts: FacetCounts): Promise<Map<number, string>> {
  const ids = [...new Set(counts.groups.filter((g) => g.sourceId !== null && !g.name).map((g) => g.sourceId!))];
  if (ids.length === 0) return new Map();
  const rows = await reader.all<{ id: number; name: string }>(
    'SELECT id, name FROM sources WHERE id IN (SELECT value FROM json_each(?))',
    [JSON.stringify(ids)],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Counts in SQL over the articles `hits` selects: a statement of one column
 * of article ids. One statement, and the hits found once (a MATCH costs a
 * pass over the terms' doclists): outlet, month and language groups, then
 * tags, then collections.
 */
export async function sqlFacetCounts(
  reader: Reader,
  hits: { sql: string; params: ReadonlyArray<SqlValue> },
): Promise<FacetCounts & { version: number | null }> {
  // Outlet names joined after grouping: a few dozen lookups.
  const rows = await reader.all<{
    kind: 'group' | 'tag' | 'collection';
    id: number | null;
    name: string | null;
    period: string | null;
    lang: string | null;
    n: number;
    version: number;
  }>(
    `WITH hits(id) AS MATERIALIZED (${hits.sql}),
       version(v) AS (SELECT data_version FROM pragma_data_version)
     SELECT 'group' AS kind, g.sourceId AS id, s.name AS name, g.period AS period, g.lang AS lang, g.n AS n,
         (SELECT v FROM version) AS version FROM (
       SELECT a.source_id AS sourceId, substr(a.published_iso, 1, 7) AS period, a.lang AS lang, count(*) AS n
       FROM articles a INDEXED BY articles_search_facets WHERE a.id IN hits GROUP BY 1, 2, 3
     ) g LEFT JOIN sources s ON s.id = g.sourceId
     UNION ALL
     SELECT 'tag', t.id, t.name, NULL, NULL, count(*), (SELECT v FROM version)
       FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id IN hits GROUP BY t.id
     UNION ALL
     SELECT 'collection', c.id, c.name, NULL, NULL, count(*), (SELECT v FROM version)
       FROM collection_items x JOIN collections c ON c.id = x.collection_id WHERE x.article_id IN hits GROUP BY c.id`,
    [...hits.params],
  );
  const groups: FacetGroup[] = [];
  const tags: NamedCount[] = [];
  const collections: NamedCount[] = [];
  for (const r of rows) {
    if (r.kind === 'group') groups.push({ sourceId: r.id, name: r.name, period: r.period, lang: r.lang!, n: r.n });
    else (r.kind === 'tag' ? tags : collections).push({ id: r.id!, name: r.name!, n: r.n });
  }
  return { version: rows[0]?.version ?? null, groups, tags, collections };
}
