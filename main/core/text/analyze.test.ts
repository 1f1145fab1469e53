import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, type AnalyzedToken } from './analyze';
import { normalizeForMatching } from '../../../common/text/normalize';

const SEED_TEXT = fs.readFileSync(
  path.resolve(__dirname, '../../../../shared/data/seed/hurriya-2021-07-26.txt'),
  'utf8',
);
const SEED = analyze(SEED_TEXT);

function seedToken(text: string): AnalyzedToken {
  const t = SEED.find((x) => x.text === text);
  if (t === undefined) throw new Error(`${text} is not a token of the seed`);
  return t;
}

describe('analyze on the seed article', () => {
  it('brings الأمريكية and الأميركي to the same key', () => {
    const a = seedToken('الأمريكية');
    const b = seedToken('الأميركي');
    expect(a.stem).toBe(b.stem);
    expect(a.stem).toBe('اميرك');
    // and the exact keys of the same inflection agree across spellings
    expect(seedToken('الامريكية').exact).toBe(seedToken('الأميركية').exact);
  });

  it('brings والكاظمي and الكاظمي to the same key, exact and stemmed', () => {
    // The seed writes الكاظمي after وقال/وأوضح; والكاظمي is the clitic form a query or another article uses.
    const a = analyze('والكاظمي')[0];
    if (a === undefined) throw new Error('no token');
    const b = seedToken('الكاظمي');
    expect(a.exact).toBe('كاظمي');
    expect(b.exact).toBe('كاظمي');
    expect(a.stem).toBe(b.stem);
  });

  it('keeps تموز and واشنطن whole', () => {
    expect(seedToken('تموز')).toMatchObject({ norm: 'تموز', exact: 'تموز', stem: 'تموز' });
    expect(seedToken('واشنطن')).toMatchObject({ norm: 'واشنطن', exact: 'واشنطن', stem: 'واشنطن' });
  });

  it('gives numbers and dates canonical keys', () => {
    expect(seedToken('2500')).toMatchObject({ kind: 'number', exact: '2500' });
    expect(seedToken('26/7/2021')).toMatchObject({ kind: 'date', exact: '2021-07-26' });
  });

  it('marks stop words and keeps them in the stream', () => {
    expect(seedToken('في').stop).toBe(true);
    expect(seedToken('التي').stop).toBe(true);
    expect(seedToken('بايدن').stop).toBe(false);
  });

  it('offsets point at the original text', () => {
    for (const t of SEED) expect(SEED_TEXT.slice(t.start, t.end)).toBe(t.text);
    // Independent count: runs of letters/marks, and digit runs joined by '/'
    // (the only numeric date form in the seed): 1073.
    expect(SEED.length).toBe(1073);
    expect(SEED_TEXT.match(/[\p{L}\p{M}\u0640]+|[0-9]+(?:\/[0-9]+)*/gu)?.length).toBe(1073);
  });
});

describe('analyze, mixed text', () => {
  it('sends Latin words to the English pipeline', () => {
    const t = analyze('قالت The New York Times إن running U.S. Biden’s');
    expect(t.map((x) => [x.text, x.exact, x.stem, x.stop])).toEqual([
      ['قالت', 'قالت', 'قالت', false],
      ['The', 'the', 'the', true],
      ['New', 'new', 'new', false],
      ['York', 'york', 'york', false],
      ['Times', 'times', 'time', false],
      ['إن', 'ان', 'ان', true],
      ['running', 'running', 'run', false],
      ['U.S.', 'us', 'us', false],
      ['Biden’s', 'biden', 'biden', false],
    ]);
  });

  it('keys numbers in every digit system alike', () => {
    expect(analyze('2,500 ٢٬٥٠٠ ٢٥٠٠ 2.5 ٢٫٥').map((x) => x.exact)).toEqual(['2500', '2500', '2500', '2.5', '2.5']);
  });
});

describe('a bare preposition written on a word', () => {
  const keys = (word: string) => {
    const t = analyze(word)[0];
    if (t === undefined) throw new Error(`no token in ${word}`);
    return { exact: t.exact, stem: t.stem };
  };

  it('is stripped before a name or a word frequent on its own, in both keys', () => {
    for (const [written, bare] of [
      ['لواشنطن', 'واشنطن'],
      ['بواشنطن', 'واشنطن'],
      ['ولواشنطن', 'واشنطن'],
      ['ببغداد', 'بغداد'],
      ['لبغداد', 'بغداد'],
      ['لوكالة', 'وكالة'],
      ['بوكالة', 'الوكالة'],
      ['لأمريكا', 'أميركا'],
      ['كوزير', 'وزير'],
    ] as const) {
      expect(keys(written), written).toEqual(keys(bare));
    }
  });

  it('is stripped before names no dictionary holds, from the entity lists (SaudiNewsNet spellings)', () => {
    for (const [written, bare] of [
      ['بعسير', 'عسير'],
      ['لداعش', 'داعش'],
      ['بجازان', 'جازان'],
      ['لرويترز', 'رويترز'],
      ['لأردوغان', 'أردوغان'],
    ] as const) {
      expect(keys(written), written).toEqual(keys(bare));
    }
    // A name's p+name that is a loanword of its own stays whole.
    expect(keys('لايت').exact).toBe('لايت');
  });

  it('is not stripped from a word whose first letter is its own', () => {
    // A ل/ب/ك that is a radical, and clitic forms measured as words of their own.
    for (const word of [
      'لبنان',
      'بيان',
      'بريطانيا',
      'لندن',
      'بغداد',
      'بحر',
      'كبير',
      'بشكل',
      'بسبب',
      'كتاب',
      'بنك',
      'لعب',
    ]) {
      expect(keys(word).exact, word).toBe(word);
    }
    expect(keys('لجنة').exact).toBe('لجنه');
  });

  it('is stripped before a listed word with a pronoun on it, ة written ت', () => {
    for (const [written, bare] of [
      ['بتسليمها', 'تسليمها'],
      ['لحكومته', 'حكومته'],
      ['بكتابه', 'كتابه'],
    ] as const) {
      expect(keys(written), written).toEqual(keys(bare));
    }
  });

  it('is not read where the dictionary does not allow it or the whole form is its own word', () => {
    // كيري: يري is a verb, which takes ل only; the others are words a preposition reading would merge.
    for (const word of ['كيري', 'بطاقة', 'بطاقته', 'بوصلة', 'لجان', 'بارز', 'بعيد']) {
      expect(keys(word).exact, word).toBe(normalizeForMatching(word));
    }
  });
});
