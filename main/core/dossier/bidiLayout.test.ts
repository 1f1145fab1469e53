import { describe, expect, it } from 'vitest';
import { layoutParagraph, orderArabicMarks, prepareParagraph, visualText, type LayoutStyle } from './bidiLayout';

/** A monospaced fake font: one point per character. */
const mono = (width: number, dir: 'rtl' | 'ltr', align: LayoutStyle['align'] = 'start'): LayoutStyle => ({
  width,
  dir,
  align,
  measure: (s) => [...s].length,
});

function lay(text: string, style: LayoutStyle) {
  return layoutParagraph(prepareParagraph(text), style);
}

describe('bidi paragraph layout', () => {
  it('keeps numbers left to right inside right-to-left text, words right to left', () => {
    const [line] = lay('بلغ 2500 جندي', mono(100, 'rtl'));
    expect(visualText(line!)).toBe('يدنج 2500 غلب');
    expect(line!.runs.map((r) => r.rtl)).toEqual([true, false, true]);
    // Right-aligned: the line ends at the right edge.
    const last = line!.runs.at(-1)!;
    expect(last.x + last.width).toBe(100);
  });

  it('mirrors brackets in right-to-left runs and remembers the source character', () => {
    const [line] = lay('قال (بايدن) اليوم', mono(100, 'rtl'));
    expect(visualText(line!)).toBe('مويلا (ندياب) لاق');
    const run = line!.runs[0]!;
    expect(run.mirrors.map(([, ch]) => ch).sort()).toEqual(['(', ')']);
    for (const [i, ch] of run.mirrors) expect(run.text[i]).toBe(ch === '(' ? ')' : '(');
  });

  it('sets an Arabic quotation inside English as one right-to-left run', () => {
    const [line] = lay('He said «نعم قال» today', mono(100, 'ltr'));
    expect(visualText(line!)).toBe('He said «لاق معن» today');
    expect(line!.runs[0]!.x).toBe(0);
  });

  it('keeps an ISO date in order only inside an isolate (hyphens do not bind Arabic numbers)', () => {
    expect(visualText(lay('تاريخ 2021-07-26', mono(100, 'rtl'))[0]!)).toBe('26-07-2021 خيرات');
    expect(visualText(lay('تاريخ \u20662021-07-26\u2069', mono(100, 'rtl'))[0]!)).toBe('2021-07-26 خيرات');
    // The runs know it: the dossier's PDF tells a reader so (pdfText.ts).
    const runs = lay('تاريخ \u20662021-07-26\u2069 و 9-9-1429', mono(100, 'rtl'))[0]!.runs;
    expect(runs.filter((r) => r.isolated).map((r) => r.text)).toEqual(['2021-07-26']);
    expect(runs.some((r) => r.text.includes('1429') && !r.isolated)).toBe(true);
  });

  it('wraps in logical order: the first words of a right-to-left paragraph end up on the first line', () => {
    const lines = lay('واحد اثنان ثلاثة أربعة خمسة ستة', mono(12, 'rtl'));
    expect(lines.length).toBeGreaterThan(2);
    expect(lines[0]!.runs.map((r) => r.text).join('')).toContain('واحد');
    expect(
      lines
        .at(-1)!
        .runs.map((r) => r.text)
        .join(''),
    ).toContain('ستة');
    for (const line of lines) expect(line.naturalWidth).toBeLessThanOrEqual(12);
  });

  it('justifies every line but the last by widening the spaces', () => {
    const lines = lay('one two three four five six seven eight', mono(14, 'ltr', 'justify'));
    for (const line of lines.slice(0, -1)) {
      expect(line.spaceExtra).toBeGreaterThanOrEqual(0);
      const end = line.runs.at(-1)!;
      expect(end.x + end.width).toBeCloseTo(14, 6);
    }
    expect(lines.at(-1)!.spaceExtra).toBe(0);
  });

  it('breaks a word longer than the line between graphemes', () => {
    const url = 'http://example.com/a/very/long/path/that/does/not/fit';
    const lines = lay(url, mono(20, 'ltr'));
    expect(lines.length).toBe(3);
    expect(lines.map((l) => l.runs.map((r) => r.text).join('')).join('')).toBe(url);
    for (const line of lines) expect(line.naturalWidth).toBeLessThanOrEqual(20);
  });

  it('puts shadda before the other harakat, keeping the length', () => {
    expect(orderArabicMarks('ش\u064e\u0651د')).toBe('ش\u0651\u064eد');
    expect(orderArabicMarks('ش\u064f\u0651\u064c')).toBe('ش\u0651\u064f\u064c');
    expect(orderArabicMarks('ش\u0651\u064e')).toBe('ش\u0651\u064e');
  });
});
