/**
 * Word differences of two aligned sentences as a reader names them: phrases
 * inserted, deleted, replaced or moved, and which of them matter.
 *
 *  1. Sentences whose letters are equal once spelling and spacing are folded
 *     (diffUnits.ts) have no difference at all.
 *  2. The shortest edit script (wordDiff.ts) on unit keys gives the changed
 *     runs; two runs with one function word between them are one phrase
 *     ("آل سعود حفظه الله" and not three marks around a "في").
 *  3. A run whose letters are equal on both sides is a spacing difference and
 *     dropped.
 *  4. A phrase deleted in one place and inserted in another is a move: the
 *     longest common run (2+ units, one of them a content word) of a deleted
 *     and an inserted piece, extended over gaps of up to two units on one
 *     side, which stay as insertions or deletions inside the move
 *     (الشيخ الدكتور خالد [بن محمد] اليوسف moved after the title).
 *  5. A change is `minor` when every unit it touches is a function word
 *     (في وزارة / بوزارة) or courtesy (معالي, حفظه الله: diffUnits.ts): it
 *     is kept for the record but does not make a sentence reworded.
 */
import { lettersOfRange, type DiffUnit } from './diffUnits';
import { diffTokens } from './wordDiff';

export type PhraseOp = 'replace' | 'insert' | 'delete' | 'move';

export interface PhraseChange {
  op: PhraseOp;
  /** Unit index range in `a` (where a moved phrase stood; empty for an insertion). */
  aStart: number;
  aEnd: number;
  /** Unit index range in `b` (where a moved phrase stands; empty for a deletion). */
  bStart: number;
  bEnd: number;
  minor: boolean;
}

interface Block {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** Longest gap (units, on one side) a move may bridge. */
const MOVE_GAP = 2;

/** Changed runs, with runs separated by a single function word joined into one phrase. */
function changedBlocks(a: readonly DiffUnit[], b: readonly DiffUnit[]): Block[] {
  const ops = diffTokens(
    a.map((u) => u.key),
    b.map((u) => u.key),
  );
  const blocks: Block[] = [];
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    if (op.op === 'equal') continue;
    const last = blocks[blocks.length - 1];
    const between = ops[i - 1];
    const bridge =
      last !== undefined &&
      between !== undefined &&
      between.op === 'equal' &&
      between.aEnd - between.aStart === 1 &&
      !a[between.aStart]!.content &&
      last.aEnd === between.aStart &&
      last.bEnd === between.bStart;
    if (bridge) {
      last.aEnd = op.aEnd;
      last.bEnd = op.bEnd;
    } else blocks.push({ aStart: op.aStart, aEnd: op.aEnd, bStart: op.bStart, bEnd: op.bEnd });
  }
  return blocks.filter((k) => lettersOfRange(a, k.aStart, k.aEnd) !== lettersOfRange(b, k.bStart, k.bEnd));
}

interface Piece {
  block: number;
  start: number;
  end: number;
}

interface Move {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
  /** Gaps inside the move: units of a not in b (deleted) and of b not in a (inserted). */
  gaps: Block[];
}

/** Longest common run of keys of a[p] and b[q] holding a content unit: [length, at in a, at in b]. */
function commonRun(a: readonly DiffUnit[], b: readonly DiffUnit[], p: Piece, q: Piece): [number, number, number] {
  let best: [number, number, number] = [0, 0, 0];
  for (let i = p.start; i < p.end; i++) {
    for (let j = q.start; j < q.end; j++) {
      let n = 0;
      let content = false;
      while (i + n < p.end && j + n < q.end && a[i + n]!.key === b[j + n]!.key) {
        content ||= a[i + n]!.content;
        n++;
      }
      if (content && n > best[0]) best = [n, i, j];
    }
  }
  return best;
}

