/**
 * Placing new articles into stories (compare.cluster) as a background job:
 * a bar with progress and Cancel while it runs, an entry in the activity log
 * when it ends. Run on demand (the Stories view, the palette); after imports
 * the core places new articles by itself.
 */
import { useCallback, useRef, type Dispatch, type SetStateAction } from 'react';
import { methodNames } from '../../../../preload/contract/methodList';
import { toShownError, useApi } from '../../api';
import type { I18n } from '../../i18n';
import { useUiStore } from '../../state/useUi';
import type { Said } from '../../text/said';
import type { RunningJob } from '../Jobs';

export const clusteringAvailable = methodNames.includes('compare.cluster');

interface ClusterJobDeps {
  setJobs: Dispatch<SetStateAction<RunningJob[]>>;
  patchJob(id: string, patch: Partial<RunningJob>): void;
  /** Called when the stories changed (the views read them again). */
  onDone(): void;
  /** The app's own (it renders the i18n context, so it cannot read it). */
  i18n: I18n;
}

/**
 * `quiet`: the run follows an import, whose own entry already tells the
 * story; it logs only a failure. Runs asked for by name are always logged.
 */
export function useClusterJob({
  setJobs,
  patchJob,
  onDone,
  i18n,
}: ClusterJobDeps): (mode?: 'incremental' | 'full', quiet?: boolean) => void {
  const { api } = useApi();
  const { t, formatNumber } = i18n;
  const store = useUiStore();
  // One run at a time: a second request while one runs would only queue the same work.
  const running = useRef(false);
  return useCallback(
    (mode: 'incremental' | 'full' = 'incremental', quiet = false) => {
      if (!clusteringAvailable || running.current) return;
      running.current = true;
      const id = `cluster-${Date.now()}`;
      const controller = new AbortController();
      const startedAt = new Date();
      const label = t.compare.clustering;
      setJobs((list) => [
        ...list,
        {
          id,
          kind: 'cluster',
          label,
          said: { key: 'clustering' },
          startedAt: startedAt.getTime(),
          fraction: null,
          done: 0,
          total: null,
          cancel: () => controller.abort(),
        },
      ]);
      const finish = (status: 'done' | 'failed' | 'cancelled', message: string, saidMessage?: Said) => {
        if (quiet && status !== 'failed') return;
        store.putActivity({
          id,
          kind: 'cluster',
          label,
          said: { key: 'clustering' },
          startedAt: startedAt.toISOString(),
          finishedAt: new Date().toISOString(),
          status,
          message,
          saidMessage,
          errors: [],
          items: [],
        });
      };
      api['compare.cluster'](
        { mode },
        {
          signal: controller.signal,
          onProgress: (p) =>
            patchJob(id, {
              done: p.done,
              total: p.total,
              fraction: p.total ? p.done / p.total : null,
              detail: p.label,
            }),
        },
      )
        .then(
          (run) =>
            finish(
              'done',
              t.compare.clusterDone(formatNumber(run.stories), run.stories, formatNumber(run.placed), run.placed),
              { key: 'clusterDone', params: [run.stories, run.placed] },
            ),
          (error: unknown) => finish(controller.signal.aborted ? 'cancelled' : 'failed', toShownError(error).message),
        )
        .finally(() => {
          running.current = false;
          setJobs((list) => list.filter((j) => j.id !== id));
          onDone();
        });
    },
    [api, t, formatNumber, store, setJobs, patchJob, onDone],
  );
}
