/**
 * Lunr indexes of collections, from the same analyzer keys as the library
 * index and searched with the same query plan, so a query means the same in
 * both. Fuzzy words and prefixes are expanded the way Lunr does it, against
 * the collection's own vocabulary (its TokenSet).
 *
 * The index holds what lunr.Builder would build (lunr's own BM25 field
 * vectors: k1 1.2, b 0.75, lunr.idf, scores rounded to 3 places), counted
 * in Maps and kept in typed arrays (compactLunrIndex.ts), and is searched as
 * lunr.Index#query searches (compactLunrQuery.ts). lunrCollection.test.ts checks its lunr serialized form
 * against lunr.Builder's, byte for byte.
 *
 * Fields: title and body hold each word's stem key, and its exact key where
 * it differs (one stream each: Lunr ranks and expands, it needs no
 * positions), so an exact match scores twice and is known as such; author
 * and source hold exact keys. Word order (phrases) and lang: are decided
 * with the library index (see searchService.ts), which holds the same
 * articles.
 *
 * Runs in a worker (collectionWorker.ts) in the app; pure functions here.
 */
import lunr from 'lunr';
import {
  buildCompactIndex,
  decodeCompactIndex,
  encodeCompactIndex,
  toLunrJson,
  type CompactIndex,
  type ScoringParams,
} from './compactLunrIndex';
import { compactLunrIndex, type LunrSearcher } from './compactLunrQuery';
import { bm25Weights } from './ftsQuery';
import { indexedTokens, type IndexInput } from './indexDocument';
import type { QueryField } from './queryParser';
import type { PlanLeaf, PlanNode } from './queryPlan';

export type CollectionInput = IndexInput & { id: number };

/** Field boosts mirror the library index's bm25 weights (title above body). */
export const collectionFields = {
  title: bm25Weights.title_s,
  body: bm25Weights.body_s,
  author: bm25Weights.author,
  source: bm25Weights.source,
} as const;
type LunrField = keyof typeof collectionFields;
const fieldNames = Object.keys(collectionFields) as LunrField[];

/** Stem keys, each followed by its exact key where the two differ: one stream per field. */
function stemAndExact(text: string): string[] {
  const out: string[] = [];
  for (const t of indexedTokens(text)) {
    out.push(t.stem);
    if (t.exact !== t.stem) out.push(t.exact);
  }
  return out;
}

/** The keys each field of an article holds, in text order. */
export function collectionKeys(input: IndexInput): Record<LunrField, string[]> {
  return {
    title: stemAndExact(input.title),
    body: stemAndExact(input.body),
    author: input.author ? indexedTokens(input.author).map((t) => t.exact) : [],
    source: input.source ? indexedTokens(input.source).map((t) => t.exact) : [],
  };
}

const K1 = 1.2;
const B = 0.75;
const scoring: ScoringParams = {
  fields: fieldNames,
  boosts: fieldNames.map((f) => collectionFields[f]),
  k1: K1,
  b: B,
};

/** The index of documents whose keys are given per field (as collectionKeys gives them). */
export function indexOfKeys(docs: ReadonlyArray<{ ref: string; keys: Record<LunrField, string[]> }>): CompactIndex {
  return buildCompactIndex(
    docs.map((d) => ({ ref: Number(d.ref), keys: fieldNames.map((f) => d.keys[f]) })),
    scoring,
  );
}

/** The same index in lunr's serialized form, as lunr.Index#toJSON would write it. */
export function buildSerializedIndex(docs: ReadonlyArray<{ ref: string; keys: Record<LunrField, string[]> }>): string {
  return toLunrJson(indexOfKeys(docs));
}

export function buildCollectionIndex(
  inputs: readonly CollectionInput[],
  onProgress?: (done: number) => void,
): CompactIndex {
  const docs = inputs.map((input, i) => {
    if (onProgress && (i + 1) % 250 === 0) onProgress(i + 1);
    const keys = collectionKeys(input);
    return { ref: input.id, keys: fieldNames.map((f) => keys[f]) };
  });
  return buildCompactIndex(docs, scoring);
}

