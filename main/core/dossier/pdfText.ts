/**
 * Drawing laid-out runs with PDFKit, each with an explicit direction.
 *
 * PDFKit hands text to fontkit, which infers the direction of a string from
 * the first character that has a script: Arabic letters (and Arabic-Indic
 * digits) make it lay the string out right to left, anything else left to
 * right. A run is drawn so that fontkit's inference gives the run's own
 * direction: when they disagree (an RTL run of punctuation only, an LTR run of
 * Arabic-Indic digits) the run is handed over in reverse, which fontkit then
 * turns back. Such runs never hold joining letters, so reversing them does
 * not disturb shaping.
 *
 * Every run is drawn through PDFKit's word-by-word path (taken when
 * `wordSpacing` is non-zero): each word is shaped on its own, from PDFKit's
 * per-font layout cache, and the words are set left to right in the order
 * given, so an RTL run hands its words over in visual order. Shaping never
 * crosses a space in Arabic, so this equals shaping the whole run, and a word
 * is shaped once per document instead of once per line (fontkit's GSUB
 * processing of Amiri dominates the export time otherwise). Passing any
 * `features` would bypass the cache.
 */
import type { LaidRun } from './bidiLayout';

const SCRIPTED = /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;
const RTL_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** The direction fontkit will lay `text` out in. */
export function inferredRtl(text: string): boolean {
  const first = SCRIPTED.exec(text);
  return first !== null && RTL_SCRIPT.test(first[0]);
}

function reverseGraphemes(text: string): string {
  const parts: string[] = [];
  for (const g of graphemes.segment(text)) parts.push(g.segment);
  return parts.reverse().join('');
}

/** `text` arranged so that fontkit lays it out in the wanted direction. */
export function forFontkit(text: string, rtl: boolean): string {
  return inferredRtl(text) === rtl ? text : reverseGraphemes(text);
}

/** No character with a script of its own: digits, punctuation, symbols. */
export function isScriptless(word: string): boolean {
  return !SCRIPTED.test(word);
}

/**
 * fontkit's `layout(text, script)` overload, reached through PDFKit's
 * `features` argument (which PDFKit hands to fontkit unchanged). fontkit
 * lays digits and punctuation out with the DFLT script, under which Amiri
 * draws Arabic-style punctuation; in a left-to-right paragraph they must take
 * the Latin forms, as a browser gives them the script of the text around them.
 */
export const LATIN_SCRIPT = 'latn' as unknown as PDFKit.Mixins.OpenTypeFeatures[];

export interface RunDrawing {
  /** The words in visual order, separated by single spaces. */
  text: string;
  /** Left edge of the drawn string. */
  x: number;
  /** Width of the drawn string as laid out (what PDFKit would measure again). */
  width: number;
  /** Extra space per word gap; never 0 (see WORD_PATH). */
  wordSpacing: number;
  /** Lay the words out as Latin script (see LATIN_SCRIPT). */
  latin: boolean;
  /**
   * A bracket of a right-to-left run, drawn alone: `text` is the character
   * the source has, and its glyph is to be drawn reflected (see pdfExporter).
   */
  mirrored: boolean;
  /**
   * A word drawn alone whose glyphs a text extractor would misread (see
   * RunContext.misread), or a left-to-right isolate holding a dash-joined
   * number: its logical text, to be written as its ActualText.
   */
  actualText?: string;
}

const SPACE = /\s/;
/** Digit groups joined by a dash or plus, as in an ISO date ("2015-07-22"). */
const DASHED_NUMBER = /[\d٠-٩][-+–][\d٠-٩]/u;

/**
 * Selects PDFKit's word path without changing any position: PDFKit tests
 * `if (wordSpacing)` and then adds the space width, which absorbs this.
 */
export const WORD_PATH = Number.MIN_VALUE;

export interface RunContext {
  spaceWidth: number;
  /** Extra width per space on a justified line. */
  spaceExtra: number;
  /** Width of a word (or part of one) as measured for layout. */
  measureWord: (word: string) => number;
  /** The paragraph is left to right: scriptless words take Latin forms. */
  latin: boolean;
  /**
   * Whether a text extractor that reads words from glyph positions would
   * misread this word as drawn (a kerning gap wide enough to pass for a
   * space, a mark drawn before its letter): such a word is drawn alone and
   * carries its text.
   */
  misread?: (word: string) => boolean;
}

