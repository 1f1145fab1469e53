/**
 * Sentence alignment of two or more articles telling one story.
 *
 * Sentences are compared on their content keys (stems of content words,
 * numbers, dates), weighted by how rare a key is among all the compared
 * sentences, with a weighted Dice coefficient. Articles are aligned one
 * after another against the rows built so far (the first article's
 * sentences to start with):
 *  1. a monotone dynamic programme finds the best in-order alignment (what
 *     the outlets tell in the same order);
 *  2. pairs left out of that order but clearly alike (a higher bar) are
 *     aligned too and marked `moved`: a reordered story;
 *  3. a sentence next to an aligned one whose words are mostly contained in
 *     that row joins it (one outlet split a sentence in two), and a row
 *     whose words are contained in a neighbour's sentence merges with it
 *     (one outlet joined two sentences);
 *  4. what is left is unique to its article and becomes a row of its own,
 *     placed after the row of its article's previous sentence.
 * Inside every row, each article's words are diffed against the first
 * article carrying the row (phrases.ts), on spelling-blind keys
 * (diffUnits.ts), with offsets into the original texts. A row is reworded
 * only when a change touches a content word.
 */
import { diffUnits, type DiffUnit } from './diffUnits';
import { phraseDiff } from './phrases';
import { contentKeys, type PreparedText } from './prepare';

export interface AlignOptions {
  /** Similarity (0..1) at or above which two sentences align in order. */
  matchThreshold: number;
  /** Similarity at or above which two sentences align out of order (moved). */
  movedThreshold: number;
  /** Share of a sentence's weight that a neighbouring row must contain for a split or merge. */
  partThreshold: number;
}

export const defaultAlignOptions: AlignOptions = {
  matchThreshold: 0.35,
  movedThreshold: 0.5,
  partThreshold: 0.75,
};

export interface Span {
  start: number;
  end: number;
}

export interface WordChange {
  /** move: the same phrase stands elsewhere in the sentence (a: where it was, b: where it is). */
  op: 'replace' | 'insert' | 'delete' | 'move';
  /** In the reference article's text (null for an insertion). */
  a: Span | null;
  /** In the other article's text (null for a deletion). */
  b: Span | null;
  /** Only function words differ (في وزارة / بوزارة): not a rewording, not marked. */
  minor: boolean;
}

export interface RowDiff {
  /** Index (into the compared articles) of the article diffed... */
  article: number;
  /** ...against this one (the first article carrying the row). */
  against: number;
  similarity: number;
  changes: WordChange[];
}

export type RowKind = 'shared' | 'reworded' | 'unique';

export interface AlignmentRow {
  /** shared: carried by 2+ articles with the same content words; reworded: carried by 2+ with differences; unique: by one. */
  kind: RowKind;
  /** Per article, the indexes of its sentences in this row (empty: the article does not carry it). */
  cells: number[][];
  /** Articles carrying this row out of the order of the articles before them. */
  moved: number[];
  diffs: RowDiff[];
}

export interface Alignment {
  /** Per article, its sentences' offsets. */
  sentences: Span[][];
  rows: AlignmentRow[];
  /** Per article, sentences no other article carries. */
  unique: number[][];
  /** Per article, its first line when it only names the outlet, writer or place (in no row), else null. */
  datelines: (Span | null)[];
  /** Per article, its last line when it only lists the page's tags (in no row), else null. */
  tagLines: (Span | null)[];
}

/** At most this many words: "عين اليوم – الرياض", "رغد عشميل – عين اليوم", "حاتم النجيمي – تربة". */
const DATELINE_WORDS = 6;

/** Sentence `s` as a line of page furniture is judged: its words and its trimmed text. */
function lineAt(p: PreparedText, s: number): { words: number; text: string } | null {
  const sentence = p.sentences[s];
  if (!sentence) return null;
  const words = p.tokens.slice(sentence.tokenStart, sentence.tokenEnd).filter((t) => t.kind === 'word').length;
  return { words, text: p.text.slice(sentence.start, sentence.end).trim() };
}

/**
 * True when sentence `s` is a dateline or byline: a few words on either side of a dash, with no sentence
 * punctuation. It tells who wrote from where, not what happened, so it is shown with the article's heading
 * instead of as a sentence no other outlet carries.
 */
