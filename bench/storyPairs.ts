/**
 * Fits the pair score of main/core/compare/pairScore.ts: a logistic regression (Newton's method, a small ridge) over
 * the pair features of labelled article pairs, printing the weights to paste into PAIR_WEIGHTS and how well they
 * separate the pairs.
 *
 *   MIZAN_ECB=<ecbplus.jsonl> [MIZAN_PAIRS_SNN=1] node dist/bench/storyPairs.js
 *
 * Labels. ECB+ dev half (odd topics): every pair of one topic (one event: same subtopic; the twin event: the other
 * subtopic), and pairs across topics whose cosine reaches 0.1 (no event). SaudiNewsNet (MIZAN_PAIRS_SNN=1: all of it
 * is read and placed, as bench/storiesTop.ts does): pairs inside the 50 largest stories that were read one event
 * each (all but the FIFA and fourth-relief-plane stories, ranks 2 and 13 by bench/storiesTop.ts), against pairs
 * across two of those stories that one thread links (other relief planes, another statement on the Asir bombing:
 * read as different events).
 */
import { dayNumber, storyVectors, type StoryDoc } from '../main/core/compare/clusterer';
import { TemplateIndex } from '../main/core/compare/templates';
import { PAIR_FEATURES, pairFeatures, pairProbability, pairText, vectorDot, vectorOverlap } from './storyPairScore';
import type { DocFrequencies } from '../main/core/compare/features';
import { readEcbLines } from './ecbPlus';
import { mizanStories, saudiArticles, storyDocs, type StoryText } from './storyRun';

interface Labelled {
  x: number[];
  y: number;
  source: string;
}

function pairsOf(
  texts: readonly StoryText[],
  docs: readonly StoryDoc[],
  df: DocFrequencies,
  pairs: Iterable<[number, number, number]>,
  source: string,
): Labelled[] {
  const { vectors, slots } = storyVectors(docs, df);
  const templates = new TemplateIndex();
  for (const d of docs) if (d.event) templates.add(d.event.title);
  const scratch = new Float64Array(slots);
  const extra = texts.map(pairText);
  const out: Labelled[] = [];
  for (const [i, j, y] of pairs) {
    const overlap = vectorOverlap(vectors[i]!, vectors[j]!, scratch);
    out.push({ x: pairFeatures(docs[i]!, docs[j]!, overlap, templates, extra[i]!, extra[j]!), y, source });
  }
  return out;
}

function ecbPairs(path: string): Labelled[] {
  const all = readEcbLines(path).filter((d) => d.topic % 2 === 1);
  const texts = all.map((d, i) => ({ id: i + 1, title: d.title, body: d.body, day: 16_036 }));
  const { docs, df } = storyDocs(texts);
  const { vectors, slots } = storyVectors(docs, df);
  const scratch = new Float64Array(slots);
  const pairs: Array<[number, number, number]> = [];
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const sameTopic = all[i]!.topic === all[j]!.topic;
      if (!sameTopic && vectorDot(vectors[i]!, vectors[j]!, scratch) < 0.1) continue;
      pairs.push([i, j, all[i]!.subtopic === all[j]!.subtopic ? 1 : 0]);
    }
  }
  return pairsOf(texts, docs, df, pairs, 'ECB+ dev');
}

/** The top-50 ranks (1-based, bench/storiesTop.ts order) read as more than one event. */
const MIXED_RANKS = new Set([2, 13]);

