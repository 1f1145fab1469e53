import {
  useCallback,
  useEffect,
  useEffectEvent,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type Ref,
  type RefObject,
} from 'react';
import {
  highlightColors,
  methodNames,
  type Article,
  type Highlight as Annotation,
  type HighlightColor,
  type Note,
} from '../../../preload/contract';
import { toShownError, useApi, type ShownError } from '../api';
import { useI18n } from '../i18n';
import { useUiState, useUiStore } from '../state/useUi';
import { offsetOfPoint, paragraphSpans, rangeOfOffsets, segmentsOf } from '../text/anchors';
import { directionOf } from '../../../common/text/direction';
import { findAll, foldWithMap } from '../../../common/text/find';
import { baseName, dateTime, isoForPrecision, languageName, longDate, shortDate } from '../text/format';
import { sanitizeArticleHtml } from '../text/sanitize';
import { OtherCoverage } from './compare/OtherCoverage';

/** Titles taken from a first sentence can run to a paragraph: set them smaller. */
const LONG_TITLE = 90;

export interface ReaderHandle {
  /** Highlights the selection, or the current find match. */
  highlight(withNote: boolean): void;
  openFind(): void;
  current(): Article | null;
}

export interface ReaderActions {
  onTag(article: Article): void;
  onCollect(article: Article): void;
  onEditMetadata(article: Article): void;
  onDelete(article: Article): void;
  onUntag(article: Article, tag: string): Promise<void>;
  onRemoveFromCollection(article: Article, collectionId: number, name: string): Promise<void>;
  onUpdateFromFile(article: Article, file: File): Promise<void>;
  onAddToDossier(items: { kind: 'article' | 'highlight'; id: number }[]): void;
  /** Opens articles side by side (from "other coverage of this story"). */
  onCompare?(articleIds: number[]): void;
  onOpenArticle?(id: number): void;
  toast(message: string): void;
  onError(context: string, error: unknown): void;
}

interface ReaderProps {
  articleId: number;
  /** Bumped by the app when the article changed elsewhere (tags, details). */
  version: number;
  scrollRef: RefObject<HTMLElement | null>;
  /** Scroll to this highlight once it is drawn (opened from the highlights list). */
  focusHighlightId?: number | null;
  /** Opened from search: its matches are marked. */
  searchQuery?: string | null;
  actions: ReaderActions;
  ref?: Ref<ReaderHandle>;
}

type State = { status: 'loading' } | { status: 'ready'; article: Article } | { status: 'error'; error: ShownError };

interface Selected {
  start: number;
  end: number;
  rect: { top: number; left: number; bottom: number; right: number };
}

const canSearchMatches = methodNames.includes('search.matches');

function supportsCustomHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

function setCustomHighlight(name: string, ranges: Range[]): void {
  if (!supportsCustomHighlights()) return;
  if (ranges.length === 0) CSS.highlights.delete(name);
  else CSS.highlights.set(name, new Highlight(...ranges));
}

