import { useI18n } from '../i18n';
import type { ListSelection } from '../hooks/useListSelection';

interface BulkBarProps {
  selection: ListSelection;
  onTag(): void;
  onCollect(): void;
  /** Absent when the core has no dossiers. */
  onDossier?: () => void;
  onExport(kind: 'pdf' | 'html'): void;
  onDelete(): void;
}

/** What can be done to the selected rows at once; it replaces nothing, it sits over the list. */
export function BulkBar({ selection, onTag, onCollect, onDossier, onExport, onDelete }: BulkBarProps) {
  const { t, formatNumber } = useI18n();
  const sw = t.selection;
  return (
    <div className="bulk-bar" role="toolbar" aria-label={sw.selectionLabel} data-testid="bulk-bar">
      <span className="bulk-count" role="status" data-testid="bulk-count">
        {sw.selected(t.articles(formatNumber(selection.count), selection.count))}
      </span>
      <button type="button" className="button button-small" onClick={onTag} data-testid="bulk-tag">
        {sw.bulkTag}
      </button>
      <button type="button" className="button button-small" onClick={onCollect} data-testid="bulk-collect">
        {sw.bulkCollect}
      </button>
      {onDossier ? (
        <button type="button" className="button button-small" onClick={onDossier} data-testid="bulk-dossier">
          {sw.bulkDossier}
        </button>
      ) : null}
      <button type="button" className="button button-small" onClick={() => onExport('pdf')} data-testid="bulk-pdf">
        {sw.bulkExportPdf}
      </button>
      <button type="button" className="button button-small" onClick={() => onExport('html')} data-testid="bulk-html">
        {sw.bulkExportHtml}
      </button>
      <button type="button" className="button button-small button-danger" onClick={onDelete} data-testid="bulk-delete">
        {sw.bulkDelete}
      </button>
      <button
        type="button"
        className="icon-button icon-small"
        onClick={selection.clear}
        aria-label={sw.clearSelection}
        title={sw.clearSelection}
        data-testid="bulk-clear"
      >
        ×
      </button>
    </div>
  );
}
