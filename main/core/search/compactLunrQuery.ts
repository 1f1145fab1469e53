/**
 * lunr.Index#query over a CompactIndex (compactLunrIndex.ts), in typed arrays.
 *
 * Lunr's own query loop makes a FieldRef, a MatchData and a Set entry per
 * matching (document, field, term), and a posting object per term asked: a
 * fuzzy or prefix word over thousands of articles spent most of its time
 * there. This loop does the same steps in the same order on numbers:
 * - clauses as lunr.Query builds them; terms expanded by lunr's own
 *   TokenSet#intersect (fuzzy, wildcards), walking a trie read from the
 *   sorted terms (a node is a range of terms sharing a prefix);
 * - per field a query vector (term number → summed boosts), required and
 *   prohibited documents as lunr combines them;
 * - matching field vectors scored in the order lunr first meets them, a
 *   document's fields summed in that order, each score the dot product over
 *   shared terms in term order divided by the query vector's magnitude;
 * - matched terms per document in the order lunr's MatchData keeps them
 *   (Object.keys order: integer-like terms first), results by score, stable.
 * So every ref, score (to the last bit), term list and order is lunr's:
 * compactLunrQuery.test.ts checks them against lunr.Index.load of the same
 * index. The index's pipeline is empty, so a clause's term is used as given.
 */
import lunr from 'lunr';
import type { CompactIndex } from './compactLunrIndex';

export interface LunrMatch {
  ref: number;
  score: number;
  /** Matched index terms, in the order of lunr's `matchData.metadata` keys. */
  terms: string[];
}

/** What searches a collection: this index, or (in comparisons) lunr.Index itself through `lunrMatches`. */
export interface LunrSearcher {
  query(build: (q: lunr.Query) => void): LunrMatch[];
}

/** lunr.Index's answer in the same shape. */
export function lunrMatches(index: lunr.Index): LunrSearcher {
  return {
    query: (build) =>
      index.query(build).map((r) => ({
        ref: Number(r.ref),
        score: r.score,
        terms: Object.keys(r.matchData.metadata),
      })),
  };
}

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

/** Position of `term` among the sorted terms, or -1. */
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
/** What lunr.Query holds and does that lunr's type definitions leave out. */
type Clause = lunr.Query.Clause & { presence: lunr.Query.presence };
type Query = lunr.Query & { clauses: Clause[]; isNegated(): boolean };

const tokenSetOfClause = (clause: lunr.Query.Clause): lunr.TokenSet =>
  (lunr.TokenSet as unknown as { fromClause(clause: lunr.Query.Clause): lunr.TokenSet }).fromClause(clause);

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

/** True for a key Object.keys lists before the others, ascending: a canonical array index. */
function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9][0-9]*)$/.test(key) && Number(key) < 4294967295;
}

/** Terms in the order an object with them as keys, added in this order, lists them. */
function inKeyOrder(terms: string[]): string[] {
  if (!terms.some(isArrayIndex)) return terms;
  const indices = terms.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
  return [...indices, ...terms.filter((t) => !isArrayIndex(t))];
}

/** A field's query vector: term numbers ascending, each with its summed boosts (lunr.Vector#upsert). */
class QueryVector {
  readonly terms: number[] = [];
  readonly values: number[] = [];

  upsert(term: number, boost: number): void {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[mid]! < term) lo = mid + 1;
      else hi = mid;
    }
    if (this.terms[lo] === term) this.values[lo] = this.values[lo]! + boost;
    else {
      this.terms.splice(lo, 0, term);
      this.values.splice(lo, 0, boost);
    }
  }

  /** lunr.Vector#magnitude: the squares summed in term order. */
  magnitude(): number {
    let sum = 0;
    for (const v of this.values) sum += v * v;
    return Math.sqrt(sum);
  }
}

