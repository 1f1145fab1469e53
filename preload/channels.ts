/** IPC channel names shared by the Electron main process and the preload. */
export const ipcChannels = {
  invoke: 'mizan:invoke',
  progress: 'mizan:progress',
  /** Main to page only: ShellEvent (imports the shell started, mizan:// links). */
  shell: 'mizan:shell',
} as const;
