/**
 * A Lunr index held in typed arrays: what lunr.Builder builds, counted
 * without its objects, and its stored form.
 *
 * lunr.Index.load turns the serialized index into an object per term, an
 * object per (term, field, document) posting, a number array per field
 * vector and a token-set node per trie edge: 146 MB of heap for a
 * 5,000-article collection (113 MB of it the inverted index), 260 MB of RSS,
 * and seconds to parse. Here the same content sits in a few typed arrays
 * and one sorted term list; compactLunrQuery.ts searches them as
 * lunr.Index#query would, and toLunrJson writes them as lunr.Index#toJSON.
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
