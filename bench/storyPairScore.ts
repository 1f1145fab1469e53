/**
 * A learned pair score, tried as a route past hand thresholds (main/core/compare/README.md has the figures): the
 * probability that two articles report one event, from a logistic regression over pair features the clustering
 * already has (TF-IDF cosine and what the vectors share, headline and lead overlap, the event criterion's vetoes,
 * length, language, the years the openings name). `bench/storyPairs.ts` fits the weights; the merge pass can ask
 * that the score averaged over two stories' member pairs (average link) reaches a level (`learnedStoryScore`).
 */
import { defaultClusterOptions, storyVectors, type StoryDoc, type Vector } from '../main/core/compare/clusterer';
import { differentEvents, type EventVeto } from '../main/core/compare/events';
import type { DocFrequencies } from '../main/core/compare/features';
import { TemplateIndex } from '../main/core/compare/templates';
import { analyze } from '../main/core/text/analyze';
import { detectLanguage } from '../main/core/text/language';
import type { StoryText } from './storyRun';

/** The features' names, in the order of `pairFeatures` and the weights. */
export const PAIR_FEATURES = [
  'bias',
  'cosine',
  'headline share',
  'lead overlap',
  'template veto',
  'entity veto',
  'other veto',
  'log shorter',
  'latin',
  'latin x cosine',
  'latin x headline share',
  'latin x lead overlap',
  'shared weight',
  'log shared terms',
  'latin x shared weight',
  'years apart',
  'years shared',
] as const;

export type PairWeights = readonly number[];

/** Fitted on ECB+ dev pairs: `MIZAN_ECB=<ecbplus.jsonl> node dist/bench/storyPairs.js` (its header says how they are labelled). */
export const PAIR_WEIGHTS: PairWeights = [
  -0.576, 3.106, 0.043, 3.451, -0.266, -1.173, 0, -2.845, 0, 3.106, 0.043, 3.451, 0.866, -1.025, 0.866, -0.789, 1.235,
];

/** What the features read of an article besides its story doc: language and years, from its text. */
export interface PairText {
  /** The headline is not Arabic (independent English reports share fewer words than Arabic wire copies). */
  latin: boolean;
  /** The years 1950-2049 its headline and first 1,000 characters name (an event's twin is often another year's). */
  years: ReadonlySet<number>;
}

export function pairText(text: Pick<StoryText, 'title' | 'body'>): PairText {
  const years = new Set<number>();
  for (const t of analyze(`${text.title}\n${text.body.slice(0, 1000)}`)) {
    const y =
      t.kind === 'number' && t.exact.length === 4
        ? Number(t.exact)
        : t.kind === 'date'
          ? Number(t.exact.slice(0, 4))
          : 0;
    if (y >= 1950 && y < 2050) years.add(y);
  }
  return { latin: text.title.trim() !== '' && detectLanguage(text.title) !== 'ar', years };
}

/** What two unit vectors share: their cosine, the sum of the smaller weight of each shared term, the shared terms. */
export interface Overlap {
  cosine: number;
  minWeight: number;
  terms: number;
}

/** `scratch` is zero, one entry a slot, and is left so. */
export function vectorOverlap(a: Vector, b: Vector, scratch: Float64Array): Overlap {
  for (let k = 0; k < a.slots.length; k++) scratch[a.slots[k]!] = a.weights[k]!;
  let cosine = 0;
  let minWeight = 0;
  let terms = 0;
  for (let k = 0; k < b.slots.length; k++) {
    const wa = scratch[b.slots[k]!]!;
    if (wa === 0) continue;
    const wb = b.weights[k]!;
    cosine += wa * wb;
    minWeight += Math.min(wa, wb);
    terms++;
  }
  for (let k = 0; k < a.slots.length; k++) scratch[a.slots[k]!] = 0;
  return { cosine, minWeight, terms };
}

export function vectorDot(a: Vector, b: Vector, scratch: Float64Array): number {
  return vectorOverlap(a, b, scratch).cosine;
}

