/**
 * A PDF's lines made into an article's text: running headers, footers and
 * page numbers dropped, Arabic presentation forms folded, lines stored in
 * visual order put back in logical order, and paragraphs rebuilt from the
 * lines' geometry (a gap wider than the usual leading, a change of size, a
 * short line ending a sentence), joined across page breaks when a sentence
 * runs on.
 */
import { count, lineText, linesOf, LTR_LETTERS, RTL_LETTERS, SPACE_ONLY, type Placed } from './pdfLines';

/** One line of a page, in reading order, with where it sits (points, y up). */
export interface PdfLine {
  page: number;
  text: string;
  baseline: number;
  size: number;
  left: number;
  right: number;
}

/** A paragraph and the page it starts on (1-based). */
export interface PdfParagraph {
  page: number;
  text: string;
}

/**
 * Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFC) folded by NFKC to
 * the letters they draw; only those blocks, so NFKC's other changes (ﬁ, ², full-width
 * digits) do not touch the rest. U+FEFF (a byte-order mark) and U+0640 TATWEEL
 * (a stretching mark fonts join letters with; search ignores it) are dropped.
 */
export function foldPresentationForms(text: string): string {
  return text.replace(/[\uFB50-\uFDFF\uFE70-\uFEFC]+/g, (run) => run.normalize('NFKC')).replace(/[\uFEFF\u0640]/g, '');
}

/** Arabic words, and how many read as if written backwards (a final-only letter first, "ال" last). */
function reversedEvidence(text: string): { forward: number; backward: number } {
  let forward = 0;
  let backward = 0;
  for (const word of text.match(/[\u0621-\u064A]{2,}/g) ?? []) {
    if (/^ال|[ةى]$/.test(word)) forward++;
    if (/^[ةى]|لا$/.test(word)) backward++;
  }
  return { forward, backward };
}

/**
 * A line whose Arabic was stored in drawn (left-to-right) order reads
 * backwards: "ةمكحملا" for "المحكمة". Such a line is reversed as a whole and
 * its left-to-right runs (Latin words, numbers) turned back again.
 */
export function repairVisualOrder(line: string): string {
  const { forward, backward } = reversedEvidence(line);
  if (backward < 2 || backward <= forward * 2) return line;
  const reversed = [...line].reverse().join('');
  return reversed.replace(/[\p{Script=Latin}\p{N}][\p{Script=Latin}\p{N}.,:/%-]*/gu, (run) =>
    [...run].reverse().join(''),
  );
}

const MIRRORED: Readonly<Record<string, string>> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '«': '»',
  '»': '«',
};

const OPENING = /[([{«]/;
const CLOSING = /[)\]}»]/;

/**
 * Brackets and quotation marks of right-to-left text that read backwards,
 * ")آذار(" for "(آذار)", "»رويترز«" for "«رويترز»": the producer drew the
 * mirrored glyph and named it by its look. Judged over the whole document
 * (a quotation runs over lines): when more Arabic lines open with a closing
 * mark than with an opening one, every such mark of an Arabic line is swapped.
 */
export function repairMirroredBrackets(lines: readonly string[]): string[] {
  let backward = 0;
  let forward = 0;
  for (const line of lines) {
    if (!/[\u0600-\u06FF]/.test(line)) continue;
    const first = /[()[\]{}«»]/.exec(line)?.[0];
    if (first && CLOSING.test(first)) backward++;
    else if (first && OPENING.test(first)) forward++;
  }
  if (backward <= forward) return [...lines];
  return lines.map((line) => (/[\u0600-\u06FF]/.test(line) ? line.replace(/[()[\]{}«»]/g, (c) => MIRRORED[c]!) : line));
}

/**
 * Lam-alef ligatures named in drawn order: "اآلتى" for "الآتى", "األولى" for
 * "الأولى" (the ligature's glyph mapped to alef then lam). An alef before
 * another alef and a lam never occurs in Arabic spelling, so that shape is
 * the sign; only it is repaired (a lone "إل" may be right: "لإلغاء").
 */
export function repairLamAlef(text: string): string {
  return text.replace(/ا([اأإآ])ل/g, 'ال$1');
}

/**
 * An Arabic letter, then punctuation, spaces, or quotes (and a bracket after them) with spaces after it, then
 * Arabic marks (harakat, tanween, shadda, superscript alef, Quranic signs); not marks shown alone ("(◌ٰ)",
 * "الواو (ۥ)").
 */
