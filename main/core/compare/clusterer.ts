/**
 * Story clustering: which articles report the same event.
 *
 * Articles are TF-IDF vectors over their story signature (features.ts);
 * two articles' similarity is the cosine of those vectors, counted only
 * between articles at most `windowDays` apart (outlets report an event
 * within a day or two; a year later the same words are another story).
 *
 * Articles are placed one at a time in date order, each joining the story
 * whose best `topMembers` similarities average highest, if that reaches
 * `threshold`, else founding a story of its own. Averaging the best few
 * instead of taking the single best keeps a chain of loosely related
 * articles (A like B, B like C, ...) from swallowing a whole topic, while a
 * story may still drift as it develops. The same routine places a first
 * batch (full run) and newcomers into existing stories (incremental run),
 * so both give the same kind of clusters.
 *
 * Candidates come from an inverted index over the window (term-at-a-time
 * accumulation of dot products), so only articles sharing a term are ever
 * looked at; terms that most articles carry (more than `maxDocShare` of
 * them) say nothing about a story and are left out of the vectors.
 */
import { DocFrequencies, type StoryFeatures } from './features';
import { differentEvents, offStoryCore, storyCore } from './events';
import { TemplateIndex, type EventKeys } from './templates';
import { CandidateIndex } from './candidateIndex';
import type { RunDocs } from './packedDocs';
import { storyHeadline, ThreadLinks } from './threads';

export interface ClusterOptions {
  /** Story score (0..1) at or above which an article joins a story. */
  threshold: number;
  /** Articles further apart than this many days are never one story. */
  windowDays: number;
  /** Terms in more than this share of articles are ignored. */
  maxDocShare: number;
  /** A story's score for a newcomer: mean of its best this-many similarities (fewer if the story is smaller). */
  topMembers: number;
  /** Similarity at or above which two articles of different stories link their stories into one thread. */
  threadThreshold: number;
  /** Headlines that must share a frame before it counts as a template (templates.ts). */
  minTemplateCount: number;
  /**
   * A story's mean similarity over all its members must reach this too: a
   * story grows by its closest members, and without it a chain of
   * neighbours drifts into the next event.
   */
  minMeanSimilarity: number;
  /** A story spans at most this many days from its first article to its last (an event is reported within a day or so). */
  storyDays: number;
  /** A thread spans at most this many days from its first story's first article to its last's last. */
  threadDays: number;
}

/**
 * Defaults tuned on SaudiNewsNet (see README.md): at 0.3 a rewritten
 * agency story still joins its wire copies, while two articles on the same
 * topic but a different event (two separate Yemen battles on one day)
 * mostly stay apart.
 */
export const defaultClusterOptions: ClusterOptions = {
  threshold: 0.4,
  windowDays: 2,
  maxDocShare: 0.05,
  topMembers: 2,
  threadThreshold: 0.3,
  minTemplateCount: 3,
  minMeanSimilarity: 0.2,
  threadDays: 4,
  storyDays: 1,
};

/**
 * A term is dropped as too common only above this many articles too: in a
 * small library 5% is a handful, and the words a story's articles share
 * (طائرة, عدن) would be dropped with the boilerplate.
 */
export const MIN_COMMON_DF = 25;

/** Document frequency above which a term says nothing about a story. */
export function commonDf(options: ClusterOptions, docCount: number): number {
  return Math.max(MIN_COMMON_DF, Math.floor(options.maxDocShare * Math.max(docCount, 1)));
}

export interface StoryDoc {
  id: number;
  /** Days since 1970-01-01 of the article's date. */
  day: number;
  features: StoryFeatures;
  /** Headline and lead keys; without them no template is detected for the article. */
  event?: EventKeys;
}

export interface PlacedDoc extends StoryDoc {
  /** The story it already belongs to (a positive id). */
  cluster: number;
  /** The thread its story is in (a story id), if any. */
  thread?: number | null;
}

export interface Placement {
  id: number;
  /** An existing story's id, or a negative key naming a new story of this run. */
  cluster: number;
  /** The story score it joined with; null for the article that founded the story. */
  similarity: number | null;
}

