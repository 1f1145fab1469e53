/**
 * The contract over HTTP, as a Node client: what the renderer does in the
 * browser, with the token in a header and progress from Server-Sent Events.
 */
import type { Envelope, MethodName, Progress, Transport } from '../../preload/contract';
import { rawRequest } from './rawHttp';

export function httpTransport(origin: string, token: string): Transport & { close(): void } {
  const port = Number(new URL(origin).port);
  const listeners = new Set<(p: Progress) => void>();
  const controller = new AbortController();
  let streaming: Promise<void> | null = null;

  function ensureStream(): void {
    streaming ??= (async () => {
      const res = await fetch(`${origin}/api/events`, {
        headers: { 'X-Mizan-Token': token },
        signal: controller.signal,
      });
      if (!res.body) return;
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of res.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          for (const line of event.split('\n')) {
            if (line.startsWith('data: ')) {
              const progress = JSON.parse(line.slice(6)) as Progress;
              for (const l of listeners) l(progress);
            }
          }
        }
      }
    })().catch(() => undefined);
  }

  return {
    async invoke(method: MethodName, input: unknown, jobId: string | null) {
      // One connection per call: the suites block the event loop while
      // they read or draw a PDF, and fetch would then reuse a keep-alive socket the
      // server closed in the meantime ("other side closed"). A browser
      // retries such a request itself; a test client should not need to.
      const res = await rawRequest(port, `/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Mizan-Token': token, Connection: 'close' },
        body: JSON.stringify({ input, jobId }),
      });
      return JSON.parse(res.body) as Envelope<unknown>;
    },
    onProgress(listener) {
      ensureStream();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      controller.abort();
    },
  };
}
