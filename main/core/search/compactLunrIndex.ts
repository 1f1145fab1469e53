/**
 * A Lunr index held in typed arrays, searched by lunr.Index#query itself.
 *
 * lunr.Index.load turns the serialized index into an object per term, an
 * object per (term, field, document) posting, a number array per field
 * vector and a token-set node per trie edge: 146 MB of heap for a
 * 5,000-article collection (113 MB of it the inverted index), 260 MB of RSS,
 * and seconds to parse. Here the same content sits in a few typed arrays
 * and one sorted term list, and lunr.Index is handed them the way its query
 * code reads them:
 * - `invertedIndex[term]`: the posting object, made when a query asks;
 * - `fieldVectors["field/ref"]`: a lunr.Vector over a slice of one
 *   Float64Array, (term number, score) pairs as lunr lays them out;
 * - `tokenSet.intersect(clause)`: lunr's own intersect, walking a trie that
 *   is read from the sorted terms node by node (a node is a range of terms
 *   sharing a prefix, its edges the next characters in ascending order, as
 *   lunr.TokenSet.Builder inserts them).
 * Scoring, term expansion (wildcards, edit distance) and result order are
 * lunr's; compactLunrIndex.test.ts checks answers against
 * lunr.Index.load of the same index, result for result.
 */
import lunr from 'lunr';

export interface CompactIndex {
  fields: readonly string[];
  /** Document refs (article ids), in the order the documents were added. */
  refs: Int32Array;
  /** Every term, sorted as lunr sorts them (code units). */
  terms: readonly string[];
  /** Lunr's term number (order of first appearance) of each sorted term. */
  termNumbers: Int32Array;
  /** Postings of sorted term t in field f: postDocs[postStart[t * fields + f] .. postStart[t * fields + f + 1]]. */
  postStart: Int32Array;
  /** Document numbers (positions in `refs`). */
  postDocs: Int32Array;
  /** Vector of document d, field f: vecTerms/vecScores[vecStart[d * fields + f] .. vecStart[d * fields + f + 1]]. */
  vecStart: Int32Array;
  /** Lunr term numbers, ascending within a vector. */
  vecTerms: Int32Array;
  /** Lunr's BM25 scores rounded to 3 places, stored as thousandths. */
  vecScores: Int32Array;
}

export interface ScoringParams {
  fields: readonly string[];
  boosts: readonly number[];
  k1: number;
  b: number;
}

/**
 * The index lunr.Builder would build from these documents (keys per field,
 * no pipeline, no metadata), counted in Maps and arrays: lunr.Builder needs
 * about 50 µs a token and a gigabyte for 5,000 articles, because it creates
 * objects per token.
 */
