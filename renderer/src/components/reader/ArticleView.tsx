import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type Ref,
  type RefObject,
} from 'react';
import type { Article, Highlight as Annotation, HighlightColor, Note } from '../../../../preload/contract';
import { useApi } from '../../api';
import { useI18n } from '../../i18n';
import { useUiState, useUiStore } from '../../state/useUi';
import { findAll, foldWithMap } from '../../../../common/text/find';
import { sanitizeArticleHtml } from '../../text/sanitize';
import { OtherCoverage } from '../compare/OtherCoverage';
import type { ReaderActions, ReaderHandle } from '../Reader';
import { AnnotationsPanel } from './AnnotationsPanel';
import { ArticleBody } from './ArticleBody';
import { ArticleHeader } from './ArticleHeader';
import { FindBar, type FindState } from './FindBar';
import { ReaderToolbar } from './ReaderToolbar';
import { EntityMarks } from '../entities/EntityMarks';
import { SelectionToolbar } from './SelectionToolbar';
import { useReadingPosition } from './useReadingPosition';
import { useTextMarks } from './useTextMarks';
import { useTextSelection } from './useTextSelection';

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
}

/** One loaded article: toolbar, find, header, text with highlights, and the annotations panel. */
export function ArticleView({
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
  const { w } = useI18n();
  const ui = useUiState();
  const store = useUiStore();
  const bodyRef = useRef<HTMLDivElement>(null);
  const findInputRef = useRef<HTMLInputElement>(null);
  const { selected, setSelected, read: readSelection } = useTextSelection(bodyRef);
  const [find, setFind] = useState<FindState>({ open: false, query: '', current: 0 });
  const [focusNote, setFocusNote] = useState<number | null>(null);
  const [announce, setAnnounce] = useState('');
  const hasHtml = typeof article.bodyHtml === 'string' && article.bodyHtml.trim() !== '';
  const view = hasHtml && ui.readerView === 'html' ? 'html' : 'text';

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
      setSelected,
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

  useTextMarks({
    bodyRef,
    articleId: article.id,
    view,
    findOpen: find.open,
    matches,
    currentMatch,
    searchQuery,
    focusHighlightId,
    highlights,
  });

  const announceRestored = useCallback(() => setAnnounce(w.readingPositionRestored), [w.readingPositionRestored]);
  useReadingPosition(scrollRef, article.id, focusHighlightId, announceRestored);

  const scrollToHighlight = useCallback((id: number) => {
    const el = bodyRef.current?.querySelector(`[data-hl~="${id}"]`);
    el?.scrollIntoView({ block: 'center' });
  }, []);

  useEffect(() => {
    if (focusHighlightId !== null && byId.has(focusHighlightId)) scrollToHighlight(focusHighlightId);
  }, [focusHighlightId, byId, scrollToHighlight]);

  const measure = { narrow: '56ch', medium: '70ch', wide: '92ch' }[ui.measure];

  return (
    <div
      className="reader-frame"
      style={{ ['--reader-scale' as string]: String(ui.fontScale), ['--measure' as string]: measure }}
    >
      <ReaderToolbar
        article={article}
        hasHtml={hasHtml}
        view={view}
        findOpen={find.open}
        onToggleFind={() => {
          setFind((f) => ({ ...f, open: !f.open }));
          setTimeout(() => findInputRef.current?.focus(), 0);
        }}
        highlightCount={highlights.length}
        actions={actions}
      />
      <EntityMarks articleId={article.id} bodyRef={bodyRef} textView={view === 'text'} redrawKey={highlights} />

      {find.open ? (
        <FindBar
          find={find}
          setFind={setFind}
          matches={matches}
          currentMatch={currentMatch}
          inputRef={findInputRef}
          bodyRef={bodyRef}
          onHighlight={(match, withNote) => void createHighlight(match, ui.lastColor, withNote)}
        />
      ) : null}

      <div className={`reader-columns${ui.panelOpen ? ' with-panel' : ''}`}>
        <article
          className={`reader${article.dir === 'rtl' ? ' reader-rtl' : ''}`}
          data-testid="reader"
          dir={article.dir}
          lang={article.lang}
          aria-labelledby="reader-title"
        >
          <ArticleHeader article={article} actions={actions} />

          {actions.onCompare && actions.onOpenArticle ? (
            <OtherCoverage
              articleId={article.id}
              reloadKey={article}
              onOpen={actions.onOpenArticle}
              onCompare={actions.onCompare}
            />
          ) : null}

          <ArticleBody
            article={article}
            view={view}
            html={html}
            bodyRef={bodyRef}
            highlights={highlights}
            byId={byId}
            onSelect={readSelection}
            onOpenNote={(id) => {
              store.update({ panelOpen: true });
              setFocusNote(id);
            }}
          />
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
