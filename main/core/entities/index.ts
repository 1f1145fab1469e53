/**
 * One entity extractor for the whole app: people, places and organisations
 * in a text, with offsets into it, titles kept apart, spellings folded to one
 * key and one readable name. Pure: imports only the text module and npm lists.
 */
import { arabicProposals, inEventName, type Proposal } from './arabic';
import { NAMED_AFTER, ORDINALS, refineBoundaries, surnameAllowed } from './boundaries';
import { isCommonWord, isGivenName } from './nameLists';
import { COMPLEMENT_STOPS } from './lexicon';
import { resolve } from './resolve';
import { OPERATING_POINT, readTagger } from './tagger';
import { englishProposals } from './english';
import { nameKey, placeKey, readable, usualPlaceName } from './fold';
import { entityTokens, joined, type EntityToken } from './tokens';
import type { Entity, EntityKind, ExtractOptions, Mention, TextSpan } from './types';

export type { Entity, EntityKind, ExtractOptions, Mention, TextSpan } from './types';
export { nameKey } from './fold';
export { isCommonWord } from './nameLists';

interface Draft {
  kind: EntityKind;
  span: TextSpan;
  display: string;
  /** Words of the display as keyed (for person grouping). */
  words: string[];
  title?: TextSpan;
  group: number;
  /** The path that proposed it (`rule:person:title-strong+given`, `tagger:place`, `spread:…`, `surname`). */
  via: string;
  margin?: number;
}

function spanOf(text: string, start: number, end: number): TextSpan {
  return { text: text.slice(start, end), start, end };
}

function draftOf(text: string, toks: readonly EntityToken[], p: Proposal): Draft {
  const first = toks[p.from]!;
  const last = toks[p.to - 1]!;
  const start = p.whole ? first.t.start : first.nameStart;
  const span = spanOf(text, start, last.t.end);
  const display = readable(span.text, first.restoreArticle);
  const draft: Draft = {
    kind: p.kind,
    span,
    display,
    words: nameKey(display).split(' '),
    group: -1,
    via: p.via ?? p.kind,
  };
  if ('margin' in p && typeof p.margin === 'number') draft.margin = p.margin;
  if (p.title) draft.title = spanOf(text, toks[p.title[0]]!.nameStart, toks[p.title[1] - 1]!.t.end);
  return draft;
}

/**
 * The words of a person's name that identify them: the given name and the
 * family name (وليد بن محمد الصمعاني → وليد الصمعاني), آل X dropped; in a بن
 * chain with no family name, the given name and the father's (فيصل بن سلمان
 * بن عبد العزيز → فيصل سلمان: the grandfather would make the brothers one).
 */
function personCore(words: readonly string[]): string[] {
  let w = [...words];
  if (w.length >= 4 && w[w.length - 2] === 'ال') w = w.slice(0, -2);
  if (w.length <= 1) return w;
  if (w[1] === 'بن' && w.length >= 3 && w[w.length - 2] === 'بن') return [w[0]!, w[2]!];
  return [w[0]!, w[w.length - 1]!];
}

/**
 * A word that may stand alone for a person named in the text: not a given name, a common word, half a compound
 * or an ordinal (الثاني of إسكندر الثاني names any second one).
 */
function aloneAllowed(word: string): boolean {
  return (
    word.replace(/^ال/u, '').length >= 3 &&
    !ORDINALS.has(word.replace(/^ال/u, '')) &&
    !isCommonWord(word) &&
    !isGivenName(word) &&
    surnameAllowed(word) &&
    !COMPLEMENT_STOPS.has(word)
  );
}

/** A definite plural (المسلمون, الصليبيين): a people or a group read as one name, never one person named again. */
const PEOPLE_PLURAL = /^ال.{3,}(?:ون|ين)$/u;

/**
 * Words that stand alone for a person found in the text: the last name of a
 * name in full (وأكد اليوسف); with `OPERATING_POINT.repeatedNames`, also the
 * first word of a foreign two-word name that no list knows as a given name
 * (راؤول غونزاليس, then راؤول) and a one-word name found by a title or the
 * tagger (العالم الروسي مندليف, then مندليف): on AQMAR 74 right, 10 wrong
 * (README, "Measured"). runsOn: the name was followed by a word no list knows.
 */
