/**
 * Arabic rules: people after titles and in بن chains, bodies after their
 * heads, places from the gazetteer. Each rule proposes a token range; the
 * caller keeps the longest of overlapping proposals.
 */
import type { EntityKind } from './types';
import {
  COMPLEMENT_STOPS,
  TEAM_HEADS,
  WORD_GIVEN_NAMES,
  FORMULAE,
  OFFICE_HEADS,
  OFFICE_LINKS,
  FACILITY_HEADS,
  ORGANISATION_HEADS,
  PERSON_TITLES,
  QUALIFIED_ONLY_TITLES,
  REGNAL_TITLES,
  STRONG_TITLES,
  VERBS_AFTER_NAMES,
  WEAK_ORGANISATION_HEADS,
  keySet,
} from './lexicon';
import {
  COMMON,
  DEFINITE_ONLY,
  DIRECTION_KEYS,
  FAMILY,
  GENERIC,
  GIVEN,
  LINKS,
  ORGANISATIONS,
  PEOPLE,
  PLACE_HEAD_KEYS,
  PLACES,
  matchAt,
  matchEntry,
  type Tokens,
} from './nameLists';
import { formKey, joined, type EntityToken } from './tokens';

export interface Proposal {
  kind: EntityKind;
  /** Token range of the name, [from, to). */
  from: number;
  to: number;
  /** Token range of the title before a person's name. */
  title?: [number, number];
  /** The first token's letters before its key are part of the name (بعقوبة), not a clitic. */
  whole?: boolean;
  /** Found in a list (not by a head rule): wins a tie of length (قناة السويس is the canal, not a channel). */
  listed?: boolean;
  /** Which rule (or the tagger) proposed it, with its evidence: the bench scores each path apart. */
  via?: string;
}

/** Heads that are also verbal nouns: after ب/ل they are an action (بتنظيم الحملات), not a body. */
const VERBAL_HEADS = keySet(['تنظيم', 'إدارة', 'حركة', 'رئاسة']);

/** Titles that name a body after its founder or patron (جامعة الملك سعود, مستشفى الأمير سلطان). */
const ROYAL_TITLES = keySet(['الملك', 'الأمير', 'الأميرة']);
/** آل as the analyzer keys it (the hamza fold makes it ال). */
const FAMILY_MARK = 'ال';

function isWord(t: EntityToken | undefined): t is EntityToken {
  return !!t && t.t.kind === 'word' && t.arabic && !t.t.stop;
}

/** Key of a compound given name at i (عبد العزيز → عبدالعزيز) and its length in tokens. */
function givenAt(text: string, toks: Tokens, i: number): { key: string; len: number } | null {
  const t = toks[i];
  if (!isWord(t)) return null;
  const next = toks[i + 1];
  if (
    (t.key === 'عبد' || t.key === 'ابو' || t.key === 'ابي') &&
    isWord(next) &&
    next.clitic === '' &&
    joined(text, t, next)
  )
    return { key: t.key + next.t.norm, len: 2 };
  return { key: t.key, len: 1 };
}

/** A definite adjective of origin (التركي, الأمريكية): written ال…ي or ال…ية. */
function isNisba(t: EntityToken | undefined): boolean {
  return !!t && t.arabic && t.definite && t.clitic === '' && /ي(?:ه)?$/u.test(t.t.norm) && t.key.length >= 4;
}

/** A word that can be part of a name: Arabic, no clitic, not a function word. */
function namePart(t: EntityToken | undefined): t is EntityToken {
  return isWord(t) && t.clitic === '';
}

/** Pronoun suffixes that mark a noun or a verb (لزيارتها, بيوتهم), not a name. */
const PRONOUN_SUFFIX = /(?:ها|هم|هما|هن|كم|كما|نا)$/u;

