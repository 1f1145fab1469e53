/**
 * A merge pass's result written back: absorbed stories' articles moved into
 * their survivors, headlines recomputed for the survivors, and threads of
 * merged stories joined (storyMerge.ts decides what merges; this only moves).
 */
import type { ClusterResult, Headline, PlacedDoc, Placement, StoryDoc, ThreadAssignment, Vector } from './clusterer';
import { headlinesOf } from './threads';

/** The run's result with absorbed stories moved into their survivors. */
export function remapResult(
  placed: readonly PlacedDoc[],
  fresh: readonly StoryDoc[],
  result: ClusterResult,
  absorbedInto: ReadonlyMap<number, number>,
  mergeScore: ReadonlyMap<number, number>,
  vectors: readonly Vector[],
  docs: readonly StoryDoc[],
): ClusterResult {
  const survivor = (key: number): number => {
    let k = key;
    while (absorbedInto.has(k)) k = absorbedInto.get(k)!;
    return k;
  };
  const placements: Placement[] = [];
  for (const d of placed) {
    if (!absorbedInto.has(d.cluster)) continue;
    placements.push({ id: d.id, cluster: survivor(d.cluster), similarity: mergeScore.get(d.cluster)! });
  }
  for (const p of result.placements) {
    const cluster = survivor(p.cluster);
    // The article that founded an absorbed story joined the survivor with its story's score.
    const similarity = p.similarity ?? (cluster !== p.cluster ? mergeScore.get(p.cluster)! : null);
    placements.push({ id: p.id, cluster, similarity });
  }
  const clusterOf = new Float64Array(docs.length);
  placed.forEach((d, i) => (clusterOf[i] = survivor(d.cluster)));
  const at = new Map(fresh.map((d, i) => [d.id, placed.length + i]));
  for (const p of placements) {
    const i = at.get(p.id);
    if (i !== undefined) clusterOf[i] = p.cluster;
  }
  const survivors = new Set([...absorbedInto.keys()].map(survivor));
  const fresHeadlines = headlinesOf(
    docs,
    vectors,
    clusterOf,
    placements.filter((p) => survivors.has(p.cluster)),
  );
  const headlines: Headline[] = [
    ...result.headlines.filter((h) => !absorbedInto.has(h.cluster) && !survivors.has(h.cluster)),
    ...fresHeadlines,
  ];
  return { placements, threads: remapThreads(placed, result.threads, survivor, absorbedInto), headlines };
}

/**
 * Threads after merging: a story keeps its thread; two threads whose
 * stories merged become one (named as ThreadLinks names them: the oldest
 * stored story, else this run's newest key). An absorbed story that named a
 * thread is listed in `merged`, so stored stories outside this run follow.
 */
function remapThreads(
  placed: readonly PlacedDoc[],
  threads: readonly ThreadAssignment[],
  survivor: (key: number) => number,
  absorbedInto: ReadonlyMap<number, number>,
): ThreadAssignment[] {
  const threadOf = new Map<number, number | null>();
  for (const d of placed) threadOf.set(d.cluster, d.thread ?? null);
  for (const t of threads) threadOf.set(t.cluster, t.thread);
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    while (parent.has(x) && parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
    if (!parent.has(rb)) parent.set(rb, rb);
  };
  // Each surviving story with every thread label its parts carried.
  const labels = new Map<number, number[]>();
  for (const [story, thread] of threadOf) {
    if (thread === null) continue;
    const s = survivor(story);
    labels.set(s, [...(labels.get(s) ?? []), thread]);
  }
  for (const list of labels.values()) for (const t of list) union(list[0]!, t);
  const groups = new Map<number, number[]>();
  for (const t of new Set([...labels.values()].flat())) groups.set(find(t), [...(groups.get(find(t)) ?? []), t]);
  const nameOf = new Map<number, { name: number; merged: number[] }>();
  for (const list of groups.values()) {
    // A label that was a story absorbed here stands for its survivor.
    const live = list.map(survivor);
    const positive = live.filter((x) => x > 0);
    const name = positive.length > 0 ? Math.min(...positive) : Math.max(...live);
    const merged = [...new Set(list.filter((x) => x > 0 && x !== name))];
    for (const t of list) nameOf.set(t, { name, merged });
  }
  const out = new Map<number, ThreadAssignment>();
  const changed = new Set([...absorbedInto.values()].map(survivor));
  for (const t of threads) {
    if (absorbedInto.has(t.cluster)) continue;
    const n = t.thread === null ? null : nameOf.get(t.thread)!;
    out.set(t.cluster, { cluster: t.cluster, thread: n?.name ?? null, merged: n?.merged ?? [] });
  }
  for (const [story, list] of labels) {
    const n = nameOf.get(list[0]!)!;
    const before = threadOf.get(story);
    if (out.has(story) || (!changed.has(story) && before === n.name && n.merged.length === 0)) continue;
    out.set(story, { cluster: story, thread: n.name, merged: n.merged });
  }
  return [...out.values()];
}
