/**
 * The fact ledger on real SaudiNewsNet sentences and articles (shared data,
 * 21-22 July 2015): speakers, numbers with what they count, relative and
 * Hijri dates, the King's order on 125 judges.
 */
import { describe, expect, it } from 'vitest';
import { compareTexts } from './comparison';
import { findHijriDates, hijriToIso } from '../text/hijri';
import { extractFacts, type ArticleFacts } from './facts';
import { prepareText } from './prepare';
import { saudiNewsNetDay } from './testData';
import { nameKey } from '../entities';

const factsOf = (text: string, reference = '2015-07-22', title?: string): ArticleFacts =>
  extractFacts(prepareText(text), { reference, lang: 'ar', ...(title ? { title } : {}) });

describe('speakers of quotations', () => {
  it('names the speaker after قال and أضاف, title and name', () => {
    // الشرق الأوسط, 2015-07-22 (records 33, 52, 31 of the day file).
    const quotes = [
      'وقال السيناتور جون ماكين: «كل شيء يبعث على اعتقاد أنه اتفاق سيئ».',
      'وأضاف كيري والارتياح ظاهر على صوته: «لقد طال الوقت لهذه الخطوة.. إنها خطوة جيدة».',
      'وأضاف البروفسور شيهان أن «الاتفاق الجديد لن يمنع طهران من التدخل في المنطقة، وسوف تستمر في ذلك، ويجب أن نراقبها عن كثب».',
      'وقال المحافظ للصحافيين على رصيف الميناء: «إنها السفينة الأولى التي ترسو في مرفأ عدن لتسليم مساعدات إنسانية منذ بدء المعارك».',
    ].map((s) => factsOf(s).quotes);
    expect(quotes.map((q) => q.length)).toEqual([1, 1, 1, 1]);
    expect(quotes[0]![0]!.speakerName).toBe('جون ماكين');
    expect(quotes[0]![0]!.speaker).toBe('السيناتور جون ماكين');
    expect(quotes[1]![0]!.speakerName).toContain('كيري');
    expect(quotes[2]![0]!.speakerName).toBe('شيهان');
    // An office alone is the speaker as the article gives it.
    expect(quotes[3]![0]!.speaker).toBe('المحافظ');
    expect(quotes[3]![0]!.text.startsWith('إنها السفينة الأولى')).toBe(true);
  });
});

describe('numbers with what they count', () => {
  it('reads number words and multipliers: ثلاثة آلاف متر, ثلاثة آلاف دولار', () => {
    // الشرق الأوسط (record 116) and الاقتصادية (record 177), 2015-07-22.
    const ash = factsOf('ان الرياح كانت تدفع نحو بالي سحابة الرماد التي ناهز ارتفاعها ثلاثة آلاف متر.').numbers;
    expect(ash.map((n) => [n.value, n.unit])).toEqual([[3000, 'متر']]);
    const watches = factsOf('التي تتجاوز قيمة الواحدة ثلاثة آلاف دولار. لكن السعودية تفوقت على شقيقتها').numbers;
    expect(watches.map((n) => [n.value, n.unit])).toEqual([[3000, 'دولار']]);
  });

  it('reads a number written in words with و as one number, and a time of day as no count', () => {
    // The coalition's five-day truce in Yemen (SaudiNewsNet, 25 July 2015: الرياض, الوئام, الاقتصادية).
    const truce = factsOf(
      'هدنة إنسانية لمدة خمسة أيام اعتباراً من يوم الأحد الساعة الحادية عشرة وتسع وخمسين دقيقة مساءً، تتوقف فيها الأعمال العسكرية',
    ).numbers;
    expect(truce.map((n) => [n.value, n.text])).toEqual([[5, 'خمسة أيام']]);
    expect(factsOf('يبدأ الساعة 10 صباحا ويستمر 24 ساعة').numbers.map((n) => [n.value, n.unit])).toEqual([
      [24, 'ساعة'],
    ]);
    const judges = factsOf('تضمن ترقية خمسة وعشرين قاضيا إلى درجة رئيس محكمة').numbers;
    expect(judges.map((n) => [n.value, n.unitKey])).toEqual([[25, 'قاض']]);
    // Units after و are a second number, not a sum: two sons and four daughters.
    expect(factsOf('ولدين اثنين وأربع بنات').numbers.map((n) => [n.value, n.unit])).toEqual([
      [2, null],
      [4, 'بنات'],
    ]);
    expect(factsOf('ثلاث مائة وخمسة وعشرين جنديا').numbers.map((n) => n.value)).toEqual([325]);
    // A per cent sign after a number in words ends the whole number's span.
    expect(factsOf('نسبة خمسة وعشرين % من السكان').numbers.map((n) => [n.value, n.text])).toEqual([
      [25, 'خمسة وعشرين %'],
    ]);
  });

  it('reads decimals with مليار and a number in brackets with the noun after it', () => {
    // الشرق الأوسط (record 1) and المدينة (record 459), 2015-07-22.
    const gold = factsOf('7 مليار ريال (40.9 مليار دولار)، مما يكشف حال التعاملات المالية').numbers;
    expect(gold.map((n) => [n.value, n.unit])).toEqual([
      [7e9, 'ريال'],
      [40.9e9, 'دولار'],
    ]);
    const judges = factsOf('أن الأمر الملكي تضمن ترقية (24) قاضيًا من درجة ملازم قاضي').numbers;
    expect(judges.map((n) => [n.value, n.unitKey])).toEqual([[24, 'قاض']]);
    // الوئام's headline on the fourth relief plane to Aden, 2015-07-31.
    const tons = factsOf('وصول طائرة الإغاثة السعودية الرابعة إلى عدن محملة بـ «10» أطنان').numbers;
    expect(tons.map((n) => [n.value, n.unit])).toEqual([[10, 'أطنان']]);
    // قاضٍ, قاضيا and قاضيًا count the same thing.
    const keys = ['100 قاضٍ', '125 قاضيا', '25 قاضيًا', '(100 قاض)'].map((s) => factsOf(s).numbers[0]?.unitKey);
    expect(new Set(keys)).toEqual(new Set(['قاض']));
  });
});

