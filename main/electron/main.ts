/**
 * The Electron shell: one hardened window over the same services as the CLI
 * and the web host. The only door from the page into the process is the
 * contract's invoke channel, and only from our own page.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ipcChannels, type MethodName, type Progress } from '../../preload/contract';
import { createDispatcher } from '../core/rpc';
import { createServices, type Services } from '../core/services';

const rendererIndex = join(__dirname, '..', '..', 'renderer', 'index.html');
const preloadScript = join(__dirname, '..', '..', 'electron-preload', 'preload.js');
const rendererUrl = pathToFileURL(rendererIndex).href;

let services: Services | null = null;
let mainWindow: BrowserWindow | null = null;

function isOwnPage(url: string | undefined): boolean {
  return url !== undefined && url.split('#')[0]?.split('?')[0] === rendererUrl;
}

function harden(contents: WebContents): void {
  // An offline app never navigates away from its own page...
  contents.on('will-navigate', (event, url) => {
    if (!isOwnPage(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // ...and never opens windows; web links go to the system browser.
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//i.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: 'Mizan',
    show: false,
    backgroundColor: '#f7f5f0',
    webPreferences: {
      preload: preloadScript,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadFile(rendererIndex);
  return win;
}

function buildMenu(): void {
  const isMac = process.platform === 'darwin';
  const template: Electron.MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        {
          label: 'Show Library File',
          click: () => {
            if (services) shell.showItemInFolder(services.db.path);
          },
        },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function start(): Promise<void> {
  const dbPath = process.env['MIZAN_LIBRARY'] ?? join(app.getPath('userData'), 'library.db');
  try {
    services = await createServices({ dbPath, host: 'electron' });
  } catch (error) {
    dialog.showErrorBox('Mizan cannot open its library', `${dbPath}\n\n${error instanceof Error ? error.message : String(error)}`);
    app.exit(1);
    return;
  }
  const dispatcher = createDispatcher(services.handlers, (progress: Progress) => {
    mainWindow?.webContents.send(ipcChannels.progress, progress);
  });

  ipcMain.handle(ipcChannels.invoke, async (event: IpcMainInvokeEvent, method: MethodName, input: unknown, jobId: string | null) => {
    // Only our own top-level page may call the API.
    if (!isOwnPage(event.senderFrame?.url) || event.senderFrame !== event.sender.mainFrame) {
      return { ok: false, error: { code: 'UNAUTHORIZED', message: 'calls are accepted from Mizan’s own page only' } };
    }
    return dispatcher.dispatch(String(method), input, typeof jobId === 'string' ? jobId : null);
  });

  // Nothing in Mizan needs the camera, location, notifications, ...
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  buildMenu();
  mainWindow = createWindow();
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => harden(contents));
  app.whenReady().then(start, (error: unknown) => {
    dialog.showErrorBox('Mizan failed to start', String(error));
    app.exit(1);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (services && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  app.on('will-quit', (event) => {
    if (!services) return;
    const closing = services;
    services = null;
    event.preventDefault();
    void closing.close().finally(() => app.quit());
  });
}