/** A lunr.Index#query over the arrays, answering exactly as lunr does (see above). */
export function compactLunrIndex(index: CompactIndex): LunrSearcher {
  const { fields, refs, terms, termNumbers, postStart, vecStart, vecTerms, vecScores } = index;
  const nFields = fields.length;
  const nDocs = refs.length;
  const nVectors = nDocs * nFields;
  const fieldIndex = new Map(fields.map((f, i) => [f, i]));

  // Lunr lists a posting's documents by ref, ascending (refs are integer-like object keys).
  let postDocs = index.postDocs;
  if (refs.some((ref, d) => d > 0 && ref <= refs[d - 1]!)) {
    postDocs = postDocs.slice();
    for (let p = 0; p < postStart.length - 1; p++)
      postDocs.subarray(postStart[p], postStart[p + 1]).sort((a, b) => refs[a]! - refs[b]!);
  }

  const expand = (clause: lunr.Query.Clause): number[] => {
    const set = tokenSetOfClause(clause);
    // A clause of one plain word (most are) matches that word or nothing: looked up, not walked.
    const word = singleWord(set);
    if (word !== null) {
      const s = findTerm(terms, word);
      return s < 0 ? [] : [s];
    }
    const trie = new TermTrieNode(terms, 0, terms.length, 0) as unknown as lunr.TokenSet;
    return lunr.TokenSet.prototype.intersect
      .call(trie, set)
      .toArray()
      .map((term) => findTerm(terms, term));
  };

  /** Field vector v against a query vector: lunr.Vector#dot, then / magnitude || 0. */
  const similarity = (q: QueryVector, magnitude: number, v: number): number => {
    const qTerms = q.terms;
    const end = vecStart[v + 1]!;
    let e = vecStart[v]!;
    let dot = 0;
    for (let i = 0; i < qTerms.length && e < end; i++) {
      const t = qTerms[i]!;
      // The first entry at or after t: a binary search, since a body holds many more terms than a query.
      let hi = end;
      while (e < hi) {
        const mid = (e + hi) >>> 1;
        if (vecTerms[mid]! < t) e = mid + 1;
        else hi = mid;
      }
      if (e < end && vecTerms[e] === t) {
        dot += q.values[i]! * (vecScores[e]! / 1000);
        e++;
      }
    }
    return dot / magnitude || 0;
  };

  return {
    query(build) {
      const query = new lunr.Query([...fields]) as Query;
      build.call(query, query);
      const vectors = fields.map(() => new QueryVector());
      // Field refs (v = document * fields + field) in the order lunr first matches them, with their terms.
      const matchOrder: number[] = [];
      const firstTerm = new Int32Array(nVectors).fill(-1);
      // Further terms of a field ref: a list through `nextTerm`, its last entry in `lastTerm`.
      const extraTerm: number[] = [];
      const nextTerm: number[] = [];
      const headExtra = new Map<number, number>();
      const lastExtra = new Map<number, number>();
      const termFieldSeen = new Set<number>();
      // Per field: undefined (no required clause), null (lunr.Set.complete) or the documents allowed.
      const required: Array<Uint8Array | null | undefined> = fields.map(() => undefined);
      let prohibited: Uint8Array | null = null;

      for (const clause of query.clauses) {
        const clauseFields = clause.fields.map((name) => {
          const f = fieldIndex.get(name);
          if (f === undefined)
            throw new Error(`query field "${name}" is not a field of the index (${fields.join(', ')})`);
          return f;
        });
        const isRequired = clause.presence === lunr.Query.presence.REQUIRED;
        const isProhibited = clause.presence === lunr.Query.presence.PROHIBITED;
        const clauseMatches = isRequired ? new Uint8Array(nDocs) : null;
        const expanded = expand(clause);
        if (expanded.length === 0 && isRequired) {
          for (const f of clauseFields) required[f] = new Uint8Array(nDocs);
        }
        for (const s of expanded) {
          for (const f of clauseFields) {
            const from = postStart[s * nFields + f]!;
            const to = postStart[s * nFields + f + 1]!;
            if (clauseMatches) {
              for (let p = from; p < to; p++) clauseMatches[postDocs[p]!] = 1;
              if (required[f] === undefined) required[f] = null;
            }
            if (isProhibited) {
              prohibited ??= new Uint8Array(nDocs);
              for (let p = from; p < to; p++) prohibited[postDocs[p]!] = 1;
              continue;
            }
            vectors[f]!.upsert(termNumbers[s]!, clause.boost);
            const termField = s * nFields + f;
            if (termFieldSeen.has(termField)) continue;
            termFieldSeen.add(termField);
            for (let p = from; p < to; p++) {
              const v = postDocs[p]! * nFields + f;
              if (firstTerm[v] === -1) {
                firstTerm[v] = s;
                matchOrder.push(v);
              } else {
                const k = extraTerm.push(s) - 1;
                nextTerm.push(-1);
                const last = lastExtra.get(v);
                if (last === undefined) headExtra.set(v, k);
                else nextTerm[last] = k;
                lastExtra.set(v, k);
              }
            }
          }
        }
        if (clauseMatches) {
          for (const f of clauseFields) {
            const allowed = required[f];
            if (allowed === null) required[f] = clauseMatches.slice();
            else if (allowed) for (let d = 0; d < nDocs; d++) allowed[d] = allowed[d]! & clauseMatches[d]!;
          }
        }
      }

      let allRequired: Uint8Array | null = null;
      for (const allowed of required) {
        if (!allowed) continue;
        if (allRequired === null) allRequired = allowed.slice();
        else for (let d = 0; d < nDocs; d++) allRequired[d] = allRequired[d]! & allowed[d]!;
      }

      // Only excluded words: lunr scores every field vector (all against empty query vectors: 0).
      const negated = query.isNegated();
      const order = negated ? Array.from({ length: nVectors }, (_, v) => v) : matchOrder;
      const magnitudes = vectors.map((q) => q.magnitude());
      const resultOf = new Int32Array(nDocs).fill(-1);
      const resultDocs: number[] = [];
      const scores: number[] = [];
      const termLists: number[][] = [];
      for (const v of order) {
        const d = Math.floor(v / nFields);
        if ((allRequired && !allRequired[d]) || (prohibited && prohibited[d])) continue;
        const f = v - d * nFields;
        const score = similarity(vectors[f]!, magnitudes[f]!, v);
        let r = resultOf[d]!;
        let list: number[];
        if (r === -1) {
          r = resultOf[d] = resultDocs.push(d) - 1;
          scores.push(score);
          termLists.push((list = []));
        } else {
          scores[r] = scores[r]! + score;
          list = termLists[r]!;
        }
        if (negated) continue;
        // MatchData#combine: the field ref's terms, each added once, in order.
        const fresh = list.length === 0;
        const add = (s: number): void => {
          if (fresh || !list.includes(s)) list.push(s);
        };
        add(firstTerm[v]!);
        for (let k = headExtra.get(v) ?? -1; k !== -1; k = nextTerm[k]!) add(extraTerm[k]!);
      }

      // Array#sort is stable: equal scores keep the order lunr first met their documents.
      return resultDocs
        .map((d, r) => ({ ref: refs[d]!, score: scores[r]!, terms: inKeyOrder(termLists[r]!.map((s) => terms[s]!)) }))
        .sort((a, b) => b.score - a.score);
    },
  };
}
