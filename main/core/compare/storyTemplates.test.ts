import { describe, expect, it } from 'vitest';
import { eventKeys, storyFeatures } from './features';
import { StoryTemplates } from './storyTemplates';
import { TemplateIndex } from './templates';

type Item = readonly [string, string];

/**
 * Eid greetings of SaudiNewsNet 2015-07-23/24 (al-Jazirah, al-Yaum, Sabq, Okaz): one template,
 * "[body] تعايد منسوبيها", with a boilerplate lead; and Okaz's greeting of the interior ministry under a
 * headline that fits no frame ("معايدة الداخلية"), the kind of article that bridged greeting stories.
 * Headlines and the first words of each lead as published.
 */
const library: Item = [
  'مكتبة الملك عبدالعزيز العامة تعايد منسوبيها',
  'أقامت مكتبة الملك عبدالعزيز العامة بالرياض حفل معايدة لمنسوبيها بحضور سعادة الدكتور عبدالكريم الزيد نائب المشرف العام على المكتبة',
];
const libraryAlYaum: Item = [
  'مكتبة الملك عبدالعزيز العامة تعايد منسوبيها',
  'أقامت مكتبة الملك عبدالعزيز العامة بالرياض حفل معايدة لمنسوبيها وذلك بقاعة الاحتفالات بمقر المكتبة للخدمات والاطلاع بالرياض',
];
const court: Item = [
  'محكمة الاستئناف بالرياض تعايد منسوبيها',
  'أقامت محكمة الاستئناف بالرياض أمس الأول حفل معايدة لمنسوبيها بمناسبة حلول عيد الفطر المبارك, بحضور معالي رئيس محكمة الاستئناف',
];
const courtSabq: Item = [
  'محكمة استئناف الرياض تعايد منسوبيها',
  'سبق- الرياض: أقامت محكمة الاستئناف بالرياض، اليوم، حفل معايدة لمنسوبيها بمناسبة حلول عيد الفطر المبارك، بحضور رئيس محكمة الاستئناف',
];
const health: Item = [
  'وزارة الصحة تعايد منسوبيها',
  'أقامت وزارة الصحة أمس حفل المعايدة السنوي لمنسوبي الوزارة بمناسبة عيد الفطر المبارك بقاعة الاحتفالات الكبرى في ديوان الوزارة',
];
const youth: Item = [
  'الرئاسة العامة لرعاية الشباب تعايد منسوبيها',
  'أقامت الرئاسة العامة لرعاية الشباب أمس حفل معايدة لمنسوبيها بمناسبة عيد الفطر المبارك، بحضور عدد من المسؤولين في الرئاسة',
];
const interior: Item = [
  'وزارة الداخلية تعايد منسوبيها',
  'استقبل معالي وكيل وزارة الداخلية الدكتور أحمد بن محمد السالم أمس, المهنئين بعيد الفطر المبارك من منسوبي الوزارة من مدنيين وعسكريين خلال حفل المعايدة',
];
const interiorOkaz: Item = [
  'معايدة الداخلية',
  'استقبل وكيل وزارة الداخلية الدكتور أحمد بن محمد السالم، أمس، المهنئين من منسوبي ديوان الوزارة من مدنيين وعسكريين في حفل المعايدة الذي نظمته',
];

/**
 * One event in three headlines that share a frame by chance (al-Madina, al-Watan, al-Yaum, 2015-07-24): Bayern's
 * signing of Vidal, "[البايرن ...] فيدال", carried by these three headlines of the run only.
 */
const vidal: Item[] = [
  [
    'البايرن يعوض شفاينتايجر بفيدال',
    'أكد كارل هينز رومنيجه الرئيس التنفيذي لنادي بايرن ميونيخ بطل دوري ألمانيا لكرة القدم امس الخميس التوصل لاتفاق للتعاقد مع لاعب وسط منتخب تشيلي',
  ],
  [
    'البايرن يحسم صفقة فيدال',
    'أعلن رئيس نادي بايرن ميونيخ كارل هاينتس رومينيجه أن فريقه توصل إلى اتفاق مع يوفنتوس الإيطالي يقضي بانتقال لاعب الوسط التشيلي آرتورو فيدال إلى صفوفه.',
  ],
  [
    'بايرن ميونيخ يتوصل إلى اتفاق لضم فيدال',
    'اعلن رئيس نادي بايرن ميونيخ كارل هاينتس رومينيغه ان فريقه توصل الى اتفاق مع يوفنتوس الايطالي يقضي بانتقال لاعب الوسط التشيلي ارتورو فيدال الى صفوفه.',
  ],
];

/** The check over a run of these articles; stories are lists of the articles' places in `run`. */
function check(run: readonly Item[]): (a: readonly Item[], b: readonly Item[]) => boolean {
  const docs = run.map(([title, body]) => ({ event: eventKeys(title, body), features: storyFeatures(title, body) }));
  const index = new TemplateIndex(3);
  for (const d of docs) index.add(d.event.title);
  const stories = new StoryTemplates(index, docs);
  return (a, b) =>
    stories.mixedTemplate(
      a.map((x) => run.indexOf(x)),
      b.map((x) => run.indexOf(x)),
    ) !== null;
}

describe('story-level template check: the would-be story is read as a whole', () => {
  const run = [library, libraryAlYaum, court, courtSabq, health, youth, interior, interiorOkaz, ...vidal];
  const mixes = check(run);

  it('refuses a story of two bodies’ greetings to their staff', () => {
    expect(mixes([library, libraryAlYaum], [court])).toBe(true);
    expect(mixes([health], [youth])).toBe(true);
  });

  it('refuses a greeting bridged into another body’s story by a headline that says too little', () => {
    // The pair rule sees one template pair among three; the union holds the library and the interior ministry.
    expect(mixes([interior, interiorOkaz], [library, libraryAlYaum])).toBe(true);
  });

  it('lets one body’s greeting told by two outlets join, also when they name it in other words', () => {
    expect(mixes([library], [libraryAlYaum])).toBe(false);
    expect(mixes([court], [courtSabq])).toBe(false);
    expect(mixes([interior], [interiorOkaz])).toBe(false);
  });

  it('lets one event’s headlines join when their shared frame is carried by no other story of the run', () => {
    // Three slots between البايرن and فيدال, but the frame is only these headlines': one event in other words.
    expect(mixes([vidal[0]!, vidal[1]!], [vidal[2]!])).toBe(false);
  });

  it('asks nothing of a frame that is no template of the run', () => {
    const few = check([library, court]);
    expect(few([library], [court])).toBe(false);
  });
});
