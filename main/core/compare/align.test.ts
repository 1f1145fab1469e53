import { describe, expect, it } from 'vitest';
import { alignTexts, isDateline, isTagLine } from './align';
import { compareTexts } from './comparison';
import { prepareText } from './prepare';
import { seedArticle } from './testData';

const seed = seedArticle();
const body = seed.body;
const paragraphs = body.split('\n');

/** The paragraph (one sentence each in the seed) that starts with `start`. */
function paragraphIndex(start: string): number {
  const i = paragraphs.findIndex((p) => p.startsWith(start));
  if (i < 0) throw new Error(`no paragraph starts with ${start}`);
  return i;
}

/**
 * The seed as another outlet might have run it: two sentences swapped, one
 * dropped, a number changed (2500 → 3000) and a quote given to another
 * speaker (الكاظمي → بايدن).
 */
function editedSeed(): { text: string; moved: string[]; dropped: string } {
  const edited = [...paragraphs];
  const a = paragraphIndex('وكثفت الفصائل');
  const b = paragraphIndex('ويقول مسؤولون');
  [edited[a], edited[b]] = [edited[b]!, edited[a]!];
  const dropped = paragraphs[paragraphIndex('وفي الشهر الماضي')]!;
  edited.splice(edited.indexOf(dropped), 1);
  const text = edited
    .join('\n')
    .replace('حوالي 2500 جندي', 'حوالي 3000 جندي')
    .replace('وقال الكاظمي لوكالة', 'وقال بايدن لوكالة');
  return { text, moved: [paragraphs[a]!, paragraphs[b]!], dropped };
}

const slice = (text: string, s: { start: number; end: number } | null): string => (s ? text.slice(s.start, s.end) : '');

describe('sentence alignment', () => {
  it('finds every edit of the seed and flags nothing else', () => {
    const edited = editedSeed();
    const c = compareTexts([
      { text: body, reference: '2021-07-26' },
      { text: edited.text, reference: '2021-07-26' },
    ]);
    const { rows, sentences } = c.alignment;
    const sentenceA = (r: (typeof rows)[number]): string => slice(body, sentences[0]![r.cells[0]![0]!]!);

    // The dropped sentence is the only one unique to a source.
    const unique = rows.filter((r) => r.kind === 'unique');
    expect(unique).toHaveLength(1);
    expect(unique[0]!.cells[1]).toEqual([]);
    expect(sentenceA(unique[0]!)).toBe(edited.dropped);
    expect(c.alignment.unique).toEqual([[unique[0]!.cells[0]![0]], []]);

    // One of the two swapped sentences is found out of order.
    const moved = rows.filter((r) => r.moved.length > 0);
    expect(moved).toHaveLength(1);
    expect(moved[0]!.moved).toEqual([1]);
    expect(moved[0]!.kind).toBe('shared');
    expect(edited.moved).toContain(sentenceA(moved[0]!));

    // Two sentences are reworded, each by exactly the edited word.
    const reworded = rows.filter((r) => r.kind === 'reworded');
    const changes = reworded.map((r) =>
      r.diffs[0]!.changes.map((ch) => [ch.op, slice(body, ch.a), slice(edited.text, ch.b)]),
    );
    expect(changes).toEqual([[['replace', 'الكاظمي', 'بايدن']], [['replace', '2500', '3000']]]);

    // Everything else is shared word for word, by both.
    const rest = rows.filter((r) => r.kind === 'shared');
    expect(rest).toHaveLength(sentences[0]!.length - 3);
    for (const r of rest) {
      expect(r.cells[0]).toHaveLength(1);
      expect(r.cells[1]).toHaveLength(1);
      expect(r.diffs[0]!.changes).toEqual([]);
    }

    // The ledger flags the changed number and the re-attributed quote, nothing else.
    expect(c.conflicts.map((k) => ({ kind: k.kind, values: k.items.map((i) => i.value) }))).toEqual([
      { kind: 'number', values: ['2500 جندي', '3000 جندي'] },
      { kind: 'speaker', values: ['الكاظمي', 'بايدن'] },
    ]);
    expect(c.conflicts[1]!.subject).toContain('لا حاجة لوجود قوات');
  });

  it('compares an unedited copy as shared throughout, with no conflict', () => {
    const c = compareTexts([{ text: body }, { text: body.replace(/\n/g, '\n\n') }]);
    expect(c.alignment.rows.every((r) => r.kind === 'shared' && r.moved.length === 0)).toBe(true);
    expect(c.conflicts).toEqual([]);
  });

  it('keeps a sentence split in two in one row, and offsets point at the original words', () => {
    const original = paragraphs[paragraphIndex('ومن المتوقع على نطاق واسع')]!;
    const split = original.replace('، وأوضح الكاظمي', '. وأوضح الكاظمي');
    expect(split).not.toBe(original);
    const a = prepareText(original);
    const b = prepareText(split);
    expect(b.sentences).toHaveLength(2);
    const al = alignTexts([a, b]);
    expect(al.rows).toHaveLength(1);
    expect(al.rows[0]!.cells).toEqual([[0], [0, 1]]);
    expect(al.rows[0]!.kind).toBe('shared');
  });

  it('aligns three articles with a coverage map', () => {
    const edited = editedSeed();
    const third = paragraphs.slice(0, 5).join('\n');
    const al = alignTexts([prepareText(body), prepareText(edited.text), prepareText(third)]);
    const coverage = al.rows.map((r) => r.cells.map((c) => (c.length > 0 ? 1 : 0)).join(''));
    // The first five sentences are carried by all three; the dropped one by the seed alone.
    expect(coverage.slice(0, 5)).toEqual(['111', '111', '111', '111', '111']);
    expect(coverage.filter((c) => c === '100')).toHaveLength(1);
    expect(coverage.filter((c) => c === '001' || c === '010' || c === '011')).toEqual([]);
  });
});

