/** People, places and organisations of one article, from offices, speakers, word lists and heads. */
import type { AnalyzedToken } from '../text/analyze';
import {
  NAME_LINKS,
  ORGANISATION_HEADS,
  ORGANISATIONS,
  PHRASE_STOPS,
  PLACE_HEADS,
  PLACES,
  type Phrase,
  SPEECH_VERBS,
  TITLE_HEADS,
  TITLE_QUALIFIERS,
} from './lexicon';
import type { PreparedText } from './prepare';
import type { EntityFact, EntityKind, FactOptions, QuoteFact, Span } from './factTypes';
import {
  COMMA,
  gap,
  isArabicWord,
  isDefinite,
  isLatinCapital,
  isPrepositionalNoun,
  key,
  keyIn,
  looksLikeApposition,
  matchPhrase,
  startsWithConjunction,
  titleLength,
  tokenAt,
} from './factTokens';

/** A person's name after an office: first token not definite, then up to one more (two after عبد/أبو/بن). */
function nameAfterTitle(p: PreparedText, from: number, to: number, surnames: ReadonlySet<string>): number {
  const first = p.tokens[from];
  if (!first || first.kind !== 'word' || first.stop || PHRASE_STOPS.has(key(first)) || SPEECH_VERBS.has(key(first)))
    return 0;
  if (TITLE_HEADS.has(key(first)) || TITLE_QUALIFIERS.has(key(first))) return 0;
  if (isArabicWord(first) && (isDefinite(first) || startsWithConjunction(first)) && !surnames.has(key(first))) return 0;
  if (!isArabicWord(first) && !isLatinCapital(first)) return 0;
  // "لسنوات الموازنة": a preposition on a word followed by a definite one is a phrase, not a name.
  const second = p.tokens[from + 1];
  if (
    isArabicWord(first) &&
    /^[بل]/u.test(first.norm) &&
    ((second && isDefinite(second)) || isPrepositionalNoun(first))
  )
    return 0;
  let n = 1;
  let max = NAME_LINKS.has(key(first)) ? 3 : 2;
  while (from + n < to && n < max) {
    // Names may be hyphenated after a particle (al-Kadhimi), nothing else.
    const g = gap(p, from + n - 1);
    if (/[^\s]/u.test(g) && !(g === '-' && NAME_LINKS.has(key(p.tokens[from + n - 1]!)))) break;
    const t = p.tokens[from + n]!;
    const k = key(t);
    if (t.kind !== 'word' || t.stop || PHRASE_STOPS.has(k) || SPEECH_VERBS.has(k) || TITLE_HEADS.has(k)) break;
    if (!isArabicWord(t) && !isLatinCapital(t) && !NAME_LINKS.has(k)) break;
    // "فيصل وسمنان": the conjunction starts a new item, not a surname.
    if (startsWithConjunction(t)) break;
    if (matchPhrase(p, from + n, PLACES, to) && !surnames.has(k)) break;
    if (isPrepositionalNoun(t)) break;
    if (NAME_LINKS.has(k)) max = Math.max(max, n + 2);
    n++;
  }
  return n;
}

interface EntityBuilder {
  kind: EntityKind;
  name: string;
  key: string;
  mentions: Span[];
}

function keyOfSpan(p: PreparedText, from: number, to: number): string {
  const keys: string[] = [];
  for (let i = from; i < to; i++) keys.push(key(p.tokens[i]!));
  return keys.join(' ');
}

/** Starts with the conjunction و before the article (والحساسيات): a new item of a list begins. */
function isConjoined(t: AnalyzedToken): boolean {
  return isArabicWord(t) && /^و(?:ال|بال|لل)/u.test(t.norm);
}

/** How a listed name is shown: Arabic as listed (without the و or ب written on it), Latin as the text capitalises it. */
function listedName(p: PreparedText, i: number, phrase: Phrase): string {
  if (!/[a-z]/u.test(phrase.text)) return phrase.text;
  return p.text.slice(p.tokens[i]!.start, p.tokens[i + phrase.keys.length - 1]!.end);
}

class EntityTable {
  private readonly byId = new Map<string, EntityBuilder>();

  constructor(private readonly p: PreparedText) {}

