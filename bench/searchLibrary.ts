/**
 * The 100,000-article library of bench:search: SaudiNewsNet and BBC imported
 * through the app's services, then deterministic variants up to the target,
 * and the plain FTS5 index of the same text; plus the timing helpers the
 * query phase prints with.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Output } from '../preload/contract';
import { Database } from '../main/core/db/connection';
import { createServices, type Services } from '../main/core/services';
import { sharedData } from './support';

const ctx = { progress: () => undefined, signal: new AbortController().signal };

/** Deterministic PRNG (mulberry32): the same corpus and queries on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function stats(samples: readonly number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  return `p50 ${percentile(s, 50).toFixed(2)} ms  p95 ${percentile(s, 95).toFixed(2)} ms  p99 ${percentile(s, 99).toFixed(2)} ms  max ${s[s.length - 1]!.toFixed(1)} ms`;
}

export function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** CPU time (user + system, every thread of this process: SQLite's pool included) since `start`, in ms. */
export function cpuMs(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

/**
 * Times `run` for each query: wall clock and CPU time. The machine is shared
 * (load averages of 2-14 seen): wall figures move with it, CPU time much less.
 */
export async function timed<T>(
  items: readonly T[],
  run: (item: T, i: number) => Promise<void>,
): Promise<{ wall: number[]; cpu: number[] }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const [i, item] of items.entries()) {
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    await run(item, i);
    wall.push(ms(t));
    cpu.push(cpuMs(c));
  }
  return { wall, cpu };
}

export function fileMb(path: string): number {
  const size = (p: string) => statSync(p, { throwIfNoEntry: false })?.size ?? 0;
  return (size(path) + size(`${path}-wal`)) / 1e6;
}

// ---------------------------------------------------------------------------
// Build phase

export interface RawRecord {
  source: string;
  url: string;
  date_extracted: string;
  title: string;
  author: string;
  content: string;
}

export function loadBase(bbcDir: string): RawRecord[] {
  const base: RawRecord[] = [];
  const snn = sharedData('saudinewsnet');
  for (const f of readdirSync(snn)
    .filter((n) => n.endsWith('.json.gz'))
    .sort()) {
    for (const r of JSON.parse(gunzipSync(readFileSync(join(snn, f))).toString('utf8')) as RawRecord[]) {
      if (r.content && r.content.trim().length > 200) base.push(r);
    }
  }
  for (const topic of readdirSync(join(bbcDir, 'bbc'))
    .filter((t) => !t.includes('.'))
    .sort()) {
    for (const f of readdirSync(join(bbcDir, 'bbc', topic)).sort()) {
      const text = readFileSync(join(bbcDir, 'bbc', topic, f), 'utf8');
      const [title, ...rest] = text.split('\n');
      base.push({
        source: 'BBC',
        url: `bbc/${topic}/${f}`,
        date_extracted: '2005-01-01',
        title: title ?? f,
        author: '',
        content: rest.join('\n').trim(),
      });
    }
  }
  return base;
}

export function variantOf(r: RawRecord, k: number, other: RawRecord): RawRecord {
  const paras = r.content.split(/\n+/).filter((p) => p.trim().length > 0);
  const shift = paras.length > 0 ? k % paras.length : 0;
  const rotated = [...paras.slice(shift), ...paras.slice(0, shift)];
  const extra = other.content.split(/\n+/).find((p) => p.trim().length > 40) ?? other.title;
  const year = Number(r.date_extracted.slice(0, 4)) + k;
  return {
    ...r,
    url: `${r.url}#v${k}`,
    date_extracted: `${year}${r.date_extracted.slice(4)}`,
    content: [...rotated, extra].join('\n\n'),
  };
}

export interface BuildOptions {
  /** Also build the plain FTS5 index of the same text (plain.db); default true. */
  plain?: boolean;
  /** Variant files imported per call, each call printing its rate (default: all in one call). */
  filesPerImport?: number;
  /** Delete each variant file once imported (a million articles are gigabytes of JSON). */
  dropVariants?: boolean;
  /** Passed to createServices: stories and the entity index follow imports unless turned off. */
  storiesAfterImport?: boolean;
  entityIndex?: boolean;
  /** Library sizes at which an import step ends (ascending), so `onStep` can copy the library at those sizes. */
  stops?: readonly number[];
  /** Called after each import step with the articles the library holds; no write is under way. */
  onStep?: (total: number, services: Services) => Promise<void>;
}

/** What a build measured, also written to build.json. */
export interface BuildInfo {
  real: number;
  realSeconds: number;
  variants: number;
  variantSeconds: number;
  total: number;
  plainSeconds?: number;
  /** Each import call: articles the library held after it, articles added, seconds. */
  steps: Array<{ total: number; added: number; seconds: number }>;
}

/** Writes records as JSON files of 2,000 (the SaudiNewsNet layout the importer reads). */
function writeBatches(dir: string, prefix: string, records: readonly RawRecord[]): string[] {
  const files: string[] = [];
  for (let at = 0; at < records.length; at += 2000) {
    const file = join(dir, `${prefix}-${files.length}.json`);
    writeFileSync(file, JSON.stringify(records.slice(at, at + 2000)));
    files.push(file);
  }
  return files;
}

