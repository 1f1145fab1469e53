import { describe, expect, it } from 'vitest';
import { createClient, MizanError, Progress } from '../../preload/contract';
import {
  captureTokenFromUrl,
  createHttpTransport,
  readEnvelope,
  readProgress,
  TOKEN_STORAGE_KEY,
  uploadBundle,
} from './transport';

describe('readEnvelope', () => {
  it('passes envelopes through and keeps known codes', async () => {
    expect(await readEnvelope(new Response('{"ok":true,"value":{"n":1}}'))).toEqual({ ok: true, value: { n: 1 } });
    expect(
      await readEnvelope(
        new Response('{"ok":false,"error":{"code":"NOT_FOUND","message":"no article 9"}}', { status: 200 }),
      ),
    ).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'no article 9' },
    });
  });
  it('turns unknown codes and non-JSON answers into typed errors', async () => {
    const odd = await readEnvelope(new Response('{"ok":false,"error":{"code":"WEIRD","message":"x"}}'));
    expect(odd).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'x' } });
    const proxy = await readEnvelope(
      new Response('<html>Unauthorized</html>', { status: 401, statusText: 'Unauthorized' }),
    );
    expect(proxy.ok === false && proxy.error.code).toBe('UNAUTHORIZED');
    const big = await readEnvelope(new Response('too big', { status: 413 }));
    expect(big.ok === false && big.error.code).toBe('IMPORT_TOO_LARGE');
  });
});

describe('readProgress', () => {
  it('accepts and refuses what the contract’s Progress schema does, keeping only its fields', () => {
    const fields = {
      jobId: ['job-1', '', 7, null, undefined],
      done: [0, 12, -1, 1.5, 2 ** 53, '3', null, undefined],
      total: [null, 0, 40, -2, 0.5, '40', undefined],
      label: [undefined, 'importing', '', 3, null],
    };
    let accepted = 0;
    for (const jobId of fields.jobId)
      for (const done of fields.done)
        for (const total of fields.total)
          for (const label of fields.label) {
            const event = { jobId, done, total, label, extra: true };
            const schema = Progress.safeParse(event);
            expect(readProgress(event), JSON.stringify(event)).toEqual(schema.success ? schema.data : null);
            if (schema.success) accepted += 1;
          }
    expect(accepted).toBeGreaterThan(0);
    for (const odd of [null, 'x', 3, [], [{ jobId: 'a', done: 0, total: null }]]) {
      expect(readProgress(odd)).toBe(Progress.safeParse(odd).success ? odd : null);
    }
  });
});

describe('createHttpTransport', () => {
  it('POSTs /api/<method> with the input, the job id and the stored token', async () => {
    const requests: { url: string; init: RequestInit | undefined }[] = [];
    const transport = createHttpTransport({
      baseUrl: 'http://127.0.0.1:9',
      getToken: () => 'secret',
      fetchImpl: async (url, init) => {
        requests.push({ url: String(url), init });
        return new Response('{"ok":true,"value":{"total":0,"offset":0,"items":[]}}');
      },
    });
    const api = createClient(transport);
    expect(await api['library.listArticles']({ limit: 5 })).toEqual({ total: 0, offset: 0, items: [] });
    expect(requests[0]?.url).toBe('http://127.0.0.1:9/api/library.listArticles');
    expect(requests[0]?.init?.method).toBe('POST');
    expect(new Headers(requests[0]?.init?.headers).get('X-Mizan-Token')).toBe('secret');
    expect(JSON.parse(String(requests[0]?.init?.body))).toEqual({ input: { limit: 5 }, jobId: null });
  });
  it('rebuilds MizanError from the envelope and reports an unreachable host', async () => {
    const refused = createClient(
      createHttpTransport({
        getToken: () => null,
        fetchImpl: async () => Promise.reject(new TypeError('fetch failed')),
      }),
    );
    await expect(refused['app.info']({})).rejects.toMatchObject({ code: 'INTERNAL' });
    const missing = createClient(
      createHttpTransport({
        getToken: () => null,
        fetchImpl: async () => new Response('{"ok":false,"error":{"code":"NOT_FOUND","message":"no article 7"}}'),
      }),
    );
    const error = await missing['library.getArticle']({ id: 7 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MizanError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'no article 7' });
  });
});

describe('captureTokenFromUrl', () => {
  it('keeps the token for the session and removes it from the address bar', () => {
    const stored = new Map<string, string>();
    const storage = { setItem: (k: string, v: string) => stored.set(k, v) } as unknown as Storage;
    let replaced = '';
    const history = {
      state: null,
      replaceState: (_s: unknown, _t: string, url: string) => (replaced = url),
    } as unknown as History;
    captureTokenFromUrl({ href: 'http://127.0.0.1:5/?token=abc_-1&x=2#h' } as Location, storage, history);
    expect(stored.get(TOKEN_STORAGE_KEY)).toBe('abc_-1');
    expect(replaced).toBe('/?x=2#h');
  });
});

describe('uploadBundle', () => {
  const words = { tooLarge: (name: string, limit: number) => `${name} is over ${limit}` };
  const bundle = Object.assign(new Blob([new Uint8Array([0x50, 0x4b, 3, 4, 9, 9])]), { name: 'مكتبتي.zip' });

  it('asks the host its limit, then sends the file as it is, named, as bytes', async () => {
    const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
    const fetchImpl = (async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      if (!init?.method) return new Response('{"ok":true,"value":{"maxBytes":100}}');
      return new Response('{"ok":true,"value":{"keptAside":"library-replaced.db"}}');
    }) as typeof fetch;
    expect(await uploadBundle(bundle, words, fetchImpl)).toEqual({ keptAside: 'library-replaced.db' });
    expect(calls.map((c) => [c.url, c.init?.method ?? 'GET'])).toEqual([
      ['/upload/bundle', 'GET'],
      ['/upload/bundle', 'POST'],
    ]);
    const headers = calls[1]!.init!.headers as Record<string, string>;
    expect(headers['Content-Type']).toBe('application/octet-stream');
    expect(decodeURIComponent(headers['X-Mizan-File-Name']!)).toBe('مكتبتي.zip');
    expect(calls[1]!.init!.body).toBe(bundle);
  });

  it('refuses a file over the limit before sending a byte, and passes the host’s refusal on', async () => {
    let posts = 0;
    const limitOf = (maxBytes: number, answer: string) =>
      (async (_url: string, init?: RequestInit) => {
        if (init?.method === 'POST') {
          posts++;
          return new Response(answer);
        }
        return new Response(JSON.stringify({ ok: true, value: { maxBytes } }));
      }) as typeof fetch;
    await expect(uploadBundle(bundle, words, limitOf(5, '{}'))).rejects.toMatchObject({
      code: 'IMPORT_TOO_LARGE',
      message: 'مكتبتي.zip is over 5',
    });
    expect(posts).toBe(0);
    const refusal = '{"ok":false,"error":{"code":"INVALID_ARGUMENT","message":"x.zip fails its checksum"}}';
    await expect(uploadBundle(bundle, words, limitOf(100, refusal))).rejects.toEqual(
      new MizanError('INVALID_ARGUMENT', 'x.zip fails its checksum'),
    );
    expect(posts).toBe(1);
  });
});
