/**
 * The fact ledger of one article: numbers with their unit and context,
 * dates, quotations with their speaker, and named people, places and
 * organisations, each with offsets into the original text.
 *
 * Rules, not a trained model: Mizan runs offline on archives of any size,
 * and a researcher must be able to see why a fact was found. The rules are
 * the ones Arabic and English news writing follows: a number is followed by
 * what it counts (2500 جندي, 50 هجوما, 2,500 troops); speech is introduced
 * by a verb and its speaker (وقال X، إن “…”, X said) or attributed after it
 * (بحسب X, according to X); an office comes before a name (وزير الخارجية
 * العراقي، فؤاد حسين); places and bodies come from word lists (lexicon.ts)
 * and from heads such as مدينة, وزارة, تنظيم.
 */
import { findDates } from '../text/dates';
import { findEntities } from './factEntities';
import { findNumbers } from './factNumbers';
import { findQuotes } from './factQuotes';
import { sentenceOf } from './factTokens';
import type { ArticleFacts, DateFact, EntityFact, FactOptions, Span, NumberFact, QuoteFact } from './factTypes';
import type { PreparedText } from './prepare';

export type {
  ArticleFacts,
  DateFact,
  EntityFact,
  EntityKind,
  FactOptions,
  NumberFact,
  QuoteFact,
  Span,
} from './factTypes';
export { unitKeyOf } from './factNumbers';

/** Everything but the people, places and bodies, and what entity finding needs from it. */
export interface BaseFacts {
  numbers: NumberFact[];
  dates: DateFact[];
  quotes: QuoteFact[];
  /** Names in quotation marks after a head (وكالة “أسوشيتد برس”): bodies, not quotations. */
  nameQuotes: Span[];
}

export function extractBaseFacts(p: PreparedText, reference?: string): BaseFacts {
  const found = findDates(p.text, reference ? { reference } : undefined);
  const dates: DateFact[] = found.map((d) => ({
    iso: d.iso,
    precision: d.precision,
    text: d.text,
    start: d.start,
    end: d.end,
    sentence: sentenceOf(p, d.start),
  }));
  const numbers = findNumbers(p, found);
  const nameQuotes: Span[] = [];
  const quotes = findQuotes(p, nameQuotes);
  return { numbers, dates, quotes, nameQuotes };
}

export function extractEntities(
  p: PreparedText,
  base: BaseFacts,
  knownPeople?: FactOptions['knownPeople'],
): EntityFact[] {
  return findEntities(p, base.quotes, base.nameQuotes, knownPeople);
}

export function extractFacts(p: PreparedText, options: FactOptions = {}): ArticleFacts {
  const base = extractBaseFacts(p, options.reference);
  return {
    numbers: base.numbers,
    dates: base.dates,
    quotes: base.quotes,
    entities: extractEntities(p, base, options.knownPeople),
  };
}
