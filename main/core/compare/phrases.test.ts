import { describe, expect, it } from 'vitest';
import { alignTexts } from './align';
import { diffUnits } from './diffUnits';
import { prepareText } from './prepare';
import { saudiNewsNetDay } from './testData';

/** The sentences of a SaudiNewsNet record (the real text, as the importer stores it). */
function sentencesOf(day: string, index: number): string[] {
  const a = saudiNewsNetDay(day)[index];
  if (!a) throw new Error(`no record ${day}#${index}`);
  return prepareText(a.body).sentences.map((s) => a.body.slice(s.start, s.end));
}

// The King's order appointing judges, 21-22 July 2015: one SPA release, three outlets.
const eqtisadiya = sentencesOf('2015-07-22', 241); // بأمر الملك .. ترقية وتعيين 125 قاضيا
const weeam = sentencesOf('2015-07-21', 1975); // أمر ملكي بترقية وتعيين 100 قاضٍ بوزارة العدل
const madina = sentencesOf('2015-07-22', 459); // المليك يأمر بترقية وتعيين 125 قاضيًا
const riyadh = sentencesOf('2015-07-22', 676); // أمر ملكي بترقية وتعيين 100 قاضٍ بوزارة العدل.. و25 بديوان المظالم
const madina21 = sentencesOf('2015-07-21', 1143); // بأمر من الملك .. ترقية وتعيين 100 قاضٍ بوزارة العدل

/** One sentence against another: the row's kind and its changes as [op, words in a, words in b, minor]. */
function diff(a: string, b: string): { kind: string; changes: Array<[string, string, string, boolean]> } {
  const row = alignTexts([prepareText(a), prepareText(b)], {
    matchThreshold: 0,
    movedThreshold: 1,
    partThreshold: 1,
  }).rows[0]!;
  const words = (text: string, s: { start: number; end: number } | null): string =>
    s ? text.slice(s.start, s.end) : '';
  return {
    kind: row.kind,
    changes: row.diffs[0]!.changes.map((c) => [c.op, words(a, c.a), words(b, c.b), c.minor]),
  };
}

describe('word differences: spelling is no difference', () => {
  const lead = eqtisadiya[0]!;
  it.each([
    ['joined compound name', 'بن عبدالعزيز', 'بن عبد العزيز'],
    ['name particle ابن / بن in a name', 'سلمان بن عبدالعزيز', 'سلمان ابن عبدالعزيز'],
    ['hamza on alef', 'أصدر خادم', 'اصدر خادم'],
    ['alef with hamza below', 'أمره بترقية', 'إمره بترقية'],
    ['taa marbuta', 'وزارة العدل', 'وزاره العدل'],
    ['tatweel', 'الملك سلمان', 'الملـــك سلمان'],
    ['diacritics', '100 قاض', '100 قاضٍ'],
    ['Arabic-Indic digits', '100 قاض', '١٠٠ قاض'],
    ['punctuation and spacing', 'الشريفين الملك', 'الشريفين ،  الملك'],
    ['brackets', '100 قاض في', '(100 قاض) في'],
  ])('%s: the sentence is shared and nothing is marked', (_name, from, to) => {
    expect(lead).toContain(from);
    expect(diff(lead, lead.replace(from, to))).toEqual({ kind: 'shared', changes: [] });
  });

  it('alef maqsura and yaa are one letter', () => {
    const s = eqtisadiya[3]!;
    expect(s).toContain('إلى درجة');
    expect(diff(s, s.replace('إلى درجة', 'إلي درجة'))).toEqual({ kind: 'shared', changes: [] });
  });

  it('a compound name split or joined in the middle of a real name is the same name', () => {
    const s = 'وأوضح الشيخ عبد الله بن محمد آل الشيخ أن الأمر يأتي في سياق الدعم';
    expect(diff(s, s.replace('عبد الله', 'عبدالله'))).toEqual({ kind: 'shared', changes: [] });
    expect(diff(s, s.replace('بن محمد', 'ابن محمد'))).toEqual({ kind: 'shared', changes: [] });
    expect(diff('وقال ابن خلدون في المقدمة', 'وقال بن خلدون في المقدمة')).toEqual({ kind: 'shared', changes: [] });
    expect(diff('وصل إلى أبو ظبي أمس', 'وصل إلى أبوظبي أمس')).toEqual({ kind: 'shared', changes: [] });
  });

  it('words run together or apart are a spacing difference (عز وجل / عزو جل, two outlets)', () => {
    const a = eqtisadiya[1]!;
    const b = riyadh[1]!;
    expect(a).toContain('عز وجل');
    expect(b).toContain('عزو جل');
    expect(
      diff(a, b)
        .changes.flatMap(([, x, y]) => [x, y])
        .join(' '),
    ).not.toMatch(/عز|جل/u);
  });

  it('the near-identical copies of the SPA wire (الوئام, المدينة) are shared sentence for sentence', () => {
    expect(weeam[0]).not.toBe(madina21[0]);
    expect(diff(weeam[0]!, madina21[0]!)).toEqual({ kind: 'shared', changes: [] });
    expect(diff(weeam[1]!, madina21[1]!)).toEqual({ kind: 'shared', changes: [] });
  });

  it('a form of address or a pious formula alone is minor: the row stays shared and nothing is marked', () => {
    const order = eqtisadiya[1]!;
    expect(order).toContain('وزير العدل');
    expect(diff(order, order.replace('وزير العدل', 'معالي وزير العدل'))).toEqual({
      kind: 'shared',
      changes: [['insert', '', 'معالي', true]],
    });
    const king = weeam[0]!;
    expect(king).toContain('آل سعود – حفظه الله');
    expect(diff(king, king.replace('آل سعود – حفظه الله', 'آل سعود'))).toEqual({
      kind: 'shared',
      changes: [['delete', 'حفظه الله', '', true]],
    });
    // A formula beside a changed name is part of that change, which matters.
    expect(diff(king, king.replace('آل سعود – حفظه الله', 'حفظه الله')).kind).toBe('reworded');
  });

  it('a changed function word alone is minor: the row stays shared', () => {
    const s = eqtisadiya[0]!;
    expect(diff(s, s.replace('في وزارة', 'بوزارة'))).toEqual({ kind: 'shared', changes: [['delete', 'في', '', true]] });
  });
});

