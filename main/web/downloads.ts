/**
 * The library bundle as a browser download. The page cannot name a path on
 * this machine (that is the app's save dialog), so the host writes the
 * bundle itself, through the contract's `library.exportBundle` (the same
 * checks and snapshot as the app and the CLI), into a folder of its own,
 * and answers with a one-time address the page then opens as a download.
 *
 * - Making one is a POST that changes the disk: besides the token, it needs
 *   this server's Origin or the token header, so a page of another site
 *   (whose Origin is refused anyway) or a bare cookie cannot start one.
 * - The address is 24 random bytes, used once, gone after ten minutes; the
 *   GET still needs the token (the cookie is SameSite=Strict). The file is
 *   streamed from disk and removed when it has been sent or has expired.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '../../preload/contract';

export const DOWNLOAD_PATH = '/download/';
const BUNDLE = `${DOWNLOAD_PATH}bundle`;
/** How long a prepared download waits to be fetched. */
const KEEP_MS = 10 * 60 * 1000;

interface Prepared {
  dir: string;
  file: string;
  fileName: string;
  timer: NodeJS.Timeout;
}

type Dispatch = (method: string, input: unknown) => Promise<Envelope<unknown>>;
type Send = (res: ServerResponse, status: number, body: unknown) => void;

export function createDownloads(dispatch: Dispatch, sendJson: Send) {
  const prepared = new Map<string, Prepared>();
  const drop = (ticket: string) => {
    const p = prepared.get(ticket);
    if (!p) return;
    prepared.delete(ticket);
    clearTimeout(p.timer);
    void rm(p.dir, { recursive: true, force: true });
  };
  const refuse = (res: ServerResponse, status: number, code: string, message: string) =>
    sendJson(res, status, { ok: false, error: { code, message } });

  async function prepareBundle(res: ServerResponse, sameOrigin: boolean): Promise<void> {
    if (!sameOrigin) return refuse(res, 403, 'UNAUTHORIZED', 'a download is prepared from the app page only');
    const dir = await mkdtemp(join(tmpdir(), 'mizan-download-'));
    const fileName = `mizan-library-${new Date().toISOString().slice(0, 10)}.zip`;
    const file = join(dir, fileName);
    const envelope = await dispatch('library.exportBundle', { path: file });
    if (!envelope.ok) {
      await rm(dir, { recursive: true, force: true });
      return sendJson(res, 200, envelope);
    }
    const ticket = randomBytes(24).toString('base64url');
    const timer = setTimeout(() => drop(ticket), KEEP_MS);
    timer.unref();
    prepared.set(ticket, { dir, file, fileName, timer });
    const { bytes } = envelope.value as { bytes: number };
    sendJson(res, 200, { ok: true, value: { url: `${DOWNLOAD_PATH}${ticket}`, fileName, bytes } });
  }

  async function serve(res: ServerResponse, ticket: string, head: boolean): Promise<void> {
    const p = prepared.get(ticket);
    if (!p) return refuse(res, 404, 'NOT_FOUND', 'this download has expired or was already fetched');
    const info = await stat(p.file).catch(() => null);
    if (!info) {
      drop(ticket);
      return refuse(res, 404, 'NOT_FOUND', 'this download is gone');
    }
    res.writeHead(200, {
      'Content-Type': 'application/zip',
      'Content-Length': info.size,
      'Content-Disposition': `attachment; filename="${p.fileName}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    if (head) return void res.end();
    // Used once: a second fetch of the address finds nothing.
    prepared.delete(ticket);
    clearTimeout(p.timer);
    const stream = createReadStream(p.file);
    res.on('close', () => {
      stream.destroy();
      void rm(p.dir, { recursive: true, force: true });
    });
    stream.pipe(res);
  }

  return {
    /** Answers a request under /download/; false when the path is not one. */
    async handle(req: IncomingMessage, res: ServerResponse, pathname: string, sameOrigin: boolean): Promise<boolean> {
      if (!pathname.startsWith(DOWNLOAD_PATH)) return false;
      if (pathname === BUNDLE) {
        if (req.method !== 'POST') {
          res.setHeader('Allow', 'POST');
          refuse(res, 405, 'NOT_FOUND', 'a bundle download is prepared with POST');
        } else await prepareBundle(res, sameOrigin);
        return true;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET');
        refuse(res, 405, 'NOT_FOUND', 'a prepared download is fetched with GET');
        return true;
      }
      await serve(res, pathname.slice(DOWNLOAD_PATH.length), req.method === 'HEAD');
      return true;
    },
    close(): void {
      for (const ticket of [...prepared.keys()]) drop(ticket);
    },
  };
}