export function buildCompactIndex(
  docs: ReadonlyArray<{ ref: number; keys: readonly (readonly string[])[] }>,
  params: ScoringParams,
): CompactIndex {
  const { fields, boosts, k1, b } = params;
  const nFields = fields.length;
  const nVectors = docs.length * nFields;
  const numberOf = new Map<string, number>();
  const keysByNumber: string[] = [];
  // Per document and field: its distinct term numbers ascending, each with its count (a score once known).
  const vecStart = new Int32Array(nVectors + 1);
  const vecTermList: number[] = [];
  const vecCountList: number[] = [];
  const lengths = new Int32Array(nVectors);
  const lengthSum = new Float64Array(nFields);
  let count = new Int32Array(1024);
  const touched: number[] = [];
  docs.forEach((doc, d) => {
    for (let f = 0; f < nFields; f++) {
      const keys = doc.keys[f] ?? [];
      for (const key of keys) {
        let t = numberOf.get(key);
        if (t === undefined) {
          // Term numbers in order of first appearance, as lunr.Builder assigns them.
          t = keysByNumber.length;
          numberOf.set(key, t);
          keysByNumber.push(key);
          if (t >= count.length) {
            const grown = new Int32Array(count.length * 2);
            grown.set(count);
            count = grown;
          }
        }
        const seen = count[t]!;
        if (seen === 0) touched.push(t);
        count[t] = seen + 1;
      }
      const v = d * nFields + f;
      vecStart[v] = vecTermList.length;
      for (const t of Int32Array.from(touched).sort()) {
        vecTermList.push(t);
        vecCountList.push(count[t]!);
        count[t] = 0;
      }
      touched.length = 0;
      lengths[v] = keys.length;
      lengthSum[f] = lengthSum[f]! + keys.length;
    }
  });
  vecStart[nVectors] = vecTermList.length;
  const vecTerms = Int32Array.from(vecTermList);
  const vecScores = Int32Array.from(vecCountList);
  vecTermList.length = 0;
  vecCountList.length = 0;

  // lunr counts a term's documents per field: an article with it in title and body counts twice.
  const nTerms = keysByNumber.length;
  const withTerm = new Int32Array(nTerms);
  for (const t of vecTerms) withTerm[t]!++;
  const documentCount = docs.length;
  const idf = new Float64Array(nTerms);
  for (let t = 0; t < nTerms; t++) {
    const x = (documentCount - withTerm[t]! + 0.5) / (withTerm[t]! + 0.5);
    idf[t] = Math.log(1 + Math.abs(x));
  }
  for (let v = 0; v < nVectors; v++) {
    const f = v % nFields;
    const average = documentCount > 0 ? lengthSum[f]! / documentCount : 0;
    const norm = k1 * (1 - b + b * (lengths[v]! / average));
    for (let e = vecStart[v]!; e < vecStart[v + 1]!; e++) {
      const t = vecTerms[e]!;
      const n = vecScores[e]!;
      vecScores[e] = Math.round(((idf[t]! * ((k1 + 1) * n)) / (norm + n)) * boosts[f]! * 1000);
    }
  }

  // Postings, by sorted term then field, each in document order: a counting sort of the vectors' entries.
  const terms = [...keysByNumber].sort();
  const termNumbers = new Int32Array(nTerms);
  const sortedOf = new Int32Array(nTerms);
  terms.forEach((term, s) => {
    const t = numberOf.get(term)!;
    termNumbers[s] = t;
    sortedOf[t] = s;
  });
  const postStart = new Int32Array(nTerms * nFields + 1);
  for (let v = 0; v < nVectors; v++) {
    const f = v % nFields;
    for (let e = vecStart[v]!; e < vecStart[v + 1]!; e++) postStart[sortedOf[vecTerms[e]!]! * nFields + f + 1]!++;
  }
  for (let i = 1; i < postStart.length; i++) postStart[i]! += postStart[i - 1]!;
  const fill = postStart.slice(0, nTerms * nFields);
  const postDocs = new Int32Array(vecTerms.length);
  for (let v = 0; v < nVectors; v++) {
    const d = Math.floor(v / nFields);
    const f = v % nFields;
    for (let e = vecStart[v]!; e < vecStart[v + 1]!; e++) postDocs[fill[sortedOf[vecTerms[e]!]! * nFields + f]!++] = d;
  }
  return {
    fields,
    refs: Int32Array.from(docs, (doc) => doc.ref),
    terms,
    termNumbers,
    postStart,
    postDocs,
    vecStart,
    vecTerms,
    vecScores,
  };
}

