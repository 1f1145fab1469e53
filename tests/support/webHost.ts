/**
 * Starts the real web host as a user does (`node dist/main/web/main.js`), in
 * a child process, and reads the URL it prints. Shared by the end-to-end and
 * contract suites; needs `npm run build` first.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths';

export interface StartedWebHost {
  /** The printed URL, with its `?token=`: what a user opens first. */
  url: string;
  origin: string;
  token: string;
  /** Everything the host wrote so far, for failure messages. */
  output(): { stdout: string; stderr: string };
  stop(): Promise<void>;
}

export interface StartWebHostOptions {
  libraryPath: string;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

const URL_LINE = /Mizan web host: (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/;
const STOP_GRACE_MS = 5_000;

export const webHostEntry = join(repoRoot, 'dist', 'main', 'web', 'main.js');

export async function startWebHost({
  libraryPath,
  timeoutMs = 30_000,
  env,
}: StartWebHostOptions): Promise<StartedWebHost> {
  if (!existsSync(webHostEntry)) throw new Error(`${webHostEntry} does not exist: run \`npm run build\` first`);
  const child = spawn(process.execPath, [webHostEntry, '--library', libraryPath, '--port', '0', '--no-open'], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A test run that dies must not leave a host behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const url = await new Promise<string>((resolve, reject) => {
    let settled = false;
    const fail = (reason: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      process.off('exit', killOnExit);
      reject(new Error(`web host: ${reason}\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`));
    };
    const timer = setTimeout(() => fail(`no URL printed within ${timeoutMs} ms`), timeoutMs);
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      const match = URL_LINE.exec(stdout);
      if (match?.[1] && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code, signal) => fail(`exited (code ${code}, signal ${signal}) before printing its URL`));
    child.once('error', (error) => fail(`could not start: ${error.message}`));
  });

  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    output: () => ({ stdout, stderr }),
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
