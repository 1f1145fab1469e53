/**
 * A parsed query run through the analyzer: every word becomes the keys the
 * indexes hold (exact and stem), the same for FTS5 and Lunr, so a query
 * means the same in the library and in a collection. Function words drop
 * out here as they do at indexing time; what was dropped is reported.
 */
import { analyze, type AnalyzedToken } from '../text';
import {
  parseQuery,
  queryError,
  QueryInvalidError,
  type QueryField,
  type QueryHintKind,
  type QueryNode,
  type TermNode,
} from './queryParser';

interface LeafBase {
  field: QueryField | null;
  /** The words as typed, for messages. */
  text: string;
}

/** One word: matches its exact key (ranked higher) or its stem. */
export interface WordLeaf extends LeafBase {
  kind: 'word';
  exact: string;
  stem: string;
  norm: string;
  /** A spelling of a query word in the other script (transliteration.ts): matches as written, in the second tier. */
  transliterated?: true;
}

/** Consecutive words (function words left out, as in the index). */
export interface PhraseLeaf extends LeafBase {
  kind: 'phrase';
  exact: string[];
  stem: string[];
  /**
   * Quoted by the user: these words in this order and form, folding only
   * orthography and spelling variants (phraseMatch.ts), so matched on the
   * exact keys and then checked against the text. Not strict: one typed word
   * the analyzer splits (al-Qaeda).
   */
  strict: boolean;
}

/** Keys starting with any of `prefixes` (the word's unstemmed key, and its plain fold). */
export interface PrefixLeaf extends LeafBase {
  kind: 'prefix';
  prefixes: string[];
  /** The typed prefix's stem: collection indexes hold stems, which can be shorter than the prefix. */
  stems: string[];
}

/** Keys within `edits` of `exact`; each engine expands them against its own vocabulary. */
export interface FuzzyLeaf extends LeafBase {
  kind: 'fuzzy';
  exact: string;
  /** For collection indexes, which hold stems. */
  stem: string;
  edits: 1 | 2;
}

export interface LangLeaf extends LeafBase {
  kind: 'lang';
  lang: string;
}

export type PlanLeaf = WordLeaf | PhraseLeaf | PrefixLeaf | FuzzyLeaf | LangLeaf;

export type PlanNode = PlanLeaf | { kind: 'and'; must: PlanNode[]; not: PlanNode[] } | { kind: 'or'; any: PlanNode[] };

/** A part of the query the lenient reading changed, and why. */
export interface QueryHint {
  kind: QueryHintKind;
  /** The part of the query as typed that was read differently. */
  text: string;
}

export interface QueryPlan {
  /** null when every word was a function word: nothing to search for. */
  root: PlanNode | null;
  /** Words left out because they are function words (في, the, ...). */
  ignored: string[];
  /** Empty unless read leniently. */
  hints: QueryHint[];
}

function keyTokens(text: string): AnalyzedToken[] {
  return analyze(text).filter((t) => t.exact.length > 0);
}

function wordLeaf(t: AnalyzedToken, field: QueryField | null, text: string): WordLeaf {
  return { kind: 'word', field, text, exact: t.exact, stem: t.stem, norm: t.norm };
}

function termLeaf(node: TermNode, ignored: string[]): PlanLeaf | null {
  if (node.field === 'lang') {
    const lang = node.text.trim().toLowerCase();
    if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(lang))
      throw queryError(node.start, `"${node.text}" is not a language code (lang:ar, lang:en)`, 'strayOperator', {
        kind: 'replace',
        start: node.start,
        end: node.end,
        text: ' ',
      });
    return { kind: 'lang', field: 'lang', text: node.text, lang };
  }
  const tokens = keyTokens(node.text);
  if (node.prefix || node.fuzzy) {
    if (tokens.length !== 1)
      throw queryError(
        node.start,
        `"${node.text}" must be a single word to use ${node.prefix ? '*' : '~'}`,
        'misplacedSymbol',
        { kind: 'replace', start: node.start, end: node.end, text: node.text },
      );
    const t = tokens[0]!;
    if (node.prefix) {
      // The fold as typed too: a partial word's proclitic guess can be wrong
      // (واشن* is not و + اشن).
      const prefixes = [...new Set([t.exact, t.norm])].filter((p) => p.length > 0);
      return {
        kind: 'prefix',
        field: node.field,
        text: node.text,
        prefixes,
        stems: t.stem !== t.exact ? [t.stem] : [],
      };
    }
    return {
      kind: 'fuzzy',
      field: node.field,
      text: node.text,
      exact: t.exact,
      stem: t.stem,
      edits: node.fuzzy as 1 | 2,
    };
  }
  const kept = tokens.filter((t) => !t.stop);
  if (kept.length === 0) {
    ignored.push(node.text);
    return null;
  }
  if (kept.length === 1) return wordLeaf(kept[0]!, node.field, node.text);
  // One typed word the analyzer splits (al-Qaeda, 3.5%): its parts in order.
  return {
    kind: 'phrase',
    field: node.field,
    text: node.text,
    exact: kept.map((t) => t.exact),
    stem: kept.map((t) => t.stem),
    strict: false,
  };
}

