import { useMemo } from 'react';
import type { Article } from '../../../../preload/contract';
import { useI18n } from '../../i18n';
import { directionOf } from '../../../../common/text/direction';
import {
  archiveCapture,
  baseName,
  dateTime,
  hijriDate,
  isoForPrecision,
  languageName,
  longDate,
  shortDate,
} from '../../text/format';
import { localeForMonths, observeArticle, outletMonthSystem } from '../../text/monthSystem';
import type { ReaderActions } from '../Reader';

/** Titles taken from a first sentence can run to a paragraph: set them smaller. */
const LONG_TITLE = 90;

type HeaderActions = Pick<ReaderActions, 'onTag' | 'onUntag' | 'onCollect' | 'onRemoveFromCollection'>;

/** The article's kicker and title in its own direction, then its details in the interface's language. */
export function ArticleHeader({ article, actions }: { article: Article; actions: HeaderActions }) {
  const i18n = useI18n();
  const { t, w, lang: uiLang, dir: uiDir, locale, formatNumber } = i18n;
  // Gregorian months as the outlet names them (its text, else what it was seen writing), then the user's choice.
  const own = useMemo(() => observeArticle(article.source, article.body), [article.source, article.body]);
  const dateLocale = localeForMonths(i18n, own ?? outletMonthSystem(article.source));
  const published = isoForPrecision(article.publishedAt);
  const long = longDate(article.publishedAt, dateLocale);
  const hijri = i18n.format.hijri ? hijriDate(article.publishedAt, locale) : null;
  const precision = article.publishedAt.precision;
  const safeUrl = article.url !== null && /^https?:\/\//i.test(article.url) ? article.url : null;
  const capture = article.originPath ? archiveCapture(article.originPath) : null;
  return (
    <>
      <header className="reader-header">
        <p className="reader-kicker">
          <bdi>{article.source ?? t.unknownSource}</bdi>
          {published ? (
            <>
              <span aria-hidden="true"> · </span>
              {/* The dates in the interface's direction: a Latin date inside an Arabic kicker keeps its order. */}
              <bdi dir={uiDir} lang={uiLang}>
                <time dateTime={published}>{shortDate(article.publishedAt, dateLocale) ?? published}</time>
                {hijri ? <span data-testid="reader-kicker-hijri">{` · ${hijri}`}</span> : null}
              </bdi>
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
                {hijri ? (
                  <span className="meta-hijri" data-testid="reader-hijri">
                    {' · '}
                    {hijri}
                  </span>
                ) : null}
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
            <button type="button" className="link-button" onClick={() => actions.onTag(article)} data-testid="add-tag">
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
              <bdi title={article.originPath}>{baseName(capture ? capture.record : article.originPath)}</bdi>
              {capture ? (
                <span className="muted" data-testid="archive-capture">
                  {' · '}
                  {t.captured} {dateTime(capture.captured, locale)}
                  {capture.unchanged ? ` · ${t.unchangedOn} ${dateTime(capture.unchanged, locale)}` : null}
                </span>
              ) : null}
              <span className="muted">
                {' · '}
                {t.imported} {dateTime(article.importedAt, locale)}
              </span>
            </dd>
          </div>
        ) : null}
      </dl>
    </>
  );
}
