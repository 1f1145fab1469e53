/**
 * Derives main/core/entities/names.generated.ts from SaudiNewsNet: the given
 * names and family names that Saudi news writes in full name chains. Run after
 * `npm run build`:
 *   node scripts/deriveEntityNames.js > main/core/entities/names.generated.ts && npx prettier --write main/core/entities/names.generated.ts
 * Keys are the analyzer's exact keys (clitics and the article stripped,
 * spelling folded). Rules (entities/README.md, "Name lists"):
 *  - a given name is a word written around بن/ابن in a chain ("X بن Y"): seen
 *    there at least GIVEN_MIN times, and in at least GIVEN_SHARE of all its uses
 *    (common words that precede بن by accident fall below the share);
 *  - a family name is the definite word or آل+word that ends such a chain
 *    ("خالد بن محمد اليوسف"): at least FAMILY_MIN times and FAMILY_SHARE of its uses;
 *  - a common word is one seen at least COMMON_MIN times that is not a name:
 *    not a given or family name above, and seen right after a strong title
 *    (الملك, الرئيس, اللاعب...) fewer than NAME_AFTER_TITLE times or in under
 *    NAME_SHARE of its uses; or one written with the article in COMMON_DEFINITE
 *    of its uses, or right after a particle that governs a verb (لن لم قد سوف)
 *    or right before أن/إن in COMMON_VERB of them;
 *  - a definite-only word is seen at least DEFINITE_MIN times and with the
 *    article in at least DEFINITE_ONLY of its uses: family names written with
 *    ال (الثمالي, السيسي) are; nouns and adjectives (العام, السعودي) are not.
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { analyze } = require('../dist/main/core/text');
const { STRONG_TITLES } = require('../dist/main/core/entities/lexicon');

const GIVEN_MIN = 4;
const GIVEN_SHARE = 0.1;
const FAMILY_MIN = 3;
const FAMILY_SHARE = 0.25;
const COMMON_MIN = 20;
const COMMON_DEFINITE = 0.1;
const COMMON_VERB = 0.05;
const NAME_AFTER_TITLE = 2;
const DEFINITE_MIN = 3;
const DEFINITE_ONLY = 0.95;
const NAME_SHARE = 0.05;
const VERB_BEFORE = new Set(['لن', 'لم', 'قد', 'سوف', 'وقد', 'ولم', 'ولن', 'فقد', 'لقد']);
const VERB_AFTER = new Set(['ان', 'انه', 'انها']);

const dir = path.resolve(__dirname, '..', '..', 'shared', 'data', 'saudinewsnet');
const freq = new Map();
const given = new Map();
const family = new Map();
const definiteUses = new Map();
const verbUses = new Map();
const afterTitle = new Map();
const bump = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);
const isLink = (t) => t && t.kind === 'word' && (t.exact === 'بن' || t.exact === 'ابن');
const arabic = (t) => t && t.kind === 'word' && /^[\u0621-\u064a]{2,}$/.test(t.exact);
const definite = (t) => /^[وفبكل]?(?:ال|لل)/.test(t.norm) || t.exact === 'ال';

for (const name of fs
  .readdirSync(dir)
  .filter((n) => n.endsWith('.json.gz'))
  .sort()) {
  for (const article of JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(dir, name))).toString('utf8'))) {
    for (const text of [article.title, article.content]) {
      if (!text) continue;
      const toks = analyze(text);
      for (let i = 0; i < toks.length; i++) {
        const t = toks[i];
        if (t.kind !== 'word') continue;
        freq.set(t.exact, (freq.get(t.exact) ?? 0) + 1);
        if (definite(t)) bump(definiteUses, t.exact);
        const title = toks[i - 1];
        if (
          title &&
          title.kind === 'word' &&
          STRONG_TITLES.has(title.exact) &&
          /^ال/.test(title.norm) &&
          t.exact === t.norm
        )
          bump(afterTitle, t.exact);
        const prev = toks[i - 1];
        const next = toks[i + 1];
        if ((prev && VERB_BEFORE.has(prev.norm)) || (next && VERB_AFTER.has(next.norm))) bump(verbUses, t.exact);
        if (!isLink(t)) continue;
        // "X بن Y": both sides are given names (عبد + word counts as one: عبد العزيز);
        // Y only when X is a name too (ابن أخته is a nephew, not a chain).
        const before = toks[i - 1];
        if (!arabic(before) || before.stop || definite(before)) continue;
        bump(given, before.exact);
        let j = i + 1;
        if (toks[j] && toks[j].exact === 'عبد' && arabic(toks[j + 1])) j++;
        const after = toks[j];
        if (!arabic(after) || after.stop) continue;
        if (j === i + 1 && !definite(after)) bump(given, after.exact);
        // The chain goes on (بن Y بن Z); its end may carry a family name.
        let k = j + 1;
        while (isLink(toks[k]) && arabic(toks[k + 1])) k += toks[k + 2] && toks[k + 1].exact === 'عبد' ? 3 : 2;
        const last = toks[k];
        if (!last || last.kind !== 'word' || last.stop || !/^\s+$/.test(text.slice(toks[k - 1].end, last.start)))
          continue;
        if (last.exact === 'ال' && arabic(toks[k + 1])) bump(family, 'ال ' + toks[k + 1].exact);
        else if (arabic(last) && definite(last) && !/^[وف]/.test(last.norm)) bump(family, last.exact);
      }
    }
  }
}
const count = (w) => freq.get(w.startsWith('ال ') ? w.slice(3) : w) ?? 0;
const keep = (m, min, share) =>
  [...m]
    .filter(([w, n]) => n >= min && n >= share * count(w))
    .map(([w]) => w)
    .sort();
const givenNames = keep(given, GIVEN_MIN, GIVEN_SHARE);
const familyNames = keep(family, FAMILY_MIN, FAMILY_SHARE);
const names = new Set([...givenNames, ...familyNames]);
const commonWords = [...freq]
  .filter(
    ([w, n]) =>
      n >= COMMON_MIN &&
      /^[\u0621-\u064a]{2,}$/.test(w) &&
      !names.has(w) &&
      (!((afterTitle.get(w) ?? 0) >= NAME_AFTER_TITLE && (afterTitle.get(w) ?? 0) >= NAME_SHARE * n) ||
        (definiteUses.get(w) ?? 0) >= COMMON_DEFINITE * n ||
        (verbUses.get(w) ?? 0) >= COMMON_VERB * n),
  )
  .map(([w]) => w)
  .sort();
const definiteOnly = [...freq]
  .filter(
    ([w, n]) => n >= DEFINITE_MIN && /^[\u0621-\u064a]{3,}$/.test(w) && (definiteUses.get(w) ?? 0) >= DEFINITE_ONLY * n,
  )
  .map(([w]) => w)
  .sort();
const rows = (list) => {
  const out = [];
  for (let i = 0; i < list.length; i += 12)
    out.push(
      '  ' +
        list
          .slice(i, i + 12)
          .map((w) => `'${w}'`)
          .join(', ') +
        ',',
    );
  return out.join('\n');
};
process.stdout.write(`/**
 * Generated by scripts/deriveEntityNames.js from SaudiNewsNet (do not edit by
 * hand; rerun the script). Exact keys (clitics and article stripped).
 * Given names: ${givenNames.length} (seen >= ${GIVEN_MIN} times beside بن/ابن, >= ${GIVEN_SHARE * 100}% of their uses).
 * Family names: ${familyNames.length} (end a بن chain >= ${FAMILY_MIN} times, >= ${FAMILY_SHARE * 100}% of their uses).
 */
// prettier-ignore
export const GIVEN_NAMES: readonly string[] = [
${rows(givenNames)}
];

// prettier-ignore
export const FAMILY_NAMES: readonly string[] = [
${rows(familyNames)}
];

/**
 * Common words: ${commonWords.length} (seen >= ${COMMON_MIN} times; not after a strong title >= ${NAME_AFTER_TITLE} times and ${NAME_SHARE * 100}% of uses,
 * or with the article in >= ${COMMON_DEFINITE * 100}% of uses, or as a verb in >= ${COMMON_VERB * 100}%).
 */
// prettier-ignore
export const COMMON_WORDS: readonly string[] = [
${rows(commonWords)}
];

/** Definite-only words: ${definiteOnly.length} (seen >= ${DEFINITE_MIN} times, with the article in >= ${DEFINITE_ONLY * 100}% of uses). */
// prettier-ignore
export const DEFINITE_ONLY_WORDS: readonly string[] = [
${rows(definiteOnly)}
];
`);
