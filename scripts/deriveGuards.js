/**
 * Derives main/core/text/guards.ts: the analyzer's guard lists (a radical و, ال or ل at a word's start, an
 * ان / ين / ون that belongs to the word). Run after `npm run build`:
 *   apt-get download hunspell-ar && dpkg-deb -x hunspell-ar_3.2-1.2_all.deb /tmp/hunspell-ar
 *   node scripts/deriveGuards.js /tmp/hunspell-ar/usr/share/hunspell NEWSFANE_FILE AQMAR_DIR \
 *     > main/core/text/guards.ts && npx prettier --write main/core/text/guards.ts
 * NEWSFANE_FILE and AQMAR_DIR as for scripts/deriveEntityTagger.js.
 *
 * The knowledge comes from Ayaspell (Debian hunspell-ar): a dictionary entry is a stem, and its forms are the
 * entry and what its suffix classes add. A letter that is part of the entry belongs to the word (وزير, التزام,
 * لجنة, قانون); one a suffix class added does not (معلمون, معلمين, لجنتان). Where the other reading is also a
 * dictionary word (وحدة: و + حدة; للجنة: ل + الجنة; عمران: عمر + ان), counts of the two readings in NewsFANEGold +
 * AQMAR (CC BY-SA 3.0, 154 k words) decide; without evidence the word stays whole (a wrong cut merges two words,
 * a missed one only splits a word's forms). Names from main/core/entities' lists add what the dictionary lacks.
 */
const fs = require('node:fs');
const path = require('node:path');
const {
  analyze,
  normalizeForMatching,
  foldVariants,
  ARABIC_STOP_WORDS: STOP_WORDS,
} = require('../dist/main/core/text');
const { readAffixes, dicEntries, suffixed, lines, LISTED_PREFIXED } = require('./derivePrepositions');
const { readSentences, readAqmar } = require('./deriveEntityTagger');

const ENDINGS = ['ان', 'ين', 'ون'];
/** Sightings in the corpora that count as evidence for a reading. */
const EVIDENCE_MIN = 2;
/** Letters the analyzer leaves on a word (it strips only the article and a bare و): ف, س and a preposition. */
const KEPT_PREFIXES = ['ف', 'س', 'ل', 'ب', 'ك'];

/**
 * Every unprefixed form of every entry: the entry itself and one or two suffixes on it. For each folded form:
 * whether it is an entry itself (`bare`; `bareNoun` for an entry outside the verb section), whether a suffix
 * class made it (`suffixed`), whether a noun entry makes it (`noun`), its fewest suffixes (`level`) and the entries it
 * comes from.
 */
function expand(dicFile, { rules, flags }) {
  const forms = new Map();
  const note = (raw, entry, level, verb) => {
    const k = normalizeForMatching(raw);
    let f = forms.get(k);
    if (!f)
      forms.set(k, (f = { bare: false, bareNoun: false, noun: false, suffixed: false, level, entries: new Set() }));
    f.level = Math.min(f.level, level);
    if (level > 0) f.suffixed = true;
    else f.bare = true;
    if (level === 0 && !verb) f.bareNoun = true;
    if (!verb) f.noun = true;
    f.entries.add(normalizeForMatching(entry));
  };
  const isSuffix = (f) => rules.get(f)?.prefix === false;
  for (const { word, flagText, section } of dicEntries(dicFile)) {
    if (LISTED_PREFIXED.has(section)) continue;
    const verb = section.startsWith('verb');
    note(word, word, 0, verb);
    for (const f of flags(flagText).filter(isSuffix)) {
      for (const r of rules.get(f).list) {
        const w1 = suffixed(word, r);
        if (w1 === null) continue;
        note(w1, word, 1, verb);
        for (const g of r.cont.filter(isSuffix)) {
          for (const r2 of rules.get(g).list) {
            const w2 = suffixed(w1, r2);
            if (w2 !== null) note(w2, word, 2, verb);
          }
        }
      }
    }
  }
  return forms;
}

