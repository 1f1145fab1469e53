import type { AppInfo } from '../../../preload/contract';
import type { TransportKind } from '../transport';
import { useI18n } from '../i18n';

interface StatusBarProps {
  info: AppInfo | null;
  transportKind: TransportKind;
  busy: boolean;
}

export function StatusBar({ info, transportKind, busy }: StatusBarProps) {
  const { t, formatNumber } = useI18n();
  return (
    <footer className="status-bar">
      <span className="status-item">{transportKind === 'electron' ? t.hostElectron : t.hostWeb}</span>
      {info ? (
        <>
          <span className="status-item" title={info.libraryPath}>
            {t.library}: <bdi dir="ltr">{info.libraryPath}</bdi>
          </span>
          <span className="status-item">{t.articles(formatNumber(info.articleCount), info.articleCount)}</span>
          <span className="status-spacer" />
          <span className="status-item muted">v{info.version}</span>
        </>
      ) : (
        <span className="status-spacer" />
      )}
      {busy ? <span className="status-item spinner" aria-label={t.loading} /> : null}
    </footer>
  );
}
