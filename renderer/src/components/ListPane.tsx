import type { ReactNode, RefObject } from 'react';
import type { ArticleSummary, StoryCluster } from '../../../preload/contract';
import { useApi } from '../api';
import type { ArticlePager } from '../hooks/articlePager';
import { useI18n } from '../i18n';
import type { UiState, View } from '../state/uiStore';
import { useUiState, useUiStore } from '../state/useUi';
import { ArticleList, ROW_HEIGHT, SEARCH_ROW_HEIGHT } from './ArticleList';
import { StoriesView } from './compare/StoriesView';
import { HighlightsList } from './HighlightsList';

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
  above,
}: ListPaneProps) {
  const { api } = useApi();
  const { t, w } = useI18n();
  const ui = useUiState();
  const store = useUiStore();
  return (
    <section className="list-pane" aria-label={t.listLabel} ref={paneRef}>
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
              <button type="button" className="button button-small" onClick={onClearSearch}>
                {w.clearSearch}
              </button>
            )}
          </div>
          {above}
          <ArticleList
            pager={pager}
            queryKey={queryKey}
            selectedIndex={selectedIndex}
            openedId={openedId}
            label={t.listLabel}
            rowHeight={mode === 'search' ? SEARCH_ROW_HEIGHT : ROW_HEIGHT}
            onSelectIndex={onSelectIndex}
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
          <p className="list-hint muted" aria-hidden="true">
            {w.listKeys}
          </p>
        </>
      )}
    </section>
  );
}
