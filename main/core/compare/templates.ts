/**
 * Templates: headlines that many articles share word for word except for
 * one slot ("مكتبة الملك عبدالعزيز العامة تعايد منسوبيها", "محكمة الاستئناف
 * بالرياض تعايد منسوبيها", ... — 37 Eid greetings of 37 institutions). Their
 * bodies are boilerplate too, so word similarity alone makes them one
 * "story". Here the slot decides: two items of one template whose slot
 * values differ are never one story, however alike the rest reads.
 *
 * A headline is its content keys in order (features.ts). Two headlines
 * share a frame when they have a common prefix and/or suffix of at least
 * two keys around a non-empty slot on each side. The frame is a template
 * when at least `minTemplateCount` headlines of the run carry it. The slot
 * values differ when neither slot's keys are mostly found in the other
 * article (its headline and text; its lead when that is all there is): two outlets naming one institution in other
 * words (محكمة استئناف الرياض / محكمة الاستئناف بالرياض) share their keys,
 * while a ministry's greeting never names the library's.
 */
import { EventKind } from './eventWords';

/** Keys of a frame's prefix and of its suffix that are counted (longer ones count by their outer keys). */
const MAX_SIDE = 4;
/** A frame is at least this many keys (a shared one-word head is not a template). */
const MIN_FRAME = 2;
/**
 * A frame that is only the headline's first words needs more: headlines
 * start with their subject, and a shared name ("wes welker ...", "jennifer
 * love hewitt ...") is one topic's, not a template. Such a frame must be
 * three keys or more and longer than either slot ("خادم الحرمين يتلقى
 * اتصالا هاتفيا من [رئيس ...]").
 */
const MIN_PREFIX_FRAME = 3;
/** A slot counts as named in the other article when this share of its keys is there. */
const SLOT_SHARED = 0.5;

export interface EventKeys {
  /** Content-key hashes of the headline, in order. */
  title: Uint32Array;
  /** Content-key hashes of the headline and the lead (first sentences), ascending, unique. */
  lead: Uint32Array;
  /** The places the headline names, each as its content-key hashes. */
  places: Uint32Array[];
  /** The people the headline names, each as its content-key hashes. */
  people: Uint32Array[];
  /** The numbers and ordinals of the headline ("#3" for 3, الثالثة, third), hashed, ascending. */
  numbers: Uint32Array;
  /** The headline numbers an instance of a series by an ordinal word (الرابعة, third). */
  ordinal: boolean;
  /** The days of the month the headline dates by (26 in "26 فبراير", "Feb 26"; 10 to 31), hashed as numbers. */
  days: Uint32Array;
  /** The headline's subject, unless it is a leader (`royal`); see events.ts. */
  actor: Uint32Array;
  /** The subject is a speaker quoted after a colon. */
  speaker: boolean;
  /** 1 the King, 2 the Crown Prince, 3 the Deputy Crown Prince, 0 none of them. */
  royal: number;
  /** The act's object: the other party of a meeting or a call, the executed, what is ordered. */
  counterpart: Uint32Array;
  kind: EventKind;
  /** A report that comes out every day (weather, markets). */
  recurring: boolean;
  /** A recurring report whose headline or lead forecasts (the day's weather forecast, not a storm seen in one city). */
  forecast: boolean;
  /** The names headline and lead write as names (capitalized inside a sentence; scripts with case only), ascending. */
  names: Uint32Array;
}

function frameHash(title: Uint32Array, prefix: number, suffix: number): number {
  let h = 0x811c9dc5;
  const mix = (v: number): void => {
    h ^= v;
    h = Math.imul(h, 0x01000193);
  };
  mix(prefix);
  mix(suffix);
  for (let i = 0; i < prefix; i++) mix(title[i]!);
  for (let i = title.length - suffix; i < title.length; i++) mix(title[i]!);
  return (h ^ (h >>> 30)) & 0x3fffffff;
}

/** Every frame a headline carries: each prefix and suffix length up to MAX_SIDE around a non-empty slot. */
export function framesOf(title: Uint32Array): number[] {
  const out: number[] = [];
  const n = title.length;
  for (let p = 0; p <= MAX_SIDE; p++) {
    for (let s = 0; s <= MAX_SIDE; s++) {
      if (p + s < (s === 0 ? MIN_PREFIX_FRAME : MIN_FRAME) || p + s >= n) continue;
      out.push(frameHash(title, p, s));
    }
  }
  return out;
}

/** A frame of a headline: its hash, the keys before and after the slot, and how many headlines of the run carry it. */
export interface TemplateFrame {
  frame: number;
  prefix: number;
  suffix: number;
  count: number;
}

