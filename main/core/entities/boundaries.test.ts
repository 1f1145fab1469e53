import { describe, expect, it } from 'vitest';
import { extractEntities, traceEntities, type Mention } from '.';

const ar = (text: string): Mention[] => extractEntities(text, { lang: 'ar' });
const named = (ms: Mention[], kind: Mention['kind']): string[] => ms.filter((m) => m.kind === kind).map((m) => m.text);

// Sentences from AQMAR (Arabic Wikipedia, CC BY-SA 3.0) and news prose: the frequent boundary classes of the README.
describe('names inside other names', () => {
  it('reads no place inside a building or a feature named after it', () => {
    const ms = ar('ومن أشهر معالمها متحف دمشق الوطني وغوطة دمشق ، ويقع الجامع في دمشق');
    expect(named(ms, 'place')).toEqual(['دمشق']);
    expect(ms.find((m) => m.kind === 'place')!.start).toBeGreaterThan(40);
  });

  it('reads no person inside a mosque, a house or a law named after them', () => {
    const ms = ar('صلى في جامع عمرو بن العاص ثم زار بيت خالد العظم ، وقرأ عن قانون نيوتن');
    expect(named(ms, 'person')).toEqual([]);
  });

  it('reads no city in مسقط رأسه', () => {
    expect(named(ar('عاد إلى مسقط رأسه بعد سنوات'), 'place')).toEqual([]);
    expect(named(ar('وصل الوفد إلى مسقط أمس'), 'place')).toEqual(['مسقط']);
  });

  it('reads الجزيرة العربية as a place, not the channel', () => {
    const ms = ar('انتشر الإسلام في شبه الجزيرة العربية كلها');
    expect(named(ms, 'place')).toEqual(['شبه الجزيرة العربية']);
    expect(named(ms, 'organisation')).toEqual([]);
  });
});

describe('where names end', () => {
  it("keeps a ruler's ordinal in the name", () => {
    expect(named(ar('أمر الملك فؤاد الأول بإعداد مشروع لإصلاحه'), 'person')).toEqual(['فؤاد الأول']);
  });

  it('keeps the fixed adjective of a place, not every adjective after it', () => {
    expect(named(ar('ولا تلعب الرياضة خارج بريطانيا العظمى'), 'place')).toEqual(['بريطانيا العظمى']);
    expect(named(ar('تتميز دمشق القديمة بزراعة الياسمين'), 'place')).toEqual(['دمشق']);
  });

  it("reads the club's head and its country with a listed club", () => {
    const ms = ar('انتقل اللاعب إلى نادي ريال مدريد الإسباني مقابل مبلغ كبير');
    expect(named(ms, 'organisation')).toEqual(['نادي ريال مدريد الإسباني']);
    expect(named(ms, 'place')).toEqual([]);
  });
});

describe('what is no name', () => {
  it('reads no person after الفريق when it is the team', () => {
    expect(named(ar('مما جعل الفريق يسترجع بريقه وبدأ بجمع النقاط'), 'person')).toEqual([]);
  });

  it('takes no title or half of a compound name for a surname', () => {
    // نور الدين زنكي is found in full; الدين alone later is the word "religion".
    const ms = ar('جاء الملك نور الدين زنكي إلى دمشق . وكان رجال الدين في المدينة');
    expect(named(ms, 'person')).toEqual(['نور الدين زنكي']);
  });

  it("reads no place in a competition's name from the tagger either", () => {
    const ms = ar('سجل راؤول خمسة أهداف في دوري أبطال أوروبا هذا الموسم');
    expect(named(ms, 'place')).toEqual([]);
  });
});

describe('paths', () => {
  it('names the rule or the tagger behind each mention, and the public mentions do not carry it', () => {
    const text = 'قال وزير العدل الشيخ وليد الصمعاني في الرياض';
    const traced = traceEntities(text, { lang: 'ar' });
    expect(traced.map((m) => m.via)).toEqual(['title-strong+given+more', 'listed']);
    expect(ar(text).every((m) => !('via' in m))).toBe(true);
  });
});

describe('bodies that are words or makers', () => {
  const orgs = (text: string): string[] =>
    extractEntities(text, { lang: 'ar', learned: false })
      .filter((m) => m.kind === 'organisation')
      .map((m) => m.text);

  it('reads a maker before its product as no body, and as a body before a verb', () => {
    expect(orgs('لا يشغل لينكس تطبيقات مايكروسوفت ويندوز بشكل افتراضي.')).toEqual([]);
    expect(orgs('أعلنت مايكروسوفت تحديثا جديدا.')).toEqual(['مايكروسوفت']);
  });

  it('reads القاعدة and حماس as nouns where the prose uses them so', () => {
    expect(orgs('أكبر نادي من حيث القاعدة الجماهيرية. وبدأ الفريق بحماس.')).toEqual([]);
    expect(orgs('تبنى تنظيم القاعدة الهجوم، ورحبت حماس بالاتفاق.')).toEqual(['تنظيم القاعدة', 'حماس']);
  });

  it('names the club without the word for team', () => {
    expect(orgs('احتفل فريق ريال مدريد بأول بطولة دوري.')).toEqual(['ريال مدريد']);
  });

  it('ends a name at a title or a pronoun-suffixed word it ran on into, and mends a chain cut at بن', () => {
    const people = (text: string): string[] => named(extractEntities(text, { lang: 'ar', learned: false }), 'person');
    expect(people('بن عبد الملك خلفه سليمان الخليفة الشديد وكان أبرز ما')).toEqual(['سليمان']);
    expect(people('منذ عصر منشئها الوليد بن عبد الملك الخليفة المصلح الذي حكم')).toEqual(['الوليد بن عبد الملك']);
    expect(people('البويهي في الخلافة الطائع بن المطيع العباسي وقد أمر ببناء')).toContain('الطائع بن المطيع');
    expect(people('في عهد أخيه السلطان حسين الصغير وبني حرم الإمام')).toEqual(['حسين الصغير']);
    expect(people('وصرح الرئيس الإيراني حسن روحاني اليوم')).toEqual(['حسن روحاني']);
    expect(people('توفي مروان بن الحكم خلفه ابنه عبد الملك')).toContain('مروان بن الحكم');
  });

  it('takes no ordinal alone for a person named with it', () => {
    const ms = ar('حكم الملك فيليب الثاني فرنسا. وعند نهاية القرن الثاني عشر ذاعت الأفكار');
    expect(named(ms, 'person')).toEqual(['فيليب الثاني']);
  });
});
