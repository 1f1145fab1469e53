/**
 * The Electron shell's security decisions as pure functions (no electron
 * import), so tests/security checks them directly as well as checking that
 * main.ts wires them in.
 */

/** The dossier preview's own scheme (dossierProtocol.ts), served by the main process from the library. */
export const DOSSIER_SCHEME = 'mizan-dossier';

/** Schemes the offline app may load at run time; everything else (http, https, ws, ftp, ...) is cancelled. */
export const allowedRequestSchemes = ['file:', 'devtools:', 'data:', 'blob:', `${DOSSIER_SCHEME}:`] as const;

/** A response that keeps its own CSP (the dossier preview's, stricter than the app's) rather than the app's. */
export function keepsOwnCsp(url: string): boolean {
  return url.toLowerCase().startsWith(`${DOSSIER_SCHEME}:`);
}

export function isAllowedRequest(url: string): boolean {
  const colon = url.indexOf(':');
  if (colon < 1) return false;
  const scheme = url.slice(0, colon + 1).toLowerCase();
  return (allowedRequestSchemes as readonly string[]).includes(scheme);
}

/** Our own page, whatever its hash or query: `file:///.../renderer/index.html`. */
export function isOwnPage(url: string | undefined, rendererUrl: string): boolean {
  if (url === undefined) return false;
  const bare = url.split('#')[0]?.split('?')[0];
  return bare === rendererUrl;
}

/**
 * Links the user clicked that may go to the system browser: http(s) with a
 * host, no credentials, nothing else (no file:, smb:, javascript:, custom schemes
 * that launch local programs).
 */
export function isExternalWebLink(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === ''
  );
}

/**
 * The same CSP as the renderer's <meta> and the web host's header, enforced as a response header too;
 * the only frames are the dossier previews.
 */
export const electronCsp =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-src mizan-dossier:; form-action 'none'";
