/**
 * The application menu: the standard roles and accelerators, File's import,
 * library and backup items, and Help > Open Logs Folder. What an item does to
 * the library is the shell's (main.ts), handed in as actions.
 */
import { BrowserWindow, dialog, Menu, shell } from 'electron';
import log from 'electron-log/main';
import { dirname } from 'node:path';
import type { Services } from '../core/services';
import type { menuLabels, MenuLanguage } from './menuLabels';

/** The shell's operations the menu items call. */
export interface MenuActions {
  importFromShell(paths: string[]): Promise<void>;
  switchLibrary(dbPath: string): Promise<void>;
  backupNow(reason: 'manual'): Promise<void>;
  /** The open library, or null while it is being switched. */
  currentServices(): Services | null;
}

/** A core call from a menu item: no progress to show, nothing to cancel. */
const menuCall = { progress: () => undefined, signal: new AbortController().signal };

/** Runs a menu item's work; a failure is shown in a message box naming what went wrong. */
async function runFromMenu(t: (typeof menuLabels)[MenuLanguage], work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    log.error('menu action failed', error);
    await dialog.showMessageBox({
      type: 'error',
      message: t.failed,
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}

export function installAppMenu(
  t: (typeof menuLabels)[MenuLanguage],
  { importFromShell, switchLibrary, backupNow, currentServices }: MenuActions,
): void {
  const isMac = process.platform === 'darwin';
  const template: Electron.MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: t.file,
      submenu: [
        {
          label: t.importFiles,
          accelerator: 'CmdOrCtrl+O',
          click: async () => {
            const result = await dialog.showOpenDialog({
              properties: ['openFile', 'multiSelections'],
              filters: [
                {
                  name: 'Articles',
                  extensions: [
                    'txt',
                    'html',
                    'htm',
                    'md',
                    'json',
                    'jsonl',
                    'csv',
                    'tsv',
                    'mhtml',
                    'pdf',
                    'docx',
                    'rss',
                    'atom',
                    'xml',
                    'warc',
                    'gz',
                    'wacz',
                  ],
                },
              ],
            });
            if (!result.canceled) await importFromShell(result.filePaths);
          },
        },
        {
          label: t.importFolder,
          accelerator: 'CmdOrCtrl+Shift+O',
          click: async () => {
            const result = await dialog.showOpenDialog({ properties: ['openDirectory'] });
            if (!result.canceled) await importFromShell(result.filePaths);
          },
        },
        { type: 'separator' },
        {
          label: t.openLibrary,
          click: async () => {
            const result = await dialog.showOpenDialog({
              properties: ['openFile'],
              filters: [{ name: 'Mizan library', extensions: ['db'] }],
            });
            if (!result.canceled && result.filePaths[0]) await switchLibrary(result.filePaths[0]);
          },
        },
        {
          label: t.newLibrary,
          click: async () => {
            const result = await dialog.showSaveDialog({
              defaultPath: 'library.db',
              filters: [{ name: 'Mizan library', extensions: ['db'] }],
            });
            if (!result.canceled && result.filePath) await switchLibrary(result.filePath);
          },
        },
        { label: t.backupNow, click: () => void backupNow('manual') },
        {
          label: t.exportBundle,
          click: async () => {
            const services = currentServices();
            if (!services) return;
            const result = await dialog.showSaveDialog({
              defaultPath: 'library.mizan-bundle',
              filters: [{ name: 'Mizan library bundle (ZIP)', extensions: ['mizan-bundle', 'zip'] }],
            });
            if (result.canceled || !result.filePath) return;
            await runFromMenu(t, async () => {
              const written = await services.handlers['library.exportBundle']({ path: result.filePath }, menuCall);
              await dialog.showMessageBox({ type: 'info', message: t.bundleDone(written.path) });
            });
          },
        },
        {
          label: t.importBundle,
          click: async () => {
            const services = currentServices();
            if (!services) return;
            const result = await dialog.showOpenDialog({
              properties: ['openFile'],
              filters: [{ name: 'Mizan library bundle', extensions: ['mizan-bundle', 'zip'] }],
            });
            const path = result.filePaths[0];
            if (result.canceled || !path) return;
            const answer = await dialog.showMessageBox({
              type: 'warning',
              message: t.importBundleConfirm,
              buttons: [t.replace, t.cancel],
              defaultId: 1,
              cancelId: 1,
            });
            if (answer.response !== 0) return;
            await runFromMenu(t, async () => {
              await services.handlers['library.importBundle']({ path }, menuCall);
              // The library under the page changed entirely: the page starts again on it.
              for (const window of BrowserWindow.getAllWindows()) window.webContents.reload();
            });
          },
        },
        {
          label: t.showLibrary,
          click: () => {
            const services = currentServices();
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
    {
      role: 'help',
      label: t.help,
      submenu: [
        {
          label: t.openLogs,
          click: () => void shell.openPath(dirname(log.transports.file.getFile().path)),
        },
        ...(isMac ? [] : [{ role: 'about' as const, label: t.about }]),
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
