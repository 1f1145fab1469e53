/**
 * npm run bench:stories — how well stories match a public, labelled set of
 * same-event news: B-cubed precision, recall and F1 of Mizan's clustering
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
 * templates are looked for in titles; without it the text is all body.
 * All items are of one day, so the date window plays no part here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { defaultClusterOptions } from '../main/core/compare/clusterer';
import { bcubed, mizanStories, singleLinkStories, storyDocs, type StoryText } from './storyRun';
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

async function main(): Promise<void> {
  const path = process.env.MIZAN_STORY_DATA;
  if (!path || !existsSync(path)) {
    console.error('Set MIZAN_STORY_DATA to the GoogleNews-TS file (github jackyin12/GSDMM, data/TS).');
    process.exit(2);
  }
  const items = readLines(path);
  const titlesPath = process.env.MIZAN_STORY_TITLES;
  const titles = titlesPath && existsSync(titlesPath) ? readLines(titlesPath) : null;
  const texts: StoryText[] = items.map((item, i) => {
    const title = titles?.[i]?.text ?? '';
    const body = title && item.text.startsWith(title) ? item.text.slice(title.length).trim() : item.text;
    return { id: i + 1, title: body === item.text ? '' : title, body, day: 16_036 };
  });
  const gold = new Map(items.map((item, i) => [i + 1, item.cluster]));
  const t0 = process.hrtime.bigint();
  const { docs, df } = storyDocs(texts);
  const thresholds = (process.env.MIZAN_STORY_THRESHOLDS ?? String(defaultClusterOptions.threshold))
    .split(',')
    .map(Number);
  const rows: Array<[string, string]> = [
    ['data', `${items.length} items, ${new Set(gold.values()).size} gold stories${titles ? ', titles split off' : ''}`],
  ];
  const fmt = (s: { precision: number; recall: number; f1: number }, n: number): string =>
    `P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  (${n} clusters)`;
  for (const threshold of thresholds) {
    const result = await mizanStories(docs, df, { threshold });
    const mizan = new Map(result.placements.map((p) => [p.id, p.cluster]));
    rows.push([`Mizan, threshold ${threshold}`, fmt(bcubed(mizan, gold), new Set(mizan.values()).size)]);
    const baseline = singleLinkStories(docs, df, threshold);
    rows.push([
      `TF-IDF single link, threshold ${threshold}`,
      fmt(bcubed(baseline, gold), new Set(baseline.values()).size),
    ]);
  }
  rows.push(['time', `${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s`]);
  printTable('bench:stories — B-cubed on GoogleNews-TS (Yin & Wang 2014)', rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