/**
 * How many headlines of a run carry each frame, kept only for frames that reach `minTemplateCount` (no lookup asks
 * about fewer). Headlines are added first, then looked up: the first lookup sorts every frame added (each headline's
 * once) and keeps the runs long enough, so the index holds 4 bytes a frame while counting and then only the templates.
 * A Map of every frame cost an entry for each of ~14 frames a headline (405,937 frames for 29,848 SaudiNewsNet
 * headlines, 9,566 of them templates), and a Map holds at most 2^24 entries: about 1.2M headlines.
 */
export class TemplateIndex {
  private added: Uint32Array | null = new Uint32Array(1024);
  private addedLength = 0;
  /** After the first lookup: the frames carried by `minTemplateCount` headlines or more, ascending, and their counts. */
  private frames = new Uint32Array(0);
  private counts = new Uint32Array(0);

  constructor(readonly minTemplateCount = 3) {}

  add(title: Uint32Array): void {
    if (!this.added) throw new Error('TemplateIndex: a headline was added after the index was first read');
    const frames = framesOf(title).sort((a, b) => a - b);
    if (this.addedLength + frames.length > this.added.length) {
      const grown = new Uint32Array(Math.max(this.added.length * 2, this.addedLength + frames.length));
      grown.set(this.added.subarray(0, this.addedLength));
      this.added = grown;
    }
    for (let k = 0; k < frames.length; k++)
      if (k === 0 || frames[k] !== frames[k - 1]) this.added[this.addedLength++] = frames[k]!;
  }

  /** Counts the frames added, keeping those of templates. */
  private seal(): void {
    if (!this.added) return;
    const all = this.added.subarray(0, this.addedLength).sort();
    this.added = null;
    const frames: number[] = [];
    const counts: number[] = [];
    for (let start = 0; start < all.length;) {
      let end = start + 1;
      while (end < all.length && all[end] === all[start]) end++;
      if (end - start >= this.minTemplateCount) {
        frames.push(all[start]!);
        counts.push(end - start);
      }
      start = end;
    }
    this.frames = Uint32Array.from(frames);
    this.counts = Uint32Array.from(counts);
  }

  /** Headlines carrying a frame, if they reach `minTemplateCount`; else 0. */
  private frameCount(frame: number): number {
    this.seal();
    const at = lowerBound(this.frames, frame);
    return this.frames[at] === frame ? this.counts[at]! : 0;
  }

  /** Headlines carrying this frame of `title`, if they reach `minTemplateCount`; else 0. */
  count(title: Uint32Array, prefix: number, suffix: number): number {
    return this.frameCount(frameHash(title, prefix, suffix));
  }

  /**
   * The templates a headline is an item of: every frame of it that enough headlines of the run carry, with its
   * prefix and suffix lengths and how many headlines carry it. A prefix-only frame must be longer than its slot.
   */
  templatesOf(title: Uint32Array): TemplateFrame[] {
    const out: TemplateFrame[] = [];
    const n = title.length;
    for (let p = 0; p <= MAX_SIDE; p++) {
      for (let s = 0; s <= MAX_SIDE; s++) {
        if (p + s < (s === 0 ? MIN_PREFIX_FRAME : MIN_FRAME) || p + s >= n) continue;
        if (s === 0 && p <= n - p) continue;
        const frame = frameHash(title, p, s);
        const count = this.frameCount(frame);
        if (count > 0) out.push({ frame, prefix: p, suffix: s, count });
      }
    }
    return out;
  }

