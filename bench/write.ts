/**
 * npm run bench:write — bytes written to disk per small edit.
 *
 * On a copy of the 100,000-article library of bench:search
 * (bench/results/search/library.db; built first with `search.js --build-only`
 * when absent, which takes a long while), opened through createServices as
 * the app opens it, performs each edit kind through its handler N times
 * (a tag, a note, a highlight, a UI setting, an article edit) and prints the
 * bytes the process wrote per edit, with the WAL and file growth.
 *
 * Bytes come from the process's own I/O counters: /proc/self/io write_bytes
 * (bytes sent to the storage layer, every thread: SQLite's pool included)
 * and wchar (bytes passed to write()). Where /proc is missing (macOS,
 * Windows), only the WAL and file growth are printed.
 *
 *   node dist/bench/write.js [--n 20] [--library path/to/library.db] [--keep]
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Handlers } from '../preload/contract';
import { createServices } from '../main/core/services';
import { benchDir, printTable, repoRoot } from './support';

const ctx = { progress: () => undefined, signal: new AbortController().signal };

interface IoCounters {
  writeBytes: number;
  wchar: number;
}

/** This process's I/O counters, or null where /proc/self/io does not exist. */
function io(): IoCounters | null {
  if (!existsSync('/proc/self/io')) return null;
  const text = readFileSync('/proc/self/io', 'utf8');
  const field = (name: string): number => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { writeBytes: field('write_bytes'), wchar: field('wchar') };
}

const size = (p: string): number => statSync(p, { throwIfNoEntry: false })?.size ?? 0;

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

type Edit = (i: number) => Promise<unknown>;

interface Measured {
  kind: string;
  perEdit: number[];
  wcharPerEdit: number[];
  walGrowth: number;
  fileGrowth: number;
  ms: number;
}

