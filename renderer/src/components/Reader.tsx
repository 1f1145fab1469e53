import { useCallback, useEffect, useEffectEvent, useState, type Ref, type RefObject } from 'react';
import type { Article, Highlight as Annotation, Note } from '../../../preload/contract';
import { toShownError, useApi, type ShownError } from '../api';
import { useI18n } from '../i18n';
import { ArticleView } from './reader/ArticleView';

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
  /** A citation of the article to copy, or a .bib/.ris/.json file. */
  onCite(article: Article): void;
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

/** Loads one article and shows it; remount it (key) for another article. */
export function Reader({ articleId, version, scrollRef, focusHighlightId, searchQuery, actions, ref }: ReaderProps) {
  const { api } = useApi();
  const { t } = useI18n();
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
    />
  );
}
