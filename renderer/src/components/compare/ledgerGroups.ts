/**
 * The ledger's rows: one row per fact, not per mention. The same number of the
 * same thing ("100 قاضٍ" in one outlet, "100 قاضيا" in another) or the same
 * resolved date ("اليوم" and "الاثنين" both 10 August) is one row, with what each
 * outlet wrote in that outlet's column, so a reader sees at a glance who reports
 * a figure and who does not. A quotation is one row per wording (the wording is
 * the point), ordered by speaker so one person's statements sit together.
 */
import { plainCounted } from '../../../../common/text/counted';
import { normalizeForMatching } from '../../../../common/text/normalize';
import type { Comparison, FactConflict } from '../../../../preload/contract';

type Facts = Comparison['facts'][number];
type NumberFact = Facts['numbers'][number];
type DateFact = Facts['dates'][number];
type QuoteFact = Facts['quotes'][number];

/** One mention in one article: where it is (for the conflict flag) and how that article wrote it. */
export interface Mention {
  article: number;
  start: number;
  end: number;
  text: string;
}

export interface FactRow<F> {
  key: string;
  /** The first mention's fact, in column order: the row's value and unit come from it. */
  fact: F;
  /** Every mention's fact, in column order. */
  facts: F[];
  /** Per article (column), what it wrote, or null when it does not give this fact. */
  cells: (Mention[] | null)[];
  mentions: Mention[];
}

function rows<F extends { start: number; end: number; text: string }>(
  facts: Comparison['facts'],
  pick: (f: Facts) => readonly F[],
  keyOf: (fact: F) => string,
): FactRow<F>[] {
  const byKey = new Map<string, FactRow<F>>();
  facts.forEach((articleFacts, article) => {
    for (const fact of pick(articleFacts)) {
      const key = keyOf(fact);
      let row = byKey.get(key);
      if (!row) {
        row = { key, fact, facts: [], cells: facts.map(() => null), mentions: [] };
        byKey.set(key, row);
      }
      row.facts.push(fact);
      const mention = { article, start: fact.start, end: fact.end, text: fact.text };
      (row.cells[article] ??= []).push(mention);
      row.mentions.push(mention);
    }
  });
  return [...byKey.values()];
}

/** Numbers by value and what they count; those most outlets give first, then by value. */
export function numberRows(facts: Comparison['facts']): FactRow<NumberFact>[] {
  return rows(
    facts,
    (f) => f.numbers,
    (n) => `${n.value}|${n.unitKey ?? ''}`,
  ).sort((a, b) => outletsOf(b) - outletsOf(a) || a.fact.value - b.fact.value);
}

/** What a number row counts: a spelling one outlet wrote in the plain form if any did, else the plain form. */
export function countedThing(row: FactRow<NumberFact>): string | null {
  const units = row.facts.map((f) => f.unit).filter((u): u is string => u !== null);
  if (units.length === 0) return null;
  return units.find((u) => plainCounted(u) === u) ?? plainCounted(units[0]!);
}

/** Dates by the day, month or year they resolve to; in time order. */
export function dateRows(facts: Comparison['facts']): FactRow<DateFact>[] {
  return rows(
    facts,
    (f) => f.dates,
    (d) => `${d.iso}|${d.precision}`,
  ).sort((a, b) => (a.fact.iso < b.fact.iso ? -1 : a.fact.iso > b.fact.iso ? 1 : 0) || outletsOf(b) - outletsOf(a));
}

/** How many outlets give the row's fact. */
export function outletsOf(row: FactRow<unknown>): number {
  return row.cells.filter((c) => c !== null).length;
}

export interface QuoteRow extends QuoteFact {
  /** The first outlet (in column order) that carries it. */
  article: number;
  /** Every outlet that carries it word for word (after the matching fold), the first included, in column order. */
  outlets: Mention[];
  /** Who says it, a bare surname read as the full name that ends with it; '' when nobody is named. */
  speakerGroup: string;
}

/**
 * Quotations, one row per quotation: outlets carrying the same words (the wire copy every outlet reprints) share a
 * row that names them all, and the speaker an outlet names stands for the outlets that give only his office. Grouped by who says them (named speakers first, by how many quotations they have, then
 * the unattributed); a shorter name counts as the one fuller name of the comparison that holds its words in order
 * and ends as it does ("الغامدي" and "علي الغامدي" after "علي بن محمد الغامدي").
 */
