/**
 * Derives main/core/entities/names.generated.ts and people.generated.ts from
 * the annotated corpora the tagger is trained on (CC BY-SA 3.0, so the lists
 * ship under the tagger's terms). Run after `npm run build`:
 *   node scripts/deriveEntityNames.js NEWSFANE_FILE [AQMAR_DIR] && npx prettier --write main/core/entities/*.generated.ts
 * NEWSFANE_FILE and AQMAR_DIR as for scripts/deriveEntityTagger.js (AQMAR_FOLD=0|1
 * leaves out the even or odd articles, for a cross-validated bench).
 * Keys are the analyzer's exact keys (clitics and the article stripped, spelling
 * folded). Rules (entities/README.md, "Name lists"), counted on the gold tags:
 *  - a given name starts a person's name of two words or more, or stands around
 *    بن/ابن in a chain, at least GIVEN_MIN times and in at least NAME_SHARE of its uses;
 *  - a family name ends such a name written with ال (or آل X), as often and as surely;
 *  - a common word is seen at least COMMON_MIN times, outside people's names in at least
 *    COMMON_SHARE of its uses (places and bodies are common words: الأميركي, لجنة);
 *  - a definite-only word is seen at least DEFINITE_MIN times, with the article in at
 *    least DEFINITE_ONLY of its uses (family names written with ال: الثمالي, السيسي);
 *  - a known person is a person's name of two words or more tagged at least
 *    PEOPLE_MIN times (its most frequent spelling).
 */
const fs = require('node:fs');
const path = require('node:path');
const { analyze } = require('../dist/main/core/text');
const { readSentences, readAqmar } = require('./deriveEntityTagger');
const { STRONG_TITLES } = require('../dist/main/core/entities/lexicon');

const GIVEN_MIN = 2;
const NAME_SHARE = 0.5;
const COMMON_MIN = Number(process.env.COMMON_MIN ?? 1);
const COMMON_SHARE = Number(process.env.COMMON_SHARE ?? 0.9);
const DEFINITE_MIN = 3;
const DEFINITE_ONLY = 0.95;
const PEOPLE_MIN = 2;

/** The lists from annotated sentences ({words, tags} with coarse BIO tags). */
function deriveLists(sentences) {
  const freq = new Map();
  const inPerson = new Map();
  const given = new Map();
  const family = new Map();
  const definiteUses = new Map();
  const people = new Map();
  const bump = (m, k, by = 1) => m.set(k, (m.get(k) ?? 0) + by);
  const arabic = (t) => t && t.kind === 'word' && /^[\u0621-\u064a]{2,}$/.test(t.exact);
  const definite = (t) => /^(?:ال|لل)/.test(t.norm) && t.norm !== t.exact;
  const clean = (w) => w.replace(/[\u200e\u200f\ufeff]/g, '');

  for (const { words, tags } of sentences) {
    let text = '';
    const starts = [];
    for (const w of words) {
      if (text) text += ' ';
      starts.push(text.length);
      text += clean(w);
    }
    const toks = analyze(text);
    // Each token's corpus word, then the person spans as token ranges.
    let c = 0;
    const word = toks.map((t) => {
      while (c + 1 < starts.length && starts[c + 1] <= t.start) c++;
      return c;
    });
    const tagOf = (i) => tags[word[i]];
    const spans = [];
    for (let i = 0; i < toks.length; i++) {
      const tag = tagOf(i);
      if (tag === 'O' || (i > 0 && word[i] === word[i - 1])) continue;
      if (tag.startsWith('B-') || !spans.length || spans[spans.length - 1].to !== i)
        spans.push({ kind: tag.slice(2), from: i, to: i + 1 });
      else spans[spans.length - 1].to = i + 1;
      while (spans[spans.length - 1].to < toks.length && word[spans[spans.length - 1].to] === word[i])
        spans[spans.length - 1].to++;
    }
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (t.kind !== 'word') continue;
      bump(freq, t.exact);
      if (tagOf(i) === 'B-PER' || tagOf(i) === 'I-PER') bump(inPerson, t.exact);
      if (definite(t)) bump(definiteUses, t.exact);
    }
    for (const s of spans) {
      if (s.kind !== 'PER') continue;
      const name = toks.slice(s.from, s.to).filter((t) => t.kind === 'word');
      // A title the corpus tagged with the name (الرئيس صالح) is read by the title rules, not listed.
      if (name.length && STRONG_TITLES.has(name[0].exact) && definite(name[0])) name.shift();
      if (name.length < 2) continue;
      const first = name[0];
      if (arabic(first) && !definite(first) && !first.stop) bump(given, first.exact);
      for (let k = 1; k + 1 < name.length; k++)
        if (name[k].exact === 'بن' || name[k].exact === 'ابن') {
          if (arabic(name[k - 1]) && !definite(name[k - 1])) bump(given, name[k - 1].exact);
          if (arabic(name[k + 1]) && !definite(name[k + 1]) && name[k + 1].exact !== 'عبد')
            bump(given, name[k + 1].exact);
        }
      const last = name[name.length - 1];
      const before = name[name.length - 2];
      if (before.exact === 'ال' && arabic(last)) bump(family, 'ال ' + last.exact);
      else if (arabic(last) && definite(last)) bump(family, last.exact);
      const spelling = text.slice(name[0].start, name[name.length - 1].end).replace(/\s+/g, ' ');
      const key = name.map((t) => t.exact).join(' ');
      const e = people.get(key) ?? { n: 0, spellings: new Map() };
      e.n++;
      bump(e.spellings, spelling);
      people.set(key, e);
    }
  }

  const uses = (w) => freq.get(w.startsWith('ال ') ? w.slice(3) : w) ?? 0;
  const sure = (w) => (inPerson.get(w.startsWith('ال ') ? w.slice(3) : w) ?? 0) >= NAME_SHARE * uses(w);
  const keep = (m, min) =>
    [...m]
      .filter(([w, n]) => n >= min && sure(w))
      .map(([w]) => w)
      .sort();
  const givenNames = keep(given, GIVEN_MIN);
  const familyNames = keep(family, GIVEN_MIN);
  const names = new Set([...givenNames, ...familyNames]);
  const commonWords = [...freq]
    .filter(
      ([w, n]) =>
        n >= COMMON_MIN &&
        /^[\u0621-\u064a]{2,}$/.test(w) &&
        !names.has(w) &&
        n - (inPerson.get(w) ?? 0) >= COMMON_SHARE * n,
    )
    .map(([w]) => w)
    .sort();
  const definiteOnly = [...freq]
    .filter(
      ([w, n]) =>
        n >= DEFINITE_MIN && /^[\u0621-\u064a]{3,}$/.test(w) && (definiteUses.get(w) ?? 0) >= DEFINITE_ONLY * n,
    )
    .map(([w]) => w)
    .sort();
  // A spelling with a stray clitic split off by the corpus (و محمد) is not a name as written.
  const knownPeople = [...people.values()]
    .filter((e) => e.n >= PEOPLE_MIN)
    .map((e) => [...e.spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0])
    .filter((s) => /^[\u0621-\u064a]{2,}(?: [\u0621-\u064a]{2,})+$/.test(s))
    .sort();

  return { givenNames, familyNames, commonWords, definiteOnly, knownPeople };
}

