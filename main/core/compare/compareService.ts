/**
 * The compare.* contract methods: story clusters (stored, computed in a
 * worker), comparisons of chosen articles (computed on demand), and saved
 * comparisons for dossiers. Built once in createServices.
 */
import { MizanError } from '../../../preload/contract/errors';
import type { ClusterSettings, SavedComparison, StoryCluster } from '../../../preload/contract/compare';
import type { Handlers, MethodName } from '../../../preload/contract';
import type { Database } from '../db/connection';
import { readComparedArticles } from '../library/articleReader';
import { defaultClusterOptions, type ClusterOptions } from './clusterer';
import { runClustering } from './clusterRunner';
import {
  countUnclustered,
  getCluster,
  lastClusterRun,
  listClusters,
  saveClusterRun,
  storedClusterOptions,
  writeSignatures,
  type StoryClusterRow,
} from './clusterStore';
import type { NewSignature } from './clusterJob';
import type { Comparer } from './comparisonRunner';
import * as saved from './comparisonStore';

/** Times an incremental run is computed again when another run stored its stories meanwhile. */
const STALE_RETRIES = 3;

export type CompareMethod = Extract<MethodName, `compare.${string}`>;

export interface CompareDeps {
  db: Database;
  now: () => Date;
  /** The one comparer (comparisonRunner.ts), shared with the dossier export. */
  comparer: Comparer;
}

function toStoryCluster(c: StoryClusterRow): StoryCluster {
  return {
    id: c.id,
    size: c.size,
    outletCount: c.outletCount,
    outlets: c.outlets,
    score: c.score,
    dateRange: { from: c.dateFrom, to: c.dateTo },
    title: c.title,
    thread: c.thread,
    articles: c.articles.map((a) => ({
      id: a.id,
      title: a.title,
      source: a.source,
      sourceId: a.sourceId,
      publishedAt: { original: a.publishedOriginal, iso: a.publishedIso, precision: a.publishedPrecision },
      lang: a.lang,
      dir: a.dir,
      url: a.url,
      similarity: a.similarity,
    })),
  };
}

export function compareHandlers(deps: CompareDeps): Pick<Handlers, CompareMethod> {
  const { db, comparer } = deps;
  const stamp = (): string => deps.now().toISOString();
  const currentSettings = async (): Promise<ClusterOptions> => ({
    ...defaultClusterOptions,
    ...(await storedClusterOptions(db)),
  });
  const publicSettings = (o: ClusterOptions): ClusterSettings => ({ threshold: o.threshold, windowDays: o.windowDays });

  return {
    'compare.clusters': async (input) => {
      const page = await listClusters(db, input);
      return {
        total: page.total,
        offset: input.offset,
        items: page.items.map(toStoryCluster),
        unclustered: await countUnclustered(db),
        settings: publicSettings(await currentSettings()),
        lastRun: await lastClusterRun(db),
      };
    },
    'compare.getCluster': async (input) => {
      const c = await getCluster(db, input);
      return c ? toStoryCluster(c) : null;
    },
    'compare.cluster': async (input, ctx) => {
      const options: ClusterOptions = { ...(await currentSettings()) };
      if (input.settings?.threshold !== undefined) options.threshold = input.settings.threshold;
      if (input.settings?.windowDays !== undefined) options.windowDays = input.settings.windowDays;
      // Another run (the one after an import, or a rebuild) may store its stories while this one computes: an
      // incremental result is then stale and is computed again from the stories as they now are.
      for (let attempt = 0; attempt < STALE_RETRIES; attempt++) {
        const started = process.hrtime.bigint();
        // A full run may hand its signatures over as it computes them, so that neither thread holds them all.
        let writing = Promise.resolve();
        const handOver = (page: NewSignature[]): void => {
          writing = writing.then(() => db.write((w) => writeSignatures(w, page)));
        };
        const result = await runClustering(
          db,
          { mode: input.mode, options },
          (done, total, label) => ctx.progress(done, total, label),
          ctx.signal,
          handOver,
        ).catch(async (error: unknown) => {
          await writing.catch(() => undefined);
          throw error;
        });
        await writing;
        if (ctx.signal.aborted) throw new MizanError('CANCELLED', 'clustering was cancelled');
        const info = await db.write((w) =>
          saveClusterRun(w, result, options, stamp(), Number(process.hrtime.bigint() - started) / 1e9),
        );
        if (info) return info;
      }
      throw new MizanError('CONFLICT', 'stories kept changing while they were placed; run it again');
    },
    'compare.articles': async ({ articleIds, settings }) => {
      const articles = await readComparedArticles(db, articleIds);
      const c = await comparer.compare(articles, settings);
      return { articles, ...c.alignment, facts: c.facts, entities: c.entities, conflicts: c.conflicts };
    },
    'compare.align': async ({ articleIds, settings }) => {
      const articles = await readComparedArticles(db, articleIds);
      const c = await comparer.compare(articles, settings);
      return { articles, ...c.alignment };
    },
    'compare.facts': async ({ articleIds }) => {
      const articles = await readComparedArticles(db, [...new Set(articleIds)]);
      const c = await comparer.compare(articles, undefined);
      return { articles, facts: c.facts, entities: c.entities, conflicts: c.conflicts };
    },
    'compare.saveComparison': async (input): Promise<SavedComparison> => {
      const articles = await readComparedArticles(db, input.articleIds);
      const title = input.title ?? saved.defaultTitle(articles.map((a) => a.title));
      // Read back on the writer: the reader may still hold a snapshot from before this commit.
      return db.write(async (w) => {
        const id = await saved.saveComparison(
          w,
          { id: input.id, title, articleIds: input.articleIds, settings: input.settings ?? {} },
          stamp(),
        );
        return saved.getComparison(w, id);
      });
    },
    'compare.listComparisons': async () => saved.listComparisons(db),
    'compare.getComparison': async ({ id }) => saved.getComparison(db, id),
    'compare.deleteComparison': async ({ id }) => {
      await db.write((w) => saved.deleteComparison(w, id));
      return { ok: true };
    },
  };
}