/** Folded words (normalizeForMatching, nothing stripped) counted over the corpora. */
function corpusCounts(newsfane, aqmarDir) {
  const counts = new Map();
  const texts = [...readSentences(newsfane), ...(aqmarDir ? readAqmar(aqmarDir) : [])].map((s) => s.words.join(' '));
  for (const text of texts) {
    for (const t of analyze(text)) {
      if (t.kind !== 'word' || !/^[\u0621-\u064a]+$/.test(t.norm)) continue;
      counts.set(t.norm, (counts.get(t.norm) ?? 0) + 1);
    }
  }
  return counts;
}

/** Entity-list name words (places, organisations, people, given and family names), folded, article kept. */
function nameWords() {
  const { ARABIC_PLACE_NAMES } = require('../dist/main/core/entities/places');
  const { KNOWN_ORGANISATIONS, EXTRA_GIVEN_NAMES, EXTRA_FAMILY_NAMES } = require('../dist/main/core/entities/lexicon');
  const { KNOWN_PEOPLE } = require('../dist/main/core/entities/people.generated');
  const { GIVEN_NAMES, FAMILY_NAMES } = require('../dist/main/core/entities/names.generated');
  const lists = [ARABIC_PLACE_NAMES, KNOWN_ORGANISATIONS, KNOWN_PEOPLE, GIVEN_NAMES, FAMILY_NAMES];
  const names = new Map();
  for (const name of [...lists, EXTRA_GIVEN_NAMES, EXTRA_FAMILY_NAMES].flat()) {
    for (const t of analyze(name)) {
      if (t.stop || t.kind !== 'word' || !/^[\u0621-\u064a]+$/.test(t.norm)) continue;
      // The written alef: أل / إل / آل at the start is no article (ألمانيا).
      names.set(t.norm, names.get(t.norm) === true || /^[أإآ]ل/.test(t.text));
    }
  }
  return names;
}

