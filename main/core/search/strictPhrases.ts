/**
 * Queries with a quoted phrase: FTS5 finds the candidates by the phrase's
 * exact keys (which cannot tell الوزراء from وزراء), and each candidate's
 * text is then checked for the phrase as written (phraseMatch.ts). Total,
 * facets and the page are of the checked articles only.
 */
import type { SearchSort } from '../../../preload/contract/search';
import type { Connection } from '../db/connection';
import { hasPhrase, phraseForm } from './phraseMatch';
import type { PhraseLeaf, PlanNode } from './queryPlan';

/**
 * The quoted phrases every match must hold: the query itself or the
 * top-level words joined by AND. A phrase under OR or NOT is matched by its
 * exact keys only (the index cannot decide it alone).
 */
export function requiredPhrases(root: PlanNode): PhraseLeaf[] {
  if (root.kind === 'phrase') return root.strict ? [root] : [];
  if (root.kind !== 'and') return [];
  return root.must.filter((n): n is PhraseLeaf => n.kind === 'phrase' && n.strict);
}

export interface Candidate {
  id: number;
  /** bm25 (lower is better). */
  rank: number;
  /** 0: every word in its exact form; 1: through a stem. */
  tier: number;
  iso: string | null;
}

/** Articles checked per statement. */
const CHUNK = 500;

/** After a phrase written as typed: a space or the usual punctuation ends its last word. */
const AFTER = [' ', '\u060c', '.', ','];

/**
 * The phrase as typed, with a space before it and a space or a comma or
 * full stop after it, is the phrase in its form: SQLite's instr() finds it
 * without the text crossing into JavaScript, which for a few thousand
 * candidates costs more than the search (reading and analyzing 3,839
 * articles for "وزير الخارجية": seconds on a loaded machine).
 */
async function writtenAsTyped(
  reader: Pick<Connection, 'all'>,
  ids: readonly number[],
  phrase: PhraseLeaf,
): Promise<Set<number>> {
  const typed = phrase.text.trim().replace(/\s+/g, ' ');
  const column =
    phrase.field === 'title'
      ? 'title'
      : phrase.field === 'body'
        ? 'body'
        : phrase.field === null
          ? "title || ' ' || body"
          : null;
  if (!column || typed === '') return new Set();
  const rows = await reader.all<{ id: number }>(
    `SELECT id FROM (SELECT id, ' ' || replace(${column}, char(10), ' ') || ' ' AS x FROM articles
       WHERE id IN (SELECT value FROM json_each(?))) WHERE ${AFTER.map(() => 'instr(x, ?) > 0').join(' OR ')}`,
    [JSON.stringify(ids), ...AFTER.map((a) => ` ${typed}${a}`)],
  );
  return new Set(rows.map((r) => r.id));
}

/** The candidates whose text holds every phrase (in the field the phrase names). */
export async function checkPhrases(
  reader: Pick<Connection, 'all'>,
  candidates: readonly Candidate[],
  phrases: readonly PhraseLeaf[],
): Promise<Candidate[]> {
  const checks = phrases.map((p) => ({ field: p.field, pattern: phraseForm(p.text) }));
  const kept = new Set<number>();
  for (let from = 0; from < candidates.length; from += CHUNK) {
    const ids = candidates.slice(from, from + CHUNK).map((c) => c.id);
    const literal = await Promise.all(phrases.map((p) => writtenAsTyped(reader, ids, p)));
    const unsure = ids.filter((id) => !literal.every((set) => set.has(id)));
    for (const id of ids) if (literal.every((set) => set.has(id))) kept.add(id);
    if (unsure.length === 0) continue;
    const rows = await reader.all<{ id: number; title: string; body: string; author: string | null }>(
      'SELECT id, title, body, author FROM articles WHERE id IN (SELECT value FROM json_each(?))',
      [JSON.stringify(unsure)],
    );
    for (const r of rows) {
      const ok = checks.every(({ field, pattern }, i) => {
        if (literal[i]!.has(r.id)) return true;
        switch (field) {
          case 'title':
            return hasPhrase(r.title, pattern);
          case 'body':
            return hasPhrase(r.body, pattern);
          case 'author':
            return hasPhrase(r.author ?? '', pattern);
          case 'source':
          case 'lang':
            return true;
          case null:
            return hasPhrase(r.title, pattern) || hasPhrase(r.body, pattern) || hasPhrase(r.author ?? '', pattern);
        }
      });
      if (ok) kept.add(r.id);
    }
  }
  return candidates.filter((c) => kept.has(c.id));
}

/** Relevance: tier, then bm25; newest/oldest: by date, undated last; the id breaks ties. */
export function sortCandidates(list: Candidate[], sort: SearchSort): Candidate[] {
  if (sort === 'relevance') return list.sort((x, y) => x.tier - y.tier || x.rank - y.rank || x.id - y.id);
  const sign = sort === 'newest' ? -1 : 1;
  return list.sort((x, y) => {
    if (x.iso === y.iso) return sign * (x.id - y.id);
    if (x.iso === null) return 1;
    if (y.iso === null) return -1;
    return sign * (x.iso < y.iso ? -1 : 1);
  });
}