async function saudiPairs(): Promise<Labelled[]> {
  const texts: StoryText[] = [];
  for (const { article: a, file } of saudiArticles()) {
    texts.push({ id: texts.length + 1, title: a.title, body: a.body, day: dayNumber(a.published?.iso ?? file) });
  }
  const { docs, df } = storyDocs(texts);
  const result = await mizanStories(docs, df, {}, null);
  const members = new Map<number, number[]>();
  for (const p of result.placements) members.set(p.cluster, [...(members.get(p.cluster) ?? []), p.id - 1]);
  const thread = new Map(result.threads.map((t) => [t.cluster, t.thread]));
  const outlets = (ids: number[]): number => new Set(ids.map((i) => texts[i]!.title)).size;
  const top = [...members]
    .filter(([, ids]) => ids.length >= 2)
    .sort(([, a], [, b]) => b.length - a.length || outlets(b) - outlets(a))
    .slice(0, 50)
    .filter((_, rank) => !MIXED_RANKS.has(rank + 1));
  const pairs: Array<[number, number, number]> = [];
  for (const [, ids] of top)
    for (let a = 0; a < ids.length; a++) for (let b = a + 1; b < ids.length; b++) pairs.push([ids[a]!, ids[b]!, 1]);
  for (let s = 0; s < top.length; s++) {
    for (let t = s + 1; t < top.length; t++) {
      const [ks, ids] = top[s]!;
      const [kt, other] = top[t]!;
      if (thread.get(ks) == null || thread.get(ks) !== thread.get(kt)) continue;
      for (const i of ids) for (const j of other) pairs.push([i, j, 0]);
    }
  }
  return pairsOf(texts, docs, df, pairs, 'SaudiNewsNet top 50');
}

/** Solves m·x = v (m symmetric positive definite, small) by Gaussian elimination. */
function solve(m: number[][], v: number[]): number[] {
  const n = v.length;
  const a = m.map((row, i) => [...row, v[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k <= n; k++) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}

/** Logistic regression by Newton's method; each source weighs as much as the other in total, classes as found. */
function fit(data: readonly Labelled[], ridge = 1): number[] {
  const n = PAIR_FEATURES.length;
  const bySource = new Map<string, number>();
  for (const d of data) bySource.set(d.source, (bySource.get(d.source) ?? 0) + 1);
  const sampleWeight = (d: Labelled): number => data.length / bySource.size / bySource.get(d.source)!;
  let w: number[] = new Array<number>(n).fill(0);
  for (let iter = 0; iter < 25; iter++) {
    const grad: number[] = new Array<number>(n).fill(0);
    const hess: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (const d of data) {
      const p = pairProbability(d.x, w);
      const sw = sampleWeight(d);
      for (let a = 0; a < n; a++) {
        grad[a]! += sw * (p - d.y) * d.x[a]!;
        for (let b = 0; b < n; b++) hess[a]![b]! += sw * p * (1 - p) * d.x[a]! * d.x[b]!;
      }
    }
    for (let a = 1; a < n; a++) {
      grad[a]! += ridge * w[a]!;
      hess[a]![a]! += ridge;
    }
    hess[0]![0]! += 1e-9;
    const step = solve(hess, grad);
    w = w.map((v, a) => v - step[a]!);
    if (Math.max(...step.map(Math.abs)) < 1e-7) break;
  }
  return w;
}

async function main(): Promise<void> {
  const data: Labelled[] = [];
  if (process.env.MIZAN_ECB) data.push(...ecbPairs(process.env.MIZAN_ECB));
  if (process.env.MIZAN_PAIRS_SNN === '1') data.push(...(await saudiPairs()));
  const w = fit(data);
  for (const source of new Set(data.map((d) => d.source))) {
    const part = data.filter((d) => d.source === source);
    const pos = part.filter((d) => d.y === 1).length;
    let right = 0;
    for (const d of part) if (pairProbability(d.x, w) >= 0.5 === (d.y === 1)) right++;
    console.log(
      `${source}: ${part.length} pairs (${pos} one event), ${((100 * right) / part.length).toFixed(1)}% right at 0.5`,
    );
  }
  PAIR_FEATURES.forEach((name, k) => console.log(`  ${name.padEnd(24)} ${w[k]!.toFixed(3)}`));
  console.log(JSON.stringify(w.map((v) => Number(v.toFixed(3)))));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
