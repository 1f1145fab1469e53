/**
 * Story merging: a pass after placement (clusterer.ts) that joins stories
 * begun apart. Placement is one pass in date order: an article that opens
 * a story before the articles that would have tied it to another one never
 * meets that story again, so one event ends up as several stories (on
 * Google News' labelled day, 152 stories became 4,810). Here two stories
 * merge when their members are alike on average (average link: the mean
 * cosine over every pair of members) and no pair of close members is two
 * different events by the clusterer's own criterion (`differentEvents`).
 *
 * Merging is agglomerative, best pair first: candidate pairs come from an
 * inverted index over the stories' summed vectors (only stories sharing a
 * term and close in time are compared), the score of a pair is re-read from
 * the current stories when its turn comes, and rounds repeat until no pair
 * qualifies. An incremental run merges only pairs with a story this run
 * touched; stored stories it absorbs move with all their members.
 */
import {
  commonDf,
  defaultClusterOptions,
  storyVectors,
  type ClusterOptions,
  type ClusterResult,
  type PlacedDoc,
  type Placement,
  type StoryDoc,
} from './clusterer';
import type { DocFrequencies } from './features';
import { differentEvents as eventVeto, type EventVeto } from './events';
import { anyIn, TemplateIndex } from './templates';
import { StoryTemplates } from './storyTemplates';
import { remapResult } from './storyRemap';

export interface MergeOptions {
  /** Cosine of the two stories' centroids (mean member vectors) at or above which they merge. */
  threshold: number;
  /**
   * The mean cosine over all pairs of their members must reach this too: a
   * large loose story has a centroid near everything of its topic.
   */
  minMeanSimilarity: number;
  /**
   * Member pairs more alike than this are asked the event veto. Zero asks every pair that shares a term:
   * items of one template can share little more than their frame, so asking only close pairs (as the
   * clusterer does for a newcomer, whose join needs a close pair) lets their stories merge on centroids.
   */
  vetoSimilarity: number;
  /** Rounds of merging at most (each round re-reads the merged stories). */
  maxRounds: number;
  /**
   * A score of two would-be merged stories (their members as indices into placed then fresh articles) that must
   * reach `minStoryScore` too, or null for none. The story benchmarks try learned scores through it
   * (bench/storyPairScore.ts); the app sets none.
   */
  storyScore: ((a: readonly number[], b: readonly number[]) => number) | null;
  minStoryScore: number;
  /**
   * The cosine of the two stories' first lines (`leadVector` summed over members) must reach this too; 0 asks
   * nothing. Bodies of one topic are alike (a week of one club's signings, a war's daily fronts); what each outlet
   * puts first says which event it reports.
   */
  minLeadSimilarity: number;
}

export const defaultMergeOptions: MergeOptions = {
  threshold: 0.5,
  minMeanSimilarity: 0.3,
  vetoSimilarity: 0,
  maxRounds: 20,
  storyScore: null,
  minStoryScore: 0.5,
  minLeadSimilarity: 0,
};

/**
 * The lead setting: bodies as loose as ECB+ dev likes them (centroid 0.2, mean 0.1), but only stories whose first
 * lines agree (lead cosine 0.55). Without the lead test 0.2/0.1 joins whole topics on SaudiNewsNet (501 merges over
 * 2015-07-22..24, most of them two events); with it 33, two of them a news digest joined to its first item (compare
 * README, "Merge pass").
 */
export const leadMergeOptions: MergeOptions = {
  ...defaultMergeOptions,
  threshold: 0.2,
  minMeanSimilarity: 0.1,
  minLeadSimilarity: 0.55,
};

/**
 * What the app's clustering job merges with: nothing yet, placement only. At `leadMergeOptions` 3 of 50 merges read
 * at random over all 18 SaudiNewsNet days join two events, two of them two bodies' Eid greetings (the template
 * stories placement keeps apart); a story that mixes two events costs a researcher more than one told in two parts.
 */
