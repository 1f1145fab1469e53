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
 * (بحسب X, according to X). People, places and bodies come from the one
 * entity extractor of the app (main/core/entities).
 */
import { extractEntities as findEntities, nameKey, type Mention } from '../entities';
import { detectLanguage } from '../text/language';
import { findFactDates } from './factDates';
import { findNumbers } from './factNumbers';
import { findQuotes } from './factQuotes';
import { TITLE_HEADS, phraseKeys } from './lexicon';
import type { ArticleFacts, DateFact, EntityFact, FactOptions, NumberFact, QuoteFact, Span } from './factTypes';
import { prepareText, type PreparedText } from './prepare';

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

/** Everything but the people, places and bodies. */
export interface BaseFacts {
  numbers: NumberFact[];
  dates: DateFact[];
  quotes: QuoteFact[];
}

/** The entity extractor's one reading of a text, for its quotations' speakers and its people, places and bodies. */
export function readMentions(text: string, lang?: string): Mention[] {
  return findEntities(text, { lang: lang ?? detectLanguage(text) });
}

export function extractBaseFacts(
  p: PreparedText,
  reference: string | undefined,
  mentions: readonly Mention[],
): BaseFacts {
  const dates = findFactDates(p, reference);
  const numbers = findNumbers(p, dates);
  // Names in quotation marks after a head (وكالة “أسوشيتد برس”) are bodies the entity extractor reads, not quotations.
  const nameQuotes: Span[] = [];
  const quotes = findQuotes(p, nameQuotes, mentions);
  return { numbers, dates, quotes };
}

/**
 * People, places and bodies of a text, one entry per extractor key, with
 * every mention. A quotation's named speaker is a person even where the
 * extractor's rules do not reach (وقال بايدن): added under the extractor's
 * key of the name, or to the person whose last name it is.
 */
export function extractEntities(
  text: string,
  lang?: string,
  quotes: readonly QuoteFact[] = [],
  mentions: readonly Mention[] = readMentions(text, lang),
): EntityFact[] {
  const byKey = new Map<string, EntityFact>();
  const add = (kind: EntityFact['kind'], key: string, name: string, span: Span): void => {
    const id = `${kind}:${key}`;
    const e = byKey.get(id) ?? { kind, name, key, mentions: [] };
    if (!e.mentions.some((m) => m.start < span.end && span.start < m.end)) e.mentions.push(span);
    byKey.set(id, e);
  };
  for (const m of mentions) add(m.kind, m.key, m.canonical, { start: m.start, end: m.end });
  for (const q of quotes) {
    if (!q.speakerName || !q.speakerSpan) continue;
    const at = text.indexOf(q.speakerName, q.speakerSpan.start);
    const words = phraseKeys(q.speakerName);
    if (at < 0 || words.length === 0 || words.length > 4 || TITLE_HEADS.has(words[0]!)) continue;
    const span = { start: at, end: at + q.speakerName.length };
    if (mentions.some((m) => m.start < span.end && span.start < m.end)) continue;
    const key = nameKey(q.speakerName);
    const last = key.split(' ').pop()!;
    const full = [...byKey.values()].find((e) => e.kind === 'person' && e.key.split(' ').pop() === last);
    if (full) add('person', full.key, full.name, span);
    else add('person', key, q.speakerName, span);
  }
  return [...byKey.values()].sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
}

/** Numbers of a headline, read like a sentence of the body. */
export function extractTitleNumbers(title: string | undefined, reference?: string): NumberFact[] {
  if (!title?.trim()) return [];
  const p = prepareText(title);
  return findNumbers(p, findFactDates(p, reference));
}

export function extractFacts(p: PreparedText, options: FactOptions & { title?: string } = {}): ArticleFacts {
  const mentions = readMentions(p.text, options.lang);
  const base = extractBaseFacts(p, options.reference, mentions);
  return {
    ...base,
    entities: extractEntities(p.text, options.lang, base.quotes, mentions),
    titleNumbers: extractTitleNumbers(options.title, options.reference),
  };
}
