/**
 * Story clustering of texts held in memory, for the story benchmarks: the
 * core's own signature, event keys and placement (clusterer.ts), and a plain
 * TF-IDF single-link baseline over the same signatures, plus B-cubed scores.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../main/core/importers/registry';
import type { ParsedArticle } from '../main/core/importers/types';
import { sharedData } from './support';
import {
  clusterStories,
  defaultClusterOptions,
  storyVectors,
  type ClusterOptions,
  type ClusterResult,
  type StoryDoc,
} from '../main/core/compare/clusterer';
import { DocFrequencies, eventKeys, storyFeatures } from '../main/core/compare/features';
import { appMergeOptions, defaultMergeOptions, mergeStories, type MergeOptions } from '../main/core/compare/storyMerge';

export interface StoryText {
  id: number;
  title: string;
  body: string;
  /** Days since 1970-01-01. */
  day: number;
}

/**
 * Every SaudiNewsNet article once, read through the importers as the library stores it (an exact duplicate, same
 * text, is skipped as the import skips it), in file order, with the day file it came from.
 */
export function* saudiArticles(): Generator<{ article: ParsedArticle; file: string }> {
  const folder = sharedData('saudinewsnet');
  const seen = new Set<string>();
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith('.json.gz'))
    .sort()) {
    const path = join(folder, file);
    for (const record of parseFile(path, readFileSync(path))) {
      if (!record.ok || seen.has(record.article.contentHash)) continue;
      seen.add(record.article.contentHash);
      yield { article: record.article, file };
    }
  }
}

export function storyDocs(texts: readonly StoryText[]): { docs: StoryDoc[]; df: DocFrequencies } {
  const df = new DocFrequencies();
  const docs = texts.map((t) => {
    const features = storyFeatures(t.title, t.body);
    df.add(features);
    return { id: t.id, day: t.day, features, event: eventKeys(t.title, t.body) };
  });
  return { docs, df };
}

/** Placement, then the merge pass unless `merge` is null (as a full run of the app does). */
export async function mizanStories(
  docs: readonly StoryDoc[],
  df: DocFrequencies,
  options: Partial<ClusterOptions> = {},
  merge: Partial<MergeOptions> | null = appMergeOptions,
): Promise<ClusterResult> {
  const full = { ...defaultClusterOptions, ...options };
  const placed = await clusterStories([], docs, df, full);
  return merge === null ? placed : mergeStories([], docs, placed, df, full, { ...defaultMergeOptions, ...merge });
}

/** Each article's story, and each article's thread (its story's thread, or the story itself when alone). */
export function storiesAndThreads(result: ClusterResult): {
  stories: Map<number, number>;
  threads: Map<number, number>;
} {
  const threadOf = new Map(result.threads.map((t) => [t.cluster, t.thread ?? t.cluster]));
  const stories = new Map(result.placements.map((p) => [p.id, p.cluster]));
  const threads = new Map(result.placements.map((p) => [p.id, threadOf.get(p.cluster) ?? p.cluster]));
  return { stories, threads };
}

/**
 * The textbook baseline: TF-IDF cosine over the same signatures, weighted as
 * the clusterer weighs them (storyVectors), and two articles at most
 * `windowDays` apart whose cosine reaches `threshold` are in one story
 * (connected components: single link). Returns a story key per article.
 */
export function singleLinkStories(
  docs: readonly StoryDoc[],
  df: DocFrequencies,
  threshold: number,
  windowDays = defaultClusterOptions.windowDays,
): Map<number, number> {
  const { vectors } = storyVectors(docs, df, defaultClusterOptions);
  const postings = new Map<number, Array<[number, number]>>();
  vectors.forEach((v, i) => {
    for (let k = 0; k < v.slots.length; k++) {
      const list = postings.get(v.slots[k]!) ?? [];
      list.push([i, v.weights[k]!]);
      postings.set(v.slots[k]!, list);
    }
  });
  const parent = docs.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  const acc = new Float64Array(docs.length);
  for (let i = 0; i < docs.length; i++) {
    const touched: number[] = [];
    const v = vectors[i]!;
    for (let k = 0; k < v.slots.length; k++) {
      const w = v.weights[k]!;
      for (const [j, wj] of postings.get(v.slots[k]!)!) {
        if (j <= i || Math.abs(docs[j]!.day - docs[i]!.day) > windowDays) continue;
        if (acc[j] === 0) touched.push(j);
        acc[j]! += w * wj;
      }
    }
    for (const j of touched) {
      if (acc[j]! >= threshold) parent[find(i)] = find(j);
      acc[j] = 0;
    }
  }
  return new Map(docs.map((d, i) => [d.id, find(i)]));
}

export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
}

/** B-cubed precision, recall and F1 (Bagga & Baldwin 1998; Amigó et al. 2009) of a clustering against gold labels. */
export function bcubed(predicted: ReadonlyMap<number, number>, gold: ReadonlyMap<number, string | number>): BCubed {
  const inPred = new Map<number, number>();
  const inGold = new Map<string | number, number>();
  const both = new Map<string, number>();
  for (const [id, g] of gold) {
    const p = predicted.get(id)!;
    inPred.set(p, (inPred.get(p) ?? 0) + 1);
    inGold.set(g, (inGold.get(g) ?? 0) + 1);
    const k = `${p}\u0000${g}`;
    both.set(k, (both.get(k) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (const [id, g] of gold) {
    const p = predicted.get(id)!;
    const shared = both.get(`${p}\u0000${g}`)!;
    precision += shared / inPred.get(p)!;
    recall += shared / inGold.get(g)!;
  }
  precision /= gold.size;
  recall /= gold.size;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}
