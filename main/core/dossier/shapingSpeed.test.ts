/**
 * The faster shaping gives exactly fontkit's glyphs and positions: every
 * distinct word of 25 SaudiNewsNet articles, English with digits and
 * punctuation, and marks (shadda, tanween), in both Amiri weights, shaped by
 * a plain font and by a patched one.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../../tests/support/paths';
import { parseAmiriWeight, type FontWeight } from './fonts';
import { LATIN_SCRIPT } from './pdfText';
import { withFastShaping } from './shapingSpeed';

interface Run {
  glyphs: Array<{ id: number; codePoints: number[] }>;
  positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }>;
}
type Layout = (text: string, features?: unknown) => Run;

function sampleWords(): string[] {
  const day = JSON.parse(
    gunzipSync(readFileSync(sharedData('saudinewsnet', '2015-07-22.json.gz'))).toString('utf8'),
  ) as Array<{ title: string; content: string }>;
  const words = new Set<string>();
  for (const a of day.slice(0, 25)) for (const w of `${a.title} ${a.content}`.split(/\s+/)) if (w) words.add(w);
  const extra =
    'The Ministry said (on 22 July 2015) that 6.4% of 1,250 "offices" — and 3/4 of them — closed. ' +
    'تتبنَّ بدلاً ومنافٍ مُحَمَّدٌ لله الله «داعش» [المادة] ٢٠١٥ ١٢٣٤ 9-9-1429ه ﻻ';
  for (const w of extra.split(/\s+/)) words.add(w);
  return [...words];
}

const shape = (layout: Layout, word: string, features?: unknown): string => {
  const run = layout(word, features);
  return JSON.stringify([run.glyphs.map((g) => [g.id, g.codePoints]), run.positions]);
};

describe('faster shaping', () => {
  const words = sampleWords();

  it.each<FontWeight>(['regular', 'bold'])(
    'Amiri %s: the same glyphs and positions for every word',
    (weight) => {
      const plain = parseAmiriWeight(weight) as unknown as { layout: Layout };
      const fast = withFastShaping(parseAmiriWeight(weight)) as unknown as { layout: Layout };
      expect(words.length).toBeGreaterThan(2500);
      const differ: string[] = [];
      for (const word of words) {
        if (shape(plain.layout.bind(plain), word) !== shape(fast.layout.bind(fast), word)) differ.push(word);
        // Digits and punctuation of a left-to-right paragraph are shaped as Latin (pdfText.ts).
        if (
          !/\p{L}/u.test(word) &&
          shape(plain.layout.bind(plain), word, LATIN_SCRIPT) !== shape(fast.layout.bind(fast), word, LATIN_SCRIPT)
        )
          differ.push(`latn:${word}`);
      }
      expect(differ).toEqual([]);
    },
    120_000,
  );

  it('patches a font once', () => {
    const font = withFastShaping(parseAmiriWeight('regular'));
    expect(withFastShaping(font)).toBe(font);
    expect(shape((font as unknown as { layout: Layout }).layout.bind(font), 'مستوياتها')).toContain('[');
  });
});
