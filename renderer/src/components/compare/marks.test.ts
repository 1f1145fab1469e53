import { describe, expect, it } from 'vitest';
import type { AlignmentRow, StoryArticle } from '../../../../preload/contract';
import { changedSpans, countKinds, mergeSpans, movedSpans, segmentsOf } from './marks';
import { dayRange, defaultComparisonIds, storyTitles } from './storyFormat';

const row = (over: Partial<AlignmentRow>): AlignmentRow => ({
  kind: 'reworded',
  cells: [[0], [0], [0]],
  moved: [],
  diffs: [],
  ...over,
});

describe('comparison marks', () => {
  it('marks b spans in the diffed article and a spans in its reference, never the other way round', () => {
    const r = row({
      diffs: [
        {
          article: 1,
          against: 0,
          similarity: 0.8,
          changes: [{ op: 'replace', a: { start: 10, end: 14 }, b: { start: 20, end: 25 }, minor: false }],
        },
        {
          article: 2,
          against: 0,
          similarity: 0.7,
          changes: [
            { op: 'insert', a: null, b: { start: 3, end: 7 }, minor: false },
            { op: 'delete', a: { start: 12, end: 18 }, b: null, minor: false },
          ],
        },
      ],
    });
    expect(changedSpans(r, 0)).toEqual([{ start: 10, end: 18 }]);
    expect(changedSpans(r, 1)).toEqual([{ start: 20, end: 25 }]);
    expect(changedSpans(r, 2)).toEqual([{ start: 3, end: 7 }]);
  });

  it('merges overlapping and touching spans and drops empty ones', () => {
    expect(
      mergeSpans([
        { start: 5, end: 9 },
        { start: 1, end: 3 },
        { start: 3, end: 4 },
        { start: 8, end: 12 },
        { start: 20, end: 20 },
      ]),
    ).toEqual([
      { start: 1, end: 4 },
      { start: 5, end: 12 },
    ]);
  });

  it('cuts a sentence into runs that cover it exactly, clipping changes that cross its ends', () => {
    const segs = segmentsOf({ start: 10, end: 30 }, [
      { start: 5, end: 12 },
      { start: 15, end: 18 },
      { start: 28, end: 40 },
    ]);
    expect(segs).toEqual([
      { start: 10, end: 12, changed: true },
      { start: 12, end: 15, changed: false },
      { start: 15, end: 18, changed: true },
      { start: 18, end: 28, changed: false },
      { start: 28, end: 30, changed: true },
    ]);
    expect(segmentsOf({ start: 0, end: 4 }, [])).toEqual([{ start: 0, end: 4, changed: false }]);
  });

  it('marks moved phrases apart from changed words, and leaves function-word changes unmarked', () => {
    const r = row({
      cells: [[0], [0]],
      diffs: [
        {
          article: 1,
          against: 0,
          similarity: 0.9,
          changes: [
            { op: 'insert', a: null, b: { start: 0, end: 5 }, minor: false },
            { op: 'move', a: { start: 30, end: 40 }, b: { start: 6, end: 16 }, minor: false },
            { op: 'insert', a: null, b: { start: 10, end: 12 }, minor: false },
            { op: 'delete', a: { start: 50, end: 52 }, b: null, minor: true },
          ],
        },
      ],
    });
    expect(changedSpans(r, 0)).toEqual([]);
    expect(movedSpans(r, 0)).toEqual([{ start: 30, end: 40 }]);
    expect(changedSpans(r, 1)).toEqual([
      { start: 0, end: 5 },
      { start: 10, end: 12 },
    ]);
    // An insertion inside the moved phrase stays a change; the rest of the phrase is marked moved.
    expect(segmentsOf({ start: 0, end: 20 }, changedSpans(r, 1), movedSpans(r, 1))).toEqual([
      { start: 0, end: 5, changed: true },
      { start: 5, end: 6, changed: false },
      { start: 6, end: 10, changed: false, moved: true },
      { start: 10, end: 12, changed: true },
      { start: 12, end: 16, changed: false, moved: true },
      { start: 16, end: 20, changed: false },
    ]);
  });

  it('counts rows by kind', () => {
    expect(countKinds([row({ kind: 'shared' }), row({}), row({ kind: 'unique' }), row({ kind: 'shared' })])).toEqual({
      shared: 2,
      reworded: 1,
      unique: 1,
    });
  });
});

describe('story display', () => {
  const article = (id: number, source: string | null, title: string): StoryArticle => ({
    id,
    title,
    source,
    sourceId: null,
    publishedAt: { iso: '2015-07-24', precision: 'day', original: null },
    lang: 'ar',
    dir: 'rtl',
    url: null,
    similarity: null,
  });

  it('starts a comparison with one article per outlet, oldest first, up to the limit', () => {
    const articles = [
      article(1, 'عكاظ', 'a'),
      article(2, 'عكاظ', 'b'),
      article(3, 'اليوم', 'c'),
      article(4, null, 'd'),
      article(5, 'الرياض', 'e'),
    ];
    expect(defaultComparisonIds(articles)).toEqual([1, 3, 4, 5]);
    expect(defaultComparisonIds(articles, 2)).toEqual([1, 3]);
  });

  it('lists the most told titles first', () => {
    expect(storyTitles([article(1, 'x', 'ب'), article(2, 'y', 'أ'), article(3, 'z', 'أ')], 2)).toEqual(['أ', 'ب']);
  });

  it('shows one day once and a span as two days', () => {
    expect(dayRange({ from: '2015-07-24', to: '2015-07-24' }, 'en-GB')).toBe('24 Jul 2015');
    expect(dayRange({ from: '2015-07-24', to: '2015-07-25' }, 'en-GB')).toBe('24 Jul 2015 – 25 Jul 2015');
    expect(dayRange({ from: null, to: null }, 'en-GB')).toBe('');
  });
});
