import { useState, type DragEvent, type ReactNode } from 'react';
import type { CollectionInfo, LanguageInfo, SavedSearchInfo, SourceInfo, TagInfo } from '../../../preload/contract';
import { useI18n } from '../i18n';
import type { View } from '../state/uiStore';
import { EntitySection } from './entities/EntitySection';
import { languageName } from '../text/format';

/** The drag type of article rows: their ids, as JSON. */
export const ARTICLE_DRAG_TYPE = 'application/x-mizan-articles';

export function draggedArticleIds(event: DragEvent): number[] | null {
  const raw = event.dataTransfer.getData(ARTICLE_DRAG_TYPE);
  if (!raw) return null;
  try {
    const ids: unknown = JSON.parse(raw);
    return Array.isArray(ids) ? ids.filter((n): n is number => typeof n === 'number') : null;
  } catch {
    return null;
  }
}

function carriesArticles(event: DragEvent): boolean {
  return [...event.dataTransfer.types].includes(ARTICLE_DRAG_TYPE);
}

interface SidebarProps {
  view: View;
  onView(view: View): void;
  totalArticles: number | null;
  collections: readonly CollectionInfo[];
  tags: readonly TagInfo[];
  sources: readonly SourceInfo[];
  languages: readonly LanguageInfo[];
  onNewCollection(): void;
  onRenameCollection(c: CollectionInfo): void;
  onDeleteCollection(c: CollectionInfo): void;
  onRenameTag(t: TagInfo): void;
  onDeleteTag(t: TagInfo): void;
  onDropOnCollection(c: CollectionInfo, ids: number[]): void;
  onDropOnTag(t: TagInfo, ids: number[]): void;
  onManageSources(): void;
  /** Saved searches (absent when the core has none); counts are what each finds now. */
  savedSearches?: readonly SavedSearchInfo[];
  onRenameSavedSearch?: (s: SavedSearchInfo) => void;
  onDeleteSavedSearch?: (s: SavedSearchInfo) => void;
  /** Opens the Dossiers view (absent when the core has no dossiers). */
  onDossiers?: () => void;
}

const SOURCES_SHOWN = 12;

