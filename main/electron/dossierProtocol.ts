/**
 * `mizan-dossier://dossier/ID`: the offline HTML dossier for the app's
 * preview frame, served by the main process with the headers of
 * main/core/dossier/previewPage.ts (its inline script by hash, no network,
 * sandboxed to an opaque origin). The page's own CSP (policy.ts) allows frames
 * of this scheme only, and the session keeps this response's CSP instead of
 * the app's (main.ts), so the dossier's search runs in the preview and
 * nothing else does.
 */
import { protocol } from 'electron';
import { previewDossierId, previewHeaders } from '../core/dossier/previewPage';
import { DOSSIER_SCHEME } from './policy';

/** Before the app is ready: a standard, secure scheme (an origin of its own), with no fetch, CORS or CSP bypass. */
export function registerDossierScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: DOSSIER_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, bypassCSP: false } },
  ]);
}

/** Once the app is ready: answers GET mizan-dossier://dossier/ID with that dossier's HTML export. */
export function serveDossierPreviews(exportHtml: (dossierId: number) => Promise<string>): void {
  protocol.handle(DOSSIER_SCHEME, async (request) => {
    const url = new URL(request.url);
    const id = url.host === 'dossier' ? previewDossierId(url.pathname, '/') : null;
    if (request.method !== 'GET' || id === null) return new Response('not found', { status: 404 });
    try {
      const html = await exportHtml(id);
      // Only Mizan's own page (a file: URL) may frame it.
      return new Response(html, { status: 200, headers: previewHeaders(html, 'file:') });
    } catch (error) {
      return new Response(error instanceof Error ? error.message : String(error), { status: 404 });
    }
  });
}
