/**
 * The measurements behind two importer decisions (main/core/importers/README.md),
 * re-runnable on real data:
 *
 *   node dist/bench/importMeasures.js encodings
 *     every 97th SaudiNewsNet article (and its title) of the 18 days encoded
 *     in Windows-1256 and ISO-8859-6, and slices of French/Spanish/English
 *     pages in Windows-1252, at four lengths: right, wrong and refused counts.
 *   node dist/bench/importMeasures.js near
 *     MinHash estimates against exact Jaccard over every candidate pair of
 *     the 30,676 SaudiNewsNet articles, and the agreement at each threshold.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { decodeText } from '../main/core/importers/decode';
import { bandKeys, estimateSimilarity, exactSimilarity, shingleHashes } from '../main/core/library/minhash';
import { parseFile } from '../main/core/importers/registry';
import type { ParsedArticle } from '../main/core/importers/types';
import { normalizeForMatching } from '../common/text/normalize';
import { printTable, sharedData } from './support';

function saudiDays(): string[] {
  const folder = sharedData('saudinewsnet');
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json.gz'))
    .sort()
    .map((f) => join(folder, f));
}

function measureEncodings(): void {
  const arabic: string[] = [readFileSync(sharedData('seed', 'hurriya-2021-07-26.txt'), 'utf8')];
  for (const day of saudiDays()) {
    const records = JSON.parse(gunzipSync(readFileSync(day)).toString('utf8')) as Array<{
      content: string;
      title: string;
    }>;
    for (let i = 0; i < records.length; i += 97)
      if (records[i]!.content.trim() !== '') arabic.push(records[i]!.content, records[i]!.title);
  }
  const western: string[] = [];
  for (const page of [
    'test_liberation',
    'test_lefigaro',
    'test_elpais',
    'test_elmondo1',
    'test_issue4',
    'test_yahoo',
    'test_guardian1',
  ]) {
    const text = readFileSync(sharedData('html-pages', `${page}.html`), 'utf8')
      .replace(/<script[\s\S]*?<\/script>/gi, ' ')
      .replace(/<style[\s\S]*?<\/style>/gi, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&[a-z#0-9]+;/gi, ' ')
      .replace(/\s+/g, ' ');
    for (let i = 0; i + 2000 < text.length; i += 1500) western.push(text.slice(i, i + 2000));
  }
  const rows: Array<[string, string]> = [];
  for (const [name, texts, encoding] of [
    ['Arabic', arabic, 'windows-1256'],
    ['Arabic', arabic, 'iso-8859-6'],
    ['Western', western, 'windows-1252'],
  ] as const) {
    for (const length of [Infinity, 300, 80, 30]) {
      let right = 0;
      let wrong = 0;
      let refused = 0;
      for (const text of texts) {
        const bytes = iconv.encode(text.slice(0, length), encoding);
        if (!bytes.some((b) => b >= 0x80)) continue;
        try {
          if (decodeText(bytes, 'case.txt').encoding === encoding) right++;
          else wrong++;
        } catch {
          refused++;
        }
      }
      rows.push([
        `${name} as ${encoding}, first ${length === Infinity ? 'all' : length} chars`,
        `${right} right, ${wrong} wrong, ${refused} refused`,
      ]);
    }
  }
  printTable('Single-byte encodings on real text', rows);
}

function measureNear(): void {
  const articles: ParsedArticle[] = [];
  for (const day of saudiDays()) for (const r of parseFile(day, readFileSync(day))) if (r.ok) articles.push(r.article);
  const buckets = new Map<number, number[]>();
  const pairs = new Set<number>();
  articles.forEach((a, i) => {
    if (!a.minhash) return;
    for (const key of bandKeys(a.minhash)) {
      const bucket = buckets.get(key) ?? [];
      for (const j of bucket) pairs.add(j * 100_000 + i);
      bucket.push(i);
      buckets.set(key, bucket);
    }
  });
  const scored: Array<{ estimate: number; exact: number }> = [];
  for (const pair of pairs) {
    const a = articles[Math.floor(pair / 100_000)]!;
    const b = articles[pair % 100_000]!;
    if (a.contentHash === b.contentHash) continue;
    const estimate = estimateSimilarity(a.minhash!, b.minhash!);
    if (estimate < 0.4) continue;
    const exact = exactSimilarity(
      shingleHashes(normalizeForMatching(a.body)),
      shingleHashes(normalizeForMatching(b.body)),
    );
    scored.push({ estimate, exact });
  }
  const error = scored.reduce((s, p) => s + Math.abs(p.estimate - p.exact), 0) / scored.length;
  const rows: Array<[string, string]> = [
    ['articles with text', String(articles.length)],
    ['with a signature (>= 20 shingles)', String(articles.filter((a) => a.minhash).length)],
    ['candidate pairs, estimate >= 0.4', String(scored.length)],
    ['mean |estimate - exact Jaccard|', error.toFixed(3)],
  ];
  for (const threshold of [0.5, 0.6, 0.7, 0.8, 0.9]) {
    const exact = scored.filter((p) => p.exact >= threshold).length;
    const estimated = scored.filter((p) => p.estimate >= threshold).length;
    const both = scored.filter((p) => p.exact >= threshold && p.estimate >= threshold).length;
    rows.push([`at ${threshold}: exact / estimated / both`, `${exact} / ${estimated} / ${both}`]);
  }
  printTable('Near-duplicates: MinHash against exact Jaccard (SaudiNewsNet)', rows);
}

const what = process.argv[2];
if (what === 'encodings') measureEncodings();
else if (what === 'near') measureNear();
else {
  process.stderr.write('usage: node dist/bench/importMeasures.js encodings|near\n');
  process.exitCode = 2;
}
