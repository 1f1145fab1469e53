/** What the fact ledger finds in one article (see facts.ts). */
export interface Span {
  start: number;
  end: number;
}

export interface NumberFact {
  value: number;
  /** As written ("2500", "٢٥٠٠", "ثلاثة", "10 آلاف"). */
  text: string;
  start: number;
  end: number;
  /** What it counts, as written ("جندي", "هجوما", "%"), or null. */
  unit: string | null;
  /** The unit's matching key: the same for جندي and الجندي, for هجوما and هجوم. */
  unitKey: string | null;
  /** A few words around it. */
  context: Span;
  sentence: number;
}

export interface DateFact {
  /** The Gregorian date: YYYY-MM-DD, YYYY-MM or YYYY according to precision. */
  iso: string;
  precision: 'day' | 'month' | 'year';
  /** The calendar the text gave it in: a Hijri date (26 شوال 1436 هـ) is shown in both. */
  calendar: 'gregorian' | 'islamic-umalqura';
  text: string;
  start: number;
  end: number;
  sentence: number;
}

export interface QuoteFact {
  /** The quoted words, without the marks. */
  text: string;
  start: number;
  end: number;
  /** Who says it, as the article names them ("وزير الخارجية العراقي، فؤاد حسين"), or null when no speaker is given. */
  speaker: string | null;
  /** The speaker's name alone when one is given ("فؤاد حسين"), else their description ("المسؤول"). */
  speakerName: string | null;
  speakerSpan: Span | null;
  /** Words that introduce it ("وقال", "بحسب", "said"). */
  cue: string | null;
  sentence: number;
  /** Reported speech without quotation marks (وأوضح الوزير أن …): the clause after أن/إن. */
  reported: boolean;
}

export type EntityKind = 'person' | 'place' | 'organisation';

export interface EntityFact {
  kind: EntityKind;
  /** The canonical name: the spelling the article uses most, clitics stripped, title kept apart ("سلمان بن عبدالعزيز"). */
  name: string;
  /** The entity extractor's folded key: equal keys name one entity (عبدالعزيز = عبد العزيز). */
  key: string;
  mentions: Span[];
}

export interface ArticleFacts {
  numbers: NumberFact[];
  dates: DateFact[];
  quotes: QuoteFact[];
  entities: EntityFact[];
  /** Numbers of the headline (offsets into the title): a headline often gives the total the body splits. */
  titleNumbers: NumberFact[];
}

export interface FactOptions {
  /** The article's date (YYYY-MM-DD): resolves "اليوم", "الخميس", "last year". */
  reference?: string;
  /** The article's language ('ar', 'en', …); found from the text when not given. */
  lang?: string;
}