export function Sidebar(props: SidebarProps) {
  const { t, w, ds, locale, formatNumber } = useI18n();
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const [allSources, setAllSources] = useState(false);
  const { view } = props;
  const is = (v: View) => JSON.stringify(v) === JSON.stringify(view);

  const dropProps = (key: string, onDrop: (ids: number[]) => void) => ({
    onDragOver(event: DragEvent) {
      if (!carriesArticles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      if (dropTarget !== key) setDropTarget(key);
    },
    onDragLeave() {
      setDropTarget((k) => (k === key ? null : k));
    },
    onDrop(event: DragEvent) {
      const ids = draggedArticleIds(event);
      setDropTarget(null);
      if (!ids || ids.length === 0) return;
      event.preventDefault();
      onDrop(ids);
    },
  });

  const link = (
    target: View,
    label: ReactNode,
    count: number | null,
    testId: string,
    extra?: ReactNode,
    key?: string,
    onDropIds?: (ids: number[]) => void,
  ) => (
    <li
      className={`side-item${key && dropTarget === key ? ' is-drop' : ''}`}
      key={key ?? testId}
      {...(onDropIds && key ? dropProps(key, onDropIds) : {})}
    >
      <button
        type="button"
        className={`side-link${is(target) ? ' is-current' : ''}`}
        aria-current={is(target) ? 'true' : undefined}
        onClick={() => props.onView(target)}
        data-testid={testId}
      >
        <span className="side-label">{label}</span>
        {count !== null ? <span className="side-count">{formatNumber(count)}</span> : null}
      </button>
      {extra}
    </li>
  );

  // Outlets known by name but with no article yet stay in the sources dialog.
  const withArticles = props.sources.filter((s) => s.articleCount > 0);
  const sources = allSources ? withArticles : withArticles.slice(0, SOURCES_SHOWN);

  return (
    <nav className="sidebar" aria-label={w.sidebarLabel} data-testid="sidebar">
      <ul className="side-list">
        {link({ kind: 'all' }, w.allArticles, props.totalArticles, 'view-all')}
        {link({ kind: 'highlights' }, w.highlightsView, null, 'view-highlights')}
        {link({ kind: 'stories' }, t.compare.stories, null, 'view-stories')}
        {props.onDossiers ? (
          <li className="side-item">
            <button type="button" className="side-link" onClick={props.onDossiers} data-testid="view-dossiers">
              <span className="side-label">{ds.dossiers}</span>
            </button>
          </li>
        ) : null}
      </ul>

      <section className="side-section" aria-labelledby="side-collections">
        <div className="side-heading">
          <h2 id="side-collections">{w.collections}</h2>
          <button
            type="button"
            className="icon-button icon-small"
            aria-label={w.newCollection}
            title={w.newCollection}
            onClick={props.onNewCollection}
            data-testid="new-collection"
          >
            +
          </button>
        </div>
        {props.collections.length === 0 ? <p className="side-empty">{w.noCollections}</p> : null}
        <ul className="side-list">
          {props.collections.map((c) =>
            link(
              { kind: 'collection', id: c.id },
              <bdi>{c.name}</bdi>,
              c.articleCount,
              'collection-link',
              <span className="side-actions">
                <button
                  type="button"
                  className="icon-button icon-small"
                  aria-label={`${w.renameCollection}: ${c.name}`}
                  title={w.renameCollection}
                  onClick={() => props.onRenameCollection(c)}
                >
                  ✎
                </button>
                <button
                  type="button"
                  className="icon-button icon-small"
                  aria-label={`${w.deleteCollection}: ${c.name}`}
                  title={w.deleteCollection}
                  onClick={() => props.onDeleteCollection(c)}
                >
                  ×
                </button>
              </span>,
              `c${c.id}`,
              (ids) => props.onDropOnCollection(c, ids),
            ),
          )}
        </ul>
      </section>

      {props.savedSearches ? (
        <section className="side-section" aria-labelledby="side-saved" data-testid="saved-searches">
          <div className="side-heading">
            <h2 id="side-saved">{t.selection.savedSearches}</h2>
          </div>
          {props.savedSearches.length === 0 ? <p className="side-empty">{t.selection.noSavedSearches}</p> : null}
          <ul className="side-list">
            {props.savedSearches.map((s) =>
              link(
                { kind: 'saved', id: s.id },
                <bdi>{s.name}</bdi>,
                s.articleCount,
                'saved-search-link',
                <span className="side-actions">
                  <button
                    type="button"
                    className="icon-button icon-small"
                    aria-label={`${t.selection.renameSavedSearch}: ${s.name}`}
                    title={t.selection.renameSavedSearch}
                    onClick={() => props.onRenameSavedSearch?.(s)}
                  >
                    ✎
                  </button>
                  <button
                    type="button"
                    className="icon-button icon-small"
                    aria-label={`${t.selection.deleteSavedSearch}: ${s.name}`}
                    title={t.selection.deleteSavedSearch}
                    onClick={() => props.onDeleteSavedSearch?.(s)}
                    data-testid="delete-saved-search"
                  >
                    ×
                  </button>
                </span>,
                `q${s.id}`,
              ),
            )}
          </ul>
        </section>
      ) : null}

      <section className="side-section" aria-labelledby="side-tags">
        <div className="side-heading">
          <h2 id="side-tags">{t.tags}</h2>
        </div>
        {props.tags.length === 0 ? <p className="side-empty">{w.noTags}</p> : null}
        <ul className="side-list">
          {props.tags.map((tag) =>
            link(
              { kind: 'tag', name: tag.name },
              <>
                <span className="hash" aria-hidden="true">
                  #
                </span>
                <bdi>{tag.name}</bdi>
              </>,
              tag.articleCount,
              'tag-link',
              <span className="side-actions">
                <button
                  type="button"
                  className="icon-button icon-small"
                  aria-label={`${w.renameTag}: ${tag.name}`}
                  title={w.renameTag}
                  onClick={() => props.onRenameTag(tag)}
                >
                  ✎
                </button>
                <button
                  type="button"
                  className="icon-button icon-small"
                  aria-label={`${w.deleteTag}: ${tag.name}`}
                  title={w.deleteTag}
                  onClick={() => props.onDeleteTag(tag)}
                >
                  ×
                </button>
              </span>,
              `t${tag.id}`,
              (ids) => props.onDropOnTag(tag, ids),
            ),
          )}
        </ul>
      </section>

      <EntitySection view={view} onView={props.onView} reloadKey={props.totalArticles} />

      <section className="side-section" aria-labelledby="side-sources">
        <div className="side-heading">
          <h2 id="side-sources">{w.sources}</h2>
          <button
            type="button"
            className="icon-button icon-small"
            aria-label={w.manageSources}
            title={w.manageSources}
            onClick={props.onManageSources}
            data-testid="manage-sources"
          >
            ⋯
          </button>
        </div>
        <ul className="side-list">
          {sources.map((s) =>
            link(
              { kind: 'source', id: s.id },
              <bdi>{s.name}</bdi>,
              s.articleCount,
              'source-link',
              undefined,
              `s${s.id}`,
            ),
          )}
        </ul>
        {withArticles.length > SOURCES_SHOWN ? (
          <button
            type="button"
            className="link-button side-more"
            onClick={() => setAllSources((v) => !v)}
            aria-expanded={allSources}
          >
            {allSources ? '−' : `+${formatNumber(withArticles.length - SOURCES_SHOWN)}`}
          </button>
        ) : null}
      </section>

      <section className="side-section" aria-labelledby="side-langs">
        <div className="side-heading">
          <h2 id="side-langs">{w.languages}</h2>
        </div>
        <ul className="side-list">
          {props.languages.map((l) =>
            link(
              { kind: 'lang', code: l.code },
              languageName(l.code, locale),
              l.articleCount,
              'lang-link',
              undefined,
              `l${l.code}`,
            ),
          )}
        </ul>
      </section>
    </nav>
  );
}
