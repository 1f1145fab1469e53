import { describe, expect, it } from 'vitest';
import { clusterStories, dayNumber, type StoryDoc } from './clusterer';
import { differentEvents, offStoryCore, storyCore } from './events';
import { DocFrequencies, eventKeys, storyFeatures } from './features';
import { packEventKeys, unpackEventKeys } from './templates';

/**
 * Headlines and first sentences as SaudiNewsNet (July-August 2015) published
 * them: stories told by several outlets, and articles whose bodies read like
 * a story while their headline and lead report something else.
 */
const news = {
  plane6Yaum: {
    day: '2015-08-09',
    title: 'وصول الطائرة الإغاثية السعودية السادسة إلى عدن',
    lead: 'عين اليوم – اليمن وصلت اليوم الطائرة الإغاثية السعودية السادسة إلى مطار عدن الدولي محملة بمواد غذائية تزن 11 طنًا, يرافقها فريق إغاثي من مركز الملك سلمان للإغاثة والأعمال الإنسانية. وأوضح المتحدث الرسمي بإسم مركز الملك سلمان للإغاثة والأعمال الإنسانية رأفت الصباغ, أن هذه المساعدات تأتي إنفاذا لتوجيه',
  },
  plane6Riyadh: {
    day: '2015-08-10',
    title: 'الطائرة الإغاثية السعودية السادسة تصل إلى عدن',
    lead: 'وصلت أمس الطائرة الإغاثية السعودية السادسة إلى مطار عدن الدولي محملة بمواد غذائية تزن 11 طنًا يرافقها فريق إغاثي من مركز الملك سلمان للإغاثة والأعمال الإنسانية. وأوضح المتحدث الرسمي باسم مركز الملك سلمان للإغاثة والأعمال الإنسانية رأفت الصباغ أن هذه المساعدات تأتي إنفاذا لتوجيهات خادم الحرمين الشريف',
  },
  // Another headline over the same wire lead: one event.
  plane6Okaz: {
    day: '2015-08-10',
    title: 'سادس إغاثة سعودية تحمل11 طنا من المواد الغذائية',
    lead: 'وصلت أمس الطائرة الإغاثية السعودية السادسة إلى مطار عدن الدولي محملة بمواد غذائية تزن 11 طنا، يرافقها فريق إغاثي من مركز الملك سلمان للإغاثة والأعمال الإنسانية. وأوضح المتحدث الرسمي باسم مركز الملك سلمان للإغاثة والأعمال الإنسانية رأفت الصباغ أن هذه المساعدات تأتي إنفاذا لتوجيهات خادم الحرمين الشريف',
  },
  // A print roundup: the UAE martyrs first, the sixth plane further down.
  uaeMartyrsRoundup: {
    day: '2015-08-10',
    title: 'معاملة شهداء الإمارات بنظرائهم السعوديين',
    lead: 'وجه ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع الأمير محمد بن سلمان، بمعاملة الشهداء العريف أول جمعة جوهر جمعة الحمادي، والعريف أول خالد محمد عبدالله الشحي، والعريف أول فاهم سعيد أحمد الحبسي -رحمهم الله - من القوة الإماراتية المشاركة في عمليات التحالف، الذين استشهدوا أول من أمس، معام',
  },
  plane4Weeam: {
    day: '2015-07-31',
    title: 'وصول طائرة الإغاثة السعودية الرابعة إلى عدن محملة بـ «10» أطنان',
    lead: 'وصلت اليوم الطائرة الإغاثية السعودية الرابعة إلى مطار عدن الدولي محملة بـ 10 أطنان من المستلزمات الطبية لمرضى الفشل الكلوي يرافقها فريق إغاثي من مركز الملك سلمان للإغاثة والأعمال الإنسانية وفريق من منظمة أطباء بلا حدود. وتأتي هذه المساعدات إنفاذا لتوجيهات خادم الحرمين الشريفين الملك سلمان بن عبدالعز',
  },
  plane4Jazirah: {
    day: '2015-08-01',
    title: 'وصول طائرة الإغاثة السعودية الرابعة إلى عدن محملة بـ(10) أطنان من المستلزمات الطبية لمرضى الفشل الكلوي',
    lead: 'وصلت الطائرة الإغاثية السعودية الرابعة إلى مطار عدن الدولي محملة بـ10 أطنان من المستلزمات الطبية لمرضى الفشل الكلوي يرافقها فريق إغاثي من مركز الملك سلمان للإغاثة والأعمال الإنسانية وفريق من منظمة أطباء بلا حدود. وتأتي هذه المساعدات إنفاذا لتوجيهات خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل س',
  },
  // An editorial on the kingdom's aid to Yemen.
  yemenEditorial: {
    day: '2015-08-01',
    title: 'تأهيل اليمن',
    lead: 'لم تتأخر المملكة بأي جهد من أجل الشعب اليمني الشقيق، ومنذ البداية تحملت القيادة مسؤولياتها حيال اليمن على المستويات كافة، وعلى الأخص منها الجانب الإغاثي، في إطار الحفاظ على هذا البلد الجار وتأمين كل ما يتطلبه من أجل الاستقرار الاجتماعي والاقتصادي. ولعل من أولى المواقف النبيلة للمملكة الإعلان عن تصحي',
  },
  fifaDateMadina: {
    day: '2015-07-21',
    title: 'انتخابات رئاسة الفيفا في 26 فبراير المقبل',
    lead: 'حددت اللجنة التنفيذية للاتحاد الدولي لكرة القدم (فيفا) يوم السادس والعشرين من فبراير 2016 موعدًا للجمعية العمومية غير العادية لانتخاب رئيس جديد خلفًا للسويسري جوزيف بلاتر. وجاء على صفحة الفيفا على موقع تويتر «حددت الجمعية العمومية غير العادية لانتخابات رئاسة الفيفا في 26 فبراير في زيوريخ». وقدم بلات',
  },
  fifaDateJazirah: {
    day: '2015-07-21',
    title: 'فضائح الفساد تبعد بلاتر.. و26 فبراير موعد انتخابات الفيفا',
    lead: 'حددت اللجنة التنفيذية للاتحاد الدولي لكرة القدم (فيفا) يوم السادس والعشرين من فبراير 2016 موعداً للجمعية العمومية غير العادية لانتخاب رئيس جديد خلفاً للسويسري جوزيف بلاتر. وقدم بلاتر استقالته من رئاسة الفيفا بشكل مفاجئ في الثاني من يونيو الماضي بعد أربعة أيام على فوزه بولاية خامسة على التوالي تحت وط',
  },
  // A headline in other words over the election-date lead.
  fifaFakeDollars: {
    day: '2015-07-21',
    title: 'أمطروه بالدولار المزيف',
    lead: 'حددت اللجنة التنفيذية للاتحاد الدولي لكرة القدم "فيفا" يوم 26 من شباط (فبراير) موعدا للجمعية العمومية غير العادية لانتخاب رئيس جديد خلفا للسويسري جوزيف بلاتر. وجاء على صفحة "فيفا"، "حددت الجمعية العمومية غير العادية لانتخابات رئاسة "فيفا" في 26 فبراير في زيوريخ". قبل انعقاد المؤتمر الصحافي، أمطر محت',
  },
  forecastRain: {
    day: '2015-08-06',
    title: 'توقعات بهطول أمطار رعدية على جنوب المملكة',
    lead: 'توقّعت الرئاسة العامة للأرصاد وحماية البيئة في تقريرها عن حالة الطقس لهذا اليوم هطولأ للأمطار الرعدية مصحوبة بنشاط في الرياح السطحية وتدني في الرؤية الأفقية على مناطق عسير والباحة وجازان ونجران ومكة المكرمة والمدينة المنورة، وسماء غائمة جزئياً إلى غائمة مع فرصه لتواجد السحب الرعدية الممطرة مصحوبه بر',
  },
  forecastClouds: {
    day: '2015-08-06',
    title: 'الأرصاد: سماء غائمة جزئياً إلى غائمة على معظم مناطق المملكة',
    lead: 'توقّعت الرئاسة العامة للأرصاد وحماية البيئة في تقريرها عن حالة الطقس لهذا اليوم سماء غائمة جزئياً إلى غائمة على جنوب غرب وغرب المملكة تمتد إلى شمال ووسط المملكة، كما يتوقع هطول امطار رعدية مصحوبة بنشاط في الرياح السطحية و تدني في الرؤية الأفقية على مناطق عسير و الباحة و جازان و نجران و مكة المكرمة و',
  },
  dustRiyadh: {
    day: '2015-08-06',
    title: 'موجة غبار تغطي سماء الرياض',
    lead: 'تشهد مدينة الرياض الآن هبوب رياح سطحية قوية مثيرة للأتربة والغبار وتحد من مدى الرؤية الأفقية خاصة على الأجزاء الشمالية والشرقية منها. من جهة أخرى قدم مرور الرياض نصحه عبر حسابه في "تويتر" إلى رواد الطرق في العاصمة بتجنب القيادة في الوقت الحالي إلا عند الضرورة حتى تتضح الرؤية بسبب موجة الغبار الحالية',
  },
} as const;