describe('dates against the dateline', () => {
  it('resolves اليوم, أمس, غدا and الأربعاء الماضي against the published day', () => {
    // الاقتصادية, 2015-07-22 (a Wednesday), record 230.
    const greek = factsOf(
      'وكان البرلمان اليوناني قد صوت الأربعاء الماضي على هذه الزيادة في ضريبة القيمة المضافة.',
    ).dates;
    expect(greek.map((d) => [d.text, d.iso, d.precision])).toEqual([['الأربعاء الماضي', '2015-07-15', 'day']]);
    const relative = factsOf('وقال مصدر تركي لـ«الشرق الأوسط» أمس إن الاجتماع يعقد اليوم ويستأنف غدا').dates;
    expect(relative.map((d) => [d.text, d.iso])).toEqual([
      ['أمس', '2015-07-21'],
      ['اليوم', '2015-07-22'],
      ['غدا', '2015-07-23'],
    ]);
  });

  it('converts Hijri days with the Umm al-Qura calendar', () => {
    // المدينة, 2015-07-22, record 608: "حتى نهاية يوم الخميس 21 شوال 1436هـ" — a Thursday.
    const dates = factsOf('سيبقى مفتوحاً حتى نهاية يوم الخميس 21 شوال 1436هـ.').dates;
    const hijri = dates.find((d) => d.calendar === 'islamic-umalqura');
    expect(hijri).toMatchObject({ text: '21 شوال 1436هـ', iso: '2015-08-06', precision: 'day' });
    expect(new Date(`${hijri!.iso}T00:00:00Z`).getUTCDay()).toBe(4);
    expect(hijriToIso(1436, 10, 26)).toBe('2015-08-11');
    expect(hijriToIso(1436, 9, 1)).toBe('2015-06-18'); // 1 Ramadan 1436
    // Without a year, the one nearest the dateline.
    expect(findHijriDates('يوم 26 شوال', '2015-07-22').map((d) => d.iso)).toEqual(['2015-08-11']);
    expect(hijriToIso(1436, 10, 31)).toBeNull();
  });
});

