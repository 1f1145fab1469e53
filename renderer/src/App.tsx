import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import {
  methodNames,
  MizanError,
  type AlignSettings,
  type AppInfo,
  type Article,
  type ArticleFilter,
  type ArticleSummary,
  type CollectionInfo,
  type DossierItemRef,
  type ImportReport,
  type LanguageInfo,
  type SourceInfo,
  type StoryCluster,
  type TagInfo,
} from '../../preload/contract';
import { toShownError, useApi } from './api';
import { ArticleList, ROW_HEIGHT, SEARCH_ROW_HEIGHT } from './components/ArticleList';
import { CommandPalette, type Command } from './components/CommandPalette';
import { ComparisonView } from './components/compare/ComparisonView';
import { StoriesView, StoryPanel } from './components/compare/StoriesView';
import { clusteringAvailable, useClusterJob } from './components/compare/useClusterJob';
import { DropZone, type DroppedImport } from './components/DropZone';
import { MetadataDialog, PromptDialog, SettingsDialog, ShortcutsDialog, SourcesDialog } from './components/Dialogs';
import { EmptyState } from './components/EmptyState';
import { ErrorBanners, type BannerError } from './components/ErrorBanners';
import { HighlightsList } from './components/HighlightsList';
import { ImportReportPanel } from './components/ImportReportPanel';
import { ActivityPanel, JobsBar, type RunningJob } from './components/Jobs';
import { Reader, type ReaderActions, type ReaderHandle } from './components/Reader';
import { Sidebar } from './components/Sidebar';
import { Splitter } from './components/Splitter';
import { StatusBar } from './components/StatusBar';
import { TableMappingDialog } from './components/TableMappingDialog';
import { Toasts, type Toast } from './components/Toasts';
import type { RunJob } from './components/dossier/DossierExport';
import { DossiersView } from './components/dossier/DossiersView';
import { searchAvailable, Toolbar } from './components/Toolbar';
import { ArticlePager } from './hooks/articlePager';
import { useShellLinks } from './hooks/shellLinks';
import { I18nContext, makeI18n, systemUiLang, type UiLang } from './i18n';
import { planImport, runImportPlan, type ImportPlan } from './import/importPlan';
import { pathOf, sourceName, type ImportSource, type MappingChoice, type TableGroup } from './import/tableFiles';
import { IMPORT_ACCEPT, uploadFiles } from './import/uploadFiles';
import type { UiState, View } from './state/uiStore';
import { useUiState, useUiStore } from './state/useUi';
import { languageName } from './text/format';

const MIN_READER = 360;
const MIN_LIST = 240;
const MIN_SIDEBAR = 160;

type Dialog =
  | {
      kind: 'prompt';
      title: string;
      label: string;
      initial?: string;
      suggestions?: string[];
      submitLabel: string;
      onSubmit(value: string): Promise<void>;
      testId?: string;
    }
  | { kind: 'metadata'; article: Article }
  | { kind: 'sources' }
  | { kind: 'settings' }
  | { kind: 'shortcuts' };

interface Facts {
  /** The library version these facts were read at. */
  version: number;
  info: AppInfo | null;
  sources: SourceInfo[];
  tags: TagInfo[];
  collections: CollectionInfo[];
  languages: LanguageInfo[];
}

function useSystemLang(): UiLang {
  const [lang, setLang] = useState<UiLang>(() => systemUiLang());
  useEffect(() => {
    const onChange = () => setLang(systemUiLang());
    window.addEventListener('languagechange', onChange);
    return () => window.removeEventListener('languagechange', onChange);
  }, []);
  return lang;
}

