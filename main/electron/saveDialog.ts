/**
 * The save dialog the core asks for when an export is saved where the person
 * chooses (`ServicesOptions.chooseSavePath`): sheet-like over the app's
 * window, starting in Documents under the name the core offers. Every
 * platform's dialog asks before a file is replaced, so a path it returns may
 * be replaced (the core does it only with a complete file).
 */
import { app, BrowserWindow, dialog, type SaveDialogOptions } from 'electron';
import { join } from 'node:path';

export async function chooseSavePath(
  suggestedName: string,
  filter: { name: string; extensions: string[] },
): Promise<string | null> {
  const options: SaveDialogOptions = {
    defaultPath: join(app.getPath('documents'), suggestedName),
    filters: [filter, { name: 'All Files', extensions: ['*'] }],
    // Linux's dialog asks before replacing a file only when told to; the others always ask.
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  };
  const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}
