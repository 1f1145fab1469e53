import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiDigits, foldWithOffsets, normalizeForMatching } from './normalize';

const DATA = path.resolve(__dirname, '../../../shared/data');
const TSV = path.join(DATA, 'arabic-analysis/lucene-normalize-stem-pairs.tsv');

function lucenePairs(kind: string): Array<[string, string]> {
  return fs
    .readFileSync(TSV, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0 && !l.startsWith('#'))
    .map((l) => l.split('\t'))
    .filter((p) => p[0] === kind)
    .map((p) => [p[1] ?? '', p[2] ?? '']);
}

/** Characters that exercise every rule: Arabic letters, marks, digits, punctuation, Latin, compat forms. */
const ARABIC_HEAVY = fc.constantFrom(
  'ا',
  'أ',
  'إ',
  'آ',
  'ٱ',
  'ى',
  'ي',
  'ة',
  'ه',
  'ؤ',
  'ئ',
  'ء',
  'و',
  'ل',
  'ك',
  'ک',
  'ی',
  'ہ',
  'ۀ',
  'ﻻ',
  'ﷲ',
  'ﺍ',
  '\u064b',
  '\u064e',
  '\u0650',
  '\u0651',
  '\u0652',
  '\u0670',
  '\u0640',
  '\u0653',
  '\u0654',
  '\u0655',
  '٠',
  '٩',
  '۴',
  '٫',
  '٬',
  '،',
  '؛',
  '؟',
  '«',
  '»',
  '“',
  '”',
  '’',
  '"',
  ' ',
  '\n',
  '\t',
  '\u00a0',
  '\u200c',
  '\u200f',
  'A',
  'z',
  'É',
  'é',
  'ß',
  'İ',
  'ﬁ',
  'Ａ',
  '１',
  'e\u0301',
  '…',
  '–',
  '—',
  '-',
  '.',
  ',',
  '😀',
  '𝐀',
  '가',
  '각',
);

describe('normalizeForMatching', () => {
  const pairs = lucenePairs('norm');
  it('has the 14 Lucene normalization pairs', () => {
    expect(pairs).toHaveLength(14);
  });
  for (const [input, expected] of pairs) {
    it(`Lucene norm ${input} → ${expected}`, () => {
      expect(normalizeForMatching(input)).toBe(expected);
    });
  }

  it('folds alef, hamza seats, ى, ة and removes tashkeel and tatweel', () => {
    expect(normalizeForMatching('إسرائيل')).toBe('اسراييل');
    expect(normalizeForMatching('مسؤولٌ')).toBe('مسوول');
    expect(normalizeForMatching('مستشفى')).toBe('مستشفي');
    expect(normalizeForMatching('الولايات المتحدةُ')).toBe('الولايات المتحده');
    expect(normalizeForMatching('لـ”إعادة')).toBe('ل اعاده');
    expect(normalizeForMatching('ٱلرَّحْمَٰنِ')).toBe('الرحمن');
  });

  it('applies NFKC to presentation forms and ligatures', () => {
    expect(normalizeForMatching('ﻻ')).toBe('لا');
    expect(normalizeForMatching('ﺍﻟﻌﺮﺍﻕ')).toBe('العراق');
    expect(normalizeForMatching('ﬁnance')).toBe('finance');
    expect(normalizeForMatching('ＡＢＣ１２')).toBe('abc12');
  });

  it('folds Persian/Urdu forms and digits', () => {
    expect(normalizeForMatching('کیف')).toBe('كيف');
    expect(normalizeForMatching('٢٥٠٠ جندي و۱۲')).toBe('2500 جندي و12');
    expect(normalizeForMatching('٢٫٥')).toBe('2.5');
    expect(asciiDigits('عام ٢٠٢١')).toBe('عام 2021');
  });

  it('lower-cases and strips accents from Latin', () => {
    expect(normalizeForMatching('Café Über İstanbul Straße')).toBe('cafe uber istanbul strasse');
    expect(normalizeForMatching('Biden’s')).toBe("biden's");
  });

  it('treats Arabic punctuation and typographic quotes as separators, collapses and trims whitespace', () => {
    expect(normalizeForMatching('  قال،بايدن؛  “داعش”  «نعم»؟\n\n')).toBe('قال بايدن داعش نعم');
    expect(normalizeForMatching('\u200fمرحبا\u200e')).toBe('مرحبا');
    expect(normalizeForMatching('')).toBe('');
    expect(normalizeForMatching(' \t\n ')).toBe('');
  });

  it('is idempotent for every BMP code unit on its own', () => {
    const bad: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const once = normalizeForMatching(String.fromCharCode(c));
      if (normalizeForMatching(once) !== once) bad.push(c);
    }
    expect(bad).toEqual([]);
  });

  it('is idempotent (property, Arabic-heavy strings)', () => {
    fc.assert(
      fc.property(fc.string({ unit: ARABIC_HEAVY, maxLength: 40 }), (s) => {
        const once = normalizeForMatching(s);
        expect(normalizeForMatching(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it('is idempotent (property, any Unicode)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const once = normalizeForMatching(s);
        expect(normalizeForMatching(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it('never leaves separators at the ends or doubled (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: ARABIC_HEAVY, maxLength: 40 }), (s) => {
        const out = normalizeForMatching(s);
        expect(out).toBe(out.trim());
        expect(out.includes('  ')).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('maps folded characters back to original offsets', () => {
    const { folded, offsets } = foldWithOffsets('أحمدُ ٢٠');
    expect(folded).toBe('احمد 20');
    expect(Array.from(offsets)).toEqual([0, 1, 2, 3, 5, 6, 7, 8]);
  });
});
