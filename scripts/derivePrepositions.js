/**
 * Derives main/core/text/prepositions.ts: which words a bare ل / ب / ك may be
 * stripped from, and which prefixed forms stay whole. Run after `npm run build`:
 *   apt-get download hunspell-ar && dpkg-deb -x hunspell-ar_3.2-1.2_all.deb /tmp/hunspell-ar
 *   node scripts/derivePrepositions.js /tmp/hunspell-ar/usr/share/hunspell NEWSFANE_FILE AQMAR_DIR \
 *     > main/core/text/prepositions.ts && npx prettier --write main/core/text/prepositions.ts
 * NEWSFANE_FILE and AQMAR_DIR as for scripts/deriveEntityTagger.js.
 *
 * The knowledge comes from Ayaspell's affix file (Debian hunspell-ar): a word
 * form takes a bare preposition when one of its prefix classes adds ب, ل or ك
 * (nouns in the genitive take all three; imperfect verbs take ل only). The
 * dictionary expands to 3.1 M such forms, too many to ship, so two small
 * corpora choose the ones news uses:
 *  - a target is a form seen on its own (no ب/ل/ك before it) at least
 *    TARGET_MIN times in NewsFANEGold + AQMAR (154 k words; SaudiNewsNet's
 *    100-in-8.7 M scaled, rounded down);
 *  - p+Y stays whole when it is itself a noun or verb form in the dictionary
 *    (لبنان, بيان, لجان, بارز, بطاقة), unless Y is seen AMBIGUOUS_RATIO times
 *    more often than p+Y (بقوة: قوة is the reading news uses), and when p+Y is
 *    seen more often than Y: a set phrase used as a word (بشكل, بسبب, بحسب).
 * Counts are of the analyzer's keys before the preposition step (article and
 * conjunction stripped, spelling folded, stop words left out).
 */
const fs = require('node:fs');
const path = require('node:path');
const { analyze, stripProclitics, normalizeForMatching, foldVariants } = require('../dist/main/core/text');
const { readSentences, readAqmar } = require('./deriveEntityTagger');

const TARGET_MIN = 2;
const AMBIGUOUS_RATIO = 20;
const LETTERS = new Set(['ب', 'ل', 'ك']);
/** Sections of ar.dic whose entries list their prefixed forms one by one (بغير, لغير): not words of their own. */
const LISTED_PREFIXED = new Set(['stopwords.dic', 'tools.dic']);

/** Hunspell's affix file, as far as this dictionary uses it: long flags, AF aliases, PFX/SFX with continuation. */
function readAffixes(file) {
  const pairs = (s) => s.match(/../g) ?? [];
  const aliases = [null];
  const rules = new Map();
  for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
    const p = raw.replace(/#.*$/, '').trim().split(/\s+/);
    if (p[0] === 'AF' && p.length >= 2 && !/^\d+$/.test(p[1])) aliases.push(pairs(p[1]));
    if (p[0] !== 'PFX' && p[0] !== 'SFX') continue;
    if (!rules.has(p[1])) {
      rules.set(p[1], { prefix: p[0] === 'PFX', cross: p[2] === 'Y', list: [] });
      continue;
    }
    const [add, cont] = p[3].split('/');
    const cond = p[4] && p[4] !== '.' ? new RegExp(p[0] === 'PFX' ? `^${p[4]}` : `${p[4]}$`, 'u') : null;
    rules.get(p[1]).list.push({
      strip: p[2] === '0' ? '' : p[2],
      add: add === '0' ? '' : add,
      cond,
      cont: !cont ? [] : /^\d+$/.test(cont) ? aliases[Number(cont)] : pairs(cont),
    });
  }
  const flags = (s) => (!s ? [] : /^\d+$/.test(s) ? aliases[Number(s)] : pairs(s));
  return { rules, flags };
}

/** A .dic file's entries in order: the word, its flags as written and the section (a file-name line) above it. */
function* dicEntries(dicFile) {
  let section = '';
  for (const raw of fs.readFileSync(dicFile, 'utf8').split('\n').slice(1)) {
    const line = raw.trim();
    if (/\.dic$/.test(line)) section = line;
    if (!line || line.startsWith(':') || line.startsWith('#') || /^\d+$/.test(line) || /\.dic$/.test(line)) continue;
    const [word, flagText] = line.split('\t')[0].split('/');
    yield { word, flagText, section };
  }
}

/** `w` with suffix rule `r` applied, or null where the rule's strip or condition does not fit. */
function suffixed(w, r) {
  return (r.strip && !w.endsWith(r.strip)) || (r.cond && !r.cond.test(w))
    ? null
    : w.slice(0, w.length - r.strip.length) + r.add;
}

/**
 * Every form of every entry (the entry, one suffix, a pronoun suffix on that) with the prefix
 * classes it carries. Returns the keys that take a bare preposition (key -> letters) and the
 * keys of noun and verb forms.
 */
