/**
 * What the library index stores for an article: the analyzer's keys as
 * space-joined streams, one per FTS5 column; and what the vocabulary counts:
 * its distinct unstemmed word keys. Pure and synchronous, so it runs the
 * same in the indexing workers and in-line.
 */
import type { TextKeys } from '../library/newArticle';
import { analyze, type AnalyzedToken } from '../text';

export type { TextKeys } from '../library/newArticle';

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

function streamKeys(title: readonly AnalyzedToken[], body: readonly AnalyzedToken[]): TextKeys {
  const t = keyStreams(title);
  const b = keyStreams(body);
  return { titleExact: t.exact, titleStem: t.stem, bodyExact: b.exact, bodyStem: b.stem };
}

export function indexStreams(
  input: IndexInput,
  title: readonly AnalyzedToken[],
  body: readonly AnalyzedToken[],
): IndexStreams {
  return streamsFromKeys(streamKeys(title, body), input);
}

export function buildIndexStreams(input: IndexInput): IndexStreams {
  return indexStreams(input, indexedTokens(input.title), indexedTokens(input.body));
}

/**
 * Sums articles' distinct word keys into vocabulary counts. Each key's entry
 * remembers the last article that counted it, so an article counts a key
 * once without a set of its own (this ran at ~0.5 ms an article with one).
 */
export class TermCounter {
  private readonly counts = new Map<string, { entry: TermCount; last: number }>();
  private article = 0;

  /** Counts one article; title and body together count once. */
  add(...parts: ReadonlyArray<readonly AnalyzedToken[]>): void {
    const article = ++this.article;
    for (const tokens of parts) {
      for (const t of tokens) {
        if (t.kind !== 'word') continue;
        const bare: 0 | 1 = t.norm === t.exact ? 1 : 0;
        const seen = this.counts.get(t.exact);
        if (!seen) {
          const definite: 0 | 1 = bare === 0 && DEFINITE.test(t.norm) ? 1 : 0;
          this.counts.set(t.exact, { entry: [t.exact, t.text.replace(MARKS, ''), bare, definite, 1], last: article });
          continue;
        }
        const entry = seen.entry;
        // A bare spelling is the one to show.
        if (bare > entry[2]) {
          entry[1] = t.text.replace(MARKS, '');
          entry[2] = 1;
        }
        if (entry[3] === 0 && bare === 0 && DEFINITE.test(t.norm)) entry[3] = 1;
        if (seen.last !== article) {
          seen.last = article;
          entry[4]++;
        }
      }
    }
  }

  get size(): number {
    return this.counts.size;
  }

  terms(): TermCount[] {
    return [...this.counts.values()].map((c) => c.entry);
  }

  /**
   * The counts in key order (UTF-16 code unit order, as sort() without a
   * comparator gives, which V8 does natively: a comparator in JavaScript
   * cost ~40 ms per 1,000 articles).
   */
  sortedTerms(): TermCount[] {
    return [...this.counts.keys()].sort().map((key) => this.counts.get(key)!.entry);
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
  const counter = new TermCounter();
  for (const input of inputs) {
    const title = indexedTokens(input.title);
    const body = indexedTokens(input.body);
    if (withStreams) streams.push(indexStreams(input, title, body));
    if (input.countTerms) counter.add(title, body);
  }
  return { streams, terms: counter.terms() };
}

/**
 * Keys and vocabulary of articles about to be imported, computed where their
 * file is parsed (a worker) so the storing thread only writes: one analysis
 * per article. The vocabulary is summed per group of `groupSize` articles
 * (the import's transaction), so one string per group crosses threads
 * instead of a list per article.
 */
export function prepareTexts(
  texts: ReadonlyArray<{ title: string; body: string }>,
  groupSize: number,
): { keys: TextKeys[]; groups: string[] } {
  const keys: TextKeys[] = [];
  const groups: string[] = [];
  let counter = new TermCounter();
  texts.forEach(({ title, body }, i) => {
    const t = indexedTokens(title);
    const b = indexedTokens(body);
    keys.push(streamKeys(t, b));
    counter.add(t, b);
    if ((i + 1) % groupSize === 0 || i === texts.length - 1) {
      // JSON, because that is what SQLite is given: the storing thread never unpacks it.
      // In key order, so the upsert walks the vocabulary's B-tree forward.
      groups.push(JSON.stringify(counter.sortedTerms()));
      counter = new TermCounter();
    }
  });
  return { keys, groups };
}

/** The index row of an article whose title and body keys were computed already. */
export function streamsFromKeys(keys: TextKeys, input: Omit<IndexInput, 'title' | 'body'>): IndexStreams {
  return {
    ...keys,
    author: input.author ? keyStreams(indexedTokens(input.author)).exact : '',
    source: input.source ? keyStreams(indexedTokens(input.source)).exact : '',
    lang: input.lang.toLowerCase(),
  };
}

/**
 * The vocabulary counts of articles an import parsed but did not store
 * (exact duplicates), to be taken back out of their group's sum: few, so
 * analyzed again here rather than shipped from the worker.
 */
export function droppedTerms(dropped: ReadonlyArray<{ title: string; body: string }>): string | null {
  if (dropped.length === 0) return null;
  const counter = new TermCounter();
  for (const d of dropped) counter.add(indexedTokens(d.title), indexedTokens(d.body));
  return JSON.stringify(counter.terms());
}
