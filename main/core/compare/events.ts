/**
 * The event criterion: when two articles, however alike their words, report
 * two events. A headline is read for its frame: who acts (the subject
 * before the verb or the colon, a leader's titles folded to one actor),
 * what kind of act it is (a meeting, a call, a condemnation, a death, a
 * directive ...), the act's object (the other party of a meeting or a call,
 * the executed), and whether it is a report that comes out every day
 * (weather, markets). `differentEvents`
 * is the one test every story decision uses: placement (clusterer.ts) and
 * any pass that merges stories.
 */
import type { AnalyzedToken } from '../text/analyze';
import {
  COUNTERPART_ENDS,
  COUNTERPART_FILLERS,
  COUNTERPART_VERBS,
  EventKind,
  KIND_OF,
  OBJECT_KINDS,
  RECURRING_WORDS,
  ROYAL_FILLERS,
  ROYAL_PHRASES,
  SUBJECT_VERBS,
} from './eventWords';
import { entityConflict, keysApart, templateConflict, type EventKeys, type TemplateIndex } from './templates';

/** A subject longer than this many keys is no subject phrase (the headline has no verb where one was looked for). */
const MAX_SUBJECT = 6;
/**
 * An act's object is the same only when nearly all of what one headline
 * says of it is in the other's lead: the Syrian smuggler executed in Riyadh
 * shares "مهرب" and "الرياض" with the Pakistani executed in Thadiq (الرياض
 * region), not "سوري".
 */
const OBJECT_SHARED = 0.75;
/** Keys of an act's object kept after its word (the rest is the topic). */
const MAX_COUNTERPART = 6;

export interface HeadlineFrame {
  /** Content-key hashes of the headline's subject; empty when it is a leader (see `royal`) or none was found. */
  actor: Uint32Array;
  /** The subject is a speaker quoted after a colon ("المفتي: ..."). */
  speaker: boolean;
  /** 1 the King, 2 the Crown Prince, 3 the Deputy Crown Prince, 0 none of them. */
  royal: number;
  /** Content-key hashes of the act's object: the other party of a meeting or a call, the executed, what is ordered. */
  counterpart: Uint32Array;
  kind: EventKind;
  recurring: boolean;
}

/** "و" written onto the word as a conjunction (ووزير, والبحرين), not a word that begins with و (وزير). */
function hasConjunction(t: AnalyzedToken): boolean {
  return t.norm.startsWith('و') && (t.norm.slice(1) === t.exact || t.norm.slice(3) === t.exact);
}

function isVerb(t: AnalyzedToken): boolean {
  if (t.kind !== 'word') return false;
  if (SUBJECT_VERBS.has(t.exact)) return true;
  return t.exact.startsWith('ي') && t.exact.length >= 4 && !ROYAL_FILLERS.has(t.exact);
}

/** Punctuation between token i - 1 and token i that ends a phrase ("المفتي: ...", "الملك وكارتر.. تأكيد"). */
function breakBefore(title: string, tokens: readonly AnalyzedToken[], i: number): boolean {
  return i > 0 && i < tokens.length && /[:.،؛|«»"-]/u.test(title.slice(tokens[i - 1]!.end, tokens[i]!.start));
}

/** Where the subject ends (0 when it is not found): the first verb, or a colon after a speaker ("المفتي: ..."). */
function subjectEnd(title: string, tokens: readonly AnalyzedToken[]): { end: number; speaker: boolean } {
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && title.slice(tokens[i - 1]!.end, tokens[i]!.start).includes(':')) return { end: i, speaker: true };
    if (isVerb(tokens[i]!)) return { end: i, speaker: false };
  }
  return { end: 0, speaker: false };
}

/**
 * The leader a headline opens with, and where the words after his titles
 * begin; royal 0 when the subject is someone else. A headline without a
 * verb names a leader too when punctuation or "و" follows his titles
 * ("الملك وكارتر.. تأكيد أميركي ...").
 */