export const appMergeOptions: MergeOptions | null = null;

/**
 * The rule that says two articles are not one event, whatever their words
 * share: the clusterer's own criterion (events.ts: template items with
 * different slots, two days' recurring reports, another kind of act, actor
 * or counterpart, other people or numbers). The merge pass calls only this.
 */
export function differentEvents(templates: TemplateIndex, a: StoryDoc, b: StoryDoc): EventVeto | null {
  if (a.event === undefined || b.event === undefined) return null;
  return eventVeto(
    { event: a.event, terms: a.features.terms, day: a.day },
    { event: b.event, terms: b.features.terms, day: b.day },
    templates,
  );
}

interface Story {
  key: number;
  members: number[];
  /**
   * Sum of the members' unit vectors: the centroid cosine of two stories is
   * sumA·sumB / (‖sumA‖·‖sumB‖), their mean pair cosine sumA·sumB / (|A|·|B|).
   */
  sum: Map<number, number>;
  /** ‖sum‖. */
  norm: number;
  /** Sum of the members' unit vectors of headline and lead keys. */
  lead: Map<number, number>;
  leadNorm: number;
  first: number;
  last: number;
  /** Has an article placed in this run (an incremental run merges only pairs with such a story). */
  touched: boolean;
}

function dot(a: Map<number, number>, b: Map<number, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [slot, w] of small) s += w * (large.get(slot) ?? 0);
  return s;
}

/** A story's surviving key: the oldest stored story (lowest positive id), else this run's first new one. */
function survivorKey(a: number, b: number): number {
  if (a > 0 && b > 0) return Math.min(a, b);
  if (a > 0 || b > 0) return Math.max(a, b);
  return Math.max(a, b);
}

/**
 * Merges the stories of a placement run (`result`, over `placed` then
 * `fresh` articles as clusterStories was given them). Returns the run with
 * merged stories: every article of an absorbed story is placed into the
 * surviving one (stored members too), threads and headlines follow.
 */
