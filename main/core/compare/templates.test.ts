import { describe, expect, it } from 'vitest';
import { eventKeys, storyFeatures } from './features';
import { saudiNewsNetDay } from './testData';
import { entityConflict, framesOf, packEventKeys, templateConflict, TemplateIndex, unpackEventKeys } from './templates';

/**
 * Eid greetings of SaudiNewsNet 2015-07-23/24 (al-Jazirah, al-Yaum, Sabq,
 * al-Riyadh): one template, "[institution] تعايد منسوبيها", with a
 * boilerplate lead. Headlines and the first words of each lead as published.
 */
const eid = {
  library: [
    'مكتبة الملك عبدالعزيز العامة تعايد منسوبيها',
    'أقامت مكتبة الملك عبدالعزيز العامة بالرياض حفل معايدة لمنسوبيها بحضور سعادة الدكتور عبدالكريم الزيد نائب المشرف العام على المكتبة. وألقى د. الزيد كلمة في بداية الحفل رفع خلالها خالص التهاني والتبريكات',
  ],
  libraryAlYaum: [
    'مكتبة الملك عبدالعزيز العامة تعايد منسوبيها',
    'أقامت مكتبة الملك عبدالعزيز العامة بالرياض حفل معايدة لمنسوبيها وذلك بقاعة الاحتفالات بمقر المكتبة للخدمات والاطلاع بالرياض. وألقى نائب المشرف العام على المكتبة الدكتور عبدالكريم الزيد كلمة في بداية',
  ],
  court: [
    'محكمة الاستئناف بالرياض تعايد منسوبيها',
    'أقامت محكمة الاستئناف بالرياض أمس الأول حفل معايدة لمنسوبيها بمناسبة حلول عيد الفطر المبارك, بحضور معالي رئيس محكمة الاستئناف عبدالعزيز بن صالح الحميد, وأصحاب الفضيلة قضاة المحكمة وكافة منسوبيها',
  ],
  courtSabq: [
    'محكمة استئناف الرياض تعايد منسوبيها',
    'سبق- الرياض: أقامت محكمة الاستئناف بالرياض، اليوم، حفل معايدة لمنسوبيها بمناسبة حلول عيد الفطر المبارك، بحضور رئيس محكمة الاستئناف، عبدالعزيز بن صالح الحميد، وأصحاب الفضيلة قضاة المحكمة، وكافة منسوبيه',
  ],
  health: [
    'وزارة الصحة تعايد منسوبيها',
    'أقامت وزارة الصحة أمس حفل المعايدة السنوي لمنسوبي الوزارة بمناسبة عيد الفطر المبارك بقاعة الاحتفالات الكبرى في ديوان الوزارة بحضور وكيل وزارة الصحة للخدمات العلاجية الدكتور طريف الأعمى',
  ],
  youth: [
    'الرئاسة العامة لرعاية الشباب تعايد منسوبيها',
    'أقامت الرئاسة العامة لرعاية الشباب أمس حفل معايدة لمنسوبيها بمناسبة عيد الفطر المبارك، بحضور عدد من المسؤولين في الرئاسة والقطاعات التابعة لها ومديري العموم والموظفين',
  ],
} as const;

type Item = readonly [string, string];

function article([title, body]: Item) {
  return { event: eventKeys(title, body), terms: storyFeatures(title, body).terms };
}

function indexOf(items: readonly Item[]): TemplateIndex {
  const index = new TemplateIndex(3);
  for (const [title, body] of items) index.add(eventKeys(title, body).title);
  return index;
}

function conflict(index: TemplateIndex, x: Item, y: Item): boolean {
  const a = article(x);
  const b = article(y);
  return templateConflict(index, a.event, b.event, a.terms, b.terms);
}

describe('templates: the slot decides', () => {
  const index = indexOf(Object.values(eid));

  it('two institutions greeting their staff are two events, however alike the rest reads', () => {
    expect(conflict(index, eid.library, eid.court)).toBe(true);
    expect(conflict(index, eid.health, eid.youth)).toBe(true);
    expect(conflict(index, eid.court, eid.health)).toBe(true);
  });

  it('one institution told by two outlets is one event, also when they name it in other words', () => {
    expect(conflict(index, eid.library, eid.libraryAlYaum)).toBe(false);
    // محكمة استئناف الرياض (Sabq) and محكمة الاستئناف بالرياض (al-Jazirah): the same court.
    expect(conflict(index, eid.courtSabq, eid.court)).toBe(false);
  });

  it('a frame two headlines share is no template until enough headlines carry it', () => {
    expect(conflict(indexOf([eid.library, eid.court]), eid.library, eid.court)).toBe(false);
  });

  it('a shared name at the start of headlines is one topic, not a template', () => {
    // GoogleNews-TS (Yin & Wang 2014): one Google News story, headlines opening with the same name.
    const welker: Item[] = [
      ['wes welker blame costly turnover', 'patriots beat broncos in overtime after a muffed punt'],
      ['wes welker helped tom brady beat peyton manning', 'patriots overtime win over the broncos'],
      ['wes welker held bronco practice', 'broncos receiver sat out practice after the patriots game'],
    ];
    expect(conflict(indexOf(welker), welker[0]!, welker[1]!)).toBe(false);
  });

  it('event keys survive storage', () => {
    const e = eventKeys(...eid.court);
    const back = unpackEventKeys(packEventKeys(e));
    expect([...back.title]).toEqual([...e.title]);
    expect([...back.lead]).toEqual([...e.lead]);
    expect(back.places.map((p) => [...p])).toEqual(e.places.map((p) => [...p]));
    expect([...back.numbers]).toEqual([...e.numbers]);
  });
});

