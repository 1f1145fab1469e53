import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { methodNames, MizanError, type AlignSettings, type StoryCluster } from '../../preload/contract';
import { toShownError, useApi } from './api';
import { AppDialogs, type Dialog } from './components/AppDialogs';
import { CommandPalette, type Command } from './components/CommandPalette';
import { ComparisonView } from './components/compare/ComparisonView';
import { StoryPanel } from './components/compare/StoriesView';
import { clusteringAvailable, useClusterJob } from './components/compare/useClusterJob';
import { DossiersView } from './components/dossier/DossiersView';
import { DropZone } from './components/DropZone';
import { EmptyState } from './components/EmptyState';
import { ErrorBanners } from './components/ErrorBanners';
import { ImportReportPanel } from './components/ImportReportPanel';
import { ActivityPanel, JobsBar } from './components/Jobs';
import { ListPane } from './components/ListPane';
import { Reader, type ReaderHandle } from './components/Reader';
import { Sidebar } from './components/Sidebar';
import { Splitter } from './components/Splitter';
import { StatusBar } from './components/StatusBar';
import { TableMappingDialog } from './components/TableMappingDialog';
import { Toasts } from './components/Toasts';
import { Toolbar } from './components/Toolbar';
import { useShellLinks } from './hooks/shellLinks';
import { useAppearance } from './hooks/useAppearance';
import { dossierAvailable, useArticleActions } from './hooks/useArticleActions';
import { useArticleList } from './hooks/useArticleList';
import { useImportFlow } from './hooks/useImportFlow';
import { useJobs } from './hooks/useJobs';
import { useLibraryFacts } from './hooks/useLibraryFacts';
import { useNotices } from './hooks/useNotices';
import { usePanes } from './hooks/usePanes';
import { useSidebarActions } from './hooks/useSidebarActions';
import { I18nContext } from './i18n';
import { IMPORT_ACCEPT } from './import/uploadFiles';
import { useUiState, useUiStore } from './state/useUi';
import { languageName } from './text/format';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
}