/** The run [i, i+n) ~ [j, j+n) grown forward over small one-sided gaps. */
function extendMove(a: readonly DiffUnit[], b: readonly DiffUnit[], p: Piece, q: Piece, run: [number, number, number]) {
  const [n, i0, j0] = run;
  const move: Move = { aStart: i0, aEnd: i0 + n, bStart: j0, bEnd: j0 + n, gaps: [] };
  for (let grown = true; grown;) {
    grown = false;
    for (let gap = 1; gap <= MOVE_GAP && !grown; gap++) {
      for (const [da, db] of [
        [gap, 0],
        [0, gap],
      ] as const) {
        const i = move.aEnd + da;
        const j = move.bEnd + db;
        if (i >= p.end || j >= q.end || a[i]!.key !== b[j]!.key) continue;
        move.gaps.push({ aStart: move.aEnd, aEnd: i, bStart: move.bEnd, bEnd: j });
        let k = 0;
        while (i + k < p.end && j + k < q.end && a[i + k]!.key === b[j + k]!.key) k++;
        move.aEnd = i + k;
        move.bEnd = j + k;
        grown = true;
        break;
      }
    }
  }
  return move;
}

function carve(pieces: Piece[], at: number, start: number, end: number): void {
  const p = pieces[at]!;
  const rest: Piece[] = [];
  if (p.start < start) rest.push({ block: p.block, start: p.start, end: start });
  if (end < p.end) rest.push({ block: p.block, start: end, end: p.end });
  pieces.splice(at, 1, ...rest);
}

const allMinor = (units: readonly DiffUnit[], from: number, to: number): boolean => {
  for (let i = from; i < to; i++) if (units[i]!.content) return false;
  return true;
};

/** The phrase-level changes that turn `a` into `b` (both a sentence, or a row's sentences, as units). */
export function phraseDiff(a: readonly DiffUnit[], b: readonly DiffUnit[]): PhraseChange[] {
  if (lettersOfRange(a, 0, a.length) === lettersOfRange(b, 0, b.length)) return [];
  const blocks = changedBlocks(a, b);
  const outs: Piece[] = blocks.flatMap((k, block) =>
    k.aEnd > k.aStart ? [{ block, start: k.aStart, end: k.aEnd }] : [],
  );
  const ins: Piece[] = blocks.flatMap((k, block) =>
    k.bEnd > k.bStart ? [{ block, start: k.bStart, end: k.bEnd }] : [],
  );
  const moves: Move[] = [];
  for (;;) {
    let best: { run: [number, number, number]; p: number; q: number } | null = null;
    for (let p = 0; p < outs.length; p++)
      for (let q = 0; q < ins.length; q++) {
        // A run the edit script left in one replace is a change in place, not a move.
        if (outs[p]!.block === ins[q]!.block) continue;
        const run = commonRun(a, b, outs[p]!, ins[q]!);
        if (run[0] >= 2 && (!best || run[0] > best.run[0])) best = { run, p, q };
      }
    if (!best) break;
    const move = extendMove(a, b, outs[best.p]!, ins[best.q]!, best.run);
    moves.push(move);
    carve(outs, best.p, move.aStart, move.aEnd);
    carve(ins, best.q, move.bStart, move.bEnd);
  }

  const changes: PhraseChange[] = [];
  const minor = (k: Block): boolean => allMinor(a, k.aStart, k.aEnd) && allMinor(b, k.bStart, k.bEnd);
  blocks.forEach((k, block) => {
    const left = outs.filter((p) => p.block === block);
    const right = ins.filter((p) => p.block === block);
    if (left.length === 1 && right.length === 1) {
      const c = { aStart: left[0]!.start, aEnd: left[0]!.end, bStart: right[0]!.start, bEnd: right[0]!.end };
      changes.push({ op: 'replace', ...c, minor: minor(c) });
      return;
    }
    for (const p of left) {
      const c = { aStart: p.start, aEnd: p.end, bStart: k.bStart, bEnd: k.bStart };
      changes.push({ op: 'delete', ...c, minor: minor(c) });
    }
    for (const p of right) {
      const c = { aStart: k.aStart, aEnd: k.aStart, bStart: p.start, bEnd: p.end };
      changes.push({ op: 'insert', ...c, minor: minor(c) });
    }
  });
  for (const m of moves) {
    changes.push({ op: 'move', aStart: m.aStart, aEnd: m.aEnd, bStart: m.bStart, bEnd: m.bEnd, minor: false });
    for (const g of m.gaps) {
      const op = g.aEnd > g.aStart ? 'delete' : 'insert';
      changes.push({ op, ...g, minor: minor(g) });
    }
  }
  return changes.sort((x, y) => x.bStart - y.bStart || x.aStart - y.aStart);
}
