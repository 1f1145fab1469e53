/**
 * The Electron shell: one hardened window over the same services as the CLI
 * and the web host. The only door from the page into the process is the
 * contract's invoke channel, and only from our own page.
 *
 * Security checklist (each item is checked by tests/security/electronMain.test.ts,
 * which parses this file, and by `npm run security` / electronegativity):
 * contextIsolation, sandbox, no nodeIntegration (pages and workers),
 * webSecurity, no insecure content, no Auxclick, no webview; navigation,
 * redirects and new windows refused; permission requests and checks denied;
 * no network at run time (every non-file request cancelled); a CSP header on
 * top of the page's <meta>; IPC only from our own top frame; the system
 * browser only for http(s) links the user clicked.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  screen,
  session,
  shell,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import log from 'electron-log/main';
import { readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  contract,
  ipcChannels,
  MizanError,
  type ImportReport,
  type MethodName,
  type Progress,
  type ShellEvent,
} from '../../preload/contract';
import {
  backupDirFor,
  createBackup,
  latestGoodBackup,
  listBackups,
  recoverFromLatestBackup,
  restoreBackup,
} from '../core/db/backup';
import { createDispatcher, type Dispatcher } from '../core/rpc';
import { createServices, type Services } from '../core/services';
import { installAppMenu } from './appMenu';
import { registerDossierScheme, serveDossierPreviews } from './dossierProtocol';
import { chooseSavePath } from './saveDialog';
import { parseLaunchArgs, PROTOCOL, type LaunchRequest, type MizanLink } from './launchArgs';
import { menuLabels, menuLanguage } from './menuLabels';
import { electronCsp, isAllowedRequest, isExternalWebLink, isOwnPage, keepsOwnCsp } from './policy';
import { defaultSize, placeOnDisplays, readWindowState, writeWindowState } from './windowState';

const rendererIndex = join(__dirname, '..', '..', 'renderer', 'index.html');
const preloadScript = join(__dirname, '..', '..', 'electron-preload', 'preload.js');
const rendererUrl = pathToFileURL(rendererIndex).href;
/** Automatic backups while the app runs (and one at start when the last is older). */
const BACKUP_EVERY_MS = 6 * 60 * 60 * 1000;

let services: Services | null = null;
let dispatcher: Dispatcher | null = null;
let mainWindow: BrowserWindow | null = null;
let backupTimer: NodeJS.Timeout | null = null;
/** True once the page has loaded and can hear shell events. */
let pageLoaded = false;
/** Files and links that arrived before the window was ready. */
const pending: LaunchRequest = { files: [], links: [] };

log.initialize();
log.transports.file.level = 'info';
log.errorHandler.startCatching({ showDialog: false });

function labels() {
  return menuLabels[menuLanguage(app.getLocale())];
}

