/** People, places and organisations named in a text. */
export type EntityKind = 'person' | 'place' | 'organisation';

/** A span of the given text in UTF-16 code units (text.slice(start, end)). */
export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

export interface Mention extends TextSpan {
  kind: EntityKind;
  /**
   * The readable name this mention stands for: the spelling seen most often
   * among the mentions grouped with it in the text (clitics stripped, an
   * article written لل restored to ال).
   */
  canonical: string;
  /**
   * The text's own fullest spelling, where the canonical is a name the text
   * does not write that way (a country shown by its usual name, السعودية for
   * المملكة العربية السعودية): the entity index keeps it among the spellings.
   */
  written?: string;
  /** Folded grouping key: equal keys name the same entity (عبدالعزيز = عبد العزيز, أوباما = اوباما). */
  key: string;
  /** The title or office written before a person's name (الملك, وزير العدل الشيخ), kept apart from it. */
  title?: TextSpan;
}

export interface ExtractOptions {
  /** Language of the text ('ar', 'en', ...): Arabic rules for 'ar', English rules otherwise. */
  lang: string;
  /** The article's date (ISO). Not used by the rules yet; kept so callers pass it once the lists date. */
  publishedAt?: string;
  /** Add the learned tagger's sure spans to the rules' (Arabic; default true). False: the rules alone. */
  learned?: boolean;
}

/** Mentions of one entity gathered across texts, with the spellings they use. */
export interface Entity {
  key: string;
  kind: EntityKind;
  canonical: string;
  spellings: Array<{ text: string; count: number }>;
  mentions: number;
}
