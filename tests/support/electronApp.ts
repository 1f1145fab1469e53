/**
 * Launching the built desktop app under Playwright's `_electron`, for the
 * specs in tests/e2e/electron*.test.ts. They run where the Electron binary is
 * installed (release machines) and skip, saying why, where it is not (CI
 * installs with ELECTRON_SKIP_BINARY_DOWNLOAD).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { repoRoot } from './paths';

/**
 * The binary's path, found as `require('electron')` finds it (path.txt, or
 * ELECTRON_OVERRIDE_DIST_PATH) but without requiring it: since Electron 3x
 * requiring the package when the binary is missing starts a download.
 */
export function electronBinary(): string | null {
  try {
    const packageDir = dirname(createRequire(join(repoRoot, 'package.json')).resolve('electron/package.json'));
    const pathFile = join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const relative = readFileSync(pathFile, 'utf8').trim();
    const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
    const binary = override ? join(override, relative) : join(packageDir, 'dist', relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

export const electronSkipReason =
  'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD); runs on release machines';
export const builtMain = join(repoRoot, 'dist', 'main', 'electron', 'main.js');

/**
 * Starts dist/main/electron/main.js on the library at `libraryPath`, with
 * `extraArgs` after the app (files or mizan:// links, as a file manager or
 * the command line passes them).
 */
export function launchElectronApp(
  binary: string,
  libraryPath: string,
  extraArgs: string[] = [],
): Promise<ElectronApplication> {
  const args = [builtMain, ...extraArgs];
  // Chromium refuses its sandbox as root (containers); the renderer stays sandboxed by Electron's own flag.
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  return _electron.launch({
    executablePath: binary,
    args,
    cwd: repoRoot,
    env: { ...process.env, MIZAN_LIBRARY: libraryPath },
    timeout: 60_000,
  });
}
