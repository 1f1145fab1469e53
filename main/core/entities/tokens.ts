/**
 * Tokens as the entity rules read them: the analyzer's token plus where its
 * clitics end in the original text, whether it carries the article, and
 * whether a conjunction starts it.
 */
import { analyze, foldVariants, type AnalyzedToken } from '../text';
import { C_AR_MARK, CHAR_CLASS } from '../text/tokenize';

export interface EntityToken {
  t: AnalyzedToken;
  /** Exact key: clitics and article stripped, spelling folded (بوزارة → وزاره, الرياض → رياض). */
  key: string;
  /** Offset in the text where the word proper starts (after و ب ل ك ف, before ال). */
  nameStart: number;
  /** Written with the article ال (also as لل after ل). */
  definite: boolean;
  /** Written لل: the article's alef is not in the text and is restored for display. */
  restoreArticle: boolean;
  /** Carries a clitic before the name (و ف ب ل ك). */
  clitic: string;
  arabic: boolean;
  latin: boolean;
  /** Starts with a capital (Latin) letter. */
  capital: boolean;
}

/** Letters of the fold before the exact key: "وال" for والعدل, "ب" for بوزارة, "لل" for للرياض. */
function prefixOf(norm: string, exact: string): string {
  if (norm.endsWith(exact)) return norm.slice(0, norm.length - exact.length);
  // Variant folding changed a letter (الأمريكية → اميركيه): find the cut whose rest folds to the key.
  for (let k = 1; k <= 4 && k < norm.length; k++) if (foldVariants(norm.slice(k)) === exact) return norm.slice(0, k);
  return '';
}

/** Offset after the first `letters` letters of a token, skipping diacritics and tatweel. */
function offsetAfter(text: string, start: number, end: number, letters: number): number {
  let i = start;
  let seen = 0;
  while (i < end && seen < letters) {
    if (CHAR_CLASS[text.charCodeAt(i)] !== C_AR_MARK) seen++;
    i++;
  }
  while (i < end && CHAR_CLASS[text.charCodeAt(i)] === C_AR_MARK) i++;
  return i;
}

export function entityTokens(text: string): EntityToken[] {
  return analyze(text).map((t) => {
    const c = t.text.charCodeAt(0);
    const arabic = c >= 0x0600 && c <= 0x06ff;
    const latin = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f);
    if (!arabic || t.kind !== 'word') {
      return {
        t,
        key: t.kind === 'word' ? t.exact : t.norm,
        nameStart: t.start,
        definite: false,
        restoreArticle: false,
        clitic: '',
        arabic,
        latin,
        capital: latin && c >= 0x41 && c <= 0x5a,
      };
    }
    const pre = prefixOf(t.norm, t.exact);
    let clitic = pre;
    let definite = false;
    let restoreArticle = false;
    if (pre.endsWith('ال')) {
      clitic = pre.slice(0, -2);
      definite = true;
    } else if (pre.endsWith('لل')) {
      clitic = pre.slice(0, -1);
      definite = true;
      restoreArticle = true;
    }
    return {
      t,
      key: t.exact,
      nameStart: offsetAfter(text, t.start, t.end, clitic.length),
      definite,
      restoreArticle,
      clitic,
      arabic,
      latin: false,
      capital: false,
    };
  });
}

/** The key with its article, as formSet lists words (المجلس → المجلس, بمجلس → مجلس). */
export function formKey(t: EntityToken): string {
  return (t.definite ? 'ال' : '') + t.key;
}

/** Only spaces between two tokens (no comma, full stop, quote or dash). */
export function joined(text: string, a: EntityToken | undefined, b: EntityToken | undefined): boolean {
  if (!a || !b) return false;
  return /^[ \t\u00a0]+$/u.test(text.slice(a.t.end, b.t.start));
}