type Item = (typeof news)[keyof typeof news];

const keys = (item: Item): ReturnType<typeof eventKeys> => eventKeys(item.title, item.lead);
const core = (...items: Item[]): Set<number> | null => storyCore(items.map(keys));

describe("a story's core: what most members' headlines and leads say", () => {
  it('turns away a roundup whose headline and lead report another event (the UAE martyrs in the sixth plane)', () => {
    const plane6 = core(news.plane6Yaum, news.plane6Riyadh, news.plane6Okaz);
    expect(offStoryCore(plane6, keys(news.uaeMartyrsRoundup))).toBe(true);
  });

  it('turns away an editorial on aid to Yemen from the fourth relief plane', () => {
    expect(offStoryCore(core(news.plane4Weeam, news.plane4Jazirah), keys(news.yemenEditorial))).toBe(true);
  });

  it('keeps an outlet that reports the plane under a headline of its own words', () => {
    expect(offStoryCore(core(news.plane6Yaum, news.plane6Riyadh), keys(news.plane6Okaz))).toBe(false);
  });

  it('keeps a headline in other words over the wire lead (the fake dollars over the election date)', () => {
    expect(offStoryCore(core(news.fifaDateMadina, news.fifaDateJazirah), keys(news.fifaFakeDollars))).toBe(false);
  });

  it('judges nothing by a single member', () => {
    expect(core(news.plane6Yaum)).toBeNull();
    expect(offStoryCore(null, keys(news.uaeMartyrsRoundup))).toBe(false);
  });
});