/** The workbench's layout: toolbar, bars, the three panes (or the comparison, or the dossiers), and what floats. */
export function App() {
  const { api, transportKind } = useApi();
  const store = useUiStore();
  const ui = useUiState();
  const { uiLang, i18n } = useAppearance(ui);
  const { t, w, locale } = i18n;

  const { errors, pushError, dismissError, toasts, toast, dismissToast, lastUndo } = useNotices();
  const { version, refresh, articleVersion, touchArticle, articleChanged, facts } = useLibraryFacts(
    pushError,
    t.loadFailed,
  );
  const list = useArticleList(version, facts);
  const { search, setSearch, searching, view, pager, openedId, openArticle, setView } = list;
  const readerRef = useRef<ReaderHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const { jobs, setJobs, now, patchJob, runJob } = useJobs(pushError);
  const [dossiersOpen, setDossiersOpen] = useState(false);
  /** The dossier a mizan://dossier/N link asked for, shown first in the Dossiers view. */
  const [linkedDossier, setLinkedDossier] = useState<number | null>(null);
  const [activityOpen, setActivityOpen] = useState(false);
  // Source comparison: the story shown in the reader pane, and the articles compared (the view replaces the panes).
  const [story, setStory] = useState<StoryCluster | null>(null);
  const [comparing, setComparing] = useState<{ articleIds: number[]; settings?: AlignSettings } | null>(null);
  const compare = useCallback((articleIds: number[]) => setComparing({ articleIds }), []);
  // Placing stories changes stories, not articles: the Stories view and the
  // reader's "other coverage" read again, the article list is left as it is
  // (a fresh list pager would blank the list after every import).
  const [storiesVersion, setStoriesVersion] = useState(0);
  const storiesChanged = useCallback(() => {
    touchArticle();
    setStoriesVersion((v) => v + 1);
  }, [touchArticle]);
  const placeStories = useClusterJob({ setJobs, patchJob, onDone: storiesChanged, i18n });
  const imports = useImportFlow({ i18n, jobs, setJobs, patchJob, pushError, toast, refresh, placeStories });
  const { report, setReport, importing, planning, tableDialog, runImport, openPicker } = imports;

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

  const [dialog, setDialog] = useState<Dialog | null>(null);
  const actions = useArticleActions({
    i18n,
    facts,
    openedId,
    refresh,
    articleChanged,
    toast,
    pushError,
    lastUndo,
    openArticle,
    setView,
    setJobs,
    setDialog,
    compare,
  });
  const sidebarActions = useSidebarActions({
    i18n,
    view,
    articleChanged,
    toast,
    pushError,
    setDialog,
    addToCollectionNamed: actions.addToCollectionNamed,
  });
  const panes = usePanes(ui);

  const setScale = useCallback(
    (delta: number) =>
      store.update({ fontScale: Math.round(Math.max(0.7, Math.min(1.8, ui.fontScale + delta)) * 100) / 100 }),
    [store, ui.fontScale],
  );
  const openedSummary = useCallback((): { id: number; title: string } | null => {
    const current = readerRef.current?.current();
    if (current) return current;
    return openedId !== null ? { id: openedId, title: `#${openedId}` } : null;
  }, [openedId]);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const step = list.step;

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
      { id: 'new-collection', label: w.newCollection, keywords: 'collection create new', run: actions.newCollection },
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
      { id: 'pane', label: w.nextPane, keywords: 'pane focus', shortcut: 'F6', run: () => panes.cyclePanes(false) },
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
        { id: 'tag', label: w.addTag, keywords: 'tag label', shortcut: 't', run: () => actions.tagArticle([openedId]) },
        {
          id: 'collect',
          label: w.addToCollection,
          keywords: 'collection add',
          shortcut: 'c',
          run: () => actions.collectArticle([openedId]),
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
          run: () => actions.addToDossier([{ kind: 'article', id: openedId }]),
        },
        {
          id: 'delete',
          label: w.deleteArticle,
          keywords: 'delete remove',
          shortcut: 'Del',
          run: () => {
            const a = openedSummary();
            if (a) void actions.deleteArticles([a]);
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
    actions.newCollection,
    store,
    panes.cyclePanes,
    actions.tagArticle,
    actions.collectArticle,
    actions.addToDossier,
    openedSummary,
    actions.deleteArticles,
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
        panes.cyclePanes(event.shiftKey);
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
      else if (key === 't') act(() => actions.tagArticle([openedId]));
      else if (key === 'c') act(() => actions.collectArticle([openedId]));
      else if (key === 'd') act(() => actions.addToDossier([{ kind: 'article', id: openedId }]));
      else if (key === 'e')
        act(() => {
          const a = readerRef.current?.current();
          if (a) setDialog({ kind: 'metadata', article: a });
        });
      else if (key === 'Delete')
        act(() => {
          const a = openedSummary();
          if (a) void actions.deleteArticles([a]);
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
    panes.cyclePanes,
    actions.tagArticle,
    actions.collectArticle,
    actions.addToDossier,
    openedSummary,
    actions.deleteArticles,
    setScale,
  ]);

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
          ref={imports.fileInput}
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
            canRetry={imports.canRetry}
            retryWithEncoding={imports.retryWithEncoding}
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
                actions.addToDossier(async () => {
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
          <main className="main workbench" style={{ gridTemplateColumns: panes.columns }}>
            {ui.sidebarOpen ? (
              <>
                <div className="sidebar-pane" ref={panes.sidebarRef}>
                  <Sidebar
                    view={view}
                    onView={setView}
                    totalArticles={facts.info?.articleCount ?? null}
                    collections={facts.collections}
                    tags={facts.tags}
                    sources={facts.sources}
                    languages={facts.languages}
                    onNewCollection={actions.newCollection}
                    {...sidebarActions}
                    onDossiers={dossierAvailable ? () => setDossiersOpen(true) : undefined}
                  />
                </div>
                <Splitter
                  size={panes.sidebarSize}
                  min={panes.minSidebar}
                  max={panes.maxSidebar}
                  dir={i18n.dir}
                  label={w.sidebarLabel}
                  onResize={(size) => store.update({ sidebarSize: size })}
                />
              </>
            ) : null}
            <ListPane
              paneRef={panes.listRef}
              view={view}
              viewTitle={viewTitle}
              searching={searching}
              onClearSearch={() => setSearch('')}
              sort={list.sort}
              inCollection={list.inCollection}
              mode={list.mode}
              pager={pager}
              queryKey={list.queryKey}
              selectedIndex={list.selectedIndex}
              onSelectIndex={list.select}
              openedId={openedId}
              onOpen={openArticle}
              setView={setView}
              version={version}
              articleVersion={articleVersion}
              storiesVersion={storiesVersion}
              placingStories={jobs.some((j) => j.kind === 'cluster')}
              onPlaceStories={() => placeStories()}
              story={story}
              onChooseStory={setStory}
              onReordered={refresh}
              onError={pushError}
            />
            <Splitter
              size={panes.listSize}
              min={panes.minList}
              max={panes.maxList}
              dir={i18n.dir}
              label={t.listLabel}
              onResize={(size) => store.update({ listSize: size })}
            />
            <section className="reader-pane" aria-label={t.readerLabel} ref={panes.readerPane} tabIndex={-1}>
              {view.kind === 'stories' && story && !searching ? (
                <StoryPanel
                  key={story.id}
                  story={story}
                  onOpenArticle={(id) => {
                    setStory(null);
                    openArticle(id);
                  }}
                  onCompare={(ids) => setComparing({ articleIds: ids })}
                />
              ) : openedId !== null ? (
                <Reader
                  key={openedId}
                  ref={readerRef}
                  articleId={openedId}
                  version={articleVersion}
                  scrollRef={panes.readerPane}
                  focusHighlightId={list.focusHighlight}
                  searchQuery={searching ? search.trim() : null}
                  actions={actions.readerActions}
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
        <AppDialogs
          dialog={dialog}
          onClose={() => setDialog(null)}
          sources={facts.sources}
          articleChanged={articleChanged}
          toast={toast}
        />
      </div>
    </I18nContext>
  );
}
