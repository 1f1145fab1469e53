/**
 * Where the storing thread's time goes, by kind of statement: wraps the
 * library connection's statement methods (bench only) and sums, per phase,
 * the time from a statement's start to its result. The storing code awaits
 * each statement, so these are SQLite's own times plus any wait for a core
 * (inflated alike on a loaded machine: compare the shares, not the seconds).
 */
import { Connection } from '../main/core/db/connection';

/** Phase of a statement, by its text. COMMIT is where FTS5 writes its pending segments and SQLite its WAL. */
const PHASES: Array<[string, RegExp]> = [
  ['articles: exact-duplicate lookup', /FROM articles WHERE content_hash IN/],
  ['articles: INSERT (with triggers, indexes)', /^\s*INSERT INTO articles/],
  ['near-duplicates (signatures, links)', /article_minhash|near_duplicates/],
  ['FTS5: index rows', /INSERT INTO search_fts/],
  ['vocabulary (search_terms)', /search_terms/],
  ['index queue (read, clear)', /search_queue|search_retired/],
  ['COMMIT (FTS5 segments, WAL)', /^\s*COMMIT/],
  ['BEGIN', /^\s*BEGIN/],
];

const spent = new Map<string, { ms: number; calls: number }>();

function phaseOf(sql: string): string {
  for (const [name, test] of PHASES) if (test.test(sql)) return name;
  return 'other';
}

type Method = (this: Connection, sql: string, ...rest: unknown[]) => Promise<unknown>;

/** Starts summing (for the rest of the process). */
export function timeStatements(): void {
  const proto = Connection.prototype as unknown as Record<'run' | 'get' | 'all' | 'exec', Method>;
  for (const name of ['run', 'get', 'all', 'exec'] as const) {
    const original = proto[name];
    proto[name] = async function timed(this: Connection, sql: string, ...rest: unknown[]) {
      const started = process.hrtime.bigint();
      try {
        return await original.call(this, sql, ...rest);
      } finally {
        const phase = phaseOf(sql);
        const entry = spent.get(phase) ?? { ms: 0, calls: 0 };
        entry.ms += Number(process.hrtime.bigint() - started) / 1e6;
        entry.calls++;
        spent.set(phase, entry);
      }
    };
  }
}

/** Rows for the bench's table: seconds and share per phase. */
export function statementRows(): Array<[string, string]> {
  const total = [...spent.values()].reduce((n, e) => n + e.ms, 0) || 1;
  return [...spent]
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(([name, e]) => [
      `  SQL ${name}`,
      `${(e.ms / 1000).toFixed(2)} s (${((e.ms / total) * 100).toFixed(0)} %, ${e.calls} statements)`,
    ]);
}
