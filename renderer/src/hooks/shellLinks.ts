/**
 * Routes the page is asked to open: a mizan:// link (the shell turns
 * `mizan://article/12` into the route `article/12`), or the same route as
 * the address's hash (`#article/12`, `#dossier/3`, `#search?q=...`), which
 * is how the web host and a cold start of the desktop app receive them.
 * Also listens to the shell's other events (imports it started), so the
 * page refreshes without a reload.
 */
import { useEffect, useRef } from 'react';
import type { ErrorCode, ImportReport } from '../../../preload/contract';

export type Route =
  { kind: 'article'; id: number } | { kind: 'dossier'; id: number } | { kind: 'search'; query: string };

const MAX_QUERY = 1000;

/** The route a hash or a shell route names, or null when it names nothing we open. Strict: no extra segments. */
export function parseRoute(raw: string): Route | null {
  const route = raw.startsWith('#') ? raw.slice(1) : raw;
  const item = /^(article|dossier)\/([1-9][0-9]{0,15})$/.exec(route);
  if (item) {
    const id = Number(item[2]);
    return Number.isSafeInteger(id) ? { kind: item[1] as 'article' | 'dossier', id } : null;
  }
  if (route.startsWith('search?')) {
    let query: string | null;
    try {
      query = new URLSearchParams(route.slice('search?'.length)).get('q');
    } catch {
      return null;
    }
    const trimmed = query?.trim() ?? '';
    return trimmed !== '' && trimmed.length <= MAX_QUERY ? { kind: 'search', query: trimmed } : null;
  }
  return null;
}

export interface ShellLinkHandlers {
  onRoute(route: Route): void;
  /** A hash or link that names nothing we can open (shown to the user, never silently dropped). */
  onBadRoute(raw: string): void;
  /** Files the shell asks the page to import (menu, command line, a second launch). */
  onImportPaths(paths: string[]): void;
  onImported(report: ImportReport): void;
  onImportFailed(error: { code: ErrorCode; message: string }): void;
}

/** Opens the route in the hash (then clears it, so the same link opened again still fires), and the shell's links. */
export function useShellLinks(handlers: ShellLinkHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    const open = (raw: string) => {
      const route = parseRoute(raw);
      if (route) latest.current.onRoute(route);
      else latest.current.onBadRoute(raw);
    };
    const fromHash = () => {
      const hash = window.location.hash;
      if (hash === '' || hash === '#') return;
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}`);
      open(hash);
    };
    fromHash();
    window.addEventListener('hashchange', fromHash);
    const unsubscribe = window.mizan?.onShellEvent((event) => {
      if (event.kind === 'open') open(event.route);
      else if (event.kind === 'importPaths') latest.current.onImportPaths(event.paths);
      else if (event.kind === 'imported') latest.current.onImported(event.report);
      else latest.current.onImportFailed(event.error);
    });
    return () => {
      window.removeEventListener('hashchange', fromHash);
      unsubscribe?.();
    };
  }, []);
}
