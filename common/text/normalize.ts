/**
 * Normalization for matching. The stored text is never changed: these folds
 * build keys (content hashes, index terms, comparison) that must be equal for
 * texts a reader would call "the same words".
 *
 * The whole fold is one table lookup per UTF-16 code unit. The table is built
 * once at module load from explicit Arabic rules plus, for every other BMP
 * character, the per-character result of NFKD + lower-case + accent strip.
 * Doing compatibility decomposition per character gives the same result as
 * NFKC on the whole string followed by our folds (every canonical composition
 * NFKC could build is undone again by the mark stripping), and it keeps the
 * hot loop free of `String.prototype.normalize`.
 */

/** Table entry meaning "drop this code unit". */
const DROP = 0xffff;
/** Table entry meaning "word separator" (collapsed to one ASCII space). */
const SEP = 0xfffe;
/** Table entry meaning "expands to several characters; see MULTI". */
const MULTI_FLAG = 0xfffd;

const SPACE = 0x20;

function isSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdfff;
}

/**
 * Arabic-script rules, applied before (and instead of) the generic Unicode
 * fold for the Arabic block, so they are explicit and reviewable.
 * Returns a replacement string ('' = drop, ' ' = separator) or undefined when
 * the character is not special.
 */
function arabicRule(c: number): string | undefined {
  // Tashkeel (fathatan … sukun, maddah/hamza above/below, and the rarer
  // marks up to U+065F), superscript alef, Quranic annotation signs, tatweel.
  if ((c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640) return '';
  if (c >= 0x0610 && c <= 0x061a) return '';
  if (c >= 0x06d6 && c <= 0x06ed && c !== 0x06e5 && c !== 0x06e6) return '';
  // Digits: Arabic-Indic (٠-٩) and Eastern Arabic / Persian (۰-۹).
  if (c >= 0x0660 && c <= 0x0669) return String.fromCharCode(0x30 + c - 0x0660);
  if (c >= 0x06f0 && c <= 0x06f9) return String.fromCharCode(0x30 + c - 0x06f0);
  switch (c) {
    // Alef with madda / hamza above / hamza below, alef wasla and the
    // wavy-hamza variants all read as bare alef for matching.
    case 0x0622:
    case 0x0623:
    case 0x0625:
    case 0x0671:
    case 0x0672:
    case 0x0673:
    case 0x0675:
      return '\u0627';
    case 0x0649:
      return '\u064a'; // alef maksura ى → ي
    case 0x0629:
      return '\u0647'; // teh marbuta ة → ه
    case 0x0624:
    case 0x0676:
    case 0x0677:
      return '\u0648'; // ؤ → و
    case 0x0626:
    case 0x0678:
      return '\u064a'; // ئ → ي
    // Persian / Urdu forms that are the same letter as an Arabic one.
    case 0x06cc:
    case 0x06d0:
    case 0x06d2:
    case 0x06d3:
      return '\u064a'; // ی ې ے ۓ
    case 0x06a9:
    case 0x06aa:
      return '\u0643'; // ک ڪ → ك
    case 0x06c0:
    case 0x06c1:
    case 0x06c2:
    case 0x06c3:
    case 0x06d5:
    case 0x06be:
      return '\u0647'; // ۀ ہ ۂ ۃ ە ھ → ه
    // Punctuation that separates words.
    case 0x060c:
    case 0x061b:
    case 0x061f:
    case 0x066d:
    case 0x06d4:
    case 0x060d:
    case 0x060e:
    case 0x060f:
    case 0x061e:
    case 0x06dd:
    case 0x06de:
      return ' ';
    case 0x066a:
      return '%'; // ٪
    case 0x066b:
      return '.'; // ٫ Arabic decimal separator
    case 0x066c:
      return ','; // ٬ Arabic thousands separator
    default:
      return undefined;
  }
}

/** Non-Arabic characters with a deliberate fold the generic rule lacks. */
function punctuationRule(c: number): string | undefined {
  switch (c) {
    // Quotes are never part of a word: ASCII, typographic, guillemets, CJK.
    case 0x22:
    case 0xab:
    case 0xbb:
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x201f:
    case 0x2039:
    case 0x203a:
    case 0x300c:
    case 0x300d:
    case 0x300e:
    case 0x300f:
    case 0x301d:
    case 0x301e:
    case 0x301f:
    case 0xff02:
      return ' ';
    // Single typographic quotes are, in practice, apostrophes inside Latin
    // words (Biden’s); folding them to ASCII lets Biden’s match Biden's.
    case 0x2018:
    case 0x2019:
    case 0x201a:
    case 0x201b:
    case 0x2032:
    case 0xff07:
      return "'";
    // Hyphen-like dashes join (ranges, compounds); long dashes separate.
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2212:
    case 0xfe63:
    case 0xff0d:
      return '-';
    case 0x2014:
    case 0x2015:
    case 0x2e3a:
    case 0x2e3b:
      return ' ';
    case 0x2026:
      return '...'; // … (NFKD gives the same; stated for clarity)
    case 0xdf:
      return 'ss'; // ß has no decomposition but folds to ss
    case 0x1e9e:
      return 'ss';
    default:
      return undefined;
  }
}

const WHITESPACE_RE = /^[\s\p{Z}]$/u;
const FORMAT_RE = /^\p{Cf}$/u;
const CONTROL_RE = /^\p{Cc}$/u;
/** Any character that needs a closer look than "decomposes to itself". */
const SPECIAL_RE = /^[\s\p{Z}\p{Cf}\p{Cc}\p{M}]$/u;
const MARK_STRIP_RE = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

/**
 * Generic per-character fold for non-Arabic characters: compatibility
 * decomposition (presentation forms, ligatures, full-width forms), lower case,
 * Latin/Greek/Cyrillic accent marks stripped, recomposed (so Hangul and Indic
 * text stay in their usual form).
 */
function genericFold(ch: string): string {
  const c = ch.codePointAt(0) ?? 0;
  const special = punctuationRule(c);
  if (special !== undefined) return special;
  // Most characters decompose to themselves and have no lower case: done
  // (keeps the one-off table build short).
  const nfkd = ch.normalize('NFKD');
  if (nfkd === ch && ch.toLowerCase() === ch && !SPECIAL_RE.test(ch)) return ch;
  if (WHITESPACE_RE.test(ch)) return ' ';
  if (FORMAT_RE.test(ch)) return ''; // ZWJ/ZWNJ, bidi controls, soft hyphen, BOM
  if (CONTROL_RE.test(ch)) return ' ';
  let s = nfkd.toLowerCase().normalize('NFKD');
  s = s.replace(MARK_STRIP_RE, '');
  s = s.normalize('NFC');
  // The decomposition may produce Arabic letters (presentation forms) or
  // further special characters; fold them too.
  let out = '';
  for (const part of s) {
    const pc = part.codePointAt(0) ?? 0;
    if (pc === c) {
      out += part;
      continue;
    }
    const arabic = pc >= 0x0600 && pc <= 0x06ff ? arabicRule(pc) : undefined;
    if (arabic !== undefined) {
      out += arabic;
      continue;
    }
    const punct = punctuationRule(pc);
    if (punct !== undefined) {
      out += punct;
      continue;
    }
    if (WHITESPACE_RE.test(part)) {
      out += ' ';
      continue;
    }
    out += part;
  }
  return out;
}

/** Fold of one code point (BMP or astral), as a string. */
function foldCodePoint(cp: number): string {
  if (cp >= 0x0600 && cp <= 0x06ff) {
    const r = arabicRule(cp);
    if (r !== undefined) return r;
    return String.fromCharCode(cp);
  }
  if (cp < 0x80) {
    if (cp >= 0x41 && cp <= 0x5a) return String.fromCharCode(cp + 32);
    if (cp === 0x22) return ' ';
    if (cp <= 0x20 || cp === 0x7f) return ' ';
    return String.fromCharCode(cp);
  }
  // Large blocks whose characters fold to themselves: skip the expensive
  // generic computation (CJK ideographs, Hangul syllables, Yi).
  if (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xa000 && cp <= 0xa48f)
  ) {
    return String.fromCodePoint(cp);
  }
  return genericFold(String.fromCodePoint(cp));
}

