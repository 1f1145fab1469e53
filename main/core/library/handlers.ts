/**
 * The handlers of the library's workbench methods (highlights, notes,
 * organizing, delete with undo, edited re-import, UI settings), spread into
 * createServices.
 */
import { type Handlers } from '../../../preload/contract';
import type { Database } from '../db/connection';
import * as annotations from './annotations';
import { getArticle } from './articleReader';
import type { LibraryBands } from './bandIndex';
import { getCollection } from './libraryStore';
import {
  deleteTag,
  listCollectionArticles,
  listLanguages,
  mergeSources,
  moveCollectionItem,
  renameSource,
  renameTag,
  sourceInfo,
  tagInfo,
  tagArticles,
  untagArticles,
  type ArticleWriteHooks,
} from './organizing';
import { createSettingsStore } from './settings';
import { deleteArticles, replaceBody, restoreArticles } from './undo';
import { applyBulk, revertBulk } from './bulkEdit';

// ---------------------------------------------------------------------------
// Handlers

export type LibraryMethod =
  | 'highlights.create'
  | 'highlights.update'
  | 'highlights.delete'
  | 'highlights.listForArticle'
  | 'highlights.listAll'
  | 'notes.create'
  | 'notes.update'
  | 'notes.delete'
  | 'notes.list'
  | 'library.tagArticles'
  | 'library.untagArticles'
  | 'library.renameTag'
  | 'library.deleteTag'
  | 'library.mergeSources'
  | 'library.renameSource'
  | 'library.listLanguages'
  | 'library.listCollectionArticles'
  | 'library.moveCollectionItem'
  | 'library.deleteArticles'
  | 'library.restoreArticles'
  | 'library.replaceBody'
  | 'library.applyBulk'
  | 'library.revertBulk'
  | 'app.settings.get'
  | 'app.settings.set';

export interface LibraryHandlerDeps {
  db: Database;
  now: () => Date;
  /** Where UI settings live; null keeps them in memory (tests, :memory: libraries). */
  settingsPath: string | null;
  /** The open library's band index, dropped when a restore brings articles back. */
  bands: LibraryBands;
  hooks?: ArticleWriteHooks;
}

/** The settings file of a library file: `library.db` → `library.db.ui.json`. */
export function libraryHandlers(deps: LibraryHandlerDeps): Pick<Handlers, LibraryMethod> {
  const { db } = deps;
  const hooks = deps.hooks ?? {};
  const stamp = () => deps.now().toISOString();
  const settings = createSettingsStore(deps.settingsPath);
  return {
    // Read back after the write: Database serves a read issued after a write with that write in view.
    'highlights.create': async (input) => {
      const id = await db.write((w) => annotations.createHighlight(w, input, stamp()));
      return annotations.getHighlight(db, id);
    },
    'highlights.update': async ({ id, ...patch }) => {
      await db.write((w) => annotations.updateHighlight(w, id, patch, stamp()));
      return annotations.getHighlight(db, id);
    },
    'highlights.delete': async ({ id }) => {
      await db.write((w) => annotations.deleteHighlight(w, id));
      return { ok: true };
    },
    'highlights.listForArticle': async ({ articleId }) => annotations.listHighlightsForArticle(db, articleId),
    'highlights.listAll': async (input) => annotations.listAllHighlights(db, input),
    'notes.create': async (input) => {
      const id = await db.write((w) => annotations.createNote(w, input, stamp()));
      return annotations.getNote(db, id);
    },
    'notes.update': async ({ id, ...patch }) => {
      await db.write((w) => annotations.updateNote(w, id, patch, stamp()));
      return annotations.getNote(db, id);
    },
    'notes.delete': async ({ id }) => {
      await db.write((w) => annotations.deleteNote(w, id));
      return { ok: true };
    },
    'notes.list': async ({ articleId }) => annotations.listNotes(db, articleId),
    'library.tagArticles': async ({ articleIds, tags }) => {
      await db.write((w) => tagArticles(w, articleIds, tags));
      return { ok: true };
    },
    'library.untagArticles': async ({ articleIds, tags }) => {
      await db.write((w) => untagArticles(w, articleIds, tags));
      return { ok: true };
    },
    'library.renameTag': async ({ id, name }) => {
      return db.write(async (w) => tagInfo(w, await renameTag(w, id, name)));
    },
    'library.deleteTag': async ({ id }) => {
      await db.write((w) => deleteTag(w, id));
      return { ok: true };
    },
    'library.mergeSources': async ({ targetId, sourceIds }) => {
      return db.write(async (w) => {
        await mergeSources(w, targetId, sourceIds, hooks);
        return sourceInfo(w, targetId);
      });
    },
    'library.renameSource': async ({ id, name }) => {
      return db.write(async (w) => {
        await renameSource(w, id, name, hooks);
        return sourceInfo(w, id);
      });
    },
    'library.listLanguages': async () => listLanguages(db),
    'library.listCollectionArticles': async ({ collectionId, offset, limit }) =>
      listCollectionArticles(db, collectionId, offset, limit),
    'library.moveCollectionItem': async ({ collectionId, articleId, beforeId }) => {
      return db.write(async (w) => {
        await moveCollectionItem(w, collectionId, articleId, beforeId, stamp());
        return getCollection(w, collectionId);
      });
    },
    'library.applyBulk': async ({ articleIds, change }) => db.write((w) => applyBulk(w, articleIds, change, stamp())),
    'library.revertBulk': async ({ undo }) => {
      await db.write((w) => revertBulk(w, undo, stamp()));
      return { ok: true };
    },
    'library.deleteArticles': async ({ ids }) => {
      const snapshots = await db.write((w) => deleteArticles(w, ids, hooks));
      return { deleted: snapshots.map((s) => Number(s.article['id'])), snapshots };
    },
    'library.restoreArticles': async ({ snapshots }) => {
      const result = await db.write((w) => restoreArticles(w, snapshots, hooks));
      // Restored articles may keep ids below what the band index has read: it reads the signatures again.
      if (result.restored.length > 0) deps.bands.forget();
      return result;
    },
    'library.replaceBody': async ({ id, fromArticleId }) => {
      return db.write(async (w) => {
        await replaceBody(w, id, fromArticleId, stamp(), hooks);
        return { article: await getArticle(w, id), highlights: await annotations.anchorCounts(w, id) };
      });
    },
    'app.settings.get': async () => settings.get(),
    'app.settings.set': async ({ values }) => {
      await settings.set(values);
      return { ok: true };
    },
  };
}