/** A name no list knows, after a strong title: not definite, not a common word (الملك سلمان, الرئيس أوباما). */
function unknownName(t: EntityToken): boolean {
  // أمراً ملكياً: a common word with its tanween alef is still a common word.
  const common = COMMON.has(t.key) || (t.key.endsWith('ا') && COMMON.has(t.key.slice(0, -1)));
  // لزيارتها, بيوتهم: a pronoun suffix marks a noun or verb, not a name.
  if (PRONOUN_SUFFIX.test(t.key) && t.key.length >= 5) return false;
  // يستخدمه, يسترجع, تستقبل: a long word in the imperfect is a verb, not a name.
  if (/^[يت]/u.test(t.key) && t.key.length >= 5) return false;
  return namePart(t) && !t.definite && !common && t.key.length >= 2;
}

/** A word after a titled given name that can be a surname: undefined, no clitic, not a verb or a suffixed noun. */
function surnameLike(t: EntityToken): boolean {
  if (!namePart(t) || t.definite || t.key.length < 3 || PRONOUN_SUFFIX.test(t.key)) return false;
  // Imperfect verbs (يزور, تستقبل) and past verbs of reporting.
  return !/^[يتن]/u.test(t.t.norm) && !VERBS_AFTER_NAMES.has(t.key) && !COMPLEMENT_STOPS.has(t.key);
}

/**
 * The person's name that starts at token i, as [from, to), or null.
 * titled: a title or office precedes; strong: that title allows unknown names.
 */
function nameAt(text: string, toks: Tokens, i: number, titled: boolean, strong: boolean): number | null {
  const first = toks[i];
  if (!isWord(first) || (titled && first.clitic !== '')) return null;
  if (FORMULAE.startingWith(first.key).length > 0 && matchAt(text, toks, i, FORMULAE) > 0) return null;
  const g = givenAt(text, toks, i)!;
  let j = i + g.len;
  const linked = (k: number): boolean =>
    LINKS.has(toks[k]?.key ?? '') && toks[k]!.clitic === '' && joined(text, toks[k - 1], toks[k]);
  const known = GIVEN.has(g.key);
  // After و/ف only a known given name with its بن chain (وفهد بن عبدالله العسكر in a list of those present): alone,
  // وحسن or فعلي may be a word.
  if (/^[وف]/u.test(first.clitic) && !(known && linked(j))) return null;
  // الرئيس الأميركي جو بايدن: a given name that is also a word (جو) is read only after a title and before
  // a second name (not definite, not a pronoun-suffixed word); alone it stays a word.
  const next = toks[i + 1];
  const shortWordName =
    titled &&
    WORD_GIVEN_NAMES.has(first.key) &&
    !first.definite &&
    namePart(next) &&
    !next.definite &&
    joined(text, first, next) &&
    !PRONOUN_SUFFIX.test(next.key);
  if (shortWordName) return i + 2;
  // الخليفة المستنصر: after a ruler's title, a regnal name with the article that is no common word.
  const regnal = titled && first.definite && REGNAL_TITLES.has(toks[i - 1]?.key ?? '');
  // Not a plural (الخليفة المعماريون); بالله and a name no list knows may follow (المعتضد بالله, الظاهر بيبرس).
  if (regnal && !GIVEN.has(g.key) && !isNisba(first) && !COMMON.has(first.key) && !/(?:ون|ين)$/u.test(first.key)) {
    const after = toks[i + 1];
    const runs = namePart(after) && joined(text, first, after) && (after.key === 'بالله' || unknownName(after));
    return runs ? i + 2 : i + 1;
  }
  if (!known && !linked(j) && !(strong && !first.definite && unknownName(first))) return null;
  // الخليفة المستنصر: a definite given name (خليفة) starts a name only in a chain or after a title (الإمام الحسين).
  if (first.definite && !linked(j) && !(titled && known)) return null;
  let chain = false;
  // بن chains: سلمان بن عبدالعزيز, خالد بن محمد اليوسف.
  while (linked(j) && namePart(toks[j + 1]) && joined(text, toks[j], toks[j + 1])) {
    const next = givenAt(text, toks, j + 1)!;
    j += 1 + next.len;
    chain = true;
  }
  const last = toks[j];
  let family = false;
  if (
    last &&
    last.key === FAMILY_MARK &&
    namePart(toks[j + 1]) &&
    joined(text, toks[j - 1], last) &&
    joined(text, last, toks[j + 1])
  ) {
    // آل سعود
    j += 2;
    family = true;
  } else if (namePart(last) && joined(text, toks[j - 1], last) && !COMPLEMENT_STOPS.has(last.key)) {
    // A family name: listed, or a word written only with ال (الثمالي, السيسي), or not a common word.
    const familyLike =
      FAMILY.has(last.key) || (last.definite && (DEFINITE_ONLY.has(last.key) || !COMMON.has(last.key)));
    if (familyLike && (FAMILY.has(last.key) || chain || known || titled)) {
      j++;
      family = true;
    } else if (strong && !last.definite && !chain && unknownName(last)) {
      // Names no list knows run on after a strong title: الرئيس باراك أوباما (عبد الله as one name).
      j += givenAt(text, toks, j)!.len;
      // Up to four words (جوهان فولف جانج دوبرينير): a foreign name runs on while no list knows its words.
      while (j - i < 4 && namePart(toks[j]) && joined(text, toks[j - 1], toks[j]) && unknownName(toks[j]!)) j++;
    } else if (known && GIVEN.has(last.key) && !last.definite && titled) {
      j++;
    } else if (known && titled && !chain && j === i + g.len && surnameLike(last)) {
      // الرئيس الفلسطيني محمود عباس, نائب الرئيس اليمني خالد بحاح: after a title, a known given name's
      // next word is the surname unless it reads as a verb (قال, يزور) or a suffixed noun.
      j++;
    }
  }
  if (!titled && !(known && (chain || family))) return null;
  return j;
}