/** The stored form (compactLunrIndex.ts). */
export function serializeIndex(index: CompactIndex): Uint8Array {
  return encodeCompactIndex(index);
}

/** The index searched as lunr.Index#query searches it, without lunr's per-term objects. */
export function lunrIndexOf(index: CompactIndex): LunrSearcher {
  return compactLunrIndex(index);
}

/** The stored form, searchable. */
export function loadIndex(data: Uint8Array): LunrSearcher {
  return compactLunrIndex(decodeCompactIndex(data));
}

// ---------------------------------------------------------------------------
// Search

/** A plan leaf as sent to Lunr: phrases and lang: carry the ids the library index found for them. */
export type CollectionLeaf = PlanLeaf & { within?: number[] };
export type CollectionPlan =
  | CollectionLeaf
  | { kind: 'and'; must: CollectionPlan[]; not: CollectionPlan[] }
  | { kind: 'or'; any: CollectionPlan[] };

export interface CollectionHit {
  id: number;
  score: number;
  /** Every word matched in its exact form: the first ranking tier, as in the library index. */
  exact: boolean;
  /** Index keys that matched, for highlighting. */
  keys: string[];
}

interface Acc {
  score: number;
  exact: boolean;
  keys: Set<string>;
}

type Hits = Map<number, Acc>;

/** Where a word is looked for (ftsQuery.ts's columns, as Lunr fields). */
function fieldsOf(field: QueryField | null): LunrField[] {
  switch (field) {
    case null:
      return ['title', 'body', 'author', 'source'];
    case 'title':
    case 'body':
    case 'author':
    case 'source':
      return [field];
    case 'lang':
      return [];
  }
}

/** Title and body hold stems and exact keys, author and source exact keys: a clause per key. */
function clauses(
  q: lunr.Query,
  fields: LunrField[],
  stem: string,
  exact: string,
  extra: Partial<lunr.Query.Clause> = {},
): void {
  const textFields = fields.filter((f) => f === 'title' || f === 'body');
  if (textFields.length > 0) q.term(stem, { fields: textFields, usePipeline: false, ...extra });
  const exactFields = exact !== stem ? fields : fields.filter((f) => f === 'author' || f === 'source');
  if (exactFields.length > 0) q.term(exact, { fields: exactFields, usePipeline: false, ...extra });
}

/** Lunr's answer; a document is an exact match when every one of `exactKeys` matched (null: always). */
function run(index: LunrSearcher, build: (q: lunr.Query) => void, exactKeys: readonly string[] | null): Hits {
  const out: Hits = new Map();
  for (const r of index.query(build)) {
    const exact = exactKeys === null || exactKeys.every((k) => r.terms.includes(k));
    out.set(r.ref, { score: r.score, exact, keys: new Set(r.terms) });
  }
  return out;
}

function leafHits(index: LunrSearcher, leaf: CollectionLeaf): Hits {
  const fields = fieldsOf(leaf.field);
  let hits: Hits;
  switch (leaf.kind) {
    case 'lang':
      hits = new Map();
      break;
    case 'word':
      hits = run(index, (q) => clauses(q, fields, leaf.stem, leaf.exact), [leaf.exact]);
      break;
    case 'phrase':
      hits = run(index, (q) => leaf.stem.forEach((s, i) => clauses(q, fields, s, leaf.exact[i]!)), leaf.exact);
      break;
    case 'prefix': {
      const wildcard = { wildcard: lunr.Query.wildcard.TRAILING };
      // A typed prefix can be longer than the stems it should find (اميركي* → اميرك): its own stem too.
      hits = run(
        index,
        (q) => [...leaf.prefixes, ...leaf.stems].forEach((p) => clauses(q, fields, p, p, wildcard)),
        null,
      );
      break;
    }
    case 'fuzzy':
      hits = run(index, (q) => clauses(q, fields, leaf.stem, leaf.exact, { editDistance: leaf.edits }), null);
      break;
  }
  if (leaf.within) {
    // Phrases (word order) and lang: are decided by the library index.
    const allowed = new Set(leaf.within);
    for (const id of hits.keys()) if (!allowed.has(id)) hits.delete(id);
    for (const id of allowed)
      if (!hits.has(id)) hits.set(id, { score: 0, exact: leaf.kind === 'lang', keys: new Set() });
  }
  return hits;
}

