/**
 * One clustering run, from the library's rows to placements: read what
 * needs placing, compute or reuse story signatures, place articles into
 * stories (clusterer.ts). It only reads the database, so it can run in a
 * worker thread on its own read-only connection while the app goes on; the
 * caller writes the result in one transaction (clusterStore.ts).
 */
import type { Row, SqlParams } from '../db/connection';
import {
  clusterRun,
  clusterStories,
  dayNumber,
  type ClusterOptions,
  type Headline,
  type PlacedDoc,
  type Placement,
  type StoryDoc,
  type ThreadAssignment,
} from './clusterer';
import {
  DocFrequencies,
  eventKeys,
  FEATURE_VERSION,
  packFeatures,
  storyFeatures,
  unpackFeatures,
  type StoryFeatures,
} from './features';
import { PackedDocs } from './packedDocs';
import { appMergeOptions, mergeStories } from './storyMerge';
import { packEventKeys, unpackEventKeys } from './templates';

export interface Reader {
  all<T = Row>(sql: string, params?: SqlParams): Promise<T[]>;
  get<T = Row>(sql: string, params?: SqlParams): Promise<T | undefined>;
}

export type ClusterMode = 'full' | 'incremental';

export interface ClusterJobRequest {
  mode: ClusterMode;
  options: ClusterOptions;
}

export interface NewSignature {
  articleId: number;
  contentHash: string;
  title: string;
  publishedIso: string | null;
  day: number;
  terms: Buffer;
  event: Buffer;
}

export interface ClusterJobResult {
  /** The mode actually run: an incremental request becomes full when settings or the signature format changed. */
  mode: ClusterMode;
  placements: Placement[];
  /** Threads this run changed (story keys as in placements). */
  threads: ThreadAssignment[];
  /** The representative article of every story an article joined. */
  headlines: Headline[];
  signatures: NewSignature[];
  df: Buffer;
  /** Articles analysed afresh (the rest reused their cached signature). */
  analysed: number;
  /** Stored articles among `placements` that moved because their story merged into another (not placed afresh). */
  moved: number;
  /**
   * The stored run this one read its stories from (`cluster_state.generation`, 0 before any). An incremental result
   * names stored stories by id, so it may be written only while they are still the stories it read.
   */
  basedOn: number;
}

export type JobProgress = (done: number, total: number | null, label: string) => void;

/** Takes a page of signatures a full run computed, to store them at once instead of with the result. */
export type SignatureHandOver = (page: NewSignature[]) => void;

/** Settings a stored clustering was made with; a change means the stories must be rebuilt. */
export function settingsKey(options: ClusterOptions): string {
  return JSON.stringify({ v: FEATURE_VERSION, ...options, merge: appMergeOptions });
}

interface ArticleRow {
  id: number;
  title: string;
  body: string;
  content_hash: string;
  published_iso: string | null;
  imported_at: string;
  old_terms: Buffer | null;
}

interface SignatureRow {
  article_id: number;
  day: number;
  terms: Buffer;
  event: Buffer | null;
  cluster_id: number | null;
  thread_id: number | null;
}

/** The day an article counts from: its publication date, else the day it was imported. */
function dayOf(publishedIso: string | null, importedAt: string): number {
  return dayNumber(publishedIso ?? importedAt.slice(0, 10));
}

const PAGE = 2000;

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('cancelled');
}