/** The index as lunr.Index#toJSON would write it (the form lunr.Index.load reads). */
export function toLunrJson(index: CompactIndex): string {
  const { fields, refs, terms, termNumbers, postStart, postDocs, vecStart, vecTerms, vecScores } = index;
  const nFields = fields.length;
  const parts: string[] = [
    `{"version":${JSON.stringify(lunr.version)},"fields":${JSON.stringify(fields)},"fieldVectors":[`,
  ];
  for (let v = 0; v < vecStart.length - 1; v++) {
    const name = JSON.stringify(`${fields[v % nFields]}/${refs[Math.floor(v / nFields)]}`);
    const elements: string[] = [];
    for (let e = vecStart[v]!; e < vecStart[v + 1]!; e++) elements.push(`${vecTerms[e]},${vecScores[e]! / 1000}`);
    parts.push(`${v === 0 ? '' : ','}[${name},[${elements.join(',')}]]`);
  }
  parts.push('],"invertedIndex":[');
  const fieldKeys = fields.map((f) => JSON.stringify(f));
  terms.forEach((term, s) => {
    let posting = `{"_index":${termNumbers[s]}`;
    fieldKeys.forEach((key, f) => {
      const docs = postDocs.subarray(postStart[s * nFields + f], postStart[s * nFields + f + 1]);
      // Refs are article ids: digits, nothing to escape.
      posting += `,${key}:{${Array.from(docs, (d) => `"${refs[d]}":{}`).join(',')}}`;
    });
    parts.push(`${s === 0 ? '' : ','}[${JSON.stringify(term)},${posting}}]`);
  });
  parts.push('],"pipeline":[]}');
  return parts.join('');
}

// ---------------------------------------------------------------------------
// Stored form: a header, the integer arrays, the terms as UTF-8 text.

const MAGIC = 0x434c5a4d; // "MZLC", little-endian
const FORMAT = 1;
/** Names the stored form; stored beside the analyzer fingerprint, so a change of either reads as stale. */
export const STORED_FORM = `lunr-arrays-${FORMAT}`;
const ARRAYS = ['refs', 'termNumbers', 'postStart', 'postDocs', 'vecStart', 'vecTerms', 'vecScores'] as const;

interface Header {
  format: number;
  lunr: string;
  fields: readonly string[];
  lengths: number[];
  termBytes: number;
}

export function encodeCompactIndex(index: CompactIndex): Uint8Array {
  // Terms never hold a line break: the analyzer splits on white space.
  const termText = Buffer.from(index.terms.join('\n'), 'utf8');
  const header: Header = {
    format: FORMAT,
    lunr: lunr.version,
    fields: index.fields,
    lengths: ARRAYS.map((name) => index[name].length),
    termBytes: termText.length,
  };
  const headerText = Buffer.from(JSON.stringify(header), 'utf8');
  const headerBytes = Math.ceil(headerText.length / 4) * 4;
  const arrayBytes = ARRAYS.reduce((sum, name) => sum + index[name].byteLength, 0);
  const out = new Uint8Array(8 + headerBytes + arrayBytes + termText.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, headerText.length, true);
  out.set(headerText, 8);
  let at = 8 + headerBytes;
  for (const name of ARRAYS) {
    const a = index[name];
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += a.byteLength;
  }
  out.set(termText, at);
  return out;
}

/** True when `data` is in the stored form above (indexes stored by older versions are not). */
export function isCompactIndex(data: Uint8Array): boolean {
  return data.byteLength >= 8 && new DataView(data.buffer, data.byteOffset, 8).getUint32(0, true) === MAGIC;
}

export function decodeCompactIndex(data: Uint8Array): CompactIndex {
  if (!isCompactIndex(data)) throw new Error('not a stored collection index');
  // An aligned copy: a blob from SQLite or a worker message may start anywhere in its buffer.
  const bytes = new Uint8Array(data);
  const headerLength = new DataView(bytes.buffer).getUint32(4, true);
  const header = JSON.parse(Buffer.from(bytes.buffer, 8, headerLength).toString('utf8')) as Header;
  if (header.format !== FORMAT) throw new Error(`collection index format ${header.format} is not ${FORMAT}`);
  let at = 8 + Math.ceil(headerLength / 4) * 4;
  const arrays = ARRAYS.map((_, i) => {
    const a = new Int32Array(bytes.buffer, at, header.lengths[i]);
    at += a.byteLength;
    // Each its own copy: the vectors' arrays are dropped once lunr's layout is made from them (10 MB at 5,000 articles).
    return a.slice();
  });
  const termText = Buffer.from(bytes.buffer, at, header.termBytes).toString('utf8');
  const [refs, termNumbers, postStart, postDocs, vecStart, vecTerms, vecScores] = arrays as [
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
  ];
  return {
    fields: header.fields,
    refs,
    terms: termText === '' ? [] : termText.split('\n'),
    termNumbers,
    postStart,
    postDocs,
    vecStart,
    vecTerms,
    vecScores,
  };
}

