/**
 * Measures the guard lists on SaudiNewsNet (test data: it only prints figures, nothing it reads ends up in the app)
 * against an older build's analyzer. Run after `npm run build`:
 *   node scripts/measureGuards.js /work/base66/dist
 * Prints how many Arabic word tokens change exact key and stem, and the most frequent changes (word: before → after).
 */
const path = require('node:path');
const { forEachArabicWord, bump, top: topOf } = require('./saudiWords');
const current = require('../dist/main/core/text');

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
forEachArabicWord(current, base, (t, u) => {
  words++;
  if (u.exact !== t.exact) {
    exactDiffers++;
    bump(exactChanges, `${t.norm}: ${u.exact} → ${t.exact}`);
  }
  if (u.stem !== t.stem) {
    stemDiffers++;
    bump(stemChanges, `${t.norm}: ${u.stem} → ${t.stem}`);
  }
});
const top = (m) => topOf(m, TOP);
console.log(`Arabic word tokens: ${words}`);
console.log(`exact key differs: ${exactDiffers} tokens, ${exactChanges.size} forms: ${top(exactChanges)}`);
console.log(`stem differs: ${stemDiffers} tokens, ${stemChanges.size} forms: ${top(stemChanges)}`);
