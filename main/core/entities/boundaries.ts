/**
 * Where a chosen name starts and ends, after the rules and the tagger have
 * proposed it. Exact-span scoring counts a name one word short or long as a
 * wrong name and a missed one; these are the frequent boundary classes of the
 * error analysis (README, "Errors"): names inside a building's or a
 * feature's name, regnal ordinals, fixed adjectives of places, products named
 * after their maker, the idiom مسقط رأسه.
 */
import type { Proposal } from './arabic';
import { keySet, PERSON_TITLES } from './lexicon';
import { isCommonWord, LINKS, matchAt, matchEntry, ORGANISATIONS, PLACES, type Tokens } from './nameLists';
import { joined } from './tokens';

/**
 * Nouns that name a building, a street or a feature after a person or a
 * place (جامع عمرو بن العاص, متحف دمشق, غوطة دمشق, مآذن القاهرة): the name
 * inside is not the person or the place itself.
 */
const FACILITY_HEADS = keySet([
  'جامع',
  'مسجد',
  'مساجد',
  'مئذنة',
  'مآذن',
  'متحف',
  'مكتبة',
  'مدرسة',
  'أستاد',
  'استاد',
  'ملعب',
  'مجمع',
  'مطار',
  'شارع',
  'بيت',
  'قبة',
  'حمام',
  'حمامات',
  'رواق',
  'مرقد',
  'ضريح',
  'قصر',
  'غوطة',
  'ربوة',
  'أسواق',
  'حدائق',
  'جسر',
  'بيمارستان',
  'جامعات',
  'حرم',
]);

/** Things named after a person (قانون نيوتن, جائزة نوبل): the person is not what the text is about there. */
export const NAMED_AFTER = keySet(['قانون', 'قوانين', 'جائزة', 'جوائز', 'معادلة', 'متلازمة', 'تأثير', 'نظرية', 'ثابت']);

/** Ordinals after a ruler's name (فؤاد الأول, لويس التاسع): part of the name. */
export const ORDINALS = keySet([
  'الأول',
  'الثاني',
  'الثالث',
  'الرابع',
  'الخامس',
  'السادس',
  'السابع',
  'الثامن',
  'التاسع',
  'العاشر',
  'الأولى',
  'الثانية',
  'الثالثة',
]);

/**
 * Adjectives that are part of a place's name (بريطانيا العظمى, آسيا الوسطى, النجف الأشرف); القديمة is
 * not: AQMAR names دمشق alone in دمشق القديمة four times out of five.
 */
const PLACE_ADJECTIVES = keySet(['العظمى', 'الكبرى', 'الصغرى', 'الوسطى', 'الأشرف']);

/** مسقط رأسه "his birthplace": مسقط is no city there. */
const BIRTHPLACE = keySet(['رأس', 'رأسه', 'رأسها', 'رأسهم']);

function word(toks: Tokens, i: number): string {
  const t = toks[i];
  return t && t.t.kind === 'word' ? t.key : '';
}

/** The name at p sits inside a building's or feature's name (متحف دمشق): the head is right before it. */
function insideFacility(text: string, toks: Tokens, p: Proposal): boolean {
  const first = toks[p.from]!;
  const head = toks[p.from - 1];
  return (
    first.clitic === '' &&
    !!head &&
    head.t.kind === 'word' &&
    !head.definite &&
    (FACILITY_HEADS.has(head.key) || (p.kind === 'person' && NAMED_AFTER.has(head.key))) &&
    joined(text, head, first)
  );
}

/**
 * A maker's name before a product's (مايكروسوفت ويندوز, أبل ليزا, جوجل google): a bare word follows it that
 * is not a verb (مايكروسوفت تعلن, أبل كشفت). Product names are common words of the corpora (ويندوز), so the
 * lists cannot tell them; the verb's shape can.
 */
