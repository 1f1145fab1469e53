import { useI18n } from '../i18n';
import { progressDetail, say, type Said } from '../text/said';

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
