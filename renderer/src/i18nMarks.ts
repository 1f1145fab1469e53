/** Marks that keep a phrase's direction inside a sentence of the other script, for the string tables. */

/** First-strong isolate: a name in the other script keeps its place and its quotes in the sentence. */
export const iso = (text: string): string => `\u2068${text}\u2069`;

/** Key names stay left to right inside Arabic text. */
export const keys = (text: string): string => `\u2066${text}\u2069`;
