/**
 * The sandboxed preload: exposes the contract's transport as `window.mizan`.
 * Nothing else crosses: no ipcRenderer, no Node. The renderer builds its
 * typed client from this with createClient(), as it does over HTTP.
 * Bundled into one file (preload/vite.config.ts): a sandboxed preload
 * cannot require its own modules.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { ipcChannels } from './channels';
import type { Bridge, Envelope, MethodName, Progress } from './contract';

const bridge: Bridge = {
  invoke: (method: MethodName, input: unknown, jobId: string | null) =>
    ipcRenderer.invoke(ipcChannels.invoke, method, input, jobId) as Promise<Envelope<unknown>>,
  onProgress(listener: (progress: Progress) => void) {
    const handler = (_event: IpcRendererEvent, progress: Progress) => listener(progress);
    ipcRenderer.on(ipcChannels.progress, handler);
    return () => {
      ipcRenderer.removeListener(ipcChannels.progress, handler);
    };
  },
};

contextBridge.exposeInMainWorld('mizan', bridge);
