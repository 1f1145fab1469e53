/**
 * npm run bench:stories-top — the 50 largest stories of all of SaudiNewsNet
 * (read through the importers, as the library stores it, then clustered by
 * the core's placement), each with its outlets, its title (the medoid's
 * headline) and every article's outlet, headline and lead, for reading by
 * hand; then the largest threads (developing stories) with their stories.
 * Exact duplicates (same text) are counted once, as the import stores them.
 *
 *   node dist/bench/storiesTop.js [N] > stories.txt
 *
 * The merge pass runs as the app runs it; MIZAN_STORY_MERGE='{"threshold":0.5}' runs it with other settings
 * (over the defaults), MIZAN_STORY_MERGE=none leaves it out.
 */
import { dayNumber } from '../main/core/compare/clusterer';
import { defaultMergeOptions } from '../main/core/compare/storyMerge';
import { mizanStories, saudiArticles, storyDocs, type StoryText } from './storyRun';

interface Shown {
  source: string;
  title: string;
  lead: string;
  day: string;
}

async function main(): Promise<void> {
  const limit = Number(process.argv[2] ?? 50);
  const texts: StoryText[] = [];
  const shown = new Map<number, Shown>();
  for (const { article: a, file } of saudiArticles()) {
    const day = a.published?.iso ?? file.slice(0, 10);
    const id = texts.length + 1;
    texts.push({ id, title: a.title, body: a.body, day: dayNumber(day) });
    shown.set(id, {
      source: a.source ?? '?',
      title: a.title,
      lead: a.body.replace(/\s+/gu, ' ').trim().slice(0, 160),
      day: day.slice(0, 10),
    });
  }
  const t0 = process.hrtime.bigint();
  const { docs, df } = storyDocs(texts);
  // MIZAN_STORY_OPTIONS='{"threshold":0.45}' tries other settings.
  const mergeSetting = process.env.MIZAN_STORY_MERGE;
  const merge =
    mergeSetting === undefined
      ? undefined
      : mergeSetting === 'none'
        ? null
        : { ...defaultMergeOptions, ...(JSON.parse(mergeSetting) as object) };
  const result = await mizanStories(docs, df, JSON.parse(process.env.MIZAN_STORY_OPTIONS ?? '{}') as object, merge);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const members = new Map<number, number[]>();
  for (const p of result.placements) members.set(p.cluster, [...(members.get(p.cluster) ?? []), p.id]);
  const headline = new Map(result.headlines.map((h) => [h.cluster, h.articleId]));
  const thread = new Map(result.threads.map((t) => [t.cluster, t.thread]));
  const outletsOf = (ids: number[]): string[] => [...new Set(ids.map((id) => shown.get(id)!.source))].sort();
  const stories = [...members].filter(([, ids]) => ids.length >= 2);
  stories.sort(([, a], [, b]) => b.length - a.length || outletsOf(b).length - outletsOf(a).length);
  const out: string[] = [
    `${texts.length} articles, ${stories.length} stories of 2+ articles, clustered in ${seconds.toFixed(1)} s`,
  ];
  stories.slice(0, limit).forEach(([cluster, ids], rank) => {
    const outlets = outletsOf(ids);
    const title = shown.get(headline.get(cluster) ?? ids[0]!)!.title;
    const th = thread.get(cluster);
    out.push(
      '',
      `#${rank + 1} story ${cluster}: ${ids.length} articles, ${outlets.length} outlets${th != null ? `, thread ${th}` : ''}`,
      `  title: ${title}`,
      `  outlets: ${outlets.join(', ')}`,
    );
    for (const id of ids) {
      const a = shown.get(id)!;
      out.push(`  - ${a.day} ${a.source} | ${a.title} | ${a.lead}`);
    }
  });
  const threads = new Map<number, number[]>();
  for (const [cluster, t] of thread) if (t !== null) threads.set(t, [...(threads.get(t) ?? []), cluster]);
  const bigThreads = [...threads.values()].sort((a, b) => b.length - a.length).slice(0, 10);
  out.push('', `threads: ${threads.size}; the ${bigThreads.length} with the most stories:`);
  for (const list of bigThreads) {
    out.push(`  thread of ${list.length} stories:`);
    for (const c of list.slice(0, 12)) {
      const ids = members.get(c) ?? [];
      const a = shown.get(headline.get(c) ?? ids[0]!)!;
      out.push(`    ${a.day} (${ids.length}) ${a.title}`);
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
