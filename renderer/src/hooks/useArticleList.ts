import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ArticleFilter, FacetGroup, SearchResults } from '../../../preload/contract';
import { useApi } from '../api';
import { searchAvailable } from '../components/Toolbar';
import type { UiState, View } from '../state/uiStore';
import { useUiState, useUiStore } from '../state/useUi';
import { ArticlePager, type FetchPage } from './articlePager';
import { firstRowsShown } from './firstRows';
import { filterOf } from './listFilter';
import type { Facts } from './useLibraryFacts';
import { datesOf, noRefine, refinedQuery, type SearchRefine } from './searchRefine';

/** A page fetcher that lets the held-back startup calls go once its first answer is in. */
function markingFirstRows(fetchPage: FetchPage): FetchPage {
  return (offset, limit) => {
    const answer = fetchPage(offset, limit);
    void answer.then(firstRowsShown, firstRowsShown);
    return answer;
  };
}

/** While the entity index catches up after an import, its facets are asked again this often, this many times. */
const ENTITY_RETRY_MS = 1500;
const ENTITY_RETRIES = 40;

/** The search's facets with the entity kinds added once they are counted (the facet panel shows every kind). */
function withEntityFacets(
  results: SearchResults,
  entities: { key: string; groups: FacetGroup[] } | null,
  key: string,
): SearchResults {
  if (!entities || entities.key !== key || entities.groups.length === 0) return results;
  return { ...results, facetGroups: [...(results.facetGroups ?? []), ...entities.groups] };
}

/**
 * What the list shows and which row is chosen: the view (library, tag,
 * collection...), sort and order, or a search; one pager per query (a fresh
 * one after any change to the library); the selected row, the open article,
 * and j/k stepping through the list.
 */
