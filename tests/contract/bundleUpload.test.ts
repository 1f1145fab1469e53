/**
 * Cancelling a bundle upload through the web host after its last byte is
 * out: `DELETE /upload/bundle` with the upload's id stops the host's check
 * before it replaces the library, and answers whether the library was
 * replaced; a cancel that comes after the swap is answered as such.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../main/core/services';
import { startWebHost, type WebHost } from '../../main/web/server';
import { rawRequest as call } from '../support/rawHttp';
import { seedPath, tempDir } from '../support/paths';

const ctx = { progress: () => undefined, signal: new AbortController().signal };

describe('cancelling a bundle upload after its last byte', () => {
  let services: Services;
  let host: WebHost;
  let auth: Record<string, string>;
  let dir: string;
  let staging: string;
  let bundle: Buffer;

  beforeAll(async () => {
    dir = tempDir('mizan-upload-cancel-');
    staging = join(dir, 'staging');
    mkdirSync(staging);
    const rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Mizan</title>');
    services = await createServices({ dbPath: join(dir, 'library.db'), host: 'test' });
    host = await startWebHost({ handlers: services.handlers, rendererDir, uploadStagingDir: staging });
    auth = { 'X-Mizan-Token': host.token, Host: `127.0.0.1:${host.port}` };
    const other = await createServices({ dbPath: join(dir, 'other.db'), host: 'test' });
    try {
      await other.handlers['library.importFiles']({ paths: [seedPath] }, ctx);
      await other.handlers['library.createCollection']({ name: 'from the bundle' }, ctx);
      await other.handlers['library.exportBundle']({ path: join(dir, 'other.zip') }, ctx);
    } finally {
      await other.close();
    }
    bundle = readFileSync(join(dir, 'other.zip'));
  }, 60_000);
  afterAll(async () => {
    await host?.close();
    await services?.close();
  });

  const replacedNow = async () =>
    (await services.handlers['library.listCollections']({}, ctx)).some((c) => c.name === 'from the bundle');

  /** Sends the bundle; `sent` is called once its last byte is written. */
  const upload = (id: string, sent: () => void = () => undefined) =>
    new Promise<{ ok: boolean; error?: { code: string; message: string } }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/upload/bundle',
          method: 'POST',
          headers: {
            ...auth,
            'Content-Type': 'application/zip',
            'Content-Length': String(bundle.length),
            'X-Mizan-File-Name': 'other.zip',
            'X-Mizan-Upload-Id': id,
          },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve(JSON.parse(body) as { ok: boolean }));
        },
      );
      req.on('error', reject);
      req.end(bundle, sent);
    });
  const cancel = async (id: string) => {
    const res = await call(host.port, '/upload/bundle', {
      method: 'DELETE',
      headers: { ...auth, 'X-Mizan-Upload-Id': id },
    });
    expect(res.status).toBe(200);
    return (JSON.parse(res.body) as { value: { replaced: boolean } }).value.replaced;
  };

  it('stops the check when asked right after the last byte, and the answer says what happened', async () => {
    let cancelled: Promise<boolean> | null = null;
    const answer = await upload('upload-cancel-1', () => (cancelled = cancel('upload-cancel-1')));
    const replaced = await cancelled!;
    // Both answers and the library agree, whichever moment the cancel met.
    expect(await replacedNow()).toBe(replaced);
    expect(answer.ok).toBe(replaced);
    if (!replaced)
      expect(answer.error).toEqual({
        code: 'CANCELLED',
        message: 'other.zip was not imported: cancelled; the library is unchanged',
      });
    expect(readdirSync(staging)).toEqual([]);
  });

  it('answers a cancel that comes after the swap as too late, and one for an unknown upload as nothing replaced', async () => {
    expect(await cancel('upload-never-sent')).toBe(false);
    const answer = await upload('upload-cancel-2');
    expect(answer.ok).toBe(true);
    expect(await cancel('upload-cancel-2')).toBe(true);
    expect(await replacedNow()).toBe(true);
    expect(readdirSync(staging)).toEqual([]);
  });

  it('takes a cancel from this origin only', async () => {
    const res = await call(host.port, '/upload/bundle', {
      method: 'DELETE',
      headers: { Host: auth['Host']!, Cookie: `mizan_token=${host.token}`, Origin: 'http://evil.example' },
    });
    expect(res.status).toBe(403);
  });
});
