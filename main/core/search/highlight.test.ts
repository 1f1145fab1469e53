import { describe, expect, it } from 'vitest';
import { buildMatcher, findMatches, makeSnippet } from './highlight';
import { planQuery, positiveLeaves } from './queryPlan';

function matcher(query: string, field: 'title' | 'body' = 'body') {
  return buildMatcher(positiveLeaves(planQuery(query).root), new Map(), field);
}

const marked = (s: { text: string; highlights: Array<[number, number]> }) =>
  s.highlights.map(([a, b]) => s.text.slice(a, b));

describe('snippets and highlights', () => {
  it('marks the words as written, whatever spelling, clitic or diacritics the query used', () => {
    const body = 'قال المسؤول الأميركي إن القوات الأمريكية ستغادر. وأضاف أن واشنطن والعراق اتفقا.';
    expect(findMatches(body, matcher('الامريكى')).map(([a, b]) => body.slice(a, b))).toEqual(['الأميركي', 'الأمريكية']);
    expect(findMatches(body, matcher('بالعراق')).map(([a, b]) => body.slice(a, b))).toEqual(['والعراق']);
    expect(findMatches(body, matcher('"مسئول"')).map(([a, b]) => body.slice(a, b))).toEqual(['المسؤول']);
  });

  it('finds a match deep in a long, heavily diacritized body and cuts around it', () => {
    // Diacritics make the fold much shorter than the text: the window estimate must still land.
    const filler = 'وَقَدْ قَالَ الْمُتَحَدِّثُ إِنَّ الْوَضْعَ مُسْتَقِرٌّ فِي الْمِنْطَقَةِ. '.repeat(120);
    const body = `${filler}وأعلن الرئيس الأميركي جو بايدن الاتفاق. ${filler}`;
    const s = makeSnippet(body, matcher('الأمريكي بايدن'));
    expect(marked(s)).toEqual(['الأميركي', 'بايدن']);
    expect(s.text.startsWith('… ')).toBe(true);
    expect(s.text.endsWith(' …')).toBe(true);
    expect(s.text.length).toBeLessThan(300);
    expect(body.slice(s.offset).startsWith(s.text.slice(2, 20).trimEnd())).toBe(true);
  });

  it('opens the body when the match is only in the title', () => {
    const s = makeSnippet('A long report on harbours and ships.\n\nSecond paragraph.', matcher('title:elections'));
    expect(s.highlights).toEqual([]);
    expect(s.text.startsWith('A long report')).toBe(true);
    expect(s.offset).toBe(0);
  });
});