  /**
   * The template two headlines share, with their two slots, or null. The
   * frame is the longest common prefix and suffix (each counted up to
   * MAX_SIDE keys, as framesOf does).
   */
  sharedTemplate(a: Uint32Array, b: Uint32Array): { slotA: Uint32Array; slotB: Uint32Array } | null {
    const n = Math.min(a.length, b.length);
    let p = 0;
    while (p < n && a[p] === b[p]) p++;
    let s = 0;
    while (s < n - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
    if (p === a.length && p === b.length) return null; // the same headline: no slot
    const slotA = a.subarray(p, a.length - s);
    const slotB = b.subarray(p, b.length - s);
    if (slotA.length === 0 || slotB.length === 0) return null;
    const pc = Math.min(p, MAX_SIDE);
    const sc = Math.min(s, MAX_SIDE);
    if (pc + sc < (sc === 0 ? MIN_PREFIX_FRAME : MIN_FRAME)) return null;
    if (s === 0 && (p <= slotA.length || p <= slotB.length)) return null;
    if (this.count(a, pc, sc) < this.minTemplateCount) return null;
    return { slotA, slotB };
  }
}

function mostlyIn(slot: Uint32Array, sortedKeys: Uint32Array, share = SLOT_SHARED): boolean {
  let found = 0;
  for (const k of slot) if (binaryHas(sortedKeys, k)) found++;
  return found > share * slot.length;
}

function binaryHas(sorted: Uint32Array, key: number): boolean {
  return sorted[lowerBound(sorted, key)] === key;
}

/** The first index of `sorted` whose key is not below `key` (its length if none). */
function lowerBound(sorted: Uint32Array, key: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * True when the two articles are items of one template with different slot
 * values: the headlines share a frame that enough headlines carry, and
 * neither slot is named in the other article (`termsA`/`termsB`: every
 * content key of each, sorted; their leads by default).
 */
export function templateConflict(
  index: TemplateIndex,
  a: EventKeys,
  b: EventKeys,
  termsA: Uint32Array = a.lead,
  termsB: Uint32Array = b.lead,
): boolean {
  const shared = index.sharedTemplate(a.title, b.title);
  if (!shared) return false;
  return keysApart(shared.slotA, shared.slotB, termsA, termsB);
}

/**
 * Two phrases (a template's slots, two subjects, two other parties) name
 * different things: what one says and the other does not (ministry of
 * *social affairs* / of the *interior*) is in neither other article
 * (`termsA`/`termsB`: sorted content keys). Empty phrases are never apart.
 * `mutual`: apart unless each is named in the other article (two speakers:
 * the Mufti's statement names the council he heads, the council's does not
 * name him).
 */
export function keysApart(
  x: Uint32Array,
  y: Uint32Array,
  termsA: Uint32Array,
  termsB: Uint32Array,
  share = SLOT_SHARED,
  mutual = false,
): boolean {
  if (x.length === 0 || y.length === 0) return false;
  const onlyA = x.filter((k) => !y.includes(k));
  const onlyB = y.filter((k) => !x.includes(k));
  if (onlyA.length === 0 || onlyB.length === 0) return false;
  const aInB = mostlyIn(onlyA, termsB, share);
  const bInA = mostlyIn(onlyB, termsA, share);
  return mutual ? !(aInB && bInA) : !aInB && !bInA;
}

/**
 * Two articles whose headlines name people of which neither article names
 * any of the other's, or numbers likewise: not one event ("استشهاد الرقيب
 * ماجد السبيعي ... نجران" / "استشهاد الجندي أول يحيى الشامري ... جازان").
 */
export function entityConflict(a: EventKeys, b: EventKeys, termsA: Uint32Array, termsB: Uint32Array): boolean {
  const apart = (x: Uint32Array[], y: Uint32Array[]): boolean =>
    x.length > 0 &&
    y.length > 0 &&
    !x.some((e) => e.length > 0 && mostlyIn(e, termsB)) &&
    !y.some((e) => e.length > 0 && mostlyIn(e, termsA));
  // Places alone do not decide: a capital stands for its country (واشنطن / أميركا) and no list folds them yet.
  return apart(a.people, b.people) || numbersApart(a, b, termsA, termsB);
}

/**
 * Headlines with numbers of which none is in the other article: another
 * plane, another day's count ("وصول الطائرة الإغاثية الثالثة" / "وصول ثاني
 * طائرة"; "تصحيح أوضاع 354 ألف" / "363 ألف"). When only one headline has
 * numbers, see `oneSidedNumbers`.
 */
function numbersApart(a: EventKeys, b: EventKeys, termsA: Uint32Array, termsB: Uint32Array): boolean {
  if (a.numbers.length === 0) return oneSidedNumbers(b, a, termsA);
  if (b.numbers.length === 0) return oneSidedNumbers(a, b, termsB);
  for (const n of a.numbers) if (binaryHas(b.numbers, n) || binaryHas(termsB, n)) return false;
  for (const n of b.numbers) if (binaryHas(termsA, n)) return false;
  return true;
}

/**
 * One headline has numbers, the other none (`other`, with every content key
 * of its article in `otherTerms`). Two events when the headline
 * - numbers the act with an ordinal that picks one of a series ("الطائرة
 *   الإغاثية الرابعة") and both headlines report the same kind of act: an
 *   arrival headlined without the series' number is another arrival (the
 *   plane carrying the vice-president, whose lead recalls the fourth relief
 *   plane). Ordinals are not looked for in the other body: its signature
 *   leaves them out, and a report of another act often recalls the last one;
 * - dates the event ("انتخابات رئاسة الفيفا في 26 فبراير") and the other
 *   article gives that day nowhere (the candidate weighing a run). Counts
 *   do not decide so: an outlet headlines a count the others write in words
 *   or leave out ("تخريج 63 مستفيدا" / "تخريج دورتين"; three one-event stories
 *   of the 50 largest split when every number of two digits did).
 */
function oneSidedNumbers(numbered: EventKeys, other: EventKeys, otherTerms: Uint32Array): boolean {
  if (numbered.ordinal && numbered.kind !== EventKind.None && numbered.kind === other.kind) return true;
  return numbered.days.length > 0 && !anyIn(numbered.days, otherTerms);
}

/** True when any of `keys` is in `sortedTerms`. */
export function anyIn(keys: Uint32Array, sortedTerms: Uint32Array): boolean {
  return keys.some((k) => binaryHas(sortedTerms, k));
}

/**
 * Packs event keys as little-endian uint32s: headline length, lead length,
 * place and person counts, each place's and person's length, then the keys;
 * then the frame: royal | kind << 4 | recurring << 8 | speaker << 9 | forecast << 10 | ordinal << 11, the lengths of
 * the subject, the other party and the dated days, then their keys; then the names' length and keys (keys packed
 * before the frame unpack with an empty one; FEATURE_VERSION 7 added the names, so older ones are recomputed).
 */
export function packEventKeys(e: EventKeys): Buffer {
  const groups = [...e.places, ...e.people, e.numbers];
  const words = [e.title.length, e.lead.length, e.places.length, e.people.length, ...groups.map((g) => g.length)];
  for (const part of [e.title, e.lead, ...groups]) for (const k of part) words.push(k);
  words.push(
    e.royal |
      (e.kind << 4) |
      (e.recurring ? 1 << 8 : 0) |
      (e.speaker ? 1 << 9 : 0) |
      (e.forecast ? 1 << 10 : 0) |
      (e.ordinal ? 1 << 11 : 0),
    e.actor.length,
    e.counterpart.length,
    e.days.length,
  );
  for (const part of [e.actor, e.counterpart, e.days]) for (const k of part) words.push(k);
  words.push(e.names.length, ...e.names);
  const buf = Buffer.allocUnsafe(4 * words.length);
  words.forEach((w, i) => buf.writeUInt32LE(w >>> 0, 4 * i));
  return buf;
}

export function unpackEventKeys(buf: Uint8Array | null | undefined): EventKeys {
  const none: Uint32Array = new Uint32Array(0);
  const noFrame = {
    actor: none,
    speaker: false,
    royal: 0,
    counterpart: none,
    kind: 0 as EventKind,
    recurring: false,
    forecast: false,
    ordinal: false,
    days: none,
    names: none,
  };
  const empty = { title: none, lead: none, places: [], people: [], numbers: none, ...noFrame };
  if (!buf || buf.length < 20) return empty;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const all = new Uint32Array(buf.length / 4);
  for (let i = 0; i < all.length; i++) all[i] = view.getUint32(4 * i, true);
  const [titleLength, leadLength, placeCount, personCount] = all;
  let o = 5 + placeCount! + personCount!;
  const take = (n: number): Uint32Array => {
    const part = all.subarray(o, o + n);
    o += n;
    return part;
  };
  const title = take(titleLength!);
  const lead = take(leadLength!);
  const groups = Array.from(all.subarray(4, 5 + placeCount! + personCount!), (n) => take(n));
  let frame: Pick<
    EventKeys,
    'actor' | 'speaker' | 'royal' | 'counterpart' | 'kind' | 'recurring' | 'forecast' | 'ordinal' | 'days' | 'names'
  > = noFrame;
  if (o + 4 <= all.length) {
    const [flags, actorLength, counterpartLength, dayCount] = all.subarray(o, o + 4);
    o += 4;
    frame = {
      royal: flags! & 0xf,
      kind: ((flags! >>> 4) & 0xf) as EventKind,
      recurring: (flags! & (1 << 8)) !== 0,
      speaker: (flags! & (1 << 9)) !== 0,
      forecast: (flags! & (1 << 10)) !== 0,
      ordinal: (flags! & (1 << 11)) !== 0,
      actor: take(actorLength!),
      counterpart: take(counterpartLength!),
      days: take(dayCount!),
      names: o < all.length ? take(all[o++]!) : none,
    };
  }
  return {
    title,
    lead,
    places: groups.slice(0, placeCount),
    people: groups.slice(placeCount, placeCount! + personCount!),
    numbers: groups[groups.length - 1]!,
    ...frame,
  };
}
