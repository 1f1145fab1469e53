/**
 * Family names that are also words (سلطان الشايع, نبيل العربي, محمد جواد ظريف). The entity extractor stops before
 * a common word, so a speaker known by one (وأكد الدكتور الشايع, وقال ظريف) went unnamed. Such a word ends a name
 * only where the article says it is one: written right after a person the extractor read with a title or a بن
 * chain (الدكتور سلطان الشايع, عبدالله بن عويقل السلمي). Never a name on that word alone.
 */
import { isCommonWord, type Mention } from '../entities';
import { PHRASE_STOPS, TITLE_HEADS, TITLE_QUALIFIERS } from './lexicon';
import { isArabicWord, key, startsWithConjunction, tokenAt } from './factTokens';
import type { PreparedText } from './prepare';

/** Keys of the common words this article writes as the last word of a titled person's name or a بن chain. */
export function familyWords(p: PreparedText, mentions: readonly Mention[]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const m of mentions) {
    if (m.kind !== 'person' || !(m.title || / (?:بن|ابن) /u.test(m.text))) continue;
    const next = p.tokens[tokenAt(p, m.end)];
    if (!next || !/^[^\S\n]+$/u.test(p.text.slice(m.end, next.start))) continue;
    const k = key(next);
    const word = next.kind === 'word' && isArabicWord(next) && !startsWithConjunction(next) && isCommonWord(k);
    if (!word || TITLE_HEADS.has(k) || TITLE_QUALIFIERS.has(k) || PHRASE_STOPS.has(k)) continue;
    // The next person's name (الشيخ تميم بن حمد | خالد) or a place is not this one's family.
    if (mentions.some((x) => x.start === next.start)) continue;
    out.add(k);
  }
  return out;
}
