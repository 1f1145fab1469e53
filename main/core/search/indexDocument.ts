/**
 * What the library index stores for an article: the analyzer's keys as
 * space-joined streams, one per FTS5 column; and what the vocabulary counts:
 * its distinct unstemmed word keys. Pure and synchronous, so it runs the
 * same in the indexing workers and in-line.
 */
import { analyze, type AnalyzedToken } from '../text';

export interface IndexInput {
  title: string;
  body: string;
  author: string | null;
  source: string | null;
  lang: string;
}

export interface IndexStreams {
  titleExact: string;
  titleStem: string;
  bodyExact: string;
  bodyStem: string;
  author: string;
  source: string;
  lang: string;
}

/**
 * One vocabulary entry: [key, surface, bare, definite, articles].
 * surface: a spelling to show; bare: 1 when seen without a proclitic;
 * definite: 1 when seen with the article (الـ); articles: how many hold it.
 */
export type TermCount = [string, string, 0 | 1, 0 | 1, number];

/** Tashkeel, Quranic marks, superscript alef and tatweel: never shown in a completion. */
const MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;

/** The definite article, alone or after a conjunction or preposition (الـ وال بال فبال للـ ...). */
const DEFINITE = /^(و|ف)?(ب|ك|ل)?ال|^(و|ف)?لل/;

/**
 * Tokens that enter the index. Function words are left out (as Lucene does):
 * they are in most articles and would make the index a third bigger; the
 * query side drops them the same way, so phrases still line up.
 */
export function indexedTokens(text: string): AnalyzedToken[] {
  return analyze(text).filter((t) => !t.stop && t.exact.length > 0);
}

function keyStreams(tokens: readonly AnalyzedToken[]): { exact: string; stem: string } {
  return { exact: tokens.map((t) => t.exact).join(' '), stem: tokens.map((t) => t.stem).join(' ') };
}

export function indexStreams(input: IndexInput, title: readonly AnalyzedToken[], body: readonly AnalyzedToken[]): IndexStreams {
  const t = keyStreams(title);
  const b = keyStreams(body);
  return {
    titleExact: t.exact,
    titleStem: t.stem,
    bodyExact: b.exact,
    bodyStem: b.stem,
    author: input.author ? keyStreams(indexedTokens(input.author)).exact : '',
    source: input.source ? keyStreams(indexedTokens(input.source)).exact : '',
    lang: input.lang.toLowerCase(),
  };
}

export function buildIndexStreams(input: IndexInput): IndexStreams {
  return indexStreams(input, indexedTokens(input.title), indexedTokens(input.body));
}

/** Adds one article's distinct word keys to `counts`. */
function countTerms(counts: Map<string, TermCount>, tokens: readonly AnalyzedToken[]): void {
  const seen = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    const bare: 0 | 1 = t.norm === t.exact ? 1 : 0;
    const definite: 0 | 1 = bare === 0 && DEFINITE.test(t.norm) ? 1 : 0;
    let entry = counts.get(t.exact);
    if (!entry) {
      entry = [t.exact, t.text.replace(MARKS, ''), bare, definite, 0];
      counts.set(t.exact, entry);
    } else {
      // A bare spelling is the one to show.
      if (bare > entry[2]) {
        entry[1] = t.text.replace(MARKS, '');
        entry[2] = 1;
      }
      if (definite > entry[3]) entry[3] = 1;
    }
    if (!seen.has(t.exact)) {
      seen.add(t.exact);
      entry[4]++;
    }
  }
}

export interface BatchInput extends IndexInput {
  /** Count this article's words in the vocabulary (new or re-worded text). */
  countTerms: boolean;
}

export interface IndexBatch {
  /** Index rows, in input order (empty when not asked for). */
  streams: IndexStreams[];
  /** Vocabulary counts summed over the inputs with countTerms. */
  terms: TermCount[];
}

/** A batch at once: the vocabulary is summed here, so little crosses back from a worker. */
export function analyzeBatch(inputs: readonly BatchInput[], withStreams: boolean): IndexBatch {
  const streams: IndexStreams[] = [];
  const counts = new Map<string, TermCount>();
  for (const input of inputs) {
    const title = indexedTokens(input.title);
    const body = indexedTokens(input.body);
    if (withStreams) streams.push(indexStreams(input, title, body));
    if (input.countTerms) {
      // Title and body count once per article together.
      countTerms(counts, title.concat(body));
    }
  }
  return { streams, terms: [...counts.values()] };
}
