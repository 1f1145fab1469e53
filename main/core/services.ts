/**
 * createServices(): the whole of Mizan behind the contract, in any Node
 * process. Electron, the CLI and the web host are thin shells over this.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MizanError } from '../../preload/contract/errors';
import type { AppInfo } from '../../preload/contract/app';
import type { Handlers } from '../../preload/contract';
import type { Database } from './db/connection';
import { migrations } from './db/migrations';
import type { CompareMethod } from './compare/compareService';
import { createComparer } from './compare/comparisonRunner';
import { createStoryQueue, type StoryQueue } from './compare/storyQueue';
import type { DossierMethod, DossierService } from './dossier/dossierService';
import { getDossier } from './dossier/dossierStore';
import { exportHandlers, type ChooseSavePath, type SelectArticles } from './exports/handlers';
import { createEntityIndexer, type EntityIndexer } from './entityIndex/entityIndexer';
import { entityHandlers } from './entityIndex/entityService';
import { createParser } from './importers/parser';
import { normalizeCharsetLabel } from './importers/decode';
import { ImportError, MAX_FILE_BYTES } from './importers/types';
import { emptyReport, expandPaths, importItems, readItem, type ImportItem } from './importers/importService';
import { LibraryBands } from './library/bandIndex';
import { librarySafetyHandlers, openLibrary } from './library/librarySafety';
import * as reader from './library/articleReader';
import * as store from './library/libraryStore';
import { libraryHandlers } from './library/handlers';
import { settingsPathFor } from './library/settings';
import { IndexPrimer } from './search/primedIndex';
import { createSearchService, type SearchService } from './search/searchService';
import { savedSearchHandlers } from './search/savedSearches';
import { appVersion } from './version';
import { lazyHandlers } from './lazyHandlers';

const COMPARE_METHODS: Record<CompareMethod, true> = {
  'compare.clusters': true,
  'compare.getCluster': true,
  'compare.cluster': true,
  'compare.articles': true,
  'compare.align': true,
  'compare.facts': true,
  'compare.saveComparison': true,
  'compare.listComparisons': true,
  'compare.getComparison': true,
  'compare.deleteComparison': true,
};

const DOSSIER_METHODS: Record<DossierMethod, true> = {
  'dossier.list': true,
  'dossier.get': true,
  'dossier.create': true,
  'dossier.update': true,
  'dossier.rename': true,
  'dossier.delete': true,
  'dossier.addItems': true,
  'dossier.removeItem': true,
  'dossier.reorder': true,
  'dossier.moveItem': true,
  'dossier.addSection': true,
  'dossier.renameSection': true,
  'dossier.deleteSection': true,
  'dossier.reorderSections': true,
  'dossier.exportPdf': true,
  'dossier.exportHtml': true,
};

/** A search exported as a selection: its first hits, as many as a list of ids may hold. */
const EXPORT_SEARCH_LIMIT = 10_000;

export interface ServicesOptions {
  dbPath: string;
  host: AppInfo['host'];
  now?: () => Date;
  /** Bytes above which the integrity check runs after open, writes held until it passes (librarySafety.ts). */
  backgroundCheckAbove?: number;
  /** Open without the integrity check, for a one-shot read (librarySafety.ts says what is still checked). */
  skipIntegrityCheck?: boolean;
  /** Place imported articles into stories after each import (default true; benchmarks that time clustering turn it off). */
  storiesAfterImport?: boolean;
  /**
   * Keep the entity index current in the background (default true). Off, the
   * queue waits for `entities.catchUp()` (short CLI commands, benchmarks of other work).
   */
  entityIndex?: boolean;
  /** The host's save dialog (the desktop app's), for exports saved where the person chooses. */
  chooseSavePath?: ChooseSavePath;
}

export interface Services {
  handlers: Handlers;
  db: Database;
  /** The search service itself, for benchmarks and tests that wait on background index builds. */
  search: SearchService;
  /** What lives as long as the open library, shared by the services that need it (and tests that drive them). */
  state: LibraryState;
  /** Story placement after imports, for tests that wait on it. */
  stories: StoryQueue;
  /** The background entity index, for tests and benchmarks that wait on it. */
  entities: EntityIndexer;
  close(): Promise<void>;
}