interface TitleRun {
  end: number;
  /** Holds a title after which an unknown name is read (الملك, الرئيس). */
  strong: boolean;
  /** Ends in a nationality or an office's complement (الرئيس الأميركي, وزير العدل): may stand before a comma. */
  qualified: boolean;
}

/** Title words and offices from token i, or null. */
function titleAt(text: string, toks: Tokens, i: number): TitleRun | null {
  let j = i;
  let strong = false;
  let qualified = false;
  for (;;) {
    if (j > i && !joined(text, toks[j - 1], toks[j])) break;
    const t = toks[j];
    if (!t || t.t.kind !== 'word') break;
    if (j > i && t.clitic !== '') break;
    const n = matchAt(text, toks, j, PERSON_TITLES);
    if (n > 0) {
      const start = j;
      // نائب الرئيس is as strong as الرئيس.
      for (let k = j; k < j + n; k++) if (STRONG_TITLES.has(toks[k]!.key)) strong = true;
      j += n;
      qualified = false;
      // الرئيس التركي رجب طيب أردوغان: a nationality after the title qualifies it (تركي is also a given name).
      while (isNisba(toks[j]) && joined(text, toks[j - 1], toks[j]) && !LINKS.has(toks[j + 1]?.key ?? '')) {
        j++;
        qualified = true;
      }
      // العالم العربي, في العالم: a title that is also a noun needs its nationality.
      if (n === 1 && QUALIFIED_ONLY_TITLES.has(t.key) && !qualified) {
        j = start;
        break;
      }
      continue;
    }
    if (OFFICE_HEADS.has(formKey(t))) {
      // The office's complements: definite words and linking nouns (وزير العدل, أمير منطقة الرياض).
      let k = j + 1;
      while (k < toks.length && k - j <= 6) {
        const c = toks[k]!;
        if (!joined(text, toks[k - 1], c) || c.t.kind !== 'word' || /^[وف]/u.test(c.clitic)) break;
        if (PERSON_TITLES.startingWith(c.key).length > 0 && matchAt(text, toks, k, PERSON_TITLES) > 0) break;
        if (
          !(c.definite || OFFICE_LINKS.has(c.key) || matchAt(text, toks, k, PLACES) > 0) ||
          COMPLEMENT_STOPS.has(c.key)
        )
          break;
        k++;
      }
      if (k === j + 1) break;
      j = k;
      qualified = true;
      continue;
    }
    break;
  }
  return j > i ? { end: j, strong, qualified } : null;
}

