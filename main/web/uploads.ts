/**
 * A library bundle uploaded from the browser, to replace the open library.
 * The page cannot hand the host a path on this machine, so the host takes
 * the file's bytes itself: streamed to a staging file as they arrive (never
 * held whole), then given to the contract's `library.importBundle`, which
 * checks the bundle (manifest, every checksum) before it touches the library
 * and keeps the current library as a backup. The staging file is removed
 * whatever happens.
 *
 * - Replacing the library is a POST that changes the disk: besides the token,
 *   it needs this server's Origin or the token header (as a download does),
 *   and a binary Content-Type, which no cross-site HTML form can send.
 * - A body declared over the limit is refused 413 before a byte is read; an
 *   undeclared (chunked) one is cut off when it passes the limit; either way
 *   the connection closes. `GET /upload/bundle` tells the page the limit, so
 *   it can say so before sending anything.
 * - The page shows the bytes sent and can cancel until the library is
 *   replaced: while bytes go out it closes the connection (the partial file
 *   goes with its folder); at any time it asks `DELETE /upload/bundle` with
 *   the upload's id, which stops the check (`library.importBundle` gives up
 *   at its next part, and at the latest before it swaps the file) and
 *   answers, once the upload is over, whether the library was replaced: a
 *   cancel that came too late is said so. A connection that closes during
 *   the check cancels it too.
 * - One upload at a time: a second one while a bundle is being received or
 *   checked gets 409.
 * - The staging file is named as the person's file (its base name, cleaned),
 *   in a folder of its own, so the bundle checks' errors name their file.
 */
import { createWriteStream } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, statfs } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '../../preload/contract';

export const UPLOAD_BUNDLE_PATH = '/upload/bundle';
/** The largest bundle taken by default: a library of a million articles bundles to a few GB. */
export const DEFAULT_MAX_UPLOAD_BYTES = 16 * 1024 ** 3;
/** What the page sends: the bytes of the file, as they are. */
const BINARY_TYPES = ['application/zip', 'application/octet-stream', 'application/x-zip-compressed'];
const FILE_NAME_HEADER = 'x-mizan-file-name';
/** The page's name for an upload, so that a cancel names the upload it means. */
const UPLOAD_ID_HEADER = 'x-mizan-upload-id';
const UPLOAD_ID = /^[A-Za-z0-9_-]{8,64}$/;
/** How many finished uploads' outcomes are kept for a cancel that arrives after the answer. */
const OUTCOMES_KEPT = 16;

type Dispatch = (method: string, input: unknown, jobId?: string | null) => Promise<Envelope<unknown>>;
type Send = (res: ServerResponse, status: number, body: unknown) => void;

export interface UploadOptions {
  /** The largest body taken, in bytes. */
  maxBytes: number;
  /** Where uploads are staged; beside the library keeps a big one off a RAM-backed /tmp. */
  stagingDir?: string;
}

type Received = { kind: 'ok' } | { kind: 'too-large' } | { kind: 'gone' } | { kind: 'failed'; error: Error };

/**
 * Writes the request body to `file` as it arrives, at the pace the disk
 * takes it. Past `maxBytes` it stops reading at once (the caller answers
 * 413 and closes); the request stays open so that answer can be sent.
 */
function receiveTo(req: IncomingMessage, file: string, maxBytes: number): Promise<Received> {
  return new Promise((resolve) => {
    const out = createWriteStream(file, { flags: 'wx' });
    let seen = 0;
    let settled = false;
    const settle = (outcome: Received) => {
      if (settled) return;
      settled = true;
      req.removeListener('data', onData);
      if (outcome.kind === 'ok') return resolve(outcome);
      req.pause();
      // The partial file is closed before its folder is removed.
      out.destroy();
      out.once('close', () => resolve(outcome));
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > maxBytes) return settle({ kind: 'too-large' });
      if (!out.write(chunk)) {
        req.pause();
        out.once('drain', () => req.resume());
      }
    };
    req.on('data', onData);
    req.once('end', () => out.end());
    req.once('error', () => settle({ kind: 'gone' }));
    req.once('close', () => {
      if (!req.complete) settle({ kind: 'gone' });
    });
    out.once('error', (error) => settle({ kind: 'failed', error }));
    out.once('close', () => {
      if (req.complete && seen <= maxBytes) settle({ kind: 'ok' });
    });
  });
}

