/** Reported speech without quotation marks (وأوضح X أن …) and who says it. */
import { PHRASE_STOPS, TITLE_HEADS, phraseKeys } from './lexicon';
import { isCommonWord, type Mention } from '../entities';
import { familyWords } from './factNames';
import type { PreparedText } from './prepare';
import type { QuoteFact, Span } from './factTypes';
import { HARD_BREAK, gap, key, titleLength, tokenAt } from './factTokens';
import { nameIn, phraseAfter, spanOf } from './factSpeakerPhrase';

/** Verbs that report speech without quotation marks: وأوضح X أن …, وأكد X أن …. */
const REPORTING_VERBS: ReadonlySet<string> = new Set(
  [
    'قال',
    'قالت',
    'أكد',
    'أكدت',
    'أضاف',
    'أضافت',
    'أوضح',
    'أوضحت',
    'أشار',
    'أشارت',
    'شدد',
    'شددت',
    'ذكر',
    'ذكرت',
    'صرح',
    'صرحت',
    'أفاد',
    'أفادت',
    'أبان',
    'أبانت',
    'بين',
    'بينت',
    'لفت',
    'لفتت',
    'نوه',
    'نوهت',
    'كشف',
    'كشفت',
  ].flatMap((w) => phraseKeys(w)),
);
const THAT: ReadonlySet<string> = new Set(['ان', 'انه', 'انها', 'بان']);
/** A preposition some reporting verbs take before أن: أشار إلى أن, شدد على أن, لفت إلى أن. */
const VERB_PREPOSITIONS: ReadonlySet<string> = new Set(['الي', 'علي']);
/** The reporting verb's own object before its preposition (لفت الانتباه إلى أن): no speaker. */
const VERB_OBJECTS: ReadonlySet<string> = new Set(['انتباه', 'نظر', 'اهتمام'].flatMap((w) => phraseKeys(w)));
/** How far after the verb an office and a name may reach before أن. */
const LONG_SPEAKER_TOKENS = 16;

/** An honorific with a pronoun (وأكد معاليه أن): the person named before, not a name. */
const HONORIFIC_PRONOUN = /^(?:معالي|سمو|فضيلت|جلالت|دولت|سيادت)(?:ه|ها)$/u;

/**
 * The last person the entity extractor read inside tokens [from, to) of the whole text, as a span of it. In a whole
 * article the extractor may cut a name it reads whole in a phrase (رئيس الوزراء احمد داود | اوغلو, فهد بن إبراهيم
 * | بو عنز): a person read right after a titled one or a بن chain is the rest of its name. Not after any person: in
 * "المدير التنفيذي لباب رزق جميل عبدالرحمن الفهيد" جميل ends a body's name.
 */
function lastPerson(p: PreparedText, mentions: readonly Mention[], from: number, to: number): Span | null {
  const start = p.tokens[from]!.start;
  const end = p.tokens[to - 1]!.end;
  const people = mentions.filter((m) => m.kind === 'person' && m.start >= start && m.end <= end);
  let i = people.length - 1;
  if (i < 0) return null;
  const opensName = (m: Mention): boolean => !!m.title || / (?:بن|ابن) /u.test(m.text);
  while (i > 0 && opensName(people[i - 1]!) && /^\s+$/u.test(p.text.slice(people[i - 1]!.end, people[i]!.start))) i--;
  return { start: people[i]!.start, end: people[people.length - 1]!.end };
}

/** Whether the extractor read a title before the person at `person`'s start. */
function titled(mentions: readonly Mention[], person: Span): boolean {
  return mentions.some((m) => m.kind === 'person' && m.start === person.start && !!m.title);
}

/** A word that may end a name the extractor stopped short of: not a common word, a title or a preposition. */
function unknownWord(t: PreparedText['tokens'][number]): boolean {
  return !isCommonWord(key(t)) && !TITLE_HEADS.has(key(t)) && !PHRASE_STOPS.has(key(t));
}

