import { describe, expect, it } from 'vitest';
import { extractFacts, type ArticleFacts } from './facts';
import { prepareText } from './prepare';
import { seedArticle } from './testData';

const seed = seedArticle();

function seedFacts(): ArticleFacts {
  return extractFacts(prepareText(seed.body), { reference: '2021-07-26' });
}

describe('fact ledger of the seed', () => {
  const facts = seedFacts();

  it('finds the numbers with the nouns they count', () => {
    const numbers = facts.numbers.map((n) => [n.value, n.unit, n.unitKey]);
    expect(numbers).toEqual(
      expect.arrayContaining([
        [2500, 'جندي', expect.any(String)],
        [3000, 'جندي', expect.any(String)],
        [50, 'هجوما', 'هجوم'],
      ]),
    );
    // 2500 twice (the troop count and "من أصل 2500 جندي"); years inside dates are not counts.
    expect(facts.numbers.filter((n) => n.value === 2500)).toHaveLength(2);
    expect(facts.numbers.some((n) => [2001, 2011, 2014, 2021].includes(n.value))).toBe(false);
    const fifty = facts.numbers.find((n) => n.value === 50)!;
    expect(seed.body.slice(fifty.start, fifty.end)).toBe('50 هجوما');
    expect(seed.body.slice(fifty.context.start, fifty.context.end)).toContain('بنحو 50 هجوما بصواريخ');
  });

  it('finds the dates, resolved against the article date', () => {
    const dates = facts.dates.map((d) => [d.text, d.iso, d.precision]);
    expect(dates).toEqual(
      expect.arrayContaining([
        ['26 تموز 2021', '2021-07-26', 'day'],
        ['25 تموز 2021', '2021-07-25', 'day'],
        ['نيسان/أبريل', '2021-04', 'month'],
        ['مارس/آذار', '2021-03', 'month'],
        ['11 سبتمبر عام 2001', '2001-09-11', 'day'],
        ['عام 2014', '2014', 'year'],
      ]),
    );
  });

  it('gives each quotation its speaker', () => {
    const speakerOf = (words: string): string | null => {
      const q = facts.quotes.find((x) => x.text.includes(words));
      expect(q, `a quotation containing "${words}"`).toBeDefined();
      return q!.speakerName;
    };
    expect(speakerOf('سأستضيف رئيس الوزراء')).toBe('بايدن');
    expect(speakerOf('إنني أتطلع إلى تعزيز الشراكة')).toBe('بايدن'); // وأضاف: the same speaker
    expect(speakerOf('لا حاجة لوجود قوات مقاتلة')).toBe('الكاظمي');
    expect(speakerOf('هذه الزيارة تأتي في إطار')).toBe('الكاظمي');
    expect(speakerOf('التعاون العسكري على المدى الطويل')).toBe('جون كيربي'); // بحسب ..., after the quote
    expect(speakerOf('إعادة تأكيد التزامه')).toBe('كيربي');
    expect(speakerOf('راغبة في أن تُواصل')).toBe('جين ساكي'); // the speaker before قالت
    expect(speakerOf('داعش لا يزال موجودا')).toBe('فؤاد حسين'); // the name after the office
    expect(speakerOf('بحاجة إلى البرامج')).toBe('فؤاد حسين'); // مضيفا
    const kirby = facts.quotes.find((q) => q.text.includes('التعاون العسكري'))!;
    expect(kirby.speaker).toBe('المتحدث باسم البنتاغون، جون كيربي');
    expect(seed.body.slice(kirby.start, kirby.end)).toBe(kirby.text);
  });

  it('does not take names in quotation marks for quotations', () => {
    expect(facts.quotes.some((q) => q.text === 'داعش' || q.text === 'أسوشيتد برس')).toBe(false);
    expect(facts.entities.find((e) => e.name === 'أسوشيتد برس')?.kind).not.toBe('person');
  });

  // People, places and bodies come from the shared entity extractor (main/core/entities), with the
  // quotations' named speakers added as people: what it finds on the seed today.
  it('names the people, places and organisations', () => {
    const names = (kind: string): string[] => facts.entities.filter((e) => e.kind === kind).map((e) => e.name);
    expect(names('person')).toEqual(
      expect.arrayContaining([
        // "الرئيس الأميركي جو بايدن": the given name جو is also a word, read as a name after the title.
        'جو بايدن',
        'مصطفى الكاظمي',
        'جون كيربي',
        'جين ساكي',
        'فؤاد حسين',
        'أوستن',
        'أنتوني بلينكن',
      ]),
    );
    expect(names('place')).toEqual(
      expect.arrayContaining(['العراق', 'الولايات المتحدة', 'واشنطن', 'بغداد', 'أفغانستان']),
    );
    expect(names('organisation')).toEqual(
      expect.arrayContaining(['البيت الأبيض', 'البنتاغون', 'داعش', 'وزارة الدفاع الأميركية']),
    );
    // Every mention of the prime minister is one person.
    const kadhimi = facts.entities.filter((e) => e.key.endsWith('كاظمي'));
    expect(kadhimi).toHaveLength(1);
    expect(kadhimi[0]!.mentions.length).toBeGreaterThanOrEqual(10);
    // Named by the full name the article gives once, not by the surname it repeats.
    expect(kadhimi[0]!.name).toBe('مصطفى الكاظمي');
    expect(names('person')).not.toContain('الكاظمي');
    // Offices are not people.
    expect(names('person')).not.toEqual(expect.arrayContaining(['المسؤول']));
  });
});

