/**
 * Language and direction from script counts, offline and cheap. News archives
 * are Arabic or English with the odd other language; counting letters by
 * script decides Arabic vs Latin, a few very frequent function words tell the
 * main Latin-script languages apart, and Arabic-script text is checked for
 * Persian/Urdu-only letters.
 */

import { codeUnitMask } from './codeUnitMask';
import { firstStrongDirection, isRtlLetter, type TextDirection } from '../../../common/text/direction';

export type { TextDirection };

export interface ScriptCounts {
  arabic: number;
  latin: number;
  other: number;
}

/**
 * Script class of a code unit: 0 none (not a letter), 1 Arabic, 2 Latin, 3 other letter, 4 other right-to-left
 * letter (Hebrew, Syriac, Thaana, N'Ko...: the renderer's rule, common/text/direction.ts).
 */
const NONE = 0;
const ARABIC = 1;
const LATIN = 2;
const OTHER = 3;
const RTL_OTHER = 4;

const LETTER_RE = /^\p{L}$/u;

function buildScriptTable(): Uint8Array {
  const letter = codeUnitMask(/\p{L}+/gu);
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (letter[c] !== 1) continue;
    const ch = String.fromCharCode(c);
    if (
      (c >= 0x0600 && c <= 0x06ff) ||
      (c >= 0x0750 && c <= 0x077f) ||
      (c >= 0x08a0 && c <= 0x08ff) ||
      (c >= 0xfb50 && c <= 0xfdff) ||
      (c >= 0xfe70 && c <= 0xfeff)
    )
      t[c] = ARABIC;
    // Every BMP right-to-left letter lies in these two spans; the test is skipped for the rest (CJK, Hangul...).
    else if (((c >= 0x0590 && c <= 0x08ff) || (c >= 0xfb1d && c <= 0xfeff)) && isRtlLetter(ch)) t[c] = RTL_OTHER;
    else if (
      c < 0x0250 ||
      (c >= 0x1e00 && c <= 0x1eff) ||
      (c >= 0xff21 && c <= 0xff5a) ||
      (c >= 0x2c60 && c <= 0x2c7f) ||
      (c >= 0xa720 && c <= 0xa7ff)
    )
      t[c] = LATIN;
    else t[c] = OTHER;
  }
  return t;
}

/**
 * Built on first use (~15 ms of CPU: a one-shot search never detects a
 * language, so it does not pay for it); read-only afterwards.
 */
let scriptTable: Uint8Array | null = null;
const scripts = (): Uint8Array => (scriptTable ??= buildScriptTable());

/** Letters by script (Arabic script incl. Persian/Urdu forms; Latin incl. accented). */
export function describeScripts(text: string): ScriptCounts {
  return countRange(text, 0, text.length);
}

function countRange(text: string, start: number, end: number): ScriptCounts {
  let arabic = 0;
  let latin = 0;
  let other = 0;
  const scriptOf = scripts();
  for (let i = start; i < end; i++) {
    const s = scriptOf[text.charCodeAt(i)];
    if (s === ARABIC) arabic++;
    else if (s === LATIN) latin++;
    else if (s === OTHER || s === RTL_OTHER) other++;
    else if (s === NONE) {
      const c = text.charCodeAt(i);
      // Astral letters (rare): count as other script.
      if (c >= 0xd800 && c <= 0xdbff) {
        const cp = text.codePointAt(i) ?? c;
        if (LETTER_RE.test(String.fromCodePoint(cp))) other++;
        i++;
      }
    }
  }
  return { arabic, latin, other };
}

function rtlCount(text: string, start: number, end: number): { rtl: number; ltr: number } {
  let rtl = 0;
  let ltr = 0;
  const scriptOf = scripts();
  for (let i = start; i < end; i++) {
    const s = scriptOf[text.charCodeAt(i)];
    if (s === ARABIC || s === RTL_OTHER) rtl++;
    else if (s === LATIN || s === OTHER) ltr++;
  }
  return { rtl, ltr };
}

function directionOf(text: string, start: number, end: number): TextDirection {
  const { rtl, ltr } = rtlCount(text, start, end);
  if (rtl > ltr) return 'rtl';
  if (ltr > rtl) return 'ltr';
  // A tie: the first strong character decides, as the reader's dir does (explicit marks included).
  return firstStrongDirection(text.slice(start, end)) ?? 'ltr';
}

/** rtl when right-to-left letters dominate; first strong letter decides ties; ltr when there are no letters. */
export function detectDirection(text: string): TextDirection {
  return directionOf(text, 0, text.length);
}

/**
 * Very frequent function words per Latin-script language. A handful per
 * language is enough: they make up a large share of running text.
 */
const LATIN_FUNCTION_WORDS: ReadonlyArray<readonly [string, ReadonlySet<string>]> = [
  ['en', new Set(['the', 'and', 'of', 'to', 'is', 'in', 'that', 'was', 'for', 'with', 'he', 'it', 'on', 'said'])],
  ['fr', new Set(['le', 'la', 'les', 'des', 'et', 'est', 'une', 'du', 'dans', 'que', 'pour', 'qui', 'au', 'sur'])],
  ['es', new Set(['el', 'los', 'las', 'del', 'y', 'que', 'en', 'por', 'una', 'con', 'para', 'es', 'se', 'al'])],
  [
    'de',
    new Set(['der', 'die', 'und', 'das', 'nicht', 'ist', 'ein', 'eine', 'mit', 'den', 'zu', 'von', 'sich', 'auf']),
  ],
  ['it', new Set(['il', 'di', 'che', 'della', 'per', 'non', 'sono', 'gli', 'una', 'nel', 'con', 'del', 'le', 'è'])],
  ['pt', new Set(['o', 'os', 'da', 'do', 'que', 'não', 'uma', 'em', 'para', 'com', 'dos', 'das', 'é', 'ao'])],
];

