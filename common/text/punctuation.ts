/**
 * Arabic punctuation where Arabic is written with the Latin keyboard's: a
 * comma, semicolon or question mark after an Arabic letter (or before one,
 * after a space) becomes ، ؛ ؟. Between digits ("1,000", "3;4") and in Latin
 * text nothing changes.
 */
const ARABIC_LETTER = '[\\u0621-\\u064A\\u066E-\\u06D3\\u06FA-\\u06FF\\u0750-\\u077F\\u08A0-\\u08FF]';
const AFTER_ARABIC = new RegExp(`(${ARABIC_LETTER}[\\u064B-\\u065F\\u0670]*[»)\\]]?\\s*)([,;?])`, 'gu');
const BEFORE_ARABIC = new RegExp(`(^|\\s)([,;?])(\\s*${ARABIC_LETTER})`, 'gu');
const ARABIC_MARK: Record<string, string> = { ',': '،', ';': '؛', '?': '؟' };

export function arabicPunctuation(text: string): string {
  return text
    .replace(AFTER_ARABIC, (_, before: string, mark: string) => `${before}${ARABIC_MARK[mark] ?? mark}`)
    .replace(
      BEFORE_ARABIC,
      (_, start: string, mark: string, after: string) => `${start}${ARABIC_MARK[mark] ?? mark}${after}`,
    );
}