describe('numbers that count nothing', () => {
  it('reads a group named by numbers (دول 5+1) as no count, and still counts the troops beside it', () => {
    // Okaz, 2015-08-10, on the Jubeir–Steinmeier press conference (SaudiNewsNet).
    const text =
      'وأكد شتاينماير تفهمه قلق الرياض ودول الخليج من الاتفاق النووي الذي أبرمته إيران مع دول (5+1) مبينا أن العقوبات ستعود. وأرسلت ألمانيا 3 آلاف جندي.';
    // How the other outlets wrote it: (5 + 1), «5 + 1», / 5 + 1 /.
    for (const group of ['(5+1)', '(5 + 1)', '«5 + 1»', '/ 5 + 1 /']) {
      const numbers = extractFacts(prepareText(text.replace('(5+1)', group)), { reference: '2015-08-10' }).numbers;
      expect(
        numbers.map((n) => n.value),
        group,
      ).toEqual([3000]);
      expect(numbers[0]!.unit).toBe('جندي');
    }
  });
});

describe('years are not counts', () => {
  it('leaves a season written as a range of Hijri years (1436 / 1437هـ) out of the numbers', () => {
    // الرياض, 2015-08-10, the wheat tender (SaudiNewsNet).
    const text =
      'وذلك ضمن خطة المؤسسة لاستيراد القمح المستورد لهذا العام 1436 / 1437هـ بكمية 505 آلاف طن، والبالغ عددهم 932 مزارعاً.';
    const numbers = extractFacts(prepareText(text), { reference: '2015-08-10' }).numbers;
    expect(numbers.map((n) => [n.value, n.unit])).toEqual([
      [505000, 'طن'],
      [932, 'مزارعاً'],
    ]);
  });
});

describe('fact ledger in English', () => {
  const text =
    'President Joe Biden met Prime Minister Mustafa al-Kadhimi in Washington on Monday. About 2,500 troops remain in Iraq. ' +
    '"We are not going to be, by the end of the year, in a combat mission," Biden said. ' +
    'According to the Pentagon, there were 50 attacks on US bases this year.';
  const facts = extractFacts(prepareText(text), { reference: '2021-07-26' });

  it('finds numbers, the speaker after the quotation, people and places', () => {
    expect(facts.numbers.map((n) => [n.value, n.unit])).toEqual([
      [2500, 'troops'],
      [50, 'attacks'],
    ]);
    expect(facts.quotes).toHaveLength(1);
    expect(facts.quotes[0]!.speakerName).toBe('Biden');
    expect(facts.quotes[0]!.text.startsWith('We are not going')).toBe(true);
    const names = facts.entities.map((e) => `${e.kind}:${e.name}`);
    expect(names).toEqual(expect.arrayContaining(['person:Joe Biden', 'place:Washington', 'place:Iraq']));
    // "Biden said" is a mention of Joe Biden.
    expect(facts.entities[0]!.mentions).toHaveLength(2);
    expect(facts.dates.map((d) => d.iso)).toContain('2021-07-26');
  });
});

