/**
 * Which Chromium the end-to-end tests drive, in this order: the one
 * `MIZAN_CHROMIUM` names; the system's Chromium or Chrome where each system
 * installs it; Playwright's own downloaded build, if there is one. Where none
 * is found, as root on Debian or Ubuntu, Debian's `chromium` is installed with
 * apt-get; anywhere else the run stops with one line saying what to install.
 *
 * Everything the lookup reads (environment, files, Playwright's registry)
 * comes through `LookupHost`, so that the order is unit-tested without
 * touching the machine. `MIZAN_BROWSER_SEARCH`, for testing the lookup on a
 * machine that has a browser, replaces the system's paths and Playwright's by
 * its own list (separated by the path delimiter; empty: none).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium } from 'playwright-core';

export interface LookupHost {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  /** An existing file (not a folder). */
  isFile(path: string): boolean;
  /** Where Playwright keeps the Chromium it downloads (whether or not it did). */
  playwrightPath(): string | undefined;
}

/** Where Debian's chromium package puts the browser. */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export type BrowserSource = 'MIZAN_CHROMIUM' | 'system' | 'playwright';

export interface FoundBrowser {
  path: string;
  from: BrowserSource;
}

/** Where Chromium and Chrome are installed on each system, most specific first. */
export function systemBrowserPaths(platform: NodeJS.Platform, env: LookupHost['env']): string[] {
  if (platform === 'darwin') {
    const apps = ['/Applications', ...(env['HOME'] ? [join(env['HOME'], 'Applications')] : [])];
    return apps.flatMap((dir) => [
      `${dir}/Chromium.app/Contents/MacOS/Chromium`,
      `${dir}/Google Chrome.app/Contents/MacOS/Google Chrome`,
    ]);
  }
  if (platform === 'win32') {
    const roots = [env['LOCALAPPDATA'], env['PROGRAMFILES'], env['PROGRAMFILES(X86)']].filter(
      (root): root is string => !!root,
    );
    return roots.flatMap((root) => [
      `${root}\\Chromium\\Application\\chrome.exe`,
      `${root}\\Google\\Chrome\\Application\\chrome.exe`,
    ]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/opt/google/chrome/chrome',
    '/snap/bin/chromium',
  ];
}

/** The browser to drive, or null when this machine has none the lookup knows of. */
export function findBrowser(host: LookupHost): FoundBrowser | null {
  // An explicit choice is taken as it is: a wrong path is reported, not skipped.
  const chosen = host.env['MIZAN_CHROMIUM'];
  if (chosen) return { path: chosen, from: 'MIZAN_CHROMIUM' };
  const search = host.env['MIZAN_BROWSER_SEARCH'];
  if (search !== undefined) {
    const listed = search.split(delimiter).find((path) => path && host.isFile(path));
    return listed ? { path: listed, from: 'system' } : null;
  }
  const system = systemBrowserPaths(host.platform, host.env).find((path) => host.isFile(path));
  if (system) return { path: system, from: 'system' };
  const playwright = host.playwrightPath();
  if (playwright && host.isFile(playwright)) return { path: playwright, from: 'playwright' };
  return null;
}

/** The one line a person reads when no browser is found and none can be installed here. */
export function installAdvice(platform: NodeJS.Platform, debianLike: boolean): string {
  const how =
    platform === 'darwin'
      ? 'install Google Chrome or Chromium (brew install --cask chromium)'
      : platform === 'win32'
        ? 'install Google Chrome'
        : debianLike
          ? 'install Chromium (sudo apt-get install chromium), or run the tests as root to have it installed'
          : "install your distribution's chromium package";
  return `No Chromium or Chrome found for the end-to-end tests: ${how}, or set MIZAN_CHROMIUM to a browser's executable.`;
}

/** Debian, Ubuntu and their derivatives, from /etc/os-release. */
export function isDebianLike(osRelease: string): boolean {
  const field = (name: string) =>
    new RegExp(`^${name}=["']?([^"'\\n]*)`, 'm').exec(osRelease)?.[1]?.toLowerCase().split(/\s+/) ?? [];
  return [...field('ID'), ...field('ID_LIKE')].some((id) => id === 'debian' || id === 'ubuntu');
}

/** What installing a browser needs to know and do, apart from the lookup. */
export interface InstallHost extends LookupHost {
  isRoot: boolean;
  osRelease(): string;
  /** Runs apt-get with these arguments; throws with apt's error output. */
  aptGet(args: string[]): void;
}

/** The real machine. */
export function machine(): InstallHost {
  return {
    env: process.env,
    platform: process.platform,
    isFile(path) {
      try {
        return statSync(path).isFile();
      } catch {
        return false;
      }
    },
    playwrightPath() {
      try {
        // playwright-core's registry: where `npx playwright install chromium` puts it.
        return chromium.executablePath();
      } catch {
        return undefined;
      }
    },
    isRoot: process.getuid?.() === 0,
    osRelease() {
      try {
        return readFileSync('/etc/os-release', 'utf8');
      } catch {
        return '';
      }
    },
    aptGet(args) {
      // Another apt-get (an unattended upgrade, a parallel job) holds the lock for a while.
      execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    },
  };
}

/**
 * The browser to drive, installing Debian's chromium first where that is
 * possible (root on Debian or Ubuntu); throws the one line of advice where
 * nothing is found, and names a wrong MIZAN_CHROMIUM.
 */
export function ensureBrowser(
  host: InstallHost = machine(),
  log: (line: string) => void = (line) => console.error(line),
): FoundBrowser {
  const found = findBrowser(host);
  if (found) {
    if (!host.isFile(found.path)) throw new Error(`MIZAN_CHROMIUM is ${found.path}, which is not a file.`);
    return found;
  }
  const debianLike = host.platform === 'linux' && isDebianLike(host.osRelease());
  if (!debianLike || !host.isRoot) throw new Error(installAdvice(host.platform, debianLike));
  log("No Chromium or Chrome found: installing Debian's chromium with apt-get for the end-to-end tests…");
  try {
    host.aptGet(['update', '-qq']);
    host.aptGet(['install', '-y', '-qq', '--no-install-recommends', 'chromium']);
  } catch (error) {
    const said = (error as { stderr?: Buffer }).stderr?.toString().trim().split('\n').pop();
    throw new Error(`apt-get could not install chromium (${said || String(error)}). ${installAdvice('linux', true)}`);
  }
  if (!host.isFile(DEBIAN_CHROMIUM))
    throw new Error(`apt-get installed chromium, but ${DEBIAN_CHROMIUM} is missing. ${installAdvice('linux', true)}`);
  log(`Installed ${DEBIAN_CHROMIUM}.`);
  return { path: DEBIAN_CHROMIUM, from: 'system' };
}