  add(kind: EntityKind, from: number, to: number, canonical?: { name: string; key: string }): void {
    const toks = this.p.tokens;
    const k = canonical?.key ?? keyOfSpan(this.p, from, to);
    if (!k) return;
    const span = { start: toks[from]!.start, end: toks[to - 1]!.end };
    const id = `${kind}:${k}`;
    const e = this.byId.get(id) ?? {
      kind,
      name: canonical?.name ?? this.p.text.slice(span.start, span.end),
      key: k,
      mentions: [],
    };
    if (!e.mentions.some((m) => m.start < span.end && span.start < m.end)) e.mentions.push(span);
    this.byId.set(id, e);
  }

  covers(offset: number): boolean {
    for (const e of this.byId.values()) if (e.mentions.some((m) => offset >= m.start && offset < m.end)) return true;
    return false;
  }

  people(): EntityBuilder[] {
    return [...this.byId.values()].filter((e) => e.kind === 'person');
  }

  /** A one-word person ("بايدن") that is the surname of a fuller one ("جو بايدن") is that person. */
  mergeSurnames(): void {
    const people = this.people();
    for (const short of people) {
      if (short.key.includes(' ')) continue;
      const full = people.find((e) => e !== short && e.key.split(' ').pop() === short.key);
      if (!full) continue;
      for (const m of short.mentions)
        if (!full.mentions.some((x) => x.start < m.end && m.start < x.end)) full.mentions.push(m);
      this.byId.delete(`person:${short.key}`);
    }
  }

  list(): EntityFact[] {
    return [...this.byId.values()]
      .map((e) => ({ ...e, mentions: e.mentions.sort((a, b) => a.start - b.start) }))
      .sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
  }
}

