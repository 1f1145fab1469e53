/**
 * The offline HTML dossier served to the app's preview frame (the web host's
 * /dossier-preview/ID route, Electron's mizan-dossier:// protocol), with
 * headers of its own: a CSP that lets run the page's own inline script (by
 * its hash) and nothing else, no network at all, and a sandbox that gives
 * the page an opaque origin even when opened on its own. The app's CSP
 * (script-src 'self') never applies to it, so the dossier's search works in
 * the preview as it does in the saved file.
 */
import { createHash } from 'node:crypto';

/** The executable inline scripts: `<script>` without attributes (the JSON data blocks carry a type and never run). */
const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/g;

/** CSP hash sources of the page's inline scripts, as the browser hashes them (UTF-8 of the element's text). */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)].map(
    (m) =>
      `'sha256-${createHash('sha256')
        .update(m[1] ?? '', 'utf8')
        .digest('base64')}'`,
  );
}

/**
 * The preview's CSP. `frameAncestors`: who may frame it (the web host's own
 * origin, Electron's file: page). No connect-src, form-action or base: the
 * page reads only what it carries.
 */
export function previewCsp(html: string, frameAncestors: string): string {
  const scripts = inlineScriptHashes(html);
  return [
    "default-src 'none'",
    `script-src ${scripts.length > 0 ? scripts.join(' ') : "'none'"}`,
    "style-src 'unsafe-inline'",
    'font-src data:',
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors}`,
    'sandbox allow-scripts',
  ].join('; ');
}

/** Every header the preview is served with. */
export function previewHeaders(html: string, frameAncestors: string): Record<string, string> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': previewCsp(html, frameAncestors),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/** The dossier id of a preview path ("/dossier-preview/12", "//dossier/12" of mizan-dossier:), or null. */
export function previewDossierId(path: string, prefix: string): number | null {
  if (!path.startsWith(prefix)) return null;
  const rest = path.slice(prefix.length);
  if (!/^[1-9]\d{0,15}$/.test(rest)) return null;
  const id = Number(rest);
  return Number.isSafeInteger(id) ? id : null;
}
