/**
 * Attacks on the web host beyond the basic doors of tests/contract/webHost:
 * oversized bodies, slow clients, malformed cookies and targets, the token in
 * an API call's query, CORS preflights. Raw sockets where node:http would
 * tidy the attack away.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { unzipSync, zipSync } from 'fflate';
import { createServices, type Services } from '../../main/core/services';
import { startWebHost, type WebHost } from '../../main/web/server';
import { stagingName } from '../../main/web/uploads';
import { seedPath, tempDir } from '../support/paths';
import { rawRequest as call } from '../support/rawHttp';

/** Writes `head` on a raw socket, then whatever `feed` writes; resolves with all the server sent and whether it closed. */
function rawSocket(
  port: number,
  head: string,
  feed?: (socket: Socket) => void,
  waitMs = 5_000,
): Promise<{ text: string; closed: boolean; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let text = '';
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, closed, ms: Date.now() - started });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('close', () => finish(true));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // The server closing under an unfinished upload shows up as EPIPE/ECONNRESET.
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') finish(true);
      else reject(error);
    });
    socket.on('connect', () => {
      socket.write(head);
      feed?.(socket);
    });
  });
}

const LIMIT = 64 * 1024;
/** Bundles are taken up to this size here: a small library's bundle is well under it. */
const UPLOAD_LIMIT = 4 * 1024 * 1024;

