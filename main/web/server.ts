/**
 * The localhost web host: the built renderer and the contract over HTTP, for
 * machines where Electron cannot start and for tests in a real browser.
 *
 * Security: binds 127.0.0.1 only; every request needs the per-run token
 * (header, or the cookie set when the printed URL is first opened); Host must
 * name this server (DNS rebinding) and Origin, when sent, must be this
 * server (cross-site requests).
 *
 * Decisions (tested in tests/security/webHost.security.test.ts):
 * - `?token=` is accepted only on a GET of a page, where it is traded for the
 *   cookie; an API call with the token in its query (and no header or cookie)
 *   is refused 401: a token in a URL leaks through logs and history, and a
 *   redirect would turn a POST into a GET.
 * - No CORS: preflights (OPTIONS) are refused 403 without any
 *   Access-Control-Allow-* header, so no other origin may call the API.
 * - A body declared larger than the limit is refused 413 before a byte of it
 *   is read; an undeclared (chunked) one is cut off as soon as it passes the
 *   limit. Either way the connection is closed.
 * - Slow clients: headers must arrive within `headersTimeoutMs`, the whole
 *   request within `requestTimeoutMs`.
 * - A malformed cookie is treated as no cookie (401), never a crash.
 * - `/download/bundle` (POST, from this origin or with the token header)
 *   prepares the library bundle as a one-time download (downloads.ts).
 * - `/upload/bundle` (POST, the same rule) replaces the library by an
 *   uploaded bundle, streamed to a staging file under its own limit (uploads.ts).
 * - `/dossier-preview/ID` is the offline HTML dossier for the app's preview
 *   frame, with its own CSP (previewPage.ts: its inline script by hash, no
 *   network, sandboxed); the app's CSP lets it be framed from that path only.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { contract, type Envelope, type Handlers, type Progress } from '../../preload/contract';
import { previewDossierId, previewHeaders } from '../core/dossier/previewPage';
import { createDispatcher } from '../core/rpc';
import { createDownloads } from './downloads';
import { createUploads, DEFAULT_MAX_UPLOAD_BYTES } from './uploads';

export interface WebHostOptions {
  handlers: Handlers;
  /** Folder of the built renderer (dist/renderer). */
  rendererDir: string;
  port?: number;
  token?: string;
  /** Largest request body accepted (uploads travel as base64 JSON). */
  maxBodyBytes?: number;
  /** Largest library bundle uploaded to replace the library (streamed to disk, not held). */
  maxUploadBytes?: number;
  /** Where an uploaded bundle is staged (default: the system's temporary folder). */
  uploadStagingDir?: string;
  /** Time allowed for a request's headers to arrive (slowloris). */
  headersTimeoutMs?: number;
  /** Time allowed for a whole request, body included. */
  requestTimeoutMs?: number;
}

export interface WebHost {
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const COOKIE = 'mizan_token';
const PREVIEW_PATH = '/dossier-preview/';
/** The app's pages: frames only from the dossier preview path of this very server. */
const cspFor = (origin: string) =>
  `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-src ${origin}${PREVIEW_PATH}; frame-ancestors 'none'; form-action 'none'`;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      return null; // "%E0%A4%A" and friends: a malformed cookie is no cookie
    }
  }
  return null;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(data),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(data);
}

function sendError(
  res: ServerResponse,
  status: number,
  code: 'UNAUTHORIZED' | 'INVALID_ARGUMENT' | 'NOT_FOUND',
  message: string,
): void {
  const envelope: Envelope<never> = { ok: false, error: { code, message } };
  sendJson(res, status, envelope);
}

