/**
 * What one cell of the comparison draws: an article's sentences in a row,
 * cut where the word diff says words differ, so the marks sit on the
 * article's own words (offsets are UTF-16 offsets into its body).
 */
import type { AlignmentRow, TextSpan } from '../../../../preload/contract';

export interface Segment {
  start: number;
  end: number;
  changed: boolean;
}

/** The spans of `article`'s body that differ from the other articles of the row. */
export function changedSpans(row: AlignmentRow, article: number): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const diff of row.diffs) {
    for (const change of diff.changes) {
      // `b` lies in the diffed article, `a` in the reference it was diffed against.
      if (diff.article === article && change.b) spans.push(change.b);
      if (diff.against === article && change.a) spans.push(change.a);
    }
  }
  return mergeSpans(spans);
}

/** Sorted, overlapping or touching spans joined; empty ones dropped. */
export function mergeSpans(spans: readonly TextSpan[]): TextSpan[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((x, y) => x.start - y.start || x.end - y.end);
  const out: TextSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** A sentence cut into plain and changed runs that cover it exactly. */
export function segmentsOf(sentence: TextSpan, changed: readonly TextSpan[]): Segment[] {
  const out: Segment[] = [];
  let at = sentence.start;
  for (const c of changed) {
    const start = Math.max(c.start, sentence.start);
    const end = Math.min(c.end, sentence.end);
    if (end <= start) continue;
    if (start > at) out.push({ start: at, end: start, changed: false });
    out.push({ start, end, changed: true });
    at = end;
  }
  if (at < sentence.end) out.push({ start: at, end: sentence.end, changed: false });
  return out;
}

/** Rows of a kind, for the summary line. */
export function countKinds(rows: readonly AlignmentRow[]): Record<AlignmentRow['kind'], number> {
  const counts = { shared: 0, reworded: 0, unique: 0 };
  for (const row of rows) counts[row.kind] += 1;
  return counts;
}
