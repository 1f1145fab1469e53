import type { SourceInfo } from '../../../preload/contract';
import type { ListQuery } from '../hooks/useArticlePager';
import { useI18n } from '../i18n';
import { languageName } from '../text/format';

type Sort = ListQuery['sort'];

interface ToolbarProps {
  sort: Sort;
  order: ListQuery['order'];
  sourceId: number | null;
  lang: string | null;
  sources: readonly SourceInfo[];
  languages: readonly string[];
  total: number | null;
  /** The count could not be loaded: show none rather than a wrong one. */
  totalFailed: boolean;
  importing: boolean;
  onImport(): void;
  onSort(sort: Sort): void;
  onToggleOrder(): void;
  onSource(id: number | null): void;
  onLang(lang: string | null): void;
  onToggleUiLang(): void;
}

const sorts: readonly Sort[] = ['publishedAt', 'importedAt', 'title', 'source'];

export function Toolbar(props: ToolbarProps) {
  const { t, locale, formatNumber } = useI18n();
  const sortLabel: Record<Sort, string> = {
    publishedAt: t.sortPublishedAt,
    importedAt: t.sortImportedAt,
    title: t.sortTitle,
    source: t.sortSource,
  };
  return (
    <header className="toolbar" role="toolbar" aria-label={t.appName}>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ⚖
        </span>
        <span className="brand-name">{t.appName}</span>
      </div>
      <button type="button" className="button button-primary" onClick={props.onImport} disabled={props.importing} title={t.importTitle}>
        {t.importButton}
      </button>
      <div className="toolbar-divider" aria-hidden="true" />
      <label className="field">
        <span className="field-label">{t.sortBy}</span>
        <select value={props.sort} onChange={(e) => props.onSort(e.currentTarget.value as Sort)} data-testid="sort-select">
          {sorts.map((s) => (
            <option key={s} value={s}>
              {sortLabel[s]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="icon-button order-button"
        onClick={props.onToggleOrder}
        title={props.order === 'desc' ? t.orderDesc : t.orderAsc}
        aria-label={props.order === 'desc' ? t.orderDesc : t.orderAsc}
        data-testid="order-toggle"
      >
        {props.order === 'desc' ? '↓' : '↑'}
      </button>
      <label className="field">
        <span className="field-label">{t.source}</span>
        <select
          value={props.sourceId ?? ''}
          onChange={(e) => props.onSource(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}
          data-testid="source-filter"
        >
          <option value="">{t.allSources}</option>
          {props.sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({formatNumber(s.articleCount)})
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t.language}</span>
        <select
          value={props.lang ?? ''}
          onChange={(e) => props.onLang(e.currentTarget.value === '' ? null : e.currentTarget.value)}
          data-testid="lang-filter"
        >
          <option value="">{t.allLanguages}</option>
          {props.languages.map((code) => (
            <option key={code} value={code}>
              {languageName(code, locale)}
            </option>
          ))}
        </select>
      </label>
      <span className="toolbar-spacer" />
      <span className="article-count" data-testid="article-count" aria-live="polite">
        {props.totalFailed ? '—' : props.total === null ? t.loading : t.articles(formatNumber(props.total), props.total)}
      </span>
      <button type="button" className="button button-quiet" onClick={props.onToggleUiLang} title={t.switchLanguage} lang={t.otherLanguageName === 'English' ? 'en' : 'ar'}>
        {t.otherLanguageName}
      </button>
    </header>
  );
}
