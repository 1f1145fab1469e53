import { useCallback, useRef, useState } from 'react';
import type { AlignSettings, StoryCluster } from '../../preload/contract';
import { MizanError } from '../../preload/contract/errors';
import { toShownError, useApi } from './api';
import { useCommands } from './commands/useCommands';
// Views off the first screen, loaded when first shown.
import {
  ActivityPanel,
  AppDialogs,
  CommandPalette,
  ComparisonView,
  DossiersView,
  EntityBrowser,
  EntityPanel,
  ImportReportPanel,
  ListCharts,
  Reader,
  StoryPanel,
  TableMappingDialog,
} from './lazyViews';
import type { CommandContext } from './commands/commandTable';
import type { Dialog } from './components/AppDialogs';
import { BulkBar } from './components/BulkBar';
import { useClusterJob } from './components/compare/useClusterJob';
import { DropZone } from './components/DropZone';
import { EmptyState } from './components/EmptyState';
import { ErrorBanners } from './components/ErrorBanners';
import { JobsBar } from './components/Jobs';
import { ListPane } from './components/ListPane';
import type { ReaderHandle } from './components/Reader';
import { Sidebar } from './components/Sidebar';
import { Splitter } from './components/Splitter';
import { StatusBar } from './components/StatusBar';
import { Toasts } from './components/Toasts';
import { Toolbar } from './components/Toolbar';
import { useShellLinks } from './hooks/shellLinks';
import { useAppearance } from './hooks/useAppearance';
import { dossierAvailable, useArticleActions } from './hooks/useArticleActions';
import { useArticleList } from './hooks/useArticleList';
import { useBulkActions } from './hooks/useBulkActions';
import { useListSelection } from './hooks/useListSelection';
import { useImportFlow } from './hooks/useImportFlow';
import { useJobs } from './hooks/useJobs';
import { useLibraryFacts } from './hooks/useLibraryFacts';
import { useNotices } from './hooks/useNotices';
import { usePanes } from './hooks/usePanes';
import { useSidebarActions } from './hooks/useSidebarActions';
import { citeDialog, listExportDialog } from './hooks/exportScope';
import { useEntityPage } from './hooks/useEntityPage';
import { viewTitle } from './hooks/viewTitle';
import { askSavedComparison } from './hooks/savedComparison';
import { I18nContext } from './i18n';
import { exportWords } from './i18nExport';
import { IMPORT_ACCEPT } from './import/uploadFiles';
import { useUiState, useUiStore } from './state/useUi';

