/**
 * What a launch asks for: files to import (command line, file associations,
 * a second launch forwarded by the single-instance lock) and `mizan://`
 * links. Pure, so it is tested without Electron.
 */
import { isAbsolute, resolve } from 'node:path';

export const PROTOCOL = 'mizan';
/** Extensions the file associations in electron-builder.yml hand to Mizan. */
export const importExtensions = ['.html', '.htm', '.txt', '.json', '.jsonl', '.md', '.csv'] as const;

export type MizanLink =
  { kind: 'article'; id: number } | { kind: 'dossier'; id: number } | { kind: 'search'; query: string };

export interface LaunchRequest {
  files: string[];
  links: MizanLink[];
}

/** `mizan://article/12`, `mizan://dossier/3`, `mizan://search?q=...`; anything else is null. */
export function parseMizanLink(raw: string): MizanLink | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${PROTOCOL}:`) return null;
  // mizan://article/12 parses with host "article" and path "/12".
  const parts = [url.hostname, ...url.pathname.split('/')].filter((p) => p !== '');
  const [kind, id] = parts;
  if (
    (kind === 'article' || kind === 'dossier') &&
    id !== undefined &&
    /^[1-9]\d{0,15}$/.test(id) &&
    parts.length === 2
  ) {
    return { kind, id: Number(id) };
  }
  if (kind === 'search' && parts.length === 1) {
    const query = url.searchParams.get('q');
    if (query !== null && query.length > 0 && query.length <= 1000) return { kind: 'search', query };
  }
  return null;
}

/**
 * Reads argv after the executable (and, unpackaged, the app folder): switches
 * are skipped, links parsed, and files kept when their extension is one Mizan
 * imports. Relative paths resolve against the launching process's folder.
 */
export function parseLaunchArgs(argv: readonly string[], cwd: string, skip: number): LaunchRequest {
  const files: string[] = [];
  const links: MizanLink[] = [];
  for (const arg of argv.slice(skip)) {
    if (arg.startsWith('-')) continue;
    if (arg.toLowerCase().startsWith(`${PROTOCOL}:`)) {
      const link = parseMizanLink(arg);
      if (link) links.push(link);
      continue;
    }
    const lower = arg.toLowerCase();
    if (!importExtensions.some((ext) => lower.endsWith(ext))) continue;
    files.push(isAbsolute(arg) ? arg : resolve(cwd, arg));
  }
  return { files, links };
}
