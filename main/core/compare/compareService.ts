/**
 * The compare.* contract methods: story clusters (stored, computed in a
 * worker), comparisons of chosen articles (computed on demand), and saved
 * comparisons for dossiers. Built once in createServices.
 */
import {
  MizanError,
  type AlignSettings,
  type ClusterSettings,
  type ComparedArticle,
  type Handlers,
  type MethodName,
  type SavedComparison,
  type StoryCluster,
} from '../../../preload/contract';
import type { Database } from '../db/connection';
import { defaultAlignOptions, type AlignOptions } from './align';
import { defaultClusterOptions, type ClusterOptions } from './clusterer';
import { runClustering } from './clusterRunner';
import {
  countUnclustered,
  getCluster,
  lastClusterRun,
  listClusters,
  saveClusterRun,
  storedClusterOptions,
  type StoryClusterRow,
} from './clusterStore';
import { createComparer, type Comparer } from './comparisonRunner';
import * as saved from './comparisonStore';

type CompareMethod = Extract<MethodName, `compare.${string}`>;

export interface CompareDeps {
  db: Database;
  now: () => Date;
}

function toStoryCluster(c: StoryClusterRow): StoryCluster {
  return {
    id: c.id,
    size: c.size,
    outletCount: c.outletCount,
    outlets: c.outlets,
    score: c.score,
    dateRange: { from: c.dateFrom, to: c.dateTo },
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

interface ArticleRow {
  id: number;
  title: string;
  body: string;
  source: string | null;
  published_original: string | null;
  published_iso: string | null;
  published_precision: 'day' | 'month' | 'year' | null;
  lang: string;
  dir: 'rtl' | 'ltr';
  url: string | null;
}

/** The articles, in the order asked for; NOT_FOUND names the first missing one. */
async function loadArticles(db: Database, ids: readonly number[]): Promise<ComparedArticle[]> {
  const rows = await db.all<ArticleRow>(
    `SELECT a.id, a.title, a.body, s.name AS source, a.published_original, a.published_iso, a.published_precision, a.lang, a.dir, a.url
       FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(ids)],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const r = byId.get(id);
    if (!r) throw new MizanError('NOT_FOUND', `no article with id ${id}`);
    return {
      id: r.id,
      title: r.title,
      source: r.source,
      publishedAt: { original: r.published_original, iso: r.published_iso, precision: r.published_precision },
      lang: r.lang,
      dir: r.dir,
      url: r.url,
      body: r.body,
    };
  });
}

/** A date the relative words of an article ("اليوم", "Thursday") resolve against. */
export function referenceOf(a: Pick<ComparedArticle, 'publishedAt'>): string | undefined {
  return a.publishedAt.precision === 'day' && a.publishedAt.iso ? a.publishedAt.iso : undefined;
}

export function alignOptions(settings: AlignSettings | undefined): AlignOptions {
  return {
    ...defaultAlignOptions,
    ...(settings?.matchThreshold !== undefined ? { matchThreshold: settings.matchThreshold } : {}),
    ...(settings?.movedThreshold !== undefined ? { movedThreshold: settings.movedThreshold } : {}),
  };
}

export function compareHandlers(deps: CompareDeps): Pick<Handlers, CompareMethod> {
  const { db } = deps;
  const stamp = (): string => deps.now().toISOString();
  let comparer: Comparer | null = null;
  const compareArticles = (
    articles: readonly ComparedArticle[],
    settings: AlignSettings | undefined,
  ): ReturnType<Comparer['compare']> => {
    comparer ??= createComparer();
    return comparer.compare(
      articles.map((a) => ({ text: a.body, reference: referenceOf(a), title: a.title, lang: a.lang })),
      alignOptions(settings),
    );
  };

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
      const started = process.hrtime.bigint();
      const result = await runClustering(
        db,
        { mode: input.mode, options },
        (done, total, label) => ctx.progress(done, total, label),
        ctx.signal,
      );
      if (ctx.signal.aborted) throw new MizanError('CANCELLED', 'clustering was cancelled');
      return db.write((w) =>
        saveClusterRun(w, result, options, stamp(), Number(process.hrtime.bigint() - started) / 1e9),
      );
    },
    'compare.articles': async ({ articleIds, settings }) => {
      const articles = await loadArticles(db, articleIds);
      const c = await compareArticles(articles, settings);
      return { articles, ...c.alignment, facts: c.facts, entities: c.entities, conflicts: c.conflicts };
    },
    'compare.align': async ({ articleIds, settings }) => {
      const articles = await loadArticles(db, articleIds);
      const c = await compareArticles(articles, settings);
      return { articles, ...c.alignment };
    },
    'compare.facts': async ({ articleIds }) => {
      const articles = await loadArticles(db, [...new Set(articleIds)]);
      const c = await compareArticles(articles, undefined);
      return { articles, facts: c.facts, entities: c.entities, conflicts: c.conflicts };
    },
    'compare.saveComparison': async (input): Promise<SavedComparison> => {
      const articles = await loadArticles(db, input.articleIds);
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