/** Answers and closes the connection: the rest of the request is never read. */
function refuseAndClose(req: IncomingMessage, res: ServerResponse, status: number, message: string): void {
  res.setHeader('Connection', 'close');
  sendError(res, status, 'INVALID_ARGUMENT', message);
  res.on('finish', () => req.destroy());
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop reading at once; the caller answers 413 and closes.
        req.pause();
        req.removeAllListeners('data');
        chunks.length = 0;
        reject(new BodyTooLarge(`request body over ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? 512 * 1024 * 1024;
  if (!Number.isSafeInteger(maxBody) || maxBody < 0) throw new Error(`maxBodyBytes: ${maxBody} is not a byte count`);
  const listeners = new Set<ServerResponse>();
  const emit = (progress: Progress) => {
    const line = `data: ${JSON.stringify(progress)}\n\n`;
    for (const res of listeners) res.write(line);
  };
  const dispatcher = createDispatcher(options.handlers, emit, contract);
  // The library bundle as a browser download (downloads.ts).
  const downloads = createDownloads((method, input) => dispatcher.dispatch(method, input, null), sendJson);
  const maxUpload = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  if (!Number.isSafeInteger(maxUpload) || maxUpload < 0)
    throw new Error(`maxUploadBytes: ${maxUpload} is not a byte count`);
  // A bundle from the browser replaces the library (uploads.ts).
  const uploads = createUploads((method, input, jobId) => dispatcher.dispatch(method, input, jobId ?? null), sendJson, {
    maxBytes: maxUpload,
    stagingDir: options.uploadStagingDir,
  });
  let port = 0;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const allowedOrigins = () => allowedHosts().map((h) => `http://${h}`);

  function authorized(req: IncomingMessage, url: URL): 'header' | 'cookie' | 'query' | null {
    const header = req.headers['x-mizan-token'];
    if (typeof header === 'string' && safeEqual(header, token)) return 'header';
    const cookie = cookieValue(req.headers.cookie, COOKIE);
    if (cookie && safeEqual(cookie, token)) return 'cookie';
    // The address-bar token opens pages only (see the header comment).
    if (req.method !== 'GET' || url.pathname.startsWith('/api/')) return null;
    const query = url.searchParams.get('token');
    if (query && safeEqual(query, token)) return 'query';
    return null;
  }

  /** The dossier as the HTML export writes it, for the preview frame (see the header comment). */
  async function serveDossierPreview(res: ServerResponse, pathname: string, origin: string): Promise<void> {
    const id = previewDossierId(pathname, PREVIEW_PATH);
    if (id === null) return sendError(res, 404, 'NOT_FOUND', `not found: ${pathname}`);
    const envelope = await dispatcher.dispatch('dossier.exportHtml', { dossierId: id }, null);
    if (!envelope.ok) return sendJson(res, envelope.error.code === 'NOT_FOUND' ? 404 : 500, envelope);
    const { contentBase64 } = envelope.value as { contentBase64?: string };
    const body = Buffer.from(contentBase64 ?? '', 'base64');
    res.writeHead(200, { ...previewHeaders(body.toString('utf8'), origin), 'Content-Length': body.length });
    res.end(body);
  }

  async function serveStatic(res: ServerResponse, pathname: string, origin: string): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return sendError(res, 404, 'NOT_FOUND', 'not found');
    }
    // No NUL, and no ".." segment at all (even one that normalizes inside the folder).
    if (decoded.includes('\0') || decoded.split(/[/\\]/).includes('..'))
      return sendError(res, 404, 'NOT_FOUND', 'not found');
    const relative = normalize(decoded).replace(/^([/\\])+/, '');
    const root = normalize(options.rendererDir + sep);
    let file = join(root, relative === '' ? 'index.html' : relative);
    if (!file.startsWith(root)) return sendError(res, 404, 'NOT_FOUND', 'not found');
    let info = await stat(file).catch(() => null);
    if (!info || !info.isFile()) {
      // Client-side routes fall back to the app's page; missing assets are 404.
      if (extname(relative) !== '') return sendError(res, 404, 'NOT_FOUND', `not found: ${pathname}`);
      file = join(root, 'index.html');
      info = await stat(file).catch(() => null);
      if (!info) return sendError(res, 404, 'NOT_FOUND', 'the renderer is not built: run npm run build');
    }
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Content-Security-Policy': cspFor(origin),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': extname(file) === '.html' ? 'no-store' : 'private, max-age=3600',
    });
    createReadStream(file).pipe(res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (!allowedHosts().includes(host)) {
      res.writeHead(421, { 'Content-Type': 'text/plain' });
      res.end(`Mizan answers only as ${allowedHosts().join(' or ')}`);
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().includes(origin)) {
      return sendError(res, 403, 'UNAUTHORIZED', `requests from ${origin} are refused`);
    }
    if (req.method === 'OPTIONS') {
      // No CORS here: a preflight gets no Access-Control-Allow-* header.
      return sendError(res, 403, 'UNAUTHORIZED', 'cross-origin requests are refused');
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${host}`);
    } catch {
      return sendError(res, 400, 'INVALID_ARGUMENT', 'malformed request target');
    }
    const auth = authorized(req, url);
    if (!auth) return sendError(res, 401, 'UNAUTHORIZED', 'missing or wrong token: open the URL Mizan printed');

    if (auth === 'query') {
      // Trade the token in the address bar for a cookie, then drop it from the URL.
      url.searchParams.delete('token');
      res.writeHead(303, {
        Location: url.pathname + url.search,
        'Set-Cookie': `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
        'Cache-Control': 'no-store',
      });
      res.end();
      return;
    }

    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }

    const sameOrigin = auth === 'header' || (origin !== undefined && allowedOrigins().includes(origin));
    if (await downloads.handle(req, res, url.pathname, sameOrigin)) return;
    if (await uploads.handle(req, res, url.pathname, sameOrigin)) return;

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        return sendError(res, 405, 'NOT_FOUND', 'API methods are called with POST');
      }
      let method: string;
      try {
        method = decodeURIComponent(url.pathname.slice('/api/'.length));
      } catch {
        return sendError(res, 404, 'NOT_FOUND', 'malformed method name');
      }
      const declared = req.headers['content-length'];
      if (declared !== undefined && Number(declared) > maxBody) {
        return refuseAndClose(req, res, 413, `request body over ${maxBody} bytes`);
      }
      let body: Buffer;
      try {
        body = await readBody(req, maxBody);
      } catch (error) {
        if (error instanceof BodyTooLarge) return refuseAndClose(req, res, 413, error.message);
        throw error;
      }
      let payload: { input?: unknown; jobId?: unknown };
      try {
        payload = body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as typeof payload);
      } catch {
        return sendError(res, 400, 'INVALID_ARGUMENT', 'request body is not valid JSON');
      }
      const jobId = typeof payload.jobId === 'string' ? payload.jobId : null;
      const envelope = await dispatcher.dispatch(method, payload.input ?? {}, jobId);
      const status = envelope.ok ? 200 : envelope.error.code === 'UNKNOWN_METHOD' ? 404 : 200;
      return sendJson(res, status, envelope);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 404, 'NOT_FOUND', 'not found');
    if (url.pathname.startsWith(PREVIEW_PATH)) return serveDossierPreview(res, url.pathname, `http://${host}`);
    return serveStatic(res, url.pathname, `http://${host}`);
  }

  const headersTimeout = options.headersTimeoutMs ?? 30_000;
  // Node enforces both timeouts on this interval: keep it well below them.
  const server: Server = createServer(
    { connectionsCheckingInterval: Math.max(100, Math.min(30_000, Math.floor(headersTimeout / 4))) },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: String(error) } });
        else res.destroy();
      });
    },
  );
  server.headersTimeout = headersTimeout;
  // Uploads of a few hundred MB over loopback take seconds, not minutes.
  server.requestTimeout = options.requestTimeoutMs ?? 300_000;
  server.maxHeadersCount = 100;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        downloads.close();
        for (const res of listeners) res.end();
        listeners.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
