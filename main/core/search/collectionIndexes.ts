/**
 * Collection indexes: a Lunr index per collection, built in a worker
 * (collectionEngine.ts) and cached in SQLite, and searched in place of the
 * library index. A change to the collection only marks the stored index
 * stale; it is rebuilt in the background when the collection is next
 * searched, or on request.
 */
import type { CollectionIndexInfo } from '../../../preload/contract/search';
import type { CallContext } from '../../../preload/contract';
import type { Database } from '../db/connection';
import { readCollectionFacets, readCollectionTexts, type FacetFields } from '../library/articleReader';
import { getCollection } from '../library/libraryStore';
import { createCollectionEngine, type CollectionEngine } from './collectionEngine';
import { ftsExpression, type FuzzyExpansions } from './ftsQuery';
import { STORED_FORM } from './compactLunrIndex';
import { leavesNeedingLibrary, type CollectionInput, type CollectionPlan, type PackedHits } from './lunrCollection';
import type { PlanNode } from './queryPlan';

/** Background rebuilds wait this long after the last search asking for one, so a burst of searches costs one build. */
const REBUILD_DELAY_MS = 1500;

/** Collections whose facet fields stay in memory (a few hundred KB for 5,000 articles). */
const META_KEPT = 8;

export type Meta = FacetFields;

interface LoadedCollection {
  generation: number;
  key: string;
  meta: Map<number, Meta>;
}

export interface IndexRow {
  generation: number;
  built_generation: number | null;
  analyzer: string | null;
  article_count: number | null;
  built_at: string | null;
  build_ms: number | null;
  bytes: number | null;
}

function engineKey(collectionId: number, generation: number): string {
  return `${collectionId}@${generation}`;
}

export interface CollectionIndexes {
  infoOf(collectionId: number, row: IndexRow | undefined): CollectionIndexInfo;
  buildCollection(collectionId: number, ctx?: CallContext): Promise<CollectionIndexInfo>;
  /** Lunr hits of the collection, or null when its index is not ready (the caller uses FTS5). */
  collectionHits(
    collectionId: number,
    root: PlanNode,
    force: boolean,
  ): Promise<{ hits: PackedHits; meta: Map<number, Meta> } | null>;
  /** Resolves when no background build is scheduled or running. */
  idle(): Promise<void>;
  /** Stops scheduling; what is scheduled no longer starts. */
  stop(): void;
  close(): Promise<void>;
}

/** Ids (within the collection) that match a leaf only the library index can decide: phrases, lang:. */
export async function annotatePlan(db: Database, node: PlanNode, collectionId: number): Promise<CollectionPlan> {
  const within = new Map<PlanNode, number[]>();
  const none: FuzzyExpansions = new Map();
  for (const leaf of leavesNeedingLibrary(node)) {
    const match = ftsExpression(leaf, none);
    const rows = match
      ? await db.all<{ id: number }>(
          // Matches first, each probed in the collection: a rowid IN (...) list would make FTS5 seek every member.
          `SELECT f.rowid AS id FROM search_fts f CROSS JOIN collection_items ci ON ci.collection_id = ? AND ci.article_id = f.rowid
           WHERE search_fts MATCH ?`,
          [collectionId, match],
        )
      : [];
    within.set(
      leaf,
      rows.map((r) => r.id),
    );
  }
  const copy = (n: PlanNode): CollectionPlan => {
    if (n.kind === 'and') return { kind: 'and', must: n.must.map(copy), not: n.not.map(copy) };
    if (n.kind === 'or') return { kind: 'or', any: n.any.map(copy) };
    const ids = within.get(n);
    return ids ? { ...n, within: ids } : n;
  };
  return copy(node);
}

