/**
 * Stories: clusters of articles that report one event, listed by number of
 * outlets (the default), size or date, a page at a time; the chosen story's
 * articles beside the list, with "Compare" for a chosen subset. A story that
 * is part of a developing story (a thread) says so and lists the thread's
 * other events.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ClusterPage, StoryCluster } from '../../../../preload/contract';
import { toShownError, useApi, type ShownError } from '../../api';
import { useI18n } from '../../i18n';
import type { StorySort } from '../../i18nCompare';
import { directionOf } from '../../../../common/text/direction';
import { dateTime } from '../../text/format';
import { dayLabel, dayRange, defaultComparisonIds, storyTitles } from './storyFormat';
import { ChartPanel } from '../../charts/ChartPanel';

const PAGE = 30;
/** While the core is still placing imported articles, the list is read again this often. */
const PLACING_POLL_MS = 2000;

/** The list's choices outlive the component: a comparison replaces the panes, and coming back should not reset them. */
const remembered: { sort: StorySort; multiOutlet: boolean; offset: number } = {
  sort: 'outlets',
  multiOutlet: true,
  offset: 0,
};
const MAX_COMPARED = 12;
/** Columns a story's comparison starts with: more fit on no screen; the reader ticks others in. */
const FIRST_COMPARED = 4;

interface StoriesViewProps {
  /** Bumped by the app after imports and clustering runs: the page is read again. */
  version: number;
  /** A clustering job is running (the button waits). */
  placing: boolean;
  onPlace(): void;
  /** The story shown beside the list (in the reader pane). */
  chosenId: number | null;
  onChoose(story: StoryCluster): void;
}

/** The list pane of the Stories view; the chosen story is shown by StoryPanel in the reader pane. */
export function StoriesView({ version, placing, onPlace, chosenId, onChoose }: StoriesViewProps) {
  const { api } = useApi();
  const { t, locale, formatNumber } = useI18n();
  const c = t.compare;
  const [sort, setSort] = useState<StorySort>(remembered.sort);
  const [multiOutlet, setMultiOutlet] = useState(remembered.multiOutlet);
  const [offset, setOffset] = useState(remembered.offset);
  useEffect(() => {
    Object.assign(remembered, { sort, multiOutlet, offset });
  }, [sort, multiOutlet, offset]);
  const [page, setPage] = useState<ClusterPage | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () => {
      api['compare.clusters']({ offset, limit: PAGE, sort, minSize: 2, minOutlets: multiOutlet ? 2 : 1 }).then(
        (next) => {
          if (!live) return;
          setPage(next);
          setError(null);
          // The core places imported articles by itself: read again until it has.
          if (next.unclustered > 0) timer = setTimeout(read, PLACING_POLL_MS);
        },
        (e: unknown) => {
          if (live) setError(toShownError(e));
        },
      );
    };
    read();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, offset, sort, multiOutlet, version]);

  // Arrow keys move between stories like a listbox; Enter/Space choose.
  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button.story-item') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const go = (i: number) => {
      event.preventDefault();
      buttons[Math.max(0, Math.min(buttons.length - 1, i))]?.focus();
    };
    if (event.key === 'ArrowDown' || event.key === 'j') go(at + 1);
    else if (event.key === 'ArrowUp' || event.key === 'k') go(at - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(buttons.length - 1);
    else return;
    // The workbench's own j/k would step through the hidden article list.
    event.stopPropagation();
  };

  const total = page?.total ?? 0;
  return (
    <div className="stories" data-testid="stories-view">
      <section className="stories-list-pane" aria-label={c.storiesLabel}>
        <div className="list-header stories-header">
          <h2 className="list-title" data-testid="list-title">
            {c.stories}
          </h2>
          <label className="field">
            <span className="visually-hidden">{c.sortStories}</span>
            <select
              value={sort}
              aria-label={c.sortStories}
              data-testid="stories-sort"
              onChange={(e) => {
                setSort(e.currentTarget.value as StorySort);
                setOffset(0);
              }}
            >
              {(['size', 'date', 'outlets'] as const).map((s) => (
                <option key={s} value={s}>
                  {c.sortNames[s]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="stories-filters">
          <label className="check">
            <input
              type="checkbox"
              checked={multiOutlet}
              onChange={(e) => {
                setMultiOutlet(e.currentTarget.checked);
                setOffset(0);
              }}
              data-testid="stories-multi-outlet"
            />{' '}
            {c.multiOutletOnly}
          </label>
          {page ? (
            <span className="muted" role="status" data-testid="stories-total">
              {c.storyCount(formatNumber(total), total)}
            </span>
          ) : null}
        </div>
        {page && page.unclustered > 0 ? (
          <div className="stories-pending" role="status" data-testid="stories-unclustered">
            <span>
              {c.notClustered(formatNumber(page.unclustered), page.unclustered)} {c.placing}
            </span>
            <button
              type="button"
              className="button button-small"
              onClick={onPlace}
              disabled={placing}
              data-testid="stories-place"
            >
              {c.placeNow}
            </button>
          </div>
        ) : null}
        {page?.lastRun ? <p className="muted stories-run">{c.lastRun(dateTime(page.lastRun.at, locale))}</p> : null}
        {error ? (
          <p className="list-message" role="alert">
            <code className="error-code">{error.code}</code> {t.errorNames[error.code]}
          </p>
        ) : null}
        {page && page.items.length === 0 && page.unclustered === 0 ? (
          <p className="list-message teaching">{c.noStories}</p>
        ) : null}
        <ul className="story-items" ref={listRef} aria-label={c.storiesLabel} onKeyDown={onListKey}>
          {page?.items.map((story) => (
            <li key={story.id}>
              <StoryItem story={story} chosen={story.id === chosenId} onChoose={() => onChoose(story)} />
            </li>
          ))}
        </ul>
        {total > PAGE ? (
          <nav className="stories-pager" aria-label={c.storiesLabel}>
            <button
              type="button"
              className="button button-small"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE))}
              data-testid="stories-prev"
            >
              {c.previousPage}
            </button>
            <span className="muted">
              {c.pageOf(formatNumber(offset + 1), formatNumber(Math.min(total, offset + PAGE)), formatNumber(total))}
            </span>
            <button
              type="button"
              className="button button-small"
              disabled={offset + PAGE >= total}
              onClick={() => setOffset(offset + PAGE)}
              data-testid="stories-next"
            >
              {c.nextPage}
            </button>
          </nav>
        ) : null}
      </section>
    </div>
  );
}

