/** Runs the `mizan` command as a script would: a real process, its exit code and output. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './paths';

const run = promisify(execFile);
const bin = join(repoRoot, 'bin', 'mizan.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function mizan(args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd: repoRoot,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as CliResult;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
