import type { ReactNode, RefObject } from 'react';
import type { ArticleSummary, SearchResults, StoryCluster } from '../../../preload/contract';
import { useApi } from '../api';
import type { ArticlePager } from '../hooks/articlePager';
import type { ListSelection } from '../hooks/useListSelection';
import { useI18n } from '../i18n';
import type { UiState, View } from '../state/uiStore';
import { useUiState, useUiStore } from '../state/useUi';
import { ArticleList, ROW_HEIGHT, SEARCH_ROW_HEIGHT } from './ArticleList';
import { StoriesView } from '../lazyViews';
import { HighlightsList } from './HighlightsList';
import { FacetPanel } from './FacetPanel';
import { SearchHeader } from './SearchHeader';
import { noRefine, type SearchRefine } from '../hooks/searchRefine';
import { useSearchWords } from '../i18nSearch';

interface ListPaneProps {
  paneRef: RefObject<HTMLElement | null>;
  view: View;
  viewTitle: string;
  searching: boolean;
  onClearSearch(): void;
  sort: UiState['sort'];
  inCollection: boolean;
  mode: 'search' | 'collection' | 'list';
  pager: ArticlePager;
  queryKey: string;
  selectedIndex: number;
  onSelectIndex(index: number): void;
  openedId: number | null;
  onOpen(articleId: number, highlightId?: number | null): void;
  setView(view: View): void;
  /** After a change to the library (the lists read again). */
  version: number;
  articleVersion: number;
  storiesVersion: number;
  placingStories: boolean;
  onPlaceStories(): void;
  story: StoryCluster | null;
  onChooseStory(story: StoryCluster | null): void;
  /** The collection's order changed (by drag or Alt+↑/↓). */
  onReordered(): void;
  onError(context: string, error: unknown): void;
  /** The list's multi-selection, and the bar of bulk actions shown while rows are selected. */
  selection?: ListSelection;
  bulkBar?: ReactNode;
  /** Saves the search typed (with the view's filters) as a saved search. */
  onSaveSearch?: () => void;
  /** Under the title of a saved search: what it looks for. */
  subtitle?: string;
  /** While searching: the first page's answer (count, facets, reading) and the refinements. */
  searchAnswer?: SearchResults | null;
  refine?: SearchRefine;
  onRefine?(next: SearchRefine): void;
  /** Shown between the list's header and its rows (the result set's charts). */
  above?: ReactNode;
}