export function isDateline(p: PreparedText, s: number): boolean {
  const line = lineAt(p, s);
  if (!line) return false;
  const { words, text } = line;
  return words >= 2 && words <= DATELINE_WORDS && /\s[–—-]\s/u.test(text) && !/[.!?؟:؛«»"“”]/u.test(text);
}

/** A page's tag list after the text: "سمات اليمن الحوثي" (عين اليوم closes 1,737 SaudiNewsNet articles so), "Tags: …". */
const TAG_LABEL =
  /^(?:سمات|الوسوم|وسوم|الكلمات الدلالية|كلمات دلالية|الكلمات المفتاحية|كلمات مفتاحية|tags|keywords)\s*:?\s/iu;
const TAG_LINE_WORDS = 20;

/**
 * True when sentence `s` is the article's last and only lists tags: a tag label, then a few words with no
 * sentence punctuation. It is the page's furniture, not something the outlet reports.
 */
export function isTagLine(p: PreparedText, s: number): boolean {
  const line = s === p.sentences.length - 1 && s > 0 ? lineAt(p, s) : null;
  if (!line) return false;
  const { words, text } = line;
  return words >= 2 && words <= TAG_LINE_WORDS && TAG_LABEL.test(text) && !/[.!?؟«»"“”]/u.test(text);
}

type Keys = Set<string>;

/** How far (in rows) a merge may reach for the row an article carries. */
const MERGE_REACH = 3;

class Weights {
  private readonly w = new Map<string, number>();

  constructor(all: readonly Keys[][]) {
    const sf = new Map<string, number>();
    let total = 0;
    for (const article of all)
      for (const keys of article) {
        total++;
        for (const k of keys) sf.set(k, (sf.get(k) ?? 0) + 1);
      }
    for (const [k, n] of sf) this.w.set(k, Math.log(1 + total / n));
  }

  of(k: string): number {
    return this.w.get(k) ?? 0;
  }

  sum(keys: Keys): number {
    let s = 0;
    for (const k of keys) s += this.of(k);
    return s;
  }

  /** Weighted Dice coefficient. */
  similarity(a: Keys, b: Keys): number {
    const total = this.sum(a) + this.sum(b);
    if (total === 0) return 0;
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    let common = 0;
    for (const k of small) if (large.has(k)) common += this.of(k);
    return (2 * common) / total;
  }

  /** Share of a's weight that b holds too. */
  containment(a: Keys, b: Keys): number {
    const total = this.sum(a);
    if (total === 0) return 0;
    let common = 0;
    for (const k of a) if (b.has(k)) common += this.of(k);
    return common / total;
  }
}

interface Row {
  cells: number[][];
  moved: Set<number>;
}

function union(sets: readonly Keys[]): Keys {
  const out = new Set<string>();
  for (const s of sets) for (const k of s) out.add(k);
  return out;
}

/** Keys of a row as the articles before `k` carry it. */
function rowKeys(row: Row, keys: readonly Keys[][], k: number): Keys {
  const sets: Keys[] = [];
  for (let a = 0; a < k; a++) for (const s of row.cells[a]!) sets.push(keys[a]![s]!);
  return union(sets);
}

/** Best in-order pairing of rows and sentences (pairs below the threshold never pair). */
function monotonePairs(sim: Float64Array, rows: number, cols: number, threshold: number): Array<[number, number]> {
  const w = cols + 1;
  const dp = new Float64Array((rows + 1) * w);
  for (let r = 1; r <= rows; r++) {
    for (let c = 1; c <= cols; c++) {
      let best = Math.max(dp[(r - 1) * w + c]!, dp[r * w + c - 1]!);
      const s = sim[(r - 1) * cols + (c - 1)]!;
      if (s >= threshold) best = Math.max(best, dp[(r - 1) * w + c - 1]! + s);
      dp[r * w + c] = best;
    }
  }
  const pairs: Array<[number, number]> = [];
  let r = rows;
  let c = cols;
  while (r > 0 && c > 0) {
    const here = dp[r * w + c]!;
    if (here === dp[(r - 1) * w + c]!) r--;
    else if (here === dp[r * w + c - 1]!) c--;
    else {
      pairs.push([r - 1, c - 1]);
      r--;
      c--;
    }
  }
  return pairs.reverse();
}

/** Adds article k's sentences to the rows. */
function alignNext(
  rows: Row[],
  keys: readonly Keys[][],
  weights: Weights,
  k: number,
  n: number,
  options: AlignOptions,
): Row[] {
  const sentences = keys[k]!;
  const R = rows.length;
  const M = sentences.length;
  const rk = rows.map((row) => rowKeys(row, keys, k));
  const sim = new Float64Array(R * M);
  for (let r = 0; r < R; r++) {
    for (let j = 0; j < M; j++) {
      // A row is as like a sentence as its likest sentence (rows hold one per earlier article).
      let best = 0;
      for (let a = 0; a < k; a++)
        for (const s of rows[r]!.cells[a]!) best = Math.max(best, weights.similarity(keys[a]![s]!, sentences[j]!));
      sim[r * M + j] = best;
    }
  }
  const rowOf = new Int32Array(M).fill(-1);
  const taken = new Uint8Array(R);
  for (const [r, j] of monotonePairs(sim, R, M, options.matchThreshold)) {
    rows[r]!.cells[k]!.push(j);
    rowOf[j] = r;
    taken[r] = 1;
  }
  // Out-of-order pairs, best first.
  const loose: Array<[number, number, number]> = [];
  for (let r = 0; r < R; r++) {
    if (taken[r]) continue;
    for (let j = 0; j < M; j++)
      if (rowOf[j]! < 0 && sim[r * M + j]! >= options.movedThreshold) loose.push([sim[r * M + j]!, r, j]);
  }
  loose.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  for (const [, r, j] of loose) {
    if (taken[r] || rowOf[j]! >= 0) continue;
    rows[r]!.cells[k]!.push(j);
    rows[r]!.moved.add(k);
    rowOf[j] = r;
    taken[r] = 1;
  }
  // Splits: a leftover sentence mostly contained in the row of an aligned sentence at most MERGE_REACH
  // sentences before or after it, nearest first (the other side of a merge, below: one outlet's "100
  // judges at the ministry and 25 at the Board" is two sentences with the minister's words between).
  const near = (j: number): number[] => {
    const out: number[] = [];
    for (let d = 1; d <= MERGE_REACH; d++) out.push(j - d, j + d);
    return out;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (let j = 0; j < M; j++) {
      if (rowOf[j]! >= 0) continue;
      for (const nb of near(j)) {
        if (nb < 0 || nb >= M || rowOf[nb]! < 0) continue;
        const r = rowOf[nb]!;
        if (weights.containment(sentences[j]!, rk[r]!) >= options.partThreshold) {
          rows[r]!.cells[k]!.push(j);
          rows[r]!.cells[k]!.sort((x, y) => x - y);
          rowOf[j] = r;
          changed = true;
          break;
        }
      }
    }
  }
  // Merges: a row article k skipped, contained in the sentence(s) k gave the nearest row it carries
  // before or after (over at most MERGE_REACH - 1 rows it skipped too).
  const mergeInto = new Int32Array(R).fill(-1);
  const carriedNear = (r: number, step: -1 | 1): number => {
    for (let nb = r + step, d = 1; d <= MERGE_REACH && nb >= 0 && nb < R; nb += step, d++)
      if (rows[nb]!.cells[k]!.length > 0) return nb;
    return -1;
  };
  for (let r = 0; r < R; r++) {
    if (rows[r]!.cells[k]!.length > 0 || rk[r]!.size === 0) continue;
    for (const nb of [carriedNear(r, -1), carriedNear(r, 1)]) {
      if (nb < 0 || mergeInto[nb]! >= 0) continue;
      const theirs = union(rows[nb]!.cells[k]!.map((j) => sentences[j]!));
      const covered = weights.containment(rk[r]!, theirs) >= options.partThreshold;
      // The neighbour's sentence must hold more than the neighbour row itself says.
      const extra = weights.containment(theirs, rk[nb]!) < 1 - 1e-9;
      if (covered && extra) {
        mergeInto[r] = nb;
        break;
      }
    }
  }
  // Each row joins the group of the row it merges into; a group keeps the place of its first row.
  const group = Array.from({ length: R }, (_, r) => r);
  const find = (r: number): number => (group[r] === r ? r : (group[r] = find(group[r]!)));
  for (let r = 0; r < R; r++)
    if (mergeInto[r]! >= 0) group[Math.max(find(r), find(mergeInto[r]!))] = Math.min(find(r), find(mergeInto[r]!));
  const merged: Row[] = [];
  const byGroup = new Map<number, Row>();
  for (let r = 0; r < R; r++) {
    const g = find(r);
    const into = byGroup.get(g);
    if (!into) {
      byGroup.set(g, rows[r]!);
      merged.push(rows[r]!);
      continue;
    }
    for (let a = 0; a < n; a++)
      into.cells[a] = [...new Set([...into.cells[a]!, ...rows[r]!.cells[a]!])].sort((x, y) => x - y);
    rows[r]!.moved.forEach((m) => into.moved.add(m));
  }

  // Leftovers become rows of their own after the row of the article's previous sentence.
  const rowOfSentence = new Map<number, Row>();
  for (const row of merged) for (const j of row.cells[k]!) rowOfSentence.set(j, row);
  const after = new Map<Row | null, Row[]>();
  let anchor: Row | null = null;
  for (let j = 0; j < M; j++) {
    const row = rowOfSentence.get(j);
    if (row) {
      anchor = row;
      continue;
    }
    const fresh: Row = { cells: Array.from({ length: n }, () => []), moved: new Set() };
    fresh.cells[k]!.push(j);
    const list = after.get(anchor) ?? [];
    list.push(fresh);
    after.set(anchor, list);
    // Consecutive leftovers keep their order: the next one follows this one.
    anchor = fresh;
  }
  const out: Row[] = [];
  const emit = (row: Row | null): void => {
    for (const fresh of after.get(row) ?? []) {
      out.push(fresh);
      emit(fresh);
    }
  };
  emit(null);
  for (const row of merged) {
    out.push(row);
    emit(row);
  }
  return out;
}

/** Aligns two or more prepared articles. */
export function alignTexts(texts: readonly PreparedText[], options: AlignOptions = defaultAlignOptions): Alignment {
  const n = texts.length;
  const keys: Keys[][] = texts.map((p) => p.sentences.map((s) => contentKeys(p.tokens, s.tokenStart, s.tokenEnd)));
  const weights = new Weights(keys);
  let rows: Row[] = (keys[0] ?? []).map((_, s) => {
    const cells: number[][] = Array.from({ length: n }, () => []);
    cells[0]!.push(s);
    return { cells, moved: new Set<number>() };
  });
  for (let k = 1; k < n; k++) rows = alignNext(rows, keys, weights, k, n, options);
  // A dateline leading an article with more to say, and a tag list closing one, stand in no row.
  const datelines = texts.map((p) => p.sentences.length > 1 && isDateline(p, 0));
  const tagLines = texts.map((p) => isTagLine(p, p.sentences.length - 1));
  const furniture = (a: number, s: number): boolean =>
    (datelines[a]! && s === 0) || (tagLines[a]! && s === texts[a]!.sentences.length - 1);
  rows = rows
    .map((row) => ({ ...row, cells: row.cells.map((c, a) => c.filter((x) => !furniture(a, x))) }))
    .filter((row) => row.cells.some((c) => c.length > 0));

  const cellUnits = (a: number, cell: readonly number[]): DiffUnit[] => {
    const p = texts[a]!;
    return cell.flatMap((s) => diffUnits(p.tokens, p.sentences[s]!.tokenStart, p.sentences[s]!.tokenEnd));
  };
  const span = (a: number, units: readonly DiffUnit[], from: number, to: number): Span | null =>
    from >= to
      ? null
      : { start: texts[a]!.tokens[units[from]!.first]!.start, end: texts[a]!.tokens[units[to - 1]!.end - 1]!.end };

  const result: AlignmentRow[] = rows.map((row) => {
    const carriers = row.cells.map((c, a) => (c.length > 0 ? a : -1)).filter((a) => a >= 0);
    const ref = carriers[0]!;
    const refUnits = cellUnits(ref, row.cells[ref]!);
    const refContent = union(row.cells[ref]!.map((s) => keys[ref]![s]!));
    const diffs: RowDiff[] = carriers.slice(1).map((a) => {
      const units = cellUnits(a, row.cells[a]!);
      const changes: WordChange[] = phraseDiff(refUnits, units).map((o) => ({
        op: o.op,
        a: span(ref, refUnits, o.aStart, o.aEnd),
        b: span(a, units, o.bStart, o.bEnd),
        minor: o.minor,
      }));
      const similarity = weights.similarity(refContent, union(row.cells[a]!.map((s) => keys[a]![s]!)));
      return { article: a, against: ref, similarity: Math.round(similarity * 1000) / 1000, changes };
    });
    const kind: RowKind =
      carriers.length < 2 ? 'unique' : diffs.some((d) => d.changes.some((c) => !c.minor)) ? 'reworded' : 'shared';
    return { kind, cells: row.cells, moved: [...row.moved].sort((x, y) => x - y), diffs };
  });

  const unique: number[][] = texts.map(() => []);
  for (const row of result) if (row.kind === 'unique') for (let a = 0; a < n; a++) unique[a]!.push(...row.cells[a]!);
  unique.forEach((u) => u.sort((x, y) => x - y));
  return {
    sentences: texts.map((p) => p.sentences.map((s) => ({ start: s.start, end: s.end }))),
    rows: result,
    unique,
    datelines: texts.map((p, a) => (datelines[a] ? { start: p.sentences[0]!.start, end: p.sentences[0]!.end } : null)),
    tagLines: texts.map((p, a) => {
      const last = p.sentences[p.sentences.length - 1];
      return tagLines[a] && last ? { start: last.start, end: last.end } : null;
    }),
  };
}
