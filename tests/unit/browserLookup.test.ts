/**
 * The end-to-end tests' browser lookup, on a made-up machine: MIZAN_CHROMIUM
 * first, then the system's Chromium or Chrome, then Playwright's download;
 * where none is found, Debian's chromium installed as root on Debian or
 * Ubuntu, and one line of advice anywhere else.
 */
import { describe, expect, it } from 'vitest';
import {
  ensureBrowser,
  findBrowser,
  isDebianLike,
  systemBrowserPaths,
  type InstallHost,
} from '../support/browserLookup';

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nID=debian\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\n';
const PLAYWRIGHT = '/home/me/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';

/** A machine with these files, this environment; apt-get calls are recorded and may add files. */
function host(
  files: string[],
  options: Partial<Pick<InstallHost, 'env' | 'platform' | 'isRoot'>> & {
    osRelease?: string;
    aptAdds?: string[];
    aptFails?: string;
  } = {},
): InstallHost & { apt: string[][] } {
  const present = new Set(files);
  const apt: string[][] = [];
  return {
    env: options.env ?? {},
    platform: options.platform ?? 'linux',
    isFile: (path) => present.has(path),
    playwrightPath: () => PLAYWRIGHT,
    isRoot: options.isRoot ?? false,
    osRelease: () => options.osRelease ?? DEBIAN,
    aptGet(args) {
      apt.push(args);
      if (options.aptFails) throw Object.assign(new Error('apt-get failed'), { stderr: Buffer.from(options.aptFails) });
      if (args[0] === 'install') for (const f of options.aptAdds ?? []) present.add(f);
    },
    apt,
  };
}

describe('findBrowser', () => {
  it('takes MIZAN_CHROMIUM before anything installed', () => {
    const found = findBrowser(host(['/usr/bin/chromium', PLAYWRIGHT], { env: { MIZAN_CHROMIUM: '/opt/my/chrome' } }));
    expect(found).toEqual({ path: '/opt/my/chrome', from: 'MIZAN_CHROMIUM' });
  });

  it("takes the system's Chromium, then Chrome, before Playwright's download", () => {
    expect(findBrowser(host(['/usr/bin/google-chrome', '/usr/bin/chromium', PLAYWRIGHT]))).toEqual({
      path: '/usr/bin/chromium',
      from: 'system',
    });
    expect(findBrowser(host(['/usr/bin/google-chrome', PLAYWRIGHT]))).toEqual({
      path: '/usr/bin/google-chrome',
      from: 'system',
    });
    expect(findBrowser(host([PLAYWRIGHT]))).toEqual({ path: PLAYWRIGHT, from: 'playwright' });
    expect(findBrowser(host([]))).toBeNull();
  });

  it('looks where macOS and Windows install Chromium and Chrome', () => {
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findBrowser(host([mac], { platform: 'darwin' }))).toEqual({ path: mac, from: 'system' });
    const env = { LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local', PROGRAMFILES: 'C:\\Program Files' };
    const windows = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    expect(findBrowser(host([windows], { platform: 'win32', env }))).toEqual({ path: windows, from: 'system' });
    expect(systemBrowserPaths('win32', env)[0]).toBe(
      'C:\\Users\\me\\AppData\\Local\\Chromium\\Application\\chrome.exe',
    );
    // Linux paths are not looked for on Windows.
    expect(findBrowser(host(['/usr/bin/chromium'], { platform: 'win32', env }))).toBeNull();
  });

  it('searches only MIZAN_BROWSER_SEARCH when it is set (empty: nothing)', () => {
    expect(findBrowser(host(['/usr/bin/chromium', PLAYWRIGHT], { env: { MIZAN_BROWSER_SEARCH: '' } }))).toBeNull();
    const found = findBrowser(
      host(['/usr/bin/chromium', '/x/chrome'], { env: { MIZAN_BROWSER_SEARCH: '/y:/x/chrome' } }),
    );
    expect(found).toEqual({ path: '/x/chrome', from: 'system' });
  });
});

describe('ensureBrowser', () => {
  const quiet = () => undefined;

  it("installs Debian's chromium with apt-get as root on Debian and Ubuntu, once", () => {
    for (const osRelease of [DEBIAN, UBUNTU]) {
      const machine = host([], { isRoot: true, osRelease, aptAdds: ['/usr/bin/chromium'] });
      expect(ensureBrowser(machine, quiet)).toEqual({ path: '/usr/bin/chromium', from: 'system' });
      expect(machine.apt.map((args) => args[0])).toEqual(['update', 'install']);
      expect(machine.apt[1]).toContain('chromium');
    }
  });

  it('installs nothing when a browser is found', () => {
    const machine = host([PLAYWRIGHT], { isRoot: true });
    expect(ensureBrowser(machine, quiet).from).toBe('playwright');
    expect(machine.apt).toEqual([]);
  });

  it('stops with one line saying what to install where it cannot install', () => {
    const cases: Array<[ReturnType<typeof host>, RegExp]> = [
      [host([], { isRoot: false }), /sudo apt-get install chromium/],
      [host([], { isRoot: true, osRelease: FEDORA }), /distribution's chromium package/],
      [host([], { platform: 'darwin', isRoot: true }), /brew install --cask chromium/],
      [host([], { platform: 'win32' }), /install Google Chrome/],
    ];
    for (const [machine, advice] of cases) {
      expect(() => ensureBrowser(machine, quiet)).toThrow(advice);
      expect(() => ensureBrowser(machine, quiet)).toThrow(/^No Chromium or Chrome found[^\n]*MIZAN_CHROMIUM[^\n]*$/);
      expect(machine.apt).toEqual([]);
    }
  });

  it('says what apt-get said when it fails, and names a MIZAN_CHROMIUM that is not a file', () => {
    const failing = host([], { isRoot: true, aptFails: 'E: Unable to locate package chromium\n' });
    expect(() => ensureBrowser(failing, quiet)).toThrow(
      /apt-get could not install chromium \(E: Unable to locate package chromium\)/,
    );
    expect(() => ensureBrowser(host([], { env: { MIZAN_CHROMIUM: '/nope' } }), quiet)).toThrow(
      'MIZAN_CHROMIUM is /nope, which is not a file.',
    );
  });
});

describe('isDebianLike', () => {
  it('reads ID and ID_LIKE', () => {
    expect([DEBIAN, UBUNTU, FEDORA, 'ID=linuxmint\nID_LIKE="ubuntu debian"\n', ''].map(isDebianLike)).toEqual([
      true,
      true,
      false,
      true,
      false,
    ]);
  });
});