/** Days since the epoch of a YYYY[-MM[-DD]] date (month and year precision count from their first day). */
export function dayNumber(iso: string): number {
  const [y = '1970', m = '01', d = '01'] = iso.split('-');
  return Math.floor(Date.UTC(Number(y), Number(m) - 1, Number(d)) / 86_400_000);
}

export interface Vector {
  slots: Int32Array;
  weights: Float64Array;
}

/** A story's thread after a run: a story key (the thread's oldest story), or null for a story alone. */
export interface ThreadAssignment {
  cluster: number;
  thread: number | null;
  /** Threads (story ids) this one absorbed: their stories move to `thread`. */
  merged: number[];
}

/** The member whose text is most like the rest of its story (its headline is the story's title). */
export interface Headline {
  cluster: number;
  articleId: number;
}

export interface ClusterResult {
  placements: Placement[];
  threads: ThreadAssignment[];
  headlines: Headline[];
}

export interface PlaceProgress {
  (done: number, total: number): void;
}

/** Lets the event loop run: a cancel request or a message can arrive during a long run. */
function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Places `fresh` articles into the stories of `placed` ones or into new
 * stories. `df` must already count the fresh articles.
 */
export async function placeStories(
  placed: readonly PlacedDoc[],
  fresh: readonly StoryDoc[],
  df: DocFrequencies,
  options: ClusterOptions = defaultClusterOptions,
  progress?: PlaceProgress,
  signal?: AbortSignal,
): Promise<Placement[]> {
  return (await clusterStories(placed, fresh, df, options, progress, signal)).placements;
}

/**
 * Unit TF-IDF vectors of the articles' signatures, the one weighting of story similarity (placement, the merge pass,
 * the benchmarks' baseline): (1 + log tf) · log(N / df), terms in more than `commonDf` articles dropped. Slots are
 * dense (0 .. slots-1), one per term that two or more articles carry; a term no other article has counts only in the
 * norm, since it can raise no similarity.
 */
export function storyVectors(
  docs: readonly Pick<StoryDoc, 'features'>[],
  df: DocFrequencies,
  options: ClusterOptions = defaultClusterOptions,
): { vectors: Vector[]; slots: number } {
  const vectorizer = termVectorizer(df, options);
  const vectors = docs.map((d) => vectorizer.vector(d.features));
  return { vectors, slots: vectorizer.slots() };
}

/** storyVectors' weighting, one article at a time: slots are numbered in the order their terms are first met. */
export function termVectorizer(
  df: DocFrequencies,
  options: ClusterOptions = defaultClusterOptions,
): { vector(features: StoryFeatures): Vector; slots(): number } {
  const total = Math.max(df.docCount, 1);
  const maxDf = commonDf(options, total);
  // One lookup per term: its posting slot (>= 0), or a
  // marker for a term that only counts in the norm (no other article has it)
  // or is ignored (too common to say anything about a story).
  const NORM_ONLY = -1;
  const IGNORED = -2;
  const slotOf = new Map<number, number>();
  const idfOf: number[] = [];
  const rareIdf = Math.log(total);
  const vector = (features: StoryFeatures): Vector => {
    const { terms, counts } = features;
    const slots = new Int32Array(terms.length);
    const weights = new Float64Array(terms.length);
    let m = 0;
    let norm = 0;
    for (let k = 0; k < terms.length; k++) {
      const term = terms[k]!;
      let slot = slotOf.get(term);
      if (slot === undefined) {
        const f = df.get(term);
        if (f > maxDf) slot = IGNORED;
        else if (f < 2) slot = NORM_ONLY;
        else {
          slot = idfOf.length;
          idfOf.push(Math.log(total / f));
        }
        slotOf.set(term, slot);
      }
      if (slot === IGNORED) continue;
      const w = (1 + Math.log(counts[k]!)) * (slot === NORM_ONLY ? rareIdf : idfOf[slot]!);
      norm += w * w;
      // A term no other article has can raise no similarity: it only counts in the norm.
      if (slot === NORM_ONLY) continue;
      slots[m] = slot;
      weights[m] = w;
      m++;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let k = 0; k < m; k++) weights[k]! *= scale;
    return { slots: slots.subarray(0, m), weights: weights.subarray(0, m) };
  };
  return { vector, slots: () => idfOf.length };
}

