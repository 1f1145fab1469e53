import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { ArticleSummary, SearchHit } from '../../../preload/contract';
import type { ArticlePager } from '../hooks/articlePager';
import type { ListSelection } from '../hooks/useListSelection';
import { useI18n } from '../i18n';
import { directionOf } from '../../../common/text/direction';
import { hijriDate, isoForPrecision, languageName, longDate, shortDate } from '../text/format';
import { localeForMonths, outletMonthSystem } from '../text/monthSystem';
import { ARTICLE_DRAG_TYPE, draggedArticleIds } from './Sidebar';

/** Fixed row height: two lines (title, then source · date · language). */
export const ROW_HEIGHT = 64;
/** Search results carry a line of snippet more. */
export const SEARCH_ROW_HEIGHT = 92;

interface ArticleListProps {
  pager: ArticlePager;
  /** Changes when the query changes: the list then scrolls back to the top. */
  queryKey: string;
  selectedIndex: number;
  openedId: number | null;
  onSelectIndex(index: number): void;
  onOpen(article: ArticleSummary): void;
  /** Shown instead of rows when the list is empty. */
  empty: ReactNode;
  rowHeight?: number;
  label: string;
  /** Collection order: rows can be dragged onto each other, or moved with Alt+↑/↓. */
  onReorder?(articleId: number, beforeId: number | null): void;
  /** Multi-selection (Ctrl/⌘+click, Shift+click, Ctrl/⌘+A, Esc); absent: one row at a time. */
  selection?: ListSelection;
}

function isSearchHit(article: ArticleSummary): article is SearchHit {
  return 'snippet' in article && typeof (article as SearchHit).snippet === 'object';
}

