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
  latinMayStandForTest,
  latinSkeletons,
  latinWithoutArticle,
  maxTransliterationCost,
  transliterationCost,
} from '../text/transliterate';
import { packIndex, startsOf, type PackedIndex } from './packedIndex';
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

/** Which script's words a table holds: Arabic letters only, or a-z (and '). */
export type NameScript = 'arabic' | 'latin';

export interface NameVocabulary {
  /**
   * The candidate words of one script, one a line: key, surface, df and
   * definite separated by tabs (words of another script may come too; they
   * are left out). Text, not objects: a one-shot search scans it for the
   * few words it needs. Read again after `changed()`.
   */
  lines(script: NameScript): Promise<string>;
}

/** The first and the last-but-one code point of each script's keys: a range of the primary key, read in order. */
const SCRIPT_RANGE: Record<NameScript, readonly [string, string]> = {
  arabic: ['\u0621', '\u064b'],
  latin: ['a', '{'],
};

/**
 * The search vocabulary as the name list. One string per script: 152,000
 * row objects from the driver took 165 ms of CPU against 62 ms for the
 * string, on a 30,000-article library.
 */
export function searchTermsNames(db: Database): NameVocabulary {
  return {
    async lines(script) {
      const [from, below] = SCRIPT_RANGE[script];
      const row = await db.get<{ rows: string | null }>(
        `SELECT group_concat(key || char(9) || surface || char(9) || df || char(9) || definite, char(10)) AS rows
           FROM search_terms WHERE key >= ? AND key < ?`,
        [from, below],
      );
      return row?.rows ?? '';
    },
  };
}

/** A list of words as a vocabulary (tests, benchmarks). */
export function listedNames(words: readonly NameWord[]): NameVocabulary {
  const text = words.map((w) => `${w.key}\t${w.surface}\t${w.df}\t${w.definite}`).join('\n');
  return { lines: async () => text };
}

function parseLine(line: string): NameWord {
  const [key, surface, df, definite] = line.split('\t');
  return { key: key!, surface: surface!, df: Number(df), definite: Number(definite) };
}

/**
 * The words of `text` (NameVocabulary.lines) whose key passes `keep`; the
 * others are never made into objects. `keep` is also given where the key's
 * tab is, to look at the rest of the line without slicing it out.
 */
function scanLines(text: string, keep: (key: string, tab: number) => boolean): NameWord[] {
  const out: NameWord[] = [];
  for (let start = 0; start < text.length;) {
    const next = text.indexOf('\n', start);
    const end = next < 0 ? text.length : next;
    const tab = text.indexOf('\t', start);
    const key = text.slice(start, tab);
    if (keep(key, tab)) out.push(parseLine(text.slice(start, end)));
    start = end + 1;
  }
  return out;
}

/** Spellings searched per word: the cheapest first, then the most frequent. */
export const MAX_TRANSLITERATIONS = 10;

export interface Transliterator {
  /** The other script's spellings of `word` (an exact key) in the library, best first; [] when none. */
  candidates(word: string): Promise<string[]>;
  /** The words changed (a commit): read them again on next use, which waits for them. */
  changed(): void;
}

/** The word of the line starting at `start`. */
function lineAt(text: string, start: number): NameWord {
  const end = text.indexOf('\n', start);
  return parseLine(text.slice(start, end < 0 ? text.length : end));
}

/** Arabic words by consonant skeleton, what a Latin query word is looked up in. */
interface ArabicTable {
  text: string;
  bySkeleton: PackedIndex;
}

interface LatinTable {
  text: string;
  /** Every Latin word by key: is a Latin query word written in lower case (an English word, not a name)? */
  byKey: PackedIndex;
  /** Capitalised Latin words by each skeleton they may stand for: what an Arabic query word is looked up in. */
  names: PackedIndex;
}

const isCapitalised = (surface: string): boolean => /^\p{Lu}/u.test(surface);

/** `isCapitalised` of the surface after the key's tab at `tab` in a line of `text`: ASCII read in place. */
function surfaceCapitalised(text: string, tab: number): boolean {
  const c = text.charCodeAt(tab + 1);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  const end = text.indexOf('\t', tab + 1);
  return isCapitalised(text.slice(tab + 1, end < 0 ? text.length : end));
}