function expand(dicFile, { rules, flags }) {
  const key = (w) => foldVariants(normalizeForMatching(w));
  const takes = new Map();
  const words = new Set();
  const record = (form, prefixFlags, section) => {
    const k = key(form);
    if (!LISTED_PREFIXED.has(section)) words.add(k);
    for (const f of prefixFlags) {
      for (const r of rules.get(f).list) {
        if (!LETTERS.has(r.add) || (r.strip && !form.startsWith(r.strip)) || (r.cond && !r.cond.test(form))) continue;
        if (!takes.has(k)) takes.set(k, new Set());
        takes.get(k).add(r.add);
      }
    }
  };
  const isPrefix = (f) => rules.get(f)?.prefix === true;
  const isSuffix = (f) => rules.get(f)?.prefix === false;
  for (const { word, flagText, section } of dicEntries(dicFile)) {
    const own = flags(flagText);
    const ownPrefixes = own.filter(isPrefix);
    record(word, ownPrefixes, section);
    for (const f of own.filter(isSuffix)) {
      const set = rules.get(f);
      for (const r of set.list) {
        const w1 = suffixed(word, r);
        if (w1 === null) continue;
        const p1 = r.cont.filter(isPrefix).concat(set.cross ? ownPrefixes : []);
        record(w1, p1, section);
        for (const g of r.cont.filter(isSuffix)) {
          for (const r2 of rules.get(g).list) {
            const w2 = suffixed(w1, r2);
            if (w2 !== null) record(w2, p1.concat(r2.cont.filter(isPrefix)), section);
          }
        }
      }
    }
  }
  return { takes, words };
}