function people(text: string, toks: Tokens, out: Proposal[]): void {
  for (let i = 0; i < toks.length; i++) {
    const title = titleAt(text, toks, i);
    if (title) {
      let end = nameAt(text, toks, title.end, true, title.strong);
      // An office inside the run ends the name (خالد رئيس الهيئة); a run that opens with one is an office, no name:
      // "لخادم الحرمين الشريفين مساعد رئيس الديوان" is the assistant chief of the court, not a man named مساعد.
      // An office word is one when its complement follows (أمين عام, رئيس الديوان), not as a surname (ريان مفتي)
      // or after بن (فيصل بن فهد بن مساعد).
      for (let k = title.end + 1; end !== null && k < end; k++) {
        const after = toks[k + 1];
        const complement =
          !!after &&
          joined(text, toks[k], after) &&
          (after.definite || OFFICE_LINKS.has(after.key) || OFFICE_HEADS.has(formKey(after)));
        if (!OFFICE_HEADS.has(formKey(toks[k]!)) || LINKS.has(toks[k - 1]!.key) || !complement) continue;
        end = k === title.end + 1 && OFFICE_HEADS.has(formKey(toks[title.end]!)) ? null : k;
      }
      // الرئيس الأميركي، جو بايدن، قال: a qualified title and a name of two words or more may stand apart by a comma.
      const apart =
        title.qualified &&
        end !== null &&
        end - title.end >= 2 &&
        /^[ \t]*[،,][ \t]*$/u.test(text.slice(toks[title.end - 1]!.t.end, toks[title.end]?.t.start ?? 0));
      if (end !== null && (apart || joined(text, toks[title.end - 1], toks[title.end]))) {
        const given = GIVEN.has(givenAt(text, toks, title.end)!.key) ? 'given' : 'unknown';
        const via = `title${title.strong ? '-strong' : ''}+${given}${end - title.end > 1 ? '+more' : ''}`;
        out.push({ kind: 'person', from: title.end, to: end, title: [i, title.end], via });
        i = end - 1;
        continue;
      }
      continue;
    }
    const end = nameAt(text, toks, i, false, false);
    if (end !== null) {
      out.push({ kind: 'person', from: i, to: end, via: 'given+chain-or-family' });
      i = end - 1;
      continue;
    }
    const known = matchEntry(text, toks, i, PEOPLE);
    if (known) {
      out.push({ kind: 'person', from: i, to: i + known.keys.length, via: 'listed' });
      i += known.keys.length - 1;
    }
  }
}