/** The guard lists from the dictionary's forms, the corpora's counts and the entity lists' names. */
function guards(forms, counts, names) {
  const c = (w) => counts.get(w) ?? 0;
  /** The word is read with the article: how often the corpora write it so (ال وال بال فال كال). */
  const definite = (w) => c(`ال${w}`) + c(`وال${w}`) + c(`بال${w}`) + c(`فال${w}`) + c(`كال${w}`);
  /** The other reading's word exists: a dictionary form (possibly with ال or a one-letter prefix) or seen in the corpora. */
  const isWord = (y) =>
    y.length >= 2 &&
    (forms.has(y) ||
      c(y) > 0 ||
      ['ال', 'بال', 'كال', 'فال', 'لل'].some((p) => y.startsWith(p) && forms.has(y.slice(p.length))) ||
      (KEPT_PREFIXES.includes(y[0]) && forms.has(y.slice(1))));
  /** Unprefixed forms of entries that start with `letters` (the letters belong to the word). */
  const ofEntries = (letters, minLength) =>
    [...forms].filter(
      ([k, f]) => k.length >= minLength && k.startsWith(letters) && [...f.entries].some((e) => e.startsWith(letters)),
    );
  /**
   * A form with no competing reading is listed when it is an entry or takes one suffix (deeper forms: when seen);
   * one with a competing reading only on the corpora's evidence (`favoured`).
   */
  const choose = (candidates, competes, favoured) =>
    candidates.filter(([k, f]) => (competes(k) ? favoured(k, f) : f.level <= 1 || c(k) > 0)).map(([k]) => k);
  /**
   * The article goes on a noun: not on a form the dictionary makes only as a verb and the corpora never show (تهاب),
   * nor on a function word that is no noun entry (لهم; أم is one).
   */
  const takesArticle = (y) =>
    isWord(y) && !(STOP_WORDS.has(y) && forms.get(y)?.bareNoun !== true) && (forms.get(y)?.noun !== false || c(y) > 0);

  // و: the word with و is seen and takes the article more often than the word without it, or the word without it
  // is never seen; or it is seen 4x as often. Unseen forms follow their entry when the word without و is unseen.
  const wawSeen = (k) => {
    const y = k.slice(1);
    return c(k) > 0 && (definite(k) > definite(y) || (c(y) === 0 && definite(y) === 0) || c(k) >= 4 * c(y));
  };
  // A noun entry (وداع) or its plural in ات (وجبات) stays whole when neither reading is seen as often as twice: one
  // sighting is no evidence (a preposition target needs two, too). Other suffixed forms stay out: و + a suffixed word
  // (وقراها, وسعيا, وادان) is as likely.
  const waw = choose(
    ofEntries('و', 4),
    (k) => isWord(k.slice(1)),
    (k, f) => {
      if (wawSeen(k)) return true;
      const y = k.slice(1);
      if (c(k) > 0 || c(y) + definite(y) >= EVIDENCE_MIN) return false;
      const plural = f.noun && f.level === 1 && k.endsWith('ات');
      return f.bareNoun || plural || [...f.entries].some((e) => e.length >= 3 && wawSeen(e));
    },
  );
  // ال: the word itself takes the article (الالتزام) at least half as often as the rest is seen.
  // A relative (الذي, الذين) is a stop word itself: its ال is the article, so فالذي reaches the stop word ذي. A noun
  // entry the fold makes a stop word (آلية, إليه) keeps its ال (كاليه is no ك + إليه).
  const al = choose(
    ofEntries('ال', 4).filter(([k, f]) => !STOP_WORDS.has(k) || f.bareNoun),
    (k) => takesArticle(k.slice(2)),
    (k) => definite(k) > 0 && 2 * definite(k) >= c(k.slice(2)),
  );
  // ل after لل: the article on the word with its ل is more frequent than the article on the rest (اللجنة, الجنة).
  // A rest that starts with an alef (للازمة: اللازمة or الأزمة) is read with the article when written with a hamza
  // (arabic.ts looks), so without one the word with its ل needs only to be seen with the article.
  const lam = choose(
    ofEntries('ل', 3),
    (k) => isWord(k.slice(1)),
    (k) => definite(k) > (k.charAt(1) === 'ا' ? 0 : definite(k.slice(1))),
  );
  // Names the dictionary lacks: a و-initial name unless the name without و is a word seen as often; a name written
  // أل / إل / آل; a ل-initial name unless the article on the rest is more frequent than the name.
  for (const [k, hamzaAlef] of names) {
    if (k.length >= 4 && k.startsWith('و') && !(isWord(k.slice(1)) && c(k.slice(1)) >= c(k))) waw.push(k);
    if (k.length >= 4 && hamzaAlef) al.push(k);
    if (k.length >= 3 && k.startsWith('ل') && !k.startsWith('ال') && definite(k.slice(1)) <= c(k) + definite(k))
      lam.push(k);
  }
  return { waw, al, lam, suffix: suffixKeep(forms, c, names) };
}

/**
 * ان / ين / ون that belongs to the word: a noun entry (إيران, قانون, تحسين, إنسان) keeps its ending unless a suffix
 * class also makes the form (إنسان: أنس + ان) and the corpora see the other case form (X+ين for X+ان, X+ان / X+ون
 * for X+ين, X+ين for X+ون) at least a tenth as often as the form; a verb entry (يكون) keeps it unless a suffix class
 * also makes the form (يعانون: يعان + ون). Names from the entity lists keep their ending unless the dictionary makes
 * them only with a suffix and the corpora see the other case form (مسلمين; سلمان is kept: سلمين is not seen).
 */
