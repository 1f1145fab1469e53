/**
 * The sandboxed preload: exposes the contract's transport as `window.mizan`,
 * plus the two things only a desktop window has: the real path of a dropped
 * file, and the shell's events (imports it started, mizan:// links).
 * Nothing else crosses: no ipcRenderer, no Node. The renderer builds its
 * typed client from this with createClient(), as it does over HTTP.
 * Bundled into one file (preload/vite.config.ts): a sandboxed preload
 * cannot require its own modules.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { ipcChannels } from './channels';
import type { Bridge, DroppedFile, Envelope, MethodName, Progress, ShellEvent } from './contract';

/** Passes the main process's messages on one channel to a page listener, returning the unsubscribe. */
function listen<T>(channel: string, listener: (message: T) => void): () => void {
  const handler = (_event: IpcRendererEvent, message: T) => listener(message);
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
}

const bridge: Bridge = {
  invoke: (method: MethodName, input: unknown, jobId: string | null) =>
    ipcRenderer.invoke(ipcChannels.invoke, method, input, jobId) as Promise<Envelope<unknown>>,
  onProgress: (listener: (progress: Progress) => void) => listen(ipcChannels.progress, listener),
  onShellEvent: (listener: (event: ShellEvent) => void) => listen(ipcChannels.shell, listener),
  // A page-made Blob (not a real File) makes webUtils throw: no path, then.
  pathForFile(file: DroppedFile): string {
    try {
      return webUtils.getPathForFile(file as File);
    } catch {
      return '';
    }
  },
};

contextBridge.exposeInMainWorld('mizan', bridge);
