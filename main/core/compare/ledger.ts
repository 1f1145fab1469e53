/**
 * The fact ledger across the compared articles: which facts the outlets
 * share, and where they disagree.
 *
 * Disagreements are looked for where they can be trusted:
 *  - numbers and dates inside aligned sentences, from the word diff: the
 *    same sentence with "2500 جندي" in one outlet and "3000 جندي" in
 *    another is a discrepancy, while two unrelated numbers in unrelated
 *    sentences are not;
 *  - numbers outside aligned sentences only when each outlet gives exactly
 *    one value for the same unit and the numbers' contexts share words;
 *  - quotations matched across outlets by their words: a different speaker
 *    is flagged, and so is a quotation only one outlet carries.
 */
import type { Alignment, Span } from './align';
import {
  extractBaseFacts,
  extractEntities,
  readMentions,
  extractTitleNumbers,
  type ArticleFacts,
  type EntityKind,
  type NumberFact,
  type QuoteFact,
} from './facts';
import { plainCounted } from '../../../common/text/counted';
import { foldIntoOneFuller, nameKey } from '../entities';
import { normalizeForMatching } from '../../../common/text/normalize';
import { TITLE_HEADS, TITLE_QUALIFIERS } from './lexicon';
import { contentKeys, type PreparedText } from './prepare';
import { sumConflicts } from './sumConflicts';

export type ConflictKind = 'number' | 'sum' | 'date' | 'speaker' | 'quote-unique';

export interface ConflictItem {
  /** Index of the article among the compared ones. */
  article: number;
  /** The value as the article gives it: "2500 جندي", "2021-07-26", a speaker's name, a quotation. */
  value: string;
  /** Offsets into the article's body, or into its title when `inTitle`. */
  start: number;
  end: number;
  /** The sentence that gives the value (the headline when `inTitle`), so both sides can be read. */
  sentence: string;
  inTitle: boolean;
  /** In a `sum` conflict: the total one outlet gives, or one of the parts another gives. */
  role: 'whole' | 'part' | null;
}

/** What extractAll needs to know of each article beside its text. */
export interface FactInput {
  reference?: string;
  title?: string;
  lang?: string;
}

export interface Conflict {
  kind: ConflictKind;
  /** What the disagreement is about: the unit, the quotation's first words. */
  subject: string;
  items: ConflictItem[];
  /** The alignment row it was found in, when it was found in one. */
  row: number | null;
}

export interface MergedEntity {
  kind: EntityKind;
  name: string;
  key: string;
  /** Mentions per compared article (0: the article does not name it). */
  mentions: number[];
}

export interface FactComparison {
  facts: ArticleFacts[];
  entities: MergedEntity[];
  conflicts: Conflict[];
}

const overlaps = (a: Span, s: { start: number; end: number }): boolean => s.start < a.end && a.start < s.end;

/**
 * A person one outlet names shorter than another (عبدربه منصور against عبدربه منصور هادي; الجبير against عادل
 * الجبير) is one row: a name whose words begin exactly one fuller name of the comparison, or a lone word that ends
 * exactly one, joins it. With two fuller candidates (محمد بن سلمان: two princes) the short name keeps its own row.
 */
function foldShortNames(entities: MergedEntity[]): MergedEntity[] {
  // The names as written, folded: a key keeps only the words that identify a person (given and family name).
  const words = new Map(entities.filter((e) => e.kind === 'person').map((e) => [e, nameKey(e.name).split(' ')]));
  const gone = foldIntoOneFuller(
    [...words.keys()],
    (short, e) => {
      const [w, f] = [words.get(short)!, words.get(e)!];
      if (f.length <= w.length) return false;
      return w.length === 1 ? f[f.length - 1] === w[0] : w.every((word, i) => f[i] === word);
    },
    (into, short) => short.mentions.forEach((n, a) => (into.mentions[a] = (into.mentions[a] ?? 0) + n)),
  );
  return entities.filter((e) => !gone.has(e));
}

