/**
 * Killing the importer mid-flight (SIGKILL: no handler runs, nothing is
 * flushed) must leave a library SQLite can open and check, where every
 * article is whole — text, metadata, tags, collection membership, MinHash
 * signature and bands, search index row — or absent; and running the same
 * import again must finish the job, reporting what was already stored as
 * duplicates. Runs the built CLI (`npm run build` first).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Connection, Database } from '../../main/core/db/connection';
import { repoRoot, sharedData, tempDir } from '../support/paths';

const cli = join(repoRoot, 'dist', 'main', 'cli', 'main.js');
const days = ['2015-07-21', '2015-07-22'].map((d) => sharedData('saudinewsnet', `${d}.json.gz`));
const recordCount = days.reduce(
  (n, f) => n + (JSON.parse(gunzipSync(readFileSync(f)).toString('utf8')) as unknown[]).length,
  0,
);

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function importRun(library: string, killWhen?: (count: number) => boolean): Promise<RunResult> {
  const child = spawn(
    process.execPath,
    [cli, 'import', ...days, '--library', library, '--collection', 'Crash test', '--tag', 'wire', '--json'],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<RunResult>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  if (killWhen) {
    void (async () => {
      // A read-only connection sees each committed batch; kill as soon as a few are in.
      while (child.exitCode === null && !existsSync(library)) await new Promise((r) => setTimeout(r, 20));
      let reader: Connection | null = null;
      while (child.exitCode === null) {
        try {
          reader ??= await Connection.open(library, 'readonly');
          const row = await reader.get<{ n: number }>('SELECT count(*) AS n FROM articles');
          if (row && killWhen(row.n)) {
            child.kill('SIGKILL');
            break;
          }
        } catch {
          // The schema may not exist yet.
        }
        await new Promise((r) => setTimeout(r, 15));
      }
      await reader?.close().catch(() => undefined);
    })();
  }
  return exited;
}

async function count(db: Database, sql: string): Promise<number> {
  return (await db.get<{ n: number }>(sql))?.n ?? -1;
}

describe('crash safety', () => {
  it('survives SIGKILL mid-import and resumes without duplicates', { timeout: 300_000 }, async () => {
    if (!existsSync(cli)) throw new Error(`${cli} does not exist: run \`npm run build\` first`);
    const library = join(tempDir(), 'library.db');

    const killed = await importRun(library, (n) => n >= 900);
    expect(killed.signal, `the import finished before it could be killed:\n${killed.stderr}`).toBe('SIGKILL');

    // Opening runs SQLite's recovery of the write-ahead log.
    const db = await Database.open(library);
    expect(await db.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(await db.all('PRAGMA foreign_key_check')).toEqual([]);
    const stored = await count(db, 'SELECT count(*) AS n FROM articles');
    expect(stored).toBeGreaterThanOrEqual(900);
    expect(stored).toBeLessThan(recordCount);

    // Every stored article is whole...
    expect(
      await count(
        db,
        "SELECT count(*) AS n FROM articles WHERE body = '' OR title = '' OR content_hash = '' OR source_id IS NULL",
      ),
    ).toBe(0);
    expect(
      await count(
        db,
        "SELECT count(*) AS n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_tags t JOIN tags g ON g.id = t.tag_id WHERE t.article_id = a.id AND g.name = 'wire')",
      ),
    ).toBe(0);
    expect(
      await count(
        db,
        "SELECT count(*) AS n FROM collection_items i JOIN collections c ON c.id = i.collection_id WHERE c.name = 'Crash test'",
      ),
    ).toBe(stored);
    expect(
      await count(
        db,
        'SELECT count(*) AS n FROM articles a WHERE a.word_count >= 40 AND NOT EXISTS (SELECT 1 FROM article_minhash m WHERE m.article_id = a.id)',
      ),
    ).toBe(0);
    // ...and nothing refers to an article that is not.
    for (const table of ['article_minhash', 'article_tags', 'collection_items']) {
      expect(
        await count(
          db,
          `SELECT count(*) AS n FROM ${table} x WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = x.article_id)`,
        ),
        table,
      ).toBe(0);
    }
    expect(
      await count(
        db,
        'SELECT count(*) AS n FROM near_duplicates n WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = n.twin_id)',
      ),
    ).toBe(0);
    // The search index (migration 0003) is written in the article's transaction too.
    if (await db.get("SELECT 1 AS x FROM sqlite_schema WHERE name = 'search_fts'")) {
      expect(await count(db, 'SELECT count(*) AS n FROM search_fts')).toBe(stored);
    }
    const before = new Set(
      (await db.all<{ origin_path: string }>('SELECT origin_path FROM articles')).map((r) => r.origin_path),
    );
    await db.close();

    // The same import again finishes the job.
    const resumed = await importRun(library);
    expect(resumed.signal).toBeNull();
    const report = JSON.parse(resumed.stdout) as {
      imported: Array<{ path: string }>;
      duplicates: Array<{ path: string }>;
      errors: Array<{ path: string; code: string }>;
    };
    expect(report.imported.length + report.duplicates.length + report.errors.length).toBe(recordCount);
    expect(new Set(report.errors.map((e) => e.code))).toEqual(new Set(['IMPORT_EMPTY']));
    const duplicatePaths = new Set(report.duplicates.map((d) => d.path));
    for (const path of before) expect(duplicatePaths.has(path), `${path} was stored before the kill`).toBe(true);
    for (const a of report.imported) expect(before.has(a.path)).toBe(false);

    const after = await Database.open(library);
    expect(await after.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(await count(after, 'SELECT count(*) AS n FROM articles')).toBe(stored + report.imported.length);
    expect(await count(after, 'SELECT count(*) - count(DISTINCT origin_path) AS n FROM articles')).toBe(0);
    expect(
      await count(
        after,
        "SELECT count(*) AS n FROM collection_items i JOIN collections c ON c.id = i.collection_id WHERE c.name = 'Crash test'",
      ),
    ).toBe(stored + report.imported.length);
    await after.close();
  });
});
