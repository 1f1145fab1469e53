/**
 * bench:search's anchor: the bench queries against plain.db, a plain FTS5
 * `unicode61` index of the same text, top 20 with snippet(), the total and
 * the same facets.
 */
import type { ParsedInput } from '../preload/contract';
import type { Database } from '../main/core/db/connection';
import { parseQuery, type QueryNode } from '../main/core/search/queryParser';

interface BenchQuery {
  query: string;
  filter: ParsedInput<'search.query'>['filter'];
}

/** The same query for the plain index: our parse, but the words as typed (no analyzer). */
function plainExpression(node: QueryNode): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  switch (node.kind) {
    case 'term':
      if (node.field === 'lang') return '';
      return node.prefix ? `${q(node.text)} *` : q(node.text);
    case 'phrase':
      return q(node.text);
    case 'or':
      return `(${node.any.map(plainExpression).filter(Boolean).join(' OR ')})`;
    case 'and': {
      const must = node.must.map(plainExpression).filter(Boolean);
      const not = node.not.map(plainExpression).filter(Boolean);
      const all = `(${must.join(' AND ')})`;
      return not.length > 0 ? `(${all} NOT (${not.join(' OR ')}))` : all;
    }
  }
}

export async function plainQuery(db: Database, bq: BenchQuery): Promise<number> {
  const match = plainExpression(parseQuery(bq.query));
  const clauses: string[] = [];
  const params: Array<string | number> = [];
  if (bq.filter.lang) {
    clauses.push('lang = ?');
    params.push(bq.filter.lang);
  }
  if (bq.filter.sourceIds) {
    clauses.push(`source_id IN (${bq.filter.sourceIds.map(() => '?').join(',')})`);
    params.push(...bq.filter.sourceIds);
  }
  if (bq.filter.dateFrom) {
    clauses.push('published_iso >= ?');
    params.push(bq.filter.dateFrom);
  }
  if (bq.filter.dateTo) {
    clauses.push("published_iso <= ? || '-99'");
    params.push(bq.filter.dateTo);
  }
  const where = clauses.map((c) => ` AND ${c}`).join('');
  try {
    await db.all(
      `SELECT rowid, title, snippet(plain, 1, '[', ']', '…', 24) AS s FROM plain WHERE plain MATCH ?${where} ORDER BY rank LIMIT 20`,
      [match, ...params],
    );
    const groups = await db.all<{ n: number }>(
      `SELECT source_id, substr(published_iso, 1, 4), lang, count(*) AS n FROM plain WHERE plain MATCH ?${where} GROUP BY 1, 2, 3`,
      [match, ...params],
    );
    return groups.reduce((s, g) => s + g.n, 0);
  } catch {
    return -1;
  }
}