function shared(a: Uint32Array, b: Uint32Array): number {
  const set = new Set(a);
  let n = 0;
  for (const k of new Set(b)) if (set.has(k)) n++;
  return n;
}

/** The share of the shorter headline's distinct keys that the other headline carries. */
function headlineShare(a: Uint32Array, b: Uint32Array): number {
  const small = Math.min(new Set(a).size, new Set(b).size);
  return small === 0 ? 0 : shared(a, b) / small;
}

/** Jaccard overlap of the two headline-and-lead key sets (already unique). */
function leadOverlap(a: Uint32Array, b: Uint32Array): number {
  const both = shared(a, b);
  const union = a.length + b.length - both;
  return union === 0 ? 0 : both / union;
}

/**
 * The features of a pair. `overlap` is what their TF-IDF vectors share; `latin` says the pair's headlines are not Arabic
 * (independent English reports share fewer words than Arabic wire copies, so the words weigh differently).
 */
export function pairFeatures(
  a: StoryDoc,
  b: StoryDoc,
  overlap: Overlap,
  templates: TemplateIndex,
  ta: PairText,
  tb: PairText,
): number[] {
  const latin = ta.latin && tb.latin;
  let sharedYears = 0;
  for (const y of ta.years) if (tb.years.has(y)) sharedYears++;
  const cosine = overlap.cosine;
  const ea = a.event;
  const eb = b.event;
  const veto: EventVeto | null =
    ea && eb
      ? differentEvents(
          { event: ea, terms: a.features.terms, day: a.day },
          { event: eb, terms: b.features.terms, day: b.day },
          templates,
        )
      : null;
  const title = ea && eb ? headlineShare(ea.title, eb.title) : 0;
  const lead = ea && eb ? leadOverlap(ea.lead, eb.lead) : 0;
  const shorter = Math.min(a.features.terms.length, b.features.terms.length);
  const l = latin ? 1 : 0;
  return [
    1,
    cosine,
    title,
    lead,
    veto === 'template' ? 1 : 0,
    veto === 'entities' ? 1 : 0,
    veto !== null && veto !== 'template' && veto !== 'entities' ? 1 : 0,
    Math.log(1 + shorter) / 5,
    l,
    l * cosine,
    l * title,
    l * lead,
    overlap.minWeight,
    Math.log(1 + overlap.terms) / 3,
    l * overlap.minWeight,
    ta.years.size > 0 && tb.years.size > 0 && sharedYears === 0 ? 1 : 0,
    sharedYears > 0 ? 1 : 0,
  ];
}

export function pairProbability(features: readonly number[], weights: PairWeights): number {
  let z = 0;
  for (let k = 0; k < features.length; k++) z += features[k]! * (weights[k] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

/**
 * The merge pass's `storyScore` for articles `texts` placed as `docs` (same order, nothing stored before): the
 * pair score averaged over every pair of the two stories' members.
 */
export function learnedStoryScore(
  texts: readonly StoryText[],
  docs: readonly StoryDoc[],
  df: DocFrequencies,
  weights: PairWeights = PAIR_WEIGHTS,
): (a: readonly number[], b: readonly number[]) => number {
  const { vectors, slots } = storyVectors(docs, df, defaultClusterOptions);
  const templates = new TemplateIndex(defaultClusterOptions.minTemplateCount);
  for (const d of docs) if (d.event) templates.add(d.event.title);
  const extra = texts.map(pairText);
  const scratch = new Float64Array(slots);
  return (a, b) => {
    let sum = 0;
    for (const i of a) {
      for (const j of b) {
        const overlap = vectorOverlap(vectors[i]!, vectors[j]!, scratch);
        sum += pairProbability(pairFeatures(docs[i]!, docs[j]!, overlap, templates, extra[i]!, extra[j]!), weights);
      }
    }
    return sum / (a.length * b.length);
  };
}