export function useArticleList(version: number, facts: Facts) {
  const { api } = useApi();
  const store = useUiStore();
  const ui = useUiState();
  // The search and what narrows it are kept with the rest of the UI state: a restart finds them as they were.
  const { search, refine } = ui;
  const setRefine = useCallback(
    (next: SearchRefine | ((current: SearchRefine) => SearchRefine)) =>
      store.update({ refine: typeof next === 'function' ? next(store.ui.refine) : next }),
    [store],
  );
  // The answer to the first page: count, facets, how the query was read.
  const [answer, setAnswer] = useState<{ key: string; results: SearchResults } | null>(null);
  // People, places and organisations of the same hits (entities.facets), asked once the answer is in.
  const [entityGroups, setEntityGroups] = useState<{ key: string; groups: FacetGroup[] } | null>(null);
  const searching = searchAvailable && search.trim() !== '';
  const view = ui.view;
  const inCollection = view.kind === 'collection';
  const sort = ui.sort === 'position' && !inCollection ? 'publishedAt' : ui.sort;
  // A saved search is its query and filters, run again whenever the list reads (imports and edits change it).
  const saved = view.kind === 'saved' ? (facts.savedSearches.find((s) => s.id === view.id) ?? null) : null;
  const savedKey = saved ? JSON.stringify([saved.query, saved.filter]) : '';
  const viewFilter = useMemo(
    () => (savedKey ? (JSON.parse(savedKey) as [string, ArticleFilter])[1] : filterOf(view)),
    [view, savedKey],
  );
  // One date range: the search header's fields (Gregorian or Hijri, as typed) and the timeline's brush
  // are the same state (refine.from/to), on top of the view's own filter; a new view starts without.
  const bounds = useMemo(() => datesOf(refine.from, refine.to), [refine.from, refine.to]);
  const dateRange = bounds.from || bounds.to ? { from: bounds.from ?? '', to: bounds.to ?? '' } : null;
  const setDateRange = useCallback(
    (range: { from: string; to: string } | null) =>
      setRefine((r) => ({ ...r, from: range?.from ?? '', to: range?.to ?? '' })),
    [],
  );
  const filter = useMemo(
    () => ({
      ...viewFilter,
      ...(bounds.from ? { dateFrom: bounds.from } : {}),
      ...(bounds.to ? { dateTo: bounds.to } : {}),
    }),
    [viewFilter, bounds],
  );
  const query = searching ? search.trim() : (saved?.query.trim() ?? '');
  const mode: 'search' | 'collection' | 'list' =
    query !== '' ? 'search' : inCollection && sort === 'position' ? 'collection' : 'list';
  const queryKey = JSON.stringify({
    mode,
    sort,
    order: ui.order,
    filter,
    search: query,
    refine: query !== '' ? refine : null,
  });

  // The query the list shows now: a late answer for an earlier one is dropped.
  const currentKey = useRef(queryKey);
  currentKey.current = queryKey;

  const pager = useMemo(() => {
    const q = JSON.parse(queryKey) as {
      mode: typeof mode;
      sort: UiState['sort'];
      order: 'asc' | 'desc';
      filter: ArticleFilter;
      search: string;
      refine: SearchRefine;
    };
    if (q.mode === 'search') {
      const { query, filter: refined } = refinedQuery(q.search, q.filter, q.refine);
      return new ArticlePager(
        markingFirstRows(async (offset, limit) => {
          const results = await api['search.query']({
            query,
            filter: refined,
            offset,
            limit: Math.min(limit, 100),
            // Facets are counted over all hits: once, with the first page.
            facets: offset === 0,
            sort: q.refine.sort,
            lenient: true,
          });
          if (offset === 0) {
            setAnswer({ key: queryKey, results });
            // Beside the other facets; asked again while the entity index is still reading new articles.
            const ask = (tries: number) =>
              api['entities.facets']({ query, filter: refined }).then(
                (f) => {
                  if (currentKey.current !== queryKey) return;
                  setEntityGroups({ key: queryKey, groups: f.groups });
                  if ((f.status.queued > 0 || f.status.running) && tries > 0)
                    setTimeout(() => void ask(tries - 1), ENTITY_RETRY_MS);
                },
                () => undefined,
              );
            void ask(ENTITY_RETRIES);
          }
          return results;
        }),
        { pageSize: 50 },
      );
    }
    if (q.mode === 'collection' && q.filter.collectionId) {
      const collectionId = q.filter.collectionId;
      return new ArticlePager(
        markingFirstRows((offset, limit) => api['library.listCollectionArticles']({ collectionId, offset, limit })),
      );
    }
    const listSort = q.sort === 'position' ? 'publishedAt' : q.sort;
    return new ArticlePager(
      markingFirstRows((offset, limit) =>
        api['library.listArticles']({ offset, limit, sort: listSort, order: q.order, filter: q.filter }),
      ),
    );
    // `version` starts a fresh pager after any change to the library.
  }, [api, queryKey, version]);
  useEffect(() => {
    pager.setActive(true);
    return () => pager.setActive(false);
  }, [pager]);
  useSyncExternalStore(pager.subscribe, pager.getRevision);

  const [selection, setSelection] = useState<{ key: string; index: number }>({ key: queryKey, index: -1 });
  const selectedIndex = selection.key === queryKey ? selection.index : -1;
  const select = useCallback((index: number) => setSelection({ key: queryKey, index }), [queryKey]);
  const openedId = ui.openedId;
  const [focusHighlight, setFocusHighlight] = useState<number | null>(null);

  const openArticle = useCallback(
    (id: number, highlightId: number | null = null) => {
      setFocusHighlight(highlightId);
      store.update({ openedId: id });
    },
    [store],
  );

  const setView = useCallback(
    (next: View) => {
      const patch: Partial<UiState> = { view: next };
      if (next.kind === 'collection') patch.sort = 'position';
      else if (ui.sort === 'position') patch.sort = 'publishedAt';
      store.update({ ...patch, search: '', refine: noRefine });
    },
    [store, ui.sort],
  );

  // A view of something that no longer exists falls back to the whole library.
  useEffect(() => {
    // Only facts read after the latest change can say that something is gone.
    if (facts.info === null || facts.version !== version) return;
    const gone =
      (view.kind === 'collection' && !facts.collections.some((c) => c.id === view.id)) ||
      (view.kind === 'source' && !facts.sources.some((s) => s.id === view.id)) ||
      (view.kind === 'tag' && !facts.tags.some((tag) => tag.name === view.name)) ||
      (view.kind === 'saved' && !facts.savedSearches.some((s) => s.id === view.id));
    if (gone) store.update({ view: { kind: 'all' }, sort: ui.sort === 'position' ? 'publishedAt' : ui.sort });
  }, [facts, version, view, store, ui.sort]);

  const step = useCallback(
    (delta: number) => {
      const total = pager.total ?? 0;
      if (total === 0) return;
      let base = selectedIndex;
      if (base < 0 && openedId !== null) {
        for (let i = 0; i < total; i++) {
          const a = pager.get(i);
          if (a?.id === openedId) {
            base = i;
            break;
          }
          if (!a) break;
        }
      }
      const next = Math.max(0, Math.min(total - 1, base < 0 ? (delta > 0 ? 0 : total - 1) : base + delta));
      const article = pager.get(next);
      setSelection({ key: queryKey, index: next });
      if (article) openArticle(article.id);
      else pager.request(next, next);
    },
    [pager, selectedIndex, openedId, queryKey, openArticle],
  );

  const shownAnswer = useMemo(
    () => (answer?.key === queryKey && searching ? withEntityFacets(answer.results, entityGroups, queryKey) : null),
    [answer, entityGroups, queryKey, searching],
  );

  const setSearch = useCallback(
    (text: string) => {
      // Filters chosen for one search stay while it is refined, not once it is cleared; the dates stay (the timeline's).
      const { from, to } = store.ui.refine;
      store.update(text.trim() === '' ? { search: text, refine: { ...noRefine, from, to } } : { search: text });
    },
    [store],
  );

  return {
    viewFilter,
    dateRange,
    setDateRange,
    search,
    setSearch,
    refine,
    setRefine,
    answer: shownAnswer,
    searching,
    view,
    inCollection,
    sort,
    mode,
    queryKey,
    filter,
    saved,
    pager,
    selectedIndex,
    select,
    openedId,
    focusHighlight,
    openArticle,
    setView,
    step,
  };
}
