/**
 * ECB+ (Cybulska & Vossen, LREC 2014, "Using a sledgehammer to crack a nut?
 * Lexical diversity and event coreference resolution"; CC BY 3.0): 982 news
 * articles in 43 topics, each topic two *subtopics* — `N_Mecb.xml` files
 * report one event, `N_Mecbplus.xml` files a similar but different one (two
 * earthquakes, two Oscars ceremonies). A labelled set of "same event, not
 * same topic". Files are tokens (`<token sentence="S">word</token>`) with
 * markables; only the tokens are read here.
 *
 * The corpus is read from a git mirror holding it unzipped
 * (`ECB+_LREC2014/ECB+/<topic>/<file>.xml`, e.g. github tommasoc80/EventStoryLine)
 * or from the JSON-lines file `extractEcbPlus` writes from one.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface EcbDocument {
  /** The file name, e.g. "1_10ecbplus.xml". */
  name: string;
  topic: number;
  /** The gold event: the topic and which of its two subtopics ("1" or "1+"). */
  subtopic: string;
  /** The first sentence that is neither a URL nor a dateline (the headline in ECB+ files, the lead in ECB's). */
  title: string;
  body: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+);/gu, (_, e: string) =>
    e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e]!,
  );
}

/** Tokens joined back into text: no space before closing punctuation and clitics, none after opening brackets. */
export function detokenize(tokens: readonly string[]): string {
  return tokens
    .map((t) => (t === '``' || t === "''" ? '"' : t))
    .join(' ')
    .replace(/ ([,.:;?!%)\]}]|'s\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|n't\b)/gu, '$1')
    .replace(/([([{$]) /gu, '$1')
    .replace(/" ([^"]*?) "/gu, '"$1"')
    .trim();
}

/** The sentences of one ECB+ file, in order, as text. */
export function ecbSentences(xml: string): string[] {
  const bySentence = new Map<number, string[]>();
  for (const m of xml.matchAll(/<token\b[^>]*\bsentence="(\d+)"[^>]*>([^<]*)<\/token>/gu)) {
    const s = Number(m[1]);
    const list = bySentence.get(s) ?? [];
    list.push(unescapeXml(m[2]!));
    bySentence.set(s, list);
  }
  return [...bySentence.keys()].sort((a, b) => a - b).map((s) => detokenize(bySentence.get(s)!));
}

const MONTHS =
  /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?|mon(day)?|tue(sday)?|wed(nesday)?|thu(rsday)?|fri(day)?|sat(urday)?|sun(day)?|gmt|utc|[ap]m|e[sd]t|p[sd]t|st|nd|rd|th|updated|posted|published|last|at|on|by)\b/giu;

/**
 * A line that is no sentence of the report: the source URL ECB+ files open
 * with, or a dateline ("May 03, 2013", "November 28th, 2005, 09:11 GMT").
 * Both would tell the two subtopics apart by form (only ECB+ files carry
 * them), not by event.
 */
export function isUrlOrDateline(sentence: string): boolean {
  if (/^(https?\s*:|www\s*\.)/iu.test(sentence)) return true;
  const words = sentence
    .replace(/\d(st|nd|rd|th)\b/giu, ' ')
    .replace(MONTHS, ' ')
    .match(/\p{L}{2,}/gu);
  return words === null && /\d/u.test(sentence);
}

/** One ECB+ file as a document: its gold subtopic from the file name, title and body from its sentences. */
export function ecbDocument(name: string, xml: string): EcbDocument | null {
  const m = /^(\d+)_\d+(ecb|ecbplus)\.xml$/u.exec(name);
  if (!m) return null;
  const topic = Number(m[1]);
  const sentences = ecbSentences(xml).filter((s) => s && !isUrlOrDateline(s));
  if (sentences.length === 0) return null;
  return {
    name,
    topic,
    subtopic: m[2] === 'ecbplus' ? `${topic}+` : `${topic}`,
    title: sentences[0]!,
    body: sentences.slice(1).join('\n'),
  };
}

const CORPUS_DIR = 'ECB+_LREC2014/ECB+/';

/** Every document of the corpus in a git mirror (a bare or working repository), in path order. */
export function readEcbMirror(gitDir: string): EcbDocument[] {
  const paths = execFileSync('git', ['-C', gitDir, 'ls-tree', '-r', '--name-only', 'HEAD', CORPUS_DIR], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  })
    .split('\n')
    .filter((p) => p.endsWith('.xml'))
    .sort();
  // One `cat-file --batch` for all files (a git call per file would take minutes); sizes are in bytes.
  const out = execFileSync('git', ['-C', gitDir, 'cat-file', '--batch'], {
    input: paths.map((p) => `HEAD:${p}`).join('\n') + '\n',
    maxBuffer: 1 << 30,
  });
  const docs: EcbDocument[] = [];
  let at = 0;
  for (const path of paths) {
    const eol = out.indexOf(10, at);
    const size = Number(out.subarray(at, eol).toString('latin1').split(' ')[2]);
    const xml = out.subarray(eol + 1, eol + 1 + size).toString('utf8');
    at = eol + 1 + size + 1;
    const doc = ecbDocument(path.slice(path.lastIndexOf('/') + 1), xml);
    if (doc) docs.push(doc);
  }
  return docs;
}

/** The corpus from `extractEcbPlus`'s file. */
export function readEcbLines(path: string): EcbDocument[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EcbDocument);
}

/** Writes the corpus as one JSON line per document (`ecbplus.jsonl` in `folder`); returns the file's path. */
export function extractEcbPlus(gitDir: string, folder: string): string {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, 'ecbplus.jsonl');
  writeFileSync(
    path,
    readEcbMirror(gitDir)
      .map((d) => JSON.stringify(d) + '\n')
      .join(''),
  );
  return path;
}