/**
 * The person read in tokens [from, to), carried over the family name the extractor may stop short of (مازن بن
 * محمد بترجي, خالد محفوظ بحاح, عبد الباسط بن سالم | صيرفي): up to two words after it that are no common word.
 */
function personIn(p: PreparedText, reading: Reading, from: number, to: number): Span | null {
  const person = lastPerson(p, reading.mentions, from, to);
  if (!person) return null;
  const personLast = tokenAt(p, person.end) - 1;
  let last = personLast;
  while (last + 1 < to && last + 1 - personLast <= 2 && unknownWord(p.tokens[last + 1]!)) last++;
  // The phrase's last word, a word the article writes as a family name (الدكتور سلطان الشايع أن).
  if (last + 2 === to && reading.family.has(key(p.tokens[to - 1]!))) last++;
  return { start: person.start, end: p.tokens[last]!.end };
}

/** The entity extractor's reading of the article and the family names that are words it holds (factNames.ts). */
interface Reading {
  mentions: readonly Mention[];
  family: ReadonlySet<string>;
}

/**
 * A speaker phrase too long for `phraseAfter`, an office with its body and then the person: "وأوضح المشرف العام
 * على العلاقات العامة والإعلام بوزارة الحج علي بن محمد الغامدي أن …". Taken only when the entity extractor
 * reads a person that ends right before أن; returns the token index of أن and the person's span.
 */
function officeThenPerson(
  p: PreparedText,
  reading: Reading,
  from: number,
  end: number,
): { that: number; person: Span } | null {
  for (let i = from + 1; i < Math.min(end - 2, from + LONG_SPEAKER_TOKENS); i++) {
    if (HARD_BREAK.test(gap(p, i - 1)) || REPORTING_VERBS.has(key(p.tokens[i]!))) return null;
    if (!THAT.has(key(p.tokens[i]!))) continue;
    const person = personIn(p, reading, from, i);
    // One word the whole article reads as a person may end a body's name (مديرة التوظيف في باب رزق جميل).
    const named =
      person && (tokenAt(p, person.end) - tokenAt(p, person.start) >= 2 || titled(reading.mentions, person));
    return person && named && person.end === p.tokens[i - 1]!.end ? { that: i, person } : null;
  }
  return null;
}

/**
 * Who a reported statement names: after an office or title, the person the entity extractor reads there, or
 * nobody ("مصدر عسكري إسرائيلي", "معالي الرئيس العام لشؤون المسجد الحرام والمسجد النبوي": the office speaks,
 * and its adjectives are no name); otherwise the name `nameIn` finds. `named`: the speakers named before.
 */
function reportedName(
  p: PreparedText,
  reading: Reading,
  from: number,
  to: number,
  named: readonly string[],
): Span | null {
  const unknown = (t: PreparedText['tokens'][number]): boolean => unknownWord(t) || reading.family.has(key(t));
  if (to - from >= 2 && TITLE_HEADS.has(key(p.tokens[from]!))) {
    const person = personIn(p, reading, from, to);
    if (person) return person;
    // A name the extractor does not know after the title (المتحدث الرسمي للمركز رأفت الصباغ): up to four words,
    // none a common word or another title. A title reads on over definite words (رئيس الوزراء التركي), so a
    // family name is taken from its last word only right after the title's head (الدكتور القصبي, الوزير العطية).
    const title = titleLength(p, from, to);
    const rest = from + title < to ? from + title : to - from === 2 ? to - 1 : to;
    const words = p.tokens.slice(rest, to);
    return words.length >= 1 && words.length <= 4 && words.every(unknown) ? spanOf(p, rest, to) : null;
  }
  // One word: a surname of someone named before (وأبان الغامدي) or written as a family name (وقال ظريف, factNames.ts),
  // else no name if it is a common word (كشفت المصادر).
  const one = p.tokens[from]!;
  const nameWord =
    !isCommonWord(key(one)) || reading.family.has(key(one)) || named.some((n) => n.endsWith(` ${one.text}`));
  if (to - from === 1 && !nameWord) return null;
  const [na, nb] = nameIn(p, from, to);
  return spanOf(p, na, nb);
}

