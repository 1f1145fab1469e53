import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../../tests/support/paths';
import {
  buildCompactIndex,
  decodeCompactIndex,
  encodeCompactIndex,
  isCompactIndex,
  toLunrJson,
  type CompactIndex,
} from './compactLunrIndex';
import { compactLunrIndex, lunrMatches, type LunrSearcher } from './compactLunrQuery';
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

/** Everything a caller sees of an answer, in order: refs, scores (every bit), matched terms. */
function answer(index: LunrSearcher, build: (q: lunr.Query) => void): string {
  return JSON.stringify(index.query(build));
}

describe('a lunr index held in typed arrays', () => {
  const compact = corpus();
  const reference = lunrMatches(lunr.Index.load(JSON.parse(toLunrJson(compact)) as object));
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

  it('answers edge cases as lunr does: boosts, required and prohibited terms, key order, no clause, no hit', () => {
    const same = (build: (q: lunr.Query) => void): string => {
      const expected = answer(reference, build);
      expect(answer(index, build)).toBe(expected);
      return expected;
    };
    const { REQUIRED, PROHIBITED } = lunr.Query.presence;
    // lunr.Query#term keeps the options object as its clause: one each.
    const bare = () => ({ usePipeline: false });
    const number = compact.terms.find((t) => t === '2021')!;
    const word = compact.terms.find((t) => t.startsWith('pentagon'))!;
    expect([number, word]).not.toContain(undefined);
    // A word met before a number: lunr lists the number first (integer-like object keys come first).
    const ordered = index.query((q) => {
      q.term(word, bare());
      q.term(number, bare());
    });
    expect(ordered.find((r) => r.terms.length > 1)?.terms).toEqual([number, word]);
    same((q) => {
      q.term(word, bare());
      q.term(number, bare());
    });
    // Boosts, and a term asked twice: its query weights add up.
    same((q) => q.term('سعود', { ...bare(), boost: 3 }));
    same((q) => {
      q.term('سعود', { ...bare(), boost: 2, fields: ['title'] });
      q.term('سعود', { ...bare(), boost: 0.5 });
      q.term('سعو', { ...bare(), wildcard: lunr.Query.wildcard.TRAILING });
    });
    // Wildcards anywhere, a larger edit distance.
    same((q) => q.term('عود', { ...bare(), wildcard: lunr.Query.wildcard.LEADING }));
    same((q) => q.term('س*د', bare()));
    same((q) => q.term('السعوديه', { ...bare(), editDistance: 2 }));
    // Required: in any of its fields; a required word nowhere empties the answer.
    expect(
      same((q) => {
        q.term('سعود', { ...bare(), presence: REQUIRED, fields: ['title', 'body'] });
        q.term('ملك', bare());
      }),
    ).not.toBe('[]');
    expect(
      same((q) => {
        q.term('سعود', bare());
        q.term('غيرموجودة', { ...bare(), presence: REQUIRED });
      }),
    ).toBe('[]');
    same((q) => {
      q.term('سعود', { ...bare(), presence: REQUIRED, fields: ['title'] });
      q.term('ملك', { ...bare(), presence: REQUIRED, fields: ['body'] });
    });
    // Prohibited: gone from the answer, and adding nothing to the score of the rest.
    same((q) => {
      q.term('سعود', bare());
      q.term('ملك', { ...bare(), presence: PROHIBITED });
    });
    same((q) => {
      q.term('ملك', { ...bare(), presence: PROHIBITED });
      q.term('سعو', { ...bare(), presence: PROHIBITED, wildcard: lunr.Query.wildcard.TRAILING });
    });
    // No clause at all: lunr counts it as all excluded words, every document at score 0.
    expect(JSON.parse(same(() => undefined))).toHaveLength(compact.refs.length);
    expect(same((q) => q.term('غيرموجودة', bare()))).toBe('[]');
    expect(() => index.query((q) => q.term('سعود', { ...bare(), fields: ['summary'] }))).toThrow(/"summary"/);
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