function royalOf(title: string, tokens: readonly AnalyzedToken[], end: number): { royal: number; rest: number } {
  const limit = end > 0 ? end : tokens.length;
  for (const phrase of ROYAL_PHRASES) {
    if (phrase.keys.length > limit) continue;
    if (!phrase.keys.every((k, i) => tokens[i]!.exact === k)) continue;
    let i = phrase.keys.length;
    while (i < limit && ROYAL_FILLERS.has(tokens[i]!.exact) && !breakBefore(title, tokens, i)) i++;
    // "الملك ووزير الدفاع الأمريكي يستعرضان": the leader and the other party.
    if (i === end || (i < limit && (hasConjunction(tokens[i]!) || breakBefore(title, tokens, i)))) {
      return { royal: phrase.royal, rest: i };
    }
    return { royal: 0, rest: 0 };
  }
  return { royal: 0, rest: 0 };
}

/** Content keys from token `from` until a break, token `to` or `max` keys. */
function keysFrom(
  title: string,
  tokens: readonly AnalyzedToken[],
  keys: readonly (number | null)[],
  from: number,
  to: number,
): number[] {
  const out: number[] = [];
  for (let i = from; i < to && out.length < MAX_COUNTERPART; i++) {
    if (i > from && breakBefore(title, tokens, i)) break;
    if (COUNTERPART_ENDS.has(tokens[i]!.exact)) break;
    if (keys[i] != null) out.push(keys[i]!);
  }
  return out;
}

/**
 * The act's object: the other party after a meeting's or a call's verb
 * ("يتلقى اتصالاً هاتفياً من رئيس الجمهورية اليمنية"), the executed after
 * "القتل تعزيراً", what a directive orders.
 */
function objectAfter(
  title: string,
  tokens: readonly AnalyzedToken[],
  keys: readonly (number | null)[],
  from: number,
): number[] {
  let i = from;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (COUNTERPART_VERBS.has(t.exact) || OBJECT_KINDS.has(KIND_OF.get(t.exact) ?? EventKind.None)) break;
    i++;
  }
  if (i === tokens.length) return [];
  i++;
  // "تنفيذ حكم القصاص تعزيراً في مهرب ...": the act's other words and a preposition come before its object.
  const lead = (t: AnalyzedToken): boolean =>
    COUNTERPART_FILLERS.has(t.exact) || KIND_OF.has(t.exact) || COUNTERPART_ENDS.has(t.exact);
  while (i < tokens.length && (lead(tokens[i]!) || keys[i] == null)) i++;
  return keysFrom(title, tokens, keys, i, tokens.length);
}

/**
 * The frame of a headline. `keys` are the tokens' content-key hashes as the
 * story signature counts them (null for a token it skips).
 */
export function headlineFrame(
  title: string,
  tokens: readonly AnalyzedToken[],
  keys: readonly (number | null)[],
): HeadlineFrame {
  let kind: EventKind = EventKind.None;
  let recurring = false;
  for (const t of tokens) {
    if (kind === EventKind.None) kind = KIND_OF.get(t.exact) ?? EventKind.None;
    if (RECURRING_WORDS.has(t.exact)) recurring = true;
  }
  const { end, speaker } = subjectEnd(title, tokens);
  const { royal, rest } = royalOf(title, tokens, end);
  let actor: number[] = [];
  let counterpart = OBJECT_KINDS.has(kind) ? objectAfter(title, tokens, keys, royal !== 0 ? rest : end) : [];
  if (royal !== 0) {
    if (counterpart.length === 0 && rest < tokens.length && hasConjunction(tokens[rest]!)) {
      counterpart = keysFrom(title, tokens, keys, rest, end > 0 ? end : tokens.length);
    }
  } else {
    for (let i = 0; i < end; i++) if (keys[i] != null) actor.push(keys[i]!);
    if (actor.length > MAX_SUBJECT) actor = [];
  }
  return {
    actor: Uint32Array.from(actor),
    speaker: speaker && actor.length > 0,
    royal,
    counterpart: Uint32Array.from(counterpart),
    kind,
    recurring,
  };
}

/** What differentEvents needs of an article: its event keys, every content key of it (sorted), its day. */
export interface EventArticle {
  event: EventKeys;
  terms: Uint32Array;
  /** Days since 1970-01-01. */
  day: number;
}