/**
 * placeStories, with the threads the stories form and each changed story's
 * representative article. An article joins a story only if it is no item of
 * a template whose slot differs from a member's (templates.ts); stories
 * whose articles are alike above `threadThreshold` (and not by a template)
 * are linked into one thread: a developing story, never merged into one.
 */
export async function clusterStories(
  placed: readonly PlacedDoc[],
  fresh: readonly StoryDoc[],
  df: DocFrequencies,
  options: ClusterOptions = defaultClusterOptions,
  progress?: PlaceProgress,
  signal?: AbortSignal,
): Promise<ClusterResult> {
  const docs: StoryDoc[] = [...placed, ...fresh];
  const source: RunDocs = {
    count: docs.length,
    id: (i) => docs[i]!.id,
    day: (i) => docs[i]!.day,
    title: (i) => docs[i]!.event?.title,
    doc: (i) => docs[i]!,
    release: () => undefined,
  };
  return clusterRun(source, placed, df, options, progress, signal);
}

/** clusterStories over a source of articles, `placed` being its first ones. */
export async function clusterRun(
  source: RunDocs,
  placed: readonly PlacedDoc[],
  df: DocFrequencies,
  options: ClusterOptions = defaultClusterOptions,
  progress?: PlaceProgress,
  signal?: AbortSignal,
): Promise<ClusterResult> {
  options = { ...defaultClusterOptions, ...options };
  const n = source.count;
  const days = new Int32Array(n);
  for (let i = 0; i < n; i++) days[i] = source.day(i);
  const clusterOf = new Float64Array(n);
  placed.forEach((d, i) => (clusterOf[i] = d.cluster));
  const clusterSize = new Map<number, number>();
  // First and last day of each story: a story spans at most windowDays, so
  // a daily weather report does not become one story a month long.
  const firstDay = new Map<number, number>();
  const lastDay = new Map<number, number>();
  const widen = (c: number, day: number): void => {
    clusterSize.set(c, (clusterSize.get(c) ?? 0) + 1);
    if (!(day >= (firstDay.get(c) ?? Infinity))) firstDay.set(c, day);
    if (!(day <= (lastDay.get(c) ?? -Infinity))) lastDay.set(c, day);
  };
  for (const d of placed) widen(d.cluster, d.day);

  const vectorizer = termVectorizer(df, options);
  const vectors = new Array<Vector | undefined>(n);
  const vectorOf = (i: number): Vector => (vectors[i] ??= vectorizer.vector(source.doc(i).features));

  // An article's entries become visible when it is placed (placed articles are from the start).
  const byDay = (a: number, b: number): number => days[a]! - days[b]! || source.id(a) - source.id(b);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort(byDay);
  const visible = new Uint8Array(n);
  visible.fill(1, 0, placed.length);
  // With nothing placed before (a full run), articles are placed in date order: the index holds only the days the
  // day being placed can reach, and what an article needs is dropped once its story is closed (`keep` days behind).
  const firstRun = placed.length === 0;
  const index = new CandidateIndex(days, visible, firstRun);
  if (!firstRun) index.build(order, 0, n, vectorOf, vectorizer.slots);
  const keep = Math.max(options.windowDays, options.storyDays);

  const templates = new TemplateIndex(options.minTemplateCount);
  for (let i = 0; i < n; i++) {
    const title = source.title(i);
    if (title) templates.add(title);
  }
  // 2: template items with different slots, two days' weather (no story, no thread); 1: another event (no story).
  const conflict = (i: number, e: number): 0 | 1 | 2 => {
    const a = source.doc(i);
    const b = source.doc(e);
    if (a.event === undefined || b.event === undefined) return 0;
    const veto = differentEvents(
      { event: a.event, terms: a.features.terms, day: a.day },
      { event: b.event, terms: b.features.terms, day: b.day },
      templates,
    );
    if (veto === null) return 0;
    return veto === 'template' || veto === 'recurring' ? 2 : 1;
  };
  // The members of each story, by document index (a story's whole list is checked before it takes an article).
  const membersOf = new Map<number, number[]>();
  const addMember = (c: number, i: number): void => {
    const list = membersOf.get(c);
    if (list) list.push(i);
    else membersOf.set(c, [i]);
  };
  placed.forEach((d, i) => addMember(d.cluster, i));
  // A story's core (events.ts, storyCore) changes only when a member joins: kept per story until then.
  const cores = new Map<number, { members: number; core: Set<number> | null }>();
  const coreOf = (c: number, members: readonly number[]): Set<number> | null => {
    const kept = cores.get(c);
    if (kept?.members === members.length) return kept.core;
    const core = storyCore(members.map((e) => source.doc(e).event));
    cores.set(c, { members: members.length, core });
    return core;
  };
  const threads = new ThreadLinks(options.threadDays, (c) => [firstDay.get(c) ?? 0, lastDay.get(c) ?? 0]);
  for (const d of placed) if (d.thread != null && d.thread !== d.cluster) threads.seed(d.cluster, d.thread);

  const freshOrder = placed.length === 0 ? order : order.filter((i) => i >= placed.length);
  const acc = new Float64Array(n);
  const touched: number[] = [];
  const out: Placement[] = [];
  let nextKey = -1;
  const top = Math.max(1, options.topMembers);
  const best = new Map<number, number[]>();
  const blocked = new Set<number>();
  const unlinked = new Set<number>();
  const linked = new Set<number>();
  // Headlines of closed stories, each with its first member's index (the order clusterStories reports them in).
  const closed: Array<{ first: number; headline: Headline }> = [];
  const closeStory = (c: number, members: readonly number[]): void => {
    const list = [...members].sort((a, b) => a - b);
    closed.push({ first: list[0]!, headline: { cluster: c, articleId: source.id(storyHeadline(list, vectorOf)) } });
    membersOf.delete(c);
    cores.delete(c);
  };
  let indexDay: number | null = null;
  let windowFrom = 0;
  let released = 0;

  for (let step = 0; step < freshOrder.length; step++) {
    const i = freshOrder[step]!;
    if (step % 256 === 255) await yieldToLoop();
    if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('cancelled');
    if (firstRun && days[i] !== indexDay) {
      const day: number = days[i]!;
      indexDay = day;
      // A story whose first article is more than `keep` days back takes no more articles: its headline is read now,
      // then its articles go (the first member goes first, in date order, so all are still there).
      while (released < n && days[order[released]!]! < day - keep) {
        const e = order[released++]!;
        const members = membersOf.get(clusterOf[e]!);
        if (members?.[0] === e) closeStory(clusterOf[e]!, members);
        vectors[e] = undefined;
        source.release(e);
      }
      while (days[order[windowFrom]!]! < day - options.windowDays) windowFrom++;
      let windowTo = windowFrom;
      while (windowTo < n && days[order[windowTo]!]! <= day) windowTo++;
      index.build(order, windowFrom, windowTo, vectorOf, vectorizer.slots);
    }
    const v = vectorOf(i);
    const from = days[i]! - options.windowDays;
    const to = days[i]! + options.windowDays;
    index.accumulate(v, from, to, acc, touched);
    // A story's score is a mean of its best similarities, so it reaches the
    // threshold only if one of them does: look only at those stories. One
    // member that is another item of a template rules its story out.
    best.clear();
    blocked.clear();
    linked.clear();
    unlinked.clear();
    for (const e of touched) {
      if (acc[e]! < options.threadThreshold) continue;
      const c = clusterOf[e]!;
      const kind = conflict(i, e);
      if (kind !== 0) blocked.add(c);
      if (kind === 2) unlinked.add(c);
      if (kind === 0 || kind === 1) linked.add(c);
      if (kind === 0 && acc[e]! >= options.threshold) best.set(c, []);
    }
    for (const c of blocked) best.delete(c);
    for (const c of unlinked) linked.delete(c);
    if (best.size > 0) {
      for (const e of touched) {
        const list = best.get(clusterOf[e]!);
        if (list) list.push(acc[e]!);
      }
    }
    for (const e of touched) acc[e] = 0;
    touched.length = 0;
    const candidates: Array<[number, number]> = [];
    for (const [c, sims] of best) {
      if (Math.max(lastDay.get(c)!, days[i]!) - Math.min(firstDay.get(c)!, days[i]!) > options.storyDays) continue;
      const m = Math.min(top, clusterSize.get(c) ?? 1);
      sims.sort((a, b) => b - a);
      let sum = 0;
      for (let k = 0; k < m && k < sims.length; k++) sum += sims[k]!;
      let all = 0;
      for (const x of sims) all += x;
      if (all / (clusterSize.get(c) ?? 1) < options.minMeanSimilarity) continue;
      if (sum / m >= options.threshold) candidates.push([c, sum / m]);
    }
    candidates.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    // Every member counts, not only the similar ones: a story grown through neutral members must
    // still not hold two events (the departure from Cairo and the Cairo declaration).
    // And the newcomer's headline or lead must say what most members' first lines say (events.ts, offStoryCore).
    const event = source.doc(i).event;
    const fits = candidates.find(([c]) => {
      const members = membersOf.get(c) ?? [];
      if (members.some((e) => conflict(i, e) !== 0)) return false;
      return event === undefined || !offStoryCore(coreOf(c, members), event);
    });
    let chosen: number;
    let similarity: number | null = null;
    if (fits) {
      chosen = fits[0];
      similarity = Math.min(1, fits[1]);
    } else {
      chosen = nextKey--;
    }
    clusterOf[i] = chosen;
    addMember(chosen, i);
    widen(chosen, days[i]!);
    visible[i] = 1;
    for (const c of linked) if (c !== chosen) threads.link(chosen, c);
    out.push({ id: source.id(i), cluster: chosen, similarity });
    if (progress && (step % 500 === 499 || step === freshOrder.length - 1)) progress(step + 1, freshOrder.length);
  }
  let headlines: Headline[];
  if (firstRun) {
    for (const [c, members] of membersOf) closeStory(c, members);
    headlines = closed.sort((a, b) => a.first - b.first).map((h) => h.headline);
  } else {
    // Every member of every story this run changed, in index order.
    const changed = new Set(out.map((p) => p.cluster));
    const lists = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      if (!changed.has(clusterOf[i]!)) continue;
      const list = lists.get(clusterOf[i]!);
      if (list) list.push(i);
      else lists.set(clusterOf[i]!, [i]);
    }
    headlines = [...lists].map(([cluster, list]) => ({ cluster, articleId: source.id(storyHeadline(list, vectorOf)) }));
  }
  return { placements: out, threads: threads.assignments(), headlines };
}

/** Cosine similarity of two articles' signatures under `df` (for tests and tuning). */
export function storySimilarity(
  a: StoryFeatures,
  b: StoryFeatures,
  df: DocFrequencies,
  options: ClusterOptions = defaultClusterOptions,
): number {
  const total = Math.max(df.docCount, 1);
  const maxDf = commonDf(options, total);
  const weigh = (f: StoryFeatures): Map<number, number> => {
    const m = new Map<number, number>();
    let norm = 0;
    for (let k = 0; k < f.terms.length; k++) {
      const d = df.get(f.terms[k]!);
      if (d > maxDf) continue;
      const w = (1 + Math.log(f.counts[k]!)) * Math.log(total / Math.max(d, 1));
      m.set(f.terms[k]!, w);
      norm += w * w;
    }
    const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (const [t, w] of m) m.set(t, w * s);
    return m;
  };
  const va = weigh(a);
  const vb = weigh(b);
  let dot = 0;
  for (const [t, w] of va) dot += w * (vb.get(t) ?? 0);
  return dot;
}
