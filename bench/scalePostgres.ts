/**
 * The shared-library measurement of bench:scale: Mizan's analyzer keys of a
 * library loaded into PostgreSQL (Debian's package, a throwaway cluster the
 * bench starts in a temporary folder and removes), a GIN index over them, and
 * bench:search's queries as PostgreSQL full-text queries over the same keys.
 * Skips with the reason when PostgreSQL is not installed. Never part of the
 * app or of npm test.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  createWriteStream,
  writeFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../main/core/db/connection';
import { buildIndexStreams } from '../main/core/search/indexDocument';
import { analyze } from '../main/core/text';
import { ms, percentile } from './searchLibrary';
import type { BenchQuery } from './searchQueries';

export interface PostgresResult {
  version: string;
  articles: number;
  analyseSeconds: number;
  tsvMb: number;
  copySeconds: number;
  tsvectorSeconds: number;
  ginSeconds: number;
  tableMb: number;
  indexMb: number;
  queries: number;
  p50: number;
  p95: number;
  p99: number;
  /** Queries answered with hits, of those with keys. */
  answered: number;
}

/** The newest installed server's programs, or null. */
function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

/** A server refuses to run as root: as root, its programs run as the postgres user. */
function asServerUser(program: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  const [cmd, argv] = root ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
  execFileSync(cmd, argv, { stdio: ['ignore', 'ignore', 'inherit'] });
}

const escapeCopy = (s: string): string =>
  s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