/** What a number conflict is about: the counted noun in its plain form (قاضيا → قاضي), or nothing. */
function countedSubject(...told: NumberFact[]): string {
  const unit = told.find((n) => n.unit)?.unit;
  return unit ? plainCounted(unit) : '';
}

function numberValue(n: NumberFact): string {
  return n.unit ? `${n.text.replace(/\s+/gu, ' ')}` : n.text;
}

/** Facts of each article: numbers, dates and quotations by the ledger's rules, people, places and bodies by the entity extractor. */
export function extractAll(texts: readonly PreparedText[], inputs: readonly FactInput[]): ArticleFacts[] {
  return texts.map((p, i) => {
    const input = inputs[i] ?? {};
    const mentions = readMentions(p.text, input.lang);
    const base = extractBaseFacts(p, input.reference, mentions);
    return {
      ...base,
      entities: extractEntities(p.text, input.lang, base.quotes, mentions),
      titleNumbers: extractTitleNumbers(input.title, input.reference),
    };
  });
}

/**
 * The person a quotation's speaker names, as name keys (the entity covering
 * the name, else the name's own keys), or null when the speaker is only an
 * office or a description ("المسؤول", "رئيس الوزراء التركي"): those cannot
 * contradict a name.
 */
function speakerKey(p: PreparedText, facts: ArticleFacts, q: QuoteFact): string[] | null {
  if (!q.speakerName || !q.speakerSpan) return null;
  const at = p.text.indexOf(q.speakerName, q.speakerSpan.start);
  const span = at >= 0 ? { start: at, end: at + q.speakerName.length } : q.speakerSpan;
  const tokens = p.tokens.filter((t) => t.start >= span.start && t.end <= span.end);
  if (tokens.length === 0 || TITLE_HEADS.has(tokens[0]!.kind === 'word' ? tokens[0]!.exact : tokens[0]!.norm))
    return null;
  for (const e of facts.entities)
    if (e.kind === 'person' && e.mentions.some((m) => overlaps(m, span))) return nameKeys(e.key.split(' '));
  return nameKeys(tokens.map((t) => (t.kind === 'word' ? t.exact : t.norm)));
}

/**
 * Keys of a name's own words: offices and qualifiers dropped, and compounds
 * written apart or together made one ("عبد الرحمن" = "عبدالرحمن").
 */
function nameKeys(keys: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (k === 'عبد' && i + 1 < keys.length) {
      out.push(`عبد${keys[++i]!.replace(/^ال/u, '')}`);
      continue;
    }
    if (TITLE_HEADS.has(k) || TITLE_QUALIFIERS.has(k) || k.length < 2) continue;
    out.push(k.startsWith('عبدال') ? `عبد${k.slice(5)}` : k);
  }
  return out;
}

/** Two speakers are one person: the same surname, or one name inside the other ("بايدن", "جو بايدن"). */
function samePerson(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  if (a[a.length - 1] === b[b.length - 1]) return true;
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  return small.every((k) => large.includes(k));
}

function diceOf(a: Set<string>, b: Set<string>): number {
  if (a.size + b.size === 0) return 0;
  let common = 0;
  for (const k of a) if (b.has(k)) common++;
  return (2 * common) / (a.size + b.size);
}

function containmentOf(a: Set<string>, b: Set<string>): number {
  if (a.size === 0) return 0;
  let common = 0;
  for (const k of a) if (b.has(k)) common++;
  return common / a.size;
}

function quoteKeys(p: PreparedText, q: QuoteFact): Set<string> {
  let from = 0;
  while (from < p.tokens.length && p.tokens[from]!.start < q.start) from++;
  let to = from;
  while (to < p.tokens.length && p.tokens[to]!.end <= q.end) to++;
  return contentKeys(p.tokens, from, to);
}

function firstWords(text: string, n = 8): string {
  const words = text.split(/\s+/u);
  return words.length <= n ? text : `${words.slice(0, n).join(' ')}…`;
}