function StoryItem({ story, chosen, onChoose }: { story: StoryCluster; chosen: boolean; onChoose(): void }) {
  const { t, locale, formatNumber } = useI18n();
  const c = t.compare;
  const other = storyTitles(story.articles, 2).find((title) => title !== story.title);
  const titles = other ? [story.title, other] : [story.title];
  const dir = story.articles[0]?.dir ?? 'rtl';
  return (
    <button
      type="button"
      className={`highlight-item story-item${chosen ? ' is-current' : ''}`}
      aria-current={chosen ? 'true' : undefined}
      onClick={onChoose}
      data-testid="story-item"
      data-story-id={story.id}
      data-size={story.size}
      data-outlets={story.outletCount}
    >
      {titles.map((title, i) => (
        <span
          key={title}
          className={i === 0 ? 'story-title' : 'story-title story-title-alt'}
          dir={directionOf(title, dir)}
        >
          {title}
        </span>
      ))}
      <span className="story-facts">
        <span className="badge" data-testid="story-size">
          {c.storyArticles(formatNumber(story.size), story.size)}
        </span>
        <span className="badge" data-testid="story-outlet-count">
          {c.storyOutlets(formatNumber(story.outletCount), story.outletCount)}
        </span>
        <span className="muted">{dayRange(story.dateRange, locale)}</span>
        {story.thread ? (
          <span className="badge story-thread" title={c.threadHelp} data-testid="story-thread">
            {c.threadBadge(formatNumber(story.thread.stories), story.thread.stories)}
          </span>
        ) : null}
      </span>
      <span className="story-outlets muted" data-testid="story-outlets">
        <bdi>{story.outlets.join(c.listSeparator)}</bdi>
      </span>
    </button>
  );
}

