/**
 * Text analysis benchmark: normalize + tokenize + stem every title and body
 * of SaudiNewsNet on one thread; prints words, words/s and peak RSS.
 *
 *   npm run bench:text            (built to dist/bench/text.js)
 *   node dist/bench/text.js [dataDir] [--repeat N]
 * Exits non-zero when below the 2 M words/s goal.
 *
 * Decompression and JSON parsing happen before the clock starts: the figure
 * is the analyzer's own throughput.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { analyze } from '../main/core/text';
import { peakRssMb, printTable, sharedData } from './support';

interface Article {
  title?: string;
  content?: string;
}

function loadTexts(dir: string): string[] {
  const texts: string[] = [];
  for (const name of fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.json.gz'))
    .sort()) {
    const articles = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(dir, name))).toString('utf8')) as Article[];
    for (const a of articles) {
      if (a.title) texts.push(a.title);
      if (a.content) texts.push(a.content);
    }
  }
  return texts;
}

function main(): void {
  const args = process.argv.slice(2);
  const repeatAt = args.indexOf('--repeat');
  const repeat = repeatAt >= 0 ? Math.max(1, Number(args[repeatAt + 1] ?? '1')) : 1;
  const dir =
    args.find((a, i) => !a.startsWith('--') && (repeatAt < 0 || i !== repeatAt + 1)) ?? sharedData('saudinewsnet');
  const texts = loadTexts(dir);
  let chars = 0;
  for (const t of texts) chars += t.length;

  // Warm-up on a slice so the JIT has seen the hot paths.
  for (let i = 0; i < Math.min(texts.length, 2000); i++) analyze(texts[i] ?? '');

  let best = Infinity;
  let words = 0;
  let checksum = 0;
  for (let r = 0; r < repeat; r++) {
    words = 0;
    const t0 = process.hrtime.bigint();
    for (const t of texts) {
      const tokens = analyze(t);
      words += tokens.length;
      // Touch the keys so no work can be skipped.
      const last = tokens[tokens.length - 1];
      if (last !== undefined) checksum += last.stem.length + last.exact.length;
    }
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    best = Math.min(best, secs);
  }
  const rssMb = peakRssMb();
  const result = {
    texts: texts.length,
    chars,
    words,
    seconds: Number(best.toFixed(3)),
    wordsPerSecond: Math.round(words / best),
    peakRssMb: Number(rssMb.toFixed(1)),
    checksum,
  };
  printTable('Text analysis (normalize + tokenize + stem, one thread)', [
    ['texts (titles + bodies)', String(texts.length)],
    ['characters', String(chars)],
    ['words (tokens)', String(words)],
    ['seconds', best.toFixed(2)],
    ['words/s', `${(words / best / 1e6).toFixed(2)} M (goal 2 M)`],
    ['peak RSS', `${rssMb.toFixed(0)} MB`],
  ]);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  if (words / best < 2e6) process.exitCode = 1;
}

main();
