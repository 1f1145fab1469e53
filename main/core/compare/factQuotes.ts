/** Quotations and their speakers: the marks Arabic typing mixes, speech verbs, attribution, apposition. */
import { ATTRIBUTION_CUES, LEADING_PARTICLES, QUOTED_NAME_HEADS, SPEECH_VERBS } from './lexicon';
import type { Mention } from '../entities';
import type { PreparedText } from './prepare';
import { findReported } from './factReported';
import { nameIn, phraseAfter, spanOf } from './factSpeakerPhrase';
import type { QuoteFact, Span } from './factTypes';
import { gap, key, keyIn, matchPhrase, sentenceOf, tokenAt } from './factTokens';

interface QuoteMarks {
  /** Offsets of the opening and closing marks; open is -1 for a quote that only has its closing mark. */
  open: number;
  close: number;
}

const OPENERS = new Set(['“', '«', '„']);
const CLOSERS = new Set(['»']);

function isLetterAt(text: string, i: number): boolean {
  return /[\p{L}\p{N}]/u.test(text[i] ?? '');
}

/**
 * Quote marks paired within each paragraph. Arabic typing mixes marks
 * freely: ” often opens (لـ”إعادة تأكيد”), “” doubles an opener, and a
 * quote may have only its closing mark; straight quotes toggle.
 */
function findQuoteMarks(text: string): QuoteMarks[] {
  const out: QuoteMarks[] = [];
  let open = -1;
  // Only the marks and line ends matter: jump from one to the next.
  const marks = /[“”«»„"\n]/gu;
  for (let m = marks.exec(text); m; m = marks.exec(text)) {
    const i = m.index;
    const c = m[0];
    if (c === '\n') {
      open = -1;
      continue;
    }
    if (OPENERS.has(c)) {
      if (open < 0) open = i;
      else if (open === i - 1) open = i; // “” : one opener
      continue;
    }
    if (CLOSERS.has(c) || c === '”') {
      if (open >= 0) {
        if (c === '”' && open === i - 1) {
          open = i;
          continue;
        }
        out.push({ open, close: i });
        open = -1;
      } else if (c === '”' && isLetterAt(text, i + 1)) {
        open = i;
      } else if (c === '”') {
        out.push({ open: -1, close: i });
      }
      continue;
    }
    // A straight quote toggles.
    if (open >= 0) {
      out.push({ open, close: i });
      open = -1;
    } else open = i;
  }
  return out;
}

interface Speaker {
  phrase: Span;
  name: Span;
  cue: string;
}

function findSpeaker(p: PreparedText, quoteStart: number, quoteEnd: number, sentence: number): Speaker | null {
  const s = p.sentences[sentence]!;
  const qFirst = tokenAt(p, quoteStart);
  // 1. A speech verb before the quote, nearest first.
  for (let v = Math.min(qFirst, s.tokenEnd) - 1; v >= s.tokenStart; v--) {
    const t = p.tokens[v]!;
    if (t.start >= quoteStart) continue;
    if (!SPEECH_VERBS.has(key(t))) continue;
    const [a, b] = phraseAfter(p, v + 1, qFirst);
    if (b > a) {
      const [na, nb] = nameIn(p, a, b);
      return { phrase: spanOf(p, a, b), name: spanOf(p, na, nb), cue: t.text };
    }
    // No name after the verb ("قالت، الخميس، إن"): the subject before it,
    // "المتحدثة باسم البيت الأبيض، جين ساكي، قالت", if it is short and
    // holds no other verb of speech.
    let a2 = s.tokenStart;
    while (a2 < v && LEADING_PARTICLES.has(key(p.tokens[a2]!))) a2++;
    if (v - a2 >= 1 && v - a2 <= 10 && !p.tokens.slice(a2, v).some((x) => SPEECH_VERBS.has(key(x)))) {
      const [na, nb] = nameIn(p, a2, v);
      return { phrase: spanOf(p, a2, v), name: spanOf(p, na, nb), cue: t.text };
    }
    return null;
  }
  // 2. Attribution after the quote (or before it): بحسب X, according to X.
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const n = matchPhrase(p, i, ATTRIBUTION_CUES, s.tokenEnd)?.keys.length ?? 0;
    if (n === 0) continue;
    const from = i + n;
    const limit = p.tokens[from] && p.tokens[from]!.start < quoteStart ? qFirst : s.tokenEnd;
    // A cue inside the quotation is part of what was said.
    if (p.tokens[i]!.start >= quoteStart && p.tokens[i]!.start < quoteEnd) continue;
    const [a, b] = phraseAfter(p, from, limit);
    if (b > a) {
      const [na, nb] = nameIn(p, a, b);
      return {
        phrase: spanOf(p, a, b),
        name: spanOf(p, na, nb),
        cue: p.text.slice(p.tokens[i]!.start, p.tokens[i + n - 1]!.end),
      };
    }
  }
  // 3. English: “…,” X said / “…,” said X.
  const after = tokenAt(p, quoteEnd);
  for (let v = after; v < Math.min(s.tokenEnd, after + 6); v++) {
    if (!SPEECH_VERBS.has(key(p.tokens[v]!))) continue;
    if (v > after) {
      const [na, nb] = nameIn(p, after, v);
      return { phrase: spanOf(p, after, v), name: spanOf(p, na, nb), cue: p.tokens[v]!.text };
    }
    const [a, b] = phraseAfter(p, v + 1, s.tokenEnd);
    if (b > a) {
      const [na, nb] = nameIn(p, a, b);
      return { phrase: spanOf(p, a, b), name: spanOf(p, na, nb), cue: p.tokens[v]!.text };
    }
  }
  return null;
}

