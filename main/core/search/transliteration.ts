/**
 * Names across scripts in search: a Latin query word (Kadhimi, al-Kadhimi,
 * Kazimi) also searches the library's Arabic words it transliterates
 * (كاظمي), and an Arabic one (بايدن) the library's capitalised Latin words
 * (biden). The rules are text/transliterate.ts; the candidates come from a
 * `NameVocabulary`, today the search vocabulary (search_terms), later any
 * list of names with the same shape (an entity index).
 */
import type { Database } from '../db/connection';
import { analyzeWord } from '../text';
import {
  arabicSkeleton,
  isArabicWord,
  isLatinWord,
  latinSkeletons,
  latinWithoutArticle,
  maxTransliterationCost,
  transliterationCost,
} from '../text/transliterate';
import type { PlanNode, PhraseLeaf, WordLeaf } from './queryPlan';

export interface NameWord {
  /** The analyzer's exact key (ال off, folded; Latin lower case). */
  key: string;
  /** A spelling as written (a capital marks a Latin name). */
  surface: string;
  /** Articles holding it. */
  df: number;
  /** 1 when seen with the article ال. */
  definite: number;
}

export interface NameVocabulary {
  /** Every candidate word, both scripts. Called again after `changed()`. */
  words(): Promise<NameWord[]>;
}

/** The search vocabulary as the name list. */
export function searchTermsNames(db: Database): NameVocabulary {
  return {
    words: () => db.all<NameWord>('SELECT key, surface, df, definite FROM search_terms'),
  };
}

/** Spellings searched per word: the cheapest first, then the most frequent. */
export const MAX_TRANSLITERATIONS = 10;

export interface Transliterator {
  /** The other script's spellings of `word` (an exact key) in the library, best first; [] when none. */
  candidates(word: string): Promise<string[]>;
  /** The words changed (a commit): read them again on next use. */
  changed(): void;
}

interface Tables {
  arabic: Map<string, NameWord[]>;
  latin: Map<string, NameWord[]>;
  byKey: Map<string, NameWord>;
}

const isCapitalised = (surface: string): boolean => /^\p{Lu}/u.test(surface);

async function buildTables(names: NameVocabulary): Promise<Tables> {
  const arabic = new Map<string, NameWord[]>();
  const latin = new Map<string, NameWord[]>();
  const byKey = new Map<string, NameWord>();
  const add = (map: Map<string, NameWord[]>, k: string, w: NameWord) => {
    const list = map.get(k);
    if (list) list.push(w);
    else map.set(k, [w]);
  };
  for (const w of await names.words()) {
    if (isArabicWord(w.key)) {
      add(arabic, arabicSkeleton(w.key), w);
    } else if (isLatinWord(w.key)) {
      byKey.set(w.key, w);
      // Only names: an English article's common words are written in lower case.
      if (isCapitalised(w.surface) && w.key.length >= 3 && !w.key.includes("'"))
        for (const s of latinSkeletons(w.key)) add(latin, s, w);
    }
  }
  return { arabic, latin, byKey };
}

function best(scored: Array<{ w: NameWord; cost: number }>): string[] {
  return scored
    .sort((a, b) => a.cost - b.cost || b.w.df - a.w.df || (a.w.key < b.w.key ? -1 : 1))
    .slice(0, MAX_TRANSLITERATIONS)
    .map((s) => s.w.key);
}

export interface TransliteratorOptions {
  /**
   * How long a query waits for the first tables (1.4 s for 195,345 words on a loaded machine) before it is
   * answered without transliteration; they are still built for the next one. Default: until they are ready.
   */
  firstWaitMs?: number;
}