/** AND: exact when both parts are; OR: when either is. */
function merge(into: Acc, from: Acc, both: boolean): void {
  into.score += from.score;
  into.exact = both ? into.exact && from.exact : into.exact || from.exact;
  from.keys.forEach((k) => into.keys.add(k));
}

function evaluate(index: LunrSearcher, node: CollectionPlan): Hits {
  if (node.kind === 'and') {
    const [first, ...rest] = node.must.map((n) => evaluate(index, n));
    const out: Hits = first ?? new Map();
    for (const other of rest) {
      for (const [id, acc] of out) {
        const o = other.get(id);
        if (o) merge(acc, o, true);
        else out.delete(id);
      }
    }
    for (const n of node.not) for (const id of evaluate(index, n).keys()) out.delete(id);
    return out;
  }
  if (node.kind === 'or') {
    const out: Hits = new Map();
    for (const hits of node.any.map((n) => evaluate(index, n))) {
      for (const [id, acc] of hits) {
        const seen = out.get(id);
        if (seen) merge(seen, acc, false);
        else out.set(id, { score: acc.score, exact: acc.exact, keys: new Set(acc.keys) });
      }
    }
    return out;
  }
  return leafHits(index, node);
}

/** Every matching article of the collection: exact-form matches first, each tier by Lunr's score. */
export function searchCollection(index: LunrSearcher, plan: CollectionPlan): CollectionHit[] {
  return [...evaluate(index, plan)]
    .map(([id, acc]) => ({ id, score: acc.score, exact: acc.exact, keys: [...acc.keys] }))
    .sort((a, b) => Number(b.exact) - Number(a.exact) || b.score - a.score || a.id - b.id);
}

/**
 * Hits in the form they cross from the worker: typed arrays and one string.
 * Structured clone copies those in about a millisecond, where 4,447 hit
 * objects with their key arrays took 14-40 ms (sending and receiving), most
 * of a large query's time; only the shown page's keys are ever split again.
 */
export interface PackedHits {
  ids: Int32Array;
  scores: Float64Array;
  /** 1 where the hit is in the exact-form tier. */
  exact: Uint8Array;
  /** Every hit's keys, KEY_SEP between keys, one hit after another. */
  keys: string;
  /** Where each hit's keys end in `keys`. */
  keyEnds: Int32Array;
}

const KEY_SEP = '\u001f';

export function packHits(hits: readonly CollectionHit[]): PackedHits {
  const n = hits.length;
  const packed: PackedHits = {
    ids: new Int32Array(n),
    scores: new Float64Array(n),
    exact: new Uint8Array(n),
    keys: '',
    keyEnds: new Int32Array(n),
  };
  const parts: string[] = [];
  let end = 0;
  hits.forEach((h, i) => {
    packed.ids[i] = h.id;
    packed.scores[i] = h.score;
    packed.exact[i] = h.exact ? 1 : 0;
    const joined = h.keys.join(KEY_SEP);
    parts.push(joined);
    end += joined.length;
    packed.keyEnds[i] = end;
  });
  packed.keys = parts.join('');
  return packed;
}

/** The keys of hit `i` of a packed list. */
export function packedKeys(packed: PackedHits, i: number): string[] {
  const text = packed.keys.slice(i === 0 ? 0 : packed.keyEnds[i - 1]!, packed.keyEnds[i]!);
  return text === '' ? [] : text.split(KEY_SEP);
}

/** Leaves whose matches Lunr cannot decide alone (word order, language). */
export function leavesNeedingLibrary(
  node: PlanNode,
  out: Array<PlanLeaf & { kind: 'phrase' | 'lang' }> = [],
): Array<PlanLeaf & { kind: 'phrase' | 'lang' }> {
  if (node.kind === 'and') [...node.must, ...node.not].forEach((n) => leavesNeedingLibrary(n, out));
  else if (node.kind === 'or') node.any.forEach((n) => leavesNeedingLibrary(n, out));
  else if (node.kind === 'phrase' || node.kind === 'lang') out.push(node);
  return out;
}