export async function runClusterJob(
  db: Reader,
  request: ClusterJobRequest,
  progress: JobProgress,
  signal?: AbortSignal,
  handOver?: SignatureHandOver,
): Promise<ClusterJobResult> {
  const state = await db.get<{ value: Buffer | string | null }>(
    "SELECT value FROM cluster_state WHERE key = 'settings'",
  );
  const storedSettings = state?.value ? String(state.value) : null;
  const basedOn = await storedGeneration(db);
  const mode: ClusterMode =
    request.mode === 'incremental' && storedSettings === settingsKey(request.options) ? 'incremental' : 'full';

  // Articles whose signature is missing or out of date (text, title or date changed), or every
  // article when the stored signatures were computed by another FEATURE_VERSION.
  const storedVersion = storedSettings ? (JSON.parse(storedSettings) as { v?: number }).v : FEATURE_VERSION;
  const stale =
    storedVersion !== FEATURE_VERSION
      ? '1'
      : `s.article_id IS NULL OR s.event IS NULL OR s.content_hash <> a.content_hash OR s.title <> a.title OR s.published_iso IS NOT a.published_iso`;
  const condition = mode === 'full' ? `(${stale})` : `(${stale} OR m.article_id IS NULL)`;
  const total =
    (
      await db.get<{ n: number }>(
        `SELECT count(*) AS n FROM articles a LEFT JOIN cluster_signatures s ON s.article_id = a.id LEFT JOIN cluster_members m ON m.article_id = a.id WHERE ${condition}`,
      )
    )?.n ?? 0;

  const fresh: StoryDoc[] = [];
  const signatures: NewSignature[] = [];
  const replacedTerms: StoryFeatures[] = [];
  // A full run places every article: they are held packed (in a temporary file but for the signatures it returns),
  // and counted into the document frequencies as read.
  const packed = mode === 'full' ? new PackedDocs(true) : null;
  try {
    const fullDf = new DocFrequencies();
    // Signatures leave a full run page by page when no stored run can be read with them in the meantime: with other
    // settings or another FEATURE_VERSION stored, every run is full until this one is stored. Then a run holds none.
    const handingOver = packed !== null && handOver !== undefined && storedSettings !== settingsKey(request.options);
    // What a placed article counted in the stored document frequencies, to take back before counting it again; a
    // full run counts every article afresh (held to the end, those terms cost 1.2 KB an article).
    const oldTerms = packed ? 'NULL' : 'CASE WHEN m.article_id IS NULL THEN NULL ELSE s.terms END';
    let analysed = 0;
    let lastId = 0;
    progress(0, total, 'analysing articles');
    for (;;) {
      checkCancelled(signal);
      // Paged by id so that only a page of article text is in memory at a time.
      const rows = await db.all<ArticleRow>(
        `SELECT a.id, a.title, a.body, a.content_hash, a.published_iso, a.imported_at,
              ${oldTerms} AS old_terms
         FROM articles a LEFT JOIN cluster_signatures s ON s.article_id = a.id LEFT JOIN cluster_members m ON m.article_id = a.id
        WHERE a.id > ? AND ${condition} ORDER BY a.id LIMIT ${PAGE}`,
        [lastId],
      );
      if (rows.length === 0) break;
      for (const r of rows) {
        const features = storyFeatures(r.title, r.body);
        const event = eventKeys(r.title, r.body);
        const day = dayOf(r.published_iso, r.imported_at);
        let terms = packFeatures(features);
        let eventBytes = packEventKeys(event);
        if (packed) {
          const views = packed.add(r.id, day, terms, eventBytes, !handingOver);
          // Kept to the end, a signature is a view of the store's bytes; handed over, its own bytes (a message
          // copies the whole buffer a view is of).
          if (views) ({ terms, event: eventBytes } = views);
          fullDf.add(features);
        } else fresh.push({ id: r.id, day, features, event });
        signatures.push({
          articleId: r.id,
          contentHash: r.content_hash,
          title: r.title,
          publishedIso: r.published_iso,
          day,
          terms,
          event: eventBytes,
        });
        if (r.old_terms) replacedTerms.push(unpackFeatures(r.old_terms));
        analysed++;
      }
      lastId = rows[rows.length - 1]!.id;
      if (handingOver) handOver(signatures.splice(0));
      progress(analysed, total, 'analysing articles');
    }

    let df: DocFrequencies;
    let placed: PlacedDoc[] = [];
    if (packed) {
      // Every article is placed again; up-to-date signatures are reused, read a page at a time.
      for (let after = 0; ;) {
        checkCancelled(signal);
        const cached = await db.all<SignatureRow>(
          `SELECT s.article_id, s.day, s.terms, s.event, NULL AS cluster_id, NULL AS thread_id FROM cluster_signatures s JOIN articles a ON a.id = s.article_id
          WHERE s.article_id > ? AND NOT (${stale}) ORDER BY s.article_id LIMIT ${PAGE}`,
          [after],
        );
        if (cached.length === 0) break;
        for (const r of cached) {
          // A signature handed over earlier in this run may already be stored, and up to date.
          if (handingOver && analysedBefore(packed, analysed, r.article_id)) continue;
          packed.add(r.article_id, r.day, r.terms, r.event);
          fullDf.add(unpackFeatures(r.terms));
        }
        after = cached[cached.length - 1]!.article_id;
      }
      df = fullDf;
    } else {
      const stored = await db.get<{ value: Buffer | null }>("SELECT value FROM cluster_state WHERE key = 'df'");
      df = DocFrequencies.unpack(stored?.value ?? null);
      for (const old of replacedTerms) df.remove(old);
      for (const d of fresh) df.add(d.features);
      if (fresh.length > 0) {
        let from = Infinity;
        let to = -Infinity;
        for (const d of fresh) {
          from = Math.min(from, d.day);
          to = Math.max(to, d.day);
        }
        // Every member of every story that has a member within reach of the new articles.
        const rows = await db.all<SignatureRow>(
          `SELECT s.article_id, s.day, s.terms, s.event, m.cluster_id, c.thread_id FROM cluster_members m
           JOIN cluster_signatures s ON s.article_id = m.article_id JOIN clusters c ON c.id = m.cluster_id
          WHERE m.cluster_id IN (SELECT m2.cluster_id FROM cluster_members m2 JOIN cluster_signatures s2 ON s2.article_id = m2.article_id
                                  WHERE s2.day BETWEEN ? AND ?)`,
          [from - request.options.windowDays, to + request.options.windowDays],
        );
        const freshIds = new Set(fresh.map((d) => d.id));
        placed = rows
          .filter((r) => !freshIds.has(r.article_id) && r.cluster_id !== null)
          .map((r) => ({
            id: r.article_id,
            day: r.day,
            features: unpackFeatures(r.terms),
            event: unpackEventKeys(r.event),
            cluster: r.cluster_id!,
            thread: r.thread_id,
          }));
      }
    }
    checkCancelled(signal);
    progress(0, packed?.count ?? fresh.length, 'placing articles into stories');
    const placing = (done: number, n: number): void => progress(done, n, 'placing articles into stories');
    const run = packed
      ? await clusterRun(packed, [], df, request.options, placing, signal)
      : await clusterStories(placed, fresh, df, request.options, placing, signal);
    checkCancelled(signal);
    // Stories begun apart are joined after placement when the app merges (appMergeOptions says why not yet); an
    // incremental run only joins stories it touched.
    let joined = run;
    if (appMergeOptions) {
      progress(0, null, 'merging stories');
      if (packed) for (let i = 0; i < packed.count; i++) fresh.push(packed.doc(i));
      joined = mergeStories(placed, fresh, run, df, request.options, appMergeOptions);
      progress(1, 1, 'merging stories');
    }
    const { placements, threads, headlines } = joined;
    const moved = placements.length - run.placements.length;
    return { mode, placements, threads, headlines, signatures, df: df.pack(), analysed, moved, basedOn };
  } finally {
    packed?.close();
  }
}

/** How many clustering runs the library has stored (each save counts one). */
export async function storedGeneration(db: Reader): Promise<number> {
  const row = await db.get<{ value: Buffer | string | null }>(
    "SELECT value FROM cluster_state WHERE key = 'generation'",
  );
  return row?.value ? Number(String(row.value)) : 0;
}

/** Whether `id` is among a run's first `analysed` articles (analysed in id order, so ascending). */
function analysedBefore(packed: PackedDocs, analysed: number, id: number): boolean {
  let lo = 0;
  let hi = analysed;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (packed.id(mid) < id) lo = mid + 1;
    else hi = mid;
  }
  return lo < analysed && packed.id(lo) === id;
}
