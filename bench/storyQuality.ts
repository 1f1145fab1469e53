/**
 * npm run bench:stories — how well stories match public, labelled sets of
 * same-story news: B-cubed precision, recall and F1 of Mizan's clustering
 * beside a plain TF-IDF single-link baseline, in the same run.
 *
 * Data: the GoogleNews-TS set of Yin & Wang (KDD 2014, "A Dirichlet
 * Multinomial Mixture Model-based Approach for Short Text Clustering";
 * github jackyin12/GSDMM, data/TS and data/T): 11,109 English news items
 * (title + snippet, lower-cased, stop words removed by its authors) in 152
 * Google News story clusters of 2013-11-27. Each line is
 * {"text": ..., "cluster": N}. The files stay outside the repository:
 *
 *   MIZAN_STORY_DATA=/path/to/TS [MIZAN_STORY_TITLES=/path/to/T] npm run bench:stories
 *
 * With the titles file (same order), the title is split off the text, so
 * templates are looked for in titles; without it the text is all body
 * (data/S, the snippets; data/T given as both is titles only).
 * All items are of one day, so the date window plays no part here.
 *
 * Each row gives the stories and the threads (the looser level) of
 * placement alone, then of placement and the merge pass at each setting
 * of MIZAN_STORY_MERGE (centroid/mean pairs, "0.5/0.3,0.175/0.03"; the
 * app's by default); MIZAN_STORY_THRESHOLDS sets placement's join
 * threshold. MIZAN_STORY_SPLIT=dev|test keeps the stories of even or odd
 * number only: settings are chosen on dev and reported on test.
 *
 * ECB+ (bench/ecbPlus.ts; Cybulska & Vossen, LREC 2014, CC BY 3.0) is scored
 * the same way, gold stories being its subtopics (one event each; the two
 * subtopics of a topic are similar events): MIZAN_ECB=<ecbplus.jsonl from
 * node dist/bench/ecbExtract.js> or MIZAN_ECB_MIRROR=<git mirror holding
 * ECB+_LREC2014>. Its split: dev the odd topics, test the even ones. ECB+
 * has no usable dates, so all its articles are given one day (one window).
 * BASIL (bench/basil.ts: 100 events, each told by three US outlets) is scored with MIZAN_BASIL=<folder holding its
 * articles/>, whole and with its real dates, as an independent check: settings are never chosen on it.
 * MIZAN_STORY_BASELINE lists the single-link thresholds (placement's by default).
 * The other merge options are the app's (its lead test among them) with MIZAN_STORY_MERGE_OPTIONS over them (JSON,
 * '{"minLeadSimilarity":0}' for none).
 * A third number in a merge setting ("0.2/0.05/0.3") also asks the learned pair score (storyPairScore.ts), averaged
 * over the two stories' member pairs, to reach that level.
 */
import { existsSync, readFileSync } from 'node:fs';
import { defaultClusterOptions } from '../main/core/compare/clusterer';
import { appMergeOptions, leadMergeOptions, type MergeOptions } from '../main/core/compare/storyMerge';
import { readBasil } from './basil';
import { readEcbLines, readEcbMirror } from './ecbPlus';
import { learnedStoryScore, PAIR_WEIGHTS } from './storyPairScore';
import { bcubed, mizanStories, singleLinkStories, storiesAndThreads, storyDocs, type StoryText } from './storyRun';
import { printTable } from './support';

interface Line {
  text: string;
  cluster: number;
}

function readLines(path: string): Line[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Line);
}

/** Which half of the gold stories to run on: tuning reads `dev` (even story numbers) only, figures are given on `test`. */
function inSplit(cluster: number, split: string): boolean {
  if (split === 'dev') return cluster % 2 === 0;
  if (split === 'test') return cluster % 2 === 1;
  return true;
}

interface LabelledSet {
  name: string;
  texts: StoryText[];
  gold: Map<number, string | number>;
  note: string;
}

/** GoogleNews-TS, the stories of the split's half. */
function googleNews(path: string, split: string): LabelledSet {
  const all = readLines(path);
  const titlesPath = process.env.MIZAN_STORY_TITLES;
  const allTitles = titlesPath && existsSync(titlesPath) ? readLines(titlesPath) : null;
  const keep = all.map((item) => inSplit(item.cluster, split));
  const items = all.filter((_, i) => keep[i]);
  const titles = allTitles?.filter((_, i) => keep[i]) ?? null;
  const texts: StoryText[] = items.map((item, i) => {
    const title = titles?.[i]?.text ?? '';
    const body = title && item.text.startsWith(title) ? item.text.slice(title.length).trim() : item.text;
    return { id: i + 1, title: body === item.text ? '' : title, body, day: 16_036 };
  });
  const gold = new Map<number, string | number>(items.map((item, i) => [i + 1, item.cluster]));
  const note = `${items.length} items, ${new Set(gold.values()).size} gold stories${titles ? ', titles split off' : ''}`;
  return { name: 'GoogleNews-TS (Yin & Wang 2014)', texts, gold, note };
}

/**
 * ECB+, the topics of the split's half: dev the odd topics, test the even ones. Gold stories are the subtopics (one
 * event each). The corpus has no dates that the clusterer could use (its articles are of many years, ECB's and ECB+'s
 * twin events years apart): every article is given one day, so only words and the event criterion separate them.
 */
