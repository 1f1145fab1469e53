/**
 * The library's vocabulary of unstemmed keys (table search_terms, kept in
 * the article's transaction): fuzzy terms expand against it and the search
 * box completes from it.
 */
import type { Database } from '../db/connection';

/** Levenshtein distance of a and b, or max + 1 as soon as it must exceed `max`. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

// The letters a folded key can hold, per script: candidates for one edit.
const ARABIC_LETTERS = 'ءابتثجحخدذرزسشصضطظعغفقكلمنهوي';
const LATIN_LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';

function alphabetOf(key: string): string {
  return /[\u0600-\u06ff]/.test(key) ? ARABIC_LETTERS : LATIN_LETTERS;
}

/** Every string one edit (delete, substitute, insert, swap) away from key. */
export function oneEditNeighbours(key: string): string[] {
  const letters = alphabetOf(key);
  const out = new Set<string>();
  for (let i = 0; i <= key.length; i++) {
    const head = key.slice(0, i);
    const tail = key.slice(i);
    if (tail.length > 0) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of letters) {
      out.add(head + c + tail);
      if (tail.length > 0) out.add(head + c + tail.slice(1));
    }
  }
  out.delete(key);
  return [...out];
}

export interface TermCount {
  key: string;
  df: number;
}

export interface Completion {
  key: string;
  surface: string;
  /** 1 when the word was seen with the article ال. */
  definite: number;
  df: number;
}

/** Expansions kept per fuzzy word: more only slows the MATCH with rare near-misses. */
export const MAX_FUZZY_EXPANSIONS = 32;

export interface Vocabulary {
  /** Indexed keys within `edits` of `key` (the key itself included when indexed), most frequent first. */
  fuzzy(key: string, edits: 1 | 2): Promise<string[]>;
  /** Indexed keys starting with any of `prefixes`, most frequent first. */
  complete(prefixes: readonly string[], limit: number): Promise<Completion[]>;
}

export function createVocabulary(db: Database): Vocabulary {
  return {
    async fuzzy(key, edits) {
      let found: TermCount[];
      if (edits === 1) {
        // ~500 exact lookups beat scanning every key that shares a letter.
        found = await db.all<TermCount>(
          'SELECT key, df FROM search_terms WHERE key IN (SELECT value FROM json_each(?))',
          [JSON.stringify([key, ...oneEditNeighbours(key)])],
        );
      } else {
        // Two edits: keys that keep the first letter, within two of its length.
        const first = String.fromCodePoint(key.codePointAt(0) ?? 0);
        const rows = await db.all<TermCount>(
          'SELECT key, df FROM search_terms WHERE key >= ? AND key < ? AND length(key) BETWEEN ? AND ?',
          [first, `${first}\uffff`, Math.max(1, key.length - 2), key.length + 2],
        );
        found = rows.filter((r) => boundedEditDistance(key, r.key, 2) <= 2);
      }
      found.sort((a, b) => (a.key === key ? -1 : b.key === key ? 1 : b.df - a.df));
      return found.slice(0, MAX_FUZZY_EXPANSIONS).map((r) => r.key);
    },

    async complete(prefixes, limit) {
      const wanted = [...new Set(prefixes.filter((p) => p.length > 0))];
      if (wanted.length === 0) return [];
      const parts = wanted.map(() => '(key >= ? AND key < ?)').join(' OR ');
      const params = wanted.flatMap((p) => [p, `${p}\uffff`]);
      return db.all<Completion>(
        `SELECT key, surface, definite, df FROM search_terms WHERE ${parts} ORDER BY df DESC, key LIMIT ?`,
        [...params, limit],
      );
    },
  };
}
