import type { ArticleFilter, CollectionInfo, SavedSearchInfo, TagInfo } from '../../../preload/contract';
import { useApi } from '../api';
import type { Dialog } from '../components/AppDialogs';
import type { I18n } from '../i18n';
import type { View } from '../state/uiStore';
import { useUiStore } from '../state/useUi';
import type { PushError, ShowToast } from './useNotices';

interface SidebarActionDeps {
  i18n: I18n;
  view: View;
  articleChanged(): void;
  toast: ShowToast;
  pushError: PushError;
  setDialog(dialog: Dialog): void;
  addToCollectionNamed(ids: number[], name: string): Promise<void>;
  setView(view: View): void;
}

/**
 * The sidebar's own work on collections, tags and saved searches: rename,
 * delete with undo (members and tagged articles come back), articles dropped
 * on them, and saving the search typed as a saved search.
 */
export function useSidebarActions({
  i18n,
  view,
  articleChanged,
  toast,
  pushError,
  setDialog,
  addToCollectionNamed,
  setView,
}: SidebarActionDeps) {
  const { api } = useApi();
  const store = useUiStore();
  const { w } = i18n;
  return {
    onRenameCollection: (c: CollectionInfo) =>
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
      }),
    onDeleteCollection: async (c: CollectionInfo) => {
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
    },
    onRenameTag: (tag: TagInfo) =>
      setDialog({
        kind: 'prompt',
        title: w.renameTag,
        label: w.tagName,
        initial: tag.name,
        submitLabel: w.rename,
        onSubmit: async (name) => {
          await api['library.renameTag']({ id: tag.id, name });
          if (view.kind === 'tag' && view.name === tag.name) store.update({ view: { kind: 'tag', name } });
          articleChanged();
        },
      }),
    onDeleteTag: async (tag: TagInfo) => {
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
    },
    onDropOnCollection: (c: CollectionInfo, ids: number[]) =>
      void addToCollectionNamed(ids, c.name).catch((error: unknown) => pushError(w.addToCollection, error)),
    onDropOnTag: (tag: TagInfo, ids: number[]) =>
      void api['library.tagArticles']({ articleIds: ids, tags: [tag.name] }).then(
        () => {
          articleChanged();
          toast(w.tagged(tag.name));
        },
        (error: unknown) => pushError(w.addTag, error),
      ),
    onManageSources: () => setDialog({ kind: 'sources' }),
    saveSearch: (query: string, filter: ArticleFilter) =>
      setDialog({
        kind: 'prompt',
        title: i18n.t.selection.saveSearch,
        label: i18n.t.selection.savedSearchName,
        initial: query,
        submitLabel: w.save,
        testId: 'save-search-dialog',
        onSubmit: async (name) => {
          const saved = await api['search.saveSearch']({ name, query, filter });
          articleChanged();
          setView({ kind: 'saved', id: saved.id });
          toast(i18n.t.selection.savedAs(saved.name));
        },
      }),
    onRenameSavedSearch: (s: SavedSearchInfo) =>
      setDialog({
        kind: 'prompt',
        title: i18n.t.selection.renameSavedSearch,
        label: i18n.t.selection.savedSearchName,
        initial: s.name,
        submitLabel: w.rename,
        onSubmit: async (name) => {
          await api['search.renameSavedSearch']({ id: s.id, name });
          articleChanged();
        },
      }),
    // Deleting a saved search loses only its query and filters: undo saves them again.
    onDeleteSavedSearch: async (s: SavedSearchInfo) => {
      try {
        await api['search.deleteSavedSearch']({ id: s.id });
        articleChanged();
        toast(
          w.deleted(s.name),
          {
            label: w.undo,
            run: async () => {
              const again = await api['search.saveSearch']({ name: s.name, query: s.query, filter: s.filter });
              articleChanged();
              if (view.kind === 'saved' && view.id === s.id) store.update({ view: { kind: 'saved', id: again.id } });
            },
          },
          12000,
        );
      } catch (error) {
        pushError(i18n.t.selection.deleteSavedSearch, error);
      }
    },
  };
}
