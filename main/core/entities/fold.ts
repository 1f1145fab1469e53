/**
 * Name folding: one key for the spellings of one name, and the readable form
 * of a mention (clitics off, ال restored).
 */
import { foldVariants, normalizeForMatching } from '../text';
import { SAME_PLACE } from './places';

/** Words joined to the next one in a key: عبد العزيز = عبدالعزيز, أبو ظبي = أبوظبي. */
const JOINED = new Set(['عبد', 'ابو', 'ابي']);

function foldWord(word: string): string {
  if (/^ال../u.test(word)) return 'ال' + foldVariants(word.slice(2));
  return foldVariants(word);
}

/**
 * Grouping key of a name as written (after clitic stripping): matching fold
 * (hamza and alef forms, ة/ه, ى/ي, diacritics, case), spelling variants,
 * عبد/أبو joined to the next word, ابن in a name's middle read as بن.
 */
export function nameKey(name: string): string {
  const words = normalizeForMatching(name)
    .split(/[\s\-–ـ]+/u)
    .filter((w) => w.length > 0);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let w = words[i]!;
    if (i > 0 && w === 'ابن') w = 'بن';
    if (JOINED.has(w) && i + 1 < words.length) {
      out.push(w + foldWord(words[++i]!));
      continue;
    }
    // عبدالعزيز written joined already: same key as the split form.
    out.push(foldWord(w));
  }
  return out.join(' ');
}

/** The name as shown: spaces collapsed, an article written لل (للرياض) shown as ال. */
export function readable(surface: string, restoreArticle: boolean): string {
  const s = surface.replace(/\s+/gu, ' ').trim();
  return restoreArticle ? 'ا' + s : s;
}

let placeKeys: Map<string, { key: string; name: string }> | null = null;

function samePlace(key: string): { key: string; name: string } | undefined {
  placeKeys ??= new Map(
    SAME_PLACE.flatMap((names) =>
      names.map((n) => [nameKey(n), { key: nameKey(names[0]!), name: names[0]! }] as const),
    ),
  );
  return placeKeys.get(key);
}

/** A place's key under the usual name of its country (المملكة العربية السعودية → السعودية's key); others as given. */
export function placeKey(key: string): string {
  return samePlace(key)?.key ?? key;
}

/** The name a country with several is shown by (الولايات المتحدة for الولايات المتحدة الأميركية); else undefined. */
export function usualPlaceName(key: string): string | undefined {
  return samePlace(key)?.name;
}