export function createTransliterator(names: NameVocabulary, options: TransliteratorOptions = {}): Transliterator {
  const firstWaitMs = options.firstWaitMs ?? Infinity;
  let tables: Tables | null = null;
  let building: Promise<Tables> | null = null;
  let stale = false;
  const cache = new Map<string, string[]>();
  const build = (): Promise<Tables> => {
    building ??= buildTables(names).then(
      (t) => {
        tables = t;
        building = null;
        cache.clear();
        return t;
      },
      (error: unknown) => {
        building = null;
        throw error;
      },
    );
    return building;
  };
  return {
    changed() {
      stale = true;
    },
    async candidates(word) {
      // After a change the old tables answer while new ones are built: too long to hold up a search.
      if (stale && tables) {
        stale = false;
        build().catch(() => undefined);
      }
      let t = tables;
      if (!t) {
        const pending = build();
        if (firstWaitMs === Infinity) t = await pending;
        else {
          let timer: NodeJS.Timeout | undefined;
          const late = new Promise<null>((done) => (timer = setTimeout(() => done(null), firstWaitMs)));
          t = await Promise.race([pending, late]);
          clearTimeout(timer);
          if (!t) return [];
        }
      }
      const hit = cache.get(word);
      if (hit) return hit;
      let out: string[] = [];
      if (isLatinWord(latinWithoutArticle(word)) && word.length >= 3) {
        const own = t.byKey.get(word);
        // A word the library writes in lower case is an English word, not a name (said, saw).
        if (!own || isCapitalised(own.surface)) {
          const latin = latinWithoutArticle(word);
          const limit = maxTransliterationCost(latin);
          const seen = new Set<NameWord>();
          const scored: Array<{ w: NameWord; cost: number }> = [];
          for (const s of latinSkeletons(latin))
            for (const w of t.arabic.get(s) ?? []) {
              if (seen.has(w)) continue;
              seen.add(w);
              const cost = transliterationCost(w.key, latin);
              if (cost <= limit) scored.push({ w, cost });
            }
          out = best(scored);
        }
      } else if (isArabicWord(word) && word.length >= 3) {
        const scored: Array<{ w: NameWord; cost: number }> = [];
        for (const w of t.latin.get(arabicSkeleton(word)) ?? []) {
          const cost = transliterationCost(word, w.key);
          if (cost <= maxTransliterationCost(w.key)) scored.push({ w, cost });
        }
        out = best(scored);
      }
      if (cache.size > 1000) cache.clear();
      cache.set(word, out);
      return out;
    },
  };
}

export interface Transliteration {
  /** The word as typed. */
  word: string;
  /** The other script's spellings searched with it. */
  spellings: string[];
}

/** An Arabic word without its article (الكاظمي → كاظمي); other words unchanged. */
export function withoutArticle(word: string): string {
  return /^ال\p{L}{3}/u.test(word) ? word.slice(2) : word;
}

const ARTICLE_WORD = /^(?:al|el|ad|ar|as|ash|at|az|an|ath|adh)$/u;

/** A phrase that is one Latin name with its article written apart (al-Kadhimi → al, kadhimi): the name. */
function phraseName(leaf: PhraseLeaf): string | null {
  const words = leaf.exact.filter((w, i) => !(i < leaf.exact.length - 1 && ARTICLE_WORD.test(w)));
  return words.length === 1 ? words[0]! : null;
}

function wordLeafFor(source: WordLeaf | PhraseLeaf, key: string): WordLeaf {
  // The library index matches the exact key only (ftsQuery.ts); a collection's index holds stems.
  const stem = analyzeWord(key)?.stem ?? key;
  return { kind: 'word', field: source.field, text: key, exact: key, stem, norm: key, transliterated: true };
}

/**
 * The plan with each name-like word widened to an OR of itself and its
 * spellings in the other script, and which words were widened.
 */
export async function expandTransliterations(
  root: PlanNode,
  t: Transliterator,
): Promise<{ root: PlanNode; transliterated: Transliteration[] }> {
  const transliterated: Transliteration[] = [];
  const visit = async (node: PlanNode, negated: boolean): Promise<PlanNode> => {
    if (node.kind === 'and')
      return {
        kind: 'and',
        must: await Promise.all(node.must.map((n) => visit(n, negated))),
        not: await Promise.all(node.not.map((n) => visit(n, !negated))),
      };
    if (node.kind === 'or') return { kind: 'or', any: await Promise.all(node.any.map((n) => visit(n, negated))) };
    if (node.field !== null && node.field !== 'title' && node.field !== 'body') return node;
    const key = node.kind === 'word' ? node.exact : node.kind === 'phrase' ? phraseName(node) : null;
    if (key === null || (node.kind !== 'word' && node.kind !== 'phrase')) return node;
    const spellings = [...(await t.candidates(key))];
    // The exact key may have lost a radical to a clitic rule (كيري → يري, ب ... باول → اول): try the word as written.
    const written = node.kind === 'word' ? withoutArticle(node.norm) : key;
    if (written !== key)
      for (const s of await t.candidates(written))
        if (!spellings.includes(s) && spellings.length < MAX_TRANSLITERATIONS) spellings.push(s);
    if (spellings.length === 0) return node;
    if (!negated) transliterated.push({ word: node.text, spellings });
    return { kind: 'or', any: [node, ...spellings.map((s) => wordLeafFor(node, s))] };
  };
  const out = await visit(root, false);
  return { root: out, transliterated };
}
