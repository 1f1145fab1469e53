/**
 * Measures the guard lists on SaudiNewsNet (test data: it only prints figures, nothing it reads ends up in the app)
 * against an older build's analyzer. Run after `npm run build`:
 *   node scripts/measureGuards.js /work/base66/dist
 * Prints how many Arabic word tokens change exact key and stem, and the most frequent changes (word: before → after).
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const current = require('../dist/main/core/text');

const dir = path.resolve(__dirname, '..', '..', 'shared', 'data', 'saudinewsnet');
if (!process.argv[2]) {
  process.stderr.write('usage: node scripts/measureGuards.js BASE_DIST\n');
  process.exit(2);
}
const base = require(path.resolve(process.argv[2], 'main', 'core', 'text'));
const TOP = Number(process.env.TOP ?? 40);

let words = 0;
let exactDiffers = 0;
let stemDiffers = 0;
const exactChanges = new Map();
const stemChanges = new Map();
const bump = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);
for (const name of fs
  .readdirSync(dir)
  .filter((n) => n.endsWith('.json.gz'))
  .sort()) {
  for (const article of JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(dir, name))).toString('utf8'))) {
    for (const text of [article.title, article.content]) {
      if (!text) continue;
      const there = base.analyze(text);
      current.analyze(text).forEach((t, i) => {
        if (t.kind !== 'word' || !/^[\u0621-\u064a]+$/.test(t.norm)) return;
        words++;
        const u = there[i];
        if (u.exact !== t.exact) {
          exactDiffers++;
          bump(exactChanges, `${t.norm}: ${u.exact} → ${t.exact}`);
        }
        if (u.stem !== t.stem) {
          stemDiffers++;
          bump(stemChanges, `${t.norm}: ${u.stem} → ${t.stem}`);
        }
      });
    }
  }
}
const top = (m) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP)
    .map(([w, n]) => `${w} ${n}`)
    .join(', ');
console.log(`Arabic word tokens: ${words}`);
console.log(`exact key differs: ${exactDiffers} tokens, ${exactChanges.size} forms: ${top(exactChanges)}`);
console.log(`stem differs: ${stemDiffers} tokens, ${stemChanges.size} forms: ${top(stemChanges)}`);
