/**
 * Names across scripts: recall@10 of the transliteration candidates for the
 * fixture's Latin spellings (tests/fixtures/namesAcrossScripts.json: names
 * written in BBC News 2004-05 and in SaudiNewsNet 2015), both ways.
 *
 *   npm run bench:transliteration
 *   node dist/bench/transliteration.js [--write-counts]
 *
 * The candidate vocabulary is what a library of both corpora would hold in
 * search_terms: every exact key with its document frequency and a surface
 * (capitalised when most of its occurrences are). Latin → Arabic: is the
 * Arabic form among the first 10 candidates? Arabic → Latin: the reverse.
 * Exonyms (Spain اسبانيا, Munich ميونخ: the Arabic comes from another
 * language's name) are listed but not scored: no spelling rule links them.
 * --write-counts rewrites the fixture's per-corpus counts (the proof that
 * each name occurs in both). Exits non-zero below 0.9 either way.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { analyze } from '../main/core/text';
import { createTransliterator, listedNames, withoutArticle, type NameWord } from '../main/core/search/transliteration';
import { normalizeForMatching } from '../main/core/text';
import { printTable, sharedData } from './support';

interface Pair {
  latin: string;
  arabic: string;
  bbc?: number;
  saudinewsnet?: number;
  /** The Arabic comes from another language's name for the place (Spain اسبانيا). */
  exonym?: boolean;
}

interface Tally {
  df: number;
  /** Occurrences written with the article ال (as search_terms.definite records). */
  definite: number;
  capitalised: number;
  lower: number;
  surface: string;
}

function tallyTexts(texts: Iterable<string>, into: Map<string, Tally>): void {
  for (const text of texts) {
    const seen = new Set<string>();
    for (const t of analyze(text)) {
      if (t.stop || t.exact.length === 0) continue;
      let e = into.get(t.exact);
      if (!e) into.set(t.exact, (e = { df: 0, definite: 0, capitalised: 0, lower: 0, surface: t.text }));
      if (/^(?:[وفبك]?ال|لل)/u.test(t.norm) && !t.exact.startsWith('ال')) e.definite++;
      if (/^\p{Lu}/u.test(t.text)) e.capitalised++;
      else e.lower++;
      if (!seen.has(t.exact)) {
        seen.add(t.exact);
        e.df++;
      }
    }
  }
}

function* saudiTexts(): Generator<string> {
  const dir = sharedData('saudinewsnet');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json.gz'))) {
    const records = JSON.parse(gunzipSync(readFileSync(join(dir, f))).toString('utf8')) as Array<{
      title?: string;
      content?: string;
    }>;
    for (const r of records) yield `${r.title ?? ''}\n${r.content ?? ''}`;
  }
}

function* bbcTexts(): Generator<string> {
  const dir = mkdtempSync(join(tmpdir(), 'mizan-bbc-'));
  execFileSync('tar', ['-xzf', sharedData('bbc-fulltext.tar.gz'), '-C', dir]);
  for (const topic of readdirSync(join(dir, 'bbc'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name))
    for (const f of readdirSync(join(dir, 'bbc', topic)).filter((n) => n.endsWith('.txt')))
      yield readFileSync(join(dir, 'bbc', topic, f), 'utf8');
  rmSync(dir, { recursive: true, force: true });
}

const keyOf = (word: string): string => analyze(word).find((t) => !t.stop)?.exact ?? word;

async function main(): Promise<void> {
  const fixturePath = resolve(__dirname, '..', '..', 'tests', 'fixtures', 'namesAcrossScripts.json');
  const pairs = JSON.parse(readFileSync(fixturePath, 'utf8')) as Pair[];
  const t0 = Date.now();
  const arabic = new Map<string, Tally>();
  const latin = new Map<string, Tally>();
  tallyTexts(saudiTexts(), arabic);
  tallyTexts(bbcTexts(), latin);
  const words: NameWord[] = [...arabic, ...latin].map(([key, t]) => ({
    key,
    surface: t.capitalised > t.lower ? t.surface.replace(/^\p{Ll}/u, (c) => c.toUpperCase()) : t.surface.toLowerCase(),
    df: t.df,
    definite: t.definite > 0 ? 1 : 0,
  }));
  const vocabularyMs = Date.now() - t0;
  const transliterator = createTransliterator(listedNames(words));
  let toArabic = 0;
  let toLatin = 0;
  let exonymsFound = 0;
  const misses: string[] = [];
  const t1 = Date.now();
  const scored = pairs.filter((p) => !p.exonym);
  for (const p of pairs) {
    const a = keyOf(p.arabic);
    const l = keyOf(p.latin);
    p.saudinewsnet = arabic.get(a)?.df ?? 0;
    p.bbc = latin.get(l)?.df ?? 0;
    // The Arabic form is found under its exact key or, where a clitic rule took a radical (كيري → يري), as written.
    const written = withoutArticle(normalizeForMatching(p.arabic));
    const ar = await transliterator.candidates(l);
    const la = [...(await transliterator.candidates(a)), ...(await transliterator.candidates(written))];
    if (p.exonym) {
      if (ar.includes(a) || ar.includes(written)) exonymsFound++;
      continue;
    }
    if (ar.includes(a) || ar.includes(written)) toArabic++;
    else misses.push(`${p.latin} → ${p.arabic}: ${ar.slice(0, 5).join(' ') || '(none)'}`);
    if (la.includes(l)) toLatin++;
    else misses.push(`${p.arabic} → ${p.latin}: ${la.slice(0, 5).join(' ') || '(none)'}`);
  }
  const lookupMs = Date.now() - t1;
  const n = scored.length;
  printTable('Names across scripts (recall@10)', [
    ['pairs (transliterated names)', String(n)],
    ['exonyms (Spain اسبانيا: not scored), found', `${exonymsFound}/${pairs.length - n}`],
    ['absent from a corpus', String(pairs.filter((p) => !p.bbc || !p.saudinewsnet).length)],
    ['Latin → Arabic', `${toArabic}/${n} = ${(toArabic / n).toFixed(3)}`],
    ['Arabic → Latin', `${toLatin}/${n} = ${(toLatin / n).toFixed(3)}`],
    ['vocabulary', `${words.length} words, tallied in ${vocabularyMs} ms`],
    ['lookups (first: skeleton tables)', `${(2 * n).toLocaleString()} in ${lookupMs} ms`],
  ]);
  console.log(misses.join('\n'));
  if (process.argv.includes('--write-counts')) writeFileSync(fixturePath, `${JSON.stringify(pairs, null, 1)}\n`);
  if (toArabic / n < 0.9 || toLatin / n < 0.9) process.exitCode = 1;
}

void main();
