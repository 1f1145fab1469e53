/**
 * The Electron shell's security decisions as pure functions (no electron
 * import), so tests/security checks them directly as well as checking that
 * main.ts wires them in.
 */

/** Schemes the offline app may load at run time; everything else (http, https, ws, ftp, ...) is cancelled. */
export const allowedRequestSchemes = ['file:', 'devtools:', 'data:', 'blob:'] as const;

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

/** The same CSP as the renderer's <meta> and the web host's header, enforced as a response header too. */
export const electronCsp =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-src 'none'; form-action 'none'";