function aloneNames(drafts: readonly Draft[], runsOn: (d: Draft) => boolean): Map<string, string> {
  const alone = new Map<string, string>();
  for (const d of drafts) {
    if (d.kind !== 'person') continue;
    const last = d.words[d.words.length - 1]!;
    // A last name that is also a given name (… بن علي) would name whoever else is called so.
    if (d.words.length >= 2 && d.words[d.words.length - 2] !== 'ال' && aloneAllowed(last)) alone.set(last, 'surname');
    if (!OPERATING_POINT.repeatedNames) continue;
    // A one-word name followed by a word no list knows (الإمبراطور تشن هوا) was read short: not a name alone.
    // A given name with the article (الملك الحسين) is still a given name: alone, it may be anyone or anything.
    const oneWord =
      d.words.length === 1 &&
      d.via !== 'surname' &&
      !PEOPLE_PLURAL.test(last) &&
      !isGivenName(last.replace(/^ال/u, '')) &&
      !runsOn(d);
    if (oneWord && aloneAllowed(last) && !alone.has(last)) alone.set(last, 'repeated:one-word');
    const first = d.words[0]!;
    // Only a foreign name (no word with ال) is called by its first word: an Arab one (صباح الأحمد) by its last.
    const foreign = d.words.every((w) => !w.startsWith('ال'));
    if (d.words.length === 2 && foreign && !KIN.has(first) && aloneAllowed(first) && !alone.has(first))
      alone.set(first, 'repeated:first-word');
  }
  return alone;
}

/** Words of kinship that start a tribe's or a dynasty's name (بني أمية), not a person's. */
const KIN: ReadonlySet<string> = new Set(['بني', 'بنو', 'بنت', 'ابو', 'ابي', 'ام']);

/** A word next to i that may be part of a longer name (not a common word, an article or a function word). */
function nameNeighbour(toks: readonly EntityToken[], i: number): boolean {
  const t = toks[i];
  return !!t && t.arabic && t.t.kind === 'word' && !t.t.stop && !t.definite && !isCommonWord(t.key);
}

/** The word before i ends a compound (حسام الدين لاجين) or names a thing after the person (تأثير زيمان). */
function boundBefore(toks: readonly EntityToken[], i: number): boolean {
  const t = toks[i - 1];
  return !!t && t.t.kind === 'word' && (!surnameAllowed(t.key) || (!t.definite && NAMED_AFTER.has(t.key)));
}

/** The word after a bare noun carries a pronoun, so the noun is in a construct with it (سلامة بلاده). */
function construct(text: string, t: EntityToken, next: EntityToken | undefined): boolean {
  if (!next || !next.arabic || next.t.kind !== 'word' || !joined(text, t, next)) return false;
  // The text as written: the key folds ة into ه.
  return /(?:ه|ها|هم|هما|هن|كم|نا)$/u.test(next.t.text);
}

/** Words standing alone for a person found in the text (aloneNames), at their other mentions. */
function addSurnames(text: string, toks: readonly EntityToken[], drafts: Draft[], taken: Uint8Array): void {
  const endsAt = new Map<number, number>();
  toks.forEach((t, i) => endsAt.set(t.t.end, i));
  const runsOn = (d: Draft): boolean => {
    const i = endsAt.get(d.span.end);
    return i !== undefined && nameNeighbour(toks, i + 1) && joined(text, toks[i], toks[i + 1]);
  };
  const alone = aloneNames(drafts, runsOn);
  if (alone.size === 0) return;
  toks.forEach((t, i) => {
    if (taken[i] || t.t.kind !== 'word' || t.t.stop) return;
    // Part of another chain (ابن طولون, طولون بن ...), not the person's own last name.
    const link = (x: EntityToken | undefined): boolean => !!x && (x.key === 'بن' || x.key === 'ابن');
    if (link(toks[i + 1]) || link(toks[i - 1])) return;
    const span = spanOf(text, t.nameStart, t.t.end);
    const display = readable(span.text, t.restoreArticle);
    const via = alone.get(nameKey(display));
    if (!via) return;
    // راؤول غونزاليس missed in full: its first word alone would be half a name.
    if (via !== 'surname' && (nameNeighbour(toks, i + 1) || nameNeighbour(toks, i - 1) || boundBefore(toks, i))) return;
    // سلامة بلاده, سلامة الأسرة: a first name that is also a noun, here in a construct with the word after it.
    if (via === 'repeated:first-word' && construct(text, t, toks[i + 1])) return;
    drafts.push({ kind: 'person', span, display, words: [nameKey(display)], group: -1, via });
  });
}

/**
 * One spelling, one reading within a text: a name of two words or more found
 * once is found at its other mentions too, unless the text reads it as two
 * kinds. A single word is not spread (الجزيرة the channel, the island, the
 * word): on AQMAR single words spread were right 71% of the time, names of
 * two words or more 100% (README, "Measured").
 */
