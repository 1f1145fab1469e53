import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractEntities, groupMentions, nameKey, type Mention } from '.';

/** SaudiNewsNet (CC BY-NC-SA 4.0), read by path from the shared data beside the repository. */
function saudiNewsNet(day: string): Array<{ source: string; title: string; content: string }> {
  const path = resolve(__dirname, '..', '..', '..', '..', 'shared', 'data', 'saudinewsnet', `${day}.json.gz`);
  return JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as Array<{
    source: string;
    title: string;
    content: string;
  }>;
}

const ar = (text: string): Mention[] => extractEntities(text, { lang: 'ar' });
const named = (ms: Mention[], kind: Mention['kind']): string[] => ms.filter((m) => m.kind === kind).map((m) => m.text);

describe('clitics', () => {
  // aawsat, 2015-07-21: "أمره الكريم بترقية وتعيين (100 قاض) بوزارة العدل في مختلف درجات السلك القضائي."
  const text =
    'أصدر خادم الحرمين الشريفين الملك سلمان بن عبد العزيز، أمره الكريم بترقية وتعيين (100 قاض) بوزارة العدل في مختلف درجات السلك القضائي.';

  it('reads بوزارة العدل as the ministry, with offsets that skip the ب', () => {
    const org = ar(text).find((m) => m.kind === 'organisation')!;
    expect(org.text).toBe('وزارة العدل');
    expect(text.slice(org.start, org.end)).toBe('وزارة العدل');
    expect(text[org.start - 1]).toBe('ب');
  });

  it('restores the article of a name written after لل', () => {
    // alriyadh, 2015-07-22 (sentence shortened): "... حيث وصل الوفد للرياض مساء أمس"
    const place = ar('وصل الوفد للرياض مساء أمس').find((m) => m.kind === 'place')!;
    expect(place.canonical).toBe('الرياض');
    expect(place.key).toBe(nameKey('الرياض'));
  });

  it('keeps ال where it belongs to the name', () => {
    expect(named(ar(text), 'organisation')).toEqual(['وزارة العدل']);
    expect(ar('وصل الوفد إلى الرياض').map((m) => m.canonical)).toEqual(['الرياض']);
  });
});

describe('titles', () => {
  // alyaum, 2015-07-22
  const text =
    'وأوضح وزير العدل الشيخ وليد بن محمد الصمعاني أن الأمر الكريم يأتي في سياق الدعم المتواصل من خادم الحرمين الشريفين لمرفق القضاء';

  it('keeps the office and honorific apart from the name', () => {
    const person = ar(text).find((m) => m.kind === 'person')!;
    expect(person.text).toBe('وليد بن محمد الصمعاني');
    expect(person.title?.text).toBe('وزير العدل الشيخ');
  });

  it('reads a chain of offices and honorifics before one name', () => {
    // almadina, 2015-07-22
    const ms = ar(
      'وأوضح معالي رئيس ديوان المظالم رئيس مجلس القضاء الإداري الشيخ الدكتور خالد بن محمد اليوسف، أن الأمر الملكي تضمن ترقية (24) قاضيًا',
    );
    const person = ms.find((m) => m.kind === 'person')!;
    expect(person.text).toBe('خالد بن محمد اليوسف');
    expect(person.title?.text).toBe('معالي رئيس ديوان المظالم رئيس مجلس القضاء الإداري الشيخ الدكتور');
    expect(named(ms, 'organisation')).toEqual(['ديوان المظالم', 'مجلس القضاء الإداري']);
  });
});

describe('folding', () => {
  it('gives سلمان بن عبدالعزيز and سلمان بن عبد العزيز one key', () => {
    // aleqtisadiya 2015-07-21 writes عبدالعزيز, aawsat 2015-07-21 عبد العزيز.
    const a = ar('أصدر خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز اليوم أمران ملكيان');
    const b = ar('أصدر خادم الحرمين الشريفين الملك سلمان بن عبد العزيز، أمره الكريم');
    expect(a[0]!.key).toBe(b[0]!.key);
    const entities = groupMentions([...a, ...b]);
    expect(entities).toHaveLength(1);
    expect(entities[0]!.spellings.map((s) => s.text).sort()).toEqual(['سلمان بن عبد العزيز', 'سلمان بن عبدالعزيز']);
  });

  it('folds hamza forms, ابن in the middle and a bare last name', () => {
    expect(nameKey('أوباما')).toBe(nameKey('اوباما'));
    expect(nameKey('محمد ابن سلمان')).toBe(nameKey('محمد بن سلمان'));
    // okaz, 2015-07-22 (names the person in full, then by the family name)
    const ms = ar(
      'وأوضح رئيس ديوان المظالم الشيخ الدكتور خالد بن محمد اليوسف، أن الأمر الملكي تضمن ترقية قضاة. وأكد اليوسف أن هذا الأمر الملكي يأتي حرصا',
    );
    const people = ms.filter((m) => m.kind === 'person');
    expect(people.map((m) => m.text)).toEqual(['خالد بن محمد اليوسف', 'اليوسف']);
    expect(new Set(people.map((m) => m.key)).size).toBe(1);
    expect(people[1]!.canonical).toBe('خالد بن محمد اليوسف');
  });
});

describe('the King’s order on 125 judges (SaudiNewsNet, 21-22 July 2015)', () => {
  // The order as each outlet titled it: 125 judges, or the 100 of the Ministry of Justice first (alweeam, almadina, alriyadh).
  const articles = [...saudiNewsNet('2015-07-21'), ...saudiNewsNet('2015-07-22')].filter(
    (a) => /(?:125|100)\)? قاض/u.test(a.title) && /الصمعاني/u.test(a.content),
  );

  it('finds the articles of the outlets that ran the order', () => {
    expect(articles).toHaveLength(11);
    expect(new Set(articles.map((a) => a.source))).toEqual(
      new Set(['aawsat', 'aleqtisadiya', 'aljazirah', 'almadina', 'alriyadh', 'alwatan', 'alweeam', 'alyaum', 'okaz']),
    );
  });

  it('names only the King, the minister and the head of the Board of Grievances as people', () => {
    const people = new Set<string>();
    for (const a of articles) for (const m of ar(a.content)) if (m.kind === 'person') people.add(m.key);
    // alwatan runs a second item after the order, on aid sent by "الدكتور عبدالله الربيعة".
    const expected = ['خالد اليوسف', 'سلمان عبدالعزيز', 'وليد الصمعاني', 'عبدالله الربيعة'].map(nameKey);
    expect([...people].sort()).toEqual(expected.sort());
  });

  it('lists no phrase of the prose as a name', () => {
    for (const a of articles) {
      const texts = ar(a.content).map((m) => m.canonical);
      for (const phrase of ['سائلا المولى', 'خير الجزاء', 'لتحقيق تطلعات', 'عز وجل', 'بوزارة العدل'])
        expect(texts).not.toContain(phrase);
      for (const m of ar(a.content)) expect(a.content.slice(m.start, m.end)).toBe(m.text);
    }
  });
});

describe('English', () => {
  it('reads a titled person, a body and a place', () => {
    // BBC News 2004-05 style sentence (shared data, bbc-fulltext).
    const ms = extractEntities(
      'Prime Minister Tony Blair told the House of Commons that the Bank of England would act in London.',
      {
        lang: 'en',
      },
    );
    expect(ms.map((m) => [m.kind, m.text])).toEqual([
      ['person', 'Tony Blair'],
      ['organisation', 'House of Commons'],
      ['organisation', 'Bank of England'],
      ['place', 'London'],
    ]);
  });
});