module.exports = { deriveLists };

function main() {
  const [newsfane, aqmarDir] = process.argv.slice(2);
  if (!newsfane) {
    process.stderr.write('usage: node scripts/deriveEntityNames.js NEWSFANE_FILE [AQMAR_DIR]\n');
    process.exit(2);
  }
  const fold = process.env.AQMAR_FOLD === undefined ? undefined : Number(process.env.AQMAR_FOLD);
  const sentences = [...readSentences(newsfane), ...(aqmarDir ? readAqmar(aqmarDir, fold) : [])];

  const { givenNames, familyNames, commonWords, definiteOnly, knownPeople } = deriveLists(sentences);
  const rows = (list, per = 12) => {
    const out = [];
    for (let i = 0; i < list.length; i += per)
      out.push(
        '  ' +
          list
            .slice(i, i + per)
            .map((w) => `'${w}'`)
            .join(', ') +
          ',',
      );
    return out.join('\n');
  };
  const source = `NewsFANEGold (Alotaibi & Lee, COLING 2014; newswire)${
    aqmarDir
      ? ` and AQMAR (Mohit et al., EACL 2012; Arabic Wikipedia)${fold === undefined ? '' : `, fold ${fold} left out`}`
      : ''
  }`;
  const licence = ` * Derived from CC BY-SA 3.0 corpora: attribution as above, same licence (as tagger.generated.ts).`;
  const out = path.resolve(__dirname, '..', 'main', 'core', 'entities');
  fs.writeFileSync(
    path.join(out, 'names.generated.ts'),
    `/**
 * Generated by scripts/deriveEntityNames.js from the name tags of ${source}
 * (do not edit by hand; rerun the script). Exact keys (clitics and article stripped).
${licence}
 * Given names: ${givenNames.length} (start a tagged name of two words or sit beside بن, >= ${GIVEN_MIN} times, in names in >= ${NAME_SHARE * 100}% of uses).
 * Family names: ${familyNames.length} (end a tagged name with ال or آل, as often and as surely).
 */
// prettier-ignore
export const GIVEN_NAMES: readonly string[] = [
${rows(givenNames)}
];

// prettier-ignore
export const FAMILY_NAMES: readonly string[] = [
${rows(familyNames)}
];

/** Common words: ${commonWords.length} (seen >= ${COMMON_MIN} times, outside people's names in >= ${COMMON_SHARE * 100}% of uses). */
// prettier-ignore
export const COMMON_WORDS: readonly string[] = [
${rows(commonWords)}
];

/** Definite-only words: ${definiteOnly.length} (seen >= ${DEFINITE_MIN} times, with the article in >= ${DEFINITE_ONLY * 100}% of uses). */
// prettier-ignore
export const DEFINITE_ONLY_WORDS: readonly string[] = [
${rows(definiteOnly)}
];
`,
  );
  fs.writeFileSync(
    path.join(out, 'people.generated.ts'),
    `/**
 * Generated by scripts/deriveEntityNames.js from the name tags of ${source}
 * (do not edit by hand; rerun the script).
${licence}
 * ${knownPeople.length} people: names of two words or more tagged as a person >= ${PEOPLE_MIN} times.
 */
// prettier-ignore
export const KNOWN_PEOPLE: readonly string[] = [
${rows(knownPeople, 8)}
];
`,
  );
  process.stderr.write(
    `${sentences.length} sentences: ${givenNames.length} given, ${familyNames.length} family, ${commonWords.length} common, ${definiteOnly.length} definite-only, ${knownPeople.length} people\n`,
  );
}

if (require.main === module) main();