const cancelledEnvelope = (fileName: string): Envelope<unknown> => ({
  ok: false,
  error: { code: 'CANCELLED', message: `${fileName} was not imported: cancelled; the library is unchanged` },
});

const tooLarge = (fileName: string, maxBytes: number) =>
  `${fileName} is larger than the ${maxBytes}-byte limit of bundles uploaded to the web host; ` +
  'replace the library from the command line instead (mizan import-bundle FILE)';

/** The person's file name, cleaned to a safe base name ("bundle.zip" when there is none). */
export function stagingName(header: string | string[] | undefined): string {
  let name = typeof header === 'string' ? header : '';
  try {
    name = decodeURIComponent(name);
  } catch {
    name = '';
  }
  name = (name.split(/[/\\]/).pop() ?? '')
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .trim()
    .slice(0, 120);
  return name === '' || name === '.' || name === '..' ? 'bundle.zip' : name;
}

/** The upload being received or checked. */
interface Current {
  id: string | null;
  req: IncomingMessage;
  cancelled: boolean;
  /** The check's job while it runs, to cancel it. */
  jobId: string | null;
  /** Whether the check passed and the library was replaced. */
  replaced: boolean;
  /** Resolves with `replaced`, once the upload is over. */
  done: Promise<boolean>;
}

