import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../../tests/support/paths';
import { analyze, normalizeForMatching } from '../text';
import { planQuery } from './queryPlan';
import {
  createTransliterator,
  expandTransliterations,
  listedNames,
  withoutArticle,
  type NameWord,
} from './transliteration';

interface Pair {
  latin: string;
  arabic: string;
  exonym?: boolean;
}

/** The vocabulary a library of one SaudiNewsNet day and a few English sentences would hold. */
function dayVocabulary(english: string[]): NameWord[] {
  const df = new Map<string, { surface: string; df: number }>();
  const records = JSON.parse(
    gunzipSync(readFileSync(sharedData('saudinewsnet', '2015-07-21.json.gz'))).toString('utf8'),
  ) as Array<{ title?: string; content?: string }>;
  for (const text of [...records.map((r) => `${r.title ?? ''}\n${r.content ?? ''}`), ...english]) {
    const seen = new Set<string>();
    for (const t of analyze(text)) {
      if (t.stop || seen.has(t.exact)) continue;
      seen.add(t.exact);
      const e = df.get(t.exact);
      if (e) e.df++;
      else df.set(t.exact, { surface: t.text, df: 1 });
    }
  }
  return [...df].map(([key, e]) => ({ key, surface: e.surface, df: e.df, definite: 0 }));
}

const keyOf = (word: string): string => analyze(word).find((t) => !t.stop)?.exact ?? word;
const pairs = (
  JSON.parse(readFileSync(resolve(__dirname, '../../../tests/fixtures/namesAcrossScripts.json'), 'utf8')) as Pair[]
).filter((p) => !p.exonym);

describe('transliteration candidates from a library vocabulary', () => {
  const english = [
    ...pairs.map((p) => `${p.latin} spoke to reporters.`),
    'The minister said he saw no reason to wait.',
  ];
  const words = dayVocabulary(english);
  const transliterator = createTransliterator(listedNames(words));

  it('finds the fixture names of one SaudiNewsNet day both ways, recall@10 >= 0.9', async () => {
    const vocabulary = new Set(words.map((w) => w.key));
    const present = pairs.filter((p) => vocabulary.has(keyOf(p.arabic)));
    expect(present.length).toBeGreaterThanOrEqual(40);
    let toArabic = 0;
    let toLatin = 0;
    for (const p of present) {
      const a = keyOf(p.arabic);
      const written = withoutArticle(normalizeForMatching(p.arabic));
      if ((await transliterator.candidates(keyOf(p.latin))).some((c) => c === a || c === written)) toArabic++;
      if ((await transliterator.candidates(a)).includes(keyOf(p.latin))) toLatin++;
    }
    expect(toArabic / present.length).toBeGreaterThanOrEqual(0.9);
    expect(toLatin / present.length).toBeGreaterThanOrEqual(0.9);
  });

  it('finds the same spellings when it scans the words (one search a process) as from its tables', async () => {
    const scanned = createTransliterator(listedNames(words), { scan: true });
    for (const p of pairs.slice(0, 60))
      for (const word of [keyOf(p.latin), keyOf(p.arabic)])
        expect(await scanned.candidates(word)).toEqual(await transliterator.candidates(word));
    expect(await scanned.candidates('reason')).toEqual([]);
  });

  it('leaves English words alone and finds a name the library has never seen in Latin', async () => {
    // Written in lower case in the library: a word, not a name (Arabic has رزان, ريس, رسن).
    expect(await transliterator.candidates('reason')).toEqual([]);
    expect(await transliterator.candidates('wait')).toEqual([]);
    expect((await transliterator.candidates('salman')).slice(0, 1)).toEqual(['سلمان']);
  });

  it('widens a query word or an al- phrase to an OR with the other script, and says so', async () => {
    const { root, transliterated } = await expandTransliterations(planQuery('al-Abbas').root!, transliterator);
    expect(transliterated).toEqual([{ word: 'al-Abbas', spellings: expect.arrayContaining(['عباس']) }]);
    expect(root.kind === 'or' && root.any.map((n) => n.kind)).toEqual([
      'phrase',
      ...transliterated[0]!.spellings.map(() => 'word'),
    ]);
    // Excluded words are widened too (so -Abbas also excludes عباس), but not reported as a search by name.
    const negated = await expandTransliterations(planQuery('Abdullah -Abbas').root!, transliterator);
    expect(negated.transliterated.map((t) => t.word)).toEqual(['Abdullah']);
  });
});

describe('transliteration tables after the words change', () => {
  it('answers from the words as they are now: the first lookup after a change waits for the new tables', async () => {
    const words: NameWord[] = [{ key: 'جبير', surface: 'الجبير', df: 1, definite: 1 }];
    let reads = 0;
    const names = {
      lines: async () => {
        reads++;
        return words.map((w) => `${w.key}\t${w.surface}\t${w.df}\t${w.definite}`).join('\n');
      },
    };
    // As the app builds it: the first tables are waited for only briefly.
    const t = createTransliterator(names, { firstWaitMs: 150 });
    expect(await t.candidates('jubeir')).toEqual(['جبير']);
    expect(await t.candidates('kadhimi')).toEqual([]);
    const built = reads;
    words.push({ key: 'كاظمي', surface: 'الكاظمي', df: 1, definite: 1 });
    t.changed();
    expect(await t.candidates('kadhimi')).toEqual(['كاظمي']);
    expect(reads).toBeGreaterThan(built);
    // Read once per change, not per lookup.
    const after = reads;
    expect(await t.candidates('jubeir')).toEqual(['جبير']);
    expect(reads).toBe(after);
  });

  it('does not keep an answer worked out from the words as they were before a change', async () => {
    const words: NameWord[] = [{ key: 'جبير', surface: 'الجبير', df: 1, definite: 1 }];
    let release: () => void = () => undefined;
    let gate: Promise<void> | null = new Promise<void>((done) => (release = done));
    const names = {
      lines: async () => {
        const text = words.map((w) => `${w.key}\t${w.surface}\t${w.df}\t${w.definite}`).join('\n');
        if (gate) await gate;
        return text;
      },
    };
    const t = createTransliterator(names);
    // A lookup reading the words while an import adds a name...
    const before = t.candidates('kadhimi');
    words.push({ key: 'كاظمي', surface: 'الكاظمي', df: 1, definite: 1 });
    t.changed();
    gate = null;
    release();
    expect(await before).toEqual([]);
    // ...answers from the words it read; the next lookup reads them again.
    expect(await t.candidates('kadhimi')).toEqual(['كاظمي']);
  });
});
