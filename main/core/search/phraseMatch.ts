/**
 * A quoted phrase matches its words in their order and form: the same
 * words (the analyzer's exact keys, which fold orthography — hamza and alef
 * forms, taa marbuta, alef maqsura, diacritics — and spelling variants such
 * as أمريكي/أميركي) with the same article and proclitics, so "مجلس الوزراء"
 * is not مجلس وزراء الداخلية and "الملك" is neither الملكي nor ملك. The
 * first word may carry more in front — attached conjunctions and
 * prepositions, or the article (والملك, للملك, بمجلس الوزراء, "مسئول" in
 * المسؤول) — which do not change the phrase's words.
 *
 * The index holds exact keys only (ال stripped), so FTS5 finds candidates
 * and this module decides on the text.
 */
import { analyze, normalizeForMatching, VARIANT_PREFIXES, type AnalyzedToken } from '../text';

/** [start, end) in UTF-16 code units of the original text. */
export type PhraseRange = [number, number];

/** One word of a phrase: its exact key and what the analyzer stripped before it (ال, و, بال...). */
export interface FormWord {
  exact: string;
  clitic: string;
}

/** What a phrase's text is checked for. */
export interface PhraseForm {
  words: FormWord[];
  /** Strings one of which the folded text must contain for the phrase to be there. */
  needles: string[];
}

/** What a phrase's first word may carry on top of its own: و ف ب ل ك, then ال. */
const EXTRA_CLITIC = /^[\u0648\u0641\u0628\u0644\u0643]{0,2}(?:\u0627\u0644)?$/u;
/** ل + ال is written لل (للملك for "الملك"). */
const LAM_ARTICLE = /^[\u0648\u0641]?\u0644\u0644$/u;

function cliticOf(t: AnalyzedToken): string {
  // The exact key is the fold with proclitics stripped (variant folds keep the length).
  return t.exact.length < t.norm.length ? t.norm.slice(0, t.norm.length - t.exact.length) : '';
}

/** Spellings of a key's start as texts may write it (the variant table read backwards). */
export function needleForms(key: string): string[] {
  const out = [key];
  for (const [variant, canonical] of VARIANT_PREFIXES) {
    if (key.startsWith(canonical)) out.push(variant + key.slice(canonical.length));
    else if (canonical.startsWith(key)) out.push(variant.slice(0, key.length));
  }
  // Porter2 turns a final y into i (happy → happi): look for what both share.
  if (/^[a-z]+i$/.test(key) && key.length > 3) out.push(key.slice(0, -1));
  return out;
}

export function phraseForm(text: string): PhraseForm {
  const words = analyze(text)
    .filter((t) => t.exact.length > 0)
    .map((t) => ({ exact: t.exact, clitic: cliticOf(t) }));
  const longest = words.reduce((a, b) => (b.exact.length > a.length ? b.exact : a), '');
  return { words, needles: longest ? needleForms(longest) : [] };
}

function sameWord(t: AnalyzedToken, w: FormWord, first: boolean): boolean {
  if (t.exact !== w.exact) return false;
  const clitic = cliticOf(t);
  if (clitic === w.clitic) return true;
  if (!first) return false;
  if (w.clitic === '\u0627\u0644' && LAM_ARTICLE.test(clitic)) return true;
  return clitic.endsWith(w.clitic) && EXTRA_CLITIC.test(clitic.slice(0, clitic.length - w.clitic.length));
}

/** Where the phrase occurs among `tokens` (of one text), as [first token, last token] index pairs. */
export function phraseSpans(tokens: readonly AnalyzedToken[], form: PhraseForm): Array<[number, number]> {
  const n = form.words.length;
  const out: Array<[number, number]> = [];
  if (n === 0) return out;
  const words = tokens.filter((t) => t.exact.length > 0);
  for (let i = 0; i + n <= words.length; i++) {
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = sameWord(words[i + k]!, form.words[k]!, k === 0);
    if (ok) out.push([tokens.indexOf(words[i]!), tokens.indexOf(words[i + n - 1]!)]);
  }
  return out;
}

/** Where the phrase occurs in `text`, as ranges of the original (for highlights). */
export function phraseRanges(text: string, form: PhraseForm): PhraseRange[] {
  if (text.length === 0) return [];
  const tokens = analyze(text);
  return phraseSpans(tokens, form).map(([a, b]) => [tokens[a]!.start, tokens[b]!.end]);
}

function holdsNeedle(text: string, form: PhraseForm): boolean {
  const folded = normalizeForMatching(text);
  return form.needles.some((n) => folded.includes(n));
}

/**
 * Whether `text` holds the phrase. Only paragraphs whose fold holds a
 * needle are analyzed: folding is a table lookup per character, analysis
 * is what costs.
 */
export function hasPhrase(text: string, form: PhraseForm): boolean {
  if (form.words.length === 0 || !holdsNeedle(text, form)) return false;
  for (const paragraph of text.split('\n')) {
    if (holdsNeedle(paragraph, form) && phraseSpans(analyze(paragraph), form).length > 0) return true;
  }
  return false;
}
