/**
 * A query plan as an FTS5 MATCH expression over search_fts. Every key is
 * written as a quoted FTS5 string, so nothing a user types reaches FTS5's
 * own syntax. Fuzzy words are expanded here against the vocabulary.
 */
import type { QueryField } from './queryParser';
import type { FuzzyLeaf, PlanLeaf, PlanNode } from './queryPlan';
import type { Vocabulary } from './vocabulary';

/** The keys each fuzzy word stands for (also what gets highlighted). */
export type FuzzyExpansions = ReadonlyMap<FuzzyLeaf, readonly string[]>;

function fuzzyLeaves(node: PlanNode, out: FuzzyLeaf[] = []): FuzzyLeaf[] {
  if (node.kind === 'and') [...node.must, ...node.not].forEach((n) => fuzzyLeaves(n, out));
  else if (node.kind === 'or') node.any.forEach((n) => fuzzyLeaves(n, out));
  else if (node.kind === 'fuzzy') out.push(node);
  return out;
}

export async function expandFuzzy(node: PlanNode, vocabulary: Vocabulary): Promise<FuzzyExpansions> {
  const leaves = fuzzyLeaves(node);
  const keys = await Promise.all(leaves.map((l) => vocabulary.fuzzy(l.exact, l.edits)));
  return new Map(leaves.map((l, i) => [l, keys[i]!]));
}

/** Columns of search_fts, in table order (bm25 weights follow this order). */
export const ftsColumns = ['title_x', 'title_s', 'body_x', 'body_s', 'author', 'source', 'lang'] as const;
type Column = (typeof ftsColumns)[number];

/**
 * bm25 weights: the title above the body, and an unstemmed match above a
 * stem match. A word matching exactly scores in both of its columns; with
 * the exact column weighing twice the stem column, one exact mention
 * outweighs any number of stem-only mentions in a field of similar length
 * (bm25's term frequency saturates at k1 + 1 = 2.2 times one mention).
 */
export const bm25Weights: Record<Column, number> = {
  title_x: 8,
  title_s: 4,
  body_x: 2,
  body_s: 1,
  author: 4,
  source: 2,
  lang: 0,
};
/**
 * The rank as an SQL expression on the search_fts table named `table`.
 * Called as a function, not through FTS5's `rank` column: `ORDER BY rank`
 * makes FTS5 prepare and run a nested statement per query (~0.3 ms of a
 * 1 ms page query on a few hundred hits), for the same values.
 */
export function rankExpression(table: string): string {
  return `bm25(${table}, ${ftsColumns.map((c) => bm25Weights[c].toFixed(1)).join(', ')})`;
}

/** Where a word is looked for: [unstemmed columns, stemmed columns]. */
function columnsOf(field: QueryField | null): [Column[], Column[]] {
  switch (field) {
    case null:
      return [
        ['title_x', 'body_x', 'author', 'source'],
        ['title_s', 'body_s'],
      ];
    case 'title':
      return [['title_x'], ['title_s']];
    case 'body':
      return [['body_x'], ['body_s']];
    case 'author':
      return [['author'], []];
    case 'source':
      return [['source'], []];
    case 'lang':
      return [['lang'], []];
  }
}

function quote(key: string): string {
  return `"${key.replace(/"/g, '""')}"`;
}

function scoped(columns: readonly Column[], expr: string): string {
  return `{${columns.join(' ')}} : ${expr}`;
}

/** FTS5 text of one leaf; null when it can match nothing (a fuzzy word with no neighbour). */
/**
 * `exact` in the unstemmed columns or `stem` in the stemmed ones. One phrase
 * over all the columns when the two keys are the same (بايدن, رياض): FTS5's
 * bm25 pays for every phrase, once per matching row.
 */
function either(exactCols: readonly Column[], exact: string, stemCols: readonly Column[], stem: string): string {
  if (stemCols.length === 0) return scoped(exactCols, quote(exact));
  if (exact === stem) return scoped([...exactCols, ...stemCols], quote(exact));
  return `(${scoped(exactCols, quote(exact))} OR ${scoped(stemCols, quote(stem))})`;
}

/**
 * all: a word matches by its exact key or its stem.
 * exact: by its exact key only (the first ranking tier: see searchService).
 */
export type MatchMode = 'all' | 'exact';

function leafExpression(leaf: PlanLeaf, expansions: FuzzyExpansions, mode: MatchMode): string | null {
  const [exactCols, allStemCols] = columnsOf(leaf.field);
  const stemCols = mode === 'all' ? allStemCols : [];
  switch (leaf.kind) {
    case 'lang':
      return scoped(['lang'], quote(leaf.lang));
    case 'word':
      // Another script's spelling is not the name as typed: it ranks with the stem matches.
      if (leaf.transliterated) return mode === 'exact' ? null : scoped(exactCols, quote(leaf.exact));
      return either(exactCols, leaf.exact, stemCols, leaf.stem);
    case 'phrase':
      return either(exactCols, leaf.exact.join(' '), stemCols, leaf.stem.join(' '));
    case 'prefix':
      return scoped(exactCols, `(${leaf.prefixes.map((p) => `${quote(p)} *`).join(' OR ')})`);
    case 'fuzzy': {
      const keys = expansions.get(leaf) ?? [];
      if (keys.length === 0) return null;
      return scoped(exactCols, `(${keys.map(quote).join(' OR ')})`);
    }
  }
}

/** The MATCH expression of a plan; null when nothing can match. */
export function ftsExpression(node: PlanNode, expansions: FuzzyExpansions, mode: MatchMode = 'all'): string | null {
  switch (node.kind) {
    case 'and': {
      const must = node.must.map((n) => ftsExpression(n, expansions, mode));
      if (must.some((m) => m === null)) return null;
      // Excluded words are excluded in every form, whatever the mode.
      const not = node.not.map((n) => ftsExpression(n, expansions, 'all')).filter((n): n is string => n !== null);
      const all = `(${must.join(' AND ')})`;
      return not.length > 0 ? `(${all} NOT (${not.join(' OR ')}))` : all;
    }
    case 'or': {
      const any = node.any.map((n) => ftsExpression(n, expansions, mode)).filter((n): n is string => n !== null);
      return any.length > 0 ? `(${any.join(' OR ')})` : null;
    }
    default:
      return leafExpression(node, expansions, mode);
  }
}
