/** UI settings, kept in a small JSON file beside the library. */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { MizanError } from '../../../preload/contract/errors';
import type { UiSettings } from '../../../preload/contract/app';

const MAX_SETTINGS_BYTES = 512 * 1024;

export interface SettingsStore {
  get(): Promise<UiSettings>;
  set(values: UiSettings): Promise<void>;
}

export function createSettingsStore(path: string | null): SettingsStore {
  let cache: UiSettings | null = null;
  let writing: Promise<void> = Promise.resolve();
  async function load(): Promise<UiSettings> {
    if (cache) return cache;
    if (path === null) return (cache = {});
    try {
      const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
      cache = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as UiSettings) : {};
    } catch {
      // Missing or damaged: UI state is not worth failing over.
      cache = {};
    }
    return cache;
  }
  return {
    get: load,
    async set(values) {
      const next = { ...(await load()) };
      for (const [k, v] of Object.entries(values)) {
        if (v === null || v === undefined) delete next[k];
        else next[k] = v;
      }
      const text = JSON.stringify(next);
      if (text.length > MAX_SETTINGS_BYTES)
        throw new MizanError('INVALID_ARGUMENT', `settings over ${MAX_SETTINGS_BYTES} bytes`);
      cache = next;
      if (path === null) return;
      const target = path;
      // Writes queue up; each one replaces the file whole (write, then rename).
      writing = writing.then(async () => {
        await writeFile(`${target}.tmp`, text, 'utf8');
        await rename(`${target}.tmp`, target);
      });
      await writing;
    },
  };
}

export function settingsPathFor(dbPath: string): string | null {
  return dbPath === ':memory:' ? null : `${dbPath}.ui.json`;
}
