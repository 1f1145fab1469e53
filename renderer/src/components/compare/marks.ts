/**
 * What one cell of the comparison draws: an article's sentences in a row,
 * cut where the word diff says words differ, so the marks sit on the
 * article's own words (offsets are UTF-16 offsets into its body).
 */
import type { AlignmentRow, TextSpan, WordChange } from '../../../../preload/contract';

export interface Segment {
  start: number;
  end: number;
  changed: boolean;
  /** Part of a phrase that stands elsewhere in another article (and is not itself changed). */
  moved?: true;
}

/** The spans of one kind that `article` contributes to the row's diffs, in its own body. */
function spansOf(row: AlignmentRow, article: number, keep: (change: WordChange) => boolean): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const diff of row.diffs) {
    for (const change of diff.changes) {
      if (!keep(change)) continue;
      // `b` lies in the diffed article, `a` in the reference it was diffed against.
      if (diff.article === article && change.b) spans.push(change.b);
      if (diff.against === article && change.a) spans.push(change.a);
    }
  }
  return mergeSpans(spans);
}

/**
 * The spans of `article`'s body whose words differ from the other articles of the row. Changes of
 * function words or courtesy only (minor) are not marked: they never make a row reworded.
 */
export function changedSpans(row: AlignmentRow, article: number): TextSpan[] {
  return spansOf(row, article, (change) => change.op !== 'move' && !change.minor);
}

/** The spans of `article`'s body holding a phrase another article has elsewhere. */
export function movedSpans(row: AlignmentRow, article: number): TextSpan[] {
  return spansOf(row, article, (change) => change.op === 'move');
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

/** Plain/changed runs of [from, to) of a sentence, as segmentsOf cuts them. */
function cut(from: number, to: number, changed: readonly TextSpan[], out: Segment[], moved: boolean): void {
  let at = from;
  const plain = (start: number, end: number) =>
    out.push(moved ? { start, end, changed: false, moved: true } : { start, end, changed: false });
  for (const c of changed) {
    const start = Math.max(c.start, from);
    const end = Math.min(c.end, to);
    if (end <= start) continue;
    if (start > at) plain(at, start);
    out.push({ start, end, changed: true });
    at = end;
  }
  if (at < to) plain(at, to);
}

/**
 * A sentence cut into runs that cover it exactly: changed words, words of a moved phrase (a change
 * inside a moved phrase stays changed), and plain words.
 */
export function segmentsOf(
  sentence: TextSpan,
  changed: readonly TextSpan[],
  moved: readonly TextSpan[] = [],
): Segment[] {
  const out: Segment[] = [];
  let at = sentence.start;
  for (const m of moved) {
    const start = Math.max(m.start, sentence.start);
    const end = Math.min(m.end, sentence.end);
    if (end <= start) continue;
    if (start > at) cut(at, start, changed, out, false);
    cut(start, end, changed, out, true);
    at = end;
  }
  if (at < sentence.end) cut(at, sentence.end, changed, out, false);
  return out;
}

/** Rows of a kind, for the summary line. */
export function countKinds(rows: readonly AlignmentRow[]): Record<AlignmentRow['kind'], number> {
  const counts = { shared: 0, reworded: 0, unique: 0 };
  for (const row of rows) counts[row.kind] += 1;
  return counts;
}
