import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the app keeps its library: Electron's userData folder for the
 * product name "Mizan", computed without Electron so the CLI and the web
 * host open the very same file. MIZAN_LIBRARY overrides it.
 */
export function defaultLibraryPath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env['MIZAN_LIBRARY']) return env['MIZAN_LIBRARY'];
  return join(userDataDir(env, platform), 'library.db');
}

export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'Mizan');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Mizan');
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'Mizan');
}
