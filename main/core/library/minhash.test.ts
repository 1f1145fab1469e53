import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedPath } from '../../../tests/support/paths';
import { normalizeForMatching } from '../../../common/text/normalize';
import {
  bandKeys,
  estimateSimilarity,
  exactSimilarity,
  LSH_BANDS,
  MINHASH_BINS,
  minhashSignature,
  shingleHashes,
  signatureFromBytes,
  signatureToBytes,
} from './minhash';

const seed = readFileSync(seedPath, 'utf8').split('\n').slice(1).join('\n');
const sig = (text: string) => minhashSignature(normalizeForMatching(text));
const shingles = (text: string) => shingleHashes(normalizeForMatching(text));

describe('MinHash signatures', () => {
  it('gives identical texts identical signatures and unrelated texts almost none in common', () => {
    const a = sig(seed)!;
    expect(a).toHaveLength(MINHASH_BINS);
    expect(estimateSimilarity(a, sig(seed)!)).toBe(1);
    const english =
      'The harbour reopened on Monday after a week of storms that kept the fishing fleet ashore, officials said. '.repeat(
        3,
      ) +
      'Port authority staff inspected the breakwater and found only minor damage to the outer wall, which crews repaired overnight.';
    expect(estimateSimilarity(a, sig(english)!)).toBeLessThan(0.05);
  });

  it('folds spelling variants and diacritics before shingling', () => {
    expect(shingles('قال المسؤول الأميركي إن القوات الأمريكية ستبقى')).toEqual(
      shingles('قال المسئول الأمريكي ان القوات الاميركيه ستبقى'),
    );
    expect(shingles('الْقُوَّاتُ الأمريكية في العراق')).toEqual(shingles('القوات الامريكيه في العراق'));
  });

  it('estimates Jaccard similarity within a few points of the exact value on edited copies of the seed', () => {
    const paragraphs = seed.split('\n').filter((p) => p.trim() !== '');
    const full = shingles(seed);
    const a = sig(seed)!;
    for (const keep of [0.9, 0.75, 0.6, 0.45]) {
      // An editor's cut: the last paragraphs dropped, a line of the outlet's own added.
      const edited = `${paragraphs.slice(0, Math.round(paragraphs.length * keep)).join('\n')}\nتابعونا على موقعنا للمزيد من الأخبار العاجلة.`;
      const exact = exactSimilarity(full, shingles(edited));
      expect(Math.abs(estimateSimilarity(a, sig(edited)!) - exact), `keep ${keep}`).toBeLessThan(0.12);
    }
  });

  it('has no signature for a text too short to compare', () => {
    expect(sig('خبر عاجل من بغداد')).toBeNull();
    expect(sig('')).toBeNull();
  });

  it('estimates any pair of word sets within the binomial error of 128 bins (property)', () => {
    const vocabulary = Array.from({ length: 400 }, (_, i) => `w${i}`);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 399 }), { minLength: 60, maxLength: 300 }),
        fc.array(fc.integer({ min: 0, max: 399 }), { minLength: 60, maxLength: 300 }),
        (x, y) => {
          const a = x.map((i) => vocabulary[i]).join(' ');
          const b = [...x.slice(0, Math.floor(x.length / 2)), ...y].map((i) => vocabulary[i]).join(' ');
          const exact = exactSimilarity(shingles(a), shingles(b));
          const estimate = estimateSimilarity(sig(a)!, sig(b)!);
          // 4.5 standard deviations of a binomial over 128 bins.
          return (
            Math.abs(estimate - exact) <= 4.5 * Math.sqrt(Math.max(exact * (1 - exact), 0.01) / MINHASH_BINS) + 0.02
          );
        },
      ),
      { numRuns: 60, seed: 42 },
    );
  });
});

describe('LSH band keys', () => {
  it('gives one small integer key per band, shared by identical signatures', () => {
    const keys = bandKeys(sig(seed)!);
    expect(keys).toHaveLength(LSH_BANDS);
    keys.forEach((k, band) => {
      expect(Number.isSafeInteger(k)).toBe(true);
      expect(Math.floor(k / 2 ** 24)).toBe(band);
      expect(k).toBeLessThan(2 ** 29);
    });
    expect(bandKeys(sig(seed)!)).toEqual(keys);
  });

  it('round-trips signatures through the stored bytes', () => {
    const s = sig(seed)!;
    const bytes = signatureToBytes(s);
    expect(bytes).toHaveLength(256);
    expect(signatureFromBytes(bytes)).toEqual(s);
  });
});