describe('the King’s order on 125 judges', () => {
  const day21 = saudiNewsNetDay('2015-07-21');
  const day22 = saudiNewsNetDay('2015-07-22');
  // الاقتصادية (22nd, headline 125), الوئام (21st, 100 at the ministry), المدينة (22nd, headline 125).
  const articles = [day22[241]!, day21[1975]!, day22[459]!];
  const comparison = compareTexts(
    articles.map((a) => ({ text: a.body, title: a.title, reference: a.published?.iso ?? undefined, lang: 'ar' })),
  );

  it('are the articles the users compared', () => {
    expect(articles.map((a) => a.source)).toEqual(['aleqtisadiya', 'alweeam', 'almadina']);
    expect(articles[0]!.title).toContain('125 قاضيا');
  });

  it('flags 125 in a headline against 100 + 25 in another outlet’s text, with both sentences', () => {
    const sums = comparison.conflicts.filter((c) => c.kind === 'sum');
    expect(sums).toHaveLength(1);
    // The heading names what is counted, not the accusative the headline's 125 takes.
    expect(sums[0]!.subject).toBe('قاضي');
    const items = sums[0]!.items;
    const whole = items.filter((i) => i.role === 'whole');
    const parts = items.filter((i) => i.role === 'part');
    expect(whole.map((i) => i.value)).toContain('125 قاضيا');
    expect(whole.every((i) => i.inTitle && i.sentence.includes('125'))).toBe(true);
    expect(parts.map((i) => i.value.split(' ')[0]).sort()).toEqual(['100', '100', '25', '25']);
    for (const p of parts) expect(p.sentence).toContain(p.value);
    // The sentence is the body's own text at the offsets.
    const p0 = parts[0]!;
    expect(articles[p0.article]!.body.slice(p0.start, p0.end)).toBe(p0.value);
  });

  it('raises no conflict between unrelated numbers, nor for terms in quotation marks', () => {
    expect(comparison.conflicts.filter((c) => c.kind === 'number')).toEqual([]);
    // الشرق الأوسط writes درجة «ملازم قاضي» and «قاضي ج»: terms, not quotations.
    const aawsat = saudiNewsNetDay('2015-07-22')[60]!;
    expect(aawsat.body).toContain('«ملازم قاضي»');
    expect(factsOf(aawsat.body).quotes.filter((q) => !q.reported)).toEqual([]);
  });

  it('lists only names as entities, one person per key, clitics stripped', () => {
    const names = comparison.entities.map((e) => e.name);
    for (const phrase of ['سائلا المولى', 'خير الجزاء', 'لتحقيق تطلعات', 'بوزارة العدل', 'الخبر'])
      expect(names).not.toContain(phrase);
    expect(names).toContain('وزارة العدل');
    const kings = comparison.entities.filter((e) => e.kind === 'person' && e.name.startsWith('سلمان'));
    expect(kings).toHaveLength(1);
    expect(kings[0]!.mentions.every((m) => m > 0)).toBe(true);
    const people = comparison.entities.filter((e) => e.kind === 'person').map((e) => e.key);
    expect(people.sort()).toEqual(['خالد اليوسف', 'سلمان عبدالعزيز', 'وليد الصمعاني']);
  });

  it('spells سلمان بن عبدالعزيز and سلمان بن عبد العزيز as one person', () => {
    const a = compareTexts([
      { text: 'أصدر خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز أمره بترقية وتعيين 100 قاض.', lang: 'ar' },
      { text: 'أصدر خادم الحرمين الشريفين الملك سلمان بن عبد العزيز أمره بترقية وتعيين 100 قاض.', lang: 'ar' },
    ]);
    const people = a.entities.filter((e) => e.kind === 'person');
    expect(people).toHaveLength(1);
    expect(people[0]!.mentions).toEqual([1, 1]);
  });

  it('gives a person one row when an outlet names him shorter, and a country under its long and short names', () => {
    // عين اليوم, الاقتصادية and الشرق الأوسط, 2015-08-10 (Yemen's president; Saudi Arabia named in full or short).
    const a = compareTexts([
      { text: 'وأكد دعم المملكة العربية السعودية للرئيس اليمني عبدربه منصور هادي وحكومته الشرعية.', lang: 'ar' },
      { text: 'وأكد دعم السعودية للرئيس اليمني عبدربه منصور وحكومته الشرعية.', lang: 'ar' },
      { text: 'وأكد دعم السعودية للرئيس اليمني هادي وحكومته الشرعية.', lang: 'ar' },
    ]);
    const rows = a.entities.filter((e) => e.kind === 'person' || e.kind === 'place');
    const president = rows.filter((e) => e.kind === 'person');
    expect(president.map((e) => e.name)).toEqual(['عبدربه منصور هادي']);
    expect(president[0]!.mentions.every((m) => m > 0)).toBe(true);
    const saudi = rows.filter((e) => e.kind === 'place' && e.key === nameKey('السعودية'));
    expect(saudi).toHaveLength(1);
    expect(saudi[0]!.mentions).toEqual([1, 1, 1]);
  });
});

describe('reported speech', () => {
  it('gives the statement after أن its speaker, without the office after the name', () => {
    // الاقتصادية, 2015-07-22 (record 241).
    const text =
      'أصدر خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز أمره بترقية وتعيين 100 قاض في وزارة العدل. وأوضح الشيخ وليد الصمعاني وزير العدل أن الأمر الملكي يأتي في سياق الدعم المتواصل من خادم الحرمين الشريفين لمرفق القضاء. وأوضح أن التعيينات والترقيات ستسهم في سرعة البت في جميع القضايا.';
    const quotes = factsOf(text).quotes;
    expect(quotes.map((q) => [q.reported, q.speakerName, q.text.split(' ').slice(0, 3).join(' ')])).toEqual([
      [true, 'وليد الصمعاني', 'الأمر الملكي يأتي'],
      [true, 'وليد الصمعاني', 'التعيينات والترقيات ستسهم'],
    ]);
    expect(quotes[0]!.speaker).toBe('الشيخ وليد الصمعاني وزير العدل');
    expect(text.slice(quotes[1]!.start, quotes[1]!.end)).toBe(quotes[1]!.text);
    expect(quotes[1]!.text.endsWith('القضايا')).toBe(true);
  });
});
