/**
 * Paragraph layout for mixed right-to-left and left-to-right text, the recipe
 * of DESIGN.md ("Correct Arabic in PDF"):
 *
 *  1. embedding levels of the paragraph (bidi-js, base direction given);
 *  2. wrap in logical order at UAX #14 break opportunities (linebreak),
 *     measuring text without OpenType features;
 *  3. per line: reorder with getReorderSegments, mirror brackets with
 *     getMirroredCharactersMap(text, levels.levels), and cut the line into
 *     visual runs of one level, each to be drawn with an explicit direction;
 *  4. shadda goes before the other harakat before shaping (fontkit does not
 *     reorder marks the way HarfBuzz does).
 *
 * Pure: the width of a string comes from a `measure` callback, so the same
 * code lays out for PDFKit and for tests with a fake font.
 */
import bidiFactory from 'bidi-js';
import LineBreaker from 'linebreak';

export type Dir = 'rtl' | 'ltr';
export type Align = 'start' | 'end' | 'center' | 'justify';

/** Width in points of logical text (no OpenType features, as PDFKit measures word by word). */
export type Measure = (text: string) => number;

export interface LayoutStyle {
  /** Width of the line box in points. */
  width: number;
  /** Base direction of the paragraph. */
  dir: Dir;
  align: Align;
  measure: Measure;
}

/** A stretch of one embedding level, in logical order, brackets already mirrored. */
export interface LaidRun {
  text: string;
  rtl: boolean;
  /** Characters of `text` replaced by their mirror image: [index in text, the character in the source]. */
  mirrors: Array<[number, string]>;
  /** The logical range of the run in the prepared paragraph text. */
  start: number;
  end: number;
  /** The run stands inside a directional isolate (U+2066-2068 … U+2069) of the text. */
  isolated?: boolean;
  /** Left edge, from the left of the line box, justification included. */
  x: number;
  /** Drawn width, justification included. */
  width: number;
}

export interface LaidLine {
  /** Left to right. */
  runs: LaidRun[];
  /** Width of the text without justification. */
  naturalWidth: number;
  /** Extra width given to each U+0020 of the line when justified (0 otherwise). */
  spaceExtra: number;
  /** The logical range of the line in the prepared paragraph text. */
  start: number;
  end: number;
}

const bidi = bidiFactory();

/** Directional formatting characters: they steer the bidi algorithm and are never drawn. */
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const ARABIC_MARKS = /[\u064b-\u065f\u0670]{2,}/g;
const SHADDA = '\u0651';

/**
 * Puts shadda first in each cluster of Arabic marks. Unicode's canonical order
 * puts fatha/kasra/damma (and tanween) before shadda; fonts stack the vowel on
 * the shadda only when shadda comes first, which HarfBuzz arranges with its
 * "modified combining classes" and fontkit does not. Same length, so offsets
 * into the text stay valid.
 */
export function orderArabicMarks(text: string): string {
  return text.replace(ARABIC_MARKS, (marks) => {
    if (!marks.includes(SHADDA) || marks.startsWith(SHADDA)) return marks;
    let shaddas = '';
    let rest = '';
    for (const m of marks) {
      if (m === SHADDA) shaddas += m;
      else rest += m;
    }
    return shaddas + rest;
  });
}

/** The text a paragraph is laid out from: one line, tabs as spaces, marks in drawing order. */
export function prepareParagraph(text: string): string {
  return orderArabicMarks(text.replace(/[\t\n\r\u2028\u2029\u0085]/g, ' '));
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b);
}

interface Segment {
  start: number;
  /** End of the visible part (trailing spaces excluded). */
  inkEnd: number;
  end: number;
}

/** Break opportunities of the text as segments "word + trailing spaces". */
function segmentsOf(text: string): Segment[] {
  const out: Segment[] = [];
  const breaker = new LineBreaker(text);
  let last = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    if (bk.position <= last) continue;
    let inkEnd = bk.position;
    while (inkEnd > last && isSpace(text.charCodeAt(inkEnd - 1))) inkEnd--;
    out.push({ start: last, inkEnd, end: bk.position });
    last = bk.position;
  }
  if (last < text.length) out.push({ start: last, inkEnd: text.length, end: text.length });
  return out;
}

/**
 * Cuts a segment wider than the line (a long URL, a run of digits) at
 * grapheme boundaries: an emergency break, as browsers do for
 * `overflow-wrap: anywhere`.
 */
function splitOverlong(text: string, seg: Segment, width: number, measure: Measure): Segment[] {
  const out: Segment[] = [];
  let start = seg.start;
  let acc = 0;
  for (const g of graphemes.segment(text.slice(seg.start, seg.inkEnd))) {
    const at = seg.start + g.index;
    const w = measure(g.segment);
    if (acc + w > width && at > start) {
      out.push({ start, inkEnd: at, end: at });
      start = at;
      acc = 0;
    }
    acc += w;
  }
  out.push({ start, inkEnd: seg.inkEnd, end: seg.end });
  return out;
}