/** The workbench's layout: toolbar, bars, the three panes (or the comparison, or the dossiers), and what floats. */
export function App() {
  const { api, transportKind } = useApi();
  const store = useUiStore();
  const ui = useUiState();
  const { uiLang, i18n } = useAppearance(ui);
  const { t, w } = i18n;

  const { errors, pushError, dismissError, toasts, toast, dismissToast, lastUndo } = useNotices();
  const { version, refresh, articleVersion, touchArticle, articleChanged, facts } = useLibraryFacts(
    pushError,
    t.loadFailed,
  );
  const list = useArticleList(version, facts);
  const { search, setSearch, searching, view, pager, openedId, openArticle, setView } = list;
  const { showsPage, showView, openFromList } = useEntityPage(view, searching, setView, openArticle);
  const readerRef = useRef<ReaderHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const { jobs, setJobs, now, patchJob, runJob } = useJobs(pushError, i18n);
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
  const imports = useImportFlow({ i18n, jobs, setJobs, patchJob, pushError, toast, refresh, storiesChanged });
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
    setView,
  });
  const selection = useListSelection(list.queryKey, pager);
  const bulk = useBulkActions({
    i18n,
    facts,
    selection,
    pager,
    articleChanged,
    toast,
    pushError,
    lastUndo,
    setDialog,
    runJob,
    deleteArticles: actions.deleteArticles,
  });
  const panes = usePanes(ui);

  const setScale = (delta: number) =>
    store.update({ fontScale: Math.round(Math.max(0.7, Math.min(1.8, ui.fontScale + delta)) * 100) / 100 });

  const commandContext: CommandContext = {
    openedId,
    sidebarOpen: ui.sidebarOpen,
    uiLang,
    collections: facts.collections,
    languages: facts.languages,
    dossierAvailable,
    canUndo: () => lastUndo.current !== null,
    openPicker,
    focusSearch: () => searchRef.current?.focus(),
    step: list.step,
    setView: showView,
    showStories: () => {
      setDossiersOpen(false);
      setView({ kind: 'stories' });
    },
    showDossiers: () => setDossiersOpen(true),
    newCollection: actions.newCollection,
    showDialog: (kind) => setDialog({ kind }),
    showActivity: () => setActivityOpen(true),
    updateUi: (patch) => store.update(patch),
    cyclePanes: panes.cyclePanes,
    openFind: () => readerRef.current?.openFind(),
    highlight: (withNote) => readerRef.current?.highlight(withNote),
    tag: actions.tagArticle,
    collect: actions.collectArticle,
    editMetadata: () => {
      const a = readerRef.current?.current();
      if (a) setDialog({ kind: 'metadata', article: a });
    },
    addToDossier: actions.addToDossier,
    deleteOpened: () => {
      const a = readerRef.current?.current() ?? (openedId !== null ? { id: openedId, title: `#${openedId}` } : null);
      if (a) void actions.deleteArticles([a]);
    },
    setScale,
    placeStories: (mode) => placeStories(mode),
    openSavedComparison: () => askSavedComparison({ api, i18n, setDialog, compare: setComparing, pushError }),
    reindex: () =>
      void runJob('reindex', { key: 'reindex' }, (signal, onProgress) =>
        api['search.reindex']({}, { signal, onProgress }),
      ).catch(() => undefined),
    undo: () => lastUndo.current?.(),
    exportList: () => setDialog(listExportDialog(list, facts.collections, exportWords[uiLang])),
    citeOpened: () => openedId !== null && setDialog(citeDialog(openedId, exportWords[uiLang])),
  };
  const palette = useCommands({
    ctx: commandContext,
    i18n,
    dialogOpen: dialog !== null,
    comparing: comparing !== null,
  });

  const libraryEmpty =
    facts.info !== null && facts.info.articleCount === 0 && pager.total === 0 && !pager.error && openedId === null;
  const totalForCount = view.kind === 'all' && !searching ? pager.total : (facts.info?.articleCount ?? null);
  const title = viewTitle(view, { searching, text: search }, facts, i18n);
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
          onPalette={palette.openPalette}
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
                    onView={showView}
                    totalArticles={facts.info?.articleCount ?? null}
                    collections={facts.collections}
                    tags={facts.tags}
                    sources={facts.sources}
                    languages={facts.languages}
                    onNewCollection={actions.newCollection}
                    {...sidebarActions}
                    onDossiers={dossierAvailable ? () => setDossiersOpen(true) : undefined}
                    savedSearches={facts.savedSearches}
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
              viewTitle={title}
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
              onOpen={openFromList}
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
              selection={selection}
              bulkBar={
                selection.active ? (
                  <BulkBar
                    selection={selection}
                    onTag={bulk.tag}
                    onCollect={bulk.collect}
                    onDossier={dossierAvailable ? bulk.toDossier : undefined}
                    onExport={(kind) => void bulk.exportAs(kind)}
                    onDelete={() => void bulk.remove()}
                  />
                ) : null
              }
              onSaveSearch={() => sidebarActions.saveSearch(search.trim(), list.filter)}
              subtitle={
                view.kind === 'saved' && list.saved && !searching
                  ? t.selection.savedSearchOf(list.saved.query)
                  : undefined
              }
              searchAnswer={list.answer}
              refine={list.refine}
              onRefine={list.setRefine}
              above={
                <ListCharts
                  filter={list.viewFilter}
                  query={searching ? search.trim() : null}
                  subject={title}
                  reloadKey={version}
                  dateRange={list.dateRange}
                  onDates={list.setDateRange}
                />
              }
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
                  onChooseStory={setStory}
                />
              ) : showsPage && view.kind === 'entity' ? (
                <EntityPanel id={view.id} onView={showView} reloadKey={version} />
              ) : showsPage && view.kind === 'entities' ? (
                <EntityBrowser kind={view.entityKind} onView={showView} reloadKey={version} />
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
        {palette.paletteOpen ? <CommandPalette commands={palette.commands} onClose={palette.closePalette} /> : null}
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