export function mergeStories(
  placed: readonly PlacedDoc[],
  fresh: readonly StoryDoc[],
  result: ClusterResult,
  df: DocFrequencies,
  options: ClusterOptions = defaultClusterOptions,
  merge: MergeOptions = defaultMergeOptions,
): ClusterResult {
  options = { ...defaultClusterOptions, ...options };
  const docs: StoryDoc[] = [...placed, ...fresh];
  const indexOf = new Map(docs.map((d, i) => [d.id, i]));
  const clusterOf = new Float64Array(docs.length);
  placed.forEach((d, i) => (clusterOf[i] = d.cluster));
  const placement = new Map<number, Placement>();
  for (const p of result.placements) {
    clusterOf[indexOf.get(p.id)!] = p.cluster;
    placement.set(p.id, p);
  }
  const { vectors, slots } = storyVectors(docs, df, options);
  const leads = docs.map((d) => leadVector(d, df, options));
  const stories = new Map<number, Story>();
  docs.forEach((d, i) => {
    const key = clusterOf[i]!;
    let s = stories.get(key);
    if (!s) {
      s = {
        key,
        members: [],
        sum: new Map(),
        norm: 0,
        lead: new Map(),
        leadNorm: 0,
        first: d.day,
        last: d.day,
        touched: false,
      };
      stories.set(key, s);
    }
    s.members.push(i);
    s.first = Math.min(s.first, d.day);
    s.last = Math.max(s.last, d.day);
    if (placement.has(d.id)) s.touched = true;
    const v = vectors[i]!;
    for (let k = 0; k < v.slots.length; k++) s.sum.set(v.slots[k]!, (s.sum.get(v.slots[k]!) ?? 0) + v.weights[k]!);
    addInto(s.lead, leads[i]!);
  });

  for (const s of stories.values()) {
    s.norm = Math.sqrt(dot(s.sum, s.sum));
    s.leadNorm = Math.sqrt(dot(s.lead, s.lead));
  }

  const templates = new TemplateIndex(options.minTemplateCount);
  for (const d of docs) if (d.event) templates.add(d.event.title);
  const storyTemplates = new StoryTemplates(templates, docs);
  const qualifies = (a: Story, b: Story): number | null => {
    const d = dot(a.sum, b.sum);
    const s = d / (a.norm * b.norm || 1);
    if (s < merge.threshold || d / (a.members.length * b.members.length) < merge.minMeanSimilarity) return null;
    if (merge.minLeadSimilarity > 0 && dot(a.lead, b.lead) / (a.leadNorm * b.leadNorm || 1) < merge.minLeadSimilarity)
      return null;
    return merge.storyScore === null || merge.storyScore(a.members, b.members) >= merge.minStoryScore ? s : null;
  };
  const vetoed = (a: Story, b: Story): boolean => {
    // The would-be story as a whole first: a template's items of several bodies, however they were bridged.
    if (storyTemplates.mixedTemplate(a.members, b.members) !== null) return true;
    if (namesApart(docs, a.members, b.members)) return true;
    // Then every pair alike enough, and decided by their share: one pair that reads as two events is
    // often one event told in other words (template and recurring-report vetoes aside).
    const [small, large] = a.members.length <= b.members.length ? [a, b] : [b, a];
    const postings = new Map<number, Array<[number, number]>>();
    for (const i of large.members) {
      const v = vectors[i]!;
      for (let k = 0; k < v.slots.length; k++) {
        const list = postings.get(v.slots[k]!);
        if (list) list.push([i, v.weights[k]!]);
        else postings.set(v.slots[k]!, [[i, v.weights[k]!]]);
      }
    }
    const acc = new Map<number, number>();
    let close = 0;
    let slotted = 0;
    for (const i of small.members) {
      acc.clear();
      const v = vectors[i]!;
      for (let k = 0; k < v.slots.length; k++) {
        for (const [j, w] of postings.get(v.slots[k]!) ?? []) acc.set(j, (acc.get(j) ?? 0) + w * v.weights[k]!);
      }
      for (const [j, sim] of acc) {
        if (sim <= merge.vetoSimilarity) continue;
        close++;
        const veto = differentEvents(templates, docs[i]!, docs[j]!);
        // Any other reason (another kind of act, subject, other party, person or number, another day's recurring
        // report) keeps the stories apart at once, as placement refuses a story when any member is another event:
        // a share let two soldiers' deaths, two phone calls and two executions of one day merge through members
        // whose headlines say too little to veto.
        if (veto !== null && veto !== 'template') return true;
        if (veto === 'template') slotted++;
      }
    }
    // Template items with different slots (bodies' Eid greetings to their staff): a third of the pairs read so
    // forbids the merge. Not one pair: two headlines of one event can share a frame by chance (the Quran
    // manuscript: 2 of 8); the story-level check above sees templates that bridging hides from this share.
    return close > 0 && slotted * 3 >= close;
  };

  const absorbedInto = new Map<number, number>();
  const mergeScore = new Map<number, number>();
  const blocked = new Set<string>();
  // The first round looks from every story this run touched (all of them in a full run), later rounds only from
  // the stories that grew in the round before: no other pair's score changed.
  let from = new Set([...stories.values()].filter((st) => placed.length === 0 || st.touched).map((st) => st.key));
  for (let round = 0; round < merge.maxRounds && from.size > 0; round++) {
    const pairs = candidatePairs([...stories.values()], from, slots, options, merge);
    const grew = new Set<number>();
    let merged = 0;
    for (const [ka, kb] of pairs) {
      const a = stories.get(ka);
      const b = stories.get(kb);
      // Either may have been absorbed earlier in this round: its pair is asked again next round.
      if (!a || !b) continue;
      const s = qualifies(a, b);
      if (s === null) continue;
      if (Math.max(a.last, b.last) - Math.min(a.first, b.first) > options.storyDays) continue;
      const pairKey = `${Math.min(ka, kb)}:${Math.max(ka, kb)}`;
      if (blocked.has(pairKey)) continue;
      if (vetoed(a, b)) {
        blocked.add(pairKey);
        continue;
      }
      const keep = survivorKey(ka, kb);
      const [into, absorbed] = keep === ka ? [a, b] : [b, a];
      for (const [slot, w] of absorbed.sum) into.sum.set(slot, (into.sum.get(slot) ?? 0) + w);
      into.norm = Math.sqrt(dot(into.sum, into.sum));
      addInto(into.lead, absorbed.lead);
      into.leadNorm = Math.sqrt(dot(into.lead, into.lead));
      into.members.push(...absorbed.members);
      into.first = Math.min(into.first, absorbed.first);
      into.last = Math.max(into.last, absorbed.last);
      into.touched ||= absorbed.touched;
      stories.delete(absorbed.key);
      grew.delete(absorbed.key);
      absorbedInto.set(absorbed.key, into.key);
      mergeScore.set(absorbed.key, s);
      grew.add(into.key);
      merged++;
    }
    if (merged === 0) break;
    from = grew;
  }
  if (absorbedInto.size === 0) return result;
  return remapResult(placed, fresh, result, absorbedInto, mergeScore, vectors, docs);
}