// ---------------------------------------------------------------------------
// Lunr over the arrays

/** Per-posting metadata is empty (no whitelist): one object shared by every posting. */
const NO_METADATA: Readonly<Record<string, never>> = Object.freeze({});

/**
 * A trie node read from sorted terms: terms[lo..hi) share the node's prefix
 * (depth code units). Made per query and dropped with it, so a search of a
 * rare word reads a few nodes and keeps none.
 */
class TermTrieNode {
  readonly final: boolean;
  private children: Record<string, TermTrieNode> | null = null;

  constructor(
    private readonly terms: readonly string[],
    private readonly lo: number,
    private readonly hi: number,
    private readonly depth: number,
  ) {
    this.final = lo < hi && terms[lo]!.length === depth;
  }

  /** The next code units, ascending, each to the range of terms continuing with it (found by binary search). */
  get edges(): Record<string, TermTrieNode> {
    if (this.children) return this.children;
    const { terms, depth } = this;
    const edges: Record<string, TermTrieNode> = {};
    let i = this.final ? this.lo + 1 : this.lo;
    while (i < this.hi) {
      const c = terms[i]!.charCodeAt(depth);
      let lo = i + 1;
      let hi = this.hi;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (terms[mid]!.charCodeAt(depth) === c) lo = mid + 1;
        else hi = mid;
      }
      edges[String.fromCharCode(c)] = new TermTrieNode(terms, i, lo, depth + 1);
      i = lo;
    }
    return (this.children = edges);
  }
}

function findTerm(terms: readonly string[], term: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < term) lo = mid + 1;
    else hi = mid;
  }
  return lo < terms.length && terms[lo] === term ? lo : -1;
}

/** What a lunr.TokenSet node holds (not in lunr's type definitions). */
interface TokenSetNode {
  final: boolean;
  edges: Record<string, TokenSetNode>;
}
const tokenSetFromString = (word: string): lunr.TokenSet =>
  (lunr.TokenSet as unknown as { fromString(word: string): lunr.TokenSet }).fromString(word);

/** The one word a token set holds when it is a plain chain of characters (no wildcard, no branch); else null. */
function singleWord(set: lunr.TokenSet): string | null {
  let word = '';
  let node = set as unknown as TokenSetNode;
  for (;;) {
    const edges = Object.keys(node.edges);
    if (edges.length === 0) return node.final && word !== '' ? word : null;
    if (edges.length > 1 || edges[0] === '*' || node.final) return null;
    word += edges[0];
    node = node.edges[edges[0]!]!;
  }
}