export function findEntities(
  p: PreparedText,
  quotes: readonly QuoteFact[],
  nameQuotes: readonly Span[],
  known: FactOptions['knownPeople'],
): EntityFact[] {
  const table = new EntityTable(p);
  const toks = p.tokens;
  const n = toks.length;
  // Tokens inside an office ("رئيس مجلس الوزراء"): not read again as a body or a place.
  const inTitle = new Uint8Array(n);

  // People: offices before names (twice: surnames found the first time let
  // "رئيس الوزراء الكاظمي" be read the second), then the speakers' names.
  const surnames = new Set<string>();
  for (let pass = 0; pass < 2; pass++) {
    for (const s of p.sentences) {
      for (let i = s.tokenStart; i < s.tokenEnd; i++) {
        const title = titleLength(p, i, s.tokenEnd);
        if (title === 0) continue;
        inTitle.fill(1, i, i + title);
        const from = i + title;
        i = from - 1;
        if (from >= s.tokenEnd) continue;
        // "الرئيس الأميركي، جو بايدن،": the name after the comma.
        if (COMMA.test(gap(p, from - 1))) {
          if (!looksLikeApposition(p, from, s.tokenEnd)) continue;
        } else if (/[^\s]/u.test(gap(p, from - 1))) continue;
        const len = nameAfterTitle(p, from, s.tokenEnd, surnames);
        if (len === 0) continue;
        table.add('person', from, from + len);
        surnames.add(key(toks[from + len - 1]!));
        i = from + len - 1;
      }
    }
  }
  for (const q of quotes) {
    if (!q.speakerSpan || !q.speakerName) continue;
    const at = p.text.indexOf(q.speakerName, q.speakerSpan.start);
    if (at < 0) continue;
    const a = tokenAt(p, at);
    let b = a;
    while (b < n && toks[b]!.end <= at + q.speakerName.length) b++;
    // A speaker that is only an office ("المسؤول") names nobody.
    if (
      b > a &&
      b - a <= 4 &&
      !TITLE_HEADS.has(key(toks[a]!)) &&
      toks.slice(a, b).every((t) => t.kind === 'word' && !t.stop)
    ) {
      table.add('person', a, b);
      surnames.add(key(toks[b - 1]!));
    }
  }
  table.mergeSurnames();

  // Bare surnames and full names of people found above or in the other compared articles.
  const people = table.people().map((e) => ({ name: e.name, key: e.key }));
  for (const k of known ?? []) if (!people.some((x) => x.key === k.key)) people.push(k);
  const bySurname = new Map<string, { name: string; key: string }>();
  for (const person of people) {
    const last = person.key.split(' ').pop()!;
    const prev = bySurname.get(last);
    if (last.length >= 3 && (!prev || prev.key.length < person.key.length)) bySurname.set(last, person);
  }
  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    if (t.kind !== 'word' || t.stop) continue;
    const person = bySurname.get(key(t));
    if (!person) continue;
    const parts = person.key.split(' ').length;
    const from = i - parts + 1 >= 0 && keyOfSpan(p, i - parts + 1, i + 1) === person.key ? i - parts + 1 : i;
    table.add('person', from, i + 1, person);
  }

  // Bodies and places: word lists first, then heads (وزارة الدفاع, مدينة النجف).
  for (const s of p.sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const org = matchPhrase(p, i, ORGANISATIONS, s.tokenEnd);
      if (org) {
        table.add('organisation', i, i + org.keys.length, { name: listedName(p, i, org), key: org.keys.join(' ') });
        i += org.keys.length - 1;
        continue;
      }
      const place = matchPhrase(p, i, PLACES, s.tokenEnd);
      if (place) {
        table.add('place', i, i + place.keys.length, { name: listedName(p, i, place), key: place.keys.join(' ') });
        i += place.keys.length - 1;
        continue;
      }
      if (inTitle[i] || i + 1 >= s.tokenEnd || /[^\s]/u.test(gap(p, i))) continue;
      const t = toks[i]!;
      if (keyIn(t, ORGANISATION_HEADS)) {
        // The head and its definite complements: وزارة الدفاع الأميركية.
        let j = i + 1;
        while (j < s.tokenEnd && j - i <= 3) {
          const c = toks[j]!;
          if (
            c.kind !== 'word' ||
            c.stop ||
            isConjoined(c) ||
            PHRASE_STOPS.has(key(c)) ||
            !(isDefinite(c) || isLatinCapital(c))
          )
            break;
          j++;
          if (/[^\s]/u.test(gap(p, j - 1))) break;
        }
        if (j > i + 1) {
          const stripped = !ORGANISATION_HEADS.has(key(t));
          const name = p.text.slice(t.start + (stripped ? 1 : 0), toks[j - 1]!.end);
          const k = [stripped ? key(t).slice(1) : key(t), ...toks.slice(i + 1, j).map(key)].join(' ');
          table.add('organisation', i, j, { name, key: k });
          i = j - 1;
        }
      } else if (keyIn(t, PLACE_HEADS) && !isDefinite(t)) {
        // مدينة النجف: the next word names the place, unless it is an adjective
        // (العاصمة الأميركية واشنطن) or a listed place the lists above will find.
        let j = i + 1;
        if (TITLE_QUALIFIERS.has(key(toks[j]!))) j++;
        const c = toks[j];
        if (
          !c ||
          j >= s.tokenEnd ||
          c.kind !== 'word' ||
          c.stop ||
          startsWithConjunction(c) ||
          PHRASE_STOPS.has(key(c)) ||
          matchPhrase(p, j, PLACES, s.tokenEnd)
        )
          continue;
        if (/[^\s]/u.test(gap(p, j - 1))) continue;
        table.add('place', j, j + 1);
        i = j;
      }
    }
  }
  for (const q of nameQuotes) {
    const a = tokenAt(p, q.start);
    let b = a;
    while (b < n && toks[b]!.end <= q.end) b++;
    if (b > a) table.add('organisation', a, b);
  }
  // English names: runs of two or more capitalised words, not at a sentence start.
  for (const s of p.sentences) {
    for (let i = s.tokenStart + 1; i < s.tokenEnd; i++) {
      const t = toks[i]!;
      if (
        t.kind !== 'word' ||
        !isLatinCapital(t) ||
        TITLE_HEADS.has(key(t)) ||
        TITLE_QUALIFIERS.has(key(t)) ||
        table.covers(t.start)
      )
        continue;
      let j = i + 1;
      while (
        j < s.tokenEnd &&
        toks[j]!.kind === 'word' &&
        (isLatinCapital(toks[j]!) || NAME_LINKS.has(key(toks[j]!))) &&
        !/[^\s]/u.test(gap(p, j - 1)) &&
        j - i < 4
      )
        j++;
      if (j - i >= 2) {
        table.add('person', i, j);
        i = j - 1;
      }
    }
  }
  return table.list();
}
