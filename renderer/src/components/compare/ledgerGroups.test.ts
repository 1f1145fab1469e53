import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../../../preload/contract';
import { countedThing, dateRows, numberRows, outletsOf, quoteRows, splitConflicts } from './ledgerGroups';

type Facts = Comparison['facts'][number];

const span = { start: 0, end: 1 };

function number(value: number, text: string, unitKey: string | null, start: number): Facts['numbers'][number] {
  return { value, text, start, end: start + text.length, unit: unitKey, unitKey, context: span, sentence: 0 };
}

function date(iso: string, text: string, start: number): Facts['dates'][number] {
  const precision = iso.length === 10 ? 'day' : iso.length === 7 ? 'month' : 'year';
  return { iso, precision, calendar: 'gregorian', text, start, end: start + text.length, sentence: 0 };
}

function quote(text: string, speakerName: string | null, start: number): Facts['quotes'][number] {
  return {
    text,
    start,
    end: start + text.length,
    speaker: speakerName,
    speakerName,
    speakerSpan: null,
    cue: 'وقال',
    sentence: 0,
    reported: false,
  };
}

function facts(parts: Partial<Facts>): Facts {
  return { numbers: [], dates: [], quotes: [], entities: [], titleNumbers: [], ...parts };
}

// Three outlets on the judges' order (written as الرياض, الوئام and المدينة wrote it).
const compared: Comparison['facts'] = [
  facts({
    numbers: [number(100, '100 قاضٍ', 'قاض', 10), number(25, '25 قاضيا', 'قاض', 40)],
    dates: [date('2015-07-22', 'اليوم', 5)],
    quotes: [quote('الأمر الكريم يأتي في سياق الدعم', 'وليد الصمعاني', 80)],
  }),
  facts({
    numbers: [number(100, '100 قاضيا', 'قاض', 12)],
    dates: [date('2015-07-22', 'الأربعاء', 3), date('2015-07', 'يوليو', 30)],
    quotes: [quote('هذا الأمر الملكي يأتي حرصا', 'اليوسف', 50), quote('التعيينات ستسهم', null, 90)],
  }),
  facts({
    numbers: [number(100, '100 قاض', 'قاض', 7), number(100, '100 عام', 'عام', 60)],
    quotes: [quote('الأمر الملكي يأتي في سياق', 'وليد الصمعاني', 20)],
  }),
];

describe('ledger rows: one row per fact, a column per outlet', () => {
  it('gives the same number of the same thing one row, however each outlet wrote it', () => {
    const rows = numberRows(compared);
    expect(rows.map((r) => [r.fact.value, r.fact.unitKey, outletsOf(r)])).toEqual([
      [100, 'قاض', 3],
      [25, 'قاض', 1],
      [100, 'عام', 1],
    ]);
    expect(rows[0]!.cells.map((c) => c?.map((m) => m.text) ?? null)).toEqual([['100 قاضٍ'], ['100 قاضيا'], ['100 قاض']]);
    // Every mention keeps its place in its article, for the conflict flag and for marking it in the text.
    expect(rows[0]!.mentions.map((m) => [m.article, m.start])).toEqual([
      [0, 10],
      [1, 12],
      [2, 7],
    ]);
    expect(rows[1]!.cells).toEqual([[{ article: 0, start: 40, end: 48, text: '25 قاضيا' }], null, null]);
  });

  it('gives the same resolved date one row (اليوم and الأربعاء are both 22 July), in time order', () => {
    const rows = dateRows(compared);
    expect(rows.map((r) => [r.fact.iso, r.cells.map((c) => c?.[0]?.text ?? null)])).toEqual([
      ['2015-07', [null, 'يوليو', null]],
      ['2015-07-22', ['اليوم', 'الأربعاء', null]],
    ]);
  });

  it('keeps each quotation, grouped by speaker: the most quoted first, the unnamed last', () => {
    const rows = quoteRows(compared);
    expect(rows.map((q) => [q.speakerName, q.article])).toEqual([
      ['وليد الصمعاني', 0],
      ['وليد الصمعاني', 2],
      ['اليوسف', 1],
      [null, 1],
    ]);
  });
});