/** Speech cue with no speaker named: "وأضاف: “…”", "مضيفا أن “…”", "he said". */
function hasBareCue(p: PreparedText, quoteStart: number, sentence: number): string | null {
  const s = p.sentences[sentence]!;
  const qFirst = tokenAt(p, quoteStart);
  for (let v = Math.min(qFirst, s.tokenEnd) - 1; v >= s.tokenStart; v--) {
    const k = key(p.tokens[v]!);
    if (SPEECH_VERBS.has(k)) return p.tokens[v]!.text;
  }
  return null;
}

const PRONOUNS = new Set(['he', 'she', 'they', 'هو', 'هي']);

/**
 * Quotations in marks and reported statements with their speakers. `mentions`: the entity extractor's reading of
 * the whole text, so a speaker's name is the one the article's people, places and bodies are listed by.
 */
export function findQuotes(p: PreparedText, nameQuotes: Span[], mentions: readonly Mention[]): QuoteFact[] {
  const out: QuoteFact[] = [];
  let lastSpeaker: { speaker: string; name: string; span: Span; sentence: number } | null = null;
  for (const m of findQuoteMarks(p.text)) {
    let start = m.open + 1;
    const end = m.close;
    const sentence = sentenceOf(p, m.open >= 0 ? m.open : m.close);
    if (m.open < 0) {
      // Only the closing mark: the quote starts after إن/أن or a colon before it.
      const s = p.sentences[sentence]!;
      let found = -1;
      for (let i = tokenAt(p, m.close) - 1; i >= s.tokenStart; i--) {
        const k = key(p.tokens[i]!);
        if (k === 'ان' || k === 'انه' || k === 'بان' || /:\s*$/u.test(gap(p, i - 1))) {
          found = p.tokens[i]!.end;
          break;
        }
      }
      if (found < 0) continue;
      start = found;
    }
    while (start < end && /[\s“”«»"]/u.test(p.text[start]!)) start++;
    let e = end;
    while (e > start && /[\s“”«»".,،]/u.test(p.text[e - 1]!)) e--;
    if (e <= start) continue;
    const first = tokenAt(p, start);
    let words = 0;
    for (let i = first; i < p.tokens.length && p.tokens[i]!.end <= e; i++) words++;
    const before = first > 0 ? p.tokens[first - 1] : undefined;
    if (m.open >= 0 && before && keyIn(before, QUOTED_NAME_HEADS) && words <= 4) {
      // وكالة “أسوشيتد برس”, تنظيم “داعش”: a name in quotes, not a quotation.
      nameQuotes.push({ start, end: e });
      continue;
    }
    const cue = hasBareCue(p, start, sentence);
    // Two words in quotation marks are a term (درجة «ملازم قاضي»), not something said.
    if (words < 3) continue;
    const found = findSpeaker(p, start, e, sentence);
    let speaker: string | null = null;
    let speakerName: string | null = null;
    let speakerSpan: Span | null = null;
    let cueText: string | null = found?.cue ?? cue;
    if (found && !PRONOUNS.has(p.text.slice(found.name.start, found.name.end).toLowerCase())) {
      speaker = p.text.slice(found.phrase.start, found.phrase.end);
      speakerName = p.text.slice(found.name.start, found.name.end);
      speakerSpan = found.phrase;
    } else if ((cue || found) && lastSpeaker && sentence - lastSpeaker.sentence <= 2) {
      // "وأضاف: “…”", "he added": the speaker of the quote before.
      speaker = lastSpeaker.speaker;
      speakerName = lastSpeaker.name;
      speakerSpan = lastSpeaker.span;
      cueText = cue ?? found?.cue ?? null;
    }
    if (speaker && speakerName && speakerSpan)
      lastSpeaker = { speaker, name: speakerName, span: speakerSpan, sentence };
    out.push({
      text: p.text.slice(start, e),
      start,
      end: e,
      speaker,
      speakerName,
      speakerSpan,
      cue: cueText,
      sentence,
      reported: false,
    });
  }
  return [...out, ...findReported(p, out, mentions)].sort((a, b) => a.start - b.start);
}