function consistent(toks: readonly EntityToken[], chosen: Proposal[]): Proposal[] {
  if (!OPERATING_POINT.spread) return chosen;
  const keyOf = (from: number, to: number): string =>
    toks
      .slice(from, to)
      .map((t) => t.key)
      .join(' ');
  const kinds = new Map<string, Set<EntityKind>>();
  for (const p of chosen) {
    const k = keyOf(p.from, p.to);
    kinds.set(k, (kinds.get(k) ?? new Set()).add(p.kind));
  }
  const taken = new Uint8Array(toks.length);
  for (const p of chosen) taken.fill(1, p.title ? Math.min(p.title[0], p.from) : p.from, p.to);
  const spreadable = new Map<string, Proposal>();
  for (const p of chosen) {
    const k = keyOf(p.from, p.to);
    if (kinds.get(k)!.size > 1) continue;
    if (p.to - p.from < 2) continue;
    spreadable.set(k, p);
  }
  const added: Proposal[] = [];
  for (const [k, p] of spreadable) {
    const n = p.to - p.from;
    for (let i = 0; i + n <= toks.length; i++) {
      if (toks[i]!.key !== toks[p.from]!.key || keyOf(i, i + n) !== k) continue;
      if (taken.subarray(i, i + n).some((x) => x === 1)) continue;
      taken.fill(1, i, i + n);
      added.push({
        kind: p.kind,
        from: i,
        to: i + n,
        via: `spread:${p.via ?? ''}`,
        ...(p.whole ? { whole: true } : {}),
      });
    }
  }
  return added.length ? [...chosen, ...added].sort((a, b) => a.from - b.from) : chosen;
}

/** Groups drafts naming one entity; returns each group's key. */
function group(drafts: Draft[]): string[] {
  const keys: string[] = [];
  const coreKeys: string[] = [];
  for (const d of drafts) {
    const core =
      d.kind === 'person'
        ? personCore(d.words).join(' ')
        : d.kind === 'place'
          ? placeKey(d.words.join(' '))
          : d.words.join(' ');
    let g = -1;
    for (let k = 0; k < keys.length && g < 0; k++) {
      if (drafts.find((x) => x.group === k)?.kind !== d.kind) continue;
      if (coreKeys[k] === core) g = k;
      // A bare last name joins the full name it was found from.
      else if (d.kind === 'person' && d.words.length === 1 && coreKeys[k]!.split(' ').pop() === d.words[0]) g = k;
      // A bare given name after a title (الملك سلمان) is the full name given in the same text.
      else if (d.kind === 'person' && d.words.length === 1 && coreKeys[k]!.split(' ')[0] === d.words[0]) g = k;
    }
    if (g < 0) {
      g = keys.length;
      keys.push(core);
      coreKeys.push(core);
    }
    d.group = g;
  }
  return keys;
}

/**
 * Each group's readable name: the fullest spelling (most words), so a person
 * named in full once and by surname after that (مصطفى الكاظمي, then الكاظمي
 * eleven times) is shown by the full name; among spellings of one length the
 * most frequent, then the longer, then the first seen.
 */
function canonicals(drafts: readonly Draft[], groups: number): string[] {
  const out: string[] = [];
  for (let g = 0; g < groups; g++) {
    const counts = new Map<string, { n: number; words: number }>();
    for (const d of drafts) {
      if (d.group !== g) continue;
      const c = counts.get(d.display) ?? { n: 0, words: d.words.length };
      c.n++;
      counts.set(d.display, c);
    }
    let best = '';
    let bestCount = { n: 0, words: 0 };
    for (const [text, c] of counts) {
      const better =
        c.words > bestCount.words ||
        (c.words === bestCount.words && (c.n > bestCount.n || (c.n === bestCount.n && text.length > best.length)));
      if (better) [best, bestCount] = [text, c];
    }
    out.push(best);
  }
  return out;
}

/** A mention with the path that found it, for the bench's per-path scores (not part of the contract). */
export interface TracedMention extends Mention {
  via: string;
  /** The tagger's margin, for its spans. */
  margin?: number;
}

export function extractEntities(text: string, options: ExtractOptions): Mention[] {
  return traceEntities(text, options).map(({ via: _via, margin: _margin, ...m }) => m);
}