/** Complements of an organisation head: definite words, a place, or a person after الملك/الأمير (جامعة الملك سعود). */
function organisationEnd(text: string, toks: Tokens, i: number, weak: boolean): number {
  let k = i + 1;
  let named = false;
  while (k < toks.length && k - i <= 5) {
    const c = toks[k]!;
    if (!joined(text, toks[k - 1], c) || c.t.kind !== 'word' || c.t.stop || /^[وف]/u.test(c.clitic)) break;
    if (COMPLEMENT_STOPS.has(c.key) || OFFICE_HEADS.has(formKey(c))) break;
    // A title starts a person, not more of the body's name (مجلس القضاء الإداري الشيخ خالد).
    if (!ROYAL_TITLES.has(c.key) && matchAt(text, toks, k, PERSON_TITLES) > 0) break;
    // اللجنة الدولية للصليب الأحمر: a known body inside the name names it and ends it (تنظيم القاعدة الهجوم).
    const body = c.clitic === '' || c.clitic === 'ل' ? matchAt(text, toks, k, ORGANISATIONS) : 0;
    if (body > 0) {
      k += body;
      named = true;
      break;
    }
    const place = c.clitic === '' ? matchAt(text, toks, k, PLACES) : 0;
    if (place > 0) {
      k += place;
      named = true;
      continue;
    }
    if (ROYAL_TITLES.has(c.key) && c.definite) {
      const end = nameAt(text, toks, k + 1, true, true);
      if (end === null || !joined(text, c, toks[k + 1])) break;
      k = end;
      named = true;
      continue;
    }
    // الهيئة السعودية للحياة الفطرية, منظمة الخليج للاستشارات الصناعية: a complement may open with لل.
    if (c.definite && (c.clitic === '' || (c.clitic === 'ل' && k > i + 1))) {
      k++;
      continue;
    }
    // بنك/مصرف followed by its name (مصرف الراجحي is definite; بنك ساب is not): only a given or unknown name.
    break;
  }
  if (weak && !named) return i + 1;
  return k;
}

function organisations(text: string, toks: Tokens, out: Proposal[]): void {
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.t.kind !== 'word' || !t.arabic) continue;
    const known = matchEntry(text, toks, i, ORGANISATIONS);
    if (known) {
      out.push({
        kind: 'organisation',
        from: i,
        to: i + known.keys.length,
        whole: known.prefix !== '',
        listed: true,
        via: 'listed',
      });
      i += known.keys.length - 1;
      continue;
    }
    const generic = matchAt(text, toks, i, GENERIC);
    if (generic > 0) {
      i += generic - 1;
      continue;
    }
    const head = formKey(t);
    if (TEAM_HEADS.has(head) && toks[i + 1] && joined(text, t, toks[i + 1]) && toks[i + 1]!.clitic === '') {
      // نادي ريال مدريد: the head is part of a listed club's name.
      const club = matchEntry(text, toks, i + 1, ORGANISATIONS);
      if (club) {
        out.push({ kind: 'organisation', from: i, to: i + 1 + club.keys.length, listed: true, via: 'team+listed' });
        i += club.keys.length;
        continue;
      }
    }
    if (TEAM_HEADS.has(head)) {
      // نادي مانشستر يونايتد: names no list knows after a team head.
      let k = i + 1;
      while (k < toks.length && k - i <= 3 && joined(text, toks[k - 1], toks[k]) && unknownName(toks[k]!)) k++;
      if (k > i + 1) {
        out.push({ kind: 'organisation', from: i, to: k, via: 'team+unknown' });
        i = k - 1;
        continue;
      }
    }
    // ميناء الملك عبدالعزيز is a port, not a king, and ميناء جدة الإسلامي a port's own name; ميناء عدن stays the
    // city's (a place), as the place rule reads it.
    const city = FACILITY_HEADS.has(head) ? matchAt(text, toks, i + 1, PLACES) : 0;
    const facility =
      FACILITY_HEADS.has(head) &&
      (STRONG_TITLES.has(toks[i + 1]?.key ?? '') ||
        (city > 0 && isNisba(toks[i + 1 + city]) && joined(text, toks[i + city], toks[i + 1 + city])));
    if (!ORGANISATION_HEADS.has(head) && !facility) continue;
    const weak = WEAK_ORGANISATION_HEADS.has(head);
    if (TEAM_HEADS.has(head)) {
      // نادي الباحة (الفوز ...): a club is named by one word or a listed place.
      const c = toks[i + 1];
      const place = matchAt(text, toks, i + 1, PLACES);
      // فريق العمل is a work team: فريق takes a place only, نادي and منتخب one definite word too.
      let n = place > 0 ? place : namePart(c) && c.definite && t.key !== 'فريق' ? 1 : 0;
      // نادي مانشستر يونايتد: a place and words no list knows.
      while (
        place > 0 &&
        n < place + 2 &&
        toks[i + 1 + n] &&
        joined(text, toks[i + n], toks[i + 1 + n]) &&
        unknownName(toks[i + 1 + n]!) &&
        !GIVEN.has(toks[i + 1 + n]!.key)
      )
        n++;
      if (n > 0 && joined(text, t, c)) {
        out.push({ kind: 'organisation', from: i, to: i + 1 + n, via: place > 0 ? 'team+place' : 'team+word' });
        i += n;
      }
      continue;
    }
    // بتنظيم الحملات, لإدارة المشروع: a weak head after a preposition is a verbal noun, not a body.
    if (VERBAL_HEADS.has(t.key) && /[بل]$/u.test(t.clitic)) continue;
    const end = organisationEnd(text, toks, i, weak);
    if (end > i + 1) {
      out.push({ kind: 'organisation', from: i, to: end, via: weak ? 'weak-head' : 'head' });
      i = end - 1;
    }
  }
}

