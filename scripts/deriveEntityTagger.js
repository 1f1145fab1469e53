/**
 * Trains the entity tagger (main/core/entities/tagger.ts) and writes its
 * weights. Run after `npm run build`:
 *   node scripts/deriveEntityTagger.js NEWSFANE_FILE AQMAR_DIR > main/core/entities/tagger.generated.ts
 * NEWSFANE_FILE: NewsFANE_Gold_2014_170K.txt, the newswire half of the gold
 * standard of Alotaibi & Lee (COLING 2014), CC BY-SA 3.0; one "token<TAB>tag"
 * a line, a lone tab between sentences, fine-grained BIO classes mapped here to
 * person, place and organisation. AQMAR_DIR (optional): the 28 articles of
 * AQMAR (CC BY-SA 3.0), "token TAG" a line. AQMAR_FOLD=0 or 1 leaves out the
 * even or odd articles (sorted by name), for a cross-validated score with
 * bench:entities on the articles left out. Corpora are read by path, never committed.
 *
 * An averaged perceptron, greedy left to right, trained on the first 90% of
 * the sentences; the last 10% are held out and scored (stderr). Weights are
 * rounded to hundredths and features below PRUNE in every tag are dropped.
 */
const fs = require('node:fs');
const path = require('node:path');
const { entityTokens } = require('../dist/main/core/entities/tokens');
const { arabicProposals } = require('../dist/main/core/entities/arabic');
const { GIVEN, FAMILY, COMMON, DEFINITE_ONLY } = require('../dist/main/core/entities/nameLists');
const {
  EXTRA_FAMILY_NAMES,
  EXTRA_GIVEN_NAMES,
  NOT_GIVEN_NAMES,
  phraseKeys,
} = require('../dist/main/core/entities/lexicon');
const { resolve } = require('../dist/main/core/entities/resolve');
const {
  TAGS,
  staticFeatures,
  historyFeatures,
  ruleTags,
  spansOf,
  decode,
  viterbi,
  transitionFeatures,
} = require('../dist/main/core/entities/tagger');

const EPOCHS = 6;
const PRUNE = Number(process.env.PRUNE ?? 4);
const HELD_OUT = 0.1;

// Fine classes of the corpus (an ACE-like taxonomy) to ours; groups, works, products and the rest are not names here.
const PERSON = [
  'Politician',
  'Athlete',
  'Artist',
  'Other_PER',
  'Religious_PER',
  'Scientist',
  'Businessperson',
  'Lawyer',
  'Engineer',
  'Police',
];
const PLACE = [
  'Nation',
  'Population-Center',
  'State-or-Province',
  'GPE-Cluster',
  'Continent',
  'Water-Body',
  'Land',
  'County-or-District',
  'Land-Region-Natural',
  'Building-Grounds',
  'Airport',
  'Path',
  'Subarea-Facility',
];
const ORGANISATION = [
  'Non-Governmental',
  'Sports',
  'Government',
  'Media',
  'Commercial',
  'Educational',
  'Religious_ORG',
  'Medical-Science',
  'Entertainment',
];
const COARSE = new Map([
  ...PERSON.map((c) => [c, 'PER']),
  ...PLACE.map((c) => [c, 'LOC']),
  ...ORGANISATION.map((c) => [c, 'ORG']),
]);

function readSentences(file) {
  const sentences = [];
  let words = [];
  let tags = [];
  const flush = () => {
    if (words.length) sentences.push({ words, tags });
    words = [];
    tags = [];
  };
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const [word, tag] = line.split('\t');
    if (!word || !word.trim()) {
      flush();
      continue;
    }
    const m = /^([BI])-(.+)$/.exec(tag ?? '');
    const coarse = m && COARSE.get(m[2]);
    tags.push(coarse ? `${m[1]}-${coarse}` : 'O');
    words.push(word.trim());
  }
  flush();
  return sentences;
}

/** The sentence as text, our tokens, their features and gold tags (a corpus token split in two stays one entity). */
function example(sentence) {
  let text = '';
  const starts = [];
  for (const w of sentence.words) {
    if (text) text += ' ';
    starts.push(text.length);
    text += w;
  }
  const toks = entityTokens(text);
  const rules = ruleTags(toks.length, resolve(arabicProposals(text, toks)));
  const feats = staticFeatures(text, toks, rules);
  let c = 0;
  const gold = toks.map((t, i) => {
    while (c + 1 < starts.length && starts[c + 1] <= t.t.start) c++;
    const tag = sentence.tags[c];
    const sameToken = i > 0 && starts[c] <= toks[i - 1].t.start;
    return tag.startsWith('B-') && sameToken ? `I-${tag.slice(2)}` : tag;
  });
  return { feats, gold, rules };
}