/** Keys before the preposition step, counted over the corpora's words. */
function corpusCounts(newsfane, aqmarDir) {
  const counts = new Map();
  const texts = [...readSentences(newsfane), ...(aqmarDir ? readAqmar(aqmarDir) : [])].map((s) => s.words.join(' '));
  for (const text of texts) {
    for (const t of analyze(text)) {
      if (t.stop || t.kind !== 'word' || !/^[\u0621-\u064a]+$/.test(t.norm)) continue;
      // The exact key with its preposition put back: the word as written, article and conjunction gone.
      const pre = foldVariants(stripProclitics(t.norm, 0));
      const k = pre.endsWith(t.exact) ? pre : t.exact;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  return counts;
}

/** As arabic.ts's pronounBase: the listed word a pronoun is written on, ة before it written ت. */
function pronounBase(rest, targets) {
  for (const suffix of ['هما', 'كما', 'هم', 'هن', 'ها', 'كم', 'كن', 'نا', 'ه', 'ك']) {
    if (rest.length - suffix.length < 3 || !rest.endsWith(suffix)) continue;
    const base = rest.slice(0, rest.length - suffix.length);
    if (targets.has(base)) return base;
    if (base.endsWith('ت') && targets.has(`${base.slice(0, -1)}ه`)) return `${base.slice(0, -1)}ه`;
  }
  return null;
}

/** Quoted words in lines of at most 100 characters, for a generated list. */
function lines(words, indent) {
  const out = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + w.length + 1 > 100) {
      out.push(`${indent}'${line}',`);
      line = '';
    }
    line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(`${indent}'${line}',`);
  return out.join('\n');
}

/**
 * Names the dictionary does not hold (عسير, داعش, أوباما) are where a stripped preposition matters most to a
 * search, and news writes them with one (لداعش, بعسير). The entity module's lists name them: places (its hand list
 * and i18n-iso-countries, MIT), organisations (its hand list) and known people (CC BY-SA 3.0, from NewsFANEGold and
 * AQMAR). A name takes ب, ك and ل, except where p+name is itself a dictionary word or a listed name (لبنان stays
 * whole: بنان is no name here) or is seen more often than the name alone.
 */
/** Names whose p+name is more often a loanword news writes (لايت: light; برايس: Price, of PwC), read on SaudiNewsNet. */
const PREFIXED_LOANWORDS = new Set(['ايت', 'رايس']);

function addNames(groups, words, count) {
  const { ARABIC_PLACE_NAMES } = require('../dist/main/core/entities/places');
  const { KNOWN_ORGANISATIONS } = require('../dist/main/core/entities/lexicon');
  const { KNOWN_PEOPLE } = require('../dist/main/core/entities/people.generated');
  const listed = new Set([...groups.values()].flat());
  const names = new Set();
  for (const name of [...ARABIC_PLACE_NAMES, ...KNOWN_ORGANISATIONS, ...KNOWN_PEOPLE]) {
    for (const t of analyze(name)) {
      if (t.stop || t.kind !== 'word' || !/^[\u0621-\u064a]+$/.test(t.norm)) continue;
      const pre = foldVariants(stripProclitics(t.norm, 0));
      const k = pre.endsWith(t.exact) ? pre : t.exact;
      if (k.length >= 3 && !k.startsWith('ال')) names.add(k);
    }
  }
  let added = 0;
  for (const y of names) {
    if (listed.has(y) || PREFIXED_LOANWORDS.has(y)) continue;
    const ls = [...LETTERS]
      .filter((p) => !words.has(p + y) && !names.has(p + y) && count(p + y) <= count(y))
      .sort()
      .join('');
    if (!ls) continue;
    if (!groups.has(ls)) groups.set(ls, []);
    groups.get(ls).push(y);
    added++;
  }
  process.stderr.write(`${names.size} name words in the entity lists, ${added} added as targets\n`);
}

function main() {
  const [hunspellDir, newsfane, aqmarDir] = process.argv.slice(2);
  if (!hunspellDir || !newsfane) {
    process.stderr.write('usage: node scripts/derivePrepositions.js HUNSPELL_AR_DIR NEWSFANE_FILE [AQMAR_DIR]\n');
    process.exit(2);
  }
  const { takes, words } = expand(path.join(hunspellDir, 'ar.dic'), readAffixes(path.join(hunspellDir, 'ar.aff')));
  const counts = corpusCounts(newsfane, aqmarDir);
  const count = (w) => counts.get(w) ?? 0;
  const groups = new Map();
  const keep = [];
  for (const [y, letters] of takes) {
    if (y.length < 3 || count(y) < TARGET_MIN) continue;
    const ls = [...letters].sort().join('');
    if (!groups.has(ls)) groups.set(ls, []);
    groups.get(ls).push(y);
    for (const p of ls) {
      const whole = p + y;
      const dictionaryWord = words.has(whole) && count(y) < AMBIGUOUS_RATIO * (count(whole) + 1);
      if (dictionaryWord || count(whole) > count(y)) keep.push(whole);
    }
  }
  addNames(groups, words, count);
  // The analyzer also strips before a listed word with a pronoun on it (بتسليمها): dictionary words so read stay whole.
  const targets = new Map([...groups].flatMap(([ls, ys]) => ys.map((y) => [y, ls])));
  const kept = new Set(keep);
  for (const whole of words) {
    const p = whole.charAt(0);
    if (whole.length < 4 || !LETTERS.has(p) || targets.has(whole.slice(1)) || kept.has(whole)) continue;
    const base = pronounBase(whole.slice(1), targets);
    if (base === null || !targets.get(base).includes(p) || kept.has(p + base)) continue;
    if (count(whole.slice(1)) < AMBIGUOUS_RATIO * (count(whole) + 1)) keep.push(whole);
  }
  const total = [...groups.values()].reduce((n, g) => n + g.length, 0);
  process.stderr.write(`${takes.size} dictionary forms take ب/ل/ك; ${total} targets, ${keep.length} kept whole\n`);
  const entries = [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ls, ys]) => `  [\n    '${ls}',\n    [\n${lines(ys.sort(), '      ')}\n    ].join(' '),\n  ],`);
  process.stdout.write(`/**
 * Where a bare preposition (ل ب ك) written on a word is stripped (لواشنطن,
 * ببغداد, لوكالة → واشنطن, بغداد, وكالة). Generated by
 * scripts/derivePrepositions.js; the rule is in README.md ("Prepositions").
 * Words are folded exact keys.
 *
 * Source: Ayaspell Arabic dictionary 3.2 (Debian hunspell-ar 3.2-1.2),
 * (c) 2006-2008 Mohamed Kebdani, tri-licensed GPL 2.0 / LGPL 2.1 / MPL 1.1;
 * this file is derived from its ar.aff and ar.dic under MPL 1.1. Which of the
 * dictionary's forms are listed was chosen with word counts from NewsFANEGold
 * (Alotaibi & Lee, COLING 2014) and AQMAR (Mohit et al., EACL 2012), both
 * CC BY-SA 3.0. Names the dictionary lacks come from main/core/entities' lists
 * (its hand lists, i18n-iso-countries (MIT), people from the same corpora).
 */

/** Words a preposition may be stripped from, grouped by the letters the dictionary lets precede them. */
// prettier-ignore
const GROUPS: readonly (readonly [string, string])[] = [
${entries.join('\n')}
];

/**
 * Folded word -> the bare prepositions (of ب ك ل) it takes. Filled in a loop rather than from [word, letters] pairs:
 * ~10,800 fewer arrays at each process's first read (about a third of the table's cost; main/cli/README.md).
 */
export const PREPOSITION_TARGETS: ReadonlyMap<string, string> = (() => {
  const targets = new Map<string, string>();
  for (const [letters, words] of GROUPS) for (const word of words.split(' ')) targets.set(word, letters);
  return targets;
})();

/** Prefixed forms that are words of their own in the dictionary (لبنان, بيان, لجان), kept whole. */
// prettier-ignore
export const PREPOSITION_KEEP: ReadonlySet<string> = new Set(
  [
${lines(keep.sort(), '    ')}
  ]
    .join(' ')
    .split(' '),
);
`);
}

if (require.main === module) main();

module.exports = { readAffixes, dicEntries, suffixed, corpusCounts, lines, LISTED_PREFIXED };
