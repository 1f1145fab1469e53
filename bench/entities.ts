/**
 * npm run bench:entities -- CORPUS_DIR — the entity extractor against a
 * hand-annotated Arabic corpus. (The fact ledger's own extractor, once the
 * baseline here, is gone: the ledger uses this one.)
 *
 * Corpus: AQMAR Arabic Wikipedia NER corpus (Mohit, Schneider, Bhowmick,
 * Oflazer, Smith, EACL 2012; CC BY-SA 3.0): 28 articles, one "token TAG"
 * pair a line, a blank line between sentences, BIO tags PER/LOC/ORG (MIS*
 * is not scored). ANERcorp, in the same format with PERS, can be given the
 * same way for an independent check. The corpus is read by path (argument or
 * MIZAN_NER_CORPUS), never committed.
 *
 * Two runs: the extractor as the app uses it (rules + tagger), then the rules
 * alone as the baseline; MIZAN_NER_CURVE=1 adds precision and recall at other
 * operating points of the tagger (its margin floor, spreading names; tagger.ts). The tagger and the name lists
 * derive from AQMAR too (scripts/deriveEntityTagger.js, deriveEntityNames.js): the honest AQMAR figure is
 * cross-validated (AQMAR_FOLD, README); a whole-AQMAR run here is in-sample.
 *
 * `--sample DAY N` instead prints the mentions of N articles of one
 * SaudiNewsNet day, drawn with a fixed seed, for reading by hand.
 *
 * Scoring: typed exact spans at the corpus's token granularity. A mention
 * counts from the token holding its first character to the one holding its
 * last, so a stripped clitic (بدمشق → دمشق) still meets the gold token.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { extractEntities, traceEntities, type EntityKind } from '../main/core/entities';
import { OPERATING_POINT } from '../main/core/entities/tagger';
import { printTable, sharedData } from './support';
import { useLibraryLists } from './entityLibrary';
import { reportPaths, verdictOf, writeTrace, type Span, type TraceRow } from './entityPaths';

interface Doc {
  name: string;
  text: string;
  /** [start, end) of each corpus token in text. */
  tokens: Array<[number, number]>;
  gold: Span[];
}

const KINDS: Record<string, EntityKind> = { PER: 'person', PERS: 'person', LOC: 'place', ORG: 'organisation' };

function readDoc(name: string, raw: string): Doc {
  let text = '';
  const tokens: Array<[number, number]> = [];
  const gold: Span[] = [];
  let open: Span | null = null;
  const close = (): void => {
    if (open) gold.push(open);
    open = null;
  };
  for (const line of raw.split(/\r?\n/u)) {
    const parts = line.trim().split(/\s+/u);
    if (parts.length < 2 || !parts[0]) {
      close();
      if (text && !text.endsWith('\n')) text += '\n';
      continue;
    }
    const [word, tag] = parts as [string, string];
    if (text && !text.endsWith('\n')) text += ' ';
    tokens.push([text.length, text.length + word.length]);
    text += word;
    const i = tokens.length - 1;
    const m = /^([BI])-+(\w+)$/u.exec(tag);
    const kind = m ? KINDS[m[2]!] : undefined;
    if (!m || !kind) {
      close();
      continue;
    }
    if (m[1] === 'I' && open && (open as Span).kind === kind && (open as Span).to === i) (open as Span).to = i + 1;
    else {
      close();
      open = { kind, from: i, to: i + 1 };
    }
  }
  close();
  return { name, text, tokens, gold };
}