describe('web host under attack', () => {
  let services: Services;
  let host: WebHost;
  let hostHeader: string;
  let auth: Record<string, string>;
  let dir: string;
  let staging: string;

  beforeAll(async () => {
    dir = tempDir('mizan-sec-');
    staging = join(dir, 'staging');
    mkdirSync(staging);
    const rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Mizan</title>');
    services = await createServices({ dbPath: join(dir, 'library.db'), host: 'test' });
    host = await startWebHost({
      handlers: services.handlers,
      rendererDir,
      maxBodyBytes: LIMIT,
      maxUploadBytes: UPLOAD_LIMIT,
      uploadStagingDir: staging,
      headersTimeoutMs: 800,
      requestTimeoutMs: 1_500,
    });
    hostHeader = `127.0.0.1:${host.port}`;
    auth = { 'X-Mizan-Token': host.token, Host: hostHeader };
  });
  afterAll(async () => {
    await host?.close();
    await services?.close();
  });

  it('refuses a body declared over the limit with 413 before reading it, and closes', async () => {
    let sent = 0;
    const declared = 200 * 1024 * 1024;
    const head = `POST /api/app.info HTTP/1.1\r\nHost: ${hostHeader}\r\nX-Mizan-Token: ${host.token}\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n`;
    const result = await rawSocket(host.port, head, (socket) => {
      // Keep pushing; a server that buffers would read all 200 MB.
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (!socket.destroyed && sent < declared) {
          sent += chunk.length;
          if (!socket.write(chunk)) return void socket.once('drain', pump);
        }
      };
      pump();
    });
    expect(result.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(result.text).toContain('"code":"INVALID_ARGUMENT"');
    expect(result.closed).toBe(true);
    expect(sent).toBeLessThan(declared / 4);
  });

  it('cuts off a chunked body as soon as it passes the limit', async () => {
    const head = `POST /api/app.info HTTP/1.1\r\nHost: ${hostHeader}\r\nX-Mizan-Token: ${host.token}\r\nTransfer-Encoding: chunked\r\n\r\n`;
    let sent = 0;
    const result = await rawSocket(host.port, head, (socket) => {
      const piece = 'x'.repeat(16 * 1024);
      const frame = `${piece.length.toString(16)}\r\n${piece}\r\n`;
      const timer = setInterval(() => {
        if (socket.destroyed || sent > 50 * LIMIT) return clearInterval(timer);
        sent += piece.length;
        socket.write(frame);
      }, 2);
    });
    expect(result.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(result.closed).toBe(true);
    expect(sent).toBeLessThan(50 * LIMIT);
  });

  it('accepts a body just under the limit', async () => {
    const padding = 'a'.repeat(LIMIT - 200);
    const res = await call(host.port, '/api/app.info', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ input: {}, pad: padding }),
    });
    expect(res.status).toBe(200);
  });

  it('drops a client that sends its headers too slowly (slowloris)', async () => {
    const result = await rawSocket(
      host.port,
      `GET / HTTP/1.1\r\nHost: ${hostHeader}\r\n`,
      (socket) => {
        const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : socket.write('X-Slow: 1\r\n')), 200);
      },
      6_000,
    );
    expect(result.closed).toBe(true);
    expect(result.ms).toBeLessThan(5_000);
    expect(result.text === '' || /^HTTP\/1\.1 408 /.test(result.text)).toBe(true);
  });

  it('drops a client that trickles its body past the request timeout', async () => {
    const head = `POST /api/app.info HTTP/1.1\r\nHost: ${hostHeader}\r\nX-Mizan-Token: ${host.token}\r\nContent-Length: 1000\r\n\r\n`;
    const result = await rawSocket(
      host.port,
      head,
      (socket) => {
        const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : socket.write(' ')), 100);
      },
      8_000,
    );
    expect(result.closed).toBe(true);
    expect(result.ms).toBeLessThan(7_000);
    expect(result.text).not.toMatch(/^HTTP\/1\.1 200 /);
  });

  it('treats a malformed cookie as no cookie (401), and still serves the right one', async () => {
    for (const cookie of [
      'mizan_token=%E0%A4%A',
      'mizan_token',
      'mizan_token=',
      '=;;;=',
      `mizan_token=${'%'.repeat(3000)}`,
    ]) {
      const res = await call(host.port, '/api/app.info', {
        method: 'POST',
        body: '{}',
        headers: { Host: hostHeader, Cookie: cookie },
      });
      expect(res.status, cookie.slice(0, 40)).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    const good = await call(host.port, '/api/app.info', {
      method: 'POST',
      body: '{}',
      headers: { Host: hostHeader, Cookie: `junk=%E0; mizan_token=${host.token}` },
    });
    expect(good.status).toBe(200);
  });

  it('does not accept the token in an API call’s query as a substitute for the header or cookie', async () => {
    const post = await call(host.port, `/api/app.info?token=${host.token}`, {
      method: 'POST',
      body: '{}',
      headers: { Host: hostHeader },
    });
    expect(post.status).toBe(401);
    expect(post.headers['set-cookie']).toBeUndefined();
    const get = await call(host.port, `/api/app.info?token=${host.token}`, { headers: { Host: hostHeader } });
    expect(get.status).toBe(401);
    expect(get.headers['set-cookie']).toBeUndefined();
    // The page's address-bar token still works (and only on GET).
    const page = await call(host.port, `/?token=${host.token}`, { headers: { Host: hostHeader } });
    expect(page.status).toBe(303);
    const postPage = await call(host.port, `/?token=${host.token}`, { method: 'POST', headers: { Host: hostHeader } });
    expect(postPage.status).toBe(401);
  });

  it('refuses CORS preflights without any Access-Control-Allow header', async () => {
    for (const origin of ['https://evil.example', `http://127.0.0.1:${host.port}`, 'null']) {
      const res = await call(host.port, '/api/library.deleteArticle', {
        method: 'OPTIONS',
        headers: {
          Host: hostHeader,
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'x-mizan-token, content-type',
        },
      });
      expect(res.status, origin).toBeGreaterThanOrEqual(400);
      expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
    // A cross-site simple POST carrying a stolen-by-nobody cookie is stopped by Origin too.
    const simple = await call(host.port, '/api/library.deleteArticle', {
      method: 'POST',
      body: '{"input":{"id":1}}',
      headers: { Host: hostHeader, Origin: 'null', 'Content-Type': 'text/plain', Cookie: `mizan_token=${host.token}` },
    });
    expect(simple.status).toBe(403);
  });

  it('answers malformed targets and encodings with 4xx, never 500', async () => {
    for (const path of [
      '/%E0%A4%A',
      '/api/%E0%A4%A',
      '/%00index.html',
      '/assets/..%2f..%2f..%2fetc%2fpasswd',
      '/a/..%5c..%5csecret',
      '/..\\..\\secret.txt',
    ]) {
      const res = await call(host.port, path, {
        method: path.startsWith('/api/') ? 'POST' : 'GET',
        headers: auth,
        body: path.startsWith('/api/') ? '{}' : undefined,
      });
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
      expect(res.body).not.toContain('root:');
    }
    // "//etc/passwd" parses as the path "/passwd" (the rest is an authority): a client route, so the app's page.
    const doubled = await call(host.port, '//etc/passwd', { headers: auth });
    expect(doubled.body).toContain('<title>Mizan</title>');
  });

  it('refuses a missing Host, an IPv6 or a bare-IP Host without the port', async () => {
    for (const host_ of ['', '127.0.0.1', '[::1]:80', 'localhost.evil.example']) {
      const result = await rawSocket(
        host.port,
        `GET / HTTP/1.1\r\nHost: ${host_}\r\nX-Mizan-Token: ${host.token}\r\nConnection: close\r\n\r\n`,
      );
      expect(result.text, host_).toMatch(/^HTTP\/1\.1 (400|421) /);
    }
  });

  it('serves a dossier preview with its own CSP: its inline script by hash, no network, sandboxed, framed by the app only', async () => {
    const ctx = { progress: () => undefined, signal: new AbortController().signal };
    const report = await services.handlers['library.importFiles']({ paths: [seedPath] }, ctx);
    const dossier = await services.handlers['dossier.create'](
      { title: 'Preview', items: [{ kind: 'article', id: report.imported[0]!.id }] },
      ctx,
    );
    const path = `/dossier-preview/${dossier.id}?v=1`;
    expect((await call(host.port, path, { headers: { Host: hostHeader } })).status).toBe(401);
    const res = await call(host.port, path, { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(res.headers['content-security-policy']);
    const script = /<script>([\s\S]*?)<\/script>/.exec(res.body)![1]!;
    const hash = createHash('sha256').update(script, 'utf8').digest('base64');
    expect(csp).toContain(`script-src 'sha256-${hash}';`);
    expect(csp).not.toMatch(/unsafe-inline'[^;]*;[^;]*script|script-src[^;]*unsafe|connect-src|https?:\/\/(?!127)/);
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/frame-ancestors http:\/\/127\.0\.0\.1:\d+; sandbox allow-scripts$/);
    expect(res.body).toContain('id="mizan-q"');
    // The app's pages may frame that path of this server, and nothing else.
    const app = await call(host.port, '/', { headers: auth });
    expect(String(app.headers['content-security-policy'])).toContain(
      `frame-src http://127.0.0.1:${host.port}/dossier-preview/;`,
    );
    for (const bad of [
      '/dossier-preview/0',
      '/dossier-preview/abc',
      '/dossier-preview/1x',
      '/dossier-preview/-1',
      '/dossier-preview/99999',
    ]) {
      const answer = await call(host.port, bad, { headers: auth });
      expect(answer.status, bad).toBe(404);
      expect(answer.headers['content-security-policy'], bad).toBeUndefined();
    }
  });

  it('prepares a bundle download only for this origin, serves it once, to the token holder only', async () => {
    const cookie = `mizan_token=${host.token}`;
    const post = (headers: Record<string, string>) =>
      call(host.port, '/download/bundle', { method: 'POST', headers: { Host: hostHeader, ...headers } });
    // A cross-site form or fetch: refused before anything is written.
    expect((await post({ Cookie: cookie, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await post({ Cookie: cookie, Origin: 'null' })).status).toBe(403);
    // The cookie alone, with no Origin (not a page of this server), does not make one either.
    expect((await post({ Cookie: cookie })).status).toBe(403);
    expect((await post({})).status).toBe(401);
    // A GET cannot make one.
    expect((await call(host.port, '/download/bundle', { headers: auth })).status).toBe(405);

    const made = await post({ Cookie: cookie, Origin: `http://${hostHeader}` });
    expect(made.status).toBe(200);
    const { value } = JSON.parse(made.body) as { value: { url: string; fileName: string; bytes: number } };
    expect(value.url).toMatch(/^\/download\/[A-Za-z0-9_-]{32}$/);
    expect(value.fileName).toMatch(/^mizan-library-\d{4}-\d{2}-\d{2}\.zip$/);
    expect((await call(host.port, value.url, { headers: { Host: hostHeader } })).status).toBe(401);
    expect((await call(host.port, value.url, { method: 'POST', headers: auth })).status).toBe(405);
    const got = await call(host.port, value.url, { headers: { Host: hostHeader, Cookie: cookie } });
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/zip');
    expect(got.headers['content-disposition']).toBe(`attachment; filename="${value.fileName}"`);
    expect(Number(got.headers['content-length'])).toBe(value.bytes);
    expect(got.body.startsWith('PK')).toBe(true);
    // Used once.
    expect((await call(host.port, value.url, { headers: { Host: hostHeader, Cookie: cookie } })).status).toBe(404);
    expect((await call(host.port, '/download/not-a-ticket', { headers: auth })).status).toBe(404);
  });

  it('takes a bundle upload only from this origin, as bytes, under its limit, and keeps nothing it refused', async () => {
    const cookie = `mizan_token=${host.token}`;
    const upload = (headers: Record<string, string>, body: Uint8Array = new Uint8Array([0x50, 0x4b, 3, 4])) =>
      call(host.port, '/upload/bundle', {
        method: 'POST',
        headers: {
          Host: hostHeader,
          'Content-Type': 'application/zip',
          'Content-Length': String(body.length),
          ...headers,
        },
        body,
      });
    // A cross-site form or fetch, a bare cookie, no token: refused before the library is touched.
    expect((await upload({ Cookie: cookie, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await upload({ Cookie: cookie, Origin: 'null' })).status).toBe(403);
    expect((await upload({ Cookie: cookie })).status).toBe(403);
    expect((await upload({})).status).toBe(401);
    // What an HTML form can send (text/plain, urlencoded, multipart) is not a bundle upload, even with the real cookie.
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])
      expect(
        (await upload({ Cookie: cookie, Origin: `http://${hostHeader}`, 'Content-Type': type })).status,
        type,
      ).toBe(415);
    // The page learns the limit first, to say so before sending anything.
    const limit = await call(host.port, '/upload/bundle', { headers: auth });
    expect(JSON.parse(limit.body)).toEqual({ ok: true, value: { maxBytes: UPLOAD_LIMIT } });
    expect((await call(host.port, '/upload/bundle', { method: 'PUT', headers: auth })).status).toBe(405);

    // Declared over the limit: 413 naming the file, before the body is read, and the connection closed.
    let sent = 0;
    const declared = 64 * UPLOAD_LIMIT;
    const head = `POST /upload/bundle HTTP/1.1\r\nHost: ${hostHeader}\r\nX-Mizan-Token: ${host.token}\r\nContent-Type: application/zip\r\nX-Mizan-File-Name: huge.zip\r\nContent-Length: ${declared}\r\n\r\n`;
    const big = await rawSocket(host.port, head, (socket) => {
      const chunk = Buffer.alloc(64 * 1024);
      const pump = () => {
        while (!socket.destroyed && sent < declared) {
          sent += chunk.length;
          if (!socket.write(chunk)) return void socket.once('drain', pump);
        }
      };
      pump();
    });
    expect(big.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(big.text).toContain('huge.zip is larger than the 4194304-byte limit');
    expect(big.closed).toBe(true);
    expect(sent).toBeLessThan(declared / 4);
    // Undeclared (chunked): cut off once past the limit.
    const chunkedHead = `POST /upload/bundle HTTP/1.1\r\nHost: ${hostHeader}\r\nX-Mizan-Token: ${host.token}\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n`;
    let streamed = 0;
    const chunked = await rawSocket(host.port, chunkedHead, (socket) => {
      const piece = 'x'.repeat(256 * 1024);
      const frame = `${piece.length.toString(16)}\r\n${piece}\r\n`;
      const timer = setInterval(() => {
        if (socket.destroyed || streamed > 8 * UPLOAD_LIMIT) return clearInterval(timer);
        streamed += piece.length;
        socket.write(frame);
      }, 2);
    });
    // The answer races the close: a socket closed with unread bytes is reset, and the reset may overtake it.
    expect(chunked.text === '' || /^HTTP\/1\.1 413 /.test(chunked.text), chunked.text.slice(0, 80)).toBe(true);
    expect(chunked.closed).toBe(true);
    expect(streamed).toBeLessThan(8 * UPLOAD_LIMIT);
    // Nothing refused stays on disk.
    await expect.poll(() => readdirSync(staging)).toEqual([]);
  });

  it('replaces the library by an uploaded bundle only when every checksum holds, naming the file that fails', async () => {
    const ctx = { progress: () => undefined, signal: new AbortController().signal };
    const other = await createServices({ dbPath: join(dir, 'other.db'), host: 'test' });
    const bundlePath = join(dir, 'other.zip');
    try {
      await other.handlers['library.importFiles']({ paths: [seedPath] }, ctx);
      await other.handlers['library.createCollection']({ name: 'from the bundle' }, ctx);
      await other.handlers['library.exportBundle']({ path: bundlePath }, ctx);
    } finally {
      await other.close();
    }
    const bundle = readFileSync(bundlePath);
    const upload = (name: string, body: Uint8Array) =>
      call(host.port, '/upload/bundle', {
        method: 'POST',
        headers: {
          ...auth,
          'Content-Type': 'application/zip',
          'Content-Length': String(body.length),
          'X-Mizan-File-Name': encodeURIComponent(name),
        },
        body,
      });
    const collections = async () => (await services.handlers['library.listCollections']({}, ctx)).map((c) => c.name);
    expect(await collections()).not.toContain('from the bundle');

    // One byte of library.db changed, the manifest kept: the checksum check names the file and the entry.
    const entries = unzipSync(bundle);
    const db = entries['library.db']!;
    db[db.length - 100] = db[db.length - 100]! ^ 0xff;
    const tampered = zipSync(entries);
    const refused = await upload('../../tampered bundle.zip', tampered);
    expect(refused.status).toBe(200);
    expect(JSON.parse(refused.body)).toEqual({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENT',
        message: 'tampered bundle.zip is not a Mizan library bundle: library.db fails its checksum',
      },
    });
    expect(await collections()).not.toContain('from the bundle');
    // Not a ZIP at all.
    const junk = JSON.parse((await upload('notes.zip', Buffer.from('just text'))).body) as {
      error: { message: string };
    };
    expect(junk.error.message).toBe(
      'notes.zip is not a Mizan library bundle: neither a ZIP nor an earlier Mizan bundle',
    );

    const backupsBefore = (await services.handlers['library.listBackups']({}, ctx)).length;
    const accepted = await upload('other.zip', bundle);
    expect(JSON.parse(accepted.body)).toMatchObject({ ok: true, value: { keptAside: expect.any(String) } });
    expect(await collections()).toContain('from the bundle');
    // The library it replaced is kept as a backup.
    const backups = await services.handlers['library.listBackups']({}, ctx);
    expect(backups.length).toBeGreaterThan(backupsBefore);
    expect(backups.some((b) => b.reason === 'replaced')).toBe(true);
    expect(readdirSync(staging)).toEqual([]);
  });

  it('stages an upload under a cleaned base name of the person’s file', () => {
    expect(stagingName('..%2F..%2Fetc%2Fpasswd')).toBe('passwd');
    expect(stagingName('C%3A%5Cbundles%5Cold.zip')).toBe('old.zip');
    expect(stagingName(encodeURIComponent('مكتبة ٢٠٢٤.zip'))).toBe('مكتبة ٢٠٢٤.zip');
    for (const bad of [undefined, '', '%E0%A4%A', '..', '.', '%00%0A'])
      expect(stagingName(bad), String(bad)).toBe('bundle.zip');
    expect(stagingName('a'.repeat(500)).length).toBe(120);
  });

  it('keeps serving after all of the above', async () => {
    const res = await call(host.port, '/api/app.info', { method: 'POST', body: '{}', headers: auth });
    expect(res.status).toBe(200);
  });
});