/** Headlines and the start of their leads, SaudiNewsNet 2015-07-24 … 08-07, as published (cut mid-word). */
describe('template counts', () => {
  const titles = ['2015-07-22', '2015-07-23'].flatMap((day) =>
    saudiNewsNetDay(day).flatMap((a) => (a ? [eventKeys(a.title, a.body).title] : [])),
  );

  it('are those of counting every frame of every headline once, for the frames that reach the minimum', () => {
    const index = new TemplateIndex(3);
    for (const t of titles) index.add(t);
    // Every frame's count, kept whole: what the index is to give for those of 3 headlines or more.
    const all = new Map<number, number>();
    for (const t of titles) for (const f of new Set(framesOf(t))) all.set(f, (all.get(f) ?? 0) + 1);
    let frames = 0;
    for (const t of titles) {
      // framesOf lists a headline's frames in this order of prefix and suffix lengths.
      const list = framesOf(t);
      let k = 0;
      for (let p = 0; p <= 4; p++) {
        for (let s = 0; s <= 4; s++) {
          if (p + s < (s === 0 ? 3 : 2) || p + s >= t.length) continue;
          const n = all.get(list[k++]!)!;
          expect(index.count(t, p, s)).toBe(n >= 3 ? n : 0);
          if (n >= 3) frames++;
        }
      }
      expect(k).toBe(list.length);
      for (const x of index.templatesOf(t)) expect(x.count).toBe(all.get(x.frame));
    }
    expect(titles.length).toBeGreaterThan(3000);
    expect(frames).toBeGreaterThan(1000);
  });

  it('take no headline after the first lookup', () => {
    const index = new TemplateIndex(3);
    index.add(titles[0]!);
    index.templatesOf(titles[0]!);
    expect(() => index.add(titles[1]!)).toThrow(/after the index was first read/);
  });
});

describe('the event criterion: same people, places and numbers', () => {
  const entity = (x: Item, y: Item): boolean => {
    const a = article(x);
    const b = article(y);
    return entityConflict(a.event, b.event, a.terms, b.terms);
  };
  const sergeant: Item = [
    'استشهاد الرقيب ماجد السبيعي بعد إصابته بمقذوف في قطاع نجران',
    'عبدالرحمن الشهري – عين اليوم أعلنت قيادة القوات المشتركة في بيان لها اليوم استشهاد الرقيب ماجد بن فهد بن فهيد السبيعي – رحمه الله',
  ];
  const soldier: Item = [
    'استشهاد الجندي أول يحي الشامري بمقذوف في جيزان',
    'أعلنت قيادة القوات المشتركة في بيان لها يوم أمس استشهاد الجندي أول يحي متعب الشامري -رحمه الله- من منسوبي القوات البرية بعد إصابته',
  ];
  const guardsman: Item = [
    'استشهاد رجل أمن بنجران جنوب السعودية',
    'أعلنت قيادة القوات المشتركة السعودية في بيان لها اليوم عن استشهاد الرقيب ماجد السبيعي من منسوبي الحرس الوطني بعد اصابته بمقذوف في',
  ];
  const second: Item = [
    'وصول طائرة الشحن الثانية الإغاثية لمطار عدن',
    'عين اليوم – عدن إنفاذًا لتوجيهات خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود -حفظه الله – لتقديم المساعدات العاجلة للشع',
  ];
  const secondOther: Item = [
    'طائرة إغاثية ثانية تصل عدن',
    'وصلت أمس إلى مطار عدن الدولي بعد تحريره من ميليشيات الحوثي المتمردة والنظام المخلوع، طائرة إغاثة سعودية ثانية تحمل أكثر من عشرة أط',
  ];
  const third: Item = [
    'وصول الطائرة الإغاثية الثالثة إلى عدن',
    'عين اليوم – الرياض إنفاذًا لتوجيهات خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود – حفظه الله – لتقديم المساعدات العاجلة',
  ];

  it('two soldiers killed in two places are two events', () => {
    expect(entity(sergeant, soldier)).toBe(true);
  });

  it('one soldier named in one headline and not in the other is still one event when the place agrees', () => {
    expect(entity(sergeant, guardsman)).toBe(false);
  });

  it('the second relief plane and the third are two events; the second told twice is one', () => {
    expect(entity(second, third)).toBe(true);
    expect(entity(second, secondOther)).toBe(false);
  });
});
