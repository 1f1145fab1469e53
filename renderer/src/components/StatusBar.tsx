import type { AppInfo } from '../../../preload/contract';
import type { TransportKind } from '../transport';
import { useI18n } from '../i18n';

interface StatusBarProps {
  info: AppInfo | null;
  transportKind: TransportKind;
  busy: boolean;
  activityCount: number;
  activityErrors: boolean;
  onActivity(): void;
}

export function StatusBar({ info, transportKind, busy, activityCount, activityErrors, onActivity }: StatusBarProps) {
  const { t, w, formatNumber } = useI18n();
  return (
    <footer className="status-bar">
      <span className="status-item">{transportKind === 'electron' ? t.hostElectron : t.hostWeb}</span>
      {info ? (
        <>
          <span className="status-item" title={info.libraryPath}>
            {t.library}: <bdi dir="ltr">{info.libraryPath}</bdi>
          </span>
          <span className="status-item">{t.articles(formatNumber(info.articleCount), info.articleCount)}</span>
        </>
      ) : null}
      <span className="status-spacer" />
      <button
        type="button"
        className={`status-button${activityErrors ? ' has-errors' : ''}`}
        onClick={onActivity}
        data-testid="activity-button"
      >
        {w.activity}
        {activityCount > 0 ? ` (${formatNumber(activityCount)})` : ''}
      </button>
      {info ? <span className="status-item muted">v{info.version}</span> : null}
      {busy ? <span className="status-item spinner" role="img" aria-label={t.loading} /> : null}
    </footer>
  );
}