function useResolvedTheme(choice: UiState['theme']): 'light' | 'dark' {
  const [systemDark, setSystemDark] = useState(
    () => window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false,
  );
  useEffect(() => {
    const query = window.matchMedia?.('(prefers-color-scheme: dark)');
    if (!query) return;
    const onChange = () => setSystemDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

function filterOf(view: View): ArticleFilter {
  switch (view.kind) {
    case 'tag':
      return { tag: view.name };
    case 'source':
      return { sourceIds: [view.id] };
    case 'lang':
      return { lang: view.code };
    case 'collection':
      return { collectionId: view.id };
    default:
      return {};
  }
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
}

let jobCounter = 0;

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

export function App() {
  const { api, transportKind } = useApi();
  const store = useUiStore();
  const ui = useUiState();
  const systemLang = useSystemLang();
  const uiLang: UiLang = ui.uiLang === 'system' ? systemLang : ui.uiLang;
  const i18n = useMemo(
    () => makeI18n(uiLang, { monthSystem: ui.monthSystem, digits: ui.digits }),
    [uiLang, ui.monthSystem, ui.digits],
  );
  const { t, w, locale } = i18n;
  const theme = useResolvedTheme(ui.theme);

  useEffect(() => {
    const root = document.documentElement;
    root.lang = uiLang;
    root.dir = i18n.dir;
    root.dataset['theme'] = theme;
    root.style.colorScheme = theme;
    document.title = uiLang === 'ar' ? 'ميزان — Mizan' : 'Mizan — ميزان';
  }, [uiLang, i18n.dir, theme]);

  // --- errors and toasts -----------------------------------------------------------
  const [errors, setErrors] = useState<BannerError[]>([]);
  const nextId = useRef(1);
  const pushError = useCallback((context: string, error: unknown, retry?: () => void) => {
    const shown = toShownError(error);
    const id = nextId.current++;
    setErrors((list) => [...list.slice(-3), { id, context, ...shown, retry }]);
  }, []);
  const dismissError = useCallback((id: number) => setErrors((list) => list.filter((e) => e.id !== id)), []);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismissToast = useCallback((id: number) => setToasts((list) => list.filter((x) => x.id !== id)), []);
  const toast = useCallback(
    (message: string, action?: Toast['action'], ms = 6000) => {
      const id = nextId.current++;
      setToasts((list) => [...list.slice(-2), { id, message, action }]);
      setTimeout(() => dismissToast(id), ms);
    },
    [dismissToast],
  );
  const lastUndo = useRef<(() => void) | null>(null);

  // --- library facts ------------------------------------------------------------------
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const [articleVersion, setArticleVersion] = useState(0);
  const [facts, setFacts] = useState<Facts>({
    version: -1,
    info: null,
    sources: [],
    tags: [],
    collections: [],
    languages: [],
  });
  useEffect(() => {
    let live = true;
    Promise.all([
      api['app.info']({}),
      api['library.listSources']({}),
      api['library.listTags']({}),
      api['library.listCollections']({}),
      api['library.listLanguages']({}),
    ]).then(
      ([info, sources, tags, collections, languages]) => {
        if (live) setFacts({ version, info, sources, tags, collections, languages });
      },
      (error: unknown) => {
        if (live) pushError(t.loadFailed, error, refresh);
      },
    );
    return () => {
      live = false;
    };
  }, [api, version, pushError, refresh, t.loadFailed]);

  // --- what the list shows ---------------------------------------------------------------
  const [search, setSearch] = useState('');
  const searching = searchAvailable && search.trim() !== '';
  const view = ui.view;
  const inCollection = view.kind === 'collection';
  const sort = ui.sort === 'position' && !inCollection ? 'publishedAt' : ui.sort;
  const filter = useMemo(() => filterOf(view), [view]);
  const mode: 'search' | 'collection' | 'list' = searching
    ? 'search'
    : inCollection && sort === 'position'
      ? 'collection'
      : 'list';
  const queryKey = JSON.stringify({ mode, sort, order: ui.order, filter, search: searching ? search.trim() : '' });

  const pager = useMemo(() => {
    const q = JSON.parse(queryKey) as {
      mode: typeof mode;
      sort: UiState['sort'];
      order: 'asc' | 'desc';
      filter: ArticleFilter;
      search: string;
    };
    if (q.mode === 'search') {
      return new ArticlePager(
        (offset, limit) =>
          api['search.query']({
            query: q.search,
            filter: q.filter,
            offset,
            limit: Math.min(limit, 100),
            facets: false,
          }),
        { pageSize: 50 },
      );
    }
    if (q.mode === 'collection' && q.filter.collectionId) {
      const collectionId = q.filter.collectionId;
      return new ArticlePager((offset, limit) =>
        api['library.listCollectionArticles']({ collectionId, offset, limit }),
      );
    }
    const listSort = q.sort === 'position' ? 'publishedAt' : q.sort;
    return new ArticlePager((offset, limit) =>
      api['library.listArticles']({ offset, limit, sort: listSort, order: q.order, filter: q.filter }),
    );
    // `version` starts a fresh pager after any change to the library.
  }, [api, queryKey, version]);
  useEffect(() => {
    pager.setActive(true);
    return () => pager.setActive(false);
  }, [pager]);
  useSyncExternalStore(pager.subscribe, pager.getRevision);

  const [selection, setSelection] = useState<{ key: string; index: number }>({ key: queryKey, index: -1 });
  const selectedIndex = selection.key === queryKey ? selection.index : -1;
  const openedId = ui.openedId;
  const [focusHighlight, setFocusHighlight] = useState<number | null>(null);
  const readerRef = useRef<ReaderHandle>(null);
  const readerPane = useRef<HTMLElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLElement>(null);
  const sidebarRef = useRef<HTMLDivElement>(null);

  const openArticle = useCallback(
    (id: number, highlightId: number | null = null) => {
      setFocusHighlight(highlightId);
      store.update({ openedId: id });
    },
    [store],
  );

  const setView = useCallback(
    (next: View) => {
      const patch: Partial<UiState> = { view: next };
      if (next.kind === 'collection') patch.sort = 'position';
      else if (ui.sort === 'position') patch.sort = 'publishedAt';
      store.update(patch);
      setSearch('');
    },
    [store, ui.sort],
  );

  // A view of something that no longer exists falls back to the whole library.
  useEffect(() => {
    // Only facts read after the latest change can say that something is gone.
    if (facts.info === null || facts.version !== version) return;
    const gone =
      (view.kind === 'collection' && !facts.collections.some((c) => c.id === view.id)) ||
      (view.kind === 'source' && !facts.sources.some((s) => s.id === view.id)) ||
      (view.kind === 'tag' && !facts.tags.some((tag) => tag.name === view.name));
    if (gone) store.update({ view: { kind: 'all' }, sort: ui.sort === 'position' ? 'publishedAt' : ui.sort });
  }, [facts, version, view, store, ui.sort]);

  const step = useCallback(
    (delta: number) => {
      const total = pager.total ?? 0;
      if (total === 0) return;
      let base = selectedIndex;
      if (base < 0 && openedId !== null) {
        for (let i = 0; i < total; i++) {
          const a = pager.get(i);
          if (a?.id === openedId) {
            base = i;
            break;
          }
          if (!a) break;
        }
      }
      const next = Math.max(0, Math.min(total - 1, base < 0 ? (delta > 0 ? 0 : total - 1) : base + delta));
      const article = pager.get(next);
      setSelection({ key: queryKey, index: next });
      if (article) openArticle(article.id);
      else pager.request(next, next);
    },
    [pager, selectedIndex, openedId, queryKey, openArticle],
  );

  // --- long work: jobs with progress, ETA, cancel, and the activity log ---------------
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
      const id = `${kind}-${Date.now()}-${++jobCounter}`;
      const controller = new AbortController();
      const startedAt = new Date().toISOString();
      setJobs((l) => [
        ...l,
        { id, kind, label, startedAt: Date.now(), fraction: 0, done: 0, total: null, cancel: () => controller.abort() },
      ]);
      const finish = (status: 'done' | 'failed' | 'cancelled', message?: string) =>
        store.putActivity({
          id,
          kind,
          label,
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
        if (!controller.signal.aborted) pushError(label, error);
        throw error;
      } finally {
        setJobs((l) => l.filter((j) => j.id !== id));
      }
    },
    [store, patchJob, pushError],
  );
  const [dossiersOpen, setDossiersOpen] = useState(false);
  /** The dossier a mizan://dossier/N link asked for, shown first in the Dossiers view. */
  const [linkedDossier, setLinkedDossier] = useState<number | null>(null);
  const [activityOpen, setActivityOpen] = useState(false);
  // Source comparison: the story shown in the reader pane, and the articles compared (the view replaces the panes).
  const [story, setStory] = useState<StoryCluster | null>(null);
  const [comparing, setComparing] = useState<{ articleIds: number[]; settings?: AlignSettings } | null>(null);
  // Placing stories changes stories, not articles: the Stories view and the
  // reader's "other coverage" read again, the article list is left as it is
  // (a fresh list pager would blank the list after every import).
  const [storiesVersion, setStoriesVersion] = useState(0);
  const storiesChanged = useCallback(() => {
    setArticleVersion((v) => v + 1);
    setStoriesVersion((v) => v + 1);
  }, []);
  const placeStories = useClusterJob({ setJobs, patchJob, onDone: storiesChanged, i18n });
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
      const previewId = `preview-${Date.now()}-${++jobCounter}`;
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
      const id = `import-${Date.now()}-${++jobCounter}`;
      const controller = new AbortController();
      const startedAt = Date.now();
      const count = files.length + plan.errors.length;
      const label = `${w.jobImport}: ${count === 1 ? (files[0] ?? plan.errors[0]!.path) : t.filesCount(i18n.formatNumber(count), count)}`;
      // A retry keeps the report it was started from: its other files still offer theirs.
      if (!retry) setReport(null);
      setJobs((list) => [
        ...list,
        {
          id,
          kind: 'import',
          label: t.readingFiles,
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
    [api, importing, planning, store, patchJob, pushError, refresh, toast, t, w.jobImport, i18n, storiesChanged],
  );

  // mizan:// links and #routes (web host, cold start), and imports the desktop shell ran (menu, command line).
  useShellLinks({
    onRoute: (route) => {
      if (route.kind === 'search') {
        setView({ kind: 'all' });
        setSearch(route.query);
      } else if (route.kind === 'article') {
        api['library.getArticle']({ id: route.id }).then(
          () => openArticle(route.id),
          () => toast(w.linkNotFound(`article/${route.id}`)),
        );
      } else {
        api['dossier.get']({ id: route.id }).then(
          (dossier) => {
            setComparing(null);
            setLinkedDossier(dossier.id);
            setDossiersOpen(true);
          },
          () => toast(w.linkNotFound(`dossier/${route.id}`)),
        );
      }
    },
    onBadRoute: (raw) => toast(w.linkNotFound(raw)),
    onImportPaths: (paths) => void runImport({ kind: 'paths', paths }),
    onImported: (imported) => {
      setReport(imported);
      refresh();
    },
    onImportFailed: (error) => pushError(t.importFailed, new MizanError(error.code, error.message)),
  });

  const fileInput = useRef<HTMLInputElement>(null);
  const openPicker = useCallback(() => fileInput.current?.click(), []);

  // --- organizing -------------------------------------------------------------------------------
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const articleChanged = useCallback(() => {
    setArticleVersion((v) => v + 1);
    refresh();
  }, [refresh]);

  const tagArticle = useCallback(
    (ids: number[]) =>
      setDialog({
        kind: 'prompt',
        title: w.addTag,
        label: w.tagName,
        suggestions: facts.tags.map((x) => x.name),
        submitLabel: w.addTag.replace('…', ''),
        testId: 'tag-dialog',
        onSubmit: async (name) => {
          await api['library.tagArticles']({ articleIds: ids, tags: [name] });
          articleChanged();
          toast(w.tagged(name));
        },
      }),
    [api, facts.tags, w, articleChanged, toast],
  );

  const addToCollectionNamed = useCallback(
    async (ids: number[], name: string) => {
      const existing = facts.collections.find(
        (c) => c.name.localeCompare(name, undefined, { sensitivity: 'accent' }) === 0,
      );
      const collection = existing ?? (await api['library.createCollection']({ name }));
      await api['library.addToCollection']({ collectionId: collection.id, articleIds: ids });
      articleChanged();
      toast(w.addedTo(collection.name));
    },
    [api, facts.collections, articleChanged, toast, w],
  );

  const collectArticle = useCallback(
    (ids: number[]) =>
      setDialog({
        kind: 'prompt',
        title: w.addToCollection,
        label: w.collectionName,
        suggestions: facts.collections.map((c) => c.name),
        submitLabel: w.addToCollection.replace('…', ''),
        testId: 'collect-dialog',
        onSubmit: (name) => addToCollectionNamed(ids, name),
      }),
    [facts.collections, w, addToCollectionNamed],
  );

  const newCollection = useCallback(
    () =>
      setDialog({
        kind: 'prompt',
        title: w.newCollection,
        label: w.collectionName,
        submitLabel: w.save,
        testId: 'collection-dialog',
        onSubmit: async (name) => {
          const c = await api['library.createCollection']({ name });
          refresh();
          setView({ kind: 'collection', id: c.id });
        },
      }),
    [api, w, refresh, setView],
  );

  const deleteArticles = useCallback(
    async (articles: { id: number; title: string }[]) => {
      if (articles.length === 0) return;
      try {
        const { snapshots } = await api['library.deleteArticles']({ ids: articles.map((a) => a.id) });
        if (openedId !== null && articles.some((a) => a.id === openedId)) store.update({ openedId: null });
        refresh();
        const undo = async () => {
          lastUndo.current = null;
          try {
            const restored = await api['library.restoreArticles']({ snapshots });
            refresh();
            const first = restored.restored[0];
            if (first) openArticle(first.id);
            toast(w.restored);
          } catch (error) {
            pushError(w.undo, error);
          }
        };
        lastUndo.current = () => void undo();
        toast(
          articles.length === 1 ? w.deleted(articles[0]!.title) : w.deletedMany(i18n.formatNumber(articles.length)),
          { label: w.undo, run: () => void undo() },
          12000,
        );
      } catch (error) {
        pushError(w.deleteArticle, error);
      }
    },
    [api, openedId, store, refresh, openArticle, toast, pushError, w, i18n],
  );

  const updateFromFile = useCallback(
    async (article: Article, file: File) => {
      const id = `update-${Date.now()}-${++jobCounter}`;
      const startedAt = Date.now();
      const label = `${w.updateFromFile.replace('…', '')}: ${file.name}`;
      setJobs((list) => [...list, { id, kind: 'update', label, startedAt, fraction: null, done: 0, total: 1 }]);
      let message = '';
      let status: 'done' | 'failed' = 'done';
      let errors: ImportReport['errors'] = [];
      try {
        const report = await uploadFiles(api, [file]);
        errors = report.errors;
        const fresh = report.imported[0];
        const duplicate = report.duplicates[0];
        if (fresh) {
          const result = await api['library.replaceBody']({ id: article.id, fromArticleId: fresh.id });
          const f = i18n.formatNumber;
          message = w.updateResult(
            f(result.highlights.anchored),
            f(result.highlights.moved),
            f(result.highlights.orphaned),
          );
        } else if (duplicate && duplicate.of === article.id) {
          message = w.updateSame;
        } else if (duplicate) {
          status = 'failed';
          message = `${t.duplicateOf} #${duplicate.of}: ${duplicate.title}`;
        } else {
          status = 'failed';
          message = report.errors.map((e) => `${e.code}: ${e.message}`).join('; ');
        }
      } catch (error) {
        status = 'failed';
        message = toShownError(error).message;
      } finally {
        setJobs((list) => list.filter((j) => j.id !== id));
      }
      toast(message, undefined, 9000);
      if (status === 'failed') pushError(w.updateFromFile, new Error(message));
      store.putActivity({
        id,
        kind: 'update',
        label,
        startedAt: new Date(startedAt).toISOString(),
        finishedAt: new Date().toISOString(),
        status,
        message,
        errors,
        items: [],
      });
      articleChanged();
    },
    [api, w, t, i18n, toast, pushError, store, articleChanged],
  );

  const dossierAvailable = ['dossier.list', 'dossier.create', 'dossier.addItems'].every((m) =>
    methodNames.includes(m as never),
  );
  const addToDossier = useCallback(
    (items: DossierItemRef[] | (() => Promise<DossierItemRef[]>)) => {
      if (!dossierAvailable || (Array.isArray(items) && items.length === 0)) {
        toast(w.dossierUnavailable);
        return;
      }
      void api['dossier.list']({}).then(
        (dossiers) =>
          setDialog({
            kind: 'prompt',
            title: w.addToDossier,
            label: w.title,
            initial: dossiers[0]?.title ?? '',
            suggestions: dossiers.map((d) => d.title),
            submitLabel: w.addToDossier,
            testId: 'dossier-dialog',
            onSubmit: async (title) => {
              const existing = dossiers.find((d) => d.title === title);
              const dossier = existing ?? (await api['dossier.create']({ title }));
              await api['dossier.addItems']({ id: dossier.id, items: Array.isArray(items) ? items : await items() });
              toast(`${w.addedToDossier}: ${dossier.title}`);
            },
          }),
        (error: unknown) => pushError(w.addToDossier, error),
      );
    },
    [dossierAvailable, api, toast, pushError, w],
  );

  const readerActions = useMemo<ReaderActions>(
    () => ({
      onTag: (a) => tagArticle([a.id]),
      onCollect: (a) => collectArticle([a.id]),
      onEditMetadata: (a) => setDialog({ kind: 'metadata', article: a }),
      onDelete: (a) => void deleteArticles([a]),
      onUntag: async (a, tag) => {
        try {
          await api['library.untagArticles']({ articleIds: [a.id], tags: [tag] });
          articleChanged();
        } catch (error) {
          pushError(w.removeTag(tag), error);
        }
      },
      onRemoveFromCollection: async (a, collectionId, name) => {
        try {
          await api['library.removeFromCollection']({ collectionId, articleIds: [a.id] });
          articleChanged();
        } catch (error) {
          pushError(w.removeFromCollection(name), error);
        }
      },
      onUpdateFromFile: updateFromFile,
      onAddToDossier: (items) => addToDossier(items),
      onCompare: (ids) => setComparing({ articleIds: ids }),
      onOpenArticle: (id) => openArticle(id),
      toast: (m) => toast(m),
      onError: (context, error) => pushError(context, error),
    }),
    [
      api,
      tagArticle,
      collectArticle,
      deleteArticles,
      articleChanged,
      pushError,
      w,
      updateFromFile,
      toast,
      addToDossier,
      openArticle,
    ],
  );

  const openedSummary = useCallback((): { id: number; title: string } | null => {
    const current = readerRef.current?.current();
    if (current) return current;
    return openedId !== null ? { id: openedId, title: `#${openedId}` } : null;
  }, [openedId]);

  // --- panes and focus ------------------------------------------------------------------------------
  const focusPane = useCallback((which: 'sidebar' | 'list' | 'reader') => {
    if (which === 'sidebar')
      (
        sidebarRef.current?.querySelector<HTMLElement>('.side-link.is-current') ??
        sidebarRef.current?.querySelector<HTMLElement>('.side-link')
      )?.focus();
    else if (which === 'list')
      (
        listRef.current?.querySelector<HTMLElement>('[data-testid=article-list], .highlight-item, button') ??
        listRef.current
      )?.focus();
    else (readerPane.current?.querySelector<HTMLElement>('[data-testid=reader-body]') ?? readerPane.current)?.focus();
  }, []);
  const cyclePanes = useCallback(
    (backwards: boolean) => {
      const order: ('sidebar' | 'list' | 'reader')[] = ui.sidebarOpen
        ? ['sidebar', 'list', 'reader']
        : ['list', 'reader'];
      const active = document.activeElement;
      const at = sidebarRef.current?.contains(active)
        ? 'sidebar'
        : readerPane.current?.contains(active)
          ? 'reader'
          : listRef.current?.contains(active)
            ? 'list'
            : null;
      const index = at ? order.indexOf(at) : -1;
      const next = order[(index + (backwards ? order.length - 1 : 1) + order.length) % order.length]!;
      focusPane(next);
    },
    [ui.sidebarOpen, focusPane],
  );

  const setScale = useCallback(
    (delta: number) =>
      store.update({ fontScale: Math.round(Math.max(0.7, Math.min(1.8, ui.fontScale + delta)) * 100) / 100 }),
    [store, ui.fontScale],
  );

  // --- command palette ---------------------------------------------------------------------------
  const commands = useMemo<Command[]>(() => {
    const opened = openedId !== null;
    const list: Command[] = [
      { id: 'import', label: t.importButton, keywords: 'import files add استيراد', shortcut: '', run: openPicker },
      {
        id: 'search',
        label: w.focusSearch,
        keywords: 'search find بحث',
        shortcut: '/',
        run: () => searchRef.current?.focus(),
      },
      { id: 'next', label: w.nextArticle, keywords: 'next down', shortcut: 'j', run: () => step(1) },
      { id: 'prev', label: w.prevArticle, keywords: 'previous up', shortcut: 'k', run: () => step(-1) },
      { id: 'view-all', label: w.allArticles, keywords: 'library all', run: () => setView({ kind: 'all' }) },
      {
        id: 'view-highlights',
        label: w.highlightsView,
        keywords: 'highlights annotations',
        run: () => setView({ kind: 'highlights' }),
      },
      {
        id: 'view-stories',
        label: t.compare.stories,
        keywords: 'stories clusters compare coverage outlets قصص',
        run: () => {
          setDossiersOpen(false);
          setView({ kind: 'stories' });
        },
      },
      ...(dossierAvailable
        ? [
            {
              id: 'view-dossiers',
              label: i18n.ds.openDossiers,
              keywords: 'dossiers export pdf html sections',
              run: () => setDossiersOpen(true),
            },
          ]
        : []),
      { id: 'new-collection', label: w.newCollection, keywords: 'collection create new', run: newCollection },
      {
        id: 'sources',
        label: w.manageSources,
        keywords: 'sources merge rename outlet',
        run: () => setDialog({ kind: 'sources' }),
      },
      {
        id: 'activity',
        label: w.showActivity,
        keywords: 'activity log progress errors',
        run: () => setActivityOpen(true),
      },
      {
        id: 'settings',
        label: w.settings,
        keywords: 'settings preferences',
        run: () => setDialog({ kind: 'settings' }),
      },
      {
        id: 'shortcuts',
        label: w.shortcutsTitle,
        keywords: 'keyboard shortcuts help',
        shortcut: '?',
        run: () => setDialog({ kind: 'shortcuts' }),
      },
      {
        id: 'sidebar',
        label: w.toggleSidebar,
        keywords: 'sidebar panel',
        run: () => store.update({ sidebarOpen: !ui.sidebarOpen }),
      },
      { id: 'pane', label: w.nextPane, keywords: 'pane focus', shortcut: 'F6', run: () => cyclePanes(false) },
      {
        id: 'lang',
        label: t.switchLanguage,
        keywords: 'language arabic english لغة',
        run: () => store.update({ uiLang: uiLang === 'ar' ? 'en' : 'ar' }),
      },
      {
        id: 'lang-system',
        label: w.langSystem,
        keywords: 'language system',
        run: () => store.update({ uiLang: 'system' }),
      },
      { id: 'theme-light', label: w.themeLight, keywords: 'theme light', run: () => store.update({ theme: 'light' }) },
      {
        id: 'theme-dark',
        label: w.themeDark,
        keywords: 'theme dark night',
        run: () => store.update({ theme: 'dark' }),
      },
      {
        id: 'theme-system',
        label: w.themeSystem,
        keywords: 'theme system',
        run: () => store.update({ theme: 'system' }),
      },
      {
        id: 'month-levant',
        label: w.monthLevant,
        keywords: 'months تموز',
        run: () => store.update({ monthSystem: 'levant' }),
      },
      {
        id: 'month-egypt',
        label: w.monthEgypt,
        keywords: 'months يوليو',
        run: () => store.update({ monthSystem: 'egypt' }),
      },
      {
        id: 'month-maghreb',
        label: w.monthMaghreb,
        keywords: 'months جويلية',
        run: () => store.update({ monthSystem: 'maghreb' }),
      },
      {
        id: 'digits-latn',
        label: w.digitsLatn,
        keywords: 'digits numbers',
        run: () => store.update({ digits: 'latn' }),
      },
      {
        id: 'digits-arab',
        label: w.digitsArab,
        keywords: 'digits numbers',
        run: () => store.update({ digits: 'arab' }),
      },
    ];
    if (opened) {
      list.push(
        {
          id: 'find',
          label: w.find,
          keywords: 'find in article',
          shortcut: 'Ctrl F',
          run: () => readerRef.current?.openFind(),
        },
        {
          id: 'highlight',
          label: w.highlight,
          keywords: 'highlight mark',
          shortcut: 'h',
          run: () => readerRef.current?.highlight(false),
        },
        {
          id: 'highlight-note',
          label: w.highlightWithNote,
          keywords: 'highlight note',
          shortcut: 'Shift H',
          run: () => readerRef.current?.highlight(true),
        },
        { id: 'tag', label: w.addTag, keywords: 'tag label', shortcut: 't', run: () => tagArticle([openedId]) },
        {
          id: 'collect',
          label: w.addToCollection,
          keywords: 'collection add',
          shortcut: 'c',
          run: () => collectArticle([openedId]),
        },
        {
          id: 'metadata',
          label: w.editMetadata,
          keywords: 'edit metadata details',
          shortcut: 'e',
          run: () => {
            const a = readerRef.current?.current();
            if (a) setDialog({ kind: 'metadata', article: a });
          },
        },
        {
          id: 'dossier',
          label: w.addToDossier,
          keywords: 'dossier',
          shortcut: 'd',
          run: () => addToDossier([{ kind: 'article', id: openedId }]),
        },
        {
          id: 'delete',
          label: w.deleteArticle,
          keywords: 'delete remove',
          shortcut: 'Del',
          run: () => {
            const a = openedSummary();
            if (a) void deleteArticles([a]);
          },
        },
        { id: 'larger', label: w.textLarger, keywords: 'font size bigger', shortcut: '+', run: () => setScale(0.1) },
        {
          id: 'smaller',
          label: w.textSmaller,
          keywords: 'font size smaller',
          shortcut: '−',
          run: () => setScale(-0.1),
        },
      );
    }
    for (const c of facts.collections)
      list.push({
        id: `open-collection-${c.id}`,
        label: `${w.collections}: ${c.name}`,
        keywords: 'collection open',
        run: () => setView({ kind: 'collection', id: c.id }),
      });
    for (const l of facts.languages)
      list.push({
        id: `open-lang-${l.code}`,
        label: `${w.languages}: ${languageName(l.code, locale)}`,
        keywords: l.code,
        run: () => setView({ kind: 'lang', code: l.code }),
      });
    if (clusteringAvailable) {
      list.push({
        id: 'place-stories',
        label: t.compare.placeNow,
        keywords: 'stories clusters find',
        run: () => placeStories('incremental'),
      });
      list.push({
        id: 'rebuild-stories',
        label: t.compare.rebuildStories,
        keywords: 'stories clusters rebuild full',
        run: () => placeStories('full'),
      });
      list.push({
        id: 'open-comparison',
        label: t.compare.openSaved,
        keywords: 'comparison saved open dossier',
        // Saved comparisons keep ids and settings, not results: opening one recomputes it.
        run: () =>
          void api['compare.listComparisons']({}).then(
            (saved) =>
              setDialog({
                kind: 'prompt',
                title: t.compare.openSaved,
                label: w.title,
                initial: saved[0]?.title ?? '',
                suggestions: saved.map((s) => s.title),
                submitLabel: t.compare.compare,
                testId: 'open-comparison-dialog',
                onSubmit: async (title) => {
                  const found = saved.find((s) => s.title === title);
                  if (!found) throw new MizanError('NOT_FOUND', t.compare.noSavedNamed(title));
                  setComparing({ articleIds: found.articleIds, settings: found.settings });
                },
              }),
            (error: unknown) => pushError(t.compare.openSaved, error),
          ),
      });
    }
    if (methodNames.includes('search.reindex')) {
      list.push({
        id: 'reindex',
        label: w.reindex,
        keywords: 'reindex search index',
        run: () => {
          void runJob('reindex', w.searchIndex, (signal, onProgress) =>
            api['search.reindex']({}, { signal, onProgress }),
          ).catch(() => undefined);
        },
      });
    }
    return list;
  }, [
    t,
    w,
    locale,
    uiLang,
    openedId,
    facts,
    ui.sidebarOpen,
    openPicker,
    step,
    setView,
    newCollection,
    store,
    cyclePanes,
    tagArticle,
    collectArticle,
    addToDossier,
    openedSummary,
    deleteArticles,
    setScale,
    api,
    runJob,
    dossierAvailable,
    i18n.ds,
    patchJob,
    placeStories,
    pushError,
  ]);

  // --- keyboard ---------------------------------------------------------------------------------------
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (paletteOpen || dialog) return;
      // The comparison has its own keys; the article keys would act on a hidden reader.
      if (comparing && !((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k')) return;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setPaletteOpen(true);
        return;
      }
      if (mod && event.key.toLowerCase() === 'f' && openedId !== null) {
        event.preventDefault();
        readerRef.current?.openFind();
        return;
      }
      if (event.key === 'F6') {
        event.preventDefault();
        cyclePanes(event.shiftKey);
        return;
      }
      if (isTyping(event.target)) return;
      if (mod && event.key.toLowerCase() === 'z' && lastUndo.current) {
        event.preventDefault();
        lastUndo.current();
        return;
      }
      if (mod || event.altKey) return;
      const key = event.key;
      const act = (fn: () => void) => {
        event.preventDefault();
        fn();
      };
      if (key === 'j') act(() => step(1));
      else if (key === 'k') act(() => step(-1));
      else if (key === '/') act(() => searchRef.current?.focus());
      else if (key === '?') act(() => setDialog({ kind: 'shortcuts' }));
      else if (openedId === null) return;
      else if (key === 'h') act(() => readerRef.current?.highlight(false));
      else if (key === 'H') act(() => readerRef.current?.highlight(true));
      else if (key === 't') act(() => tagArticle([openedId]));
      else if (key === 'c') act(() => collectArticle([openedId]));
      else if (key === 'd') act(() => addToDossier([{ kind: 'article', id: openedId }]));
      else if (key === 'e')
        act(() => {
          const a = readerRef.current?.current();
          if (a) setDialog({ kind: 'metadata', article: a });
        });
      else if (key === 'Delete')
        act(() => {
          const a = openedSummary();
          if (a) void deleteArticles([a]);
        });
      else if (key === '+' || key === '=') act(() => setScale(0.1));
      else if (key === '-') act(() => setScale(-0.1));
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [
    comparing,
    paletteOpen,
    dialog,
    openedId,
    step,
    cyclePanes,
    tagArticle,
    collectArticle,
    addToDossier,
    openedSummary,
    deleteArticles,
    setScale,
  ]);

  // --- layout -------------------------------------------------------------------------------------------
  const [width, setWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  const sidebarSize = ui.sidebarOpen
    ? Math.min(ui.sidebarSize, Math.max(MIN_SIDEBAR, width - MIN_LIST - MIN_READER))
    : 0;
  const maxList = Math.max(MIN_LIST, width - sidebarSize - MIN_READER);
  const listSize = Math.min(ui.listSize, maxList);
  const libraryEmpty =
    facts.info !== null && facts.info.articleCount === 0 && pager.total === 0 && !pager.error && openedId === null;
  const totalForCount = view.kind === 'all' && !searching ? pager.total : (facts.info?.articleCount ?? null);
  const viewTitle = searching
    ? w.searchResultsFor(search.trim())
    : view.kind === 'all'
      ? w.allArticles
      : view.kind === 'highlights'
        ? w.highlightsView
        : view.kind === 'stories'
          ? t.compare.stories
          : view.kind === 'collection'
            ? (facts.collections.find((c) => c.id === view.id)?.name ?? w.collections)
            : view.kind === 'tag'
              ? view.name
              : view.kind === 'source'
                ? (facts.sources.find((s) => s.id === view.id)?.name ?? w.sources)
                : languageName(view.code, locale);
  const activityErrors = store.activity.some((e) => e.status === 'failed' || (e.counts?.errors ?? 0) > 0);

  const columns = ui.sidebarOpen
    ? `${sidebarSize}px auto ${listSize}px auto minmax(0, 1fr)`
    : `${listSize}px auto minmax(0, 1fr)`;

  return (
    <I18nContext value={i18n}>
      <div className="app">
        <Toolbar
          total={totalForCount}
          totalFailed={pager.error !== null && pager.total === 0}
          importing={importing}
          search={search}
          searchRef={searchRef}
          sidebarOpen={ui.sidebarOpen}
          onToggleSidebar={() => store.update({ sidebarOpen: !ui.sidebarOpen })}
          onSearch={setSearch}
          onImport={openPicker}
          onPalette={() => setPaletteOpen(true)}
          onSettings={() => setDialog({ kind: 'settings' })}
          onToggleUiLang={() => store.update({ uiLang: uiLang === 'ar' ? 'en' : 'ar' })}
        />
        <input
          ref={fileInput}
          type="file"
          multiple
          accept={IMPORT_ACCEPT}
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="import-input"
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            // Reset so that choosing the same file again still fires a change.
            e.currentTarget.value = '';
            void runImport(files);
          }}
        />
        <JobsBar jobs={jobs} now={now} />
        <ErrorBanners
          errors={[
            ...(pager.error
              ? [
                  {
                    id: 0,
                    context: t.listFailed,
                    ...toShownError(pager.error),
                    retry: () => pager.retry(),
                    dismissible: false,
                  },
                ]
              : []),
            ...errors,
          ]}
          onDismiss={dismissError}
        />
        {report ? (
          <ImportReportPanel
            report={report}
            onOpen={(id) => openArticle(id)}
            onClose={() => setReport(null)}
            // A path is at hand in the desktop app (the core reads it again); an upload only while its File is kept.
            canRetry={(path) =>
              lastSources.current.has(path) || (window.mizan !== undefined && /^([a-zA-Z]:[\\/]|\/)/.test(path))
            }
            retryWithEncoding={
              importing || planning
                ? null
                : (path, encoding) =>
                    void runImport(
                      lastSources.current.has(path)
                        ? sourceList(lastSources.current.get(path)!)
                        : { kind: 'paths', paths: [path] },
                      { encoding },
                    )
            }
          />
        ) : null}

        {comparing ? (
          <main className="main comparison-main">
            <ComparisonView
              articleIds={comparing.articleIds}
              settings={comparing.settings}
              onClose={() => setComparing(null)}
              onOpenArticle={(id) => {
                setComparing(null);
                setStory(null);
                openArticle(id);
              }}
              onAddToDossier={(articleIds, title, settings) =>
                addToDossier(async () => {
                  const saved = await api['compare.saveComparison']({ articleIds, title, settings });
                  return [{ kind: 'comparison', id: saved.id }];
                })
              }
            />
          </main>
        ) : dossiersOpen ? (
          <DossiersView
            runJob={runJob}
            openId={linkedDossier}
            onClose={() => {
              setDossiersOpen(false);
              setLinkedDossier(null);
            }}
            onError={pushError}
            onToast={(message) => toast(message)}
          />
        ) : libraryEmpty ? (
          <main className="main main-empty">
            <EmptyState onImport={openPicker} disabled={importing} />
          </main>
        ) : (
          <main className="main workbench" style={{ gridTemplateColumns: columns }}>
            {ui.sidebarOpen ? (
              <>
                <div className="sidebar-pane" ref={sidebarRef}>
                  <Sidebar
                    view={view}
                    onView={setView}
                    totalArticles={facts.info?.articleCount ?? null}
                    collections={facts.collections}
                    tags={facts.tags}
                    sources={facts.sources}
                    languages={facts.languages}
                    onNewCollection={newCollection}
                    onRenameCollection={(c) =>
                      setDialog({
                        kind: 'prompt',
                        title: w.renameCollection,
                        label: w.collectionName,
                        initial: c.name,
                        submitLabel: w.rename,
                        onSubmit: async (name) => {
                          await api['library.renameCollection']({ id: c.id, name });
                          articleChanged();
                        },
                      })
                    }
                    onDeleteCollection={async (c) => {
                      try {
                        const members = await api['library.listCollectionArticles']({
                          collectionId: c.id,
                          limit: 1000,
                        });
                        await api['library.deleteCollection']({ id: c.id });
                        articleChanged();
                        toast(
                          w.deleted(c.name),
                          {
                            label: w.undo,
                            run: async () => {
                              const again = await api['library.createCollection']({
                                name: c.name,
                                description: c.description ?? undefined,
                              });
                              if (members.items.length > 0)
                                await api['library.addToCollection']({
                                  collectionId: again.id,
                                  articleIds: members.items.map((a) => a.id),
                                });
                              articleChanged();
                            },
                          },
                          12000,
                        );
                      } catch (error) {
                        pushError(w.deleteCollection, error);
                      }
                    }}
                    onRenameTag={(tag) =>
                      setDialog({
                        kind: 'prompt',
                        title: w.renameTag,
                        label: w.tagName,
                        initial: tag.name,
                        submitLabel: w.rename,
                        onSubmit: async (name) => {
                          await api['library.renameTag']({ id: tag.id, name });
                          if (view.kind === 'tag' && view.name === tag.name)
                            store.update({ view: { kind: 'tag', name } });
                          articleChanged();
                        },
                      })
                    }
                    onDeleteTag={async (tag) => {
                      try {
                        const tagged = await api['library.listArticles']({ filter: { tag: tag.name }, limit: 1000 });
                        await api['library.deleteTag']({ id: tag.id });
                        articleChanged();
                        toast(
                          w.deleted(tag.name),
                          {
                            label: w.undo,
                            run: async () => {
                              if (tagged.items.length > 0)
                                await api['library.tagArticles']({
                                  articleIds: tagged.items.map((a) => a.id),
                                  tags: [tag.name],
                                });
                              articleChanged();
                            },
                          },
                          12000,
                        );
                      } catch (error) {
                        pushError(w.deleteTag, error);
                      }
                    }}
                    onDropOnCollection={(c, ids) =>
                      void addToCollectionNamed(ids, c.name).catch((error: unknown) =>
                        pushError(w.addToCollection, error),
                      )
                    }
                    onDropOnTag={(tag, ids) =>
                      void api['library.tagArticles']({ articleIds: ids, tags: [tag.name] }).then(
                        () => {
                          articleChanged();
                          toast(w.tagged(tag.name));
                        },
                        (error: unknown) => pushError(w.addTag, error),
                      )
                    }
                    onManageSources={() => setDialog({ kind: 'sources' })}
                    onDossiers={dossierAvailable ? () => setDossiersOpen(true) : undefined}
                  />
                </div>
                <Splitter
                  size={sidebarSize}
                  min={MIN_SIDEBAR}
                  max={Math.max(MIN_SIDEBAR, Math.min(600, width - MIN_LIST - MIN_READER))}
                  dir={i18n.dir}
                  label={w.sidebarLabel}
                  onResize={(size) => store.update({ sidebarSize: size })}
                />
              </>
            ) : null}
            <section className="list-pane" aria-label={t.listLabel} ref={listRef}>
              {view.kind === 'stories' && !searching ? (
                <StoriesView
                  version={version + storiesVersion}
                  placing={jobs.some((j) => j.kind === 'cluster')}
                  onPlace={() => placeStories()}
                  chosenId={story?.id ?? null}
                  onChoose={setStory}
                />
              ) : view.kind === 'highlights' && !searching ? (
                <HighlightsList
                  version={version + articleVersion}
                  onOpen={(articleId, highlightId) => openArticle(articleId, highlightId)}
                />
              ) : (
                <>
                  <div className="list-header">
                    <h2 className="list-title" data-testid="list-title">
                      {view.kind === 'tag' && !searching ? <span aria-hidden="true">#</span> : null}
                      <bdi>{viewTitle}</bdi>
                    </h2>
                    {!searching ? (
                      <>
                        <label className="field">
                          <span className="visually-hidden">{t.sortBy}</span>
                          <select
                            value={sort}
                            onChange={(e) => store.update({ sort: e.currentTarget.value as UiState['sort'] })}
                            data-testid="sort-select"
                            aria-label={t.sortBy}
                          >
                            {inCollection ? <option value="position">{w.collectionOrder}</option> : null}
                            <option value="publishedAt">{t.sortPublishedAt}</option>
                            <option value="importedAt">{t.sortImportedAt}</option>
                            <option value="title">{t.sortTitle}</option>
                            <option value="source">{t.sortSource}</option>
                          </select>
                        </label>
                        {sort !== 'position' ? (
                          <button
                            type="button"
                            className="icon-button order-button"
                            onClick={() => store.update({ order: ui.order === 'desc' ? 'asc' : 'desc' })}
                            title={ui.order === 'desc' ? t.orderDesc : t.orderAsc}
                            aria-label={ui.order === 'desc' ? t.orderDesc : t.orderAsc}
                            data-testid="order-toggle"
                          >
                            {ui.order === 'desc' ? '↓' : '↑'}
                          </button>
                        ) : null}
                      </>
                    ) : (
                      <button type="button" className="button button-small" onClick={() => setSearch('')}>
                        {w.clearSearch}
                      </button>
                    )}
                  </div>
                  <ArticleList
                    pager={pager}
                    queryKey={queryKey}
                    selectedIndex={selectedIndex}
                    openedId={openedId}
                    label={t.listLabel}
                    rowHeight={mode === 'search' ? SEARCH_ROW_HEIGHT : ROW_HEIGHT}
                    onSelectIndex={(index) => setSelection({ key: queryKey, index })}
                    onOpen={(article: ArticleSummary) => openArticle(article.id)}
                    onReorder={
                      mode === 'collection' && view.kind === 'collection'
                        ? (articleId, beforeId) =>
                            void api['library.moveCollectionItem']({ collectionId: view.id, articleId, beforeId }).then(
                              refresh,
                              (error: unknown) => pushError(w.collectionOrder, error),
                            )
                        : undefined
                    }
                    empty={
                      pager.error ? (
                        <div className="list-message">
                          <p>{t.listFailed}</p>
                          <button type="button" className="button" onClick={() => pager.retry()}>
                            {t.retry}
                          </button>
                        </div>
                      ) : (
                        <div className="list-message teaching">
                          <p>
                            {searching ? t.noMatches : view.kind === 'collection' ? w.emptyCollection : w.emptyFiltered}
                          </p>
                          {view.kind !== 'all' || searching ? (
                            <button type="button" className="button" onClick={() => setView({ kind: 'all' })}>
                              {t.clearFilters}
                            </button>
                          ) : null}
                        </div>
                      )
                    }
                  />
                  <p className="list-hint muted" aria-hidden="true">
                    {w.listKeys}
                  </p>
                </>
              )}
            </section>
            <Splitter
              size={listSize}
              min={MIN_LIST}
              max={maxList}
              dir={i18n.dir}
              label={t.listLabel}
              onResize={(size) => store.update({ listSize: size })}
            />
            <section className="reader-pane" aria-label={t.readerLabel} ref={readerPane} tabIndex={-1}>
              {view.kind === 'stories' && story && !searching ? (
                <StoryPanel
                  key={story.id}
                  story={story}
                  onOpenArticle={(id) => {
                    setStory(null);
                    openArticle(id);
                  }}
                  onCompare={(ids) => setComparing({ articleIds: ids })}
                  onChooseStory={setStory}
                />
              ) : openedId !== null ? (
                <Reader
                  key={openedId}
                  ref={readerRef}
                  articleId={openedId}
                  version={articleVersion}
                  scrollRef={readerPane}
                  focusHighlightId={focusHighlight}
                  searchQuery={searching ? search.trim() : null}
                  actions={readerActions}
                />
              ) : (
                <div className="reader-placeholder reader-idle" data-testid="reader-empty">
                  <p>{t.selectArticle}</p>
                  <p className="muted">{w.listKeys}</p>
                </div>
              )}
            </section>
          </main>
        )}

        {activityOpen ? (
          <ActivityPanel
            entries={store.activity}
            onClose={() => setActivityOpen(false)}
            onClear={() => store.clearActivity()}
            onOpen={(id) => openArticle(id)}
          />
        ) : null}
        <StatusBar
          info={facts.info}
          transportKind={transportKind}
          busy={pager.loading || jobs.length > 0}
          activityCount={store.activity.length}
          activityErrors={activityErrors}
          onActivity={() => setActivityOpen((v) => !v)}
        />
        <Toasts toasts={toasts} onDismiss={dismissToast} />
        <DropZone
          disabled={importing || planning}
          onImport={(dropped) => void runImport(dropped)}
          onNothing={() => toast(w.dropNothing)}
        />
        {tableDialog ? (
          <TableMappingDialog
            groups={tableDialog.groups}
            onImport={(choices) => tableDialog.resolve(choices)}
            onCancel={() => tableDialog.resolve(null)}
          />
        ) : null}
        {paletteOpen ? <CommandPalette commands={commands} onClose={() => setPaletteOpen(false)} /> : null}
        {dialog?.kind === 'prompt' ? (
          <PromptDialog
            title={dialog.title}
            label={dialog.label}
            initial={dialog.initial}
            suggestions={dialog.suggestions}
            submitLabel={dialog.submitLabel}
            onSubmit={dialog.onSubmit}
            onClose={() => setDialog(null)}
            testId={dialog.testId}
          />
        ) : null}
        {dialog?.kind === 'metadata' ? (
          <MetadataDialog
            article={dialog.article}
            onClose={() => setDialog(null)}
            onSave={async (patch) => {
              await api['library.updateArticle']({ id: dialog.article.id, patch });
              articleChanged();
              toast(w.saved);
            }}
          />
        ) : null}
        {dialog?.kind === 'sources' ? (
          <SourcesDialog sources={facts.sources} onChanged={articleChanged} onClose={() => setDialog(null)} />
        ) : null}
        {dialog?.kind === 'settings' ? (
          <SettingsDialog ui={ui} onChange={(patch) => store.update(patch)} onClose={() => setDialog(null)} />
        ) : null}
        {dialog?.kind === 'shortcuts' ? <ShortcutsDialog onClose={() => setDialog(null)} /> : null}
      </div>
    </I18nContext>
  );
}