/** A bench query as an AND of its stem keys (operators, fields and fuzziness dropped: PostgreSQL has no such reading). */
function tsquery(q: BenchQuery): string {
  const text = q.query
    .replace(/\b(title|author|source|lang):\S+/g, ' ')
    .replace(/(^|\s)-\S+/g, ' ')
    .replace(/\bOR\b/g, ' ')
    .replace(/[~*"][0-9]?/g, ' ');
  const keys = analyze(text)
    .filter((t) => !t.stop && t.stem.length > 0 && t.kind === 'word')
    .map((t) => `'${t.stem.replace(/'/g, "''")}'`);
  return keys.join(' & ');
}

export async function postgresPhase(
  libraryPath: string,
  queries: readonly BenchQuery[],
  log: (line: string) => void,
): Promise<PostgresResult | string> {
  const bin = postgresBin();
  if (!bin) return 'PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb not found): skipped';
  const work = mkdtempSync(join(tmpdir(), 'mizan-pg-'));
  const data = join(work, 'data');
  const root = process.getuid?.() === 0;
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(work, uid, gid);
  }
  chmodSync(work, 0o755);
  const port = String(54000 + (process.pid % 1000));
  const psql = (script: string): string => {
    const file = join(work, 'script.sql');
    writeFileSync(file, script);
    const run = spawnSync(
      'psql',
      [
        '-X',
        '-q',
        '-A',
        '-t',
        '-v',
        'ON_ERROR_STOP=1',
        '-h',
        work,
        '-p',
        port,
        '-U',
        'postgres',
        '-d',
        'postgres',
        '-f',
        file,
      ],
      { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
    );
    if (run.status !== 0) throw new Error(`psql failed: ${run.stderr}`);
    return run.stdout;
  };
  const timings = (out: string): number[] => [...out.matchAll(/^Time: ([\d.]+) ms/gm)].map((m) => Number(m[1]));
  try {
    asServerUser(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale']);
    asServerUser(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-l',
      join(work, 'server.log'),
      '-w',
      '-o',
      `-k ${work} -p ${port} -c listen_addresses='' -c shared_buffers=256MB -c max_wal_size=4GB`,
      'start',
    ]);
    const version = psql('SELECT version();\n')
      .split('\n')
      .find((l) => l.includes('PostgreSQL'))!
      .trim();
    log(`PostgreSQL: ${version}`);

    // The analyzer's keys, as the library index holds them, written once as COPY text.
    const lib = await Database.open(libraryPath);
    const tsv = join(work, 'keys.tsv');
    const out = createWriteStream(tsv);
    const t0 = process.hrtime.bigint();
    let articles = 0;
    for (let after = 0; ;) {
      const rows = await lib.all<{
        id: number;
        title: string;
        body: string;
        author: string | null;
        source: string | null;
        lang: string;
        published_iso: string | null;
      }>(
        `SELECT a.id, a.title, a.body, a.author, s.name AS source, a.lang, a.published_iso FROM articles a
         LEFT JOIN sources s ON s.id = a.source_id WHERE a.id > ? ORDER BY a.id LIMIT 2000`,
        [after],
      );
      if (rows.length === 0) break;
      for (const r of rows) {
        const k = buildIndexStreams(r);
        const day = r.published_iso && /^\d{4}-\d{2}-\d{2}/.test(r.published_iso) ? r.published_iso.slice(0, 10) : null;
        const fields = [String(r.id), r.lang, r.source ?? '', day, k.titleExact, k.titleStem, k.bodyExact, k.bodyStem];
        const line = fields.map((f) => (f === null ? '\\N' : escapeCopy(f))).join('\t');
        if (!out.write(`${line}\n`)) await new Promise<void>((done) => out.once('drain', () => done()));
      }
      articles += rows.length;
      after = rows.at(-1)!.id;
    }
    await new Promise<void>((done) => out.end(() => done()));
    await lib.close();
    const analyseSeconds = ms(t0) / 1000;
    const { size } = statSync(tsv);
    log(`keys of ${articles} articles analysed in ${analyseSeconds.toFixed(0)} s (${(size / 1e6).toFixed(0)} MB)`);

    // Each step its own psql call, timed from here (a psql start is ~10 ms).
    const step = (sql: string): number => {
      const t = process.hrtime.bigint();
      psql(sql);
      return ms(t) / 1000;
    };
    step(`CREATE TABLE docs (id bigint PRIMARY KEY, lang text, source text, published date,
  title_x text, title_s text, body_x text, body_s text);\n`);
    const copySeconds = step(`\\copy docs FROM '${tsv}'\n`);
    // The space-split 'simple' configuration keeps each key as one lexeme, with positions (phrases).
    const tsvectorSeconds = step(`ALTER TABLE docs ADD COLUMN tsv tsvector;
UPDATE docs SET tsv = setweight(to_tsvector('simple', title_s), 'A') || to_tsvector('simple', body_s);\n`);
    const ginSeconds = step('CREATE INDEX docs_tsv ON docs USING gin (tsv);\n');
    step('VACUUM ANALYZE docs;\n');
    const sizes = psql(
      "SELECT pg_total_relation_size('docs') - pg_indexes_size('docs'), pg_relation_size('docs_tsv');\n",
    )
      .trim()
      .split('\n')
      .at(-1)!
      .split('|')
      .map((s) => Number(s.trim()));

    // Each query: top 20 by rank, then the total and facet counts (source, year, language), as search.query answers.
    const asked = queries.map(tsquery).filter((q) => q.length > 0);
    const script = asked
      .flatMap((q) => {
        const tq = `to_tsquery('simple', '${q.replace(/'/g, "''")}')`;
        return [
          `SELECT id, ts_rank_cd(tsv, ${tq}) AS r FROM docs WHERE tsv @@ ${tq} ORDER BY r DESC LIMIT 20;`,
          `SELECT source, extract(year FROM published), lang, count(*) FROM docs WHERE tsv @@ ${tq} GROUP BY 1, 2, 3;`,
        ];
      })
      .join('\n');
    psql(`${script}\n`); // warm: the first pass reads the index from disk
    const times = timings(psql(`\\timing on\n${script}\n`));
    const perQuery = asked.map((_, i) => times[2 * i]! + times[2 * i + 1]!).sort((a, b) => a - b);
    const counted = psql(
      asked
        .map((q) => `SELECT count(*) FROM docs WHERE tsv @@ to_tsquery('simple', '${q.replace(/'/g, "''")}');`)
        .join('\n') + '\n',
    )
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /^\d+$/.test(l))
      .map(Number);
    return {
      version,
      articles,
      analyseSeconds,
      tsvMb: size / 1e6,
      copySeconds,
      tsvectorSeconds,
      ginSeconds,
      tableMb: sizes[0]! / 1e6,
      indexMb: sizes[1]! / 1e6,
      queries: asked.length,
      p50: percentile(perQuery, 50),
      p95: percentile(perQuery, 95),
      p99: percentile(perQuery, 99),
      answered: counted.filter((n) => n > 0).length,
    };
  } finally {
    try {
      asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', 'stop']);
    } catch {
      // not started
    }
    rmSync(work, { recursive: true, force: true });
  }
}