function tokenAt(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.tokens[mid]![0] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function toSpans(doc: Doc, found: Array<{ kind: EntityKind; start: number; end: number }>): Span[] {
  return found.map((m) => ({ kind: m.kind, from: tokenAt(doc, m.start), to: tokenAt(doc, m.end - 1) + 1 }));
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

function score(docs: readonly Doc[], predict: (doc: Doc) => Span[]): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  const bump = (k: string, f: keyof Tally): void => {
    const t = tallies.get(k) ?? { tp: 0, fp: 0, fn: 0 };
    t[f]++;
    tallies.set(k, t);
  };
  for (const doc of docs) {
    const id = (s: Span): string => `${s.kind}:${s.from}:${s.to}`;
    const gold = new Set(doc.gold.map(id));
    const seen = new Set<string>();
    for (const s of predict(doc)) {
      if (seen.has(id(s))) continue;
      seen.add(id(s));
      const hit = gold.has(id(s)) ? 'tp' : 'fp';
      bump(s.kind, hit);
      bump('all', hit);
    }
    for (const s of doc.gold) {
      if (seen.has(id(s))) continue;
      bump(s.kind, 'fn');
      bump('all', 'fn');
    }
  }
  return tallies;
}

function rows(tallies: Map<string, Tally>): Array<[string, string]> {
  return ['person', 'place', 'organisation', 'all'].map((k) => {
    const t = tallies.get(k) ?? { tp: 0, fp: 0, fn: 0 };
    const p = t.tp / Math.max(1, t.tp + t.fp);
    const r = t.tp / Math.max(1, t.tp + t.fn);
    const f = p + r > 0 ? (2 * p * r) / (p + r) : 0;
    return [k, `P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f.toFixed(3)}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`] as [
      string,
      string,
    ];
  });
}

function corpusFiles(path: string): Array<{ name: string; raw: string }> {
  if (statSync(path).isFile()) return [{ name: path, raw: readFileSync(path, 'utf8') }];
  return readdirSync(path)
    .filter((n) => /\.(txt|conll|bio)$/u.test(n))
    .sort()
    .map((n) => ({ name: n, raw: readFileSync(join(path, n), 'utf8') }));
}

/** Mentions of n articles of a SaudiNewsNet day (seeded draw), one line per article, for hand reading. */
function sample(day: string, n: number): void {
  const file = sharedData('saudinewsnet', `${day}.json.gz`);
  const articles = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as Array<{
    source: string;
    title: string;
    content: string;
  }>;
  let seed = 7;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  let count = 0;
  for (let k = 0; k < n; k++) {
    const a = articles[Math.floor(next() * articles.length)]!;
    const ms = extractEntities(a.content || '', { lang: 'ar' });
    count += ms.length;
    process.stdout.write(`== ${a.source} ${a.title}\n`);
    process.stdout.write(ms.map((m) => `${m.kind} ${m.text}${m.title ? ` [${m.title.text}]` : ''}`).join(' | ') + '\n');
  }
  process.stdout.write(`${count} mentions in ${n} articles\n`);
}

if (process.argv[2] === '--paths') {
  reportPaths(process.argv.slice(3));
  process.exit(0);
}
if (process.argv[2] === '--sample') {
  sample(process.argv[3] ?? '2015-08-04', Number(process.argv[4] ?? 12));
  process.exit(0);
}
const path = process.argv[2] ?? process.env.MIZAN_NER_CORPUS;
if (!path) {
  process.stderr.write('usage: node dist/bench/entities.js CORPUS_DIR_OR_FILE (or MIZAN_NER_CORPUS=...)\n');
  process.exit(2);
}
// MIZAN_NER_FLOORS=person:40,place:60,organisation:80 scores other floors than the shipped ones (a fold's sweep).
for (const pair of (process.env.MIZAN_NER_FLOORS ?? '').split(',').filter(Boolean)) {
  const [kind, floor] = pair.split(':') as [EntityKind, string];
  if (!(kind in OPERATING_POINT.floors)) throw new Error(`MIZAN_NER_FLOORS: no kind ${kind}`);
  OPERATING_POINT.floors[kind] = Number(floor);
}
if (process.env.MIZAN_NER_LIBRARY) {
  // Lists learned from SaudiNewsNet as the user's library, added for this run only (entityLibrary.ts).
  const family = useLibraryLists();
  process.stdout.write(`library lists: ${family.length} family names (${family.slice(0, 12).join(', ')}…)\n`);
}
const docs = corpusFiles(path).map((f) => readDoc(f.name, f.raw));
const tokens = docs.reduce((n, d) => n + d.tokens.length, 0);
process.stdout.write(
  `corpus ${path}: ${docs.length} documents, ${tokens} tokens, ${docs.reduce((n, d) => n + d.gold.length, 0)} gold PER/LOC/ORG\n`,
);

/** Scores one configuration; speed as tokens per second of this process's CPU time (the machine is shared). */
function run(title: string, learned: boolean): void {
  extractEntities('تحميل', { lang: 'ar', learned }); // loads the tagger's weights outside the timing
  const cpu = process.cpuUsage();
  const tallies = score(docs, (doc) => toSpans(doc, extractEntities(doc.text, { lang: 'ar', learned })));
  const used = process.cpuUsage(cpu);
  const seconds = (used.user + used.system) / 1e6;
  printTable(`${title}, ${(tokens / seconds / 1000).toFixed(0)} k tokens per CPU second`, rows(tallies));
}
run('entities (main/core/entities): rules + tagger', true);
run('baseline: the rules alone (learned: false)', false);

if (process.env.MIZAN_NER_CURVE) {
  // Precision and recall at other operating points: each kind's floor in turn (the others as chosen), then the
  // chosen floors without spreading names in a text.
  const chosen = { ...OPERATING_POINT, floors: { ...OPERATING_POINT.floors } };
  const cells: Array<[string, string]> = [];
  const cell = (label: string, kind: string): void => {
    const t = score(docs, (doc) => toSpans(doc, extractEntities(doc.text, { lang: 'ar' })));
    const text = [kind, 'all'].map((k) => {
      const x = t.get(k) ?? { tp: 0, fp: 0, fn: 0 };
      return `${k} P ${(x.tp / Math.max(1, x.tp + x.fp)).toFixed(3)} R ${(x.tp / Math.max(1, x.tp + x.fn)).toFixed(3)}`;
    });
    cells.push([label, text.join('  ')]);
  };
  for (const kind of ['person', 'place', 'organisation'] as const)
    for (const floor of [0, 20, 40, 60, 80, 120, 160, Infinity]) {
      Object.assign(OPERATING_POINT, { floors: { ...chosen.floors, [kind]: floor } });
      cell(`${kind} floor ${floor}`, kind);
    }
  Object.assign(OPERATING_POINT, { floors: { ...chosen.floors }, spread: false });
  cell('chosen floors, no spread', 'all');
  Object.assign(OPERATING_POINT, chosen);
  const floors = Object.entries(chosen.floors).map(([k, f]) => `${k} ${f}`);
  printTable(`operating points (chosen: ${floors.join(', ')}${chosen.spread ? ', spread' : ''})`, cells);
}

if (process.env.MIZAN_NER_ERRORS) {
  // Lists what was missed and what was wrong, for reading by hand.
  for (const doc of docs) {
    const found = toSpans(doc, extractEntities(doc.text, { lang: 'ar' }));
    const words = (s: Span): string => doc.text.slice(doc.tokens[s.from]![0], doc.tokens[s.to - 1]![1]);
    const around = (s: Span): string => {
      const a = doc.tokens[Math.max(0, s.from - 4)]![0];
      const b = doc.tokens[Math.min(doc.tokens.length - 1, s.to + 3)]![1];
      return doc.text.slice(a, b).replace(/\n/gu, ' / ');
    };
    const gold = new Set(doc.gold.map((s) => `${s.kind}:${s.from}:${s.to}`));
    const got = new Set(found.map((s) => `${s.kind}:${s.from}:${s.to}`));
    for (const s of found)
      if (!gold.has(`${s.kind}:${s.from}:${s.to}`)) process.stdout.write(`FP ${s.kind} ${words(s)}\t${around(s)}\n`);
    for (const s of doc.gold)
      if (!got.has(`${s.kind}:${s.from}:${s.to}`)) process.stdout.write(`FN ${s.kind} ${words(s)}\t${around(s)}\n`);
  }
}

if (process.env.MIZAN_NER_TRACE) {
  // Each mention's path and verdict, for `--paths` to add up over folds (entityPaths.ts).
  const rows: TraceRow[] = [];
  const gold: Record<string, number> = {};
  for (const doc of docs) {
    for (const g of doc.gold) gold[g.kind] = (gold[g.kind] ?? 0) + 1;
    const seen = new Set<string>();
    for (const m of traceEntities(doc.text, { lang: 'ar' })) {
      const [s] = toSpans(doc, [m]);
      const id = `${s!.kind}:${s!.from}:${s!.to}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const row: TraceRow = { kind: m.kind, via: m.via, verdict: verdictOf(s!, doc.gold), text: m.text };
      if (m.margin !== undefined) row.margin = Math.round(m.margin);
      if (row.verdict !== 'tp') {
        const a = doc.tokens[Math.max(0, s!.from - 4)]![0];
        const b = doc.tokens[Math.min(doc.tokens.length - 1, s!.to + 3)]![1];
        row.context = doc.text.slice(a, b).replace(/\n/gu, ' / ');
        const words = (g: Span): string => doc.text.slice(doc.tokens[g.from]![0], doc.tokens[g.to - 1]![1]);
        row.overlaps = doc.gold
          .filter((g) => g.from < s!.to && s!.from < g.to)
          .map((g) => `${g.kind}:${words(g)}`)
          .join(' | ');
      }
      rows.push(row);
    }
  }
  writeTrace(process.env.MIZAN_NER_TRACE, { rows, gold });
}