/**
 * Headline keys count this many times a lead key in `leadVector`: the headline names the event, the lead also its
 * setting. ECB+ dev recall at lead cosine 0.5: 0.352 with 1, 0.463 with 2; 3 let formula headlines of other events
 * in on SaudiNewsNet (four bodies' Eid greetings, two Asir festivals).
 */
const HEADLINE_WEIGHT = 2;

function addInto(sum: Map<number, number>, v: ReadonlyMap<number, number>): void {
  for (const [k, w] of v) sum.set(k, (sum.get(k) ?? 0) + w);
}

/**
 * An article's first lines as a unit vector: its headline and lead keys (EventKeys.lead), each weighted by its IDF,
 * headline keys HEADLINE_WEIGHT times; terms of one article or too common for story vectors are left out, as there.
 */
function leadVector(d: StoryDoc, df: DocFrequencies, options: ClusterOptions): Map<number, number> {
  const out = new Map<number, number>();
  const total = Math.max(df.docCount, 1);
  const maxDf = commonDf(options, total);
  let norm = 0;
  const headline = new Set(d.event?.title ?? []);
  for (const k of d.event?.lead ?? []) {
    const f = df.get(k);
    if (f < 2 || f > maxDf) continue;
    const w = Math.log(total / f) * (headline.has(k) ? HEADLINE_WEIGHT : 1);
    out.set(k, w);
    norm += w * w;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (const [k, w] of out) out.set(k, w * scale);
  return out;
}

/** Stories this large have names of their own (a story of two can share a detail by chance). */
const NAMED_STORY = 3;
/** A story's names: those in the headline and lead of more than this share of its members. */
const STORY_NAME_SHARE = 0.7;

/** The names (EventKeys.names) that more than STORY_NAME_SHARE of a story's members write in headline and lead. */
function storyNames(docs: readonly StoryDoc[], members: readonly number[]): number[] {
  const counts = new Map<number, number>();
  for (const i of members) for (const k of docs[i]!.event?.names ?? []) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > STORY_NAME_SHARE * members.length).map(([k]) => k);
}

/**
 * Two stories of three or more articles, each with a name nearly all its members write in headline and lead that no
 * member of the other writes there: two events of one kind (Klitschko's title defence against Rahman and against
 * Thompson; the Chargers' Jackson and Jamal Williams arrested for drunk driving). A later event's reports recall the
 * earlier one further down, so only headlines and leads are read. Pairs of articles are not judged so: a headline
 * names details (a clinic, a lawyer) that other reports of its event leave out, and single articles decide too little.
 */
