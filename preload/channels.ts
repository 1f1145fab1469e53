/** IPC channel names shared by the Electron main process and the preload. */
export const ipcChannels = {
  invoke: 'mizan:invoke',
  progress: 'mizan:progress',
} as const;
