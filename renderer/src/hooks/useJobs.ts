import { useCallback, useEffect, useState } from 'react';
import { toShownError } from '../api';
import type { RunJob } from '../components/dossier/DossierExport';
import type { RunningJob } from '../components/Jobs';
import type { I18n } from '../i18n';
import { labelText } from '../text/said';
import { useUiStore } from '../state/useUi';
import type { PushError } from './useNotices';

let jobCounter = 0;

/** A job id unique in this page: its kind, the time, and a counter (two jobs can start in one millisecond). */
export function nextJobId(kind: string): string {
  return `${kind}-${Date.now()}-${++jobCounter}`;
}

/**
 * Long work with a bar (count, ETA from `now`, ticking while any job runs),
 * Cancel, and an entry in the activity log when it ends.
 */
export function useJobs(pushError: PushError, i18n: I18n) {
  const store = useUiStore();
  const [jobs, setJobs] = useState<RunningJob[]>([]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (jobs.length === 0) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [jobs.length]);
  const patchJob = useCallback(
    (id: string, patch: Partial<RunningJob>) =>
      setJobs((list) => list.map((j) => (j.id === id ? { ...j, ...patch } : j))),
    [],
  );
  /** A job with the app's progress bar, cancel and activity entry; rejects (after reporting) when it fails. */
  const runJob: RunJob = useCallback(
    async (kind, label, work) => {
      const id = nextJobId(kind);
      const said = typeof label === 'string' ? undefined : label;
      const text = labelText(label, i18n);
      const controller = new AbortController();
      const startedAt = new Date().toISOString();
      setJobs((l) => [
        ...l,
        {
          id,
          kind,
          label: text,
          said,
          startedAt: Date.now(),
          fraction: 0,
          done: 0,
          total: null,
          cancel: () => controller.abort(),
        },
      ]);
      const finish = (status: 'done' | 'failed' | 'cancelled', message?: string) =>
        store.putActivity({
          id,
          kind,
          label: text,
          said,
          startedAt,
          finishedAt: new Date().toISOString(),
          status,
          ...(message ? { message } : {}),
          errors: [],
          items: [],
        });
      try {
        const result = await work(controller.signal, (p) =>
          patchJob(id, { done: p.done, total: p.total, fraction: p.total ? p.done / p.total : null, detail: p.label }),
        );
        finish('done');
        return result;
      } catch (error) {
        finish(controller.signal.aborted ? 'cancelled' : 'failed', toShownError(error).message);
        if (!controller.signal.aborted) pushError(text, error);
        throw error;
      } finally {
        setJobs((l) => l.filter((j) => j.id !== id));
      }
    },
    [store, patchJob, pushError, i18n],
  );
  return { jobs, setJobs, now, patchJob, runJob };
}