describe('reported speech and who says it', () => {
  // The Hajj ministry's e-registration story as الرياض printed it (SaudiNewsNet, 25 July 2015), abridged.
  const text = [
    'وأوضح المشرف العام على العلاقات العامة والإعلام بوزارة الحج علي بن محمد الغامدي أن الوزارة تهدف من خلال البرنامج إلى إيجاد حلول مناسبة.',
    'وأشار الى أن الوزارة كلفت في هذا الصدد فريقاً من أصحاب الاختصاص من جامعتي أم القرى والملك عبدالعزيز.',
    'وأبان الغامدي أن برنامج التسجيل الإلكتروني يحقق فوائد عدة منها توفير الشفافية.',
    'وأفاد أن الوزارة كانت قد نظمت اجتماعاً بحضور معالي وزير الحج.',
  ].join('\n');

  it('finds the person after a long office, carries the speaker to "وأشار إلى أن" and "وأفاد أن", reads أبان', () => {
    const quotes = extractFacts(prepareText(text), { reference: '2015-07-25' }).quotes;
    expect(quotes.map((q) => [q.cue, q.speakerName, q.text.split(' ').slice(0, 2).join(' ')])).toEqual([
      ['وأوضح', 'علي بن محمد الغامدي', 'الوزارة تهدف'],
      ['وأشار', 'علي بن محمد الغامدي', 'الوزارة كلفت'],
      ['وأبان', 'الغامدي', 'برنامج التسجيل'],
      ['وأفاد', 'الغامدي', 'الوزارة كانت'],
    ]);
    expect(quotes[0]!.speaker).toBe('المشرف العام على العلاقات العامة والإعلام بوزارة الحج علي بن محمد الغامدي');
  });

  it('names nobody where an office or a source speaks, and the family name after a bare title', () => {
    // SaudiNewsNet sentences (الوئام, الشرق الأوسط, المدينة; 2015).
    const said = (sentence: string) => extractFacts(prepareText(sentence), { reference: '2015-07-25' }).quotes[0];
    const sources = said('وكشفت مصادر أمنية وطبية أن الانفجار أدى إلى مقتل 20 شخصا على الأقل.');
    expect([sources?.speaker, sources?.speakerName]).toEqual(['مصادر أمنية وطبية', null]);
    const office = said(
      'وأبان معالي الرئيس العام لشؤون المسجد الحرام والمسجد النبوي أن هذه الأعمال الإجرامية خديعة أعداء الإسلام.',
    );
    expect(office?.speakerName).toBeNull();
    expect(said('وأوضح وزير الري المصري أن المفاوضات مستمرة منذ أشهر.')?.speakerName).toBeNull();
    expect(said('وأفاد الدكتور القصبي أن مجلس الوزراء اطلع على الموضوعات المدرجة.')?.speakerName).toBe('القصبي');
  });

  it('reads the speaker before the preposition the verb takes: "وأشار القحطاني إلى أن"', () => {
    const said = (sentence: string) => extractFacts(prepareText(sentence), { reference: '2015-07-21' }).quotes;
    // الاقتصادية and المدينة, 21 July 2015.
    const named = said('وأشار القحطاني إلى أن خطوة هيئة الأمر بالمعروف ستسهم في رفع قدرات وكفاءات العاملين في الجهاز.');
    expect(named.map((q) => [q.speakerName, q.text.split(' ').slice(0, 2).join(' ')])).toEqual([
      ['القحطاني', 'خطوة هيئة'],
    ]);
    const titled = said('وأشار الدكتور فهد المعطاني، إلى أن الأجهزة الأمنية تؤكد كل يوم مدى جاهزيتها ومقدرتها.');
    expect(titled.map((q) => q.speakerName)).toEqual(['فهد المعطاني']);
    // اليوم, 24 July 2015: a test "indicates", and names nobody.
    const test = said('وأشار فحص بالكربون المشع إلى أن المخطوطة الموجودة بحوزة جامعة برمنجهام تعود إلى 1370 عاما.');
    expect(test.map((q) => [q.speaker, q.speakerName])).toEqual([['فحص بالكربون المشع', null]]);
    // The verb's own object before the preposition is no speaker.
    expect(said('ولفت الجبير الانتباه إلى أن المملكة تدعم الحل السياسي في اليمن منذ البداية.')).toEqual([]);
  });

  it('takes no speaker from a clause that names no person before أن', () => {
    const quotes = extractFacts(
      prepareText('وأكد على أهمية التعاون مع الجهات المعنية في المنطقة والتنسيق الدائم أن يكون العمل مشتركا.'),
      { reference: '2015-07-25' },
    ).quotes;
    expect(quotes.filter((q) => q.speakerName !== null)).toEqual([]);
  });
});

