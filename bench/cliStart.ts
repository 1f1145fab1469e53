/**
 * npm run bench:cli — what one `mizan search QUERY --json` costs as a whole
 * process, beside `node -e 0` (Node's own start), run in pairs so both see
 * the same load. Prints median and spread (min-max) of wall seconds, CPU
 * seconds (user + system, from /usr/bin/time) and peak RSS. On a shared
 * machine CPU is the fair figure; wall moves with the load average.
 *
 * The library is built once (the seed article and one SaudiNewsNet day)
 * unless --library names one. --base DIR adds, in the same pairs, the search
 * by the build in another checkout (DIR/bin/mizan.js), for a before/after figure;
 * --base-library FILE gives that build its own copy of the library (a build
 * that migrates the schema makes the file unreadable to an older one). Every
 * run must print what the first did (and the base build): the bench fails otherwise.
 *
 * --phases adds N more runs of the search alone, with MIZAN_CLI_PHASES=1
 * (main/cli/phases.ts), and prints where one call's wall and CPU time go:
 * Node's own start, reading and compiling the bundle, evaluating its modules,
 * opening the library, each contract call, the output, closing, and the
 * process's end (what /usr/bin/time saw after the CLI's last mark; its CPU counts in
 * 10 ms steps, so that row's CPU can read -1 or 9).
 *
 *   node dist/bench/cliStart.js [--runs N] [--library FILE] [--query Q] [--base DIR [--base-library FILE]] [--phases]
 *
 * Goal: the search within 0.3 s wall.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchDir, printTable, repoRoot, sharedData } from './support';

const GOAL_WALL_SECONDS = 0.3;

interface Run {
  wall: number;
  cpu: number;
  rssMb: number;
  stdout: string;
  stderr: string;
}

/** One step's mark, as main/cli/phases.ts prints them: milliseconds since the process started. */
interface PhaseMark {
  phase: string;
  wall: number;
  cpu: number;
}

const TIME = '/usr/bin/time';

/** One process under /usr/bin/time: wall, user + system CPU, peak RSS (its last stderr line). */
function timed(args: string[], env: NodeJS.ProcessEnv = process.env): Run {
  const started = performance.now();
  const result = spawnSync(TIME, ['-f', '@@%U %S %M', process.execPath, ...args], { encoding: 'utf8', env });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  const line = result.stderr.split('\n').find((l) => l.startsWith('@@'));
  if (!line) throw new Error(`no figures from ${TIME}: ${result.stderr}`);
  const [user, system, rssKb] = line.slice(2).split(' ').map(Number);
  return { wall, cpu: user! + system!, rssMb: rssKb! / 1024, stdout: result.stdout, stderr: result.stderr };
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/**
 * Each step's wall and CPU milliseconds (median over the runs): the time from the previous mark to its own, and
 * from the last mark to the end of the process as /usr/bin/time saw it ("process end").
 */
function phaseRows(runs: Run[]): Array<[string, string]> {
  const steps = new Map<string, { wall: number[]; cpu: number[] }>();
  const add = (name: string, wall: number, cpu: number): void => {
    const step = steps.get(name) ?? { wall: [], cpu: [] };
    step.wall.push(wall);
    step.cpu.push(cpu);
    steps.set(name, step);
  };
  for (const run of runs) {
    const line = run.stderr.split('\n').find((l) => l.startsWith('mizan-phases '));
    if (!line) throw new Error(`no phases printed: ${run.stderr}`);
    const marks = JSON.parse(line.slice('mizan-phases '.length)) as PhaseMark[];
    let previous: PhaseMark = { phase: 'start', wall: 0, cpu: 0 };
    for (const mark of marks) {
      add(mark.phase, mark.wall - previous.wall, mark.cpu - previous.cpu);
      previous = mark;
    }
    add('process end', run.wall * 1000 - previous.wall, run.cpu * 1000 - previous.cpu);
  }
  return [...steps].map(([name, { wall, cpu }]) => [
    name,
    `wall ${median(wall).toFixed(0).padStart(4)} ms · CPU ${median(cpu).toFixed(0).padStart(4)} ms`,
  ]);
}

function spread(values: number[], digits = 2): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return `${median.toFixed(digits)} (${sorted[0]!.toFixed(digits)}-${sorted[sorted.length - 1]!.toFixed(digits)})`;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '15' },
      library: { type: 'string' },
      query: { type: 'string' },
      base: { type: 'string' },
      'base-library': { type: 'string' },
      phases: { type: 'boolean', default: false },
    },
  });
  if (!existsSync(TIME)) throw new Error(`${TIME} is needed for the CPU figures (Debian package "time")`);
  // What users run: bin/mizan.js (the bundle and its code cache); tsc's output to build the library.
  const cli = join(repoRoot, 'dist', 'main', 'cli', 'main.js');
  const bin = join(repoRoot, 'bin', 'mizan.js');
  const library = values.library ?? join(benchDir('cli-start'), 'library.db');
  if (!existsSync(library)) {
    process.stdout.write(`building ${library} (seed + one SaudiNewsNet day)...\n`);
    execFileSync(
      process.execPath,
      [cli, 'import', sharedData('seed'), sharedData('saudinewsnet', '2015-07-21.json.gz'), '--library', library],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
  }
  const query = values.query ?? 'السعودية';
  const search = [bin, 'search', query, '--json', '--library', library];
  const baseSearch = values.base
    ? [join(values.base, 'bin', 'mizan.js'), 'search', query, '--json', '--library', values['base-library'] ?? library]
    : null;
  const expected = baseSearch ? timed(baseSearch).stdout : null;
  const first = timed(search); // warms the file cache, as a user's second call would find it
  const runs = Number(values.runs);
  const node: Run[] = [];
  const mizan: Run[] = [];
  const base: Run[] = [];
  for (let i = 0; i < runs; i++) {
    node.push(timed(['-e', '0']));
    mizan.push(timed(search));
    if (baseSearch) base.push(timed(baseSearch));
  }
  // A change made for speed must not change the answer: every run prints what the first did, and what the base did.
  const answers = [first, ...mizan, ...base].map((r) => r.stdout);
  if (answers.some((a) => a !== (expected ?? first.stdout)))
    throw new Error(`the search's output differs between runs${baseSearch ? ' or from the base build' : ''}`);
  const row = (name: string, r: Run[]): [string, string] => [
    name,
    `wall ${spread(r.map((x) => x.wall))} s · CPU ${spread(r.map((x) => x.cpu))} s · RSS ${spread(
      r.map((x) => x.rssMb),
      0,
    )} MB`,
  ];
  printTable(`CLI start, median (min-max) of ${runs} paired runs, load ${loadavg()[0]!.toFixed(1)}`, [
    row('node -e 0', node),
    row(`mizan search ${query} --json`, mizan),
    ...(baseSearch ? [row(`the same, ${values.base}`, base)] : []),
  ]);
  if (values.phases) {
    const env = { ...process.env, MIZAN_CLI_PHASES: '1' };
    const phased = Array.from({ length: runs }, () => timed(search, env));
    printTable(
      `Where one search's time goes, median of ${runs} runs, load ${loadavg()[0]!.toFixed(1)}`,
      phaseRows(phased),
    );
  }
  const wall = median(mizan.map((x) => x.wall));
  process.stdout.write(`output: identical in every run${baseSearch ? ', and to the base build' : ''}\n`);
  process.stdout.write(
    `goal: search within ${GOAL_WALL_SECONDS} s wall: ${wall <= GOAL_WALL_SECONDS ? 'met' : 'missed'}\n`,
  );
}

main();
