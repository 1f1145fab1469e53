import type { ActivityEntry } from '../state/uiStore';
import { useI18n } from '../i18n';
import { say } from '../text/said';
import { baseName, dateTime } from '../text/format';

/** The persistent log of long work: every result and error, readable later. */
export function ActivityPanel({
  entries,
  onClose,
  onClear,
  onOpen,
}: {
  entries: readonly ActivityEntry[];
  onClose(): void;
  onClear(): void;
  onOpen(id: number): void;
}) {
  const i18n = useI18n();
  const { t, w, locale, formatNumber } = i18n;
  return (
    <aside className="activity" aria-labelledby="activity-title" data-testid="activity-panel">
      <header className="activity-header">
        <h2 id="activity-title">{w.activity}</h2>
        <span className="toolbar-spacer" />
        <button
          type="button"
          className="button button-small button-quiet"
          onClick={onClear}
          disabled={entries.length === 0}
        >
          {w.clearLog}
        </button>
        <button type="button" className="icon-button" aria-label={t.close} title={t.close} onClick={onClose}>
          ×
        </button>
      </header>
      {entries.length === 0 ? <p className="panel-empty">{w.activityEmpty}</p> : null}
      <ol className="activity-list">
        {entries.map((e) => (
          <li
            key={e.id}
            className={`activity-entry status-${e.status}`}
            data-testid="activity-entry"
            data-status={e.status}
          >
            <div className="activity-line">
              <span className={`status-badge job-${e.status}`}>{w.jobStatus[e.status]}</span>
              <bdi className="activity-label">{e.said ? say(e.said, i18n) : e.label}</bdi>
              <span className="toolbar-spacer" />
              <time className="muted" dateTime={e.startedAt}>
                {dateTime(e.startedAt, locale)}
              </time>
            </div>
            {e.counts ? (
              <p className="activity-counts">
                <span className="count count-ok">
                  <span className="count-value">{formatNumber(e.counts.imported)}</span> {t.importedSection}
                </span>{' '}
                <span className="count count-dup">
                  <span className="count-value">{formatNumber(e.counts.duplicates)}</span> {t.duplicatesSection}
                </span>{' '}
                <span className={`count${e.counts.errors > 0 ? ' count-error' : ''}`}>
                  <span className="count-value">{formatNumber(e.counts.errors)}</span> {t.errorsSection}
                </span>
              </p>
            ) : null}
            {e.saidMessage || e.message ? (
              <p className="activity-message">
                <bdi>{e.saidMessage ? say(e.saidMessage, i18n) : e.message}</bdi>
              </p>
            ) : null}
            {e.errors.length > 0 ? (
              <details className="activity-errors">
                <summary>
                  {t.errorsSection} ({formatNumber(e.errors.length)})
                </summary>
                <ul>
                  {e.errors.map((err, i) => (
                    <li key={i}>
                      <bdi className="report-file">{baseName(err.path)}</bdi>{' '}
                      <code className="error-code">{err.code}</code> <bdi className="muted">{err.message}</bdi>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
            {e.items.length > 0 ? (
              <details className="activity-items">
                <summary>
                  {t.importedSection} ({formatNumber(e.items.length)})
                </summary>
                <ul>
                  {e.items.map((item) => (
                    <li key={item.id}>
                      <button type="button" className="link-button" onClick={() => onOpen(item.id)}>
                        <bdi>{item.title}</bdi>
                      </button>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </li>
        ))}
      </ol>
    </aside>
  );
}
