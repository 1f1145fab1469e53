/**
 * Chooses how the renderer reaches Mizan's core. In Electron the sandboxed
 * preload exposes `window.mizan` (a `Bridge`); served by the web host, the
 * same contract travels over HTTP on the page's own origin. Either way the
 * app talks only to `createClient(transport)`.
 */
import type { Bridge, Envelope, ErrorCode, MethodName, Progress, Transport } from '../../preload/contract';
import { fetchSend, xhrSend, type SendBody, type UploadWatch } from './uploadRequest';
import { errorCodes, MizanError } from '../../preload/contract/errors';

declare global {
  interface Window {
    /** Present only inside Electron, exposed by preload/index.ts. */
    mizan?: Bridge;
  }
}

export const TOKEN_STORAGE_KEY = 'mizan.token';
/** How long a progress-reporting call waits for the event stream to open. */
const EVENTS_OPEN_TIMEOUT_MS = 3000;

export type TransportKind = 'electron' | 'http';

export interface ChosenTransport {
  kind: TransportKind;
  transport: Transport;
}

function isBridge(value: unknown): value is Bridge {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { invoke?: unknown; onProgress?: unknown };
  return typeof candidate.invoke === 'function' && typeof candidate.onProgress === 'function';
}

/**
 * Keeps a token passed as `?token=` (for hosts that do not trade it for a
 * cookie) and removes it from the address bar so it is not bookmarked or
 * shared by accident.
 */
export function captureTokenFromUrl(location: Location, storage: Storage, history: History): void {
  const url = new URL(location.href);
  const token = url.searchParams.get('token');
  if (token === null) return;
  if (token !== '') {
    try {
      storage.setItem(TOKEN_STORAGE_KEY, token);
    } catch {
      // Storage can be disabled; the host's cookie still authenticates us.
    }
  }
  url.searchParams.delete('token');
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
}

function storedToken(storage: Storage | undefined): string | null {
  try {
    return storage?.getItem(TOKEN_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

const knownCodes: ReadonlySet<string> = new Set(errorCodes);

function asErrorCode(code: unknown): ErrorCode {
  return typeof code === 'string' && knownCodes.has(code) ? (code as ErrorCode) : 'INTERNAL';
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * A progress event as the contract's `Progress` schema reads it (unknown
 * fields dropped), or null; by hand so the first screen loads no zod (a test
 * holds it to the schema).
 */
export function readProgress(value: unknown): Progress | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { jobId, done, total, label } = value as Record<string, unknown>;
  if (typeof jobId !== 'string' || !isCount(done) || !(total === null || isCount(total))) return null;
  if (label !== undefined && typeof label !== 'string') return null;
  return label === undefined ? { jobId, done, total } : { jobId, done, total, label };
}

function failure(code: ErrorCode, message: string): Envelope<unknown> {
  return { ok: false, error: { code, message } };
}

function codeForStatus(status: number): ErrorCode {
  if (status === 401 || status === 403) return 'UNAUTHORIZED';
  if (status === 404) return 'UNKNOWN_METHOD';
  if (status === 413) return 'IMPORT_TOO_LARGE';
  return 'INTERNAL';
}

/** Reads an Envelope from any HTTP answer, including proxies' and errors' HTML. */
export async function readEnvelope(response: Response): Promise<Envelope<unknown>> {
  const text = await response.text().catch(() => '');
  let parsed: unknown = undefined;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed === 'object' && parsed !== null && 'ok' in parsed) {
    const envelope = parsed as { ok: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } };
    if (envelope.ok === true) return { ok: true, value: envelope.value };
    if (envelope.ok === false) {
      const message = typeof envelope.error?.message === 'string' ? envelope.error.message : `HTTP ${response.status}`;
      return failure(asErrorCode(envelope.error?.code), message);
    }
  }
  const snippet = text.replace(/\s+/g, ' ').trim().slice(0, 200);
  return failure(
    codeForStatus(response.status),
    `HTTP ${response.status} ${response.statusText}${snippet ? `: ${snippet}` : ''}`,
  );
}

export interface HttpTransportOptions {
  /** Origin and path prefix; '' means this page's own origin. */
  baseUrl?: string;
  fetchImpl?: typeof fetch;
  createEventSource?: (url: string) => EventSource;
  getToken?: () => string | null;
}

