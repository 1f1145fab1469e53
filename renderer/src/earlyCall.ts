/**
 * The list's first page, asked before the app's script has arrived: the
 * entry (`boot.ts`) reads the remembered view and sends the request the list
 * will make, and the transport hands its answer to the list's first call if
 * that call is the same request. A different first call (the library's copy
 * of the UI state named another view, a search was remembered) is sent as
 * usual and the early answer is dropped, so a wrong guess costs one query,
 * never a wrong row.
 */
import type { ArticleFilter, Envelope, MethodName, Transport } from '../../preload/contract';
import type { UiState } from './state/uiSchema';
import { DEFAULT_PAGE_SIZE } from './hooks/articlePager';
import { filterOf } from './hooks/listFilter';

/** The methods a list's first page comes from: the first call to any of them takes or drops the early answer. */
const listMethods: ReadonlySet<MethodName> = new Set([
  'library.listArticles',
  'library.listCollectionArticles',
  'search.query',
]);

/** An answer not taken by then is dropped (the library may have changed since). */
const KEEP_MS = 15_000;

export interface FirstListInput {
  offset: number;
  limit: number;
  sort: 'publishedAt' | 'importedAt' | 'title' | 'source';
  order: 'asc' | 'desc';
  filter: ArticleFilter;
}

/**
 * The `library.listArticles` input of the list's first page for a remembered
 * UI state, or null where the first page comes from elsewhere (a search, a
 * saved search, a collection in its own order) or carries a date range.
 */
export function firstListInput(ui: UiState): FirstListInput | null {
  if (ui.search.trim() !== '') return null;
  if (ui.view.kind === 'saved' || ui.refine.from !== '' || ui.refine.to !== '') return null;
  // A collection in its own order is listed by another method; elsewhere that order is the date's.
  if (ui.sort === 'position' && ui.view.kind === 'collection') return null;
  const sort = ui.sort === 'position' ? 'publishedAt' : ui.sort;
  return { offset: 0, limit: DEFAULT_PAGE_SIZE, sort, order: ui.order, filter: filterOf(ui.view) };
}

/** JSON with object keys sorted, so two equal inputs built in different orders compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * Sends `method(input)` now and returns a transport that answers the first
 * list call with it when that call is the same request (see the header).
 */
export function withEarlyCall(transport: Transport, method: MethodName, input: unknown, now = Date.now): Transport {
  let early: Promise<Envelope<unknown>> | null = transport.invoke(method, input, null);
  const key = canonical(input);
  const sentAt = now();
  return {
    invoke(called, calledInput, jobId) {
      if (early !== null && listMethods.has(called)) {
        const answer = early;
        early = null;
        if (called === method && jobId === null && now() - sentAt < KEEP_MS && canonical(calledInput) === key)
          return answer;
      }
      return transport.invoke(called, calledInput, jobId);
    },
    onProgress: (listener) => transport.onProgress(listener),
  };
}
