/**
 * Writes the ANERcorp sentences that bench:entities scores as an independent check:
 *   node scripts/selectAnercorpUnseen.js NEWSFANE_FILE ANERCORP_FILE > anercorp-unseen.txt
 * ANERcorp and NewsFANE share most of their news text, and the tagger trains on
 * NewsFANE's first 90% (scripts/deriveEntityTagger.js): a sentence (ANERcorp ends
 * each with a "." token) is kept only if its Arabic letters, folded (hamza forms
 * to ا, ة to ه, ى to ي; NewsFANE drops hamzas), occur nowhere in that part.
 * Output: the kept sentences, "token TAG" a line, as one text.
 */
const fs = require('node:fs');
const { readSentences } = require('./deriveEntityTagger');

const [newsfane, anercorp] = process.argv.slice(2);
if (!newsfane || !anercorp) {
  process.stderr.write('usage: node scripts/selectAnercorpUnseen.js NEWSFANE_FILE ANERCORP_FILE > OUT\n');
  process.exit(2);
}
const letters = (s) =>
  s
    .replace(/[أإآٱ]/gu, 'ا')
    .replace(/ة/gu, 'ه')
    .replace(/ى/gu, 'ي')
    .replace(/[^\u0621-\u064A]/gu, '');
const news = readSentences(newsfane);
const trained = news
  .slice(0, Math.floor(news.length * 0.9))
  .map((s) => letters(s.words.join('')))
  .join('|');

const kept = [];
let sentence = [];
let total = 0;
const close = () => {
  if (sentence.length === 0) return;
  total++;
  const folded = letters(sentence.map((l) => l.split(/\s+/u)[0]).join(''));
  if (!folded || !trained.includes(folded)) kept.push(...sentence);
  sentence = [];
};
for (const line of fs.readFileSync(anercorp, 'utf8').split(/\r?\n/u)) {
  const l = line.trim();
  if (!l) continue;
  sentence.push(l);
  if (l.split(/\s+/u)[0] === '.') close();
}
close();
process.stdout.write(`${kept.join('\n')}\n`);
process.stderr.write(`${total} sentences, ${kept.length} tokens kept\n`);