/** The contract over the web host: POST /api/<method>, progress over SSE. */
export function createHttpTransport(options: HttpTransportOptions = {}): Transport {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const openEvents = options.createEventSource ?? ((url: string) => new EventSource(url));
  const getToken = options.getToken ?? (() => storedToken(globalThis.sessionStorage));

  const listeners = new Set<(progress: Progress) => void>();
  let source: EventSource | null = null;
  let opened: Promise<void> | null = null;

  // One stream for the page's lifetime: opening it per job would lose the
  // first events of short jobs while the connection is being set up.
  function ensureEvents(): Promise<void> {
    if (opened && source && source.readyState !== EventSource.CLOSED) return opened;
    const stream = openEvents(`${base}/api/events`);
    source = stream;
    opened = new Promise<void>((resolve) => {
      if (stream.readyState === EventSource.OPEN) resolve();
      stream.addEventListener('open', () => resolve());
      // EventSource reconnects by itself; a job must not hang on it.
      stream.addEventListener('error', () => resolve());
    });
    stream.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (typeof event.data !== 'string') return;
      let data: unknown;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      const progress = readProgress(data);
      if (!progress) return;
      for (const listener of [...listeners]) listener(progress);
    });
    return opened;
  }

  function timeout(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  return {
    async invoke(method: MethodName, input: unknown, jobId: string | null): Promise<Envelope<unknown>> {
      if (jobId !== null) await Promise.race([ensureEvents(), timeout(EVENTS_OPEN_TIMEOUT_MS)]);
      const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
      const token = getToken();
      if (token) headers['X-Mizan-Token'] = token;
      let response: Response;
      try {
        response = await doFetch(`${base}/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ input, jobId }),
          credentials: 'same-origin',
          cache: 'no-store',
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return failure('INTERNAL', `Cannot reach the Mizan web host (${reason}). Is it still running?`);
      }
      return readEnvelope(response);
    },
    onProgress(listener: (progress: Progress) => void): () => void {
      listeners.add(listener);
      void ensureEvents();
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** Electron's bridge when the preload exposed one, else the web host. */
export function chooseTransport(): ChosenTransport {
  if (isBridge(window.mizan)) return { kind: 'electron', transport: window.mizan };
  captureTokenFromUrl(window.location, window.sessionStorage, window.history);
  return { kind: 'http', transport: createHttpTransport() };
}

/** What the web host answers when it has written the library bundle for a download. */
export interface PreparedDownload {
  url: string;
  fileName: string;
  bytes: number;
}

/**
 * Asks the web host to write the library bundle (its checks are the app's:
 * `library.exportBundle`); the answer is a one-time address to open as a download.
 */
export async function prepareBundleDownload(fetchImpl: typeof fetch = fetch): Promise<PreparedDownload> {
  const response = await fetchImpl('/download/bundle', {
    method: 'POST',
    headers: tokenHeaders(),
    credentials: 'same-origin',
  });
  const envelope = await readEnvelope(response);
  if (!envelope.ok) throw new MizanError(envelope.error.code, envelope.error.message);
  return envelope.value as PreparedDownload;
}

/** A file the person picked, as the page holds it (a DOM `File`). */
export interface PickedFile extends Blob {
  readonly name: string;
}

/** Headers every request of the page's own to the web host carries besides the cookie. */
function tokenHeaders(): Record<string, string> {
  const token = storedToken(globalThis.sessionStorage);
  return token ? { 'X-Mizan-Token': token } : {};
}

/**
 * Replaces the library by a bundle file the person picked, uploaded to the
 * web host as it is (the host checks it as the app does: `library.importBundle`,
 * the current library kept as a backup). A file over the host's limit is
 * refused here, before any byte is sent. `watch` follows the bytes sent and
 * can abort while they go out; `cancelUpload` with its id reaches the host
 * until the library is replaced.
 */
export async function uploadBundle(
  file: PickedFile,
  words: { tooLarge(name: string, limit: number): string },
  fetchImpl: typeof fetch = fetch,
  watch: UploadWatch = {},
  // Upload progress needs XMLHttpRequest; a fetch handed in (a test, a page without it) sends without.
  send: SendBody = typeof XMLHttpRequest === 'function' && fetchImpl === globalThis.fetch
    ? xhrSend()
    : fetchSend(fetchImpl),
): Promise<{ keptAside: string | null }> {
  const limits = await readEnvelope(
    await fetchImpl('/upload/bundle', { headers: tokenHeaders(), credentials: 'same-origin' }),
  );
  if (!limits.ok) throw new MizanError(limits.error.code, limits.error.message);
  const { maxBytes } = limits.value as { maxBytes: number };
  if (file.size > maxBytes) throw new MizanError('IMPORT_TOO_LARGE', words.tooLarge(file.name, maxBytes));
  const headers = {
    ...tokenHeaders(),
    'Content-Type': 'application/octet-stream',
    'X-Mizan-File-Name': encodeURIComponent(file.name),
    ...(watch.id ? { 'X-Mizan-Upload-Id': watch.id } : {}),
  };
  const envelope = await readEnvelope(await send('/upload/bundle', headers, file, watch));
  if (!envelope.ok) throw new MizanError(envelope.error.code, envelope.error.message);
  return envelope.value as { keptAside: string | null };
}

/**
 * Asks the host to cancel the upload named `id` (while bytes go out or while
 * it checks them), and answers once that upload is over whether it replaced
 * the library after all: a cancel that came too late.
 */
export async function cancelUpload(id: string, fetchImpl: typeof fetch = fetch): Promise<{ replaced: boolean }> {
  const envelope = await readEnvelope(
    await fetchImpl('/upload/bundle', {
      method: 'DELETE',
      headers: { ...tokenHeaders(), 'X-Mizan-Upload-Id': id },
      credentials: 'same-origin',
    }),
  );
  if (!envelope.ok) throw new MizanError(envelope.error.code, envelope.error.message);
  return envelope.value as { replaced: boolean };
}