interface FoldTables {
  /** Per code unit: replacement code unit, DROP, SEP or MULTI_FLAG. */
  readonly map: Uint16Array;
  /** Expansion strings for MULTI_FLAG entries, by code unit. */
  readonly multi: ReadonlyMap<number, string>;
}

function buildTables(): FoldTables {
  const map = new Uint16Array(0x10000);
  const multi = new Map<number, string>();
  for (let c = 0; c < 0x10000; c++) {
    if (isSurrogate(c)) {
      map[c] = c;
      continue;
    }
    const r = foldCodePoint(c);
    if (r.length === 0) map[c] = DROP;
    else if (r === ' ') map[c] = SEP;
    else if (r.length === 1) map[c] = r.charCodeAt(0);
    else {
      map[c] = MULTI_FLAG;
      multi.set(c, r);
    }
  }
  return { map, multi };
}

/**
 * Built on first use, never written after. Not at load: the renderer imports
 * this module for find in the article, and the build (tens of ms) would
 * delay its first paint.
 */
let built: FoldTables | undefined;
function tables(): FoldTables {
  return (built ??= buildTables());
}

/**
 * The fold tables as data: the map (one entry per code unit) and the
 * expansions. A Node host keeps them in a file its build writes, so that a
 * one-shot process (the CLI) reads them instead of building them
 * (main/core/text/textTablesFile.ts).
 */
