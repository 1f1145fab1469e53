import { useEffect, useEffectEvent, useMemo, useState } from 'react';
import type { Article } from '../../../preload/contract';
import { toShownError, useApi, type ShownError } from '../api';
import { useI18n } from '../i18n';
import { directionOf, splitParagraphs } from '../text/direction';
import { baseName, dateTime, isoForPrecision, languageName, longDate } from '../text/format';

/** Titles taken from a first sentence can run to a paragraph: set them smaller. */
const LONG_TITLE = 90;

type State = { status: 'loading' } | { status: 'ready'; article: Article } | { status: 'error'; error: ShownError };

interface ReaderProps {
  articleId: number;
  /** Told about load failures, which the reader also shows in place. */
  onError?(error: ShownError, retry: () => void): void;
}

/** Loads one article and shows it; remount it (key) for another article. */
export function Reader({ articleId, onError }: ReaderProps) {
  const { api } = useApi();
  const { t } = useI18n();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const reportError = useEffectEvent((shown: ShownError) => onError?.(shown, () => setAttempt((n) => n + 1)));

  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    api['library.getArticle']({ id: articleId }).then(
      (article) => {
        if (live) setState({ status: 'ready', article });
      },
      (error: unknown) => {
        if (!live) return;
        const shown = toShownError(error);
        setState({ status: 'error', error: shown });
        reportError(shown);
      },
    );
    return () => {
      live = false;
    };
  }, [api, articleId, attempt]);

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
  return <ArticleView article={state.article} />;
}

function ArticleView({ article }: { article: Article }) {
  const { t, lang: uiLang, dir: uiDir, locale, formatNumber } = useI18n();
  const paragraphs = useMemo(
    () => splitParagraphs(article.body).map((text) => ({ text, dir: directionOf(text, article.dir) })),
    [article.body, article.dir],
  );
  const published = isoForPrecision(article.publishedAt);
  const long = longDate(article.publishedAt, locale);
  const precision = article.publishedAt.precision;
  const safeUrl = article.url !== null && /^https?:\/\//i.test(article.url) ? article.url : null;

  return (
    <article className={`reader${article.dir === 'rtl' ? ' reader-rtl' : ''}`} data-testid="reader" dir={article.dir} lang={article.lang}>
      <header className="reader-header">
        <p className="reader-kicker">
          <bdi>{article.source ?? t.unknownSource}</bdi>
          {published ? (
            <>
              <span aria-hidden="true"> · </span>
              <time dateTime={published} dir="ltr">
                {published}
              </time>
            </>
          ) : null}
        </p>
        <h1
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
          <dd>{article.source !== null ? <bdi lang={article.lang}>{article.source}</bdi> : <span className="muted">{t.unknownSource}</span>}</dd>
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
        {article.tags.length > 0 ? (
          <div className="meta-row">
            <dt>{t.tags}</dt>
            <dd className="tag-list">
              {article.tags.map((tag) => (
                <bdi key={tag} className="tag">
                  {tag}
                </bdi>
              ))}
            </dd>
          </div>
        ) : null}
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

      <div className="reader-body" data-testid="reader-body">
        {paragraphs.map((p, i) => (
          <p key={i} dir={p.dir}>
            {p.text}
          </p>
        ))}
      </div>
    </article>
  );
}