/** The middle pane: the stories, the library's highlights, or the article list with its title, sort and order. */
export function ListPane({
  paneRef,
  view,
  viewTitle,
  searching,
  onClearSearch,
  sort,
  inCollection,
  mode,
  pager,
  queryKey,
  selectedIndex,
  onSelectIndex,
  openedId,
  onOpen,
  setView,
  version,
  articleVersion,
  storiesVersion,
  placingStories,
  onPlaceStories,
  story,
  onChooseStory,
  onReordered,
  onError,
  selection,
  bulkBar,
  onSaveSearch,
  subtitle,
  searchAnswer = null,
  refine = noRefine,
  onRefine = () => undefined,
  above,
}: ListPaneProps) {
  const sw = useSearchWords();
  const { api } = useApi();
  const { t, w } = useI18n();
  const ui = useUiState();
  const store = useUiStore();
  return (
    <section className={searching ? 'list-pane searching' : 'list-pane'} aria-label={t.listLabel} ref={paneRef}>
      {view.kind === 'stories' && !searching ? (
        <StoriesView
          version={version + storiesVersion}
          placing={placingStories}
          onPlace={onPlaceStories}
          chosenId={story?.id ?? null}
          onChoose={onChooseStory}
        />
      ) : view.kind === 'highlights' && !searching ? (
        <HighlightsList
          version={version + articleVersion}
          onOpen={(articleId, highlightId) => onOpen(articleId, highlightId)}
        />
      ) : (
        <>
          <div className="list-header">
            <h2 className="list-title" data-testid="list-title">
              {view.kind === 'tag' && !searching ? <span aria-hidden="true">#</span> : null}
              <bdi>{viewTitle}</bdi>
              {subtitle ? <span className="list-subtitle muted">{subtitle}</span> : null}
            </h2>
            {!searching ? (
              <>
                <label className="field">
                  <span className="visually-hidden">{t.sortBy}</span>
                  <select
                    value={sort}
                    onChange={(e) => store.update({ sort: e.currentTarget.value as UiState['sort'] })}
                    data-testid="sort-select"
                    aria-label={t.sortBy}
                  >
                    {inCollection ? <option value="position">{w.collectionOrder}</option> : null}
                    <option value="publishedAt">{t.sortPublishedAt}</option>
                    <option value="importedAt">{t.sortImportedAt}</option>
                    <option value="title">{t.sortTitle}</option>
                    <option value="source">{t.sortSource}</option>
                  </select>
                </label>
                {sort !== 'position' ? (
                  <button
                    type="button"
                    className="icon-button order-button"
                    onClick={() => store.update({ order: ui.order === 'desc' ? 'asc' : 'desc' })}
                    title={ui.order === 'desc' ? t.orderDesc : t.orderAsc}
                    aria-label={ui.order === 'desc' ? t.orderDesc : t.orderAsc}
                    data-testid="order-toggle"
                  >
                    {ui.order === 'desc' ? '↓' : '↑'}
                  </button>
                ) : null}
              </>
            ) : (
              <>
                {onSaveSearch ? (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={onSaveSearch}
                    data-testid="save-search"
                  >
                    {t.selection.saveSearch}
                  </button>
                ) : null}
                <button type="button" className="button button-small" onClick={onClearSearch}>
                  {w.clearSearch}
                </button>
              </>
            )}
          </div>
          {bulkBar}
          {searching ? <SearchHeader answer={searchAnswer} refine={refine} onRefine={onRefine} /> : null}
          {above}
          <div className={searching ? 'search-body' : 'list-body'}>
            <ArticleList
              pager={pager}
              queryKey={queryKey}
              selectedIndex={selectedIndex}
              openedId={openedId}
              label={t.listLabel}
              rowHeight={mode === 'search' ? SEARCH_ROW_HEIGHT : ROW_HEIGHT}
              onSelectIndex={onSelectIndex}
              selection={selection}
              onOpen={(article: ArticleSummary) => onOpen(article.id)}
              onReorder={
                mode === 'collection' && view.kind === 'collection'
                  ? (articleId, beforeId) =>
                      void api['library.moveCollectionItem']({ collectionId: view.id, articleId, beforeId }).then(
                        onReordered,
                        (error: unknown) => onError(w.collectionOrder, error),
                      )
                  : undefined
              }
              empty={
                pager.error ? (
                  <div className="list-message">
                    <p>{t.listFailed}</p>
                    <button type="button" className="button" onClick={() => pager.retry()}>
                      {t.retry}
                    </button>
                  </div>
                ) : searching ? (
                  <div className="list-message teaching" data-testid="search-empty">
                    <p>{sw.emptyTitle}</p>
                    <ul className="search-tips">
                      {sw.emptyTips.map((tip) => (
                        <li key={tip}>{tip}</li>
                      ))}
                    </ul>
                    {refine.chips.length > 0 || refine.from || refine.to ? (
                      <button
                        type="button"
                        className="button"
                        onClick={() => onRefine({ ...noRefine, sort: refine.sort })}
                      >
                        {sw.clearAll}
                      </button>
                    ) : null}
                  </div>
                ) : (
                  <div className="list-message teaching">
                    <p>{searching ? t.noMatches : view.kind === 'collection' ? w.emptyCollection : w.emptyFiltered}</p>
                    {view.kind !== 'all' || searching ? (
                      <button type="button" className="button" onClick={() => setView({ kind: 'all' })}>
                        {t.clearFilters}
                      </button>
                    ) : null}
                  </div>
                )
              }
            />
            {searching ? <FacetPanel answer={searchAnswer} refine={refine} onRefine={onRefine} /> : null}
          </div>
          <p className="list-hint muted" aria-hidden="true">
            {w.listKeys}
          </p>
        </>
      )}
    </section>
  );
}