const MARK_AFTER_PUNCTUATION =
  /(\p{Script=Arabic})([^\p{L}\p{M}\p{N}\s\u25CC]+|\s*[“”"«»]+\)?\s*|\s+)([\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u08D3-\u08FF]+)(?!\u25CC)/gu;

/**
 * Marks of a word's last letter put after what follows it. XeTeX draws such
 * a mark between the closing quote and the letter (in visual order), and
 * PDF.js's bidi leaves it on the quote's side: "”موسى“ٰ" for "”موسىٰ“",
 * "”ب“ِّ" for "”بِّ“". LibreOffice draws the superscript alef of "علىٰ" as a
 * run of its own after the space: "على ٰحساب", and after a quote: "على ”ٰگ“". A mark never sits on
 * punctuation nor starts a word, so it goes back to the letter.
 */
export function repairDetachedMarks(text: string): string {
  return text.replace(MARK_AFTER_PUNCTUATION, '$1$3$2');
}

/**
 * A number drawn with its punctuation in a right-to-left line: the mark
 * drawn on its left follows it ("2008." drawn ".2008" at a sentence's end),
 * the one on its right comes before it.
 */
function numberInRtl(item: Placed): Placed {
  if (item.bidi !== 'EN') return item;
  const m = /^([.,:;!?،؛]*)([\d٠-٩][^]*?[\d٠-٩%]|[\d٠-٩])([.,:;!?،؛]*)$/u.exec(item.text);
  if (!m || (m[1] === '' && m[3] === '')) return item;
  return { ...item, text: `${m[3]}${m[2]}${m[1]}` };
}

const MARKS_ONLY = /^\p{M}+$/u;

/**
 * Combining marks drawn as items of their own (Chromium draws a tanween or a
 * shadda apart from its letter) join the item they sit over; left alone they
 * sort beside it by position and split the word ("كثي ا، رً" for "كثيرًا،").
 * In right-to-left text drawn in visual order a mark comes just before its
 * letter, and may sit over the letter drawn before (Amiri puts the tanween of
 * "رًا" over the alef): it joins the right-to-left item drawn next when that
 * item starts within half a font size, after that item's last letter in
 * reading order (its leftmost).
 */
function attachMarks(items: Placed[]): Placed[] {
  // PDF.js gives a mark drawn after a space glyph with that space in front (" ّ").
  const isMark = (i: Placed) => MARKS_ONLY.test(i.text.trim());
  if (!items.some(isMark)) return items;
  const out = items.map((i) => ({ ...i }));
  const kept = out.filter((i) => !isMark(i));
  for (const [k, mark] of out.entries()) {
    if (!isMark(mark)) continue;
    const text = mark.text.trim();
    const next = out.slice(k + 1).find((i) => !SPACE_ONLY.test(i.text));
    if (
      next?.bidi === 'R' &&
      Math.abs(next.baseline - mark.baseline) <= next.size / 2 &&
      Math.abs(next.left - mark.right) <= next.size / 2
    ) {
      next.text += text;
      continue;
    }
    const middle = (mark.left + mark.right) / 2;
    let best: Placed | null = null;
    let distance = Infinity;
    for (const item of kept) {
      if (SPACE_ONLY.test(item.text) || Math.abs(item.baseline - mark.baseline) > item.size / 2) continue;
      const d = middle < item.left ? item.left - middle : middle > item.right ? middle - item.right : 0;
      if (d < distance) [best, distance] = [item, d];
    }
    if (best && distance <= best.size / 2) best.text += text;
  }
  return kept;
}

/** A page's lines in reading order (the page's direction is that of most of its letters). */
export function pageLines(items: Placed[], page: number): PdfLine[] {
  const all = items.map((i) => i.text).join('');
  const rtl = count(all, RTL_LETTERS) > count(all, LTR_LETTERS);
  items = attachMarks(items);
  if (rtl) items = items.map(numberInRtl);
  return linesOf(items)
    .map((line) => ({
      page,
      text: repairDetachedMarks(repairLamAlef(repairVisualOrder(foldPresentationForms(lineText(line, rtl)))))
        .replace(/\s+/g, ' ')
        .trim(),
      baseline: line[0]!.baseline,
      size: Math.max(...line.map((i) => i.size)),
      left: Math.min(...line.map((i) => i.left)),
      right: Math.max(...line.map((i) => i.right)),
    }))
    .filter((l) => l.text !== '');
}

/** "3", "- 3 -", "Page 3", "Page 3 of 12", "3 / 12", "صفحة ٣", "٣ من ١٢". */
const PAGE_NUMBER =
  /^(?:page|p\.|صفحة|الصفحة)?\s*[-–—(]?\s*[\d٠-٩]{1,4}\s*(?:(?:of|\/|من)\s*[\d٠-٩]{1,4})?\s*[-–—)]?$/iu;

/** A running line's shape: digits stand for any number, so "Page 3" and "Page 4" are one. */
const shape = (text: string) => text.replace(/[\d٠-٩]+/g, '#').toLowerCase();

/** Most numbers of a line whose steps are followed (a date and a page number: four). */
const MOST_NUMBERS = 4;

/**
 * The ways a line's numbers may run from page to page: each number either the same on every page ("2022") or
 * moving with the page ("Page 3", "3/12"). Two lines of one shape that share a way are one running line.
 */
function steps(line: PdfLine): string[] {
  const numbers = (line.text.match(/[\d٠-٩]+/g) ?? [])
    .slice(0, MOST_NUMBERS)
    .map((n) => Number(n.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660))));
  let ways = [''];
  for (const n of numbers) ways = ways.flatMap((w) => [`${w}=${n}`, `${w}+${n - line.page}`]);
  return ways.map((w) => `${shape(line.text)}${w}`);
}