function planOf(node: QueryNode, ignored: string[]): PlanNode | null {
  switch (node.kind) {
    case 'term':
      return termLeaf(node, ignored);
    case 'phrase': {
      const kept = keyTokens(node.text).filter((t) => !t.stop);
      if (kept.length === 0) {
        ignored.push(node.text);
        return null;
      }
      // A quoted word too is exact: "الملك" is not الملكي.
      return {
        kind: 'phrase',
        field: node.field,
        text: node.text,
        exact: kept.map((t) => t.exact),
        stem: kept.map((t) => t.stem),
        strict: true,
      };
    }
    case 'or': {
      const any = node.any.map((n) => planOf(n, ignored)).filter((n): n is PlanNode => n !== null);
      if (any.length === 0) return null;
      return any.length === 1 ? any[0]! : { kind: 'or', any };
    }
    case 'and': {
      const must = node.must.map((n) => planOf(n, ignored)).filter((n): n is PlanNode => n !== null);
      const not = node.not.map((n) => planOf(n, ignored)).filter((n): n is PlanNode => n !== null);
      // Only function words left to find: excluding alone would match everything else.
      if (must.length === 0) return null;
      if (must.length === 1 && not.length === 0) return must[0]!;
      return { kind: 'and', must, not };
    }
  }
}

const MAX_REPAIRS = 30;

/**
 * Plans a query. Strict (scripts, the contract's default): malformed input
 * throws QUERY_INVALID with the position. Lenient (a search box): each
 * error's repair is applied (a quote closed at the end, a stray operator
 * read as nothing, a misplaced * or ~ dropped) and reported as a hint.
 */
export function planQuery(query: string, lenient = false): QueryPlan {
  const hints: QueryHint[] = [];
  let text = query;
  for (let attempt = 0; ; attempt++) {
    const ignored: string[] = [];
    try {
      return { root: planOf(parseQuery(text), ignored), ignored, hints };
    } catch (error) {
      if (!lenient || !(error instanceof QueryInvalidError)) throw error;
      const fix = error.fix;
      if (fix.kind === 'none' || attempt >= MAX_REPAIRS) {
        // Only excluded words, or nothing at all: nothing to search for.
        if (text.trim() !== '') hints.push({ kind: error.hint, text: text.trim() });
        return { root: null, ignored, hints };
      }
      if (fix.kind === 'append') {
        // An unclosed quote: the phrase it opens, without the quote mark.
        const from = error.hint === 'unclosedQuote' ? error.position + 1 : error.position;
        hints.push({ kind: error.hint, text: text.slice(from).trim() });
        text += fix.text;
      } else {
        const part = text.slice(fix.start, fix.end).trim() || text.slice(error.position, error.position + 1);
        hints.push({ kind: error.hint, text: part });
        text = text.slice(0, fix.start) + fix.text + text.slice(fix.end);
      }
    }
  }
}

/** Every leaf that adds to a match (not those under a NOT), for highlighting. */
export function positiveLeaves(node: PlanNode | null, out: PlanLeaf[] = []): PlanLeaf[] {
  if (!node) return out;
  if (node.kind === 'and') node.must.forEach((n) => positiveLeaves(n, out));
  else if (node.kind === 'or') node.any.forEach((n) => positiveLeaves(n, out));
  else out.push(node);
  return out;
}