export function bbcSource(dir: string): string {
  const bbcDir = join(dir, 'bbc-src');
  if (!existsSync(join(bbcDir, 'bbc'))) {
    mkdirSync(bbcDir, { recursive: true });
    execFileSync('tar', ['-xzf', sharedData('bbc-fulltext.tar.gz'), '-C', bbcDir]);
  }
  return bbcDir;
}

/**
 * Imports SaudiNewsNet and BBC (below their size: every k-th article of both,
 * so a small library has both languages), then variants up to `target`.
 */
export async function build(dir: string, target: number, options: BuildOptions = {}): Promise<BuildInfo> {
  for (const f of ['library.db', 'library.db-wal', 'library.db-shm', 'plain.db', 'plain.db-wal', 'plain.db-shm'])
    rmSync(join(dir, f), { force: true });
  const bbcDir = bbcSource(dir);
  const services = await createServices({
    dbPath: join(dir, 'library.db'),
    host: 'cli',
    ...(options.storiesAfterImport === undefined ? {} : { storiesAfterImport: options.storiesAfterImport }),
    ...(options.entityIndex === undefined ? {} : { entityIndex: options.entityIndex }),
  });
  const importFiles = (paths: string[]): Promise<Output<'library.importFiles'>> =>
    services.handlers['library.importFiles']({ paths }, ctx);
  const count = async (): Promise<number> => (await services.handlers['app.info']({}, ctx)).articleCount;
  const steps: BuildInfo['steps'] = [];
  const variantDir = join(dir, 'variants');
  rmSync(variantDir, { recursive: true, force: true });
  mkdirSync(variantDir, { recursive: true });
  const base = loadBase(bbcDir);

  const t0 = process.hrtime.bigint();
  if (target < base.length) {
    const every = base.length / target;
    const picked = Array.from({ length: target }, (_, i) => base[Math.floor(i * every)]!);
    await importFiles(writeBatches(variantDir, 'real', picked));
  } else {
    const snn = sharedData('saudinewsnet');
    await importFiles(
      readdirSync(snn)
        .filter((n) => n.endsWith('.json.gz'))
        .map((n) => join(snn, n)),
    );
    const topics = readdirSync(join(bbcDir, 'bbc')).filter((t) => !t.includes('.'));
    await importFiles(topics.map((t) => join(bbcDir, 'bbc', t)));
  }
  const real = await count();
  const realSeconds = ms(t0) / 1000;
  steps.push({ total: real, added: real, seconds: realSeconds });
  process.stdout.write(`imported ${real} real articles in ${realSeconds.toFixed(0)} s\n`);
  await options.onStep?.(real, services);

  const rnd = prng(20210726);
  const perImport = options.filesPerImport ?? Infinity;
  let have = real;
  let round = 0;
  let next = 0;
  const t1 = process.hrtime.bigint();
  while (have < target && round < 10) {
    round++;
    let want = target - have;
    let file = 0;
    while (want > 0) {
      const files: string[] = [];
      // A step ends at the next stop, so the library holds exactly that many when onStep sees it.
      const stop = (options.stops ?? []).find((n) => n > have);
      let stepWant = Math.min(want, stop === undefined ? want : stop - have);
      while (stepWant > 0 && files.length < perImport) {
        const batch: RawRecord[] = [];
        const size = Math.min(2000, stepWant);
        stepWant -= size;
        for (let i = 0; i < size; i++) {
          const r = base[next % base.length]!;
          const k = 1 + Math.floor(next / base.length);
          next++;
          batch.push(variantOf(r, k, base[Math.floor(rnd() * base.length)]!));
        }
        want -= batch.length;
        const path = join(variantDir, `variants-${round}-${file++}.json`);
        writeFileSync(path, JSON.stringify(batch));
        files.push(path);
      }
      const ts = process.hrtime.bigint();
      const before = have;
      await importFiles(files);
      have = await count();
      steps.push({ total: have, added: have - before, seconds: ms(ts) / 1000 });
      if (options.dropVariants) for (const path of files) rmSync(path, { force: true });
      if (perImport !== Infinity)
        process.stdout.write(`library holds ${have} (${((have - before) / (ms(ts) / 1000)).toFixed(0)} art/s)\n`);
      await options.onStep?.(have, services);
    }
    process.stdout.write(`round ${round}: library holds ${have}\n`);
  }
  const variantSeconds = ms(t1) / 1000;
  await services.close();
  const info: BuildInfo = { real, realSeconds, variants: have - real, variantSeconds, total: have, steps };

  if (options.plain !== false) {
    // The plain FTS5 index of the same text, in its own file.
    const plain = await Database.open(join(dir, 'plain.db'));
    const t2 = process.hrtime.bigint();
    await plain.exclusive(async (w) => {
      await w.exec(`CREATE VIRTUAL TABLE plain USING fts5(title, body, lang UNINDEXED, source_id UNINDEXED, published_iso UNINDEXED,
      tokenize = 'unicode61 remove_diacritics 2')`);
      await w.run('ATTACH DATABASE ? AS lib', [join(dir, 'library.db')]);
      await w.exec(`BEGIN; INSERT INTO plain (rowid, title, body, lang, source_id, published_iso)
      SELECT id, title, body, lang, source_id, published_iso FROM lib.articles; COMMIT;`);
      await w.exec('DETACH DATABASE lib');
    });
    info.plainSeconds = ms(t2) / 1000;
    await plain.close();
  }
  writeFileSync(join(dir, 'build.json'), JSON.stringify(info, null, 2));
  return info;
}
