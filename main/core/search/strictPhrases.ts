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

/** Phrases whose checked articles are remembered (per library state). */
const REMEMBERED = 16;

/**
 * Checks candidates against quoted phrases, remembering each phrase's
 * verdicts until the library changes (its data_version): paging, sorting
 * or choosing a facet of the same phrase reads no text again. The first
 * answer pays for reading the candidates' text: 0.4-0.5 s for 4,380 rows
 * on this loaded machine even for `length(body)` alone.
 */
export function createPhraseChecker(): {
  check(
    reader: Pick<Connection, 'all'>,
    candidates: readonly Candidate[],
    phrases: readonly PhraseLeaf[],
    version: number | null,
  ): Promise<Candidate[]>;
} {
  const memory = new Map<string, { version: number; verdict: Map<number, boolean> }>();
  const keyOf = (p: PhraseLeaf) => `${p.field ?? ''}:${p.text}`;
  return {
    async check(reader, candidates, phrases, version) {
      const known = phrases.map((p) => {
        const m = memory.get(keyOf(p));
        return m && m.version === version ? m.verdict : null;
      });
      const open = candidates.filter((c) => known.some((k) => !k?.has(c.id)));
      const fresh = open.length > 0 ? await checkEach(reader, open, phrases) : phrases.map(() => new Map());
      if (version !== null) {
        phrases.forEach((p, i) => {
          const verdict = known[i] ?? new Map<number, boolean>();
          for (const [id, ok] of fresh[i]!) verdict.set(id, ok);
          memory.delete(keyOf(p));
          memory.set(keyOf(p), { version, verdict });
        });
        while (memory.size > REMEMBERED) memory.delete(memory.keys().next().value!);
      }
      return candidates.filter((c) => phrases.every((_, i) => fresh[i]!.get(c.id) ?? known[i]?.get(c.id) ?? false));
    },
  };
}

/** Each phrase's verdict on each candidate (in the field the phrase names). */
async function checkEach(
  reader: Pick<Connection, 'all'>,
  candidates: readonly Candidate[],
  phrases: readonly PhraseLeaf[],
): Promise<Array<Map<number, boolean>>> {
  const checks = phrases.map((p) => ({ field: p.field, pattern: phraseForm(p.text) }));
  const verdicts = phrases.map(() => new Map<number, boolean>());
  for (let from = 0; from < candidates.length; from += CHUNK) {
    const ids = candidates.slice(from, from + CHUNK).map((c) => c.id);
    const literal = await Promise.all(phrases.map((p) => writtenAsTyped(reader, ids, p)));
    literal.forEach((set, i) => {
      for (const id of set) verdicts[i]!.set(id, true);
    });
    const unsure = ids.filter((id) => !literal.every((set) => set.has(id)));
    if (unsure.length === 0) continue;
    const rows = await reader.all<{ id: number; title: string; body: string; author: string | null }>(
      'SELECT id, title, body, author FROM articles WHERE id IN (SELECT value FROM json_each(?))',
      [JSON.stringify(unsure)],
    );
    for (const r of rows) {
      checks.forEach(({ field, pattern }, k) => {
        if (!literal[k]!.has(r.id)) verdicts[k]!.set(r.id, holds(field, pattern, r));
      });
    }
  }
  return verdicts;
}

function holds(
  field: PhraseLeaf['field'],
  pattern: ReturnType<typeof phraseForm>,
  r: { title: string; body: string; author: string | null },
): boolean {
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
