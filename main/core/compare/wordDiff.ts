/**
 * Word-level difference of two token sequences (Myers' O(ND) algorithm,
 * "An O(ND) Difference Algorithm and Its Variations", 1986): the shortest
 * edit script, so two sentences that differ in one number differ in exactly
 * that number. Tokens are compared on keys (spelling variants, diacritics
 * and clitics already folded by the analyzer), while the spans returned are
 * index ranges into each sequence, which callers map to offsets in the
 * original text.
 */

export type DiffOpKind = 'equal' | 'delete' | 'insert' | 'replace';

export interface DiffOp {
  op: DiffOpKind;
  /** Token index range in `a` (empty for insert). */
  aStart: number;
  aEnd: number;
  /** Token index range in `b` (empty for delete). */
  bStart: number;
  bEnd: number;
}

/** Raw edit script: equal / delete / insert runs in order. */
function myers(a: readonly string[], b: readonly string[]): DiffOp[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)) x = v[offset + k + 1]!;
      else x = v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  // Walk the trace back from (n, m), emitting single steps in reverse.
  const steps: Array<'=' | '-' | '+'> = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      steps.push('=');
      x--;
      y--;
    }
    steps.push(down ? '+' : '-');
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    steps.push('=');
    x--;
    y--;
  }
  steps.reverse();

  const ops: DiffOp[] = [];
  let i = 0;
  let j = 0;
  for (const s of steps) {
    const kind: DiffOpKind = s === '=' ? 'equal' : s === '-' ? 'delete' : 'insert';
    const last = ops[ops.length - 1];
    if (last && last.op === kind) {
      if (s !== '+') last.aEnd++;
      if (s !== '-') last.bEnd++;
    } else {
      ops.push({ op: kind, aStart: i, aEnd: s === '+' ? i : i + 1, bStart: j, bEnd: s === '-' ? j : j + 1 });
    }
    if (s !== '+') i++;
    if (s !== '-') j++;
  }
  return ops;
}

/**
 * The edit script with each run of deletions and insertions between two
 * equal runs merged into one `replace` (what a reader sees: "2500" became
 * "3000", not "2500" removed and "3000" added).
 */
export function diffTokens(a: readonly string[], b: readonly string[]): DiffOp[] {
  const raw = myers(a, b);
  const out: DiffOp[] = [];
  for (const op of raw) {
    const last = out[out.length - 1];
    if (last && op.op !== 'equal' && last.op !== 'equal') {
      last.op = 'replace';
      last.aEnd = Math.max(last.aEnd, op.aEnd);
      last.bEnd = Math.max(last.bEnd, op.bEnd);
      if (last.aStart === last.aEnd) last.op = 'insert';
      else if (last.bStart === last.bEnd) last.op = 'delete';
      else last.op = 'replace';
    } else out.push({ ...op });
  }
  return out;
}
