import { describe, expect, it } from 'vitest';
import type { TimelineCounts } from '../../../preload/contract';
import { autoUnit, binTimeline, brushedDays, paddedDomain, stepPoints, stepRange } from './timelineData';

const names = { others: 'Others', unknown: 'Unknown' };
const counts: TimelineCounts = {
  rows: [
    { day: null, sourceId: 1, count: 2 },
    { day: '2015-07', sourceId: 2, count: 1 },
    { day: '2015-07-20', sourceId: 1, count: 3 }, // a Monday
    { day: '2015-07-21', sourceId: 2, count: 4 },
    { day: '2015-07-26', sourceId: 1, count: 1 }, // a Sunday: same ISO week as the 20th
    { day: '2015-07-27', sourceId: null, count: 5 },
    { day: '2015-08-02', sourceId: 3, count: 1 },
  ],
  sources: [
    { id: 1, name: 'aawsat' },
    { id: 2, name: 'alyaum' },
    { id: 3, name: 'sabq' },
  ],
  total: 17,
};

describe('timeline bins', () => {
  it('counts days per outlet, most articles first; undated and month-only dates apart', () => {
    const s = binTimeline(counts, { unit: 'day', names });
    expect(s.outlets.map((o) => [o.name, o.total])).toEqual([
      ['aawsat', 6],
      ['alyaum', 5],
      ['Unknown', 5],
      ['sabq', 1],
    ]);
    expect(s.undated).toBe(3);
    expect(s.bins.reduce((n, b) => n + b.count, 0)).toBe(14);
    expect(s.first).toBe('2015-07-20');
    expect(s.last).toBe('2015-08-02');
  });

  it('puts a Monday and the Sunday after it in one week, and month-only dates in their month', () => {
    const weeks = binTimeline(counts, { unit: 'week', names });
    const first = weeks.bins.filter((b) => b.start.toISOString().startsWith('2015-07-20'));
    expect(first.map((b) => [b.outlet, b.count])).toEqual([
      [0, 4],
      [1, 4],
    ]);
    const months = binTimeline(counts, { unit: 'month', names });
    expect(months.undated).toBe(2);
    expect(months.bins.filter((b) => b.start.getUTCMonth() === 6).reduce((n, b) => n + b.count, 0)).toBe(14);
  });

  it('gathers outlets past the limit as others', () => {
    const s = binTimeline(counts, { unit: 'day', names, maxOutlets: 2 });
    expect(s.outlets.map((o) => [o.name, o.total])).toEqual([
      ['aawsat', 6],
      ['alyaum', 5],
      ['Others', 6],
    ]);
  });

  it('picks days, weeks or months by the span, and turns a brushed span into whole days', () => {
    expect(autoUnit('2015-07-01', '2015-08-15')).toBe('day');
    expect(autoUnit('2015-01-01', '2016-06-01')).toBe('week');
    expect(autoUnit('2010-01-01', '2015-01-01')).toBe('month');
    expect(brushedDays(new Date(Date.UTC(2015, 6, 24, 13)), new Date(Date.UTC(2015, 6, 21, 2)))).toEqual({
      from: '2015-07-21',
      to: '2015-07-24',
    });
    expect(brushedDays(new Date(Date.UTC(2015, 6, 21)), new Date(Date.UTC(2015, 6, 23)))).toEqual({
      from: '2015-07-21',
      to: '2015-07-22',
    });
  });
});