export function quoteRows(facts: Comparison['facts']): QuoteRow[] {
  const speakerOf = speakerGroups(facts);
  // Per wording, its rows by speaker: outlets that name different people for the same words stay apart.
  const byWords = new Map<string, QuoteRow[]>();
  const all: QuoteRow[] = [];
  facts.forEach((f, article) => {
    for (const q of f.quotes) {
      const who = speakerOf(q.speakerName ?? q.speaker ?? '');
      const mention = { article, start: q.start, end: q.end, text: q.text };
      const words = wordingKey(q.text);
      const same = byWords.get(words) ?? [];
      byWords.set(words, same);
      const row = same.find((r) => r.speakerGroup === who) ?? carrierOf(same, q);
      if (!row) {
        const added = { ...q, article, outlets: [mention], speakerGroup: who };
        same.push(added);
        all.push(added);
        continue;
      }
      if (!row.outlets.some((m) => m.article === article)) row.outlets.push(mention);
      // The row is the named speaker's: an outlet that names him outranks one that gives only his office.
      if (row.speakerName === null && q.speakerName !== null)
        Object.assign(row, {
          speaker: q.speaker,
          speakerName: q.speakerName,
          speakerSpan: q.speakerSpan,
          speakerGroup: who,
        });
    }
  });
  const count = new Map<string, number>();
  for (const q of all) count.set(q.speakerGroup, (count.get(q.speakerGroup) ?? 0) + 1);
  const firstSeen = new Map<string, number>();
  all.forEach((q, i) => {
    if (!firstSeen.has(q.speakerGroup)) firstSeen.set(q.speakerGroup, i);
  });
  const rank = (q: QuoteRow): [number, number, number] => {
    const who = q.speakerGroup;
    return [who === '' ? 1 : 0, -(count.get(who) ?? 0), firstSeen.get(who) ?? 0];
  };
  return all
    .map((q, i) => ({ q, i, r: rank(q) }))
    .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || a.r[2] - b.r[2] || a.i - b.i)
    .map(({ q }) => q);
}

/**
 * What makes two quotations one wording: the words after Arabic normalization, without a web address (a wire copy
 * ends "… موقع المؤسسة الإلكتروني (http://www.gsfmo.gov.sa)" in some outlets and drops the address in others).
 */
function wordingKey(text: string): string {
  return normalizeForMatching(text.replace(/\(?\s*(?:https?:\/\/|www\.)[^\s)]*\s*\)?/gu, ' '))
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Each speaker as written → the speaker it is grouped under: the one fuller name of the comparison that holds its
 * words in order and ends with its last word ("وزير الخارجية عادل الجبير" in "وزير الخارجية عادل بن أحمد الجبير",
 * a bare "الجبير" in either), else itself. With two such names that are not one inside the other (سلطان الشايع,
 * محمد بن حمود الشايع for "الشايع") the shorter stays apart: a guess would give one person's words to another.
 */
function speakerGroups(facts: Comparison['facts']): (who: string) => string {
  const wordsOf = new Map<string, string[]>();
  for (const f of facts)
    for (const q of f.quotes) {
      const who = q.speakerName ?? q.speaker ?? '';
      if (who !== '' && !wordsOf.has(who)) wordsOf.set(who, normalizeForMatching(who).split(/\s+/u).filter(Boolean));
    }
  const inside = (short: readonly string[], full: readonly string[]): boolean => {
    if (short.length >= full.length || short.length === 0 || short.at(-1) !== full.at(-1)) return false;
    let i = 0;
    for (const w of full) if (w === short[i]) i++;
    return i === short.length;
  };
  const group = new Map<string, string>();
  for (const [who, words] of wordsOf) {
    const fuller = [...wordsOf].filter(([, f]) => inside(words, f));
    // The fullest: a candidate no other candidate holds (عادل الجبير under عادل بن أحمد الجبير, not beside it).
    const fullest = fuller.filter(([, f]) => !fuller.some(([, g]) => inside(f, g)));
    group.set(who, fullest.length === 1 ? fullest[0]![0] : who);
  }
  return (who) => group.get(who) ?? who;
}

/**
 * The row an outlet's copy of a quotation joins when its speaker differs from the row's only in being unnamed: one
 * outlet writes "المتحدث الرسمي للمركز" where the others add "رأفت الصباغ". Only where the wording has one row, so
 * that words given to two named people stay two rows (a speaker conflict).
 */
function carrierOf(same: readonly QuoteRow[], q: QuoteFact): QuoteRow | undefined {
  if (same.length !== 1) return undefined;
  const row = same[0]!;
  return row.speakerName === null || q.speakerName === null ? row : undefined;
}

/**
 * Disagreements between outlets (numbers, totals, dates, speakers), and the quotations only one outlet carries,
 * which are that outlet's own material rather than a disagreement.
 */
export function splitConflicts(conflicts: readonly FactConflict[]): {
  between: FactConflict[];
  exclusive: FactConflict[];
} {
  return {
    between: conflicts.filter((k) => k.kind !== 'quote-unique'),
    exclusive: conflicts.filter((k) => k.kind === 'quote-unique'),
  };
}
