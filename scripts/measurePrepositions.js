/**
 * Measures the preposition step on SaudiNewsNet (test data: it only prints
 * figures, nothing it reads ends up in the app). Run after `npm run build`:
 *   node scripts/measurePrepositions.js                 # this build: tokens whose exact key loses ل/ب/ك
 *   node scripts/measurePrepositions.js /work/main/dist # and against an older build's analyzer
 * Prints how many Arabic word tokens get an exact key without their preposition,
 * and, against a base build, how many keys differ and the most frequent forms each
 * build strips alone.
 */
const path = require('node:path');
const { forEachArabicWord, bump, top: topOf } = require('./saudiWords');
const current = require('../dist/main/core/text');

const base = process.argv[2] ? require(path.resolve(process.argv[2], 'main', 'core', 'text')) : null;
const TOP = Number(process.env.TOP ?? 40);

const stripsHere = new Map();
const stripsBase = new Map();
let words = 0;
let stripped = 0;
let strippedBase = 0;
let differ = 0;
/** True when the preposition step took a letter: the key is one letter shorter than the word without its article. */
const lostLetter = (text, norm, exact) => {
  const pre = text.foldVariants(text.stripProclitics(norm, 0));
  return pre.length === exact.length + 1 && pre.endsWith(exact);
};

forEachArabicWord(current, base, (t, u) => {
  words++;
  const a = !t.stop && lostLetter(current, t.norm, t.exact);
  if (a) stripped++;
  if (!u) return;
  const b = !u.stop && lostLetter(base, u.norm, u.exact);
  if (b) strippedBase++;
  if (u.exact !== t.exact) differ++;
  if (a && !b) bump(stripsHere, t.norm);
  if (b && !a) bump(stripsBase, u.norm);
});
const pct = (n) => `${((100 * n) / words).toFixed(2)} %`;
const top = (m) => topOf(m, TOP);
const sum = (m) => [...m.values()].reduce((a, b) => a + b, 0);
console.log(`Arabic word tokens: ${words}; preposition stripped: ${stripped} (${pct(stripped)})`);
if (base) {
  console.log(`base build strips: ${strippedBase} (${pct(strippedBase)}); exact keys that differ: ${differ}`);
  console.log(`stripped here only: ${sum(stripsHere)} tokens, ${stripsHere.size} forms: ${top(stripsHere)}`);
  console.log(`stripped by the base only: ${sum(stripsBase)} tokens, ${stripsBase.size} forms: ${top(stripsBase)}`);
}
