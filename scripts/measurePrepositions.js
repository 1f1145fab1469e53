/**
 * Derives main/core/text/prepositions.ts from SaudiNewsNet: which words a bare
 * ل / ب / ك may be stripped from. Run after `npm run build`:
 *   node scripts/measurePrepositions.js > /tmp/lists.json
 * Counts are of exact keys (article and conjunction already stripped, stop
 * words left out). Rule (main/core/text/README.md, "Prepositions"): a word Y of at least 3
 * letters seen >= 100 times is a target; p+Y is kept whole when it occurs
 * more often than Y itself (بشكل, كبير, لجنة are words, not ب+شكل...).
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { analyze } = require('../dist/main/core/text');

const dir = path.resolve(__dirname, '..', '..', 'shared', 'data', 'saudinewsnet');
const freq = new Map();
for (const name of fs
  .readdirSync(dir)
  .filter((n) => n.endsWith('.json.gz'))
  .sort()) {
  for (const article of JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(dir, name))).toString('utf8'))) {
    for (const text of [article.title, article.content]) {
      if (!text) continue;
      for (const t of analyze(text)) if (!t.stop && t.kind === 'word') freq.set(t.exact, (freq.get(t.exact) ?? 0) + 1);
    }
  }
}
const count = (w) => freq.get(w) ?? 0;
const targets = [...freq]
  .filter(([w, n]) => n >= 100 && w.length >= 3 && /^[\u0621-\u064a]+$/.test(w))
  .map(([w]) => w)
  .sort();
const keep = targets
  .flatMap((y) => ['ل', 'ب', 'ك'].map((p) => p + y))
  .filter((w) => count(w) > 0 && count(w) > count(w.slice(1)))
  .sort();
process.stdout.write(JSON.stringify({ targets, keep }));