/** One story: its articles (oldest first), each to open or to include in the comparison. */
export function StoryPanel({
  story,
  onOpenArticle,
  onCompare,
  onChooseStory,
}: {
  story: StoryCluster;
  onOpenArticle(id: number): void;
  onCompare(ids: number[]): void;
  /** Opens another story (of the same thread). */
  onChooseStory(story: StoryCluster): void;
}) {
  const { api } = useApi();
  const { t, locale, formatNumber } = useI18n();
  const c = t.compare;
  const [picked, setPicked] = useState<number[]>(() => defaultComparisonIds(story.articles, FIRST_COMPARED));
  const toggle = (id: number, on: boolean) =>
    setPicked((list) => (on ? [...list, id].slice(0, MAX_COMPARED) : list.filter((x) => x !== id)));
  const ordered = story.articles.map((a) => a.id).filter((id) => picked.includes(id));
  const title = story.title;
  return (
    <div className="story-panel" data-testid="story-panel">
      <header className="story-panel-header">
        <h2 className="story-panel-title" dir={directionOf(title, story.articles[0]?.dir ?? 'rtl')}>
          {title}
        </h2>
        <p className="muted">
          {c.storyArticles(formatNumber(story.size), story.size)} ·{' '}
          {c.storyOutlets(formatNumber(story.outletCount), story.outletCount)} · {dayRange(story.dateRange, locale)}
          {story.score !== null ? ` · ${c.storyScore(formatNumber(Math.round(story.score * 100) / 100))}` : ''}
        </p>
        <div className="story-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={ordered.length < 2}
            onClick={() => onCompare(ordered)}
            data-testid="story-compare"
          >
            {c.compareSelected(formatNumber(ordered.length), ordered.length)}
          </button>
          <span className="muted">{c.compareHint}</span>
        </div>
      </header>
      <ChartPanel
        load={() => api['charts.timeline']({ articleIds: story.articles.map((a) => a.id) })}
        loadKey={`story-${story.id}-${story.size}`}
        subject={title}
        testId="story-charts"
      />
      <ul className="story-articles">
        {story.articles.map((a) => {
          const on = picked.includes(a.id);
          return (
            <li key={a.id} className="story-article" data-testid="story-article">
              <input
                type="checkbox"
                checked={on}
                disabled={!on && picked.length >= MAX_COMPARED}
                onChange={(e) => toggle(a.id, e.currentTarget.checked)}
                aria-label={c.selectForCompare(a.title)}
                data-testid="story-article-pick"
              />
              <span className="story-article-main">
                <span className="story-article-source">
                  <bdi>{a.source ?? c.unknownOutlet}</bdi>
                  {a.publishedAt.iso ? (
                    <span className="muted">
                      {' '}
                      · <bdi>{dayLabel(a.publishedAt.iso, locale)}</bdi>
                    </span>
                  ) : null}
                </span>
                <span className="story-article-title" lang={a.lang} dir={directionOf(a.title, a.dir)}>
                  {a.title}
                </span>
              </span>
              <button
                type="button"
                className="link-button"
                onClick={() => onOpenArticle(a.id)}
                aria-label={`${c.openArticle}: ${a.title}`}
              >
                {c.openArticle}
              </button>
            </li>
          );
        })}
      </ul>
      {story.thread ? <ThreadStories story={story} onChooseStory={onChooseStory} /> : null}
    </div>
  );
}

/** The other events of a story's thread, newest first; each opens as a story of its own. */
function ThreadStories({ story, onChooseStory }: { story: StoryCluster; onChooseStory(story: StoryCluster): void }) {
  const { api } = useApi();
  const { t, locale, formatNumber } = useI18n();
  const c = t.compare;
  const [others, setOthers] = useState<StoryCluster[]>([]);
  const threadId = story.thread?.id;
  useEffect(() => {
    if (threadId === undefined) return;
    let live = true;
    api['compare.clusters']({ threadId, sort: 'date', minSize: 1, minOutlets: 1, offset: 0, limit: 50 }).then(
      (page) => {
        if (live) setOthers(page.items.filter((s) => s.id !== story.id));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, threadId, story.id]);
  if (others.length === 0) return null;
  return (
    <section className="story-thread-list" aria-label={c.threadStories} data-testid="story-thread-list">
      <h3>{c.threadStories}</h3>
      <p className="muted">{c.threadHelp}</p>
      <ul>
        {others.map((s) => (
          <li key={s.id}>
            <button type="button" className="link-button" onClick={() => onChooseStory(s)} data-testid="thread-story">
              <bdi dir={directionOf(s.title, s.articles[0]?.dir ?? 'rtl')}>{s.title}</bdi>
            </button>{' '}
            <span className="muted">
              {c.storyArticles(formatNumber(s.size), s.size)} ·{' '}
              {c.storyOutlets(formatNumber(s.outletCount), s.outletCount)} · {dayRange(s.dateRange, locale)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