/** Built here, once per open library, and passed to the services: no module keeps state of its own. */
export interface LibraryState {
  /** Near-duplicate band index: read by imports, dropped by restores. */
  bands: LibraryBands;
  /** Search keys an import batch computed while parsing, for the index's commit hook. */
  primer: IndexPrimer;
}

/**
 * The encoding a user asked for, checked before any file is read: a typo
 * refuses the import at once instead of failing every file of the batch.
 */
function checkedEncoding(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  const encoding = normalizeCharsetLabel(label);
  if (!encoding)
    throw new MizanError(
      'INVALID_ARGUMENT',
      `encoding "${label}" is not one Mizan can read (e.g. utf-8, utf-16le, windows-1256, iso-8859-6, windows-1252, windows-1254, windows-1250)`,
    );
  return encoding;
}

/** The same handlers, each waiting first until no story run is under way. */
function afterStories<H extends Partial<Handlers>>(stories: StoryQueue, handlers: H): H {
  const out: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(handlers) as Array<[string, (...args: never[]) => Promise<unknown>]>)
    out[name] = async (...args: never[]) => {
      await stories.idle();
      return handler(...args);
    };
  return out as H;
}

/** The same handlers, `after` called when one of `names` has finished. */
function thenIndex<H extends Partial<Handlers>>(handlers: H, names: ReadonlyArray<keyof H>, after: () => void): H {
  const out: Record<string, unknown> = { ...handlers };
  for (const name of names) {
    const handler = handlers[name] as (...args: never[]) => Promise<unknown>;
    out[name as string] = async (...args: never[]) => {
      const result = await handler(...args);
      after();
      return result;
    };
  }
  return out as H;
}

