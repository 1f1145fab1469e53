/**
 * The Electron shell's security, checked without Electron: the checklist
 * against main/electron/main.ts's syntax tree (and against mutated copies, so
 * the audit is known to catch what it claims to), and the pure policies it
 * delegates to.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLaunchArgs, parseMizanLink } from '../../main/electron/launchArgs';
import { electronCsp, isAllowedRequest, isExternalWebLink, isOwnPage, keepsOwnCsp } from '../../main/electron/policy';
import { placeOnDisplays } from '../../main/electron/windowState';
import { repoRoot } from '../support/paths';
import { auditElectronMain, auditPreload } from './electronAudit';

const mainSource = readFileSync(join(repoRoot, 'main', 'electron', 'main.ts'), 'utf8');

describe('Electron main process, checked statically', () => {
  it('meets the whole checklist', () => {
    expect(auditElectronMain(mainSource)).toEqual([]);
  });

  // Each mutation is a real mistake; the audit must name it.
  const mutations: Array<[string, (s: string) => string, RegExp]> = [
    ['sandbox off', (s) => s.replace('sandbox: true', 'sandbox: false'), /sandbox/],
    ['contextIsolation removed', (s) => s.replace('contextIsolation: true,', ''), /contextIsolation/],
    ['nodeIntegration on', (s) => s.replace('nodeIntegration: false', 'nodeIntegration: true'), /nodeIntegration must/],
    ['webPreferences spread', (s) => s.replace('webPreferences: {', 'webPreferences: { ...extra,'), /spread/],
    [
      'remote module',
      (s) => s.replace('webSecurity: true,', 'webSecurity: true, enableRemoteModule: true,'),
      /enableRemoteModule/,
    ],
    ['auxclick allowed', (s) => s.replace("disableBlinkFeatures: 'Auxclick',", ''), /Auxclick/],
    [
      'window.open allowed',
      (s) => s.replace("return { action: 'deny' };", "return { action: 'allow' };"),
      /setWindowOpenHandler/,
    ],
    [
      'navigation allowed',
      (s) =>
        s.replace(
          /if \(!isOwnPage\(url, rendererUrl\)\) \{\s*event\.preventDefault\(\);/,
          'if (!isOwnPage(url, rendererUrl)) {',
        ),
      /will-navigate/,
    ],
    [
      'openExternal unguarded',
      (s) =>
        s.replace(
          'if (isExternalWebLink(url)) void shell.openExternal(url);',
          'void shell.openExternal(url); if (url) void 0;',
        ),
      /openExternal/,
    ],
    ['permission granted', (s) => s.replace('callback(false));', 'callback(true));'), /setPermissionRequestHandler/],
    ['network open', (s) => s.replace("{ urls: ['<all_urls>'] }", "{ urls: ['file://*'] }"), /all_urls/],
    [
      'sender not checked',
      (s) =>
        s.replace(
          'if (!isOwnPage(event.senderFrame?.url, rendererUrl) || event.senderFrame !== event.sender.mainFrame) {',
          'if (false) {',
        ),
      /sender frame/,
    ],
    [
      'electron-only IPC',
      (s) =>
        s.replace(
          'buildMenu();\n  mainWindow = createWindow();',
          "ipcMain.on('open-dialog', () => undefined);\n  buildMenu();\n  mainWindow = createWindow();",
        ),
      /only ipcMain.handle/,
    ],
  ];
  for (const [label, mutate, expected] of mutations) {
    it(`catches: ${label}`, () => {
      const mutated = mutate(mainSource);
      expect(mutated, 'the mutation must apply to the current main.ts').not.toBe(mainSource);
      const problems = auditElectronMain(mutated);
      expect(problems.join('\n')).toMatch(expected);
    });
  }
});

describe('preload, checked statically', () => {
  const preloadSource = readFileSync(join(repoRoot, 'preload', 'index.ts'), 'utf8');
  it('exposes only window.mizan with invoke/onProgress/onShellEvent/pathForFile on the contract channels', () => {
    expect(auditPreload(preloadSource)).toEqual([]);
  });
  it('catches a preload that leaks ipcRenderer or opens another channel', () => {
    expect(
      auditPreload(
        preloadSource.replace(
          "contextBridge.exposeInMainWorld('mizan', bridge);",
          "contextBridge.exposeInMainWorld('mizan', bridge);\ncontextBridge.exposeInMainWorld('ipc', ipcRenderer);",
        ),
      ).join('\n'),
    ).toMatch(/exposeInMainWorld/);
    expect(
      auditPreload(
        preloadSource.replace('ipcRenderer.invoke(ipcChannels.invoke,', "ipcRenderer.invoke('fs:read',"),
      ).join('\n'),
    ).toMatch(/channel/);
    expect(
      auditPreload(
        preloadSource.replace('const bridge: Bridge = {', 'const bridge: Bridge = {\n  send: ipcRenderer.send,'),
      ).join('\n'),
    ).toMatch(/bridge/);
    // The listening helper: a caller with a foreign channel, or the helper sending on its parameter.
    expect(
      auditPreload(preloadSource.replace('listen(ipcChannels.shell, listener)', "listen('fs:watch', listener)")).join(
        '\n',
      ),
    ).toMatch(/listen\('fs:watch'\) uses a channel outside/);
    expect(
      auditPreload(
        preloadSource.replace(
          'ipcRenderer.on(channel, handler);',
          'ipcRenderer.on(channel, handler);\n  ipcRenderer.send(channel);',
        ),
      ).join('\n'),
    ).toMatch(/ipcRenderer.send\(channel\)/);
  });
});

describe('Electron policies', () => {
  it('lets only local schemes load at run time', () => {
    for (const url of [
      'file:///app/renderer/index.html',
      'devtools://devtools/bundled/x.html',
      'data:font/ttf;base64,AAAA',
      'blob:file:///abc',
    ])
      expect(isAllowedRequest(url), url).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'ws://x',
      'wss://x',
      'ftp://x',
      'chrome-extension://abc/x.js',
      'HTTPS://EXAMPLE.COM',
      '',
      'nocolon',
    ]) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
  });

  it('sends only plain http(s) links to the system browser', () => {
    expect(isExternalWebLink('https://www.nytimes.com/2021/07/26/us/politics/iraq.html')).toBe(true);
    expect(isExternalWebLink('http://example.com')).toBe(true);
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'ms-msdt:/id',
      'https://user:pw@example.com/',
      'mizan://article/1',
      'not a url',
      'http://',
    ]) {
      expect(isExternalWebLink(url), url).toBe(false);
    }
  });

  it('recognises its own page only', () => {
    const own = 'file:///opt/Mizan/resources/app.asar/dist/renderer/index.html';
    expect(isOwnPage(`${own}#article/3`, own)).toBe(true);
    expect(isOwnPage(`${own}?x=1`, own)).toBe(true);
    expect(isOwnPage('file:///tmp/evil/index.html', own)).toBe(false);
    expect(isOwnPage(`${own}.evil.html`, own)).toBe(false);
    expect(isOwnPage(undefined, own)).toBe(false);
  });

  it('keeps the Electron CSP free of inline script and remote origins; frames are dossier previews only', () => {
    expect(electronCsp).toMatch(/script-src 'self';/);
    expect(electronCsp).toMatch(/frame-src mizan-dossier:;/);
    expect(isAllowedRequest('mizan-dossier://dossier/3?v=1')).toBe(true);
    // Only the preview keeps its own (stricter) CSP; every other response gets the app's.
    expect(keepsOwnCsp('mizan-dossier://dossier/3')).toBe(true);
    for (const url of ['file:///app/renderer/index.html', 'data:text/html,x', 'http://mizan-dossier/'])
      expect(keepsOwnCsp(url), url).toBe(false);
    expect(electronCsp).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(electronCsp).toMatch(/object-src 'none'/);
  });

  it('parses mizan:// links strictly', () => {
    expect(parseMizanLink('mizan://article/12')).toEqual({ kind: 'article', id: 12 });
    expect(parseMizanLink('mizan://dossier/3')).toEqual({ kind: 'dossier', id: 3 });
    expect(parseMizanLink('mizan://search?q=%D8%A8%D8%A7%D9%8A%D8%AF%D9%86')).toEqual({
      kind: 'search',
      query: 'بايدن',
    });
    for (const bad of [
      'mizan://article/0',
      'mizan://article/-1',
      'mizan://article/1/../../x',
      'mizan://article/abc',
      'mizan://settings',
      'mizan://search',
      'http://article/1',
      'mizan:javascript:alert(1)',
    ]) {
      expect(parseMizanLink(bad), bad).toBeNull();
    }
  });

  it('takes files and links from argv (a second launch, a file association)', () => {
    const argv = [
      '/opt/Mizan/mizan',
      '--no-sandbox',
      'notes/a.txt',
      '/abs/page.HTML',
      'mizan://article/7',
      'mizan://nope',
      'photo.jpg',
      '--inspect=9229',
    ];
    expect(parseLaunchArgs(argv, '/home/r', 1)).toEqual({
      files: ['/home/r/notes/a.txt', '/abs/page.HTML'],
      links: [{ kind: 'article', id: 7 }],
    });
    // Unpackaged: electron . <args>
    expect(parseLaunchArgs(['electron', '.', 'x.json'], '/w', 2).files).toEqual(['/w/x.json']);
  });

  it('restores a window only where a display still shows it', () => {
    const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];
    expect(placeOnDisplays({ x: 100, y: 50, width: 1200, height: 800 }, screen)).toEqual({
      x: 100,
      y: 50,
      width: 1200,
      height: 800,
    });
    // Saved on a second monitor that is gone.
    expect(placeOnDisplays({ x: 2500, y: 100, width: 1200, height: 800 }, screen)).toBeNull();
    // Bigger than the display now: shrunk and pulled back inside.
    expect(placeOnDisplays({ x: 1500, y: 900, width: 3000, height: 2000 }, screen)).toEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: 1040,
    });
  });
});