function harden(contents: WebContents): void {
  // An offline app never navigates away from its own page...
  contents.on('will-navigate', (event, url) => {
    if (!isOwnPage(url, rendererUrl)) {
      event.preventDefault();
      log.warn(`navigation refused: ${url.slice(0, 200)}`);
    }
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // ...and never opens windows. A link the user clicked (target=_blank: the
  // renderer marks article links so) goes to the system browser when it is http(s).
  contents.setWindowOpenHandler(({ url }) => {
    // Only http(s) URLs without credentials (isExternalWebLink), only from a click this handler receives.
    // The scan reads its waiver on the line of the call, and the security suite mutates this very line: one line.
    // prettier-ignore
    if (isExternalWebLink(url)) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: http(s) URLs without credentials only, from a click the handler receives
    else log.warn(`window.open refused: ${url.slice(0, 200)}`);
    return { action: 'deny' };
  });
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  // Nothing in Mizan needs the camera, location, notifications, ...
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // No network of any kind at run time: only the app's own files load.
  ses.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    const allowed = isAllowedRequest(details.url);
    if (!allowed) log.warn(`request blocked: ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    // The dossier preview comes with a stricter CSP of its own (dossierProtocol.ts).
    if (keepsOwnCsp(details.url)) return callback({ responseHeaders: details.responseHeaders });
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [electronCsp] } }); // eng-disable CSP_GLOBAL_CHECK: electronCsp (policy.ts) is the renderer's own <meta> policy, which the scan evaluates in renderer/index.html
  });
}

function createWindow(): BrowserWindow {
  const statePath = join(app.getPath('userData'), 'window-state.json');
  const saved = readWindowState(statePath);
  const bounds = saved
    ? placeOnDisplays(
        saved.bounds,
        screen.getAllDisplays().map((d) => d.workArea),
      )
    : null;
  const win = new BrowserWindow({
    ...(bounds ?? defaultSize),
    minWidth: 720,
    minHeight: 480,
    title: 'Mizan',
    show: false,
    backgroundColor: '#f7f5f0',
    webPreferences: {
      preload: preloadScript, // eng-disable PRELOAD_JS_CHECK: our own bundled preload (preload/index.ts), sandboxed, contract transport only
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
    },
  });
  if (saved?.maximized) win.maximize();
  const remember = () => {
    if (win.isDestroyed() || win.isMinimized()) return;
    try {
      writeWindowState(statePath, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
    } catch (error) {
      log.warn(`window state not saved: ${String(error)}`);
    }
  };
  win.on('close', remember);
  win.once('ready-to-show', () => win.show());
  // A new document (not a hash change: that is did-navigate-in-page) cannot hear events until it has loaded.
  win.webContents.on('did-navigate', () => {
    pageLoaded = false;
  });
  // What arrived while it loaded: links become the page's hash (read at start), files are imported.
  win.webContents.on('did-finish-load', () => {
    pageLoaded = true;
    flushPending();
  });
  void win.loadFile(rendererIndex);
  return win;
}

function notify(message: string, detail?: string): void {
  const options = { type: 'info' as const, message, detail, buttons: ['OK'] };
  if (mainWindow) void dialog.showMessageBox(mainWindow, options);
  else void dialog.showMessageBox(options);
}

function sendToPage(event: ShellEvent): boolean {
  if (!mainWindow || mainWindow.isDestroyed() || !pageLoaded) return false;
  mainWindow.webContents.send(ipcChannels.shell, event);
  return true;
}

/**
 * Imports through the contract's own dispatcher: progress reaches the
 * renderer on the progress channel, and the outcome as a shell event, so the
 * page refreshes its list and shows the report without a reload (which
 * would lose the reader's place and any dialog).
 */
async function importPaths(paths: string[]): Promise<void> {
  if (!dispatcher || paths.length === 0) return;
  const jobId = `shell-import-${Date.now().toString(36)}`;
  log.info(`importing ${paths.length} path(s) from the shell`);
  const envelope = await dispatcher.dispatch('library.importFiles', { paths }, jobId);
  if (!envelope.ok) {
    log.warn(`shell import failed: ${envelope.error.code}: ${envelope.error.message}`);
    if (!sendToPage({ kind: 'importFailed', error: envelope.error }))
      notify(labels().failed, `${envelope.error.code}: ${envelope.error.message}`);
    return;
  }
  const report = envelope.value as ImportReport;
  log.info(
    `shell import: ${report.imported.length} imported, ${report.duplicates.length} duplicate(s), ${report.errors.length} error(s)`,
  );
  if (!sendToPage({ kind: 'imported', report })) {
    notify(
      labels().importDone(report.imported.length, report.errors.length),
      report.errors
        .slice(0, 10)
        .map((e) => `${e.path}: ${e.message}`)
        .join('\n') || undefined,
    );
  }
}

/**
 * Files to import from the menu, the command line or a second launch: the
 * page imports them as it would a drop (progress and cancel in its jobs,
 * the CSV/TSV column dialog, the report); the shell imports them itself
 * only when no page is there to take them.
 */
async function importFromShell(paths: string[]): Promise<void> {
  if (paths.length === 0) return;
  if (!sendToPage({ kind: 'importPaths', paths })) await importPaths(paths);
}

/** The page route of a link: the renderer reads it (#article/12, #dossier/3, #search?q=...). */
function routeOf(link: MizanLink): string {
  return link.kind === 'search' ? `search?q=${encodeURIComponent(link.query)}` : `${link.kind}/${link.id}`;
}

function openLink(link: MizanLink): void {
  if (!mainWindow) return;
  const route = routeOf(link);
  // A loaded page is told (no reload); a page still loading reads the hash when it starts.
  if (!sendToPage({ kind: 'open', route })) void mainWindow.loadFile(rendererIndex, { hash: route });
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function handleLaunch(request: LaunchRequest): void {
  // Until the page has loaded, nothing could show the outcome: keep the request for flushPending.
  if (!mainWindow || !dispatcher || !pageLoaded) {
    pending.files.push(...request.files);
    pending.links.push(...request.links);
    return;
  }
  if (request.files.length > 0) void importFromShell(request.files);
  for (const link of request.links) openLink(link);
}

function flushPending(): void {
  const files = pending.files.splice(0);
  const links = pending.links.splice(0);
  // The page has just loaded: React may not listen yet, so the last link becomes the hash it reads at start.
  const last = links.at(-1);
  if (last && mainWindow) void mainWindow.loadFile(rendererIndex, { hash: routeOf(last) });
  // Imported by the shell: the page may not listen yet (as for links above).
  if (files.length > 0) void importPaths(files);
}

/** How many argv entries precede the user's arguments: the executable, plus the app folder when unpackaged. */
function argvSkip(): number {
  return app.isPackaged ? 1 : 2;
}

async function backupNow(reason: 'manual' | 'scheduled'): Promise<void> {
  if (!services) return;
  try {
    const info = await createBackup(services.db, { reason });
    log.info(`backup (${reason}) written: ${info.path} (${info.bytes} bytes)`);
    if (reason === 'manual') notify(labels().backupDone(info.path));
  } catch (error) {
    log.error(`backup (${reason}) failed: ${String(error)}`);
    if (reason === 'manual') notify(labels().failed, String(error));
  }
}

function buildMenu(): void {
  installAppMenu(labels(), { importFromShell, switchLibrary, backupNow, currentServices: () => services });
}

function dispatcherFor(open: Services): Dispatcher {
  return createDispatcher(
    open.handlers,
    (progress: Progress) => {
      mainWindow?.webContents.send(ipcChannels.progress, progress);
    },
    contract,
  );
}

/** The library the user chose last (File > Open/New Library), kept in userData. */
function chosenLibraryFile(): string {
  return join(app.getPath('userData'), 'library-choice.json');
}

function readChosenLibrary(): string | null {
  try {
    const data = JSON.parse(readFileSync(chosenLibraryFile(), 'utf8')) as { libraryPath?: unknown };
    return typeof data.libraryPath === 'string' && isAbsolute(data.libraryPath) ? data.libraryPath : null;
  } catch {
    return null;
  }
}

/** Switches to another library file: opens it first (checked, migrated), then closes the old one. */
async function switchLibrary(dbPath: string): Promise<void> {
  if (!services || services.db.path === dbPath) return;
  const next = await openServices(dbPath);
  if (!next) return; // the old library stays open
  const previous = services;
  dispatcher = null;
  services = next;
  dispatcher = dispatcherFor(next);
  await previous.close().catch((error: unknown) => log.warn(`closing ${previous.db.path}: ${String(error)}`));
  writeFileSync(chosenLibraryFile(), JSON.stringify({ libraryPath: dbPath }));
  log.info(`switched to library ${dbPath}`);
  mainWindow?.webContents.reload();
}

/** Opens the library; on LIBRARY_CORRUPT offers to restore the last good backup (the damaged file is kept aside). */
async function openServices(dbPath: string): Promise<Services | null> {
  try {
    const opened = await createServices({ dbPath, host: 'electron', chooseSavePath });
    watchIntegrityCheck(opened);
    return opened;
  } catch (error) {
    log.error(`library ${dbPath} did not open: ${String(error)}`);
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof MizanError && error.code === 'LIBRARY_CORRUPT' && !/no good backup/.test(message)) {
      const choice = await dialog.showMessageBox({
        type: 'error',
        message: 'Mizan’s library is damaged',
        detail: `${message}\n\nThe damaged file will be kept in ${backupDirFor(dbPath)}.`,
        buttons: ['Restore the last good backup', 'Quit'],
        defaultId: 0,
        cancelId: 1,
      });
      if (choice.response === 0) {
        const { restoredFrom, keptAside } = await recoverFromLatestBackup(dbPath);
        log.warn(`restored ${restoredFrom.path}; damaged file kept as ${keptAside}`);
        const restored = await createServices({ dbPath, host: 'electron', chooseSavePath });
        watchIntegrityCheck(restored);
        return restored;
      }
      return null;
    }
    dialog.showErrorBox('Mizan cannot open its library', `${dbPath}\n\n${message}`);
    return null;
  }
}

/**
 * A big library is checked after it opens (librarySafety.ts): writes wait for
 * the check; when it fails, every call answers LIBRARY_CORRUPT and the same
 * way out as on open is offered here, the restore done in place.
 */
function watchIntegrityCheck(opened: Services): void {
  void opened.db.checked().then(async (failure) => {
    if (!failure || services !== opened) return;
    log.error(`library ${opened.db.path} failed its integrity check: ${failure.message}`);
    const good = await latestGoodBackup(opened.db.path);
    if (!good) {
      dialog.showErrorBox('Mizan’s library is damaged', failure.message);
      return;
    }
    const choice = await dialog.showMessageBox({
      type: 'error',
      message: 'Mizan’s library is damaged',
      detail: `${failure.message}\n\nThe damaged file will be kept in ${backupDirFor(opened.db.path)}.`,
      buttons: ['Restore the last good backup', 'Not now'],
      defaultId: 0,
      cancelId: 1,
    });
    if (choice.response !== 0) return;
    const { keptAside } = await restoreBackup(opened.db, good.name);
    log.warn(`restored ${good.path}; damaged file kept as ${keptAside}`);
    mainWindow?.webContents.reload();
  });
}

async function start(): Promise<void> {
  lockDownSession();
  const dbPath = process.env['MIZAN_LIBRARY'] ?? readChosenLibrary() ?? join(app.getPath('userData'), 'library.db');
  services = await openServices(dbPath);
  if (!services) {
    app.exit(1);
    return;
  }
  dispatcher = dispatcherFor(services);
  serveDossierPreviews(async (dossierId) => {
    const envelope = await dispatcher?.dispatch('dossier.exportHtml', { dossierId }, null);
    if (!envelope?.ok) throw new Error(envelope ? envelope.error.message : 'the library is being switched');
    const { contentBase64 } = envelope.value as { contentBase64?: string };
    return Buffer.from(contentBase64 ?? '', 'base64').toString('utf8');
  });

  ipcMain.handle(
    ipcChannels.invoke,
    async (event: IpcMainInvokeEvent, method: MethodName, input: unknown, jobId: string | null) => {
      // Only our own top-level page may call the API.
      if (!isOwnPage(event.senderFrame?.url, rendererUrl) || event.senderFrame !== event.sender.mainFrame) {
        log.warn(`IPC refused from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
        return { ok: false, error: { code: 'UNAUTHORIZED', message: 'calls are accepted from Mizan’s own page only' } };
      }
      if (!dispatcher)
        return { ok: false, error: { code: 'INTERNAL', message: 'the library is being switched; try again' } };
      return dispatcher.dispatch(String(method), input, typeof jobId === 'string' ? jobId : null);
    },
  );

  buildMenu();
  mainWindow = createWindow();
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  handleLaunch(parseLaunchArgs(process.argv, process.cwd(), argvSkip()));
  backupTimer = setInterval(() => void backupNow('scheduled'), BACKUP_EVERY_MS);
  backupTimer.unref();
  // Short sessions still get backed up: one now when the newest is older than the interval.
  void listBackups(backupDirFor(services.db.path)).then((all) => {
    const newest = all.find((b) => b.reason !== 'replaced');
    if (!newest || Date.now() - Date.parse(newest.createdAt) > BACKUP_EVERY_MS) void backupNow('scheduled');
  });
  log.info(`Mizan ${app.getVersion()} started on ${dbPath}`);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerDossierScheme();
  if (!app.isDefaultProtocolClient(PROTOCOL)) app.setAsDefaultProtocolClient(PROTOCOL); // eng-disable PROTOCOL_HANDLER_JS_CHECK: mizan:// links are parsed by parseMizanLink into article/dossier id or a search query, nothing else
  // A second launch (files from the file manager, a mizan:// link) lands here.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    handleLaunch(parseLaunchArgs(argv, workingDirectory, argvSkip()));
  });
  // macOS delivers links and files as events instead of argv.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    handleLaunch(parseLaunchArgs([url], process.cwd(), 0));
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    handleLaunch(parseLaunchArgs([path], process.cwd(), 0));
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
    if (backupTimer) clearInterval(backupTimer);
    if (!services) return;
    const closing = services;
    services = null;
    event.preventDefault();
    void closing.close().finally(() => app.quit());
  });
}
