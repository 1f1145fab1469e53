/**
 * What the name lists say: given, family and common words, listed places,
 * bodies and people, and the lookups of a listed phrase at a token. Shared
 * by the Arabic rules (arabic.ts), the English rules and the tagger's
 * features.
 */
import { COMMON_WORDS, DEFINITE_ONLY_WORDS, FAMILY_NAMES, GIVEN_NAMES } from './names.generated';
import { KNOWN_PEOPLE } from './people.generated';
import {
  EXTRA_FAMILY_NAMES,
  EXTRA_GIVEN_NAMES,
  GENERIC_BODIES,
  KNOWN_ORGANISATIONS,
  NOT_GIVEN_NAMES,
  PhraseList,
  type PhraseEntry,
  keySet,
  phraseKeys,
} from './lexicon';
import { ARABIC_PLACE_NAMES, DIRECTIONS, PLACE_HEADS } from './places';
import { joined, type EntityToken } from './tokens';

export const GIVEN: ReadonlySet<string> = new Set([
  ...GIVEN_NAMES.filter((n) => !NOT_GIVEN_NAMES.has(n)),
  ...EXTRA_GIVEN_NAMES.map((n) => phraseKeys(n).join('')),
]);
export const FAMILY: ReadonlySet<string> = new Set([
  ...FAMILY_NAMES,
  ...EXTRA_FAMILY_NAMES.map((n) => phraseKeys(n).join('')),
]);
export const COMMON: ReadonlySet<string> = new Set(COMMON_WORDS);
export const DEFINITE_ONLY: ReadonlySet<string> = new Set(DEFINITE_ONLY_WORDS);
export const PLACES = new PhraseList(ARABIC_PLACE_NAMES);
export const ORGANISATIONS = new PhraseList(KNOWN_ORGANISATIONS);
export const GENERIC = new PhraseList(GENERIC_BODIES);
export const PEOPLE = new PhraseList(KNOWN_PEOPLE);
export const PLACE_HEAD_KEYS = keySet(PLACE_HEADS);
export const DIRECTION_KEYS = keySet(DIRECTIONS);
export const LINKS = new Set(['بن', 'ابن', 'بنت']);

export type Tokens = readonly EntityToken[];

/** A common word of the corpora (الأموي, العدد): a name key's word, with or without its article. */
export function isCommonWord(word: string): boolean {
  const bare = word.replace(/^ال/u, '');
  return !FAMILY.has(bare) && !GIVEN.has(bare) && COMMON.has(bare);
}

/** A given name of the lists as written (علي, محمد; اليوسف is a family's): alone it may be anyone, or a word (علي for على). */
export function isGivenName(word: string): boolean {
  return !word.startsWith('ال') && GIVEN.has(word);
}

/** Length of the phrase of `list` that starts at token i (its first word may carry clitics), or 0. */
export function matchAt(text: string, toks: Tokens, i: number, list: PhraseList): number {
  return matchEntry(text, toks, i, list)?.keys.length ?? 0;
}

export function matchEntry(text: string, toks: Tokens, i: number, list: PhraseList): PhraseEntry | null {
  const first = toks[i];
  if (!first || first.t.kind !== 'word') return null;
  for (const entry of list.startingWith(first.key)) {
    const { keys, definite, prefix } = entry;
    // Latin words carry no article: only Arabic ones must agree with the list.
    let ok = (!first.arabic || first.definite === definite[0]) && (prefix === '' || first.clitic === prefix);
    for (let k = 1; k < keys.length && ok; k++) {
      const t = toks[i + k];
      ok =
        !!t &&
        t.key === keys[k] &&
        t.clitic === '' &&
        (!t.arabic || t.definite === definite[k]) &&
        joined(text, toks[i + k - 1], t);
    }
    if (ok) return entry;
  }
  return null;
}