export function createUploads(dispatch: Dispatch, sendJson: Send, options: UploadOptions) {
  const { maxBytes } = options;
  let current: Current | null = null;
  /** Finished uploads by id: whether each replaced the library (oldest first). */
  const outcomes = new Map<string, boolean>();
  const remember = (id: string | null, replaced: boolean) => {
    if (id === null) return;
    outcomes.set(id, replaced);
    if (outcomes.size > OUTCOMES_KEPT) outcomes.delete(outcomes.keys().next().value!);
  };
  const uploadId = (req: IncomingMessage): string | null => {
    const id = req.headers[UPLOAD_ID_HEADER];
    return typeof id === 'string' && UPLOAD_ID.test(id) ? id : null;
  };
  /** Stops the upload where it is: the bytes still coming, or the check. */
  const cancel = (upload: Current) => {
    upload.cancelled = true;
    if (upload.jobId) void dispatch('jobs.cancel', { jobId: upload.jobId });
  };
  const refuse = (res: ServerResponse, status: number, code: string, message: string) =>
    sendJson(res, status, { ok: false, error: { code, message } });
  /** Answers, then closes the connection: the rest of a refused body is never read. */
  const refuseAndClose = (req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string) => {
    res.setHeader('Connection', 'close');
    refuse(res, status, code, message);
    res.on('finish', () => req.destroy());
  };

  /**
   * Receives and imports one upload; answers only once its staging folder is
   * gone (and the caller has freed the slot), so a page that tries again at
   * once is not turned away by its own finished upload.
   */
  async function receive(req: IncomingMessage, res: ServerResponse, upload: Current): Promise<() => void> {
    const fileName = stagingName(req.headers[FILE_NAME_HEADER]);
    const declared = req.headers['content-length'];
    const tooBig = () => refuseAndClose(req, res, 413, 'IMPORT_TOO_LARGE', tooLarge(fileName, maxBytes));
    if (declared !== undefined && Number(declared) > maxBytes) return tooBig;
    const root = options.stagingDir ?? tmpdir();
    if (declared !== undefined) {
      // A bundle that cannot fit is refused before the disk fills up under it.
      const disk = await statfs(root).catch(() => null);
      if (disk && Number(declared) > disk.bavail * disk.bsize) {
        const why = `not enough free space in ${root} to receive ${fileName}`;
        return () => refuseAndClose(req, res, 507, 'DISK_FULL', why);
      }
    }
    const dir = await mkdtemp(join(root, '.mizan-upload-'));
    try {
      const file = join(dir, fileName);
      const received = await receiveTo(req, file, maxBytes);
      if (received.kind === 'too-large') return tooBig;
      // The browser went away mid-upload: nothing to answer, nothing kept.
      if (received.kind === 'gone') return () => res.destroy();
      if (received.kind === 'failed') {
        const full = (received.error as NodeJS.ErrnoException).code === 'ENOSPC';
        const why = `${fileName} could not be received: ${received.error.message}`;
        return () => refuseAndClose(req, res, full ? 507 : 500, full ? 'DISK_FULL' : 'INTERNAL', why);
      }
      // Cancelled after the last byte went out: the page said so, so the library is left as it is.
      if (req.socket.destroyed) return () => res.destroy();
      if (upload.cancelled) return () => sendJson(res, 200, cancelledEnvelope(fileName));
      upload.jobId = `upload-${randomUUID()}`;
      // The page closing the connection during the check is a cancel too.
      const onClose = () => cancel(upload);
      req.socket.once('close', onClose);
      let envelope: Envelope<unknown>;
      try {
        envelope = await dispatch('library.importBundle', { path: file }, upload.jobId);
      } finally {
        req.socket.removeListener('close', onClose);
        upload.jobId = null;
      }
      upload.replaced = envelope.ok;
      return () => sendJson(res, 200, envelope);
    } finally {
      await rm(dir, { recursive: true, force: true });
      remember(upload.id, upload.replaced);
    }
  }

  /** DELETE: cancels the upload named by its id, and answers once it is over whether the library was replaced. */
  async function cancelUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const id = uploadId(req);
    const upload = current;
    if (upload && (id === null || upload.id === id)) {
      cancel(upload);
      // Bytes still coming are not read: the upload ends as if the page had closed it.
      if (!upload.req.complete) upload.req.destroy();
      const replaced = await upload.done;
      sendJson(res, 200, { ok: true, value: { replaced } });
      return;
    }
    // Over already (the answer crossed the cancel), or never begun: the library is as that upload left it.
    sendJson(res, 200, { ok: true, value: { replaced: (id !== null && outcomes.get(id)) === true } });
  }

  return {
    /** Answers a request for /upload/bundle; false when the path is another. */
    async handle(req: IncomingMessage, res: ServerResponse, pathname: string, sameOrigin: boolean): Promise<boolean> {
      if (pathname !== UPLOAD_BUNDLE_PATH) return false;
      if (req.method === 'GET') {
        sendJson(res, 200, { ok: true, value: { maxBytes } });
        return true;
      }
      if (req.method === 'DELETE') {
        if (!sameOrigin) refuseAndClose(req, res, 403, 'UNAUTHORIZED', 'an upload is cancelled from the app page only');
        else await cancelUpload(req, res);
        return true;
      }
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'GET, POST, DELETE');
        refuseAndClose(req, res, 405, 'NOT_FOUND', 'a bundle is uploaded with POST');
        return true;
      }
      if (!sameOrigin) {
        refuseAndClose(req, res, 403, 'UNAUTHORIZED', 'a bundle is uploaded from the app page only');
        return true;
      }
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (!BINARY_TYPES.includes(type)) {
        const why = 'a bundle is uploaded as application/zip or application/octet-stream';
        refuseAndClose(req, res, 415, 'INVALID_ARGUMENT', why);
        return true;
      }
      if (current) {
        refuseAndClose(req, res, 409, 'CONFLICT', 'another bundle is being uploaded; wait for it to finish');
        return true;
      }
      let finish: (replaced: boolean) => void = () => undefined;
      const upload: Current = {
        id: uploadId(req),
        req,
        cancelled: false,
        jobId: null,
        replaced: false,
        done: new Promise<boolean>((resolve) => (finish = resolve)),
      };
      current = upload;
      let answer: () => void;
      try {
        answer = await receive(req, res, upload);
      } finally {
        current = null;
        finish(upload.replaced);
      }
      answer();
      return true;
    },
  };
}