/** Why two articles are two events. */
export type EventVeto = 'template' | 'recurring' | 'kind' | 'actor' | 'counterpart' | 'entities';

/**
 * Why two articles report two events, or null when nothing says they do.
 * With `templates`, items of one template with different slots (templates.ts)
 * are two events too. Symmetric, pure.
 */
export function differentEvents(a: EventArticle, b: EventArticle, templates?: TemplateIndex): EventVeto | null {
  const ea = a.event;
  const eb = b.event;
  if (templates && templateConflict(templates, ea, eb, a.terms, b.terms)) return 'template';
  // Each day's weather or market report is that day's: the same words a day later are another report.
  if (ea.recurring && eb.recurring && a.day !== b.day) return 'recurring';
  // The day's forecast is one report; what one city saw that day (a dust storm over Riyadh) is another.
  if (ea.recurring && eb.recurring && ea.forecast !== eb.forecast) return 'recurring';
  if (ea.kind !== EventKind.None && eb.kind !== EventKind.None && ea.kind !== eb.kind) return 'kind';
  if (ea.royal !== 0 && eb.royal !== 0 && ea.royal !== eb.royal) return 'actor';
  // Subjects and other parties are looked up in the other article's headline and lead: a body
  // mentions many parties (a roundup of reactions, the King's greetings in a prince's meeting).
  // Two quoted speakers are one only when each lead names the other (the Mufti's statement names the council he
  // heads, the council's does not name him); a subject of a verb is one when either lead names the other's
  // ("الداخلية السعودية تكشف" / "وزارة الداخلية تكشف").
  if (keysApart(ea.actor, eb.actor, ea.lead, eb.lead, undefined, ea.speaker && eb.speaker)) return 'actor';
  if (keysApart(ea.counterpart, eb.counterpart, ea.lead, eb.lead, OBJECT_SHARED)) return 'counterpart';
  return entityConflict(ea, eb, a.terms, b.terms) ? 'entities' : null;
}

/**
 * A story's core needs this many keys before it can tell a newcomer off: a
 * story of two short wire copies has too few words in common to judge by.
 */
const MIN_CORE = 10;
/** Below this share of the core in its headline and lead, an article reports something else than the story. */
const CORE_SHARED = 0.3;

/**
 * The story's core: the keys that more than half of its members carry in
 * headline and lead (what every outlet's first lines say of the event).
 * Null when fewer than two members have event keys.
 */
export function storyCore(members: readonly (EventKeys | undefined)[]): Set<number> | null {
  const counts = new Map<number, number>();
  let n = 0;
  for (const m of members) {
    if (m === undefined) continue;
    n++;
    for (const k of m.lead) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  if (n < 2) return null;
  const core = new Set<number>();
  for (const [k, c] of counts) if (c * 2 > n) core.add(k);
  return core;
}

/**
 * An article whose headline and lead both miss the story's core reports
 * another event, however close its body reads: a print roundup that opens on
 * one item and carries the story further down ("معاملة شهداء الإمارات
 * بنظرائهم السعوديين" in the sixth relief plane's story), an editorial
 * ("تأهيل اليمن"), a day's weather observed beside the day's forecast. The
 * headline misses the core when fewer than 2 of its keys or under 30% of
 * them are in it; the lead when it holds under 30% of the core. A headline
 * in other words over a wire lead (the fake dollars thrown at Blatter over
 * the election date) keeps its place by its lead.
 */
export function offStoryCore(core: ReadonlySet<number> | null, article: EventKeys): boolean {
  if (core === null || core.size < MIN_CORE) return false;
  const title = new Set(article.title);
  if (title.size === 0) return false;
  let inTitle = 0;
  for (const k of title) if (core.has(k)) inTitle++;
  if (inTitle >= 2 && inTitle >= CORE_SHARED * title.size) return false;
  let inLead = 0;
  for (const k of article.lead) if (core.has(k)) inLead++;
  return inLead < CORE_SHARED * core.size;
}
