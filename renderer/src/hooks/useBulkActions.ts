import { useCallback, type RefObject } from 'react';
import type { BulkUndo, DossierExportResult, Progress } from '../../../preload/contract';
import { useApi } from '../api';
import type { Dialog } from '../components/AppDialogs';
import type { RunJob } from '../components/dossier/DossierExport';
import type { I18n } from '../i18n';
import type { Label } from '../text/said';
import { sameName } from '../../../common/text/names';
import type { ArticlePager } from './articlePager';
import type { Facts } from './useLibraryFacts';
import type { ListSelection } from './useListSelection';
import type { PushError, ShowToast } from './useNotices';

interface BulkDeps {
  i18n: I18n;
  facts: Facts;
  selection: ListSelection;
  pager: ArticlePager;
  articleChanged(): void;
  toast: ShowToast;
  pushError: PushError;
  lastUndo: RefObject<(() => void) | null>;
  setDialog(dialog: Dialog): void;
  runJob: RunJob;
  deleteArticles(articles: { id: number; title: string }[]): Promise<void>;
}

/** Saves bytes the core sent back as a file the browser downloads. */
function download(result: DossierExportResult, name: string, type: string): void {
  const binary = atob(result.contentBase64 ?? '');
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * What the bulk bar does to the selected rows: tag, add to a collection or a
 * dossier, export, delete. Each is one step that one undo (the toast's
 * button or Ctrl/⌘+Z) takes back whole.
 */
export function useBulkActions({
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
  deleteArticles,
}: BulkDeps) {
  const { api } = useApi();
  const { t, w, formatNumber } = i18n;
  const sw = t.selection;
  const counted = useCallback((n: number) => t.articles(formatNumber(n), n), [t, formatNumber]);

  /** Offers `undo` on a toast and on Ctrl/⌘+Z, once. */
  const offerUndo = useCallback(
    (message: string, undo: () => Promise<void>) => {
      const run = async () => {
        lastUndo.current = null;
        try {
          await undo();
          articleChanged();
          toast(sw.undone);
        } catch (error) {
          pushError(w.undo, error);
        }
      };
      lastUndo.current = () => void run();
      toast(message, { label: w.undo, run: () => void run() }, 12000);
    },
    [lastUndo, articleChanged, toast, pushError, sw, w],
  );

  const applyAndOffer = useCallback(
    async (ids: number[], change: Parameters<(typeof api)['library.applyBulk']>[0]['change'], message: string) => {
      const { undo } = await api['library.applyBulk']({ articleIds: ids, change });
      articleChanged();
      offerUndo(message, async () => {
        await api['library.revertBulk']({ undo: undo satisfies BulkUndo });
      });
    },
    [api, articleChanged, offerUndo],
  );

  const tag = useCallback(
    () =>
      setDialog({
        kind: 'prompt',
        title: sw.bulkTag,
        label: w.tagName,
        suggestions: facts.tags.map((x) => x.name),
        submitLabel: w.addTag.replace('…', ''),
        testId: 'bulk-tag-dialog',
        onSubmit: async (name) => {
          const ids = await selection.resolve();
          await applyAndOffer(ids, { kind: 'tag', tags: [name] }, sw.taggedMany(name, counted(ids.length)));
        },
      }),
    [setDialog, sw, w, facts.tags, selection, applyAndOffer, counted],
  );

  const collect = useCallback(
    () =>
      setDialog({
        kind: 'prompt',
        title: sw.bulkCollect,
        label: w.collectionName,
        suggestions: facts.collections.map((c) => c.name),
        submitLabel: w.addToCollection.replace('…', ''),
        testId: 'bulk-collect-dialog',
        onSubmit: async (name) => {
          const ids = await selection.resolve();
          const existing = facts.collections.find((c) => sameName(c.name, name));
          const collection = existing ?? (await api['library.createCollection']({ name }));
          const { undo } = await api['library.applyBulk']({
            articleIds: ids,
            change: { kind: 'collect', collectionId: collection.id },
          });
          articleChanged();
          offerUndo(sw.collectedMany(collection.name, counted(ids.length)), async () => {
            // A collection the action created goes with it.
            if (existing) await api['library.revertBulk']({ undo });
            else await api['library.deleteCollection']({ id: collection.id });
          });
        },
      }),
    [setDialog, sw, w, facts.collections, selection, api, articleChanged, offerUndo, counted],
  );

  const toDossier = useCallback(
    () =>
      void api['dossier.list']({}).then(
        (dossiers) =>
          setDialog({
            kind: 'prompt',
            title: sw.bulkDossier,
            label: w.title,
            initial: dossiers[0]?.title ?? '',
            suggestions: dossiers.map((d) => d.title),
            submitLabel: w.addToDossier,
            testId: 'bulk-dossier-dialog',
            onSubmit: async (title) => {
              const ids = await selection.resolve();
              const items = ids.map((id) => ({ kind: 'article' as const, id }));
              const existing = dossiers.find((d) => d.title === title);
              if (!existing) {
                const created = await api['dossier.create']({ title, items });
                offerUndo(`${w.addedToDossier}: ${title}`, async () => {
                  await api['dossier.delete']({ id: created.id });
                });
                return;
              }
              const before = new Set((await api['dossier.get']({ id: existing.id })).items.map((i) => i.id));
              const after = await api['dossier.addItems']({ id: existing.id, items });
              const added = after.items.filter((i) => !before.has(i.id)).map((i) => i.id);
              offerUndo(`${w.addedToDossier}: ${title}`, async () => {
                for (const itemId of added) await api['dossier.removeItem']({ id: existing.id, itemId });
              });
            },
          }),
        (error: unknown) => pushError(sw.bulkDossier, error),
      ),
    [api, setDialog, sw, w, selection, offerUndo, pushError],
  );

  const exportAs = useCallback(
    async (kind: 'pdf' | 'html') => {
      try {
        const ids = await selection.resolve();
        const method = kind === 'pdf' ? 'dossier.exportPdf' : 'dossier.exportHtml';
        const label: Label = { key: kind === 'pdf' ? 'exportPdf' : 'exportHtml', params: [ids.length] };
        const result = await runJob(`export-${kind}`, label, (signal, onProgress: (p: Progress) => void) =>
          api[method]({ articleIds: ids, title: sw.exportTitle, lang: i18n.lang }, { signal, onProgress }),
        );
        download(result, `mizan-${ids.length}.${kind}`, kind === 'pdf' ? 'application/pdf' : 'text/html');
      } catch (error) {
        pushError(kind === 'pdf' ? sw.bulkExportPdf : sw.bulkExportHtml, error);
      }
    },
    [selection, runJob, api, sw, i18n.lang, pushError],
  );

  const remove = useCallback(async () => {
    try {
      const ids = await selection.resolve();
      // Titles of loaded rows name a single deletion; the rest are counted.
      const titles = new Map<number, string>();
      for (let i = 0; i < (pager.total ?? 0) && titles.size < ids.length; i++) {
        const a = pager.get(i);
        if (a) titles.set(a.id, a.title);
        else if (i > 2000) break;
      }
      selection.clear();
      await deleteArticles(ids.map((id) => ({ id, title: titles.get(id) ?? `#${id}` })));
    } catch (error) {
      pushError(sw.bulkDelete, error);
    }
  }, [selection, pager, deleteArticles, pushError, sw]);

  return { tag, collect, toDossier, exportAs, remove };
}
