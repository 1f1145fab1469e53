import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { AppInfo, ArticleFilter, ArticleSummary, ImportReport, SourceInfo } from '../../preload/contract';
import { toShownError, useApi } from './api';
import { ArticleList } from './components/ArticleList';
import { EmptyState } from './components/EmptyState';
import { ErrorBanners, type BannerError } from './components/ErrorBanners';
import { ImportProgressBar } from './components/ImportProgressBar';
import { ImportReportPanel } from './components/ImportReportPanel';
import { Reader } from './components/Reader';
import { Splitter } from './components/Splitter';
import { StatusBar } from './components/StatusBar';
import { Toolbar } from './components/Toolbar';
import { useArticlePager, type ListQuery } from './hooks/useArticlePager';
import { I18nContext, initialUiLang, makeI18n, saveUiLang, type UiLang } from './i18n';
import { IMPORT_ACCEPT, uploadFiles, type UploadProgress } from './import/uploadFiles';

const LIST_SIZE_KEY = 'mizan.listSize';
const MIN_LIST = 280;
const MIN_READER = 360;

function initialListSize(): number {
  try {
    const saved = Number(window.localStorage.getItem(LIST_SIZE_KEY));
    if (Number.isFinite(saved) && saved >= MIN_LIST) return saved;
  } catch {
    // Defaults below.
  }
  return 440;
}

