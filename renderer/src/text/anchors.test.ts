import { describe, expect, it } from 'vitest';
import { paragraphSpans, segmentsOf } from './anchors';

describe('paragraphSpans', () => {
  it('keeps each trimmed line with its offsets in the body', () => {
    const body = 'حرية – (26/7/2021)\n  أعلن الرئيس  \r\n\nSecond line';
    const spans = paragraphSpans(body);
    expect(spans.map((s) => s.text)).toEqual(['حرية – (26/7/2021)', 'أعلن الرئيس', 'Second line']);
    for (const s of spans) expect(body.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('segmentsOf', () => {
  it('cuts at highlight boundaries and lists overlapping highlights', () => {
    const segs = segmentsOf({ start: 10, end: 30 }, [
      { id: 1, start: 12, end: 20 },
      { id: 2, start: 15, end: 40 },
      { id: 3, start: 0, end: 5 },
    ]);
    expect(segs).toEqual([
      { start: 10, end: 12, ids: [] },
      { start: 12, end: 15, ids: [1] },
      { start: 15, end: 20, ids: [1, 2] },
      { start: 20, end: 30, ids: [2] },
    ]);
  });
});
