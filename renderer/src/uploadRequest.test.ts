/**
 * The bundle upload's request: the bytes sent as the browser reports them,
 * the moment every byte is out, and a cancel that ends the request.
 */
import { describe, expect, it } from 'vitest';
import { isAbortError, xhrSend, type XhrConstructor } from './uploadRequest';

/** Just enough of XMLHttpRequest: the test plays the browser's events. */
class FakeXhr {
  static last: FakeXhr | null = null;
  headers: Record<string, string> = {};
  method = '';
  url = '';
  body: unknown = null;
  aborted = false;
  withCredentials = false;
  status = 0;
  statusText = '';
  responseText = '';
  upload: { onprogress: ((e: ProgressEvent) => void) | null; onload: (() => void) | null } = {
    onprogress: null,
    onload: null,
  };
  onload: (() => void) | null = null;
  onabort: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ loaded, total, lengthComputable: true } as ProgressEvent);
  }
}

const bundle = new Blob([new Uint8Array(1000)]);
const send = xhrSend(FakeXhr as unknown as XhrConstructor);

describe('xhrSend', () => {
  it('reports the bytes sent, then that all are out, then the host’s answer', async () => {
    const seen: string[] = [];
    const answer = send('/upload/bundle', { 'X-Mizan-File-Name': 'a.zip' }, bundle, {
      sent: (sent, total) => seen.push(`${sent}/${total}`),
      allSent: () => seen.push('all sent'),
    });
    const xhr = FakeXhr.last!;
    expect([xhr.method, xhr.url, xhr.headers['X-Mizan-File-Name'], xhr.body]).toEqual([
      'POST',
      '/upload/bundle',
      'a.zip',
      bundle,
    ]);
    xhr.progress(250, 1000);
    xhr.progress(1000, 1000);
    xhr.upload.onload?.();
    xhr.status = 200;
    xhr.responseText = '{"ok":true,"value":{"keptAside":"x.db"}}';
    xhr.onload?.();
    const response = await answer;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, value: { keptAside: 'x.db' } });
    expect(seen).toEqual(['250/1000', '1000/1000', '1000/1000', 'all sent']);
  });

  it('ends the request when cancelled, and rejects as an abort', async () => {
    const controller = new AbortController();
    const answer = send('/upload/bundle', {}, bundle, { signal: controller.signal });
    const xhr = FakeXhr.last!;
    xhr.progress(100, 1000);
    controller.abort();
    const error = await answer.catch((e: unknown) => e);
    expect(xhr.aborted).toBe(true);
    expect(isAbortError(error)).toBe(true);
  });

  it('sends nothing when cancelled before it starts', async () => {
    const controller = new AbortController();
    controller.abort();
    FakeXhr.last = null;
    const error = await send('/upload/bundle', {}, bundle, { signal: controller.signal }).catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect(FakeXhr.last).toBe(null);
  });
});
