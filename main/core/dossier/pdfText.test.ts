import { describe, expect, it } from 'vitest';
import type { LaidRun } from './bidiLayout';
import { forFontkit, inferredRtl, runDrawings, WORD_PATH, type RunContext } from './pdfText';

const ctx = (over: Partial<RunContext> = {}): RunContext => ({
  spaceWidth: 1,
  spaceExtra: 0,
  measureWord: (w) => [...w].length,
  latin: false,
  ...over,
});
const run = (text: string, rtl: boolean, over: Partial<LaidRun> = {}): LaidRun => ({
  text,
  rtl,
  mirrors: [],
  start: 0,
  end: text.length,
  x: 0,
  width: [...text].length,
  ...over,
});

describe('drawing runs with an explicit direction', () => {
  it('knows the direction fontkit will infer', () => {
    expect(inferredRtl('بايدن')).toBe(true);
    expect(inferredRtl('«بايدن»')).toBe(true);
    expect(inferredRtl('٢٥٠٠')).toBe(true);
    expect(inferredRtl('2500')).toBe(false);
    expect(inferredRtl('».')).toBe(false);
  });

  it('reverses only what fontkit would lay out in the other direction', () => {
    expect(forFontkit('بايدن', true)).toBe('بايدن');
    expect(forFontkit('».', true)).toBe('.»');
    expect(forFontkit('٢٥٠٠', false)).toBe('٠٠٥٢');
    expect(forFontkit('2500', false)).toBe('2500');
  });

  it('hands the words of a right-to-left run over in visual order, spaces as offsets', () => {
    const [d] = runDrawings(run(' قال بايدن', true, { x: 10 }), ctx());
    expect(d).toMatchObject({ text: 'بايدن قال', x: 10, width: 9, wordSpacing: WORD_PATH, mirrored: false });
    const [j] = runDrawings(run('قال بايدن', true, { width: 11 }), ctx({ spaceExtra: 2 }));
    expect(j).toMatchObject({ text: 'بايدن قال', wordSpacing: 2, width: 11 });
  });

  it('draws scriptless words of left-to-right paragraphs apart, as Latin', () => {
    const parts = runDrawings(run('grew 6.4% to', false), ctx({ latin: true }));
    expect(parts.map((p) => [p.text, p.latin, p.x])).toEqual([
      ['grew', false, 0],
      ['6.4%', true, 5],
      ['to', false, 10],
    ]);
  });

  it('cuts mirrored brackets out, to be drawn reflected with the source character', () => {
    // Logical "(بايدن)" in a right-to-left run, brackets already mirrored by the layout.
    const parts = runDrawings(
      run(')بايدن(', true, {
        mirrors: [
          [0, '('],
          [6, ')'],
        ],
      }),
      ctx(),
    );
    expect(parts.map((p) => [p.text, p.mirrored, p.x])).toEqual([
      [')', true, 0],
      ['بايدن', false, 1],
      ['(', true, 6],
    ]);
  });

  it('draws a word an extractor would misread alone, carrying its logical text', () => {
    const parts = runDrawings(run('قال إن مستوياتها ارتفعت', true), ctx({ misread: (w) => w === 'مستوياتها' }));
    expect(parts.map((p) => [p.text, p.x, p.actualText])).toEqual([
      ['ارتفعت', 0, undefined],
      ['مستوياتها', 7, 'مستوياتها'],
      ['إن قال', 17, undefined],
    ]);
  });

  it('gives a left-to-right isolate holding a dash-joined number its logical text, and nothing else', () => {
    const iso = runDrawings(run('2015-07-22 01:18:37', false, { isolated: true }), ctx());
    expect(iso).toHaveLength(1);
    expect(iso[0]!.actualText).toBe('2015-07-22 01:18:37');
    // The same digits outside an isolate (bidi lays a Hijri date out from the right), or no dash: as drawn.
    expect(runDrawings(run('1429-9-9', false), ctx())[0]!.actualText).toBeUndefined();
    expect(runDrawings(run('01:18:37', false, { isolated: true }), ctx())[0]!.actualText).toBeUndefined();
  });
});