/**
 * Reported speech (وأوضح الشيخ وليد الصمعاني وزير العدل أن الأمر الملكي …): the
 * clause after أن/إن with the speaker between the verb and it, or the speaker
 * of the statement before ("وأوضح أن …"). Sentences holding a marked
 * quotation are left to it.
 */
export function findReported(p: PreparedText, marked: readonly QuoteFact[], mentions: readonly Mention[]): QuoteFact[] {
  const out: QuoteFact[] = [];
  const reading = { mentions, family: familyWords(p, mentions) };
  let last: { speaker: string; name: string | null; span: Span; sentence: number } | null = null;
  p.sentences.forEach((s, sentence) => {
    if (marked.some((q) => q.sentence === sentence)) return;
    for (let v = s.tokenStart; v < Math.min(s.tokenEnd, s.tokenStart + 4); v++) {
      if (!REPORTING_VERBS.has(key(p.tokens[v]!))) continue;
      const [a, short] = phraseAfter(p, v + 1, s.tokenEnd);
      // A phrase that runs to the sentence's end leaves nothing said after it.
      if (short >= s.tokenEnd - 2) return;
      let b = short;
      // Where the speaker phrase ends: before the preposition of "وأشار القحطاني إلى أن".
      let named = b;
      let person: Span | null = null;
      let unnamed = false;
      const preposition = VERB_PREPOSITIONS.has(key(p.tokens[b]!)) && THAT.has(key(p.tokens[b + 1]!));
      // "وأشار إلى أن": the preposition the verb takes, no speaker named.
      if (b === a && preposition) named = ++b;
      // "وأشار القحطاني إلى أن", but not the verb's object: "ولفت الجبير الانتباه إلى أن" says nothing of it.
      else if (b > a && preposition && !VERB_OBJECTS.has(key(p.tokens[b - 1]!))) {
        // A subject before the preposition may be anything that "indicates" (وأشار فحص بالكربون المشع إلى أن): a
        // name only where the entity extractor reads a person or the subject is one name word.
        const honorific = b === a + 1 && HONORIFIC_PRONOUN.test(p.tokens[a]!.text);
        const one = b === a + 1 && !honorific ? reportedName(p, reading, a, b, []) : null;
        person = personIn(p, reading, a, b) ?? one;
        unnamed = !person && !honorific;
        b++;
      } else if (b > a && preposition) return;
      else if (!THAT.has(key(p.tokens[b]!))) {
        const long = officeThenPerson(p, reading, a, s.tokenEnd);
        if (!long) return;
        b = named = long.that;
        person = long.person;
      }
      if (b >= s.tokenEnd - 2) return;
      let speaker: string | null = null;
      let name: string | null = null;
      let span: Span | null = null;
      const anaphoric =
        (named === a + 1 && HONORIFIC_PRONOUN.test(p.tokens[a]!.text)) || VERB_PREPOSITIONS.has(key(p.tokens[a]!));
      if (person) {
        span = spanOf(p, a, named);
        speaker = p.text.slice(span.start, span.end);
        name = p.text.slice(person.start, person.end);
      } else if (named > a && !anaphoric) {
        span = spanOf(p, a, named);
        speaker = p.text.slice(span.start, span.end);
        const found = unnamed
          ? null
          : reportedName(
              p,
              reading,
              a,
              named,
              [...marked, ...out].map((q) => q.speakerName ?? ''),
            );
        name = found ? p.text.slice(found.start, found.end) : null;
      } else if (last && sentence - last.sentence <= 2) {
        ({ speaker, name, span } = last);
      }
      const start = p.tokens[b + 1]!.start;
      let end = s.end;
      while (end > start && /[\s.!؟?،,]/u.test(p.text[end - 1]!)) end--;
      if (speaker && span) last = { speaker, name, span, sentence };
      out.push({
        text: p.text.slice(start, end),
        start,
        end,
        speaker,
        speakerName: name,
        speakerSpan: span,
        cue: p.tokens[v]!.text,
        sentence,
        reported: true,
      });
      return;
    }
  });
  return out;
}