describe('speakers read with the whole article', () => {
  const speakers = (...sentences: string[]) =>
    extractFacts(prepareText(sentences.join('\n')), { reference: '2015-07-25', lang: 'ar' }).quotes.map(
      (q) => q.speakerName,
    );

  it('ends a name with a family name that is also a word after a title and a given name, or a بن chain', () => {
    // SaudiNewsNet 2015-07-21.json.gz#1562 (الوئام) and 2015-08-02.json.gz#1209 (عكاظ).
    const director =
      'وأكد المدير العام بالإنابة الدكتور سلطان الشايع أن صحة المنطقة وجهت جميع أقسام الطوارئ بالاستعداد.';
    const later = 'وأكد الدكتور الشايع أن مراحل سير العمل بمشروع البنية التحتية بالمستشفى تسير وفق الخطة.';
    expect(speakers(director, later)).toEqual(['سلطان الشايع', 'الشايع']);
    const club = 'أوضح رئيس النادي الأدبي الدكتور عبدالله بن عويقل السلمي أن نادي جدة يحرص أشد الحرص على نشر الثقافة.';
    expect(speakers(club)).toEqual(['عبدالله بن عويقل السلمي']);
  });

  it('takes such a word alone as a name only where the article writes it as one', () => {
    // SaudiNewsNet 2015-07-27.json.gz#771 (الرياض): the minister named in full later in the article.
    const said = 'وقال ظريف ان زيارة دولة الكويت كأول محطة في جولة اقليمية تأتي لوجود ارادة مشتركة بين البلدين.';
    const named = 'وأعلن وزير الخارجية الايرانی محمد جواد ظريف اليوم الاثنين زيارة العاصمة العراقية بغداد.';
    expect(speakers(said, named)).toEqual(['ظريف']);
    expect(speakers(said)).toEqual([null]);
    expect(speakers('وأكد الدكتور الشايع أن مراحل سير العمل بمشروع البنية التحتية بالمستشفى تسير وفق الخطة.')).toEqual([
      null,
    ]);
  });

  it('reads a name the whole article cuts in two as one, and no body name as a speaker', () => {
    // SaudiNewsNet 2015-07-22.json.gz#1223 (الرياض), 2015-08-03.json.gz#307 (الاقتصادية).
    const foundation =
      'حددت مؤسسة عبدالعزيز سعود البابطين الثقافية يوم الرابع والعشرين من أكتوبر المقبل موعدا لدورتها.';
    const chair =
      'وقال رئيس المؤسسة الشاعر عبدالعزيز سعود البابطين بأن هذه الدورة تأتي ضمن سعي المؤسسة لعقد دورات خاصة.';
    expect(speakers(foundation, chair)).toEqual(['عبدالعزيز سعود البابطين']);
    const director =
      'أوضح المدير التنفيذي لباب رزق جميل عبدالرحمن الفهيد أن نتائج النصف الأول من هذا العام كانت مميزة.';
    const manager = 'كما أوضحت رولا باصمد مديرة التوظيف النسائي في باب رزق جميل أن التوظيف النسائي حقق قفزة واسعة.';
    expect(speakers(director, manager)).not.toContain('جميل');
    expect(speakers(director, manager)[0]).toBe('عبدالرحمن الفهيد');
  });
});