/** The sentence holding an offset, as written. */
function sentenceAt(p: PreparedText, sentence: number): string {
  const s = p.sentences[sentence];
  return s ? p.text.slice(s.start, s.end).trim() : '';
}

export function compareFacts(
  texts: readonly PreparedText[],
  facts: readonly ArticleFacts[],
  alignment: Alignment,
  titles: ReadonlyArray<string | undefined> = [],
): FactComparison {
  const conflicts: Conflict[] = [];
  const bodyItem = (
    article: number,
    value: string,
    at: { start: number; end: number; sentence: number },
    role: ConflictItem['role'] = null,
  ): ConflictItem => ({
    article,
    value,
    start: at.start,
    end: at.end,
    sentence: sentenceAt(texts[article]!, at.sentence),
    inTitle: false,
    role,
  });
  const reported = new Set<string>();
  const report = (c: Conflict): void => {
    const id = `${c.kind}|${c.items
      .map((i) => `${i.article}:${i.start}`)
      .sort()
      .join(',')}`;
    if (reported.has(id)) return;
    reported.add(id);
    conflicts.push(c);
  };

  // 1. Numbers and dates changed inside aligned sentences.
  alignment.rows.forEach((row, r) => {
    for (const d of row.diffs) {
      for (const ch of d.changes) {
        if (!ch.a || !ch.b) continue;
        const na = facts[d.against]!.numbers.filter((n) => overlaps(ch.a!, n));
        const nb = facts[d.article]!.numbers.filter((n) => overlaps(ch.b!, n));
        for (const x of na) {
          const y = nb.find((m) => m.unitKey === x.unitKey) ?? (na.length === 1 && nb.length === 1 ? nb[0] : undefined);
          if (!y || y.value === x.value) continue;
          report({
            kind: 'number',
            subject: countedSubject(x, y),
            items: [bodyItem(d.against, numberValue(x), x), bodyItem(d.article, numberValue(y), y)],
            row: r,
          });
        }
        const da = facts[d.against]!.dates.filter((x) => overlaps(ch.a!, x));
        const db = facts[d.article]!.dates.filter((x) => overlaps(ch.b!, x));
        // The same words ("اليوم", "Thursday") read against two publication dates are not a disagreement.
        const sameWords =
          da.length === 1 && db.length === 1 && normalizeForMatching(da[0]!.text) === normalizeForMatching(db[0]!.text);
        if (da.length === 1 && db.length === 1 && da[0]!.iso !== db[0]!.iso && !sameWords) {
          report({
            kind: 'date',
            subject: da[0]!.text,
            items: [bodyItem(d.against, da[0]!.iso, da[0]!), bodyItem(d.article, db[0]!.iso, db[0]!)],
            row: r,
          });
        }
      }
    }
  });

  // 2. Numbers outside aligned sentences: one value per outlet for a unit, in like contexts.
  const inNumberConflict = new Set(conflicts.filter((c) => c.kind === 'number').map((c) => c.subject));
  const byUnit = new Map<string, Array<{ article: number; facts: NumberFact[] }>>();
  facts.forEach((f, a) => {
    const units = new Map<string, NumberFact[]>();
    for (const n of f.numbers)
      if (n.unitKey && n.unitKey !== '%') units.set(n.unitKey, [...(units.get(n.unitKey) ?? []), n]);
    for (const [u, list] of units) byUnit.set(u, [...(byUnit.get(u) ?? []), { article: a, facts: list }]);
  });
  for (const [, perArticle] of byUnit) {
    if (perArticle.length < 2) continue;
    const single = perArticle.filter((x) => new Set(x.facts.map((n) => n.value)).size === 1);
    if (single.length < 2 || single.length !== perArticle.length) continue;
    const values = new Set(single.map((x) => x.facts[0]!.value));
    if (values.size < 2 || inNumberConflict.has(countedSubject(single[0]!.facts[0]!))) continue;
    const ctx = single.map((x) => {
      const n = x.facts[0]!;
      const p = texts[x.article]!;
      const keys = new Set<string>();
      for (const t of p.tokens)
        if (t.start >= n.context.start && t.end <= n.context.end && t.kind === 'word' && !t.stop && t.start >= n.end)
          keys.add(t.stem);
      for (const t of p.tokens)
        if (t.start >= n.context.start && t.end <= n.start && t.kind === 'word' && !t.stop) keys.add(t.stem);
      return keys;
    });
    const shared = [...ctx[0]!].filter((k) => ctx.slice(1).every((c) => c.has(k)));
    if (shared.length === 0) continue;
    report({
      kind: 'number',
      subject: countedSubject(single[0]!.facts[0]!),
      items: single.map((x) => bodyItem(x.article, numberValue(x.facts[0]!), x.facts[0]!)),
      row: null,
    });
  }

  // 3. A total one outlet gives (often in its headline) against the parts another gives instead.
  for (const c of sumConflicts(texts, facts, titles)) report(c);

  // 4. Quotations matched across outlets.
  interface QuoteRef {
    article: number;
    quote: QuoteFact;
    keys: Set<string>;
    speaker: string[] | null;
  }
  const refs: QuoteRef[] = [];
  facts.forEach((f, a) => {
    for (const q of f.quotes)
      refs.push({ article: a, quote: q, keys: quoteKeys(texts[a]!, q), speaker: speakerKey(texts[a]!, f, q) });
  });
  const groupOf = refs.map((_, i) => i);
  const find = (i: number): number => (groupOf[i] === i ? i : (groupOf[i] = find(groupOf[i]!)));
  for (let i = 0; i < refs.length; i++) {
    for (let j = i + 1; j < refs.length; j++) {
      if (refs[i]!.article === refs[j]!.article) continue;
      const a = refs[i]!.keys;
      const b = refs[j]!.keys;
      const alike =
        diceOf(a, b) >= 0.6 ||
        (Math.min(a.size, b.size) >= 3 && Math.max(containmentOf(a, b), containmentOf(b, a)) >= 0.8);
      if (alike) groupOf[find(j)] = find(i);
    }
  }
  const groups = new Map<number, QuoteRef[]>();
  refs.forEach((q, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), q]));
  for (const group of groups.values()) {
    const articles = new Set(group.map((q) => q.article));
    const subject = firstWords(group[0]!.quote.text);
    // Reported speech is paraphrase: one outlet's wording of it is no quotation the others lack.
    if (articles.size === 1 && texts.length > 1 && !group[0]!.quote.reported) {
      const q = group[0]!;
      report({
        kind: 'quote-unique',
        subject,
        items: [bodyItem(q.article, q.quote.speakerName ?? '', q.quote)],
        row: null,
      });
      continue;
    }
    const named = group.filter((q) => q.speaker);
    const people: string[][] = [];
    for (const q of named) if (!people.some((k) => samePerson(k, q.speaker!))) people.push(q.speaker!);
    if (people.length > 1) {
      report({
        kind: 'speaker',
        subject,
        items: named.map((q) => ({
          ...bodyItem(q.article, q.quote.speakerName ?? q.quote.speaker ?? '', q.quote),
          start: q.quote.speakerSpan!.start,
          end: q.quote.speakerSpan!.end,
        })),
        row: null,
      });
    }
  }

  // Entities across the articles.
  const merged = new Map<string, MergedEntity>();
  facts.forEach((f, a) => {
    for (const e of f.entities) {
      const id = `${e.kind}:${e.key}`;
      const m = merged.get(id) ?? { kind: e.kind, name: e.name, key: e.key, mentions: texts.map(() => 0) };
      m.mentions[a] = (m.mentions[a] ?? 0) + e.mentions.length;
      merged.set(id, m);
    }
  });
  const entities = foldShortNames([...merged.values()]).sort(
    (x, y) => y.mentions.reduce((s, v) => s + v, 0) - x.mentions.reduce((s, v) => s + v, 0),
  );
  return { facts: [...facts], entities, conflicts };
}
