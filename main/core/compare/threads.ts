/**
 * Threads and headlines of a placement run (clusterer.ts): stories linked
 * into developing stories, and each changed story's representative article.
 */
import type { Headline, Placement, StoryDoc, ThreadAssignment, Vector } from './clusterer';

/**
 * Stories linked into threads (union-find over story keys). Stored threads
 * seed it, so an incremental run extends them; only threads this run
 * touched are reported. A thread is named by its oldest stored story (the
 * lowest positive id), else by one of this run's new stories.
 */
export class ThreadLinks {
  private readonly parent = new Map<number, number>();
  private readonly touched = new Set<number>();
  /** First and last day of each thread (by its root), as far as its stories' spans are known. */
  private readonly span = new Map<number, [number, number]>();

  constructor(
    private readonly maxDays: number,
    private readonly daysOf: (cluster: number) => [number, number],
  ) {}

  private find(x: number): number {
    let root = x;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    let y = x;
    while (y !== root) {
      const next = this.parent.get(y) ?? root;
      this.parent.set(y, root);
      y = next;
    }
    return root;
  }

  private union(a: number, b: number): void {
    if (!this.parent.has(a)) this.parent.set(a, a);
    if (!this.parent.has(b)) this.parent.set(b, b);
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra, rb);
  }

  /** A stored story and the thread it is in (a story id, itself a node). */
  seed(cluster: number, thread: number): void {
    this.union(cluster, thread);
  }

  /** Links two stories unless the thread would then span more than maxDays (a topic, not a developing story). */
  link(a: number, b: number): void {
    const spanOf = (x: number): [number, number] => {
      const root = this.parent.has(x) ? this.find(x) : x;
      const [f, l] = this.daysOf(x);
      const known = this.span.get(root);
      return known ? [Math.min(known[0], f), Math.max(known[1], l)] : [f, l];
    };
    const [fa, la] = spanOf(a);
    const [fb, lb] = spanOf(b);
    const first = Math.min(fa, fb);
    const last = Math.max(la, lb);
    if (last - first > this.maxDays) return;
    this.touched.add(a);
    this.touched.add(b);
    this.union(a, b);
    this.span.set(this.find(a), [first, last]);
  }

  assignments(): ThreadAssignment[] {
    const members = new Map<number, number[]>();
    for (const node of this.parent.keys()) {
      const root = this.find(node);
      members.set(root, [...(members.get(root) ?? []), node]);
    }
    const out: ThreadAssignment[] = [];
    for (const nodes of members.values()) {
      if (!nodes.some((x) => this.touched.has(x))) continue;
      const positive = nodes.filter((x) => x > 0);
      const name = positive.length > 0 ? Math.min(...positive) : Math.max(...nodes);
      // Stored stories that named a thread before: their threads are now this one.
      const merged = positive.filter((x) => x !== name);
      for (const c of nodes) out.push({ cluster: c, thread: name, merged });
    }
    return out;
  }
}

/** For each story an article joined in this run: the member with the highest summed similarity to the others. */
export function headlinesOf(
  docs: readonly StoryDoc[],
  vectors: readonly Vector[],
  clusterOf: Float64Array,
  placements: readonly Placement[],
): Headline[] {
  const changed = new Set(placements.map((p) => p.cluster));
  const members = new Map<number, number[]>();
  for (let i = 0; i < docs.length; i++) {
    const c = clusterOf[i]!;
    if (changed.has(c)) members.set(c, [...(members.get(c) ?? []), i]);
  }
  const out: Headline[] = [];
  for (const [cluster, list] of members)
    out.push({ cluster, articleId: docs[storyHeadline(list, (i) => vectors[i]!)]!.id });
  return out;
}

/**
 * The medoid of one story: of its members (document indexes, ascending), the one with the highest summed similarity
 * to the others; the first of them on a tie, the first member of a story of one or two.
 */
export function storyHeadline(list: readonly number[], vectorOf: (i: number) => Vector): number {
  let bestDoc = list[0]!;
  if (list.length > 2) {
    const sum = new Map<number, number>();
    for (const i of list) {
      const v = vectorOf(i);
      for (let k = 0; k < v.slots.length; k++) sum.set(v.slots[k]!, (sum.get(v.slots[k]!) ?? 0) + v.weights[k]!);
    }
    let bestScore = -Infinity;
    for (const i of list) {
      const v = vectorOf(i);
      let score = 0;
      for (let k = 0; k < v.slots.length; k++) score += v.weights[k]! * (sum.get(v.slots[k]!)! - v.weights[k]!);
      if (score > bestScore) {
        bestScore = score;
        bestDoc = i;
      }
    }
  }
  return bestDoc;
}