export function foldTablesData(): { map: Uint16Array; expansions: Array<[number, string]> } {
  const { map, multi } = tables();
  return { map, expansions: [...multi] };
}

/** Takes tables `foldTablesData` gave (the same code on the same runtime), if none are built yet. */
export function useFoldTables(map: Uint16Array, expansions: ReadonlyArray<readonly [number, string]>): void {
  if (map.length !== 0x10000) throw new Error(`fold table of ${map.length} entries`);
  built ??= { map, multi: new Map(expansions) };
}

/** True if the code unit is a whitespace/punctuation separator after folding. */
export function isSeparatorCode(c: number): boolean {
  const TABLES = tables();
  const FOLD = TABLES.map;
  return FOLD[c] === SEP;
}

/**
 * The folded form of a single code unit (non-surrogate), as a string:
 * '' when dropped, ' ' when a separator. Exposed for the tokenizer and the
 * date finder, which fold while keeping offsets.
 */
export function foldCodeUnit(c: number): string {
  const TABLES = tables();
  const FOLD = TABLES.map;
  const m = FOLD[c] ?? c;
  if (m === DROP) return '';
  if (m === SEP) return ' ';
  if (m === MULTI_FLAG) return TABLES.multi.get(c) ?? '';
  return String.fromCharCode(m);
}

/**
 * Core loop: fold text[start, end) into a string; separators become single
 * spaces, leading/trailing separators are dropped. Returns the slice itself
 * (no copy) when nothing changes, which is the common case for Arabic words
 * without hamza/tashkeel and for lower-case ASCII.
 */
export function foldRange(text: string, start: number, end: number): string {
  const TABLES = tables();
  const FOLD = TABLES.map;
  // Fast scan: find the first code unit that does not map to itself.
  let i = start;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (FOLD[c] !== c) break;
  }
  if (i === end) return start === 0 && end === text.length ? text : text.slice(start, end);
  return foldSlow(text, start, end, i);
}

