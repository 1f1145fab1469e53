import { useI18n } from '../i18n';
import type { UploadProgress } from '../import/uploadFiles';

interface ImportProgressBarProps {
  progress: UploadProgress;
  onCancel(): void;
}

export function ImportProgressBar({ progress, onCancel }: ImportProgressBarProps) {
  const { t, formatNumber } = useI18n();
  const { done, total } = progress;
  const fraction = total !== null && total > 0 ? Math.min(1, done / total) : null;
  return (
    <div className="import-progress" role="status" aria-live="polite" data-testid="import-progress">
      <span className="import-progress-phase">{progress.phase === 'reading' ? t.readingFiles : t.importing}</span>
      {progress.batches > 1 ? (
        <span className="import-progress-batch">
          {formatNumber(progress.batch)} / {formatNumber(progress.batches)}
        </span>
      ) : null}
      <progress
        className="progress"
        max={1}
        value={fraction ?? undefined}
        aria-valuetext={total !== null ? `${done} / ${total}` : undefined}
      />
      <span className="import-progress-count">
        {formatNumber(done)}
        {total !== null ? ` / ${formatNumber(total)}` : ''}
      </span>
      {progress.label ? (
        <bdi className="import-progress-label" title={progress.label}>
          {progress.label}
        </bdi>
      ) : null}
      <button type="button" className="button button-small" onClick={onCancel}>
        {t.cancel}
      </button>
    </div>
  );
}
