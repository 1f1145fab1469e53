import { useCallback, useMemo, type Dispatch, type RefObject, type SetStateAction } from 'react';
import type { Article, DossierItemRef, ImportReport } from '../../../preload/contract';
import { methodNames } from '../../../preload/contract/methodList';
import { toShownError, useApi } from '../api';
import type { Dialog } from '../components/AppDialogs';
import type { RunningJob } from '../components/Jobs';
import type { ReaderActions } from '../components/Reader';
import type { I18n } from '../i18n';
import { exportWords } from '../i18nExport';
import { citeDialog } from './exportScope';
import { uploadFiles } from '../import/uploadFiles';
import { say, type Said } from '../text/said';
import { useUiStore } from '../state/useUi';
import type { View } from '../state/uiStore';
import type { Facts } from './useLibraryFacts';
import { nextJobId } from './useJobs';
import type { PushError, ShowToast } from './useNotices';
import { sameName } from '../../../common/text/names';

export const dossierAvailable = ['dossier.list', 'dossier.create', 'dossier.addItems'].every((m) =>
  methodNames.includes(m as never),
);

interface ArticleActionDeps {
  i18n: I18n;
  facts: Facts;
  openedId: number | null;
  refresh(): void;
  articleChanged(): void;
  toast: ShowToast;
  pushError: PushError;
  lastUndo: RefObject<(() => void) | null>;
  openArticle(id: number): void;
  setView(view: View): void;
  setJobs: Dispatch<SetStateAction<RunningJob[]>>;
  setDialog(dialog: Dialog): void;
  compare(articleIds: number[]): void;
}

/**
 * What can be done to articles from the reader, the palette and the keys:
 * tag, collect (into a new collection too), delete with undo, replace the text
 * from an edited file, add to a dossier.
 */
export function useArticleActions({
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
}: ArticleActionDeps) {
  const { api } = useApi();
  const store = useUiStore();
  const { t, w } = i18n;

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
    [api, facts.tags, w, articleChanged, toast, setDialog],
  );

  const addToCollectionNamed = useCallback(
    async (ids: number[], name: string) => {
      const existing = facts.collections.find((c) => sameName(c.name, name));
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
    [facts.collections, w, addToCollectionNamed, setDialog],
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
    [api, w, refresh, setView, setDialog],
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
          articles.length === 1
            ? w.deleted(articles[0]!.title)
            : t.selection.deletedMany(t.articles(i18n.formatNumber(articles.length), articles.length)),
          { label: w.undo, run: () => void undo() },
          12000,
        );
      } catch (error) {
        pushError(w.deleteArticle, error);
      }
    },
    [api, openedId, store, refresh, openArticle, toast, pushError, w, t, i18n, lastUndo],
  );

  const updateFromFile = useCallback(
    async (article: Article, file: File) => {
      const id = nextJobId('update');
      const startedAt = Date.now();
      const said: Said = { key: 'updateFrom', params: [file.name] };
      const label = say(said, i18n);
      setJobs((list) => [...list, { id, kind: 'update', label, said, startedAt, fraction: null, done: 0, total: 1 }]);
      let message = '';
      let saidMessage: Said | undefined;
      let status: 'done' | 'failed' = 'done';
      let errors: ImportReport['errors'] = [];
      try {
        const report = await uploadFiles(api, [file]);
        errors = report.errors;
        const fresh = report.imported[0];
        const duplicate = report.duplicates[0];
        if (fresh) {
          const result = await api['library.replaceBody']({ id: article.id, fromArticleId: fresh.id });
          const { anchored, moved, orphaned } = result.highlights;
          saidMessage = { key: 'updateResult', params: [anchored, moved, orphaned] };
          message = say(saidMessage, i18n);
        } else if (duplicate && duplicate.of === article.id) {
          saidMessage = { key: 'updateSame' };
          message = say(saidMessage, i18n);
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
        said,
        startedAt: new Date(startedAt).toISOString(),
        finishedAt: new Date().toISOString(),
        status,
        message,
        saidMessage,
        errors,
        items: [],
      });
      articleChanged();
    },
    [api, w, t, i18n, toast, pushError, store, articleChanged, setJobs],
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
    [api, toast, pushError, w, setDialog],
  );

  const readerActions = useMemo<ReaderActions>(
    () => ({
      onTag: (a) => tagArticle([a.id]),
      onCollect: (a) => collectArticle([a.id]),
      onEditMetadata: (a) => setDialog({ kind: 'metadata', article: a }),
      onCite: (a) => setDialog(citeDialog(a.id, exportWords[i18n.lang])),
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
      onCompare: compare,
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
      setDialog,
      compare,
      i18n.lang,
    ],
  );

  return {
    tagArticle,
    collectArticle,
    addToCollectionNamed,
    newCollection,
    deleteArticles,
    addToDossier,
    readerActions,
  };
}