export function traceEntities(text: string, options: ExtractOptions): TracedMention[] {
  const toks = entityTokens(text);
  const arabic = options.lang === 'ar' || options.lang.startsWith('ar-');
  const rules = arabic ? arabicProposals(text, toks) : englishProposals(text, toks);
  // The tagger adds what it is sure of; the longest proposal still wins an overlap.
  const reading = arabic && options.learned !== false ? readTagger(text, toks, rules) : null;
  // Per kind: the tagger's places and bodies were wrong more often than its people (README, "Errors").
  const learned = reading
    ? reading.spans.filter(
        (s) => s.margin >= OPERATING_POINT.floors[s.kind] && !(s.kind === 'place' && inEventName(toks, s.from)),
      )
    : [];
  // A name the tagger reads further than the rules (الأمير خالد الفيصل بن عبدالعزيز) keeps the rules' title.
  for (const l of learned) {
    const titled = rules.find((r) => r.kind === l.kind && r.from === l.from && r.title);
    if (titled) l.title = titled.title;
  }
  const chosen = consistent(toks, refineBoundaries(text, toks, resolve([...rules, ...learned])));
  const drafts = chosen.map((p) => draftOf(text, toks, p));
  const taken = new Uint8Array(toks.length);
  for (const p of chosen) taken.fill(1, p.from, p.to);
  for (const p of chosen) if (p.title) taken.fill(1, p.title[0], p.title[1]);
  addSurnames(text, toks, drafts, taken);
  drafts.sort((a, b) => a.span.start - b.span.start);
  const keys = group(drafts);
  // A country is shown by its usual name, whichever of its names an article writes most fully.
  const written = canonicals(drafts, keys.length);
  const names = written.map((name, g) =>
    drafts.find((d) => d.group === g)?.kind === 'place' ? (usualPlaceName(keys[g]!) ?? name) : name,
  );
  return drafts.map((d) => {
    const m: TracedMention = { ...d.span, kind: d.kind, canonical: names[d.group]!, key: keys[d.group]!, via: d.via };
    if (written[d.group] !== names[d.group]) m.written = written[d.group]!;
    if (d.title) m.title = d.title;
    if (d.margin !== undefined) m.margin = d.margin;
    return m;
  });
}

interface Gathered {
  kind: EntityKind;
  key: string;
  counts: Map<string, number>;
  n: number;
  /** Last words of the titles its mentions carry (الملك for خادم الحرمين الشريفين الملك). */
  titles: Set<string>;
}

/**
 * A person known in some texts only by title and given name (الملك سلمان) is
 * the one person named in full elsewhere with that given name and the same
 * title (خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز, not الأمير سلمان بن سلطان).
 * With two such people, or none, the short name stays apart.
 */
function foldTitledGivenNames(gathered: Map<string, Gathered>): void {
  const people = [...gathered.values()].filter((e) => e.kind === 'person' && (e.key.includes(' ') || e.titles.size));
  const gone = foldIntoOneFuller(
    people,
    (short, e) =>
      !short.key.includes(' ') &&
      e.key.includes(' ') &&
      e.key.split(' ')[0] === short.key &&
      [...short.titles].some((t) => e.titles.has(t)),
    (into, short) => {
      for (const [text, count] of short.counts) into.counts.set(text, (into.counts.get(text) ?? 0) + count);
      into.n += short.n;
    },
  );
  for (const short of gone) gathered.delete(`person:${short.key}`);
}

/**
 * Folds each short name into the one fuller name that `isFuller` pairs it
 * with, in order; with two candidates, or none, the short name stays apart (a
 * guess between two people would put one's words in the other's mouth).
 * Returns the names folded away. Used across texts here and by the
 * comparison's ledger, each with its own test of "fuller".
 */
export function foldIntoOneFuller<T>(
  names: readonly T[],
  isFuller: (short: T, candidate: T) => boolean,
  absorb: (into: T, short: T) => void,
): Set<T> {
  const gone = new Set<T>();
  for (const short of names) {
    const fuller = names.filter((e) => e !== short && !gone.has(e) && isFuller(short, e));
    if (fuller.length !== 1) continue;
    absorb(fuller[0]!, short);
    gone.add(short);
  }
  return gone;
}

/**
 * Mentions from many texts gathered by kind and key, each with its spellings
 * (most frequent first); the canonical name is the most frequent spelling of
 * more than one word, if any.
 */
export function groupMentions(mentions: readonly Mention[]): Entity[] {
  const byKey = new Map<string, Gathered>();
  for (const m of mentions) {
    const id = `${m.kind}:${m.key}`;
    const e = byKey.get(id) ?? { kind: m.kind, key: m.key, counts: new Map<string, number>(), n: 0, titles: new Set() };
    e.counts.set(m.canonical, (e.counts.get(m.canonical) ?? 0) + 1);
    e.n++;
    if (m.title) e.titles.add(nameKey(m.title.text).split(' ').pop()!);
    byKey.set(id, e);
  }
  foldTitledGivenNames(byKey);
  return [...byKey.values()].map((e) => {
    const spellings = [...e.counts]
      .map(([text, count]) => ({ text, count }))
      .sort((a, b) => b.count - a.count || b.text.length - a.text.length);
    // A name in full, where one was seen, over a given name folded into it.
    const canonical = (spellings.find((s) => s.text.includes(' ')) ?? spellings[0]!).text;
    return { key: e.key, kind: e.kind, canonical, spellings, mentions: e.n };
  });
}
