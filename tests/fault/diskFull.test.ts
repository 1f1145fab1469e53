/**
 * The disk fills up in the middle of an import: what was stored before stays
 * stored and whole, what the report calls imported is really there, the file
 * passes integrity_check and opens again. A real full disk: an 8 MB tmpfs
 * (needs root to mount; skipped with the reason otherwise). 8 MB, not 2: SQLite's
 * WAL grows to ~4 MB (1000 pages) before its first checkpoint. The import
 * that hits the full disk ends with a report (the files stored before, and
 * one DISK_FULL error naming the file it stopped at), not a failed call.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../preload/contract';
import { checkIntegrity } from '../../main/core/db/backup';
import { createDispatcher } from '../../main/core/rpc';
import { createServices, type Services } from '../../main/core/services';
import { tempDir } from '../support/paths';

const mountPoint = join(tempDir('mizan-full-'), 'disk');
let skipReason: string | null = null;
try {
  if (process.platform !== 'linux') throw new Error('tmpfs mounts are a Linux test');
  mkdirSync(mountPoint, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint], { stdio: 'pipe' });
} catch (error) {
  skipReason = `cannot mount an 8 MB tmpfs (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  process.stdout.write(`disk-full test skipped: ${skipReason}\n`);
}

/** Calls through the contract's dispatcher (validation, defaults), as every host does. */
async function call<T>(s: Services, method: string, input: unknown): Promise<T> {
  const envelope = await createDispatcher(s.handlers, () => undefined).dispatch(method, input, null);
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}
interface Page {
  total: number;
  items: Array<{ id: number }>;
}

/** Distinct articles (no duplicate detection), ~`words` words each, Arabic and English. */
function uploads(from: number, count: number, words: number): Array<{ name: string; contentBase64: string }> {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    let seed = i * 2654435761;
    const word = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return (
        ['بايدن', 'العراق', 'جندي', 'withdrawal', 'Pentagon', 'البيت', 'الأبيض', 'official', 'قوات', 'troops'][
          seed % 10
        ] + String(seed % 997)
      );
    };
    const body = Array.from({ length: words }, word).join(' ');
    return {
      name: `article-${i}.txt`,
      contentBase64: Buffer.from(`Outlet ${i} – (26/7/2021)\nTitle ${i}. ${body}\n`).toString('base64'),
    };
  });
}

describe.skipIf(skipReason !== null)('disk full during import', () => {
  let services: Services | null = null;
  const dbPath = join(mountPoint, 'library.db');

  beforeAll(async () => {
    services = await createServices({ dbPath, host: 'test' });
  });
  afterAll(async () => {
    await services?.close().catch(() => undefined);
    try {
      execFileSync('umount', [mountPoint], { stdio: 'pipe' });
      rmSync(mountPoint, { recursive: true, force: true });
    } catch {
      // left mounted: the OS tidies tmpfs at reboot
    }
  });

  it('keeps everything stored before the disk filled, and nothing half-written', async () => {
    const s = services!;
    const first = await call<ImportReport>(s, 'library.importUploads', { files: uploads(0, 20, 60) });
    expect(first.errors).toEqual([]);
    const before = await call<Page>(s, 'library.listArticles', { limit: 1000 });
    expect(before.total).toBe(20);

    // Far more than 8 MB of text: the disk fills part-way through a call. That
    // call still answers with a report: the files stored before the failure,
    // then one DISK_FULL error naming the file it stopped at.
    let report: ImportReport | null = null;
    let reportedImported = 0;
    let thrown: unknown = null;
    for (let batch = 0; batch < 12 && !thrown; batch += 1) {
      try {
        report = await call<ImportReport>(s, 'library.importUploads', { files: uploads(1000 + batch * 100, 100, 400) });
        reportedImported += report.imported.length;
        if (report.errors.length > 0) break;
      } catch (error) {
        thrown = error;
      }
    }
    expect(thrown, 'a full disk must end in a report, not a failed call').toBeNull();
    const failures = (report?.errors ?? []).map((e) => `${e.code} ${e.path}: ${e.message}`);
    process.stdout.write(`disk full: ${failures.length} failure(s), first: ${failures[0] ?? 'none'}\n`);
    expect(failures.length, 'the disk never filled: the test did not test anything').toBeGreaterThan(0);
    expect(report!.errors).toHaveLength(1);
    const [failure] = report!.errors;
    expect(failure!.code).toBe('DISK_FULL');
    expect(failure!.path).toMatch(/^article-\d+\.txt$/);
    expect(failure!.message).toContain(failure!.path);
    expect(failure!.message).toMatch(/disk .*full/);
    // The call stopped at that file: nothing after it was stored or reported.
    const stoppedAt = Number(/article-(\d+)/.exec(failure!.path)![1]);
    for (const item of report!.imported) expect(Number(/article-(\d+)/.exec(item.path)![1])).toBeLessThan(stoppedAt);
    process.stdout.write(
      `disk full: the failing call reported ${report!.imported.length} file(s) stored before ${failure!.path}\n`,
    );

    // Everything from before is still there, unchanged.
    const after = await call<Page>(s, 'library.listArticles', { limit: 1000, sort: 'importedAt', order: 'asc' });
    process.stdout.write(`disk full: ${before.total} articles before, ${after.total} stored when the disk filled\n`);
    // Every stored article was reported imported, and every reported one is stored: nothing rolled back is named.
    expect(after.total).toBe(before.total + reportedImported);
    const ids = new Set(after.items.map((a) => a.id));
    for (const a of before.items) expect(ids.has(a.id), `article ${a.id} lost`).toBe(true);
    // What the last report says was imported can be read back in full.
    for (const item of report?.imported ?? []) {
      const article = await call<{ body: string }>(s, 'library.getArticle', { id: item.id });
      expect(article.body).toMatch(/^Title \d+\./);
    }
    await s.close();
    services = null;

    const integrity = await checkIntegrity(dbPath);
    expect(integrity.problems).toEqual([]);
    // It opens again (integrity-checked, migrated) with the same articles.
    services = await createServices({ dbPath, host: 'test' });
    const reopened = await call<Page>(services, 'library.listArticles', { limit: 1 });
    expect(reopened.total).toBe(after.total);
  }, 60_000);
});
