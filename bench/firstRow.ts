/**
 * npm run bench:first-row -- --library PATH — open → first list row through
 * the web host in Chromium: the host is started once (as a user leaves it
 * running), then each run opens the printed URL in a fresh browser context
 * (nothing cached) and times until the first article row is drawn; also the
 * script bytes the page fetched by then. With --vs OTHER_DIST (a second
 * build's dist folder, e.g. from another commit), the two run in turn, run by
 * run, so drift in the machine's load falls on both.
 *
 *   node dist/bench/firstRow.js --library FILE [--runs 7] [--vs OTHER_DIST]
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { percentile } from './searchLibrary';
import { printTable, repoRoot } from './support';

interface Host {
  url: string;
  stop(): void;
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
      if (url) done({ url, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => fail(new Error(`web host exited (${code}) before printing its URL`)));
  });
}

interface Run {
  ms: number;
  scriptKb: number;
  scripts: number;
}

async function openOnce(browser: Browser, url: string): Promise<Run> {
  const context = await browser.newContext();
  const page = await context.newPage();
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
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('[data-testid=article-row]').first().waitFor({ state: 'visible', timeout: 60_000 });
  const ms = Date.now() - t0;
  counting = false;
  await page.waitForTimeout(50);
  await context.close();
  return { ms, scriptKb: scriptBytes / 1024, scripts };
}

function summary(runs: readonly Run[]): string {
  const t = runs.map((r) => r.ms).sort((a, b) => a - b);
  const last = runs.at(-1)!;
  return `median ${percentile(t, 50)} ms (min ${t[0]}, max ${t.at(-1)}; ${runs.length} runs); script ${last.scriptKb.toFixed(0)} KB in ${last.scripts} files before the first row`;
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
  const hosts = await Promise.all(dists.map((d) => startHost(d, resolve(library))));
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const results: Run[][] = dists.map(() => []);
    for (const host of hosts) await openOnce(browser, host.url); // warm-up: the host's first read of the library
    for (let i = 0; i < runs; i++)
      for (const [k, host] of hosts.entries()) results[k]!.push(await openOnce(browser, host.url));
    printTable(`open → first list row (${library})`, [
      ...dists.map((d, k): [string, string] => [d, summary(results[k]!)]),
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
