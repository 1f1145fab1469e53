/**
 * What "Export this list" exports: the search on screen (narrowed by the
 * view's filter), a collection in its own order, the view's filter, or the
 * whole library; with the words that tell the user which.
 */
import type { CollectionInfo, ExportSelection } from '../../../preload/contract';
import type { Dialog } from '../components/AppDialogs';
import type { ExportWords } from '../i18nExport';
import type { View } from '../state/uiStore';
import { filterOf } from './listFilter';

export interface ExportScope {
  selection: ExportSelection;
  scope: string;
}

export function listExportScope(
  list: { searching: boolean; search: string; view: View },
  collections: readonly CollectionInfo[],
  x: ExportWords,
): ExportScope {
  const filter = filterOf(list.view);
  const filtered = Object.keys(filter).length > 0;
  if (list.searching) {
    const query = list.search.trim();
    return { selection: filtered ? { query, filter } : { query }, scope: x.scopeSearch(query) };
  }
  if (list.view.kind === 'collection') {
    const id = list.view.id;
    const name = collections.find((c) => c.id === id)?.name ?? `#${id}`;
    return { selection: { collectionId: id }, scope: x.scopeCollection(name) };
  }
  if (filtered) return { selection: { filter }, scope: x.scopeList };
  return { selection: { all: true }, scope: x.scopeLibrary };
}

/** The export dialog over the list on screen. */
export function listExportDialog(
  list: { searching: boolean; search: string; view: View },
  collections: readonly CollectionInfo[],
  x: ExportWords,
): Dialog {
  return { kind: 'export', ...listExportScope(list, collections, x), cite: false };
}

/** The export dialog opened to cite one article: formatted text first. */
export function citeDialog(articleId: number, x: ExportWords): Dialog {
  return { kind: 'export', selection: { articleIds: [articleId] }, scope: x.scopeArticle, cite: true };
}