describe('conflicts', () => {
  it('keeps a quotation only one outlet carries apart from the disagreements', () => {
    const item = { article: 0, value: '125', sentence: '', start: 0, end: 3, inTitle: false, role: null };
    const conflicts: Comparison['conflicts'] = [
      { kind: 'sum', subject: 'قاضيا', items: [item], row: 0 },
      { kind: 'quote-unique', subject: 'لقاء جلالة الملك', items: [item], row: null },
      { kind: 'date', subject: 'اليوم', items: [item], row: 1 },
    ];
    const { between, exclusive } = splitConflicts(conflicts);
    expect(between.map((k) => k.kind)).toEqual(['sum', 'date']);
    expect(exclusive.map((k) => k.kind)).toEqual(['quote-unique']);
  });
});

describe('what a number row counts', () => {
  const written = (value: number, unit: string, unitKey: string) => ({
    ...number(value, `${value} ${unit}`, unitKey, 0),
    unit,
  });

  it('names the counted noun as a dictionary would, not in the accusative that follows 11–99', () => {
    // "3850 مترا" in all four outlets of the Taif park story; "750 نزلاً" in one.
    const metres = numberRows([facts({ numbers: [written(3850, 'مترا', 'متر')] })]);
    const lodges = numberRows([facts({ numbers: [written(750, 'نزلاً', 'نزل')] })]);
    expect(countedThing(metres[0]!)).toBe('متر');
    expect(countedThing(lodges[0]!)).toBe('نزل');
  });

  it("prefers an outlet's own plain spelling, and keeps plurals and words whose alef is their own", () => {
    const judges = numberRows([
      facts({ numbers: [written(100, 'قاضيا', 'قاض')] }),
      facts({ numbers: [written(100, 'قاضٍ', 'قاض')] }),
    ]);
    expect(countedThing(judges[0]!)).toBe('قاضٍ');
    const cases = numberRows([facts({ numbers: [written(12, 'قضايا', 'قضايا')] })]);
    expect(countedThing(cases[0]!)).toBe('قضايا');
    const bare = numberRows([facts({ numbers: [{ ...number(5, '5', null, 0), unit: null }] })]);
    expect(countedThing(bare[0]!)).toBeNull();
  });
});