async function measure(kind: string, n: number, dbPath: string, edit: Edit): Promise<Measured> {
  const perEdit: number[] = [];
  const wcharPerEdit: number[] = [];
  const wal0 = size(`${dbPath}-wal`);
  const file0 = size(dbPath);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const before = io();
    await edit(i);
    const after = io();
    if (before && after) {
      perEdit.push(after.writeBytes - before.writeBytes);
      wcharPerEdit.push(after.wchar - before.wchar);
    }
  }
  return {
    kind,
    perEdit,
    wcharPerEdit,
    walGrowth: size(`${dbPath}-wal`) - wal0,
    fileGrowth: size(dbPath) - file0,
    ms: Number(process.hrtime.bigint() - t0) / 1e6 / n,
  };
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string): string | undefined => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const n = Number(arg('--n') ?? 20);
  const source = arg('--library') ?? join(benchDir('search'), 'library.db');
  if (!existsSync(source)) {
    process.stdout.write(`${source} is missing: building the 100,000 library (bench:search's build phase)\n`);
    const built = spawnSync(process.execPath, [join(repoRoot, 'dist', 'bench', 'search.js'), '--build-only'], {
      stdio: 'inherit',
    });
    if (built.status !== 0) throw new Error('building the bench library failed');
  }
  // A copy: the edits must not change the library bench:search measures.
  const dir = benchDir('write');
  const dbPath = join(dir, 'library.db');
  for (const suffix of ['', '-wal', '-shm', '.ui.json']) rmSync(`${dbPath}${suffix}`, { force: true });
  copyFileSync(source, dbPath);
  if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${dbPath}-wal`);

  const services = await createServices({ dbPath, host: 'cli' });
  const h: Handlers = services.handlers;
  // A big library's integrity check runs after open and holds writes: edits wait for it, as in the app.
  const failed = await services.db.checked();
  if (failed) throw failed;
  // Articles spread over the whole id range, the same on every run.
  const ids = (
    await services.db.all<{ id: number }>(
      'SELECT id FROM articles WHERE id % 997 = 0 AND id NOT IN (SELECT article_id FROM collection_items) ORDER BY id LIMIT ?',
      [n],
    )
  ).map((r) => r.id);
  if (ids.length < n) throw new Error(`the library has fewer than ${n * 997} articles`);
  const bodies = await services.db.all<{ id: number; len: number }>(
    'SELECT id, length(body) AS len FROM articles WHERE id IN (SELECT value FROM json_each(?))',
    [JSON.stringify(ids)],
  );
  const bodyLength = new Map(bodies.map((b) => [b.id, b.len]));
  const titles = new Map<number, string>();
  for (const id of ids) titles.set(id, String((await h['library.getArticle']({ id }, ctx)).title));
  // Let open-time work (checkpoint of what the copy's WAL held, background builds) settle first.
  await services.search.idle();

  const kinds: Array<[string, Edit]> = [
    ['tag', (i) => h['library.tagArticles']({ articleIds: [ids[i]!], tags: [`bench tag ${i % 4}`] }, ctx)],
    ['note', (i) => h['notes.create']({ articleId: ids[i]!, title: null, body: `A note on article ${ids[i]}.` }, ctx)],
    [
      'highlight',
      (i) => {
        const end = Math.min(40, bodyLength.get(ids[i]!) ?? 1);
        return h['highlights.create']({ articleId: ids[i]!, start: 0, end, color: 'yellow' }, ctx);
      },
    ],
    ['setting', (i) => h['app.settings.set']({ values: { benchSidebarWidth: 200 + i, benchTheme: 'dark' } }, ctx)],
    [
      'article edit (title)',
      (i) => h['library.updateArticle']({ id: ids[i]!, patch: { title: `${titles.get(ids[i]!)} (edited)` } }, ctx),
    ],
  ];
  // An article of a collection with a stored Lunr index (bench:search builds one of 5,000): the edit
  // marks the index stale; any background build is waited for, so its bytes would count here.
  const members = (
    await services.db.all<{ id: number }>(
      `SELECT ci.article_id AS id FROM collection_items ci JOIN collection_search_index_data USING (collection_id)
       ORDER BY ci.article_id LIMIT 3`,
    )
  ).map((r) => r.id);
  const memberEdits = members.length;
  if (memberEdits > 0)
    kinds.push([
      'article edit, Lunr-indexed collection',
      async (i) => {
        if (i >= memberEdits) return;
        await h['library.updateArticle']({ id: members[i]!, patch: { author: `Bench ${i}` } }, ctx);
        await new Promise((r) => setTimeout(r, 100));
        await services.search.idle();
      },
    ]);
  const results: Measured[] = [];
  for (const [kind, edit] of kinds) {
    const count = kind.includes('Lunr') ? memberEdits : n;
    results.push(await measure(kind, count, dbPath, edit));
  }
  await services.close();

  const hasIo = results.every((r) => r.perEdit.length > 0);
  const rows: Array<[string, string]> = results.map((r) => [
    r.kind,
    hasIo
      ? `${kb(sum(r.perEdit) / r.perEdit.length)} written per edit (median ${kb(median(r.perEdit))}, max ${kb(Math.max(...r.perEdit))}; ` +
        `write() ${kb(sum(r.wcharPerEdit) / r.perEdit.length)})  WAL ${kb(r.walGrowth)}  file ${kb(r.fileGrowth)}  ${r.ms.toFixed(1)} ms/edit`
      : `WAL ${kb(r.walGrowth)}  file ${kb(r.fileGrowth)}  ${r.ms.toFixed(1)} ms/edit (no /proc/self/io here)`,
  ]);
  rows.push([
    'library',
    `${(size(dbPath) / 1e6).toFixed(0)} MB, ${n} edits of each kind (goal <= 256 KB, settings <= 64 KB)`,
  ]);
  printTable('bench:write — bytes written per edit', rows);
  if (!args.includes('--keep'))
    for (const suffix of ['', '-wal', '-shm', '.ui.json']) rmSync(`${dbPath}${suffix}`, { force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
