/**
 * English keys: the standard Porter2 (Snowball English) stemmer from the
 * `porter2` package and a stop list of function words.
 */
import { stem as porter2 } from 'porter2';

/** English function words (articles, pronouns, auxiliaries, prepositions, conjunctions). */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'been',
  'being',
  'but',
  'by',
  'can',
  'could',
  'did',
  'do',
  'does',
  'for',
  'from',
  'had',
  'has',
  'have',
  'he',
  'her',
  'hers',
  'him',
  'his',
  'i',
  'if',
  'in',
  'into',
  'is',
  'it',
  'its',
  'me',
  'my',
  'no',
  'nor',
  'not',
  'of',
  'on',
  'or',
  'our',
  'ours',
  'she',
  'should',
  'so',
  'such',
  'than',
  'that',
  'the',
  'their',
  'theirs',
  'them',
  'then',
  'there',
  'these',
  'they',
  'this',
  'those',
  'to',
  'too',
  'was',
  'we',
  'were',
  'what',
  'when',
  'where',
  'which',
  'while',
  'who',
  'whom',
  'why',
  'will',
  'with',
  'would',
  'you',
  'your',
  'yours',
  'us',
  'am',
  'also',
  'any',
  'all',
  'about',
  'after',
  'before',
  'over',
  'under',
  'up',
  'down',
  'out',
  'off',
  'own',
  'same',
  'some',
  'very',
  'just',
  'only',
  'both',
  'each',
  'few',
  'more',
  'most',
  'other',
  'here',
  'how',
  'again',
  'further',
  'once',
  'during',
  'through',
  'above',
  'below',
  'between',
  'against',
  'because',
  'until',
  'itself',
  'himself',
  'herself',
  'themselves',
  'ourselves',
  'yourself',
  'yourselves',
  'myself',
  "it's",
  "don't",
  "isn't",
  "wasn't",
  "aren't",
  "weren't",
  "can't",
  "won't",
  "didn't",
  "doesn't",
  "hasn't",
  "haven't",
  "hadn't",
]);

export interface EnglishKeys {
  exact: string;
  stem: string;
  stop: boolean;
}

/**
 * Keys of a folded (lower-case, accent-free) Latin word. Possessive 's and a
 * trailing apostrophe are dropped from the exact key (Biden's → biden);
 * dotted acronyms lose their dots (u.s. → us) and are never stop words.
 */
export function englishKeys(norm: string): EnglishKeys {
  const out: EnglishKeys = { exact: norm, stem: norm, stop: false };
  englishKeysInto(out, norm);
  return out;
}

/** englishKeys writing into an existing object (the analyzer's token; no allocation). */
export function englishKeysInto(target: EnglishKeys, norm: string): void {
  const n = norm.length;
  if (n > 2 && norm.charCodeAt(n - 1) === 0x2e && norm.charCodeAt(1) === 0x2e) {
    const acronym = norm.replace(/\./g, '');
    target.exact = acronym;
    target.stem = acronym;
    target.stop = false;
    return;
  }
  if (ENGLISH_STOP_WORDS.has(norm)) {
    target.exact = norm;
    target.stem = norm;
    target.stop = true;
    return;
  }
  let exact = norm;
  if (n > 2 && norm.charCodeAt(n - 2) === 0x27 && norm.charCodeAt(n - 1) === 0x73) exact = norm.slice(0, n - 2);
  else if (n > 1 && norm.charCodeAt(n - 1) === 0x27) exact = norm.slice(0, n - 1);
  target.exact = exact;
  target.stem = exact.length > 2 ? porter2(exact) : exact;
  target.stop = false;
}