function beforeProduct(text: string, toks: Tokens, p: Proposal): boolean {
  const next = toks[p.to];
  if (!next || next.t.kind !== 'word' || next.definite || next.t.stop) return false;
  if (!joined(text, toks[p.to - 1], next)) return false;
  if (next.latin) return true;
  const listed = PLACES.startingWith(next.key).length > 0 || ORGANISATIONS.startingWith(next.key).length > 0;
  // ويندوز reads as و + يندوز: a conjunction if what follows is a listed name (وأبل), a suffixed word or short.
  const conjunction = listed || /(?:ها|هم|ه)$/u.test(next.key) || next.key.length < 4;
  if (next.clitic !== '' && (next.clitic !== 'و' || conjunction)) return false;
  const verbLike = /^[يتن]/u.test(next.t.norm) || /(?:ت|وا)$/u.test(next.t.norm) || next.key.length < 3;
  return next.arabic && !verbLike && !listed;
}

/** A definite adjective of origin (الإسباني, الإنجليزية): a club's name may end with its country's. */
function nisbaAt(text: string, toks: Tokens, i: number): boolean {
  const t = toks[i];
  return (
    !!t &&
    t.arabic &&
    t.definite &&
    t.clitic === '' &&
    /ي(?:ه)?$/u.test(t.t.norm) &&
    t.key.length >= 4 &&
    joined(text, toks[i - 1], t)
  );
}

/** The word after p, joined and written with ال, is in `set`. */
function followedBy(text: string, toks: Tokens, p: Proposal, set: ReadonlySet<string>): boolean {
  const next = toks[p.to];
  if (!next || !next.definite || next.clitic !== '' || !joined(text, toks[p.to - 1], next)) return false;
  return set.has(next.key) || set.has(`ال${next.key}`);
}

/** Bodies whose name is also a plain noun (القاعدة "the base", الجزيرة "the island", حماس "zeal"). */
const AMBIGUOUS_BODIES = keySet(['القاعدة', 'الجزيرة', 'حماس']);
const RELATIVES = keySet(['التي', 'الذي']);

/**
 * The plain noun, not the body: after ب or ك (بدأ بحماس), or followed by an adjective or a relative
 * (القاعدة الجماهيرية, إقليم الجزيرة الشمالي, القاعدة التي), which a body's name does not take.
 */
function plainNoun(text: string, toks: Tokens, p: Proposal): boolean {
  if (p.to - p.from !== 1 || !AMBIGUOUS_BODIES.has(word(toks, p.from))) return false;
  if (/[بك]$/u.test(toks[p.from]!.clitic)) return true;
  const next = toks[p.to];
  if (!next || next.t.kind !== 'word' || next.clitic !== '' || !joined(text, toks[p.from], next)) return false;
  return RELATIVES.has(next.key) || (next.definite && !PLACES.startingWith(next.key).length);
}

/** Words that open a compound name (عبد الله, أبو بكر) and that close one (عبيد الله, نور الدين). */
const COMPOUND_OPENERS = keySet(['عبد', 'أبو', 'أبي', 'أبا', 'ابو', 'ابي']);
const COMPOUND_CLOSERS = keySet(['الله', 'الدين', 'الدولة', 'الرحمن']);

/** A word that may be part of a person's name: Arabic, not a function word or a common word. */
function nameWord(t: Tokens[number] | undefined): boolean {
  return !!t && t.arabic && t.t.kind === 'word' && !t.t.stop && !isCommonWord(t.key);
}

/**
 * A person's name read one word long or short (AQMAR's most frequent wrong people): it stops before a
 * conjunction (خالد بن الوليد وأبي عبيدة), drops a title or a word with a pronoun it ran on into (سليمان
 * الخليفة, عبد الملك بن مروان خلفه), and a chain cut at بن takes the name on its other side (طلحة بن عبيد الله, أبو
 * عبيدة بن الجراح), within [before, after) so it never eats a neighbouring name or its title.
 */