/** AQMAR articles ("token TAG" a line, BIO PER/LOC/ORG; MIS is not a name here), sorted by name. */
function readAqmar(dir, fold) {
  const files = fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort();
  const sentences = [];
  files.forEach((name, n) => {
    if (fold !== undefined && n % 2 === fold) return;
    let words = [];
    let tags = [];
    for (const line of fs.readFileSync(path.join(dir, name), 'utf8').split(/\r?\n/)) {
      const [word, tag] = line.trim().split(/\s+/);
      if (!word || !tag) {
        if (words.length) sentences.push({ words, tags });
        words = [];
        tags = [];
        continue;
      }
      const m = /^([BI])-+(PER|LOC|ORG)$/.exec(tag);
      words.push(word);
      tags.push(m ? `${m[1]}-${m[2]}` : 'O');
    }
    if (words.length) sentences.push({ words, tags });
  });
  return sentences;
}

/**
 * Trains an averaged perceptron on examples; returns feature -> weights per tag
 * (rounded to hundredths, features below PRUNE in every tag dropped).
 * Greedy: per-token updates, gold history for the gold tag. Viterbi: the
 * structured perceptron (Collins 2002), updates where the best sequence and the
 * gold one differ in a tag or in the transition into it.
 */
function train(examples, { decoder = 'greedy', epochs = EPOCHS, prune = PRUNE, log = () => {} } = {}) {
  // Averaged perceptron with lazy averaging: total += w * (now - stamp) before each change.
  const N = TAGS.length;
  const weights = new Map();
  const totals = new Map();
  const stamps = new Map();
  let now = 0;
  const index = (tag) => TAGS.indexOf(tag);
  function update(f, k, delta) {
    let w = weights.get(f);
    if (!w) {
      w = new Float64Array(N);
      weights.set(f, w);
      totals.set(f, new Float64Array(N));
      stamps.set(f, new Float64Array(N));
    }
    const t = totals.get(f);
    const s = stamps.get(f);
    t[k] += (now - s[k]) * w[k];
    s[k] = now;
    w[k] += delta;
  }
  const live = { get: (f) => weights.get(f) };
  const history =
    decoder === 'viterbi'
      ? (tags, i, w) => transitionFeatures(tags[i - 1] ?? '<s>', w)
      : (tags, i, w) => historyFeatures(tags[i - 1] ?? '<s>', tags[i - 2] ?? '<s>', w);
  const run = decoder === 'viterbi' ? viterbi : decode;

  let seed = 11;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = examples.map((_, i) => i).sort(() => random() - 0.5);
    let errors = 0;
    let tokens = 0;
    for (const n of order) {
      const { feats, gold } = examples[n];
      const { tags } = run(feats, live);
      for (let i = 0; i < tags.length; i++) {
        now++;
        tokens++;
        if (tags[i] !== gold[i]) errors++;
        const same = tags[i] === gold[i] && (decoder !== 'viterbi' || i === 0 || tags[i - 1] === gold[i - 1]);
        if (same) continue;
        const w = feats[i][1];
        for (const f of [...feats[i], ...history(gold, i, w)]) update(f, index(gold[i]), 1);
        for (const f of [...feats[i], ...history(tags, i, w)]) update(f, index(tags[i]), -1);
      }
    }
    log(`epoch ${epoch + 1}: ${((100 * errors) / tokens).toFixed(2)}% tokens wrong\n`);
  }
  const averaged = new Map();
  for (const [f, w] of weights) {
    const t = totals.get(f);
    const s = stamps.get(f);
    const avg = new Float64Array(N);
    let keep = false;
    for (let k = 0; k < N; k++) {
      avg[k] = Math.round(((t[k] + (now - s[k]) * w[k]) / now) * 100) / 100;
      if (Math.abs(avg[k]) >= prune) keep = true;
    }
    if (keep) averaged.set(f, avg);
  }
  log(`${averaged.size} features kept of ${weights.size}\n`);
  return averaged;
}

/** The weights as tagger.generated.ts's string: one feature a line, weights in hundredths. */
function serialise(averaged) {
  return [...averaged]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([f, w]) => `${f}\t${Array.from(w, (x) => Math.round(x * 100)).join(' ')}`)
    .join('\n');
}

/** Puts derived lists in place of the shipped ones (the rules and the tagger's features read the same sets). */
function useLists({ givenNames, familyNames, commonWords, definiteOnly }) {
  const refill = (set, words) => {
    set.clear();
    for (const w of words) set.add(w);
  };
  refill(GIVEN, [
    ...givenNames.filter((n) => !NOT_GIVEN_NAMES.has(n)),
    ...EXTRA_GIVEN_NAMES.map((n) => phraseKeys(n).join('')),
  ]);
  refill(FAMILY, [...familyNames, ...EXTRA_FAMILY_NAMES.map((n) => phraseKeys(n).join(''))]);
  refill(COMMON, commonWords);
  refill(DEFINITE_ONLY, definiteOnly);
}