/**
 * Drops running headers and footers: a line in the top or bottom eighth of
 * its page whose shape recurs on at least half of the pages (two at
 * least), its numbers the same or moving with the page on two pages at
 * least, and any bare page number there. A law's article headings at the
 * tops of pages ("المادة (2)", "المادة (10)") share a shape, not their steps.
 */
export function dropRunningLines(lines: PdfLine[], pageHeights: ReadonlyMap<number, number>): PdfLine[] {
  const pages = new Set(lines.map((l) => l.page)).size;
  const edge = (l: PdfLine) => {
    const height = pageHeights.get(l.page) ?? 842;
    return l.baseline > height * 0.875 || l.baseline < height * 0.125;
  };
  const seen = new Map<string, Set<number>>();
  const note = (key: string, page: number) => {
    let onPages = seen.get(key);
    if (!onPages) seen.set(key, (onPages = new Set()));
    onPages.add(page);
  };
  for (const l of lines) {
    if (!edge(l)) continue;
    note(shape(l.text), l.page);
    for (const way of steps(l)) note(way, l.page);
  }
  const running = (l: PdfLine) => {
    if (!edge(l)) return false;
    if (PAGE_NUMBER.test(l.text)) return true;
    const onPages = seen.get(shape(l.text))?.size ?? 0;
    return pages >= 2 && onPages >= Math.max(2, pages / 2) && steps(l).some((way) => (seen.get(way)?.size ?? 0) >= 2);
  };
  return lines.filter((l) => !running(l));
}

const SENTENCE_END = /[.!?؟۔…:"»”)\]]$/u;

/** Latin "recon-" + "struction" → "reconstruction"; Arabic is never hyphenated at line ends. */
function joinLines(before: string, after: string): string {
  if (/\p{Ll}-$/u.test(before) && /^\p{Ll}/u.test(after)) return before.slice(0, -1) + after;
  return `${before} ${after}`;
}

/**
 * Paragraphs from lines in reading order. A new paragraph starts where the
 * gap to the line above is more than 1.4 times the page's usual leading, where
 * the font size changes by more than 15 %, or after a line that ends a
 * sentence well short of the column's width. A paragraph left open at the
 * foot of a page (no sentence end) goes on at the top of the next.
 */
export function paragraphsOf(lines: readonly PdfLine[]): PdfParagraph[] {
  const leading = usualLeading(lines);
  const widest = new Map<number, number>();
  for (const l of lines) widest.set(l.page, Math.max(widest.get(l.page) ?? 0, l.right - l.left));
  const out: PdfParagraph[] = [];
  let current: PdfParagraph | null = null;
  let previous: PdfLine | null = null;
  for (const line of lines) {
    let fresh = previous === null;
    if (previous && current) {
      if (line.page === previous.page) {
        const gap = previous.baseline - line.baseline;
        const sizeChange = Math.abs(line.size - previous.size) / Math.max(line.size, previous.size);
        const short = previous.right - previous.left < 0.8 * (widest.get(previous.page) ?? 0);
        fresh =
          gap <= 0 ||
          gap > 1.4 * (leading.get(line.page) ?? line.size * 1.2) ||
          sizeChange > 0.15 ||
          (short && SENTENCE_END.test(previous.text));
      } else {
        fresh = SENTENCE_END.test(current.text) || Math.abs(line.size - previous.size) > 0.15 * line.size;
      }
    }
    if (fresh || !current) {
      current = { page: line.page, text: line.text };
      out.push(current);
    } else {
      current.text = joinLines(current.text, line.text);
    }
    previous = line;
  }
  return out;
}

/** The most common gap between consecutive baselines of each page (its body text's leading). */
function usualLeading(lines: readonly PdfLine[]): Map<number, number> {
  const votes = new Map<number, Map<number, number>>();
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    if (a.page !== b.page) continue;
    const gap = Math.round((a.baseline - b.baseline) * 2) / 2;
    if (gap <= 0 || gap > 4 * b.size) continue;
    let page = votes.get(b.page);
    if (!page) votes.set(b.page, (page = new Map()));
    page.set(gap, (page.get(gap) ?? 0) + 1);
  }
  const out = new Map<number, number>();
  for (const [page, gaps] of votes) out.set(page, [...gaps].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]![0]);
  return out;
}
