import { useCallback, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { ImportReport } from '../../../preload/contract';
import { toShownError, useApi } from '../api';
import type { DroppedImport } from '../components/DropZone';
import type { RunningJob } from '../components/Jobs';
import type { I18n } from '../i18n';
import { planImport, runImportPlan, type ImportPlan } from '../import/importPlan';
import { pathOf, sourceName, type ImportSource, type MappingChoice, type TableGroup } from '../import/tableFiles';
import { useUiStore } from '../state/useUi';
import { say, type Said } from '../text/said';
import type { PushError, ShowToast } from './useNotices';
import { nextJobId } from './useJobs';

/** The report an import showed, with the files read again replaced by how they went this time. */
function withRetry(shown: ImportReport, retry: ImportReport, retried: ReadonlySet<string>): ImportReport {
  return {
    imported: [...shown.imported, ...retry.imported],
    duplicates: [...shown.duplicates, ...retry.duplicates],
    errors: [...shown.errors.filter((e) => !retried.has(e.path)), ...retry.errors],
    nearDuplicates: [...(shown.nearDuplicates ?? []), ...(retry.nearDuplicates ?? [])],
  };
}

/** One file of an earlier import, as runImport takes it again. */
function sourceList(source: ImportSource): File[] | DroppedImport {
  return source.kind === 'file' ? [source.file] : { kind: 'paths', paths: [source.path] };
}

interface ImportFlowDeps {
  i18n: I18n;
  jobs: readonly RunningJob[];
  setJobs: Dispatch<SetStateAction<RunningJob[]>>;
  patchJob(id: string, patch: Partial<RunningJob>): void;
  pushError: PushError;
  toast: ShowToast;
  refresh(): void;
  /** The core places new articles into stories by itself; this tells the Stories view to read them again. */
  storiesChanged(): void;
}

/**
 * Importing picked or dropped files (or paths from the desktop shell): table
 * files are previewed and mapped first (the CSV/TSV dialog), then one job runs
 * the plan with progress and Cancel; its report is shown and logged, and a
 * file whose encoding was not recognised can be read again in another.
 */
export function useImportFlow({
  i18n,
  jobs,
  setJobs,
  patchJob,
  pushError,
  toast,
  refresh,
  storiesChanged,
}: ImportFlowDeps) {
  const { api } = useApi();
  const store = useUiStore();
  const { t, w } = i18n;
  const [report, setReport] = useState<ImportReport | null>(null);
  const importing = jobs.some((j) => j.kind === 'import');

  // The CSV/TSV mapping dialog, open while an import waits for the user's columns.
  const [tableDialog, setTableDialog] = useState<{
    groups: TableGroup[];
    resolve(choices: MappingChoice[] | null): void;
  } | null>(null);
  const [planning, setPlanning] = useState(false);

  // The files of the last import by the path its report names them with: a
  // file whose encoding was not recognised can be read again in another.
  const lastSources = useRef(new Map<string, ImportSource>());

  const runImport = useCallback(
    async (source: File[] | DroppedImport, retry?: { encoding: string }) => {
      const dropped: DroppedImport = Array.isArray(source) ? { kind: 'files', files: source } : source;
      // Real paths (Electron drops): the core reads the files and walks the folders itself.
      const sources: ImportSource[] =
        dropped.kind === 'files'
          ? dropped.files.map((file) => ({ kind: 'file', file }))
          : dropped.paths.map((path) => ({ kind: 'path', path }));
      if (sources.length === 0 || importing || planning) return;
      if (!retry) lastSources.current = new Map(sources.map((s) => [pathOf(s), s]));
      // Table files are read and mapped first; the job starts once the user has said what to import.
      setPlanning(true);
      // A bar while the table files are read, gone when the dialog opens.
      const previewId = nextJobId('preview');
      const endPreview = () => setJobs((list) => list.filter((j) => j.id !== previewId));
      let plan: ImportPlan;
      try {
        // A retry in a chosen encoding reads the file as it is: its columns could not be read before either.
        plan = retry
          ? { parts: [{ sources }], errors: [], cancelled: 0 }
          : await planImport(api, sources, {
              remembered: (signature) => store.tableMapping(signature),
              remember: (signature, mapping) => store.rememberTableMapping(signature, mapping),
              onPreviewing: (done, total, name) => {
                const job = {
                  id: previewId,
                  kind: 'preview',
                  label: t.tableImport.readingTables,
                  said: { key: 'readingTables' } as const,
                  startedAt: Date.now(),
                  fraction: done / total,
                  done,
                  total,
                  detail: name,
                };
                setJobs((list) =>
                  list.some((j) => j.id === previewId)
                    ? list.map((j) => (j.id === previewId ? { ...job, startedAt: j.startedAt } : j))
                    : [...list, job],
                );
              },
              ask: (groups) => {
                endPreview();
                return new Promise((resolve) => setTableDialog({ groups, resolve }));
              },
            });
      } catch (error) {
        pushError(t.importFailed, error);
        return;
      } finally {
        endPreview();
        setTableDialog(null);
        setPlanning(false);
      }
      if (plan.cancelled > 0) toast(t.tableImport.cancelled(i18n.formatNumber(plan.cancelled), plan.cancelled));
      const files = plan.parts.flatMap((part) => part.sources.map(sourceName));
      if (files.length === 0 && plan.errors.length === 0) return;
      const id = nextJobId('import');
      const controller = new AbortController();
      const startedAt = Date.now();
      const count = files.length + plan.errors.length;
      const said: Said =
        count === 1
          ? { key: 'importOne', params: [files[0] ?? plan.errors[0]!.path] }
          : { key: 'importMany', params: [count] };
      const label = say(said, i18n);
      // A retry keeps the report it was started from: its other files still offer theirs.
      if (!retry) setReport(null);
      setJobs((list) => [
        ...list,
        {
          id,
          kind: 'import',
          label: t.readingFiles,
          said: { key: 'readingFiles' },
          startedAt,
          fraction: 0,
          done: 0,
          total: files.length,
          cancel: () => controller.abort(),
        },
      ]);
      store.putActivity({
        id,
        kind: 'import',
        label,
        said,
        startedAt: new Date(startedAt).toISOString(),
        finishedAt: null,
        status: 'running',
        errors: [],
        items: [],
      });
      let result: ImportReport | null = null;
      let failure: unknown = null;
      try {
        result = await runImportPlan(api, plan, {
          encoding: retry?.encoding,
          signal: controller.signal,
          onProgress: (p) =>
            patchJob(id, {
              label: p.phase === 'reading' ? t.readingFiles : t.importing,
              said: { key: p.phase === 'reading' ? 'readingFiles' : 'importing' },
              fraction: p.fraction,
              done: Math.min(files.length, Math.round(p.fraction * files.length)),
              detail: p.label,
            }),
        });
        const outcome = result;
        const retried = new Set(sources.map(pathOf));
        setReport((shown) => (retry && shown ? withRetry(shown, outcome, retried) : outcome));
        // The core places new articles into stories by itself; the Stories view reads them when they are there.
        if (result.imported.length > 0) storiesChanged();
      } catch (error) {
        failure = error;
        pushError(t.importFailed, error);
      } finally {
        setJobs((list) => list.filter((j) => j.id !== id));
        refresh();
      }
      const cancelled = controller.signal.aborted;
      store.putActivity({
        id,
        kind: 'import',
        label,
        said,
        startedAt: new Date(startedAt).toISOString(),
        finishedAt: new Date().toISOString(),
        status: failure ? 'failed' : cancelled ? 'cancelled' : 'done',
        counts: result
          ? { imported: result.imported.length, duplicates: result.duplicates.length, errors: result.errors.length }
          : undefined,
        message: failure ? toShownError(failure).message : undefined,
        errors: result?.errors ?? [],
        items: result?.imported.map((a) => ({ id: a.id, title: a.title })) ?? [],
      });
    },
    [
      api,
      importing,
      planning,
      store,
      setJobs,
      patchJob,
      pushError,
      refresh,
      toast,
      t,
      w.jobImport,
      i18n,
      storiesChanged,
    ],
  );

  const fileInput = useRef<HTMLInputElement>(null);
  const openPicker = useCallback(() => fileInput.current?.click(), []);

  // A path is at hand in the desktop app (the core reads it again); an upload only while its File is kept.
  const canRetry = (path: string) =>
    lastSources.current.has(path) || (window.mizan !== undefined && /^([a-zA-Z]:[\\/]|\/)/.test(path));
  const retryWithEncoding =
    importing || planning
      ? null
      : (path: string, encoding: string) =>
          void runImport(
            lastSources.current.has(path)
              ? sourceList(lastSources.current.get(path)!)
              : { kind: 'paths', paths: [path] },
            { encoding },
          );

  return {
    report,
    setReport,
    importing,
    planning,
    tableDialog,
    runImport,
    fileInput,
    openPicker,
    canRetry,
    retryWithEncoding,
  };
}