export async function createServices(options: ServicesOptions): Promise<Services> {
  const now = options.now ?? (() => new Date());
  if (options.dbPath !== ':memory:') mkdirSync(dirname(options.dbPath), { recursive: true });
  // Integrity check (LIBRARY_CORRUPT; a big library's runs in the background,
  // see db.checked()), backup before a pending migration, migrate.
  const db = await openLibrary({
    dbPath: options.dbPath,
    migrations,
    now,
    backgroundCheckAbove: options.backgroundCheckAbove,
    skipIntegrityCheck: options.skipIntegrityCheck,
  });
  const state: LibraryState = { bands: new LibraryBands(db), primer: new IndexPrimer() };
  // Registers the index's commit hook: must exist before the first write.
  let search: SearchService;
  try {
    search = await createSearchService({
      db,
      now,
      primer: state.primer,
      transliterationWaitMs: options.host === 'cli' || options.host === 'test' ? Infinity : undefined,
      transliterationScan: options.host === 'cli',
    });
  } catch (error) {
    await db.close();
    throw error;
  }
  const parser = createParser();
  // One comparer for the compare.* methods and the dossier export's comparison blocks.
  const comparer = createComparer();
  // Loaded on first use, like the compare code: the dossier document code builds its script tables at load.
  let dossiers: DossierService | null = null;
  const dossierHandlers = lazyHandlers(DOSSIER_METHODS, async () => {
    dossiers ??= (await import('./dossier/dossierService.js')).createDossierService({ db, now, comparer });
    return dossiers.handlers;
  });
  const stamp = () => now().toISOString();
  // Loaded on first use: a CLI search or a web page's first request does not need the compare code.
  const compare = lazyHandlers(COMPARE_METHODS, async () =>
    (await import('./compare/compareService.js')).compareHandlers({ db, now, comparer }),
  );
  const stories = createStoryQueue(
    (signal) => compare['compare.cluster']({ mode: 'incremental' }, { signal, progress: () => undefined }),
    (error) =>
      process.emitWarning(
        `placing imported articles into stories failed: ${error instanceof Error ? error.message : String(error)}`,
      ),
  );
  const entities = createEntityIndexer({
    db,
    auto: options.entityIndex !== false,
    onError: (error) =>
      process.emitWarning(`indexing entities failed: ${error instanceof Error ? error.message : String(error)}`),
  });
  // Imports, edits and deletes queue their articles by trigger; this starts the drain.
  const indexEntities = () => entities.request();
  const onImported = (count: number) => {
    indexEntities();
    if (options.storiesAfterImport !== false) stories.request();
    return count;
  };
  const importDeps = { db, parser, now, ...state, onImported };
  // A library from before the entity index (or left with a queue) is caught up in the background.
  indexEntities();

  /** The articles an export names: a list, a collection, a dossier's articles, a search's hits, or all. */
  const selectArticles: SelectArticles = async (selection) => {
    if (selection.articleIds) return { ids: selection.articleIds, name: null };
    if (selection.collectionId !== undefined) {
      const collection = await store.getCollection(db, selection.collectionId);
      return { ids: await reader.readArticleIds(db, { collectionId: collection.id }), name: collection.name };
    }
    if (selection.dossierId !== undefined) {
      const dossier = await getDossier(db, selection.dossierId);
      const ids = dossier.items.map((item) => item.articleId).filter((id): id is number => id !== null);
      return { ids: [...new Set(ids)], name: dossier.title };
    }
    if (selection.query !== undefined) {
      const ids: number[] = [];
      // Pages of the search in its order, up to the size of a selection.
      for (let offset = 0; offset < EXPORT_SEARCH_LIMIT; offset += 100) {
        const page = await search.query({
          query: selection.query,
          filter: selection.filter ?? {},
          offset,
          limit: 100,
          facets: false,
          sort: 'relevance',
          lenient: false,
          engine: 'auto',
        });
        ids.push(...page.items.map((hit) => hit.id));
        if (offset + 100 >= page.total) break;
      }
      return { ids, name: selection.query };
    }
    if (selection.filter)
      return { ids: await reader.readArticleIds(db, { filter: selection.filter }), name: 'articles' };
    return { ids: await reader.readArticleIds(db), name: 'library' };
  };

  const handlers: Handlers = {
    'app.info': async () => ({
      version: appVersion(),
      host: options.host,
      libraryPath: options.dbPath,
      articleCount: await store.countArticles(db),
      importFormats: (await import('./importers/registry.js')).importers.map((i) => ({
        id: i.id,
        label: i.label,
        extensions: [...i.extensions],
      })),
    }),
    // Cancellation is owned by the host's job registry (see rpc.ts); reaching
    // here means the job was unknown or already finished.
    'jobs.cancel': async () => ({ ok: true }),

    'library.importFiles': async (input, ctx) => {
      const report = emptyReport();
      const items = await expandPaths(input.paths, report);
      return importItems(
        importDeps,
        items,
        {
          collection: input.collection,
          tags: input.tags,
          options: {
            title: input.title,
            mapping: input.mapping,
            mappingComplete: input.mappingComplete,
            maxBytes: input.maxFileBytes,
            encoding: checkedEncoding(input.encoding),
          },
          nearDuplicateThreshold: input.nearDuplicateThreshold,
        },
        ctx,
        report,
      );
    },
    'library.importUploads': async (input, ctx) => {
      const items: ImportItem[] = input.files.map((f) => ({
        kind: 'bytes',
        path: f.name,
        bytes: Buffer.from(f.contentBase64, 'base64'),
      }));
      const request = {
        collection: input.collection,
        tags: input.tags,
        options: {
          mapping: input.mapping,
          mappingComplete: input.mappingComplete,
          encoding: checkedEncoding(input.encoding),
        },
        nearDuplicateThreshold: input.nearDuplicateThreshold,
      };
      return importItems(importDeps, items, request, ctx, emptyReport());
    },
    'library.listImportFiles': async ({ paths }) => {
      const report = emptyReport();
      const items = await expandPaths(paths, report);
      return { files: items.map((item) => item.path), errors: report.errors };
    },
    'library.previewTable': async ({ path, upload, rows }) => {
      const item: ImportItem = upload
        ? { kind: 'bytes', path: upload.name, bytes: Buffer.from(upload.contentBase64, 'base64') }
        : { kind: 'path', path: path! };
      try {
        const bytes = await readItem(item, MAX_FILE_BYTES);
        return await parser.preview(item.path, bytes, { rows, fullSize: upload?.size });
      } catch (error) {
        // The importers' codes, as the import would report them for this file.
        if (error instanceof ImportError) throw new MizanError(error.code, error.message);
        throw error;
      }
    },
    'library.listArticles': async (input) => reader.listArticles(db, input),
    'library.getArticle': async (input) => reader.getArticle(db, input.id),
    'library.updateArticle': async ({ id, patch }) => {
      await db.write(async (w) => {
        await store.requireArticle(w, id);
        await store.updateArticle(w, id, patch, stamp());
      });
      indexEntities();
      // Database serves a read issued after a write with that write in view.
      return reader.getArticle(db, id);
    },
    'library.deleteArticle': async ({ id }) => {
      await db.write((w) => store.deleteArticle(w, id));
      indexEntities();
      return { ok: true };
    },
    'library.listSources': async () => store.listSources(db),
    'library.listTags': async () => store.listTags(db),
    'library.listCollections': async () => store.listCollections(db),
    'library.createCollection': async ({ name, description }) => {
      return db.write(async (w) => store.getCollection(w, await store.createCollection(w, name, stamp(), description)));
    },
    'library.renameCollection': async ({ id, name }) => {
      return db.write(async (w) => {
        await store.renameCollection(w, id, name, stamp());
        return store.getCollection(w, id);
      });
    },
    'library.deleteCollection': async ({ id }) => {
      await db.write((w) => store.deleteCollection(w, id));
      return { ok: true };
    },
    'library.addToCollection': async ({ collectionId, articleIds }) => {
      return db.write(async (w) => {
        await store.addToCollection(w, collectionId, articleIds, stamp());
        return store.getCollection(w, collectionId);
      });
    },
    'library.removeFromCollection': async ({ collectionId, articleIds }) => {
      return db.write(async (w) => {
        await store.removeFromCollection(w, collectionId, articleIds, stamp());
        return store.getCollection(w, collectionId);
      });
    },
    'library.reorderCollection': async ({ collectionId, articleIds }) => {
      return db.write(async (w) => {
        await store.reorderCollection(w, collectionId, articleIds, stamp());
        return store.getCollection(w, collectionId);
      });
    },
    // Highlights, notes, organizing, undo, UI settings; deletes, restores and new bodies are indexed again.
    ...thenIndex(
      libraryHandlers({ db, now, settingsPath: settingsPathFor(options.dbPath), bands: state.bands }),
      ['library.deleteArticles', 'library.restoreArticles', 'library.replaceBody'],
      indexEntities,
    ),
    // Backups, restore, bundles.
    // A restore or a bundle replaces the library file: the story run after an import must have finished first.
    ...afterStories(
      stories,
      librarySafetyHandlers({ db, now, settingsPath: settingsPathFor(options.dbPath), app: `Mizan ${appVersion()}` }),
    ),

    'search.query': async (input) => search.query(input),
    'search.suggest': async (input) => search.suggest(input),
    'search.matches': async (input) => search.matches(input),
    'search.status': async () => search.status(),
    'search.reindex': async (_input, ctx) => search.reindex(ctx),
    'search.buildCollectionIndex': async ({ collectionId }, ctx) => search.buildCollectionIndex(collectionId, ctx),
    ...savedSearchHandlers({ db, search, now }),
    // Dossiers and their PDF / offline HTML export.
    ...dossierHandlers,
    // Story clusters, aligned comparisons, fact ledgers.
    ...compare,
    // Citations, notes and articles out to other tools.
    ...exportHandlers({ db, select: selectArticles, chooseSavePath: options.chooseSavePath }),
    // People, places and organisations; the charts' counts.
    ...entityHandlers({ db, indexer: entities, matchOf: (query) => search.matchExpression(query) }),
  };

  return {
    handlers,
    db,
    search,
    state,
    stories,
    entities,
    async close() {
      await entities.close();
      await stories.close();
      await dossiers?.close();
      await comparer.close();
      await search.close();
      await parser.close();
      await db.close();
    },
  };
}
