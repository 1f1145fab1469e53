/**
 * A file sent to the web host in one POST whose progress the page can show
 * and which the person can cancel while bytes are still going out. `fetch`
 * reports nothing about a request body as it is sent; XMLHttpRequest's
 * upload events do.
 */

/** What the page follows of an upload. */
export interface UploadWatch {
  /** Bytes of the body sent so far, of its total. */
  sent?(sent: number, total: number): void;
  /** Every byte is sent: the host now works on it (a cancel reaches it by the upload's id only). */
  allSent?(): void;
  /** Aborts the upload; the promise rejects with an AbortError. */
  signal?: AbortSignal;
  /** The page's name for the upload, sent with it, by which the host is asked to cancel it (cancelUpload). */
  id?: string;
}

/** The host's answer: its status and body, for readEnvelope. */
export type SendBody = (
  url: string,
  headers: Record<string, string>,
  body: Blob,
  watch: UploadWatch,
) => Promise<Response>;

/** The constructor used, injectable for tests. */
export type XhrConstructor = new () => XMLHttpRequest;

export function abortError(): Error {
  return new DOMException('The upload was cancelled', 'AbortError');
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** Sends with XMLHttpRequest, reporting upload progress. */
export function xhrSend(Xhr: XhrConstructor = XMLHttpRequest): SendBody {
  return (url, headers, body, watch) =>
    new Promise<Response>((resolve, reject) => {
      if (watch.signal?.aborted) return reject(abortError());
      const xhr = new Xhr();
      xhr.open('POST', url);
      xhr.withCredentials = true;
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (event) => watch.sent?.(event.loaded, event.lengthComputable ? event.total : body.size);
      xhr.upload.onload = () => {
        watch.sent?.(body.size, body.size);
        watch.allSent?.();
      };
      const onAbort = () => xhr.abort();
      watch.signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => watch.signal?.removeEventListener('abort', onAbort);
      xhr.onload = () => {
        done();
        resolve(new Response(xhr.responseText, { status: xhr.status, statusText: xhr.statusText }));
      };
      xhr.onabort = () => {
        done();
        reject(abortError());
      };
      xhr.onerror = () => {
        done();
        reject(new TypeError('the upload could not reach the web host'));
      };
      xhr.send(body);
    });
}

/** Sends with fetch: no progress, but still cancellable (a page or test without XMLHttpRequest). */
export function fetchSend(fetchImpl: typeof fetch): SendBody {
  return async (url, headers, body, watch) => {
    const response = await fetchImpl(url, {
      method: 'POST',
      headers,
      body,
      credentials: 'same-origin',
      signal: watch.signal,
    });
    watch.allSent?.();
    return response;
  };
}
