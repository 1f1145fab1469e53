import { useRef } from 'react';
import type { Article } from '../../../../preload/contract';
import { useI18n } from '../../i18n';
import { useExportWords } from '../../i18nExport';
import { useUiState, useUiStore } from '../../state/useUi';
import type { ReaderActions } from '../Reader';

interface ReaderToolbarProps {
  article: Article;
  hasHtml: boolean;
  view: 'text' | 'html';
  findOpen: boolean;
  onToggleFind(): void;
  highlightCount: number;
  actions: Pick<ReaderActions, 'onEditMetadata' | 'onCite' | 'onUpdateFromFile' | 'onDelete'>;
}

/** Above the article: text size, line length, text/original view, find, the panel, details, update, delete. */
export function ReaderToolbar({
  article,
  hasHtml,
  view,
  findOpen,
  onToggleFind,
  highlightCount,
  actions,
}: ReaderToolbarProps) {
  const { w, formatNumber } = useI18n();
  const x = useExportWords();
  const ui = useUiState();
  const store = useUiStore();
  const fileRef = useRef<HTMLInputElement>(null);
  const setScale = (delta: number) =>
    store.update({ fontScale: Math.round(Math.max(0.7, Math.min(1.8, ui.fontScale + delta)) * 100) / 100 });
  return (
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
        aria-expanded={findOpen}
        onClick={onToggleFind}
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
        {highlightCount > 0 ? <span className="tool-badge">{formatNumber(highlightCount)}</span> : null}
      </button>
      <button
        type="button"
        className="button button-small"
        onClick={() => actions.onEditMetadata(article)}
        data-testid="edit-metadata"
      >
        {w.editMetadata}
      </button>
      <button type="button" className="button button-small" onClick={() => actions.onCite(article)} data-testid="cite">
        {x.cite}
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
  );
}