/** Text with marked ranges (search matches), as React nodes. */
function marked(text: string, ranges: readonly (readonly [number, number])[]): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  for (const [from, to] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (from < at || to <= from) continue;
    if (from > at) out.push(text.slice(at, from));
    out.push(
      <mark key={from} className="search-mark">
        {text.slice(from, to)}
      </mark>,
    );
    at = to;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

export function ArticleList({
  pager,
  queryKey,
  selectedIndex,
  openedId,
  onSelectIndex,
  onOpen,
  empty,
  rowHeight = ROW_HEIGHT,
  label,
  onReorder,
  selection,
}: ArticleListProps) {
  const i18n = useI18n();
  const { t, lang: uiLang, dir: uiDir, locale } = i18n;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [dropBefore, setDropBefore] = useState<number | null>(null);
  const total = pager.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? pager.pageSize - 1;

  useEffect(() => {
    pager.request(first, last);
  }, [pager, first, last]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [queryKey]);

  // Keep the selected row in view when it moves by j/k or a command.
  useEffect(() => {
    if (selectedIndex >= 0 && selectedIndex < total) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, total, virtualizer]);

  function move(to: number) {
    if (total === 0) return;
    const index = Math.max(0, Math.min(total - 1, to));
    onSelectIndex(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight) / rowHeight) - 1);
    // With nothing selected yet, the keys start from the first row in view.
    const firstVisible =
      virtualizer.getVirtualItems().find((item) => item.end > (virtualizer.scrollOffset ?? 0) + 1)?.index ?? 0;
    const current = selectedIndex < 0 ? firstVisible - 1 : selectedIndex;
    if (selection && (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'a') {
      selection.selectAll();
      event.preventDefault();
      return;
    }
    if (selection && event.key === 'Escape' && selection.active) {
      selection.clear();
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    if (selection && event.shiftKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown') && total > 0) {
      const to = Math.max(0, Math.min(total - 1, current + (event.key === 'ArrowUp' ? -1 : 1)));
      selection.extendTo(to, selectedIndex < 0 ? to : selectedIndex);
      move(to);
      event.preventDefault();
      return;
    }
    if (event.altKey && onReorder && (event.key === 'ArrowUp' || event.key === 'ArrowDown') && selectedIndex >= 0) {
      const article = pager.get(selectedIndex);
      if (!article) return;
      if (event.key === 'ArrowUp') {
        const before = pager.get(selectedIndex - 1);
        if (before) {
          onReorder(article.id, before.id);
          onSelectIndex(selectedIndex - 1);
        }
      } else {
        const after2 = pager.get(selectedIndex + 2);
        if (selectedIndex + 1 < total) {
          onReorder(article.id, after2 ? after2.id : null);
          onSelectIndex(selectedIndex + 1);
        }
      }
      event.preventDefault();
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
        move(current + 1);
        break;
      case 'ArrowUp':
        move(selectedIndex < 0 ? firstVisible : current - 1);
        break;
      case 'PageDown':
        move(current + pageRows);
        break;
      case 'PageUp':
        move(current - pageRows);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(total - 1);
        break;
      case 'Enter': {
        const article = current >= 0 ? pager.get(current) : undefined;
        if (article) onOpen(article);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  }

  if (pager.total === 0 && !pager.loading) {
    return <div className="list-empty">{empty}</div>;
  }

  const reorderDrop = (beforeId: number | null) =>
    onReorder
      ? {
          onDragOver(event: DragEvent) {
            if (![...event.dataTransfer.types].includes(ARTICLE_DRAG_TYPE)) return;
            event.preventDefault();
            event.stopPropagation();
            event.dataTransfer.dropEffect = 'move';
            setDropBefore(beforeId ?? -1);
          },
          onDrop(event: DragEvent) {
            const ids = draggedArticleIds(event);
            setDropBefore(null);
            if (!ids || ids.length !== 1 || ids[0] === beforeId) return;
            event.preventDefault();
            event.stopPropagation();
            onReorder(ids[0]!, beforeId);
          },
        }
      : {};

  return (
    <div
      ref={scrollRef}
      className="article-list"
      role="listbox"
      aria-label={label}
      aria-busy={pager.total === null}
      aria-activedescendant={selectedIndex >= 0 ? `article-row-${selectedIndex}` : undefined}
      aria-multiselectable={selection ? true : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onDragLeave={() => setDropBefore(null)}
      {...reorderDrop(null)}
      data-testid="article-list"
    >
      <div
        className="article-list-inner"
        style={{ blockSize: pager.total === null ? '100%' : virtualizer.getTotalSize() }}
      >
        {pager.total === null
          ? Array.from({ length: 8 }, (_, i) => <PlaceholderRow key={i} top={i * rowHeight} height={rowHeight} />)
          : items.map((item) => {
              const article = pager.get(item.index);
              if (!article) return <PlaceholderRow key={item.key} top={item.start} height={rowHeight} />;
              const published = isoForPrecision(article.publishedAt);
              const rowLocale = localeForMonths(i18n, outletMonthSystem(article.source));
              const long = longDate(article.publishedAt, rowLocale);
              const hijri = i18n.format.hijri ? hijriDate(article.publishedAt, locale) : null;
              const dateTitle = [long, article.publishedAt.original].filter(Boolean).join(' — ');
              const hit = isSearchHit(article) ? article : null;
              const checked = selection?.active ? selection.has(article.id) : false;
              return (
                <div
                  key={item.key}
                  id={`article-row-${item.index}`}
                  role="option"
                  aria-selected={selection?.active ? checked : item.index === selectedIndex}
                  aria-posinset={item.index + 1}
                  aria-setsize={total}
                  data-testid="article-row"
                  data-article-id={article.id}
                  dir={article.dir}
                  lang={article.lang}
                  draggable
                  className={`article-row${item.index === selectedIndex ? ' is-selected' : ''}${article.id === openedId ? ' is-open' : ''}${dropBefore === article.id ? ' is-drop-before' : ''}${checked ? ' is-checked' : ''}`}
                  style={{ transform: `translateY(${item.start}px)`, blockSize: rowHeight }}
                  onDragStart={(e) => {
                    // Dragging a selected row carries the whole (loaded) selection.
                    const dragged = checked && selection && !selection.all ? [...selection.ids] : [article.id];
                    e.dataTransfer.setData(ARTICLE_DRAG_TYPE, JSON.stringify(dragged));
                    e.dataTransfer.setData('text/plain', article.title);
                    e.dataTransfer.effectAllowed = 'copyMove';
                  }}
                  onDragEnd={() => setDropBefore(null)}
                  {...reorderDrop(article.id)}
                  onClick={(e) => {
                    // Focus stays on the listbox so the arrow keys go on from the clicked row.
                    scrollRef.current?.focus({ preventScroll: true });
                    const modifiers = { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey };
                    if (selection?.click(item.index, article.id, modifiers, selectedIndex)) {
                      // Shift+click would also select the page's text.
                      globalThis.getSelection?.()?.removeAllRanges();
                      onSelectIndex(item.index);
                      return;
                    }
                    onSelectIndex(item.index);
                    onOpen(article);
                  }}
                >
                  <div className="row-title" dir={directionOf(article.title, article.dir)}>
                    {hit && hit.titleHighlights.length > 0
                      ? marked(article.title, hit.titleHighlights)
                      : article.title || '—'}
                  </div>
                  {hit ? (
                    <div
                      className="row-snippet"
                      dir={directionOf(hit.snippet.text, article.dir)}
                      data-testid="row-snippet"
                    >
                      {marked(hit.snippet.text, hit.snippet.highlights)}
                    </div>
                  ) : null}
                  <div className="row-meta">
                    {article.source !== null ? (
                      <bdi className="row-source">{article.source}</bdi>
                    ) : (
                      <span className="row-source muted" lang={uiLang}>
                        {t.unknownSource}
                      </span>
                    )}
                    <span className="row-sep" aria-hidden="true">
                      ·
                    </span>
                    {published ? (
                      <time className="row-date" dateTime={published} title={dateTitle} lang={uiLang} dir={uiDir}>
                        {shortDate(article.publishedAt, rowLocale) ?? published}
                        {hijri ? <span className="row-hijri">{` · ${hijri}`}</span> : null}
                      </time>
                    ) : (
                      <span className="row-date muted" lang={uiLang}>
                        {t.undated}
                      </span>
                    )}
                    {article.tags.length > 0 ? (
                      <span className="row-tags">
                        {article.tags.slice(0, 3).map((tag) => (
                          <span key={tag} className="row-tag" dir={uiDir}>
                            <span aria-hidden="true">#</span>
                            <bdi>{tag}</bdi>
                          </span>
                        ))}
                      </span>
                    ) : null}
                    {/* The language is named only where it is not the interface's: no badge on every row of an Arabic library. */}
                    {article.lang.split('-')[0] !== uiLang ? (
                      <span className="row-lang" title={languageName(article.lang, locale)}>
                        {article.lang.toUpperCase()}
                      </span>
                    ) : null}
                  </div>
                </div>
              );
            })}
      </div>
    </div>
  );
}

function PlaceholderRow({ top, height }: { top: number; height: number }) {
  return (
    <div
      className="article-row placeholder"
      aria-hidden="true"
      style={{ transform: `translateY(${top}px)`, blockSize: height }}
    >
      <div className="skeleton skeleton-title" />
      <div className="skeleton skeleton-meta" />
    </div>
  );
}
