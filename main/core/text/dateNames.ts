/**
 * Month and weekday names as they appear in the matching fold (alef/hamza,
 * ة, case folded), with the ones that are also ordinary words.
 */

/** Month names in their folded form (see normalizeForMatching) → month number. */
// prettier-ignore
export const MONTHS: ReadonlyArray<readonly [string, number]> = [
  // Levantine / Iraqi (Syriac-derived) names.
  ['كانون الثاني', 1], ['كانون ثاني', 1], ['شباط', 2], ['اذار', 3], ['نيسان', 4], ['ايار', 5],
  ['حزيران', 6], ['تموز', 7], ['اب', 8], ['ايلول', 9], ['تشرين الاول', 10], ['تشرين اول', 10],
  ['تشرين الثاني', 11], ['تشرين ثاني', 11], ['كانون الاول', 12], ['كانون اول', 12],
  // Egyptian / Gulf (from the European names).
  ['يناير', 1], ['فبراير', 2], ['مارس', 3], ['ابريل', 4], ['مايو', 5], ['يونيو', 6], ['يونيه', 6],
  ['يوليو', 7], ['يوليه', 7], ['اغسطس', 8], ['سبتمبر', 9], ['اكتوبر', 10], ['نوفمبر', 11], ['ديسمبر', 12],
  // Maghrebi (Algeria, Tunisia: from French) and Moroccan.
  ['جانفي', 1], ['فيفري', 2], ['افريل', 4], ['ماي', 5], ['جوان', 6], ['جويليه', 7], ['اوت', 8],
  ['يوليوز', 7], ['غشت', 8], ['شتنبر', 9], ['نونبر', 11], ['دجنبر', 12],
  // English, full and abbreviated.
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7],
  ['august', 8], ['september', 9], ['october', 10], ['november', 11], ['december', 12],
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9],
  ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
];

export const MONTH_BY_NAME: ReadonlyMap<string, number> = new Map(MONTHS);

/**
 * Month names that are also ordinary words (آب/أب "father", مارس "he
 * practised", ماي, may, mar …): only accepted next to a day or a year, in a
 * pair, or after a cue such as في / in.
 */
// prettier-ignore
export const AMBIGUOUS_MONTHS: ReadonlySet<string> = new Set(['اب', 'مارس', 'ماي', 'may', 'mar', 'jan', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec', 'feb', 'apr', 'sept', 'march']);

export const WEEKDAYS_AR: ReadonlyArray<readonly [string, number]> = [
  ['الاحد', 0],
  ['الاثنين', 1],
  ['الثلاثاء', 2],
  ['الاربعاء', 3],
  ['الخميس', 4],
  ['الجمعه', 5],
  ['السبت', 6],
];
export const WEEKDAYS_EN: ReadonlyArray<readonly [string, number]> = [
  ['sunday', 0],
  ['monday', 1],
  ['tuesday', 2],
  ['wednesday', 3],
  ['thursday', 4],
  ['friday', 5],
  ['saturday', 6],
];
export const WEEKDAY_BY_NAME: ReadonlyMap<string, number> = new Map([...WEEKDAYS_AR, ...WEEKDAYS_EN]);
/** Weekday names that are also ordinary words ("the two", "the one", "the congregation"). */
export const AMBIGUOUS_WEEKDAYS: ReadonlySet<string> = new Set(['الاثنين', 'الاحد', 'الجمعه']);