describe('the brushed range from the keyboard', () => {
  const days = { unit: 'day' as const, first: '2015-07-20', last: '2015-08-02' };

  it('starts on the first bin, moves by one bin each way and stops at the data’s edges', () => {
    const start = stepRange(null, days, 1, false);
    expect(start).toEqual({ from: '2015-07-20', to: '2015-07-20' });
    expect(stepRange(start, days, 1, false)).toEqual({ from: '2015-07-21', to: '2015-07-21' });
    expect(stepRange(start, days, -1, false)).toEqual(start);
    const weeks = { ...days, unit: 'week' as const };
    expect(stepRange(null, weeks, 1, false)).toEqual({ from: '2015-07-20', to: '2015-07-26' });
    expect(stepRange({ from: '2015-07-20', to: '2015-07-26' }, weeks, 1, false)).toEqual({
      from: '2015-07-27',
      to: '2015-08-02',
    });
    expect(stepRange({ from: '2015-07-27', to: '2015-08-02' }, weeks, 1, false)).toEqual({
      from: '2015-07-27',
      to: '2015-08-02',
    });
  });

  it('resizes by its end, never before its start; an open end is the data’s edge', () => {
    expect(stepRange({ from: '2015-07-21', to: '2015-07-22' }, days, 1, true)).toEqual({
      from: '2015-07-21',
      to: '2015-07-23',
    });
    expect(stepRange({ from: '2015-07-21', to: '2015-07-21' }, days, -1, true)).toEqual({
      from: '2015-07-21',
      to: '2015-07-21',
    });
    expect(stepRange({ from: '2015-07-25', to: '' }, days, -1, true)).toEqual({ from: '2015-07-25', to: '2015-08-01' });
    const months = { unit: 'month' as const, first: '2015-01-31', last: '2015-12-31' };
    expect(stepRange({ from: '2015-01-31', to: '2015-01-31' }, months, 1, true)).toEqual({
      from: '2015-01-31',
      to: '2015-02-28',
    });
    expect(stepRange(null, { ...days, first: null }, 1, false)).toBeNull();
  });
});

describe('thin bars as steps', () => {
  it('gives every outlet a point at every bin start, zeros filled in, and one closing the last bin', () => {
    const s = binTimeline(counts, { unit: 'day', names });
    const points = stepPoints(s);
    const starts = [...new Set(s.bins.map((b) => b.start.toISOString().slice(0, 10)))];
    expect(points).toHaveLength(s.outlets.length * (starts.length + 1));
    const aawsat = points.filter((p) => p.outlet === 0).map((p) => [p.start.toISOString().slice(0, 10), p.count]);
    expect(aawsat).toEqual([
      ['2015-07-20', 3],
      ['2015-07-21', 0],
      ['2015-07-26', 1],
      ['2015-07-27', 0],
      ['2015-08-02', 0],
      ['2015-08-03', 0],
    ]);
    // Stacked, the steps add up to the dated articles.
    const total = points.filter((p) => p.start.getTime() < Date.UTC(2015, 7, 3)).reduce((n, p) => n + p.count, 0);
    expect(total).toBe(s.bins.reduce((n, b) => n + b.count, 0));
    expect(stepPoints({ bins: [], outlets: [] })).toEqual([]);
  });
});

describe('a short span on the time axis', () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const bin = (from: string, to: string) => ({ start: day(from), end: day(to), outlet: 0, count: 3 });

  it('shows a one-day story among empty days either side, so its bar reads as a bar', () => {
    const domain = paddedDomain({ unit: 'day', bins: [bin('2015-08-06', '2015-08-07')] });
    expect(domain?.map((d) => d.toISOString().slice(0, 10))).toEqual(['2015-08-03', '2015-08-10']);
  });

  it('pads a two-day story to a week, and leaves a long span as it is', () => {
    const two = paddedDomain({ unit: 'day', bins: [bin('2015-08-06', '2015-08-07'), bin('2015-08-07', '2015-08-08')] });
    expect(two?.map((d) => d.toISOString().slice(0, 10))).toEqual(['2015-08-03', '2015-08-11']);
    expect(
      paddedDomain({ unit: 'day', bins: [bin('2015-07-20', '2015-07-21'), bin('2015-08-01', '2015-08-02')] }),
    ).toBe(null);
    expect(paddedDomain({ unit: 'day', bins: [] })).toBe(null);
  });
});
