import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../../tests/support/paths';
import {
  buildCompactIndex,
  compactLunrIndex,
  decodeCompactIndex,
  encodeCompactIndex,
  isCompactIndex,
  toLunrJson,
  type CompactIndex,
} from './compactLunrIndex';
import { collectionFields, collectionKeys } from './lunrCollection';

interface Raw {
  title: string;
  author: string;
  source: string;
  content: string;
}

const fields = Object.keys(collectionFields);
const scoring = { fields, boosts: Object.values(collectionFields), k1: 1.2, b: 0.75 };

function corpus(): CompactIndex {
  const day = JSON.parse(
    gunzipSync(readFileSync(sharedData('saudinewsnet', '2015-07-21.json.gz'))).toString('utf8'),
  ) as Raw[];
  const inputs = [
    ...day
      .slice(0, 120)
      .map((r) => ({ title: r.title, body: r.content, author: r.author || null, source: r.source, lang: 'ar' })),
    {
      title: 'The Pentagon and the U.S. election',
      body: 'Officials said 2,500 soldiers were running the 2021 study of 3D printers.',
      author: 'A. Writer',
      source: 'BBC',
      lang: 'en',
    },
  ];
  // Refs out of order and sparse, as article ids in a collection are.
  const docs = inputs.map((input, i) => {
    const keys = collectionKeys(input);
    return { ref: 1000 + ((i * 37) % inputs.length) * 3, keys: fields.map((f) => keys[f as keyof typeof keys]) };
  });
  return buildCompactIndex(docs, scoring);
}

/** Everything a caller can see of lunr's answer, in order: refs, scores, matched terms and fields. */
function answer(index: lunr.Index, build: (q: lunr.Query) => void): string {
  return JSON.stringify(
    index.query(build).map((r) => ({
      ref: r.ref,
      score: r.score,
      terms: Object.entries(r.matchData.metadata).map(([term, byField]) => [term, Object.keys(byField)]),
    })),
  );
}

describe('a lunr index held in typed arrays', () => {
  const compact = corpus();
  const reference = lunr.Index.load(JSON.parse(toLunrJson(compact)) as object);
  const index = compactLunrIndex(decodeCompactIndex(encodeCompactIndex(compact)));
  const off = { usePipeline: false };

  it('answers every kind of clause exactly as lunr.Index.load of the same index', () => {
    // Terms across the whole vocabulary: Arabic, Latin, digits, rare and frequent.
    const sample = compact.terms.filter((_, i) => i % Math.floor(compact.terms.length / 60) === 0);
    expect(sample.some((t) => /^[0-9]/.test(t))).toBe(true);
    expect(sample.some((t) => /^[a-z]/.test(t))).toBe(true);
    const checked: string[] = [];
    const same = (build: (q: lunr.Query) => void): void => {
      const expected = answer(reference, build);
      expect(answer(index, build)).toBe(expected);
      checked.push(expected);
    };
    for (const term of [...sample, 'pentagon', 'سعود', 'غيرموجودة']) {
      same((q) => q.term(term, off));
      same((q) => q.term(term, { ...off, fields: ['title'] }));
      same((q) => q.term(term.slice(0, 2), { ...off, wildcard: lunr.Query.wildcard.TRAILING }));
      same((q) => q.term(term, { ...off, editDistance: 1 }));
      same((q) => q.term(term, { ...off, editDistance: 2, fields: ['body', 'author'] }));
      same((q) => {
        q.term(term, off);
        q.term('سعود', { ...off, presence: lunr.Query.presence.REQUIRED });
      });
      // All clauses negative: lunr lists every field vector.
      same((q) => q.term(term, { ...off, presence: lunr.Query.presence.PROHIBITED }));
    }
    // The comparison is not vacuous: most queries find something.
    expect(checked.filter((a) => a !== '[]').length).toBeGreaterThan(checked.length / 2);
  });

  it('is written and read back whole, and tells an index stored in an older form', () => {
    const back = decodeCompactIndex(encodeCompactIndex(compact));
    expect(toLunrJson(back)).toBe(toLunrJson(compact));
    expect(isCompactIndex(gzipSync(toLunrJson(compact)))).toBe(false);
    expect(() => decodeCompactIndex(gzipSync('{}'))).toThrow();
  });

  it('holds a small part of what lunr.Index.load builds', () => {
    const stored = encodeCompactIndex(compact).byteLength;
    expect(stored).toBeLessThan(Buffer.byteLength(toLunrJson(compact)) / 2);
  });
});
