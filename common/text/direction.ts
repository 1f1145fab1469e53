/**
 * Base direction of a run of text from its first strong character, as the
 * Unicode Bidirectional Algorithm's rules P2–P3 do (and `dir="auto"`), but
 * computed here so that the reader can set it explicitly and tests can see it.
 */

/** The contract's Direction, spelled here so that common/ imports nothing. */
export type TextDirection = 'rtl' | 'ltr';

/**
 * Letters of right-to-left scripts (Arabic, Hebrew, Syriac, Thaana, N'Ko, ...).
 * Script_Extensions, not Script: tatweel (U+0640) is a Common-script letter
 * whose extensions name Arabic, and whose bidi class is strong right-to-left.
 */
const RTL_LETTER =
  /[\p{scx=Arabic}\p{scx=Hebrew}\p{scx=Syriac}\p{scx=Thaana}\p{scx=Nko}\p{scx=Samaritan}\p{scx=Mandaic}\p{scx=Adlam}\p{scx=Hanifi_Rohingya}\p{scx=Yezidi}]/u;
/** The first letter, or an explicit mark (LRM U+200E, RLM U+200F, ALM U+061C). */
const FIRST_STRONG = /[\p{L}\u200E\u200F\u061C]/u;

/** True for a letter of a right-to-left script (one character, as a string). */
export function isRtlLetter(ch: string): boolean {
  return RTL_LETTER.test(ch);
}

/** 'rtl' or 'ltr' from the first strong character, or null when there is none. */
export function firstStrongDirection(text: string): TextDirection | null {
  const match = FIRST_STRONG.exec(text);
  if (!match) return null;
  const ch = match[0];
  if (ch === '\u200E') return 'ltr';
  if (ch === '\u200F' || ch === '\u061C') return 'rtl';
  return RTL_LETTER.test(ch) ? 'rtl' : 'ltr';
}

/** 'rtl' or 'ltr' from the first strong character, or `fallback` when there is none. */
export function directionOf(text: string, fallback: TextDirection): TextDirection {
  return firstStrongDirection(text) ?? fallback;
}

/** Paragraphs of a stored body: one per non-blank line. */
export function splitParagraphs(body: string): string[] {
  return body
    .split(/\r\n|\r|\n|\u2029/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