function namesApart(docs: readonly StoryDoc[], a: readonly number[], b: readonly number[]): boolean {
  if (a.length < NAMED_STORY || b.length < NAMED_STORY) return false;
  const unknownTo = (names: number[], other: readonly number[]): boolean =>
    names.some((k) => !other.some((i) => anyIn(Uint32Array.of(k), docs[i]!.event?.lead ?? new Uint32Array(0))));
  return unknownTo(storyNames(docs, a), b) && unknownTo(storyNames(docs, b), a);
}

/**
 * Pairs of stories (keys) with a story of `from` that qualify for a merge by
 * similarity, best centroid cosine first. `slots` bounds the vectors' slots.
 */
function candidatePairs(
  stories: readonly Story[],
  from: ReadonlySet<number>,
  slots: number,
  options: ClusterOptions,
  merge: MergeOptions,
): Array<[number, number]> {
  // Postings by story in one flat layout (offsets per slot), each list in order of the story's first day, so a
  // story looks only at those within one span: a first round looks from all of SaudiNewsNet's 21,000 stories, and
  // posting lists of Maps and Sets took longer than placement itself.
  const list = [...stories].sort((a, b) => a.first - b.first || a.key - b.key);
  const n = list.length;
  const first = new Int32Array(n);
  const isFrom = new Uint8Array(n);
  const offset = new Int32Array(slots + 1);
  list.forEach((s, i) => {
    first[i] = s.first;
    isFrom[i] = from.has(s.key) ? 1 : 0;
    for (const slot of s.sum.keys()) offset[slot + 1]!++;
  });
  for (let k = 0; k < slots; k++) offset[k + 1]! += offset[k]!;
  const postStory = new Int32Array(offset[slots]!);
  const postWeight = new Float64Array(offset[slots]!);
  const fill = offset.slice(0, slots);
  list.forEach((s, i) => {
    for (const [slot, w] of s.sum) {
      const at = fill[slot]!++;
      postStory[at] = i;
      postWeight[at] = w;
    }
  });
  // Each list is in story order too. When every story is in `from` (a full run's first round), a pair is counted
  // from its first story, so a story's scan starts after itself; otherwise at the first story within one span.
  const everyStory = isFrom.every((f) => f === 1);
  const scanStart = (slot: number, i: number, day: number): number => {
    let lo = offset[slot]!;
    let hi = offset[slot + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (everyStory ? postStory[mid]! <= i : first[postStory[mid]!]! < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const acc = new Float64Array(n);
  const touched: number[] = [];
  const found: Array<[number, number, number]> = [];
  for (let i = 0; i < n; i++) {
    if (!isFrom[i]) continue;
    const a = list[i]!;
    const until = a.first + options.storyDays;
    for (const [slot, w] of a.sum) {
      const end = offset[slot + 1]!;
      for (let k = scanStart(slot, i, a.first - options.storyDays); k < end; k++) {
        const j = postStory[k]!;
        // Sorted by first day: once a story starts too late for one span with this one, so do the rest.
        if (first[j]! > until) break;
        // A pair of two stories of `from` is counted once, from the first of them.
        if (j === i || (j < i && isFrom[j])) continue;
        if (acc[j] === 0) touched.push(j);
        acc[j]! += w * postWeight[k]!;
      }
    }
    for (const j of touched) {
      const b = list[j]!;
      const s = acc[j]! / (a.norm * b.norm || 1);
      const mean = acc[j]! / (a.members.length * b.members.length);
      acc[j] = 0;
      if (s >= merge.threshold && mean >= merge.minMeanSimilarity) found.push([a.key, b.key, s]);
    }
    touched.length = 0;
  }
  found.sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1]);
  return found.map(([ka, kb]) => [ka, kb]);
}
