/**
 * npm run bench:first-row -- --library PATH — open → first list row through
 * the web host in Chromium: the host is started once (as a user leaves it
 * running), then each run opens the printed URL in a fresh browser context
 * (nothing cached) and times until the first article row is drawn; also the
 * script bytes the page fetched by then. With --vs OTHER_DIST (a second
 * build's dist folder, e.g. from another commit), the two run in turn, run by
 * run, so drift in the machine's load falls on both; --vs-library gives that
 * build its own copy of the library (an older build may refuse a file a newer
 * one migrated). CPU beside wall: Chromium's renderer processes' CPU time and
 * the web host's user+sys time during the run (a loaded machine stretches
 * wall time; CPU time much less). Then the phases of each run, from the
 * page's own timings (firstRowPhases.ts), as medians per build.
 *
 *   node dist/bench/firstRow.js --library FILE [--runs 7] [--vs OTHER_DIST [--vs-library FILE]]
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type CDPSession } from 'playwright-core';
import { firstRowDrawn, phaseRows, readPhases, startCounters, type Phases } from './firstRowPhases';
import { percentile } from './searchLibrary';
import { printTable, repoRoot } from './support';

interface Host {
  url: string;
  /** The host process's user+sys time so far, in ms (Linux /proc; null elsewhere). */
  cpuMs(): number | null;
  stop(): void;
}

/** utime + stime of a process, from /proc/PID/stat, in ms (clock ticks of 10 ms). */
function processCpuMs(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at state, the 3rd field.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

function startHost(dist: string, library: string): Promise<Host> {
  const child = spawn(
    process.execPath,
    [join(dist, 'main', 'web', 'main.js'), '--library', library, '--port', '0', '--no-open'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  process.once('exit', () => child.kill('SIGKILL'));
  return new Promise((done, fail) => {
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      const url = /Mizan web host: (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(out)?.[1];
      if (url) done({ url, cpuMs: () => processCpuMs(child.pid), stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => fail(new Error(`web host exited (${code}) before printing its URL`)));
  });
}

interface Run {
  ms: number;
  /** CPU time of Chromium's renderer processes until the row showed. */
  pageCpuMs: number;
  /** The web host's user+sys time over the run (null where /proc is missing). */
  hostCpuMs: number | null;
  scriptKb: number;
  scripts: number;
  phases: Phases;
}

/** CPU seconds so far of each of Chromium's renderer processes, by process id. */
async function rendererCpu(cdp: CDPSession): Promise<Map<number, number>> {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  return new Map(processInfo.filter((p) => p.type === 'renderer').map((p) => [p.id, p.cpuTime]));
}

async function openOnce(browser: Browser, cdp: CDPSession, host: Host): Promise<Run> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const counters = await startCounters(page);
  const pageBefore = await rendererCpu(cdp);
  const hostBefore = host.cpuMs();
  let scriptBytes = 0;
  let scripts = 0;
  let counting = true;
  page.on('response', (response) => {
    if (!counting || !/\.m?js(\?|$)/.test(new URL(response.url()).pathname)) return;
    scripts++;
    void response
      .body()
      .then((body) => (scriptBytes += body.length))
      .catch(() => undefined);
  });
  await page.goto(host.url, { waitUntil: 'commit' });
  // The page's own clock, from navigation start (see firstRowDrawn).
  const ms = await firstRowDrawn(page);
  await page.locator('[data-testid=article-row]').first().waitFor({ state: 'visible', timeout: 60_000 });
  const hostAfter = host.cpuMs();
  let pageCpu = 0;
  for (const [id, seconds] of await rendererCpu(cdp)) pageCpu += seconds - (pageBefore.get(id) ?? 0);
  const pageCpuMs = Math.round(pageCpu * 1000);
  const phases = await readPhases(page, counters, ms);
  counting = false;
  await page.waitForTimeout(50);
  await context.close();
  const hostCpuMs = hostBefore === null || hostAfter === null ? null : hostAfter - hostBefore;
  return { ms, pageCpuMs, hostCpuMs, scriptKb: scriptBytes / 1024, scripts, phases };
}

function spread(values: number[]): string {
  const t = [...values].sort((a, b) => a - b);
  return `${percentile(t, 50)} ms (${t[0]}-${t.at(-1)})`;
}

function summary(runs: readonly Run[]): string {
  const last = runs.at(-1)!;
  const host = runs.map((r) => r.hostCpuMs).filter((v): v is number => v !== null);
  return [
    `wall median ${spread(runs.map((r) => r.ms))}`,
    `page CPU ${spread(runs.map((r) => r.pageCpuMs))}`,
    host.length > 0 ? `host CPU ${spread(host)}` : 'host CPU n/a',
    `${runs.length} runs; script ${last.scriptKb.toFixed(0)} KB in ${last.scripts} files before the first row`,
  ].join('; ');
}

/** The first build's wall time over the second's, run by run (the pair ran back to back). */
function ratios(a: readonly Run[], b: readonly Run[]): string {
  const r = a.map((run, i) => run.ms / b[i]!.ms).sort((x, y) => x - y);
  return `median ${percentile(r, 50).toFixed(2)} (${r[0]!.toFixed(2)}-${r.at(-1)!.toFixed(2)})`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (name: string): string | undefined => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const library = value('--library');
  if (!library) throw new Error('give --library FILE (a library of about 30,000 articles)');
  const runs = Number(value('--runs') ?? 7);
  const other = value('--vs');
  const dists = [join(repoRoot, 'dist'), ...(other ? [resolve(other)] : [])];
  const libraries = [library, value('--vs-library') ?? library];
  const hosts = await Promise.all(dists.map((d, k) => startHost(d, resolve(libraries[k]!))));
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const cdp = await browser.newBrowserCDPSession();
    const results: Run[][] = dists.map(() => []);
    for (const host of hosts) await openOnce(browser, cdp, host); // warm-up: the host's first read of the library
    for (let i = 0; i < runs; i++)
      for (const [k, host] of hosts.entries()) results[k]!.push(await openOnce(browser, cdp, host));
    printTable(`open → first list row (${library})`, [
      ...dists.map((d, k): [string, string] => [d, summary(results[k]!)]),
      ...phaseRows(
        dists.map((d, k) => ({ name: k === 0 ? 'this' : 'other', phases: results[k]!.map((r) => r.phases) })),
      ),
      ...(results[1] ? [['wall, this build / the other', ratios(results[0]!, results[1])] as [string, string]] : []),
      [
        'machine',
        `load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')} (2 cores shared with other work)`,
      ],
    ]);
  } finally {
    await browser.close();
    for (const host of hosts) host.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