function foldSlow(text: string, start: number, end: number, firstChange: number): string {
  const TABLES = tables();
  const FOLD = TABLES.map;
  // Unchanged prefix copied as one slice; afterwards runs of identity code
  // units are copied as slices too, so the cost is per change, not per char.
  let out = text.slice(start, firstChange);
  let pendingSpace = false;
  let runStart = -1;
  for (let i = firstChange; i < end; i++) {
    const c = text.charCodeAt(i);
    const m = FOLD[c] ?? c;
    if (m === c && !isSurrogate(c)) {
      if (runStart < 0) {
        if (pendingSpace) {
          if (out.length > 0) out += ' ';
          pendingSpace = false;
        }
        runStart = i;
      }
      continue;
    }
    if (runStart >= 0) {
      out += text.slice(runStart, i);
      runStart = -1;
    }
    if (m === DROP) continue;
    if (m === SEP) {
      pendingSpace = true;
      continue;
    }
    let r: string;
    if (isSurrogate(c)) {
      const cp = text.codePointAt(i) ?? c;
      if (cp > 0xffff) {
        r = foldCodePoint(cp);
        i++;
      } else r = String.fromCharCode(c);
    } else if (m === MULTI_FLAG) {
      r = TABLES.multi.get(c) ?? '';
    } else {
      if (pendingSpace) {
        if (out.length > 0) out += ' ';
        pendingSpace = false;
      }
      out += String.fromCharCode(m);
      continue;
    }
    // Expansions may contain spaces (e.g. a compatibility form "1 2"):
    // apply the same collapse rule inside them.
    for (let k = 0; k < r.length; k++) {
      if (r.charCodeAt(k) === SPACE) {
        pendingSpace = true;
        continue;
      }
      if (pendingSpace) {
        if (out.length > 0) out += ' ';
        pendingSpace = false;
      }
      out += r[k] ?? '';
    }
  }
  if (runStart >= 0) {
    if (pendingSpace && out.length > 0) out += ' ';
    out += text.slice(runStart, end);
  }
  return out;
}

/**
 * The full matching fold: NFKC-equivalent compatibility folding, tashkeel and
 * tatweel removed, alef/hamza forms, ى, ة, ؤ, ئ folded, Persian/Urdu letter
 * forms, Arabic-Indic and Eastern digits to ASCII, Latin lower case and accent
 * fold, Arabic punctuation and typographic quotes as separators, whitespace
 * collapsed and trimmed. Deterministic and idempotent (property-tested), so it
 * is safe for content hashes of exact duplicates.
 */
export function normalizeForMatching(text: string): string {
  // Every whitespace code unit (ASCII space included) is a SEP entry, so the
  // fold itself collapses and trims; no second pass is needed.
  return foldRange(text, 0, text.length);
}

/**
 * Fold of a single word (no separators expected): the same character fold as
 * normalizeForMatching. Kept as its own name because index keys use it.
 */
export function normalizeArabicWord(word: string): string {
  return normalizeForMatching(word);
}

/** Maps Arabic-Indic and Eastern digits (and full-width digits) to ASCII, nothing else. */
export function asciiDigits(text: string): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let d = -1;
    if (c >= 0x0660 && c <= 0x0669) d = c - 0x0660;
    else if (c >= 0x06f0 && c <= 0x06f9) d = c - 0x06f0;
    else if (c >= 0xff10 && c <= 0xff19) d = c - 0xff10;
    if (d >= 0) {
      out += text.slice(runStart, i) + String.fromCharCode(0x30 + d);
      runStart = i + 1;
    }
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}

/**
 * A fold that keeps a one-to-one link with the original text: every output
 * code unit knows the original offset it came from. Used to run patterns
 * (dates) on folded text and report spans in the original.
 * Separators become one space each (not collapsed) so patterns see word gaps.
 */
export function foldWithOffsets(text: string): { folded: string; offsets: Int32Array } {
  const TABLES = tables();
  const FOLD = TABLES.map;
  const parts: string[] = [];
  const offs: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const m = FOLD[c] ?? c;
    let r: string;
    const at = i;
    if (isSurrogate(c)) {
      const cp = text.codePointAt(i) ?? c;
      if (cp > 0xffff) {
        r = foldCodePoint(cp);
        i++;
      } else r = String.fromCharCode(c);
    } else if (m === DROP) continue;
    else if (m === SEP) r = ' ';
    else if (m === MULTI_FLAG) r = TABLES.multi.get(c) ?? '';
    else r = String.fromCharCode(m);
    parts.push(r);
    for (let k = 0; k < r.length; k++) offs.push(at);
  }
  offs.push(text.length);
  return { folded: parts.join(''), offsets: Int32Array.from(offs) };
}
