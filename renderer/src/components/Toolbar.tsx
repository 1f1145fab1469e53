import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { methodNames } from '../../../preload/contract/methodList';
import { useApi } from '../api';
import { useI18n } from '../i18n';

interface ToolbarProps {
  total: number | null;
  /** The count could not be loaded: show none rather than a wrong one. */
  totalFailed: boolean;
  importing: boolean;
  search: string;
  searchRef: RefObject<HTMLInputElement | null>;
  sidebarOpen: boolean;
  onToggleSidebar(): void;
  onSearch(query: string): void;
  onImport(): void;
  onPalette(): void;
  onSettings(): void;
  onToggleUiLang(): void;
}

export const searchAvailable = methodNames.includes('search.query');
const suggestAvailable = methodNames.includes('search.suggest');

export function Toolbar(props: ToolbarProps) {
  const { api } = useApi();
  const { t, w, formatNumber } = useI18n();
  const [text, setText] = useState(props.search);
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const listId = useId();
  useEffect(() => setText(props.search), [props.search]);

  // Completions of the word being typed, from the library's vocabulary.
  useEffect(() => {
    if (!suggestAvailable || text.trim().length < 2) {
      setSuggestions([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api['search.suggest']({ text, limit: 8 }).then(
        (s) => {
          if (live) setSuggestions(s.items.map((item) => `${text.slice(0, s.from)}${item.value}${text.slice(s.to)}`));
        },
        () => undefined,
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, text]);

  // The list follows the box after a pause in typing.
  const onSearch = useRef(props.onSearch);
  onSearch.current = props.onSearch;
  useEffect(() => {
    if (text === props.search) return;
    const timer = setTimeout(() => onSearch.current(text), 300);
    return () => clearTimeout(timer);
  }, [text, props.search]);

  return (
    <header className="toolbar" role="toolbar" aria-label={t.appName}>
      <button
        type="button"
        className="icon-button"
        aria-label={w.toggleSidebar}
        title={w.toggleSidebar}
        aria-pressed={props.sidebarOpen}
        onClick={props.onToggleSidebar}
        data-testid="sidebar-toggle"
      >
        <span aria-hidden="true">☰</span>
      </button>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ⚖
        </span>
        <span className="brand-name">{t.appName}</span>
      </div>
      <button
        type="button"
        className="button button-primary"
        onClick={props.onImport}
        disabled={props.importing}
        title={t.importTitle}
        data-testid="import-button"
      >
        {t.importButton}
      </button>
      <div className="search-box" role="search">
        <span className="search-icon" aria-hidden="true">
          ⌕
        </span>
        <input
          ref={props.searchRef}
          type="search"
          className="text-input search-input"
          aria-label={w.searchLabel}
          placeholder={searchAvailable ? `${w.searchPlaceholder}  /` : w.searchUnavailable}
          title={searchAvailable ? undefined : w.searchUnavailable}
          disabled={!searchAvailable}
          value={text}
          dir="auto"
          list={suggestions.length > 0 ? listId : undefined}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              props.onSearch(text);
            } else if (e.key === 'Escape' && text !== '') {
              e.preventDefault();
              e.stopPropagation();
              setText('');
              props.onSearch('');
            }
          }}
          data-testid="search-input"
        />
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </div>
      <span className="toolbar-spacer" />
      <span className="article-count" data-testid="article-count" aria-live="polite">
        {props.totalFailed
          ? '—'
          : props.total === null
            ? t.loading
            : t.articles(formatNumber(props.total), props.total)}
      </span>
      <button
        type="button"
        className="button button-quiet"
        onClick={props.onPalette}
        title={`${w.commandPalette} (Ctrl+K)`}
        data-testid="palette-button"
      >
        <kbd dir="ltr">Ctrl K</kbd>
        <span className="visually-hidden">{w.commandPalette}</span>
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={w.settings}
        title={w.settings}
        onClick={props.onSettings}
        data-testid="settings-button"
      >
        <span aria-hidden="true">⚙</span>
      </button>
      <button
        type="button"
        className="button button-quiet"
        onClick={props.onToggleUiLang}
        title={t.switchLanguage}
        lang={t.otherLanguageName === 'English' ? 'en' : 'ar'}
        data-testid="ui-lang-toggle"
      >
        {t.otherLanguageName}
      </button>
    </header>
  );
}