function latinLanguage(text: string, start: number, end: number): string {
  const scores = new Map<string, number>();
  const wordRe = /[\p{L}]+/gu;
  const slice = text.slice(start, end);
  let seen = 0;
  for (const m of slice.matchAll(wordRe)) {
    const w = m[0].toLowerCase();
    for (const [lang, words] of LATIN_FUNCTION_WORDS) {
      if (words.has(w)) scores.set(lang, (scores.get(lang) ?? 0) + 1);
    }
    if (++seen > 2000) break; // enough evidence; keeps long articles cheap
  }
  let best = 'en';
  let bestScore = 0;
  for (const [lang, score] of scores) {
    // English wins ties: it is the expected Latin-script language here.
    if (score > bestScore || (score === bestScore && lang === 'en')) {
      best = lang;
      bestScore = score;
    }
  }
  // Demand clear evidence before leaving the default.
  const en = scores.get('en') ?? 0;
  if (best !== 'en' && bestScore < Math.max(3, en * 1.5)) return 'en';
  return best;
}

/** Arabic-script language: Persian or Urdu when their own letters outnumber the Arabic-only ones. */
function arabicScriptLanguage(text: string, start: number, end: number): string {
  let arabicOnly = 0;
  let persian = 0;
  let urdu = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    switch (c) {
      case 0x0629:
      case 0x0649:
      case 0x064a:
      case 0x0643:
        arabicOnly++;
        break; // ة ى ي ك
      case 0x06cc:
      case 0x06a9:
      case 0x067e:
      case 0x0686:
      case 0x0698:
      case 0x06af:
        persian++;
        break; // ی ک پ چ ژ گ
      case 0x06d2:
      case 0x0679:
      case 0x0688:
      case 0x0691:
      case 0x06ba:
      case 0x06c1:
        urdu++;
        break; // ے ٹ ڈ ڑ ں ہ
      default:
        break;
    }
  }
  if (persian + urdu > arabicOnly) return urdu > persian / 4 && urdu > 0 ? 'ur' : 'fa';
  return 'ar';
}

const OTHER_SCRIPT_LANGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\u3040-\u30ff]/u, 'ja'],
  [/[\uac00-\ud7a3\u1100-\u11ff]/u, 'ko'],
  [/[\u4e00-\u9fff]/u, 'zh'],
  [/[\u0590-\u05ff]/u, 'he'],
  [/[\u0400-\u04ff]/u, 'ru'],
  [/[\u0370-\u03ff]/u, 'el'],
  [/[\u0e00-\u0e7f]/u, 'th'],
  [/[\u0900-\u097f]/u, 'hi'],
];

function languageOf(text: string, start: number, end: number): string {
  const { arabic, latin, other } = countRange(text, start, end);
  if (arabic === 0 && latin === 0 && other === 0) return 'und';
  if (arabic >= latin && arabic >= other) return arabicScriptLanguage(text, start, end);
  if (latin >= other) return latinLanguage(text, start, end);
  const slice = text.slice(start, end);
  for (const [re, lang] of OTHER_SCRIPT_LANGS) if (re.test(slice)) return lang;
  return 'und';
}

/**
 * Dominant language as an ISO 639-1 code: 'ar', 'en' (or fr/es/de/it/pt with
 * clear function-word evidence), 'fa'/'ur' for Persian/Urdu letters, a few
 * other scripts, 'und' when there are no letters.
 */
export function detectLanguage(text: string): string {
  return languageOf(text, 0, text.length);
}

export interface LanguageProfile {
  lang: string;
  dir: TextDirection;
  /** True when the second script has at least 20% of the letters (e.g. Arabic article quoting English). */
  mixed: boolean;
  scripts: ScriptCounts;
}

/** Language, direction and whether the text mixes scripts substantially. */
export function describeLanguage(text: string): LanguageProfile {
  const scripts = describeScripts(text);
  const counts = [scripts.arabic, scripts.latin, scripts.other].sort((a, b) => b - a);
  const total = scripts.arabic + scripts.latin + scripts.other;
  const second = counts[1] ?? 0;
  return {
    lang: detectLanguage(text),
    dir: detectDirection(text),
    mixed: total > 0 && second / total >= 0.2,
    scripts,
  };
}

export interface ParagraphInfo {
  start: number;
  end: number;
  dir: TextDirection;
  lang: string;
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x85;
}

function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0xa0 ||
    c === 0x0b ||
    c === 0x0c ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Paragraphs (split on line breaks; blank lines are just empty paragraphs and
 * skipped), each trimmed of surrounding spaces, with its direction and language.
 * Offsets are into the original text.
 */
export function paragraphDirections(text: string): ParagraphInfo[] {
  const out: ParagraphInfo[] = [];
  let lineStart = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    if (i < n && !isLineBreak(text.charCodeAt(i))) continue;
    let s = lineStart;
    let e = i;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e, dir: directionOf(text, s, e), lang: languageOf(text, s, e) });
    lineStart = i + 1;
  }
  return out;
}