function ecbPlus(split: string): LabelledSet | null {
  const lines = process.env.MIZAN_ECB;
  const mirror = process.env.MIZAN_ECB_MIRROR;
  const all = lines && existsSync(lines) ? readEcbLines(lines) : mirror ? readEcbMirror(mirror) : null;
  if (!all) return null;
  const docs = all.filter((d) => split === 'all' || (d.topic % 2 === 1) === (split === 'dev'));
  const texts = docs.map((d, i) => ({ id: i + 1, title: d.title, body: d.body, day: 16_036 }));
  const gold = new Map<number, string | number>(docs.map((d, i) => [i + 1, d.subtopic]));
  const topics = new Set(docs.map((d) => d.topic)).size;
  const note = `${docs.length} articles, ${topics} topics, ${new Set(gold.values()).size} subtopics (gold events), one day`;
  return { name: 'ECB+ (Cybulska & Vossen 2014)', texts, gold, note };
}

/** BASIL, all of it (it is never tuned on, so it has no split), with the articles' own dates. */
function basil(): LabelledSet | null {
  const folder = process.env.MIZAN_BASIL;
  if (!folder || !existsSync(folder)) return null;
  const all = readBasil(folder);
  const texts = all.map((a, i) => ({ id: i + 1, title: a.title, body: a.body, day: a.day }));
  const gold = new Map<number, string | number>(all.map((a, i) => [i + 1, a.event]));
  const note = `${all.length} articles, ${new Set(gold.values()).size} events (three outlets each), real dates`;
  return { name: 'BASIL (Fan et al. 2019)', texts, gold, note };
}

async function score(set: LabelledSet, split: string): Promise<void> {
  const { texts, gold } = set;
  const t0 = process.hrtime.bigint();
  const { docs, df } = storyDocs(texts);
  const list = (value: string | undefined, fallback: number): number[] =>
    (value ?? String(fallback)).split(',').map(Number);
  const thresholds = list(process.env.MIZAN_STORY_THRESHOLDS, defaultClusterOptions.threshold);
  // Merge settings as centroid/mean pairs ("0.4/0.2"); the app's (or the lead setting while the app merges nothing) unless given.
  const app = appMergeOptions ?? leadMergeOptions;
  const merges = (process.env.MIZAN_STORY_MERGE ?? `${app.threshold}/${app.minMeanSimilarity}`)
    .split(',')
    .map((m) => m.split('/').map(Number) as [number, number?, number?]);
  // A third number ("0.1/0/0.5") merges by the learned pair score at that level (storyPairScore.ts), with its weights or
  // MIZAN_PAIR_WEIGHTS' (a JSON list).
  const weights = process.env.MIZAN_PAIR_WEIGHTS
    ? (JSON.parse(process.env.MIZAN_PAIR_WEIGHTS) as number[])
    : PAIR_WEIGHTS;
  const storyScore = merges.some((m) => m[2] !== undefined) ? learnedStoryScore(texts, docs, df, weights) : null;
  const rows: Array<[string, string]> = [['data', `${set.note}, split ${split}`]];
  const fmt = (predicted: Map<number, number>): string => {
    const s = bcubed(predicted, gold);
    const n = new Set(predicted.values()).size;
    return `P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  (${n} clusters)`;
  };
  for (const threshold of thresholds) {
    const placed = storiesAndThreads(await mizanStories(docs, df, { threshold }, null));
    rows.push([`Mizan placement only, ${threshold}`, fmt(placed.stories)]);
    rows.push([`  its threads`, fmt(placed.threads)]);
    for (const [centroid, mean = app.minMeanSimilarity, pair] of merges) {
      const learned = pair === undefined ? {} : { storyScore, minStoryScore: pair };
      const extra = JSON.parse(process.env.MIZAN_STORY_MERGE_OPTIONS ?? '{}') as Partial<MergeOptions>;
      const merge = { ...app, ...extra, threshold: centroid, minMeanSimilarity: mean, ...learned };
      const lead = merge.minLeadSimilarity > 0 ? `, lead ${merge.minLeadSimilarity}` : '';
      const merged = storiesAndThreads(await mizanStories(docs, df, { threshold }, merge));
      const isApp =
        appMergeOptions !== null &&
        centroid === app.threshold &&
        mean === app.minMeanSimilarity &&
        pair === undefined &&
        (extra.minLeadSimilarity ?? app.minLeadSimilarity) === app.minLeadSimilarity;
      const name = `${centroid}/${mean}${lead}${pair === undefined ? '' : `, pair score ${pair}`}`;
      rows.push([`Mizan, ${threshold}, merge ${name}${isApp ? ' (app)' : ''}`, fmt(merged.stories)]);
      rows.push([`  its threads`, fmt(merged.threads)]);
    }
  }
  for (const threshold of list(process.env.MIZAN_STORY_BASELINE, defaultClusterOptions.threshold)) {
    rows.push([`TF-IDF single link, ${threshold}`, fmt(singleLinkStories(docs, df, threshold))]);
  }
  rows.push(['time', `${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s`]);
  printTable(`bench:stories — B-cubed on ${set.name}`, rows);
}

async function main(): Promise<void> {
  const split = process.env.MIZAN_STORY_SPLIT ?? 'all';
  const path = process.env.MIZAN_STORY_DATA;
  const sets = [path && existsSync(path) ? googleNews(path, split) : null, ecbPlus(split), basil()].filter(
    (s): s is LabelledSet => s !== null,
  );
  if (sets.length === 0) {
    console.error(
      'Set MIZAN_STORY_DATA to the GoogleNews-TS file (github jackyin12/GSDMM, data/TS) and/or MIZAN_ECB to ECB+ ' +
        '(ecbplus.jsonl from node dist/bench/ecbExtract.js) or MIZAN_ECB_MIRROR to a git mirror holding ECB+_LREC2014, ' +
        'and/or MIZAN_BASIL to a folder holding BASIL articles/.',
    );
    process.exit(2);
  }
  for (const set of sets) await score(set, set.name.startsWith('BASIL') ? 'all' : split);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