/** Loads one article and shows it; remount it (key) for another article. */
export function Reader({ articleId, version, scrollRef, focusHighlightId, searchQuery, actions, ref }: ReaderProps) {
  const { api } = useApi();
  const { t, w } = useI18n();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [highlights, setHighlights] = useState<Annotation[]>([]);
  const [notes, setNotes] = useState<Note[]>([]);
  const [annotationsVersion, setAnnotationsVersion] = useState(0);
  const reportError = useEffectEvent((context: string, error: unknown) => actions.onError(context, error));

  useEffect(() => {
    let live = true;
    api['library.getArticle']({ id: articleId }).then(
      (article) => {
        if (live) setState({ status: 'ready', article });
      },
      (error: unknown) => {
        if (!live) return;
        setState({ status: 'error', error: toShownError(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [api, articleId, attempt, version]);

  useEffect(() => {
    let live = true;
    Promise.all([api['highlights.listForArticle']({ articleId }), api['notes.list']({ articleId })]).then(
      ([h, n]) => {
        if (!live) return;
        setHighlights(h);
        setNotes(n);
      },
      (error: unknown) => {
        if (live) reportError(t.articleFailed, error);
      },
    );
    return () => {
      live = false;
    };
  }, [api, articleId, version, annotationsVersion, t.articleFailed]);

  const reloadAnnotations = useCallback(() => setAnnotationsVersion((v) => v + 1), []);

  if (state.status === 'loading') {
    return (
      <div className="reader-placeholder" role="status" aria-busy="true">
        <div className="skeleton skeleton-heading" />
        <div className="skeleton skeleton-line" />
        <div className="skeleton skeleton-line" />
        <div className="skeleton skeleton-line short" />
        <span className="visually-hidden">{t.loadingArticle}</span>
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="reader-placeholder reader-error" data-testid="reader-error">
        <p>
          <strong>{t.articleFailed}</strong>
        </p>
        <p>
          <code className="error-code">{state.error.code}</code> {t.errorNames[state.error.code]}
        </p>
        <p className="muted">
          <bdi>{state.error.message}</bdi>
        </p>
        <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
          {t.retry}
        </button>
      </div>
    );
  }
  return (
    <ArticleView
      key={state.article.id}
      article={state.article}
      highlights={highlights}
      notes={notes}
      scrollRef={scrollRef}
      focusHighlightId={focusHighlightId ?? null}
      searchQuery={searchQuery ?? null}
      actions={actions}
      onAnnotationsChanged={reloadAnnotations}
      handleRef={ref}
      w={w}
    />
  );
}

interface ArticleViewProps {
  article: Article;
  highlights: Annotation[];
  notes: Note[];
  scrollRef: RefObject<HTMLElement | null>;
  focusHighlightId: number | null;
  searchQuery: string | null;
  actions: ReaderActions;
  onAnnotationsChanged(): void;
  handleRef?: Ref<ReaderHandle>;
  w: ReturnType<typeof useI18n>['w'];
}

function ArticleView({
  article,
  highlights,
  notes,
  scrollRef,
  focusHighlightId,
  searchQuery,
  actions,
  onAnnotationsChanged,
  handleRef,
}: ArticleViewProps) {
  const { api } = useApi();
  const { t, w, lang: uiLang, dir: uiDir, locale, formatNumber } = useI18n();
  const ui = useUiState();
  const store = useUiStore();
  const bodyRef = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const findInputRef = useRef<HTMLInputElement>(null);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [find, setFind] = useState<{ open: boolean; query: string; current: number }>({
    open: false,
    query: '',
    current: 0,
  });
  const [focusNote, setFocusNote] = useState<number | null>(null);
  const [announce, setAnnounce] = useState('');
  const hasHtml = typeof article.bodyHtml === 'string' && article.bodyHtml.trim() !== '';
  const view = hasHtml && ui.readerView === 'html' ? 'html' : 'text';

  const paragraphs = useMemo(
    () => paragraphSpans(article.body).map((p) => ({ ...p, dir: directionOf(p.text, article.dir) })),
    [article.body, article.dir],
  );
  const marks = useMemo(
    () =>
      highlights
        .filter((h) => h.start !== null && h.end !== null)
        .map((h) => ({ id: h.id, start: h.start!, end: h.end! })),
    [highlights],
  );
  const byId = useMemo(() => new Map(highlights.map((h) => [h.id, h])), [highlights]);
  const folded = useMemo(() => foldWithMap(article.body), [article.body]);
  const matches = useMemo(
    () => (find.query.trim() ? findAll(article.body, find.query, 2000, folded) : []),
    [article.body, find.query, folded],
  );
  const currentMatch = matches.length > 0 ? Math.min(find.current, matches.length - 1) : -1;
  const html = useMemo(
    () => (hasHtml && view === 'html' ? sanitizeArticleHtml(article.bodyHtml!) : ''),
    [hasHtml, view, article.bodyHtml],
  );

  // --- selection → toolbar ---------------------------------------------------
  const readSelection = useCallback(() => {
    const root = bodyRef.current;
    const selection = window.getSelection();
    if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) {
      setSelected(null);
      return;
    }
    const range = selection.getRangeAt(0);
    const a = offsetOfPoint(root, range.startContainer, range.startOffset);
    const b = offsetOfPoint(root, range.endContainer, range.endOffset);
    if (a === null || b === null || a === b) {
      setSelected(null);
      return;
    }
    const r = range.getBoundingClientRect();
    setSelected({
      start: Math.min(a, b),
      end: Math.max(a, b),
      rect: { top: r.top, left: r.left, bottom: r.bottom, right: r.right },
    });
  }, []);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onChange = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(readSelection, 120);
    };
    document.addEventListener('selectionchange', onChange);
    return () => {
      document.removeEventListener('selectionchange', onChange);
      if (timer) clearTimeout(timer);
    };
  }, [readSelection]);

  const createHighlight = useCallback(
    async (range: { start: number; end: number }, color: HighlightColor, withNote: boolean) => {
      try {
        const created = await api['highlights.create']({
          articleId: article.id,
          start: range.start,
          end: range.end,
          quote: article.body.slice(range.start, range.end),
          color,
        });
        store.update({ lastColor: color, panelOpen: withNote ? true : ui.panelOpen });
        window.getSelection()?.removeAllRanges();
        setSelected(null);
        setAnnounce(w.highlightCreated);
        if (withNote) setFocusNote(created.id);
        onAnnotationsChanged();
      } catch (error) {
        actions.onError(w.highlight, error);
      }
    },
    [
      api,
      article.id,
      article.body,
      store,
      ui.panelOpen,
      w.highlightCreated,
      w.highlight,
      onAnnotationsChanged,
      actions,
    ],
  );

  useImperativeHandle(
    handleRef,
    () => ({
      highlight(withNote) {
        const range = selected ?? (currentMatch >= 0 ? matches[currentMatch]! : null);
        if (!range || view !== 'text') {
          actions.toast(w.selectTextFirst);
          return;
        }
        void createHighlight(range, ui.lastColor, withNote);
      },
      openFind() {
        if (view !== 'text') store.update({ readerView: 'text' });
        setFind((f) => ({ ...f, open: true }));
        setTimeout(() => {
          findInputRef.current?.focus();
          findInputRef.current?.select();
        }, 0);
      },
      current: () => article,
    }),
    [selected, currentMatch, matches, view, actions, w.selectTextFirst, createHighlight, ui.lastColor, store, article],
  );

  // --- find and search marks (CSS Custom Highlights: no DOM surgery) ----------
  useLayoutEffect(() => {
    const root = bodyRef.current;
    if (!root || view !== 'text' || !find.open) {
      setCustomHighlight('mizan-find', []);
      setCustomHighlight('mizan-find-current', []);
      return;
    }
    const ranges = matches.map((m) => rangeOfOffsets(root, m.start, m.end)).filter((r): r is Range => r !== null);
    setCustomHighlight('mizan-find', ranges);
    const current =
      currentMatch >= 0 ? rangeOfOffsets(root, matches[currentMatch]!.start, matches[currentMatch]!.end) : null;
    setCustomHighlight('mizan-find-current', current ? [current] : []);
    if (current) {
      const holder = current.startContainer.parentElement;
      holder?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    }
  }, [matches, currentMatch, find.open, view, highlights]);

  useEffect(
    () => () => ['mizan-find', 'mizan-find-current', 'mizan-search'].forEach((n) => setCustomHighlight(n, [])),
    [],
  );

  useEffect(() => {
    if (!searchQuery || !canSearchMatches || view !== 'text') return;
    let live = true;
    api['search.matches']({ id: article.id, query: searchQuery }).then(
      (found) => {
        const root = bodyRef.current;
        if (!live || !root) return;
        const ranges = found.body
          .map(([from, to]) => rangeOfOffsets(root, from, to))
          .filter((r): r is Range => r !== null);
        setCustomHighlight('mizan-search', ranges);
        if (ranges[0] && !focusHighlightId) ranges[0].startContainer.parentElement?.scrollIntoView({ block: 'center' });
      },
      () => undefined,
    );
    return () => {
      live = false;
      setCustomHighlight('mizan-search', []);
    };
  }, [api, article.id, searchQuery, view, focusHighlightId, highlights]);

  // --- reading position -----------------------------------------------------------
  const restored = useRef(false);
  useLayoutEffect(() => {
    const pane = scrollRef.current;
    if (!pane || restored.current) return;
    restored.current = true;
    if (focusHighlightId !== null) return;
    const fraction = store.position(article.id);
    if (fraction !== undefined && fraction > 0.001) {
      pane.scrollTop = fraction * Math.max(0, pane.scrollHeight - pane.clientHeight);
      setAnnounce(w.readingPositionRestored);
    } else pane.scrollTop = 0;
  }, [scrollRef, store, article.id, focusHighlightId, w.readingPositionRestored]);

  useEffect(() => {
    const pane = scrollRef.current;
    if (!pane) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onScroll = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        const room = pane.scrollHeight - pane.clientHeight;
        store.setPosition(article.id, room > 0 ? pane.scrollTop / room : 0);
      }, 250);
    };
    pane.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      pane.removeEventListener('scroll', onScroll);
      if (timer) clearTimeout(timer);
    };
  }, [scrollRef, store, article.id]);

  const scrollToHighlight = useCallback((id: number) => {
    const el = bodyRef.current?.querySelector(`[data-hl~="${id}"]`);
    el?.scrollIntoView({ block: 'center' });
  }, []);

  useEffect(() => {
    if (focusHighlightId !== null && byId.has(focusHighlightId)) scrollToHighlight(focusHighlightId);
  }, [focusHighlightId, byId, scrollToHighlight]);

  // --- rendering ------------------------------------------------------------------
  const published = isoForPrecision(article.publishedAt);
  const long = longDate(article.publishedAt, locale);
  const precision = article.publishedAt.precision;
  const safeUrl = article.url !== null && /^https?:\/\//i.test(article.url) ? article.url : null;
  const measure = { narrow: '56ch', medium: '70ch', wide: '92ch' }[ui.measure];
  const setScale = (delta: number) =>
    store.update({ fontScale: Math.round(Math.max(0.7, Math.min(1.8, ui.fontScale + delta)) * 100) / 100 });

  return (
    <div
      className="reader-frame"
      style={{ ['--reader-scale' as string]: String(ui.fontScale), ['--measure' as string]: measure }}
    >
      <div className="reader-toolbar" role="toolbar" aria-label={w.readerTools} data-testid="reader-toolbar">
        <div className="tool-group" role="group" aria-label={w.textSize}>
          <button
            type="button"
            className="icon-button"
            onClick={() => setScale(-0.1)}
            aria-label={w.textSmaller}
            title={`${w.textSmaller} (−)`}
            data-testid="font-smaller"
          >
            <span aria-hidden="true" className="glyph-small">
              A
            </span>
          </button>
          <span className="tool-value" aria-live="polite" data-testid="font-scale">
            {formatNumber(Math.round(ui.fontScale * 100))}%
          </span>
          <button
            type="button"
            className="icon-button"
            onClick={() => setScale(0.1)}
            aria-label={w.textLarger}
            title={`${w.textLarger} (+)`}
            data-testid="font-larger"
          >
            <span aria-hidden="true" className="glyph-large">
              A
            </span>
          </button>
        </div>
        <label className="field" title={w.measure}>
          <span className="field-label glyph-measure" aria-hidden="true">
            ↔
          </span>
          <select
            value={ui.measure}
            aria-label={w.measure}
            onChange={(e) => store.update({ measure: e.currentTarget.value as typeof ui.measure })}
            data-testid="measure-select"
          >
            <option value="narrow">{w.measureNarrow}</option>
            <option value="medium">{w.measureMedium}</option>
            <option value="wide">{w.measureWide}</option>
          </select>
        </label>
        {hasHtml ? (
          <div className="segmented" role="group" aria-label={w.viewHtml}>
            <button
              type="button"
              aria-pressed={view === 'text'}
              onClick={() => store.update({ readerView: 'text' })}
              data-testid="view-text"
            >
              {w.viewText}
            </button>
            <button
              type="button"
              aria-pressed={view === 'html'}
              onClick={() => store.update({ readerView: 'html' })}
              data-testid="view-html"
            >
              {w.viewHtml}
            </button>
          </div>
        ) : null}
        <span className="toolbar-spacer" />
        <button
          type="button"
          className="icon-button"
          aria-label={w.find}
          title={`${w.find} (Ctrl+F)`}
          aria-expanded={find.open}
          onClick={() => {
            setFind((f) => ({ ...f, open: !f.open }));
            setTimeout(() => findInputRef.current?.focus(), 0);
          }}
          data-testid="find-toggle"
        >
          <span aria-hidden="true">⌕</span>
        </button>
        <button
          type="button"
          className="icon-button"
          title={w.highlightsPanel}
          aria-pressed={ui.panelOpen}
          onClick={() => store.update({ panelOpen: !ui.panelOpen })}
          data-testid="panel-toggle"
        >
          <span aria-hidden="true">✎</span>
          {/* Named by its text, so the visible count is part of the name. */}
          <span className="visually-hidden">{w.highlightsPanel}</span>
          {highlights.length > 0 ? <span className="tool-badge">{formatNumber(highlights.length)}</span> : null}
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => actions.onEditMetadata(article)}
          data-testid="edit-metadata"
        >
          {w.editMetadata}
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => fileRef.current?.click()}
          title={w.updateFromFileHelp}
          data-testid="update-from-file"
        >
          {w.updateFromFile}
        </button>
        <input
          ref={fileRef}
          type="file"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="update-input"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void actions.onUpdateFromFile(article, file);
          }}
        />
        <button
          type="button"
          className="icon-button danger"
          aria-label={w.deleteArticle}
          title={`${w.deleteArticle} (Delete)`}
          onClick={() => actions.onDelete(article)}
          data-testid="delete-article"
        >
          <span aria-hidden="true">🗑</span>
        </button>
      </div>

      {find.open ? (
        <div className="find-bar" role="search" aria-label={w.find} data-testid="find-bar">
          <input
            ref={findInputRef}
            className="text-input"
            type="search"
            aria-label={w.find}
            placeholder={w.findPlaceholder}
            value={find.query}
            dir="auto"
            onChange={(e) => setFind({ open: true, query: e.currentTarget.value, current: 0 })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                if (matches.length > 0)
                  setFind((f) => ({
                    ...f,
                    current: (currentMatch + (e.shiftKey ? matches.length - 1 : 1)) % matches.length,
                  }));
              } else if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                setFind((f) => ({ ...f, open: false }));
                bodyRef.current?.focus();
              } else if ((e.key === 'h' || e.key === 'H') && e.altKey && currentMatch >= 0) {
                e.preventDefault();
                void createHighlight(matches[currentMatch]!, ui.lastColor, e.shiftKey);
              }
            }}
            data-testid="find-input"
          />
          <span className="find-count" aria-live="polite" data-testid="find-count">
            {find.query.trim() === ''
              ? ''
              : matches.length === 0
                ? w.findNone
                : w.findCount(formatNumber(currentMatch + 1), formatNumber(matches.length))}
          </span>
          <button
            type="button"
            className="icon-button"
            aria-label={w.findPrev}
            disabled={matches.length === 0}
            onClick={() => setFind((f) => ({ ...f, current: (currentMatch - 1 + matches.length) % matches.length }))}
          >
            <span aria-hidden="true">{uiDir === 'rtl' ? '↓' : '↑'}</span>
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={w.findNext}
            disabled={matches.length === 0}
            onClick={() => setFind((f) => ({ ...f, current: (currentMatch + 1) % matches.length }))}
          >
            <span aria-hidden="true">{uiDir === 'rtl' ? '↑' : '↓'}</span>
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={currentMatch < 0}
            onClick={() => void createHighlight(matches[currentMatch]!, ui.lastColor, false)}
            data-testid="find-highlight"
          >
            {w.highlight}
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={t.close}
            onClick={() => setFind((f) => ({ ...f, open: false }))}
          >
            ×
          </button>
        </div>
      ) : null}

      <div className={`reader-columns${ui.panelOpen ? ' with-panel' : ''}`}>
        <article
          className={`reader${article.dir === 'rtl' ? ' reader-rtl' : ''}`}
          data-testid="reader"
          dir={article.dir}
          lang={article.lang}
          aria-labelledby="reader-title"
        >
          <header className="reader-header">
            <p className="reader-kicker">
              <bdi>{article.source ?? t.unknownSource}</bdi>
              {published ? (
                <>
                  <span aria-hidden="true"> · </span>
                  <time dateTime={published}>{shortDate(article.publishedAt, locale) ?? published}</time>
                </>
              ) : null}
            </p>
            <h1
              id="reader-title"
              className={`reader-title${article.title.length > LONG_TITLE ? ' reader-title-long' : ''}`}
              data-testid="reader-title"
              dir={directionOf(article.title, article.dir)}
            >
              {article.title}
            </h1>
          </header>

          <dl className="reader-meta" dir={uiDir} lang={uiLang} data-testid="reader-meta">
            <div className="meta-row">
              <dt>{t.outlet}</dt>
              <dd>
                {article.source !== null ? (
                  <bdi lang={article.lang}>{article.source}</bdi>
                ) : (
                  <span className="muted">{t.unknownSource}</span>
                )}
              </dd>
            </div>
            {article.author ? (
              <div className="meta-row">
                <dt>{t.author}</dt>
                <dd>
                  <bdi lang={article.lang}>{article.author}</bdi>
                </dd>
              </div>
            ) : null}
            <div className="meta-row">
              <dt>{t.published}</dt>
              <dd data-testid="reader-date">
                {published ? (
                  <>
                    <time dateTime={published}>{long ?? published}</time>
                    {precision ? <span className="badge">{t.precision[precision]}</span> : null}
                  </>
                ) : (
                  <span className="muted">{t.undated}</span>
                )}
                {article.publishedAt.original ? (
                  <span className="meta-original">
                    {t.asWritten}:{' '}
                    <bdi lang={article.lang} dir={directionOf(article.publishedAt.original, article.dir)}>
                      {article.publishedAt.original}
                    </bdi>
                  </span>
                ) : null}
              </dd>
            </div>
            {article.url ? (
              <div className="meta-row">
                <dt>{t.url}</dt>
                <dd className="meta-url">
                  {safeUrl ? (
                    <a href={safeUrl} target="_blank" rel="noreferrer noopener" dir="ltr">
                      {safeUrl}
                    </a>
                  ) : (
                    <bdi dir="ltr">{article.url}</bdi>
                  )}
                </dd>
              </div>
            ) : null}
            <div className="meta-row">
              <dt>{t.language}</dt>
              <dd>
                {languageName(article.lang, locale)} <span className="muted">({article.lang})</span>
                <span className="muted"> · {t.words(formatNumber(article.wordCount), article.wordCount)}</span>
              </dd>
            </div>
            <div className="meta-row">
              <dt>{t.tags}</dt>
              <dd className="tag-list" data-testid="reader-tags">
                {article.tags.map((tag) => (
                  <span key={tag} className="tag chip">
                    <bdi>{tag}</bdi>
                    <button
                      type="button"
                      className="chip-remove"
                      aria-label={w.removeTag(tag)}
                      title={w.removeTag(tag)}
                      onClick={() => void actions.onUntag(article, tag)}
                    >
                      ×
                    </button>
                  </span>
                ))}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => actions.onTag(article)}
                  data-testid="add-tag"
                >
                  {w.addTag}
                </button>
              </dd>
            </div>
            <div className="meta-row">
              <dt>{w.collections}</dt>
              <dd className="tag-list" data-testid="reader-collections">
                {article.collections.map((c) => (
                  <span key={c.id} className="tag chip chip-collection">
                    <bdi>{c.name}</bdi>
                    <button
                      type="button"
                      className="chip-remove"
                      aria-label={w.removeFromCollection(c.name)}
                      title={w.removeFromCollection(c.name)}
                      onClick={() => void actions.onRemoveFromCollection(article, c.id, c.name)}
                    >
                      ×
                    </button>
                  </span>
                ))}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => actions.onCollect(article)}
                  data-testid="add-to-collection"
                >
                  {w.addToCollection}
                </button>
              </dd>
            </div>
            {article.originPath ? (
              <div className="meta-row">
                <dt>{t.originFile}</dt>
                <dd>
                  <bdi title={article.originPath}>{baseName(article.originPath)}</bdi>
                  <span className="muted">
                    {' · '}
                    {t.imported} {dateTime(article.importedAt, locale)}
                  </span>
                </dd>
              </div>
            ) : null}
          </dl>

          {actions.onCompare && actions.onOpenArticle ? (
            <OtherCoverage
              articleId={article.id}
              reloadKey={article}
              onOpen={actions.onOpenArticle}
              onCompare={actions.onCompare}
            />
          ) : null}

          {view === 'html' ? (
            <>
              <p className="html-note muted" dir={uiDir} lang={uiLang}>
                {w.htmlNote}
              </p>
              <div
                className="reader-body reader-html"
                data-testid="reader-html"
                dangerouslySetInnerHTML={{ __html: html }}
              />
            </>
          ) : (
            <div
              className="reader-body"
              data-testid="reader-body"
              ref={bodyRef}
              tabIndex={-1}
              onMouseUp={readSelection}
              onKeyUp={readSelection}
            >
              {paragraphs.map((p) => (
                <p key={p.start} dir={p.dir}>
                  {segmentsOf(p, marks).map((seg) => {
                    const text = article.body.slice(seg.start, seg.end);
                    if (seg.ids.length === 0) {
                      return (
                        <span key={seg.start} data-o={seg.start}>
                          {text}
                        </span>
                      );
                    }
                    const top = byId.get(seg.ids[seg.ids.length - 1]!)!;
                    return (
                      <mark
                        key={seg.start}
                        data-o={seg.start}
                        data-hl={seg.ids.join(' ')}
                        data-status={top.status}
                        className={`hl hl-${top.color}${top.note ? ' has-note' : ''}`}
                        title={top.note ?? undefined}
                        onClick={() => {
                          if (!window.getSelection()?.isCollapsed) return;
                          store.update({ panelOpen: true });
                          setFocusNote(top.id);
                        }}
                      >
                        {text}
                      </mark>
                    );
                  })}
                </p>
              ))}
            </div>
          )}
        </article>

        {ui.panelOpen ? (
          <AnnotationsPanel
            article={article}
            highlights={highlights}
            notes={notes}
            selection={selected}
            focusNote={focusNote}
            onFocusedNote={() => setFocusNote(null)}
            onGoTo={scrollToHighlight}
            onChanged={onAnnotationsChanged}
            onError={actions.onError}
            onAddToDossier={actions.onAddToDossier}
          />
        ) : null}
      </div>

      {selected && view === 'text' ? (
        <SelectionToolbar
          rect={selected.rect}
          lastColor={ui.lastColor}
          onPick={(color, withNote) => void createHighlight(selected, color, withNote)}
        />
      ) : null}
      <div className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </div>
    </div>
  );
}