export function App() {
  const { api, transportKind } = useApi();
  const [uiLang, setUiLang] = useState<UiLang>(initialUiLang);
  const i18n = useMemo(() => makeI18n(uiLang), [uiLang]);
  const { t } = i18n;

  useEffect(() => {
    document.documentElement.lang = uiLang;
    document.documentElement.dir = i18n.dir;
    document.title = uiLang === 'ar' ? 'ميزان — Mizan' : 'Mizan — ميزان';
    saveUiLang(uiLang);
  }, [uiLang, i18n.dir]);

  // --- errors -------------------------------------------------------------
  const [errors, setErrors] = useState<BannerError[]>([]);
  const nextErrorId = useRef(1);
  const pushError = useCallback((context: string, error: unknown, retry?: () => void) => {
    const shown = toShownError(error);
    const id = nextErrorId.current++;
    setErrors((list) => [...list.slice(-3), { id, context, ...shown, retry }]);
  }, []);
  const dismissError = useCallback((id: number) => setErrors((list) => list.filter((e) => e.id !== id)), []);

  // --- list query -----------------------------------------------------------
  const [sort, setSort] = useState<ListQuery['sort']>('publishedAt');
  const [order, setOrder] = useState<ListQuery['order']>('desc');
  const [sourceId, setSourceId] = useState<number | null>(null);
  const [langFilter, setLangFilter] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const query = useMemo<ListQuery>(() => {
    const filter: ArticleFilter = {};
    if (sourceId !== null) filter.sourceIds = [sourceId];
    if (langFilter !== null) filter.lang = langFilter;
    return { sort, order, filter };
  }, [sort, order, sourceId, langFilter]);
  const queryKey = JSON.stringify(query);
  const pager = useArticlePager(api, query, version);
  const filtered = sourceId !== null || langFilter !== null;

  const [selection, setSelection] = useState<{ key: string; index: number }>({ key: queryKey, index: -1 });
  const selectedIndex = selection.key === queryKey ? selection.index : -1;
  const [openedId, setOpenedId] = useState<number | null>(null);

  // --- library facts --------------------------------------------------------
  const [sources, setSources] = useState<SourceInfo[]>([]);
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([api['library.listSources']({}), api['app.info']({})]).then(
      ([sourceList, appInfo]) => {
        if (!live) return;
        setSources(sourceList);
        setInfo(appInfo);
      },
      (error: unknown) => {
        if (live) pushError(t.loadFailed, error, refresh);
      },
    );
    return () => {
      live = false;
    };
  }, [api, version, pushError, refresh, t.loadFailed]);

  const languagesSeen = useRef(new Set<string>(['ar', 'en']));
  for (const code of pager.languages) languagesSeen.current.add(code);
  if (langFilter !== null) languagesSeen.current.add(langFilter);
  const languages = [...languagesSeen.current].sort();

  // --- import ----------------------------------------------------------------
  const fileInput = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const importAbort = useRef<AbortController | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const importing = progress !== null;

  const runImport = useCallback(
    async (files: File[]) => {
      if (files.length === 0 || importAbort.current) return;
      const controller = new AbortController();
      importAbort.current = controller;
      setReport(null);
      setProgress({ phase: 'reading', done: 0, total: files.length, batch: 1, batches: 1 });
      try {
        const result = await uploadFiles(api, files, { signal: controller.signal, onProgress: setProgress });
        setReport(result);
      } catch (error) {
        pushError(t.importFailed, error);
      } finally {
        importAbort.current = null;
        setProgress(null);
        refresh();
      }
    },
    [api, pushError, refresh, t.importFailed],
  );

  const openPicker = useCallback(() => fileInput.current?.click(), []);

  const [dragging, setDragging] = useState(false);
  const hasFiles = (event: DragEvent) => [...event.dataTransfer.types].includes('Files');

  // --- layout --------------------------------------------------------------------
  const [listSize, setListSize] = useState(initialListSize);
  const maxList = Math.max(MIN_LIST, window.innerWidth - MIN_READER);
  useEffect(() => {
    try {
      window.localStorage.setItem(LIST_SIZE_KEY, String(listSize));
    } catch {
      // Not persisted.
    }
  }, [listSize]);

  const openArticle = useCallback((article: ArticleSummary) => setOpenedId(article.id), []);
  const libraryEmpty = pager.total === 0 && !filtered && !pager.error;

  return (
    <I18nContext value={i18n}>
      <div
        className="app"
        onDragEnter={(e) => {
          if (hasFiles(e)) setDragging(true);
        }}
        onDragOver={(e) => {
          if (!hasFiles(e)) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={(e) => {
          if (e.relatedTarget === null) setDragging(false);
        }}
        onDrop={(e) => {
          if (!hasFiles(e)) return;
          e.preventDefault();
          setDragging(false);
          void runImport([...e.dataTransfer.files]);
        }}
      >
        <Toolbar
          sort={sort}
          order={order}
          sourceId={sourceId}
          lang={langFilter}
          sources={sources}
          languages={languages}
          total={pager.total}
          totalFailed={pager.error !== null && pager.total === 0}
          importing={importing}
          onImport={openPicker}
          onSort={setSort}
          onToggleOrder={() => setOrder((o) => (o === 'desc' ? 'asc' : 'desc'))}
          onSource={setSourceId}
          onLang={setLangFilter}
          onToggleUiLang={() => setUiLang((l) => (l === 'ar' ? 'en' : 'ar'))}
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
        {progress ? <ImportProgressBar progress={progress} onCancel={() => importAbort.current?.abort()} /> : null}
        <ErrorBanners
          errors={[
            ...(pager.error ? [{ id: 0, context: t.listFailed, ...toShownError(pager.error), retry: () => pager.retry(), dismissible: false }] : []),
            ...errors,
          ]}
          onDismiss={dismissError}
        />
        {report ? (
          <ImportReportPanel report={report} onOpen={(id) => setOpenedId(id)} onClose={() => setReport(null)} />
        ) : null}

        {libraryEmpty && openedId === null ? (
          <main className="main main-empty">
            <EmptyState onImport={openPicker} disabled={importing} />
          </main>
        ) : (
          <main className="main" style={{ gridTemplateColumns: `min(${listSize}px, calc(100% - ${MIN_READER}px)) auto minmax(0, 1fr)` }}>
            <section className="list-pane" aria-label={t.listLabel}>
              <ArticleList
                pager={pager}
                queryKey={queryKey}
                selectedIndex={selectedIndex}
                openedId={openedId}
                onSelectIndex={(index) => setSelection({ key: queryKey, index })}
                onOpen={openArticle}
                empty={
                  pager.error ? (
                    <div className="list-message">
                      <p>{t.listFailed}</p>
                      <button type="button" className="button" onClick={() => pager.retry()}>
                        {t.retry}
                      </button>
                    </div>
                  ) : (
                  <div className="list-message">
                    <p>{t.noMatches}</p>
                    {filtered ? (
                      <button
                        type="button"
                        className="button"
                        onClick={() => {
                          setSourceId(null);
                          setLangFilter(null);
                        }}
                      >
                        {t.clearFilters}
                      </button>
                    ) : null}
                  </div>
                  )
                }
              />
              <p className="list-hint muted" aria-hidden="true">
                {t.keyboardHint}
              </p>
            </section>
            <Splitter size={Math.min(listSize, maxList)} min={MIN_LIST} max={maxList} dir={i18n.dir} label={t.listLabel} onResize={setListSize} />
            <section className="reader-pane" aria-label={t.readerLabel}>
              {openedId !== null ? (
                <Reader key={openedId} articleId={openedId} />
              ) : (
                <div className="reader-placeholder reader-idle" data-testid="reader-empty">
                  <p>{t.selectArticle}</p>
                  <p className="muted">{t.keyboardHint}</p>
                </div>
              )}
            </section>
          </main>
        )}

        <StatusBar info={info} transportKind={transportKind} busy={pager.loading || importing} />
        {dragging ? (
          <div className="drop-overlay" aria-hidden="true">
            <div className="drop-overlay-card">{t.dropHere}</div>
          </div>
        ) : null}
      </div>
    </I18nContext>
  );
}