describe('quotation rows', () => {
  // The Hajj ministry's e-registration story (SaudiNewsNet, 25 July 2015): four outlets print the wire copy.
  const said = 'الوزارة كانت قد نظمت اجتماعاً بحضور معالي وزير الحج';
  const reported = (text: string, speakerName: string | null, start: number) => ({
    ...quote(text, speakerName, start),
    reported: true,
  });

  it('gives a quotation several outlets carry word for word one row naming them all', () => {
    const rows = quoteRows([
      facts({ quotes: [reported(said, 'علي بن محمد الغامدي', 100)] }),
      facts({ quotes: [reported(said, 'علي بن محمد الغامدي', 90)] }),
      facts({ quotes: [reported('الوزارة كانت قد نظمت اجتماعا بحضور معالي وزير الحج', 'علي بن محمد الغامدي', 120)] }),
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.outlets.map((m) => [m.article, m.start])).toEqual([
      [0, 100],
      [1, 90],
      [2, 120],
    ]);
  });

  it('gives a wire copy one row whether or not an outlet keeps the web address at its end', () => {
    // The grain board's tender (SaudiNewsNet, 10 August 2015): الرياض drops the address the others print.
    const words = 'وأنه يتم إيضاح أسعار مناقصاتها من خلال موقع المؤسسة الإلكتروني';
    const rows = quoteRows([
      facts({ quotes: [reported(words, null, 600)] }),
      facts({ quotes: [reported(`${words} (http://www.gsfmo.gov.sa)`, null, 640)] }),
      facts({ quotes: [reported(`${words} (http://www.gsfmo.gov.sa)`, null, 690)] }),
      facts({ quotes: [reported(`${words} في موقعها`, null, 690)] }),
    ]);
    expect(rows.map((q) => q.outlets.map((m) => m.article))).toEqual([[0, 1, 2], [3]]);
  });

  it("joins an outlet that gives only the speaker's office to the row of the outlets that name him", () => {
    // The fourth relief plane to Aden (SaudiNewsNet, 31 July 2015): الرياض drops the spokesman's name.
    const words = 'هذه الرحلة والمخصصة للمواد والمستلزمات والأدوية تأتي ضمن برنامج خصص لذلك';
    const office = { ...reported(words, null, 40), speaker: 'المتحدث الرسمي للمركز' };
    const rows = quoteRows([
      facts({ quotes: [office] }),
      facts({ quotes: [reported(words, 'رأفت الصباغ', 60)] }),
      facts({ quotes: [reported(words, 'رأفت الصباغ', 70)] }),
    ]);
    expect(rows.map((q) => [q.speakerName, q.outlets.map((m) => m.article)])).toEqual([['رأفت الصباغ', [0, 1, 2]]]);
    // Two named people given the same words stay two rows: that is a disagreement, not one speaker.
    const disputed = quoteRows([
      facts({ quotes: [reported(words, 'رأفت الصباغ', 60)] }),
      facts({ quotes: [reported(words, 'عبدالله الربيعة', 60)] }),
    ]);
    expect(disputed.map((q) => q.speakerName)).toEqual(['رأفت الصباغ', 'عبدالله الربيعة']);
  });

  it('keeps different words apart, and counts a bare surname as the full name it ends', () => {
    const rows = quoteRows([
      facts({
        quotes: [
          reported('برنامج التسجيل الإلكتروني يحقق فوائد عدة', 'الغامدي', 10),
          reported(said, 'علي بن محمد الغامدي', 100),
          quote('سنواصل العمل', 'وليد الصمعاني', 200),
        ],
      }),
      facts({ quotes: [reported('البرنامج يحقق فوائد', 'الغامدي', 10)] }),
    ]);
    expect(rows.map((q) => [q.speakerName, q.outlets.map((m) => m.article)])).toEqual([
      ['الغامدي', [0]],
      ['علي بن محمد الغامدي', [0]],
      ['الغامدي', [1]],
      ['وليد الصمعاني', [0]],
    ]);
  });

  it('groups a speaker an outlet names shorter under the one fuller name that holds it', () => {
    // Al-Jubeir on Iran (SaudiNewsNet, 10 August 2015): الاقتصادية drops the father's name.
    const said = 'السعودية حريصة على تطوير علاقاتها بشكل جيد مع إيران';
    const rows = quoteRows([
      facts({ quotes: [reported(said, 'وزير الخارجية عادل بن أحمد الجبير', 10)] }),
      facts({ quotes: [quote('لا تقارب مع طهران', 'فرانك فالتر شتاينماير', 5)] }),
      facts({ quotes: [reported(`${said} شرط أن تغير سياستها`, 'وزير الخارجية عادل الجبير', 10)] }),
      facts({ quotes: [reported('إيران تتدخل في شؤون الدول الخليجية', 'الجبير', 90)] }),
    ]);
    expect(rows.map((q) => [q.speakerName, q.speakerGroup])).toEqual([
      ['وزير الخارجية عادل بن أحمد الجبير', 'وزير الخارجية عادل بن أحمد الجبير'],
      ['وزير الخارجية عادل الجبير', 'وزير الخارجية عادل بن أحمد الجبير'],
      ['الجبير', 'وزير الخارجية عادل بن أحمد الجبير'],
      ['فرانك فالتر شتاينماير', 'فرانك فالتر شتاينماير'],
    ]);
  });

  it('leaves a bare family name apart when two speakers of the comparison carry it', () => {
    // SaudiNewsNet: سلطان الشايع (الوئام, 2015-07-21.json.gz#1562) and محمد بن حمود الشايع (2015-07-24.json.gz#1946).
    const rows = quoteRows([
      facts({ quotes: [reported('صحة المنطقة وجهت جميع أقسام الطوارئ', 'سلطان الشايع', 10)] }),
      facts({ quotes: [reported('مهام اللجنة تبدأ بتسجيل الناخبين', 'محمد بن حمود الشايع', 10)] }),
      facts({ quotes: [reported('مراحل سير العمل تسير وفق الخطة', 'الشايع', 10)] }),
    ]);
    expect(rows.map((q) => q.speakerGroup)).toEqual(['سلطان الشايع', 'محمد بن حمود الشايع', 'الشايع']);
  });
});
