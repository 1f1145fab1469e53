/**
 * npm run bench:story-merges — what the merge pass (compare/storyMerge.ts)
 * joins on SaudiNewsNet days (the app's setting unless MIZAN_STORY_MERGE gives
 * other options over it): the stories placement leaves, the stories
 * after merging, and every merged story with the headlines of the stories
 * it joined (largest first), for reading by hand.
 *
 *   node dist/bench/storyMerges.js 2015-07-23 [2015-07-24 ...] > merges.txt
 *   MIZAN_STORY_MERGE='{"threshold":0.175,"minMeanSimilarity":0.03}' node dist/bench/storyMerges.js 2015-07-23
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { clusterStories, dayNumber } from '../main/core/compare/clusterer';
import { appMergeOptions, leadMergeOptions, mergeStories } from '../main/core/compare/storyMerge';
import { parseFile } from '../main/core/importers/registry';
import { storyDocs, type StoryText } from './storyRun';
import { sharedData } from './support';

async function main(): Promise<void> {
  const days = process.argv.slice(2);
  if (days.length === 0) {
    console.error('Name one or more SaudiNewsNet days, e.g. 2015-07-23.');
    process.exit(2);
  }
  const texts: StoryText[] = [];
  const titles = new Map<number, string>();
  const seen = new Set<string>();
  for (const day of days) {
    const path = sharedData('saudinewsnet', `${day}.json.gz`);
    for (const record of parseFile(path, readFileSync(path))) {
      if (!record.ok || seen.has(record.article.contentHash)) continue;
      seen.add(record.article.contentHash);
      const id = texts.length + 1;
      texts.push({ id, title: record.article.title, body: record.article.body, day: dayNumber(day) });
      titles.set(id, record.article.title);
    }
  }
  const { docs, df } = storyDocs(texts);
  const placed = await clusterStories([], docs, df);
  // The app's setting, or the lead setting when the app runs no merge pass; MIZAN_STORY_MERGE overrides either.
  const base = appMergeOptions ?? leadMergeOptions;
  const merge = { ...base, ...(JSON.parse(process.env.MIZAN_STORY_MERGE ?? '{}') as object) };
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const merged = mergeStories([], docs, placed, df, undefined, merge);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const before = new Map(placed.placements.map((p) => [p.id, p.cluster]));
  // Each merged story: the stories it joined, each with its members.
  const parts = new Map<number, Map<number, number[]>>();
  for (const p of merged.placements) {
    const joined = parts.get(p.cluster) ?? new Map<number, number[]>();
    const was = before.get(p.id)!;
    joined.set(was, [...(joined.get(was) ?? []), p.id]);
    parts.set(p.cluster, joined);
  }
  const groups = [...parts.values()].filter((g) => g.size > 1).sort((a, b) => b.size - a.size);
  const out: string[] = [
    `${texts.length} articles of ${days.join(', ')}; merge ${JSON.stringify(merge)}`,
    `stories after placement ${new Set(before.values()).size}, after merging ${parts.size}; ${groups.length} merged stories; merge pass ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU (load ${os.loadavg()[0]!.toFixed(1)})`,
  ];
  for (const g of groups) {
    out.push('', `== ${g.size} stories, ${[...g.values()].flat().length} articles`);
    for (const ids of g.values()) out.push(`  - ${ids.map((id) => titles.get(id)).join(' | ')}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