function SelectionToolbar({
  rect,
  lastColor,
  onPick,
}: {
  rect: Selected['rect'];
  lastColor: HighlightColor;
  onPick(color: HighlightColor, withNote: boolean): void;
}) {
  const { w } = useI18n();
  const wanted = rect.top > 60 ? rect.top - 48 : rect.bottom + 8;
  const top = Math.max(8, Math.min(window.innerHeight - 56, wanted));
  const left = Math.max(8, Math.min(window.innerWidth - 260, (rect.left + rect.right) / 2 - 120));
  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label={w.highlight}
      style={{ top, left }}
      data-testid="selection-toolbar"
      // Keep the selection: buttons here must not take it away on press.
      onMouseDown={(e) => e.preventDefault()}
    >
      {highlightColors.map((color) => (
        <button
          key={color}
          type="button"
          className={`swatch swatch-${color}${color === lastColor ? ' is-last' : ''}`}
          aria-label={w.highlightIn(w.colorNames[color])}
          title={w.highlightIn(w.colorNames[color])}
          onClick={() => onPick(color, false)}
          data-testid={`highlight-${color}`}
        />
      ))}
      <button
        type="button"
        className="button button-small"
        onClick={() => onPick(lastColor, true)}
        data-testid="highlight-note"
      >
        {w.highlightWithNote}
      </button>
    </div>
  );
}