/** Calls `each` with the start, key and key's tab of every line of `text`. */
function forEachLine(text: string, each: (start: number, key: string, tab: number) => void): void {
  for (let start = 0; start < text.length;) {
    const next = text.indexOf('\n', start);
    const tab = text.indexOf('\t', start);
    each(start, text.slice(start, tab), tab);
    start = next < 0 ? text.length : next + 1;
  }
}

async function arabicTable(names: NameVocabulary): Promise<ArabicTable> {
  const text = await names.lines('arabic');
  const starts: number[] = [];
  const skeletons: string[] = [];
  forEachLine(text, (start, key) => {
    if (!isArabicWord(key)) return;
    starts.push(start);
    skeletons.push(arabicSkeleton(key));
  });
  return { text, bySkeleton: packIndex(skeletons, starts) };
}

async function latinTable(names: NameVocabulary): Promise<LatinTable> {
  const text = await names.lines('latin');
  const starts: number[] = [];
  const keys: string[] = [];
  const nameStarts: number[] = [];
  const skeletons: string[] = [];
  forEachLine(text, (start, key, tab) => {
    if (!isLatinWord(key)) return;
    starts.push(start);
    keys.push(key);
    // Only names: an English article's common words are written in lower case.
    if (key.length >= 3 && !key.includes("'") && surfaceCapitalised(text, tab))
      for (const s of latinSkeletons(key)) {
        nameStarts.push(start);
        skeletons.push(s);
      }
  });
  return { text, byKey: packIndex(keys, starts), names: packIndex(skeletons, nameStarts) };
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
   * answered without transliteration; they are still built for the next one. Only while the words are those the
   * library was opened with: once they changed (an import), a query waits for tables that hold the new words.
   * Default: until they are ready.
   */
  firstWaitMs?: number;
  /**
   * Look a word up by scanning the other script's words rather than building
   * their table: for a process that answers one search (the CLI).
   */
  scan?: boolean;
}

/**
 * A table built on first use and built again on the first use after a
 * change. That use waits for the new table: the old one lacks the words just
 * imported, so a name searched right after its import would not be found.
 * Each build is tagged with the change count when it started; an older
 * build never replaces a newer table.
 */
function lazyTable<T>(build: () => Promise<T>, built: () => void) {
  let version = 0;
  let table: { t: T; version: number } | null = null;
  let building: { p: Promise<T>; version: number } | null = null;
  const start = (): Promise<T> => {
    const at = version;
    const p = build().then(
      (t) => {
        if (!table || table.version < at) {
          table = { t, version: at };
          built();
        }
        if (building?.version === at) building = null;
        return t;
      },
      (error: unknown) => {
        if (building?.version === at) building = null;
        throw error;
      },
    );
    building = { p, version: at };
    return p;
  };
  return {
    changed(): void {
      version++;
    },
    /** The table now, or the promise of the one being built for the words as they are. */
    get(): T | Promise<T> {
      if (table && table.version === version) return table.t;
      if (building && building.version === version) return building.p;
      return start();
    },
  };
}

/**
 * Each script's table is built when a query word first needs it: an Arabic
 * word reads only the library's Latin words (3,644 of 155,715 in a
 * 30,000-article SaudiNewsNet library), a Latin word both.
 */