describe('datelines', () => {
  // Two outlets on the Saudi–Jordanian statement of 2015-08-05 (SaudiNewsNet): عين اليوم opens with its dateline.
  const ainAlyoum = [
    'عين اليوم – عمان',
    'صدر اليوم بيان مشترك بمناسبة زيارة صاحب السمو الملكي الأمير محمد بن سلمان ولي ولي العهد للمملكة الأردنية الهاشمية.',
    'وأكد الجانبان أن سلامة وأمن المملكة الأردنية الهاشمية والمملكة العربية السعودية هو كل لا يتجزأ.',
  ].join('\n');
  const jazirah = [
    'صدر أمس بيان مشترك بمناسبة زيارة صاحب السمو الملكي الأمير محمد بن سلمان ولي ولي العهد للمملكة الأردنية الهاشمية.',
    'وأكد الجانبان أن سلامة وأمن المملكة الأردنية الهاشمية والمملكة العربية السعودية هو كل لا يتجزأ.',
  ].join('\n');

  it('keeps a first line naming the outlet and place out of the rows and gives it with the article', () => {
    const al = alignTexts([prepareText(ainAlyoum), prepareText(jazirah)]);
    expect(al.datelines.map((d) => slice(ainAlyoum, d))).toEqual(['عين اليوم – عمان', '']);
    expect(al.datelines[1]).toBeNull();
    // Every row is carried by both: no "unique" row for the dateline.
    expect(al.rows.map((r) => r.cells.map((c) => c.length > 0))).toEqual([
      [true, true],
      [true, true],
    ]);
    expect(al.unique).toEqual([[], []]);
  });

  it('takes a byline with its town as a dateline, and never a sentence, a quotation or an article of one line', () => {
    const dateline = (text: string) => isDateline(prepareText(text), 0);
    expect(dateline('حاتم النجيمي – تربة\nنص الخبر.')).toBe(true);
    expect(dateline('وأكد الجانبان أن سلامة وأمن المملكة هو كل لا يتجزأ.')).toBe(false);
    expect(dateline('الجبير: حريصون على تطوير العلاقة مع إيران')).toBe(false);
    expect(alignTexts([prepareText('عين اليوم – عمان'), prepareText(jazirah)]).datelines[0]).toBeNull();
  });
});

describe('tag lines', () => {
  // The joint forces' statement of 2015-08-05 as عين اليوم and الاقتصادية stored it (SaudiNewsNet): عين اليوم's page
  // closes with its tags.
  const statement =
    'أصدرت قيادة القوات المشتركة اليوم بياناً أوضحت فيه أنه في صباح اليوم الأربعاء أجرت طائرة اباتشي هبوطاً اضطرارياً في منفذ الطوال.';
  const ainAlyoum = `${statement}\nسمات اباتشي الطوال القوات المشتركة`;

  it('keeps a closing tag list out of the rows and gives it with the article', () => {
    const al = alignTexts([prepareText(ainAlyoum), prepareText(statement)]);
    expect(al.tagLines.map((d) => slice(ainAlyoum, d))).toEqual(['سمات اباتشي الطوال القوات المشتركة', '']);
    expect(al.rows).toHaveLength(1);
    expect(al.unique).toEqual([[], []]);
  });

  it('takes only a last line that lists words after a tag label, never a sentence that starts with the word', () => {
    const tags = (text: string) => {
      const p = prepareText(text);
      return isTagLine(p, p.sentences.length - 1);
    };
    expect(tags(`${statement}\nTags: Yemen, Apache`)).toBe(true);
    expect(tags(`${statement}\nسمات المرحلة المقبلة تتطلب الحذر، كما قال الوزير.`)).toBe(false);
    expect(tags('سمات اباتشي الطوال')).toBe(false);
    expect(tags(`سمات اباتشي الطوال\n${statement}`)).toBe(false);
  });
});