/** A lunr.Index answering from `index` without copying it into lunr's objects. */
export function compactLunrIndex(index: CompactIndex): lunr.Index {
  const { fields, refs, terms, termNumbers, postStart, postDocs, vecStart, vecTerms, vecScores } = index;
  const nFields = fields.length;

  // lunr's vector layout, (term number, score) pairs, in one array: Vector#dot reads only `elements`.
  const elements = new Float64Array(vecTerms.length * 2);
  for (let e = 0; e < vecTerms.length; e++) {
    elements[2 * e] = vecTerms[e]!;
    elements[2 * e + 1] = vecScores[e]! / 1000;
  }

  // Term numbers whose postings the running query has read: the only terms its query vectors hold.
  let asked: number[] = [];
  let askedSorted: number[] | null = null;

  const invertedIndex = new Proxy(Object.create(null) as Record<string, unknown>, {
    get(_, term) {
      const s = typeof term === 'string' ? findTerm(terms, term) : -1;
      if (s < 0) return undefined;
      asked.push(termNumbers[s]!);
      askedSorted = null;
      const posting: Record<string, unknown> = { _index: termNumbers[s] };
      for (let f = 0; f < nFields; f++) {
        const byRef: Record<string, object> = {};
        for (let p = postStart[s * nFields + f]!; p < postStart[s * nFields + f + 1]!; p++) {
          byRef[refs[postDocs[p]!]!] = NO_METADATA;
        }
        posting[fields[f]!] = byRef;
      }
      return posting;
    },
  });

  const vectorOf = new Map<string, number>();
  for (let v = 0; v < refs.length * nFields; v++)
    vectorOf.set(`${fields[v % nFields]}/${refs[Math.floor(v / nFields)]}`, v);

  /**
   * Field vector `v` cut to the terms the running query asked for. Lunr's
   * Vector#dot walks both vectors in term order, so a long article's body
   * cost a step per term it holds, for each matching article (most of a
   * fuzzy or many-word query's time); the terms it does not share with the
   * query add nothing, and the shared ones are multiplied and summed in the
   * same order, so every score is the same to the last bit.
   * A typed-array view where lunr expects number[]: Vector#dot only indexes it.
   */
  const queryPart = (v: number): lunr.Vector => {
    if (askedSorted === null) askedSorted = [...new Set(asked)].sort((a, b) => a - b);
    let lo = vecStart[v]!;
    const end = vecStart[v + 1]!;
    // Many terms asked (a fuzzy word's expansions) against a short vector: lunr's own walk is as cheap.
    if (askedSorted.length * Math.log2(end - lo + 1) >= end - lo) {
      return new lunr.Vector(elements.subarray(2 * lo, 2 * end) as unknown as number[]);
    }
    const out: number[] = [];
    for (const t of askedSorted) {
      let hi = end;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (vecTerms[mid]! < t) lo = mid + 1;
        else hi = mid;
      }
      if (lo === end) break;
      if (vecTerms[lo] === t) out.push(elements[2 * lo]!, elements[2 * lo + 1]!);
    }
    return new lunr.Vector(out);
  };

  // Lunr reads a field vector per matching (document, field) of every query, by "field/ref".
  const fieldVectors = new Proxy(Object.create(null) as Record<string, lunr.Vector>, {
    get(_, key) {
      const v = typeof key === 'string' ? vectorOf.get(key) : undefined;
      return v === undefined ? undefined : queryPart(v);
    },
    has: (_, key) => typeof key === 'string' && vectorOf.has(key),
    // A query of excluded words only scores every document: lunr lists the vectors' keys.
    ownKeys: () => [...vectorOf.keys()],
    getOwnPropertyDescriptor(_, key) {
      const v = typeof key === 'string' ? vectorOf.get(key) : undefined;
      return v === undefined
        ? undefined
        : { value: queryPart(v), enumerable: true, configurable: true, writable: false };
    },
  });

  // A real TokenSet whose intersect runs lunr's own over the trie of the sorted terms.
  const tokenSet = new lunr.TokenSet();
  tokenSet.intersect = (clause: lunr.TokenSet): lunr.TokenSet => {
    // A clause of one plain word (most are) matches that word or nothing: looked up, not walked.
    const word = singleWord(clause);
    if (word !== null) return findTerm(terms, word) >= 0 ? tokenSetFromString(word) : new lunr.TokenSet();
    return lunr.TokenSet.prototype.intersect.call(
      new TermTrieNode(terms, 0, terms.length, 0) as unknown as lunr.TokenSet,
      clause,
    );
  };

  const lunrIndex = new lunr.Index({
    invertedIndex,
    fieldVectors,
    tokenSet,
    fields: [...fields],
    pipeline: new lunr.Pipeline(),
  } as unknown as lunr.Index.Attributes);
  // Each query starts with no terms asked (Index#search goes through query too).
  lunrIndex.query = function (this: lunr.Index, fn: lunr.Index.QueryBuilder) {
    asked = [];
    askedSorted = null;
    return lunr.Index.prototype.query.call(this, fn);
  };
  return lunrIndex;
}