module.exports = { readSentences, readAqmar, example, train, serialise };

function main() {
  const { deriveLists } = require('./deriveEntityNames');
  const [file, aqmarDir] = process.argv.slice(2);
  if (!file) {
    process.stderr.write(
      'usage: node scripts/deriveEntityTagger.js NEWSFANE_FILE [AQMAR_DIR] > main/core/entities/tagger.generated.ts\n',
    );
    process.exit(2);
  }
  const decoder = process.env.DECODER ?? 'greedy';
  // AQMAR_FOLD=0|1 leaves out the even or odd articles (sorted by name) for a cross-validated score.
  const fold = process.env.AQMAR_FOLD === undefined ? undefined : Number(process.env.AQMAR_FOLD);
  const aqmar = aqmarDir ? readAqmar(aqmarDir, fold) : [];
  const sentences = readSentences(file);
  const cut = Math.floor(sentences.length * (1 - HELD_OUT));
  const training = [...sentences.slice(0, cut), ...aqmar];
  // The name lists come from these corpora too (scripts/deriveEntityNames.js): a sentence's features use lists
  // derived from the other half, or every word of the training text would be listed and "unlisted" would mean "a name".
  const halves = [0, 1].map((h) => training.filter((_, n) => n % 2 === h));
  const trainSet = [];
  halves.forEach((half, h) => {
    useLists(deriveLists(halves[1 - h]));
    trainSet.push(...half.map(example));
  });
  useLists(deriveLists(training));
  const heldOut = sentences.slice(cut).map(example);
  process.stderr.write(
    `${sentences.length} NewsFANE sentences, ${aqmar.length} AQMAR; training on ${trainSet.length}, holding out ${heldOut.length} of NewsFANE\n`,
  );
  const averaged = train(trainSet, { decoder, log: (m) => process.stderr.write(m) });

  // Held-out score, typed exact spans per kind: the rules alone, then the tagger's spans at several margins.
  const model = { get: (f) => averaged.get(f) };
  const goldSpans = (gold) =>
    spansOf(
      gold,
      gold.map(() => 0),
    );
  const asTags = (rules) => rules.map((r) => (r === 'TITLE' ? 'O' : r));
  const decoded = heldOut.map(({ feats }) => (decoder === 'viterbi' ? viterbi : decode)(feats, model));
  for (const floor of [-1, 0, 20, 40, 60, 80, 120, 160]) {
    const tally = new Map();
    const bump = (kind, field) => {
      for (const k of [kind, 'all']) {
        const t = tally.get(k) ?? { tp: 0, fp: 0, fn: 0 };
        t[field]++;
        tally.set(k, t);
      }
    };
    heldOut.forEach(({ gold, rules }, n) => {
      const { tags, margins } = decoded[n];
      const found = floor < 0 ? goldSpans(asTags(rules)) : spansOf(tags, margins).filter((s) => s.margin >= floor);
      const id = (s) => `${s.kind}:${s.from}:${s.to}`;
      const g = new Set(goldSpans(gold).map(id));
      for (const s of found) bump(s.kind, g.has(id(s)) ? 'tp' : 'fp');
      const f = new Set(found.map(id));
      for (const s of goldSpans(gold)) if (!f.has(id(s))) bump(s.kind, 'fn');
    });
    const cells = ['person', 'place', 'organisation', 'all'].map((k) => {
      const t = tally.get(k) ?? { tp: 0, fp: 0, fn: 0 };
      return `${k} P ${(t.tp / Math.max(1, t.tp + t.fp)).toFixed(3)} R ${(t.tp / Math.max(1, t.tp + t.fn)).toFixed(3)}`;
    });
    process.stderr.write(
      `held out, ${floor < 0 ? 'rules alone' : `tagger, margin >= ${floor}`}: ${cells.join(' | ')}\n`,
    );
  }
  process.stdout.write(`/**
 * Generated by scripts/deriveEntityTagger.js (do not edit by hand; rerun it).
 * Weights of the entity tagger (tagger.ts), an averaged perceptron trained on
 * ${cut} sentences of NewsFANEGold (Alotaibi & Lee, COLING 2014; newswire, CC BY-SA 3.0)${
   aqmar.length
     ? ` and\n * ${aqmar.length} of AQMAR (Mohit et al., EACL 2012; Arabic Wikipedia, CC BY-SA 3.0)${fold === undefined ? '' : `, fold ${fold} left out`}`
     : ''
 }.
 * These weights derive from CC BY-SA 3.0 corpora: attribution as above, same licence.
 * One feature a line: the feature, a tab, its weight per tag (${TAGS.join(' ')}) in hundredths.
 */
/** The decoder the weights were trained with. */
export const TAGGER_DECODER: 'greedy' | 'viterbi' = '${decoder}';
export const TAGGER_WEIGHTS = ${JSON.stringify(serialise(averaged))};
`);
}

if (require.main === module) main();