describe("the day's weather forecast and the weather one city saw", () => {
  const article = (item: Item) => ({
    event: keys(item),
    terms: storyFeatures(item.title, item.lead).terms,
    day: dayNumber(item.day),
  });

  it("keeps two outlets' reports of one day's forecast together", () => {
    expect(differentEvents(article(news.forecastRain), article(news.forecastClouds))).toBeNull();
  });

  it("splits a dust storm over Riyadh from the same day's forecast", () => {
    expect(differentEvents(article(news.forecastRain), article(news.dustRiyadh))).toBe('recurring');
    expect(differentEvents(article(news.dustRiyadh), article(news.forecastClouds))).toBe('recurring');
  });

  it('stores whether a report is a forecast', () => {
    expect(unpackEventKeys(packEventKeys(keys(news.forecastRain))).forecast).toBe(true);
    expect(unpackEventKeys(packEventKeys(keys(news.dustRiyadh))).forecast).toBe(false);
  });
});

describe('placement asks the story core', () => {
  // Hand-made term vectors: the roundup's body reads like the plane's story (cosine well above the
  // threshold) and no member vetoes it pair by pair; its headline and lead still report the martyrs.
  it('leaves the roundup out of the sixth plane story, and keeps the plane reports together', async () => {
    const items = [news.plane6Yaum, news.plane6Riyadh, news.plane6Okaz, news.uaeMartyrsRoundup];
    const df = new DocFrequencies();
    const docs: StoryDoc[] = items.map((item, i) => {
      const terms = i < 3 ? [1, 2, 3, 4] : [1, 2, 3, 4, 5];
      const features = { terms: Uint32Array.from(terms), counts: new Uint16Array(terms.length).fill(1) };
      df.add(features);
      return { id: i + 1, day: dayNumber(item.day), features, event: keys(item) };
    });
    for (let k = 0; k < 40; k++) df.add({ terms: Uint32Array.of(100 + k), counts: Uint16Array.of(1) });
    const result = await clusterStories([], docs, df);
    const story = new Map(result.placements.map((p) => [p.id, p.cluster]));
    expect(story.get(2)).toBe(story.get(1));
    expect(story.get(3)).toBe(story.get(1));
    expect(story.get(4)).not.toBe(story.get(1));
  });
});