function suffixKeep(forms, c, names) {
  const ending = (k) => ENDINGS.find((e) => k.endsWith(e));
  const seen = (w) =>
    c(w) + c(`ال${w}`) + c(`وال${w}`) + c(`بال${w}`) + c(`لل${w}`) + c(`و${w}`) + c(`ب${w}`) + c(`ل${w}`);
  const otherCase = (k) => {
    const stem = k.slice(0, -2);
    const e = ending(k);
    return (e === 'ان' ? [`${stem}ين`] : e === 'ين' ? [`${stem}ان`, `${stem}ون`] : [`${stem}ين`]).reduce(
      (n, w) => n + seen(w),
      0,
    );
  };
  const suffixRead = (k) => otherCase(k) > 0 && 10 * otherCase(k) >= seen(k);
  const keep = new Set();
  for (const [k, f] of forms) {
    if (k.length < 4 || !ending(k) || !f.bare) continue;
    if (f.bareNoun ? !f.suffixed || !suffixRead(k) : !f.suffixed) keep.add(foldVariants(k));
  }
  for (const name of names.keys()) {
    const k = name.startsWith('ال') && name.length >= 6 ? name.slice(2) : name;
    // A nisba plural (الحوثيين, الحوثيون) is a plural whatever list holds it.
    if (k.length < 4 || !ending(k) || k.endsWith('يين') || k.endsWith('يون')) continue;
    const f = forms.get(k);
    if (f && !f.bareNoun && suffixRead(k)) continue;
    keep.add(foldVariants(k));
  }
  return [...keep];
}

function list(name, doc, words) {
  const sorted = [...new Set(words)].sort();
  return `/** ${doc} (${sorted.length} words) */
// prettier-ignore
export const ${name}: ReadonlySet<string> = new Set(
  [
${lines(sorted, '    ')}
  ]
    .join(' ')
    .split(' '),
);
`;
}

function main() {
  const [hunspellDir, newsfane, aqmarDir] = process.argv.slice(2);
  if (!hunspellDir || !newsfane) {
    process.stderr.write('usage: node scripts/deriveGuards.js HUNSPELL_AR_DIR NEWSFANE_FILE [AQMAR_DIR]\n');
    process.exit(2);
  }
  const forms = expand(path.join(hunspellDir, 'ar.dic'), readAffixes(path.join(hunspellDir, 'ar.aff')));
  const g = guards(forms, corpusCounts(newsfane, aqmarDir), nameWords());
  process.stderr.write(
    `${forms.size} unprefixed forms; WAW ${new Set(g.waw).size}, AL ${new Set(g.al).size}, ` +
      `LAM ${new Set(g.lam).size}, SUFFIX ${new Set(g.suffix).size}\n`,
  );
  process.stdout.write(`/**
 * The analyzer's guard lists (arabic.ts): where a leading و, ال or ل and a final ان / ين / ون belong to the word.
 * Generated by scripts/deriveGuards.js; the rules are in README.md ("Guards"). Words are folded
 * (normalizeForMatching; SUFFIX_KEEP also variant-folded, as exact keys are).
 *
 * Source: Ayaspell Arabic dictionary 3.2 (Debian hunspell-ar 3.2-1.2),
 * (c) 2006-2008 Mohamed Kebdani, tri-licensed GPL 2.0 / LGPL 2.1 / MPL 1.1;
 * this file is derived from its ar.aff and ar.dic under MPL 1.1. Where a word
 * has two readings, word counts from NewsFANEGold (Alotaibi & Lee, COLING 2014)
 * and AQMAR (Mohit et al., EACL 2012), both CC BY-SA 3.0, chose. Names the
 * dictionary lacks come from main/core/entities' lists (its hand lists,
 * i18n-iso-countries (MIT), people from the same corpora).
 */

${list('WAW_INITIAL', 'Words whose leading و is a radical (وزير, واشنطن, وصلت), not the conjunction.', g.waw)}
${list('AL_INITIAL', 'Words whose own letters start with ال once the hamza is gone (التزام, الغاء, المانيا).', g.al)}
${list('LAM_INITIAL', 'ل-initial words that keep their ل after لل (للجنة → لجنه, للبنان → لبنان).', g.lam)}
${list('SUFFIX_KEEP', 'Words whose final ان / ين / ون is part of the word (إيران, قانون, تحسين), not a dual or plural.', g.suffix)}`);
}

if (require.main === module) main();

module.exports = { expand, corpusCounts, guards, ENDINGS, KEPT_PREFIXES };