interface Piece {
  text: string;
  /** Logical text, for measuring. */
  source: string;
  mirrored: boolean;
  /** Follows a space (a new word) rather than touching the piece before. */
  afterGap: boolean;
}

/**
 * Cuts a word at its mirrored brackets, in visual order. A bracket never
 * joins its neighbours, so shaping the pieces apart changes nothing.
 *
 * The bracket keeps the source's character and is drawn reflected, rather
 * than drawn as its mirror character: the PDF then maps that glyph to "("
 * where the source has "(", and a reader that turns visual order back into
 * logical order (pdftotext) gets "(بايدن)" instead of ")بايدن(".
 */
function piecesOf(word: string, offset: number, mirrors: ReadonlyMap<number, string>, rtl: boolean): Piece[] {
  const pieces: Piece[] = [];
  let start = 0;
  const flush = (end: number) => {
    if (end > start)
      pieces.push({ text: word.slice(start, end), source: word.slice(start, end), mirrored: false, afterGap: false });
  };
  for (let i = 0; i < word.length; i++) {
    const original = mirrors.get(offset + i);
    if (original === undefined) continue;
    flush(i);
    pieces.push({ text: original, source: word[i]!, mirrored: true, afterGap: false });
    start = i + 1;
  }
  flush(word.length);
  if (rtl) pieces.reverse();
  for (const p of pieces) if (!p.mirrored) p.text = forFontkit(p.text, rtl);
  return pieces;
}

/**
 * How to draw one run: leading and trailing spaces become offsets, inner
 * gaps stretch by `spaceExtra` (justification); words that need the Latin
 * script, and mirrored brackets, are drawn in calls of their own.
 */
export function runDrawings(run: LaidRun, ctx: RunContext): RunDrawing[] {
  const text = run.text;
  let a = 0;
  let b = text.length;
  while (a < b && SPACE.test(text[a]!)) a++;
  while (b > a && SPACE.test(text[b - 1]!)) b--;
  if (a === b) return [];
  const gap = ctx.spaceWidth + ctx.spaceExtra;
  const leftSpaces = run.rtl ? text.length - b : a;
  const mirrors = new Map(run.mirrors);

  // Words with their offsets in the run, in visual order.
  const words: Array<{ word: string; offset: number }> = [];
  const re = /\S+/g;
  const core = text.slice(0, b);
  re.lastIndex = a;
  for (let m = re.exec(core); m; m = re.exec(core)) words.push({ word: m[0], offset: m.index });
  if (run.rtl) words.reverse();

  const out: RunDrawing[] = [];
  const wordSpacing = ctx.spaceExtra > 0 ? ctx.spaceExtra : WORD_PATH;
  let x = run.x + leftSpaces * gap;
  let current: RunDrawing | null = null;
  for (const { word, offset } of words) {
    const wordWidth = ctx.measureWord(word);
    const pieces =
      mirrors.size > 0
        ? piecesOf(word, offset, mirrors, run.rtl)
        : [{ text: forFontkit(word, run.rtl), source: word, mirrored: false, afterGap: true }];
    if (pieces[0]) pieces[0].afterGap = true;
    let px = x;
    for (const piece of pieces) {
      const width = pieces.length === 1 ? wordWidth : ctx.measureWord(piece.source);
      const latin = ctx.latin && isScriptless(piece.source);
      const alone = !piece.mirrored && !latin && ctx.misread?.(piece.source) === true;
      if (alone) {
        out.push({ text: piece.text, x: px, width, wordSpacing, latin, mirrored: false, actualText: piece.source });
        current = null;
      } else if (current && piece.afterGap && !piece.mirrored && !current.mirrored && current.latin === latin) {
        current.text += ` ${piece.text}`;
        current.width = px + width - current.x;
      } else {
        current = { text: piece.text, x: px, width, wordSpacing, latin, mirrored: piece.mirrored };
        out.push(current);
      }
      px += width;
    }
    x += wordWidth + gap;
  }
  // A dash-joined number the dossier isolated ("2015-07-22 01:18:37") reads left to right, while the same digits
  // after an Arabic letter, not isolated, bidi lays out group by group from the right: only an ActualText on the
  // whole isolate tells a reader which is which.
  const only = out.length === 1 ? out[0]! : null;
  if (only && run.isolated === true && !run.rtl && !only.mirrored && DASHED_NUMBER.test(text))
    only.actualText ??= text.slice(a, b);
  return out;
}