interface PanelProps {
  article: Article;
  highlights: Annotation[];
  notes: Note[];
  selection: Selected | null;
  focusNote: number | null;
  onFocusedNote(): void;
  onGoTo(id: number): void;
  onChanged(): void;
  onError(context: string, error: unknown): void;
  onAddToDossier(items: { kind: 'highlight'; id: number }[]): void;
}

function AnnotationsPanel({
  article,
  highlights,
  notes,
  selection,
  focusNote,
  onFocusedNote,
  onGoTo,
  onChanged,
  onError,
  onAddToDossier,
}: PanelProps) {
  const { api } = useApi();
  const { w, lang: uiLang, dir: uiDir } = useI18n();
  const [draft, setDraft] = useState('');
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      onChanged();
    } catch (error) {
      onError(w.highlightsPanel, error);
    }
  };
  return (
    <aside
      className="annotations"
      aria-label={w.highlightsPanel}
      dir={uiDir}
      lang={uiLang}
      data-testid="annotations-panel"
    >
      <h2 className="panel-title">{w.highlightsPanel}</h2>
      {highlights.length === 0 ? <p className="panel-empty">{w.noHighlights}</p> : null}
      <ul className="annotation-list">
        {highlights.map((h) => (
          <li
            key={h.id}
            className={`annotation status-${h.status}`}
            data-testid="annotation"
            data-status={h.status}
            data-highlight-id={h.id}
          >
            <div className="annotation-head">
              <span className={`dot hl-${h.color}`} aria-hidden="true" />
              <span
                className={`status-badge status-${h.status}`}
                title={w.statusHelp[h.status]}
                data-testid="anchor-status"
              >
                {w.status[h.status]}
              </span>
              <span className="toolbar-spacer" />
              {h.start !== null ? (
                <button type="button" className="link-button" onClick={() => onGoTo(h.id)}>
                  {w.goTo}
                </button>
              ) : null}
            </div>
            <blockquote className="annotation-quote" lang={article.lang} dir={directionOf(h.quote, article.dir)}>
              {h.quote}
            </blockquote>
            {h.status !== 'anchored' ? <p className="annotation-help muted">{w.statusHelp[h.status]}</p> : null}
            <NoteField
              initial={h.note ?? ''}
              autoFocus={focusNote === h.id}
              onFocused={onFocusedNote}
              label={`${w.note}: ${h.quote.slice(0, 40)}`}
              onSave={(note) =>
                run(() => api['highlights.update']({ id: h.id, note: note.trim() === '' ? null : note }))
              }
            />
            <div className="annotation-actions">
              <div className="swatches" role="group" aria-label={w.highlight}>
                {highlightColors.map((color) => (
                  <button
                    key={color}
                    type="button"
                    className={`swatch swatch-small swatch-${color}`}
                    aria-label={w.highlightIn(w.colorNames[color])}
                    aria-pressed={h.color === color}
                    onClick={() => void run(() => api['highlights.update']({ id: h.id, color }))}
                  />
                ))}
              </div>
              {h.status === 'moved' && h.start !== null && h.end !== null ? (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() =>
                    void run(() => api['highlights.update']({ id: h.id, range: { start: h.start!, end: h.end! } }))
                  }
                  data-testid="accept-position"
                >
                  {w.acceptPosition}
                </button>
              ) : null}
              {h.status === 'orphaned' && selection ? (
                <button
                  type="button"
                  className="button button-small"
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() =>
                    void run(() =>
                      api['highlights.update']({ id: h.id, range: { start: selection.start, end: selection.end } }),
                    )
                  }
                >
                  {w.reattach}
                </button>
              ) : null}
              <button
                type="button"
                className="link-button"
                onClick={() => onAddToDossier([{ kind: 'highlight', id: h.id }])}
              >
                {w.addToDossier}
              </button>
              <button
                type="button"
                className="icon-button icon-small danger"
                aria-label={w.deleteHighlight}
                title={w.deleteHighlight}
                onClick={() => void run(() => api['highlights.delete']({ id: h.id }))}
              >
                ×
              </button>
            </div>
          </li>
        ))}
      </ul>

      <h2 className="panel-title">{w.articleNotes}</h2>
      <ul className="annotation-list">
        {notes.map((n) => (
          <li key={n.id} className="annotation" data-testid="article-note">
            <NoteField
              initial={n.body}
              label={w.note}
              onSave={(body) =>
                run(() =>
                  body.trim() === '' ? api['notes.delete']({ id: n.id }) : api['notes.update']({ id: n.id, body }),
                )
              }
            />
            <div className="annotation-actions">
              <span className="toolbar-spacer" />
              <button
                type="button"
                className="icon-button icon-small danger"
                aria-label={w.delete}
                title={w.delete}
                onClick={() => void run(() => api['notes.delete']({ id: n.id }))}
              >
                ×
              </button>
            </div>
          </li>
        ))}
      </ul>
      <form
        className="note-new"
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.trim() === '') return;
          void run(() => api['notes.create']({ articleId: article.id, body: draft })).then(() => setDraft(''));
        }}
      >
        <textarea
          className="text-area"
          aria-label={w.addNote}
          placeholder={w.notePlaceholder}
          value={draft}
          dir="auto"
          rows={2}
          onChange={(e) => setDraft(e.currentTarget.value)}
          data-testid="new-note"
        />
        <button type="submit" className="button button-small" disabled={draft.trim() === ''}>
          {w.addNote}
        </button>
      </form>
    </aside>
  );
}

function NoteField({
  initial,
  label,
  onSave,
  autoFocus,
  onFocused,
}: {
  initial: string;
  label: string;
  onSave(value: string): Promise<void>;
  autoFocus?: boolean;
  onFocused?(): void;
}) {
  const { w } = useI18n();
  const [value, setValue] = useState(initial);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => setValue(initial), [initial]);
  useEffect(() => {
    if (!autoFocus) return;
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: 'nearest' });
    onFocused?.();
  }, [autoFocus, onFocused]);
  const save = () => {
    if (value !== initial) void onSave(value);
  };
  return (
    <textarea
      ref={ref}
      className="text-area note-field"
      aria-label={label}
      placeholder={w.notePlaceholder}
      value={value}
      dir="auto"
      rows={value.length > 80 ? 4 : 2}
      onChange={(e) => setValue(e.currentTarget.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          save();
        }
      }}
      data-testid="note-field"
    />
  );
}
