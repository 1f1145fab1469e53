import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffTokens, type DiffOp } from './wordDiff';

/** Rebuilds b from a and the script: the script must describe b exactly. */
function apply(a: readonly string[], b: readonly string[], ops: DiffOp[]): string[] {
  const out: string[] = [];
  for (const op of ops) {
    if (op.op === 'equal') out.push(...a.slice(op.aStart, op.aEnd));
    else out.push(...b.slice(op.bStart, op.bEnd));
  }
  return out;
}

function editCount(ops: DiffOp[]): number {
  return ops.filter((o) => o.op !== 'equal').reduce((n, o) => n + (o.aEnd - o.aStart) + (o.bEnd - o.bStart), 0);
}

describe('diffTokens', () => {
  it('finds the one changed number and nothing else', () => {
    const a = 'بلغ عدد القوات حوالي 2500 جندي منذ العام الماضي'.split(' ');
    const b = 'بلغ عدد القوات حوالي 3000 جندي منذ العام الماضي'.split(' ');
    const ops = diffTokens(a, b);
    expect(ops.filter((o) => o.op !== 'equal')).toEqual([{ op: 'replace', aStart: 4, aEnd: 5, bStart: 4, bEnd: 5 }]);
  });

  it('reports pure insertions and deletions', () => {
    expect(diffTokens(['a', 'b', 'c'], ['a', 'c'])).toEqual([
      { op: 'equal', aStart: 0, aEnd: 1, bStart: 0, bEnd: 1 },
      { op: 'delete', aStart: 1, aEnd: 2, bStart: 1, bEnd: 1 },
      { op: 'equal', aStart: 2, aEnd: 3, bStart: 1, bEnd: 2 },
    ]);
    expect(diffTokens([], ['x'])).toEqual([{ op: 'insert', aStart: 0, aEnd: 0, bStart: 0, bEnd: 1 }]);
    expect(diffTokens(['x'], [])).toEqual([{ op: 'delete', aStart: 0, aEnd: 1, bStart: 0, bEnd: 0 }]);
    expect(diffTokens([], [])).toEqual([]);
  });

  it('always rebuilds b, covers a and b in order, and is minimal (same edit count as an LCS)', () => {
    const lcs = (a: string[], b: string[]): number => {
      const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++)
          dp[i]![j] = a[i - 1] === b[j - 1] ? dp[i - 1]![j - 1]! + 1 : Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!);
      return dp[a.length]![b.length]!;
    };
    const word = fc.constantFrom('قال', 'بايدن', 'الكاظمي', '2500', '3000', 'جندي', 'في', 'the', 'said');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 25 }), fc.array(word, { maxLength: 25 }), (a, b) => {
        const ops = diffTokens(a, b);
        expect(apply(a, b, ops)).toEqual(b);
        let i = 0;
        let j = 0;
        for (const op of ops) {
          expect(op.aStart).toBe(i);
          expect(op.bStart).toBe(j);
          i = op.aEnd;
          j = op.bEnd;
        }
        expect([i, j]).toEqual([a.length, b.length]);
        expect(editCount(ops)).toBe(a.length + b.length - 2 * lcs(a, b));
      }),
      { numRuns: 300 },
    );
  });
});