export function createCollectionIndexes(deps: {
  db: Database;
  now: () => Date;
  fingerprint: string;
}): CollectionIndexes {
  const { db, now } = deps;
  // Indexes stored in an older form read as stale, so they are rebuilt, never misread.
  const fingerprint = `${deps.fingerprint} ${STORED_FORM}`;
  // The Lunr worker starts on the first collection search, not with the app.
  let engineInstance: CollectionEngine | null = null;
  const engine = (): CollectionEngine => (engineInstance ??= createCollectionEngine());
  const loaded = new Map<number, LoadedCollection>();
  const wanted = new Set<number>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let closing = false;

  async function readIndexRow(collectionId: number): Promise<IndexRow | undefined> {
    return db.get<IndexRow>(
      `SELECT x.generation, x.built_generation, x.analyzer, x.article_count, x.built_at, x.build_ms, length(d.data) AS bytes
       FROM collection_search_indexes x LEFT JOIN collection_search_index_data d USING (collection_id)
       WHERE x.collection_id = ?`,
      [collectionId],
    );
  }

  function isFresh(row: IndexRow | undefined): row is IndexRow {
    return row !== undefined && row.built_generation === row.generation && row.analyzer === fingerprint;
  }

  function infoOf(collectionId: number, row: IndexRow | undefined): CollectionIndexInfo {
    return {
      collectionId,
      state: row?.built_generation == null ? 'none' : isFresh(row) ? 'ready' : 'stale',
      articleCount: row?.article_count ?? null,
      builtAt: row?.built_at ?? null,
      buildMs: row?.build_ms ?? null,
      bytes: row?.bytes ?? null,
    };
  }

  function remember(collectionId: number, entry: LoadedCollection): void {
    loaded.delete(collectionId);
    loaded.set(collectionId, entry);
    // The worker may drop an index before this does (collectionEngine.ts): a search then loads it again.
    while (loaded.size > META_KEPT) loaded.delete(loaded.keys().next().value as number);
  }

  async function buildCollection(collectionId: number, ctx?: CallContext): Promise<CollectionIndexInfo> {
    await getCollection(db, collectionId);
    // The row must exist before reading the members: triggers only bump existing rows.
    await db.write((w) =>
      w.run('INSERT OR IGNORE INTO collection_search_indexes (collection_id) VALUES (?)', [collectionId]),
    );
    const generation =
      (
        await db.get<{ generation: number }>(
          'SELECT generation FROM collection_search_indexes WHERE collection_id = ?',
          [collectionId],
        )
      )?.generation ?? 0;
    const rows = await readCollectionTexts(db, collectionId);
    ctx?.progress(0, rows.length, 'Building the collection index');
    const started = Date.now();
    const key = engineKey(collectionId, generation);
    const inputs: CollectionInput[] = rows.map(({ id, title, body, author, source, lang }) => ({
      id,
      title,
      body,
      author,
      source,
      lang,
    }));
    const data = await engine().build(key, inputs, (done) =>
      ctx?.progress(done, rows.length, 'Building the collection index'),
    );
    const ms = Date.now() - started;
    await db.write(async (w) => {
      await w.run(
        `UPDATE collection_search_indexes SET built_generation = ?, analyzer = ?, article_count = ?, built_at = ?, build_ms = ?
         WHERE collection_id = ?`,
        [generation, fingerprint, rows.length, now().toISOString(), ms, collectionId],
      );
      // Its own table: the row above is bumped by every edit to a member, and must stay small.
      await w.run('INSERT OR REPLACE INTO collection_search_index_data (collection_id, data) VALUES (?, ?)', [
        collectionId,
        Buffer.from(data.buffer, data.byteOffset, data.byteLength),
      ]);
    });
    remember(collectionId, {
      generation,
      key,
      meta: new Map(rows.map((r) => [r.id, { sourceId: r.sourceId, lang: r.lang, iso: r.iso }])),
    });
    ctx?.progress(rows.length, rows.length, 'Collection index ready');
    return infoOf(collectionId, await readIndexRow(collectionId));
  }

  async function runScheduled(): Promise<void> {
    // Only the collections searched: rebuilding every stale one would store whole indexes nobody asked for.
    const ids = [...wanted];
    wanted.clear();
    for (const id of ids) {
      if (closing) return;
      try {
        await buildCollection(id);
      } catch {
        // A collection deleted meanwhile, or shutdown: the next use retries.
      }
    }
  }

  /** Debounced: each request restarts the wait, so a burst of searches costs one rebuild at its end. */
  function schedule(collectionId: number): void {
    wanted.add(collectionId);
    if (closing) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const previous = running ?? Promise.resolve();
      running = previous.then(runScheduled).finally(() => {
        running = null;
      });
    }, REBUILD_DELAY_MS);
    timer.unref();
  }

  async function collectionHits(
    collectionId: number,
    root: PlanNode,
    force: boolean,
  ): Promise<{ hits: PackedHits; meta: Map<number, Meta> } | null> {
    let row = await readIndexRow(collectionId);
    if (!isFresh(row)) {
      if (!force) {
        schedule(collectionId);
        return null;
      }
      await buildCollection(collectionId);
      row = await readIndexRow(collectionId);
      if (!isFresh(row)) return null;
    }
    const plan = await annotatePlan(db, root, collectionId);
    for (let attempt = 0; attempt < 2; attempt++) {
      let entry = loaded.get(collectionId);
      if (!entry || entry.generation !== row.generation || attempt > 0) {
        const blob = await db.get<{ data: Buffer }>(
          'SELECT data FROM collection_search_index_data WHERE collection_id = ?',
          [collectionId],
        );
        if (!blob?.data) return null;
        const key = engineKey(collectionId, row.generation);
        await engine().load(key, blob.data);
        const metaRows = await readCollectionFacets(db, collectionId);
        entry = { generation: row.generation, key, meta: new Map(metaRows.map((m) => [m.id, m])) };
        remember(collectionId, entry);
      }
      const hits = await engine().search(entry.key, plan);
      if (hits) return { hits, meta: entry.meta };
    }
    return null;
  }

  return {
    infoOf,
    buildCollection,
    collectionHits,
    async idle() {
      while (timer || running) {
        if (timer) await new Promise((r) => setTimeout(r, REBUILD_DELAY_MS));
        if (running) await running;
      }
    },
    stop() {
      closing = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
    async close() {
      // Terminating the workers ends a build in progress; it reports as failed and is dropped.
      await engineInstance?.close();
      await running?.catch(() => undefined);
    },
  };
}
