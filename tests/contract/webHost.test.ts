/**
 * The web host's doors: token, Host, Origin, static files. Real HTTP on
 * 127.0.0.1 against the real services and a built renderer folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../main/core/services';
import { startWebHost, type WebHost } from '../../main/web/server';
import { tempDir } from '../support/paths';
import { rawRequest as raw } from '../support/rawHttp';

describe('web host security', () => {
  let services: Services;
  let host: WebHost;
  let auth: Record<string, string>;

  beforeAll(async () => {
    const dir = tempDir();
    const rendererDir = join(dir, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Mizan</title>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'do not serve');
    services = await createServices({ dbPath: join(dir, 'library.db'), host: 'test' });
    host = await startWebHost({ handlers: services.handlers, rendererDir });
    auth = { 'X-Mizan-Token': host.token, Host: `127.0.0.1:${host.port}` };
  });
  afterAll(async () => {
    await host?.close();
    await services?.close();
  });

  it('listens on 127.0.0.1 with a long random token in the URL', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('refuses requests without the token, or with a wrong one', async () => {
    const api = await raw(host.port, '/api/app.info', {
      method: 'POST',
      body: '{}',
      headers: { Host: `127.0.0.1:${host.port}` },
    });
    expect(api.status).toBe(401);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect((await raw(host.port, '/', { headers: { Host: `127.0.0.1:${host.port}` } })).status).toBe(401);
    expect((await raw(host.port, '/assets/app.js', { headers: { Host: `127.0.0.1:${host.port}` } })).status).toBe(401);
    const wrong = await raw(host.port, '/api/app.info', {
      method: 'POST',
      body: '{}',
      headers: { ...auth, 'X-Mizan-Token': 'x'.repeat(32) },
    });
    expect(wrong.status).toBe(401);
  });

  it('answers with the token', async () => {
    const res = await raw(host.port, '/api/app.info', { method: 'POST', body: '{"input":{}}', headers: auth });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { host: 'test', articleCount: 0 } });
  });

  it('trades the URL token for an HttpOnly same-site cookie and drops it from the address', async () => {
    const res = await raw(host.port, `/?token=${host.token}`, { headers: { Host: `127.0.0.1:${host.port}` } });
    expect(res.status).toBe(303);
    expect(res.headers['location']).toBe('/');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await raw(host.port, '/', {
      headers: { Host: `127.0.0.1:${host.port}`, Cookie: cookie.split(';')[0]! },
    });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Mizan</title>');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    const rebind = await raw(host.port, '/api/app.info', {
      method: 'POST',
      body: '{}',
      headers: { ...auth, Host: `evil.example:${host.port}` },
    });
    expect(rebind.status).toBe(421);
    const cross = await raw(host.port, '/api/app.info', {
      method: 'POST',
      body: '{}',
      headers: { ...auth, Origin: 'https://evil.example' },
    });
    expect(cross.status).toBe(403);
    const same = await raw(host.port, '/api/app.info', {
      method: 'POST',
      body: '{}',
      headers: { ...auth, Origin: `http://127.0.0.1:${host.port}` },
    });
    expect(same.status).toBe(200);
  });

  it('serves only the renderer folder', async () => {
    expect((await raw(host.port, '/assets/app.js', { headers: auth })).status).toBe(200);
    expect((await raw(host.port, '/../secret.txt', { headers: auth })).status).toBe(404);
    expect((await raw(host.port, '/%2e%2e/secret.txt', { headers: auth })).status).toBe(404);
    expect((await raw(host.port, '/assets/missing.js', { headers: auth })).status).toBe(404);
  });

  it('turns bad requests into errors, not crashes', async () => {
    const notJson = await raw(host.port, '/api/app.info', { method: 'POST', body: '{oops', headers: auth });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const unknown = await raw(host.port, '/api/nope.nothing', { method: 'POST', body: '{}', headers: auth });
    expect(unknown.status).toBe(404);
    expect((await raw(host.port, '/api/app.info', { headers: auth })).status).toBe(405);
  });
});