function personEdges(text: string, toks: Tokens, q: Proposal, before: number, after: number): void {
  for (let i = q.from + 1; i < q.to; i++)
    if (toks[i]!.clitic.startsWith('و')) {
      q.to = i;
      break;
    }
  while (q.to - q.from >= 2) {
    const last = toks[q.to - 1]!;
    const prev = toks[q.to - 2]!;
    if (
      LINKS.has(prev.key) ||
      COMPOUND_OPENERS.has(prev.key) ||
      ORDINALS.has(last.key) ||
      COMPOUND_CLOSERS.has(last.key)
    )
      break;
    // A common word with a pronoun (خلفه "succeeded him"), not a bare one: surnames are often adjectives (روحاني).
    const pronoun = isCommonWord(last.key) && /(?:ه|ها|هم|هما)$/u.test(last.t.text);
    if (!pronoun && matchAt(text, toks, q.to - 1, PERSON_TITLES) === 0) break;
    q.to--;
  }
  const first = toks[q.from]!;
  const prior = toks[q.from - 1];
  if (
    LINKS.has(first.key) &&
    q.from - 1 >= before &&
    nameWord(prior) &&
    prior!.clitic === '' &&
    joined(text, prior, first)
  )
    q.from--;
  const last = toks[q.to - 1]!;
  if (LINKS.has(last.key) && q.to < after && nameWord(toks[q.to]) && joined(text, last, toks[q.to])) q.to++;
}

/** The chosen proposals with their boundaries fixed, names inside other names dropped. */
export function refineBoundaries(text: string, toks: Tokens, chosen: readonly Proposal[]): Proposal[] {
  const out: Proposal[] = [];
  for (let k = 0; k < chosen.length; k++) {
    const p = chosen[k]!;
    if (p.kind !== 'organisation' && insideFacility(text, toks, p)) continue;
    if (p.kind === 'place' && p.to - p.from === 1 && word(toks, p.from) === 'مسقط' && BIRTHPLACE.has(word(toks, p.to)))
      continue;
    if (
      p.kind === 'organisation' &&
      p.listed &&
      !p.title &&
      matchEntry(text, toks, p.from, ORGANISATIONS) &&
      beforeProduct(text, toks, p)
    )
      continue;
    if (p.kind === 'organisation' && p.listed && plainNoun(text, toks, p)) continue;
    const q = { ...p };
    if (q.kind === 'person') {
      const before = Math.max(out[out.length - 1]?.to ?? 0, q.title?.[1] ?? 0);
      personEdges(text, toks, q, before, chosen[k + 1]?.from ?? toks.length);
    }
    // فريق ريال مدريد: فريق is "the team", the club's name is the listed one.
    if (q.via === 'team+listed' && word(toks, q.from) === 'فريق') q.from++;
    // Grows by one word unless another name starts there.
    const free = chosen[k + 1]?.from !== q.to;
    if (free && q.kind === 'person' && followedBy(text, toks, q, ORDINALS)) q.to++;
    else if (free && q.kind === 'place' && followedBy(text, toks, q, PLACE_ADJECTIVES)) q.to++;
    else if (free && q.kind === 'organisation' && q.via?.startsWith('team') && nisbaAt(text, toks, q.to)) q.to++;
    out.push(q);
  }
  return out;
}

/** A surname found alone must be a name, not a title or the second half of a compound (نور الدين, عضد الدولة). */
const NOT_SURNAMES = keySet(['الدين', 'الدولة', 'الله', 'الملك', 'الرحمن', 'الخليفة', 'أبي', 'أبو', 'ابن', 'بن']);

export function surnameAllowed(key: string): boolean {
  if (NOT_SURNAMES.has(key) || NOT_SURNAMES.has(key.replace(/^ال/u, ''))) return false;
  return PERSON_TITLES.startingWith(key.replace(/^ال/u, '')).length === 0;
}