describe('word differences: phrases and moves', () => {
  it('marks a dropped phrase as one deletion (الوئام / الرياض)', () => {
    expect(diff(weeam[0]!, riyadh[0]!)).toEqual({
      kind: 'reworded',
      changes: [['delete', 'آل سعود – حفظه الله', '', false]],
    });
  });

  it('finds the minister moved behind his title, with the insertions around it (الاقتصادية / الوئام)', () => {
    const { kind, changes } = diff(eqtisadiya[1]!, weeam[1]!);
    expect(kind).toBe('reworded');
    expect(changes.slice(0, 4)).toEqual([
      ['insert', '', 'معالي', true],
      ['move', 'وزير العدل', 'وزير العدل', false],
      ['insert', '', 'بن محمد', false],
      ['replace', 'الملكي', 'الكريم', false],
    ]);
    // Nothing of the moved phrase is left as a deletion or an insertion.
    expect(changes.filter(([op, x, y]) => op !== 'move' && (x + y).includes('وزير'))).toEqual([]);
  });

  it('moves a name across a gap: the insertion inside the moved phrase stays an insertion (الاقتصادية / المدينة)', () => {
    const { changes } = diff(eqtisadiya[3]!, madina[3]!);
    expect(changes).toEqual([
      ['insert', '', 'معالي', true],
      ['move', 'الشيخ الدكتور خالد اليوسف', 'الشيخ الدكتور خالد بن محمد اليوسف', false],
      ['insert', '', 'بن محمد', false],
      ['replace', 'قاض', 'قاضي', false],
    ]);
  });

  it('groups changed words separated by one function word into one phrase', () => {
    const s = eqtisadiya[1]!;
    expect(s).toContain('الدعم المتواصل من خادم الحرمين');
    expect(diff(s, s.replace('المتواصل من خادم', 'الدائم من ملك')).changes).toEqual([
      ['replace', 'المتواصل من خادم', 'الدائم من ملك', false],
    ]);
  });

  it('keys a compound name as one unit, whether joined or apart', () => {
    const keys = (s: string) => {
      const p = prepareText(s);
      return diffUnits(p.tokens, 0, p.tokens.length).map((u) => u.key);
    };
    expect(keys('الملك سلمان ابن عبد العزيز')).toEqual(keys('الملك سلمان بن عبدالعزيز'));
    expect(keys('وعبد الله')).toEqual(keys('وعبدالله'));
  });
});

describe('alignment of the judges articles', () => {
  it('links a sentence of one outlet to the two sentences another split it into (الاقتصادية / الشرق الأوسط)', () => {
    const day = saudiNewsNetDay('2015-07-22');
    const al = alignTexts([prepareText(day[241]!.body), prepareText(day[60]!.body)]);
    const split = al.rows.filter((r) => r.cells.some((c) => c.length > 1));
    expect(split).toHaveLength(1);
    expect(split[0]!.cells).toEqual([[3, 4], [3]]);
  });

  it('links the one sentence "100 at the ministry and 25 at the Board" to the two sentences the others wrote', () => {
    // الاقتصادية on the 21st wrote both orders in one sentence; الاقتصادية on the 22nd and المدينة wrote
    // two, with the minister's words between them; الوئام has the first only.
    const d21 = saudiNewsNetDay('2015-07-21');
    const d22 = saudiNewsNetDay('2015-07-22');
    const texts = [d21[897]!, d22[241]!, d21[1975]!, d22[459]!].map((a) => prepareText(a.body));
    const al = alignTexts(texts);
    const first = al.rows[0]!;
    expect(first.cells).toEqual([[0], [0, 2], [0], [0, 2]]);
    const words = (a: number, s: number): string => {
      const span = al.sentences[a]![s]!;
      return texts[a]!.text.slice(span.start, span.end);
    };
    expect(words(0, 0)).toMatch(/100 قاض.*25 قاض/u);
    expect(words(1, 2)).toContain('25 قاضياً');
    expect(words(3, 2)).toContain('25 قاضيًا');
    // The minister's sentence stays a row of its own, carried by the three that have it.
    expect(al.rows[1]!.cells).toEqual([[], [1], [1], [1]]);
  });
});
