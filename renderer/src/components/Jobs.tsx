import type { ActivityEntry } from '../state/uiStore';
import { useI18n } from '../i18n';
import { progressDetail, say, type Said } from '../text/said';
import { baseName, dateTime } from '../text/format';

export interface RunningJob {
  id: string;
  kind: string;
  label: string;
  /** The label as a key: the bar says it in the current language. */
  said?: Said;
  startedAt: number;
  /** 0..1 of the whole job; null while it cannot be known. */
  fraction: number | null;
  done: number;
  total: number | null;
  detail?: string;
  cancel?: () => void;
}

/** Seconds left, from the rate so far; null until there is enough to go on. */
export function etaSeconds(job: Pick<RunningJob, 'startedAt' | 'fraction'>, now: number): number | null {
  const elapsed = (now - job.startedAt) / 1000;
  if (job.fraction === null || job.fraction < 0.02 || job.fraction >= 1 || elapsed < 1) return null;
  return (elapsed * (1 - job.fraction)) / job.fraction;
}

/** One bar per running job: what, how far (count), how long still (ETA), and a way out. */
export function JobsBar({ jobs, now }: { jobs: readonly RunningJob[]; now: number }) {
  const i18n = useI18n();
  const { t, w, formatNumber, formatDuration } = i18n;
  if (jobs.length === 0) return null;
  return (
    <div className="jobs">
      {jobs.map((job) => {
        const eta = etaSeconds(job, now);
        const label = job.said ? say(job.said, i18n) : job.label;
        const detail = progressDetail(job.detail, i18n);
        return (
          <div
            key={job.id}
            className="import-progress"
            role="status"
            aria-live="polite"
            data-testid={job.kind === 'import' ? 'import-progress' : 'job-progress'}
          >
            <span className="import-progress-phase">{label}</span>
            <progress
              className="progress"
              max={1}
              value={job.fraction ?? undefined}
              aria-label={label}
              aria-valuetext={job.total !== null ? `${formatNumber(job.done)} / ${formatNumber(job.total)}` : undefined}
            />
            <span className="import-progress-count" data-testid="job-count">
              {formatNumber(job.done)}
              {job.total !== null ? ` / ${formatNumber(job.total)}` : ''}
            </span>
            <span className="job-eta muted" data-testid="job-eta">
              {eta !== null ? w.eta(formatDuration(eta)) : w.working}
            </span>
            {detail ? (
              <bdi className="import-progress-label" title={detail}>
                {detail}
              </bdi>
            ) : null}
            {job.cancel ? (
              <button type="button" className="button button-small" onClick={job.cancel} data-testid="job-cancel">
                {t.cancel}
              </button>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

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
