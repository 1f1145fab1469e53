import { useI18n } from '../i18n';

interface EmptyStateProps {
  onImport(): void;
  disabled: boolean;
}

/** The first thing a new user sees: what Mizan wants and one way to give it. */
export function EmptyState({ onImport, disabled }: EmptyStateProps) {
  const { t } = useI18n();
  return (
    <section className="empty-state" data-testid="empty-state" aria-labelledby="empty-title">
      <div className="empty-mark" aria-hidden="true">
        ⚖
      </div>
      <h2 id="empty-title">{t.emptyTitle}</h2>
      <p>{t.emptyBody}</p>
      <button type="button" className="button button-primary button-large" onClick={onImport} disabled={disabled}>
        {t.importButton}
      </button>
      <p className="empty-hint">{t.emptyFormats}</p>
      <p className="empty-hint">{t.dropHint}</p>
    </section>
  );
}