/** Towns whose name is also a common noun (الخبر "the news": رابط الخبر): a place only after في/مدينة … or a clitic. */
const PLACES_NEEDING_CUE: ReadonlySet<string> = new Set(['الخبر', 'خبر']);
const PLACE_CUES: ReadonlySet<string> = new Set(['في', 'من', 'الى', 'الي', 'مدينه', 'محافظه', 'مدينة', 'محافظة']);

/** Names of competitions end in a place (دوري أبطال أوروبا, كأس ملك إسبانيا): the event is named, not the place. */
const EVENT_HEADS = keySet(['كأس', 'كاس', 'أبطال', 'أمم', 'بطولة', 'دوري', 'أولمبياد', 'مونديال']);

export function inEventName(toks: Tokens, i: number): boolean {
  const before = toks[i - 1];
  if (!before || toks[i]!.clitic) return false;
  return EVENT_HEADS.has(before.key) || (before.key === 'ملك' && EVENT_HEADS.has(toks[i - 2]?.key ?? ''));
}

function places(text: string, toks: Tokens, out: Proposal[]): void {
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.t.kind !== 'word' || !t.arabic) continue;
    if (inEventName(toks, i)) continue;
    const entry = matchEntry(text, toks, i, PLACES);
    const n = entry?.keys.length ?? 0;
    if (
      entry &&
      n === 1 &&
      PLACES_NEEDING_CUE.has(t.key) &&
      entry.prefix === '' &&
      !PLACE_CUES.has(toks[i - 1]?.key ?? '')
    )
      continue;
    if (entry && n > 0) {
      // شمال فرنسا: the region is the place (the direction word may carry clitics: بشمال).
      const d = toks[i - 1];
      if (d && DIRECTION_KEYS.has(d.key) && !d.definite && joined(text, d, t) && entry.prefix === '') {
        out.push({ kind: 'place', from: i - 1, to: i + n, listed: true, via: 'direction+listed' });
        i += n - 1;
        continue;
      }
      out.push({ kind: 'place', from: i, to: i + n, whole: entry.prefix !== '', listed: true, via: 'listed' });
      i += n - 1;
      continue;
    }
    // محافظة الخرج, مدينة نيوم: the head and a name no list knows.
    if (PLACE_HEAD_KEYS.has(t.key) && !t.definite) {
      const c = toks[i + 1];
      // Not a verb in the imperfect (منطقة تسمى, مدينة يبلغ): names rarely start so, verbs do.
      const verbLike = !!c && /^[يتن]/u.test(c.t.norm);
      if (namePart(c) && joined(text, t, c) && !verbLike && !COMMON.has(c.key) && !COMPLEMENT_STOPS.has(c.key)) {
        out.push({ kind: 'place', from: i + 1, to: i + 2, via: 'head' });
        i++;
      }
    }
  }
}

export function arabicProposals(text: string, toks: Tokens): Proposal[] {
  const out: Proposal[] = [];
  people(text, toks, out);
  organisations(text, toks, out);
  places(text, toks, out);
  return out;
}
