import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { ArticleSummary } from '../../../preload/contract';
import type { ArticlePager } from '../hooks/articlePager';
import { useI18n } from '../i18n';
import { directionOf } from '../text/direction';
import { isoForPrecision, languageName, longDate } from '../text/format';

/** Fixed row height: two lines (title, then source · date · language). */
export const ROW_HEIGHT = 64;

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
}

export function ArticleList({ pager, queryKey, selectedIndex, openedId, onSelectIndex, onOpen, empty }: ArticleListProps) {
  const { t, lang: uiLang, locale } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = pager.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
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

  function move(to: number) {
    if (total === 0) return;
    const index = Math.max(0, Math.min(total - 1, to));
    onSelectIndex(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    // With nothing selected yet, the keys start from the first row in view.
    const firstVisible = virtualizer.getVirtualItems().find((item) => item.end > (virtualizer.scrollOffset ?? 0) + 1)?.index ?? 0;
    const current = selectedIndex < 0 ? firstVisible - 1 : selectedIndex;
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

  return (
    <div
      ref={scrollRef}
      className="article-list"
      role="listbox"
      aria-label={t.listLabel}
      aria-busy={pager.total === null}
      aria-activedescendant={selectedIndex >= 0 ? `article-row-${selectedIndex}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="article-list"
    >
      <div className="article-list-inner" style={{ blockSize: pager.total === null ? '100%' : virtualizer.getTotalSize() }}>
        {pager.total === null
          ? Array.from({ length: 8 }, (_, i) => <PlaceholderRow key={i} top={i * ROW_HEIGHT} />)
          : items.map((item) => {
              const article = pager.get(item.index);
              if (!article) return <PlaceholderRow key={item.key} top={item.start} />;
              const published = isoForPrecision(article.publishedAt);
              const long = longDate(article.publishedAt, locale);
              const dateTitle = [long, article.publishedAt.original].filter(Boolean).join(' — ');
              return (
                <div
                  key={item.key}
                  id={`article-row-${item.index}`}
                  role="option"
                  aria-selected={item.index === selectedIndex}
                  aria-posinset={item.index + 1}
                  aria-setsize={total}
                  data-testid="article-row"
                  data-article-id={article.id}
                  dir={article.dir}
                  lang={article.lang}
                  className={`article-row${item.index === selectedIndex ? ' is-selected' : ''}${article.id === openedId ? ' is-open' : ''}`}
                  style={{ transform: `translateY(${item.start}px)` }}
                  onMouseDown={(e) => {
                    // Keep focus on the listbox so the arrow keys go on from the clicked row.
                    e.preventDefault();
                    scrollRef.current?.focus({ preventScroll: true });
                  }}
                  onClick={() => {
                    onSelectIndex(item.index);
                    onOpen(article);
                  }}
                >
                  <div className="row-title" dir={directionOf(article.title, article.dir)}>
                    {article.title || '—'}
                  </div>
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
                      <time className="row-date" dateTime={published} title={dateTitle} dir="ltr">
                        {published}
                      </time>
                    ) : (
                      <span className="row-date muted" lang={uiLang}>
                        {t.undated}
                      </span>
                    )}
                    <span className="row-lang" title={languageName(article.lang, locale)}>
                      {article.lang.toUpperCase()}
                    </span>
                  </div>
                </div>
              );
            })}
      </div>
    </div>
  );
}

function PlaceholderRow({ top }: { top: number }) {
  return (
    <div className="article-row placeholder" aria-hidden="true" style={{ transform: `translateY(${top}px)` }}>
      <div className="skeleton skeleton-title" />
      <div className="skeleton skeleton-meta" />
    </div>
  );
}
