/**
 * Offsets between the stored body and what the reader draws. Highlights and
 * find matches are ranges of UTF-16 offsets into `article.body`; the reader
 * draws trimmed, non-blank lines as paragraphs and every run of text inside
 * an element carrying `data-o` (its body offset), so a DOM selection maps
 * back to body offsets and body offsets map to DOM ranges.
 */

export interface ParagraphSpan {
  start: number;
  end: number;
  text: string;
}

/** Non-blank lines of a body, trimmed, with their offsets in the body. */
export function paragraphSpans(body: string): ParagraphSpan[] {
  const spans: ParagraphSpan[] = [];
  const lineBreak = /\r\n|\r|\n|\u2029/g;
  let lineStart = 0;
  const push = (from: number, to: number) => {
    let s = from;
    let e = to;
    while (s < e && /\s/u.test(body[s]!)) s++;
    while (e > s && /\s/u.test(body[e - 1]!)) e--;
    if (e > s) spans.push({ start: s, end: e, text: body.slice(s, e) });
  };
  for (let m = lineBreak.exec(body); m; m = lineBreak.exec(body)) {
    push(lineStart, m.index);
    lineStart = m.index + m[0].length;
  }
  push(lineStart, body.length);
  return spans;
}

export interface MarkRange {
  id: number;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  /** Highlights covering this run, innermost (latest starting) last. */
  ids: number[];
}

/** Cuts a paragraph into runs at every highlight boundary inside it. */
export function segmentsOf(paragraph: { start: number; end: number }, ranges: readonly MarkRange[]): Segment[] {
  const inside = ranges.filter((r) => r.end > paragraph.start && r.start < paragraph.end);
  const cuts = new Set<number>([paragraph.start, paragraph.end]);
  for (const r of inside) {
    cuts.add(Math.max(paragraph.start, r.start));
    cuts.add(Math.min(paragraph.end, r.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const ids = inside
      .filter((r) => r.start <= start && r.end >= end)
      .sort((a, b) => a.start - b.start || b.end - a.end)
      .map((r) => r.id);
    segments.push({ start, end, ids });
  }
  return segments;
}

/** The body offset of a DOM point inside the reader's text, or null outside it. */
export function offsetOfPoint(root: Element, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const holder = node.parentElement?.closest('[data-o]');
    if (!holder || !root.contains(holder)) return null;
    return Number(holder.getAttribute('data-o')) + offset;
  }
  // An element point: the first run at or after it starts there; else the end of the last run.
  const here = document.createRange();
  here.setStart(node, offset);
  const runs = [...root.querySelectorAll<HTMLElement>('[data-o]')];
  for (const run of runs) {
    if (here.comparePoint(run, 0) >= 0) return Number(run.dataset['o']);
  }
  const last = runs[runs.length - 1];
  return last ? Number(last.dataset['o']) + (last.textContent ?? '').length : null;
}

/** A DOM Range over body offsets [start, end), clamped to the text that is drawn. */
export function rangeOfOffsets(root: Element, start: number, end: number): Range | null {
  const runs = [...root.querySelectorAll<HTMLElement>('[data-o]')];
  const point = (target: number, preferEnd: boolean): [Node, number] | null => {
    let chosen: [Node, number] | null = null;
    for (const run of runs) {
      const text = run.firstChild;
      if (!text || text.nodeType !== Node.TEXT_NODE) continue;
      const from = Number(run.dataset['o']);
      const to = from + (text.textContent ?? '').length;
      if (target >= from && (target < to || (preferEnd && target === to))) return [text, target - from];
      if (target < from) return chosen ?? [text, 0];
      chosen = [text, (text.textContent ?? '').length];
    }
    return chosen;
  };
  const a = point(start, false);
  const b = point(end, true);
  if (!a || !b) return null;
  const range = document.createRange();
  range.setStart(a[0], a[1]);
  range.setEnd(b[0], b[1]);
  return range;
}