export function createTransliterator(names: NameVocabulary, options: TransliteratorOptions = {}): Transliterator {
  let firstWaitMs = options.firstWaitMs ?? Infinity;
  const cache = new Map<string, string[]>();
  // Changes seen: an answer worked out from the words before a change is not remembered after it.
  let changes = 0;
  const arabic = lazyTable(
    () => arabicTable(names),
    () => cache.clear(),
  );
  const latin = lazyTable(
    () => latinTable(names),
    () => cache.clear(),
  );
  // One-shot: the words as read, scanned for each word asked.
  const scan = options.scan ?? false;
  const arabicText = lazyTable(
    () => names.lines('arabic'),
    () => cache.clear(),
  );
  const latinText = lazyTable(
    () => names.lines('latin'),
    () => cache.clear(),
  );
  /** The tables, or null when the first build outlasts `firstWaitMs`. */
  const ready = async <T>(pending: Promise<T>): Promise<T | null> => {
    if (firstWaitMs === Infinity) return pending;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((done) => (timer = setTimeout(() => done(null), firstWaitMs)));
    const t = await Promise.race([pending, late]);
    clearTimeout(timer);
    return t;
  };
  /** The library's own spelling of a Latin word, and its Arabic words of any of `skeletons`; null when not ready. */
  const latinLookup = async (
    word: string,
    skeletons: string[],
  ): Promise<{ own: NameWord | undefined; arabic: NameWord[] } | null> => {
    if (scan) {
      const texts = [latinText.get(), arabicText.get()] as const;
      const both = texts.some((t) => t instanceof Promise) ? await ready(Promise.all(texts)) : texts;
      if (!both) return null;
      const [l, a] = both as readonly [string, string];
      const wanted = new Set(skeletons);
      return {
        own: scanLines(l, (k) => k === word)[0],
        arabic: scanLines(a, (k) => isArabicWord(k) && wanted.has(arabicSkeleton(k))),
      };
    }
    const tables = [latin.get(), arabic.get()] as const;
    const both = tables.some((t) => t instanceof Promise) ? await ready(Promise.all(tables)) : tables;
    if (!both) return null;
    const [l, a] = both as readonly [LatinTable, ArabicTable];
    const starts = new Set<number>();
    for (const s of skeletons) for (const start of startsOf(a.bySkeleton, s)) starts.add(start);
    // A key listed twice: its last line, as a map of keys would keep.
    const own = startsOf(l.byKey, word).at(-1);
    return {
      own: own === undefined ? undefined : lineAt(l.text, own),
      arabic: [...starts].map((start) => lineAt(a.text, start)),
    };
  };
  const fromLatin = async (word: string): Promise<string[] | null> => {
    const bare = latinWithoutArticle(word);
    const found = await latinLookup(word, latinSkeletons(bare));
    if (!found) return null;
    // A word the library writes in lower case is an English word, not a name (said, saw).
    if (found.own && !isCapitalised(found.own.surface)) return [];
    const limit = maxTransliterationCost(bare);
    const scored: Array<{ w: NameWord; cost: number }> = [];
    for (const w of found.arabic) {
      const cost = transliterationCost(w.key, bare);
      if (cost <= limit) scored.push({ w, cost });
    }
    return best(scored);
  };
  // Each skeleton scanned once for the words as read: a query word and its written form often share one
  // (السعودية: سعوديه and سعودية).
  let scannedText: string | null = null;
  const scanned = new Map<string, NameWord[]>();
  /** The capitalised Latin words that may stand for `skeleton`, by scanning the words as read; null when not ready. */
  const latinNamesScanned = async (skeleton: string): Promise<NameWord[] | null> => {
    const t = latinText.get();
    const text = t instanceof Promise ? await ready(t) : t;
    if (text === null) return null;
    if (text !== scannedText) {
      scanned.clear();
      scannedText = text;
    }
    const known = scanned.get(skeleton);
    if (known) return known;
    const mayStandFor = latinMayStandForTest(skeleton);
    // The capital first: it rules out most of a library's Latin words (English prose) before the reading is tried.
    const found = scanLines(
      text,
      (k, tab) =>
        k.length >= 3 && surfaceCapitalised(text, tab) && isLatinWord(k) && !k.includes("'") && mayStandFor(k),
    ).filter((w) => latinSkeletons(w.key).includes(skeleton));
    scanned.set(skeleton, found);
    return found;
  };
  const latinNames = async (skeleton: string): Promise<NameWord[] | null> => {
    if (scan) return latinNamesScanned(skeleton);
    const table = latin.get();
    const l = table instanceof Promise ? await ready(table) : table;
    return l ? Array.from(startsOf(l.names, skeleton), (start) => lineAt(l.text, start)) : null;
  };
  const fromArabic = async (word: string): Promise<string[] | null> => {
    const names = await latinNames(arabicSkeleton(word));
    if (!names) return null;
    const scored: Array<{ w: NameWord; cost: number }> = [];
    for (const w of names) {
      const cost = transliterationCost(word, w.key);
      if (cost <= maxTransliterationCost(w.key)) scored.push({ w, cost });
    }
    return best(scored);
  };
  return {
    changed() {
      firstWaitMs = Infinity;
      changes++;
      cache.clear();
      for (const t of [arabic, latin, arabicText, latinText]) t.changed();
    },
    async candidates(word) {
      const hit = cache.get(word);
      if (hit) return hit;
      const seen = changes;
      const out =
        isLatinWord(latinWithoutArticle(word)) && word.length >= 3
          ? await fromLatin(word)
          : isArabicWord(word) && word.length >= 3
            ? await fromArabic(word)
            : [];
      if (out === null) return [];
      if (seen !== changes) return out;
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