/** Greedy wrapping in logical order: [start, inkEnd) of each line. */
function wrap(text: string, width: number, measure: Measure): Array<{ start: number; end: number }> {
  const lines: Array<{ start: number; end: number }> = [];
  let lineStart = -1;
  let lineInkEnd = 0;
  let ink = 0; // width up to the end of the last visible character
  let pending = 0; // width of the spaces after it
  const place = (seg: Segment, segInk: number, segSpaces: number) => {
    if (lineStart >= 0 && ink + pending + segInk > width && lineInkEnd > lineStart) {
      lines.push({ start: lineStart, end: lineInkEnd });
      lineStart = -1;
    }
    if (lineStart < 0) {
      lineStart = seg.start;
      ink = 0;
      pending = 0;
    }
    ink += pending + segInk;
    pending = segSpaces;
    if (seg.inkEnd > seg.start) lineInkEnd = seg.inkEnd;
  };
  for (const seg of segmentsOf(text)) {
    const inkText = text.slice(seg.start, seg.inkEnd);
    const segInk = inkText === '' ? 0 : measure(inkText);
    const segSpaces = seg.end > seg.inkEnd ? measure(text.slice(seg.inkEnd, seg.end)) : 0;
    if (segInk > width) {
      for (const piece of splitOverlong(text, seg, width, measure)) {
        const pieceText = text.slice(piece.start, piece.inkEnd);
        place(piece, measure(pieceText), piece.end > piece.inkEnd ? segSpaces : 0);
      }
    } else {
      place(seg, segInk, segSpaces);
    }
  }
  if (lineStart >= 0 && lineInkEnd > lineStart) lines.push({ start: lineStart, end: lineInkEnd });
  return lines;
}

function countSpaces(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x20) n++;
  return n;
}

/**
 * Lays a paragraph out in lines of visual runs. `text` should come from
 * `prepareParagraph`; the result's offsets are into it.
 */
export function layoutParagraph(text: string, style: LayoutStyle): LaidLine[] {
  if (text.trim() === '') return [];
  const levels = bidi.getEmbeddingLevels(text, style.dir);
  const wrapped = wrap(text, style.width, style.measure);
  const isolated = isolatedCharacters(text);
  return wrapped.map((range, i) => {
    const last = i === wrapped.length - 1;
    return lineOf(text, levels, isolated, range.start, range.end, style, last);
  });
}

/** For each character of the text, whether it stands inside an isolate (LRI, RLI or FSI up to its PDI). */
function isolatedCharacters(text: string): boolean[] {
  const out: boolean[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2069) depth = Math.max(0, depth - 1);
    out.push(depth > 0);
    if (c >= 0x2066 && c <= 0x2068) depth++;
  }
  return out;
}

function lineOf(
  text: string,
  levels: ReturnType<typeof bidi.getEmbeddingLevels>,
  isolated: readonly boolean[],
  start: number,
  end: number,
  style: LayoutStyle,
  lastOfParagraph: boolean,
): LaidLine {
  const order: number[] = [];
  for (let i = start; i < end; i++) order.push(i);
  for (const [from, to] of bidi.getReorderSegments(text, levels, start, end - 1)) {
    if (from === undefined || to === undefined) continue;
    let a = from - start;
    let b = to - start;
    while (a < b) {
      const t = order[a]!;
      order[a] = order[b]!;
      order[b] = t;
      a++;
      b--;
    }
  }
  // The levels array, not the result object: bidi-js reads levels[i] directly.
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels, start, end - 1);

  // Group visual positions into runs: one level, contiguous logical indices.
  const raw: Array<{ from: number; to: number; rtl: boolean }> = [];
  for (let p = 0; p < order.length; p++) {
    const idx = order[p]!;
    const level = levels.levels[idx] ?? 0;
    const rtl = (level & 1) === 1;
    const prev = raw[raw.length - 1];
    const prevIdx = p > 0 ? order[p - 1]! : -2;
    if (prev && (levels.levels[prevIdx] ?? 0) === level && idx === prevIdx + (rtl ? -1 : 1)) {
      if (rtl) prev.from = idx;
      else prev.to = idx + 1;
    } else {
      raw.push({ from: idx, to: idx + 1, rtl });
    }
  }

  let naturalWidth = 0;
  let spaces = 0;
  const runs: LaidRun[] = [];
  for (const r of raw) {
    let s = '';
    const mirrors: Array<[number, string]> = [];
    for (let i = r.from; i < r.to; i++) {
      const ch = text[i]!;
      if (BIDI_CONTROL.test(ch)) continue;
      const mirror = mirrored.get(i);
      if (mirror !== undefined) mirrors.push([s.length, ch]);
      s += mirror ?? ch;
    }
    if (s === '') continue;
    const width = style.measure(s);
    naturalWidth += width;
    spaces += countSpaces(s);
    const inIsolate = isolated[r.from] === true && isolated[r.to - 1] === true;
    runs.push({ text: s, rtl: r.rtl, mirrors, start: r.from, end: r.to, isolated: inIsolate, x: 0, width });
  }

  const justify = style.align === 'justify' && !lastOfParagraph && spaces > 0 && naturalWidth < style.width;
  const spaceExtra = justify ? (style.width - naturalWidth) / spaces : 0;
  const used = justify ? style.width : naturalWidth;
  const free = Math.max(0, style.width - used);
  const startSide = style.dir === 'rtl' ? free : 0;
  const endSide = style.dir === 'rtl' ? 0 : free;
  let x = style.align === 'center' ? free / 2 : style.align === 'end' ? endSide : startSide;
  for (const run of runs) {
    run.x = x;
    run.width += countSpaces(run.text) * spaceExtra;
    x += run.width;
  }
  return { runs, naturalWidth, spaceExtra, start, end };
}

/** The line's text in visual order, left to right (for tests and debugging). */
export function visualText(line: LaidLine): string {
  return line.runs
    .map((r) =>
      r.rtl
        ? [...graphemes.segment(r.text)]
            .map((g) => g.segment)
            .reverse()
            .join('')
        : r.text,
    )
    .join('');
}
