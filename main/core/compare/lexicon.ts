/**
 * Word lists the fact extractor recognises, written as people write them
 * and compiled once, at load, to the analyzer's exact keys (so "والعراق",
 * "العراق" and "عراق" are one place, and أميركي/أمريكي one adjective).
 * Kept small and news-shaped: what Arabic and English reports use to
 * introduce speech, name a person by office, and name places and bodies.
 */
import { analyze } from '../text/analyze';

/** Exact keys of a phrase, e.g. "البيت الأبيض" → ["بيت", "ابيض"]. */
export function phraseKeys(phrase: string): string[] {
  return analyze(phrase).map((t) => (t.kind === 'word' ? t.exact : t.norm));
}

function keySet(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.flatMap((w) => phraseKeys(w)));
}

export interface Phrase {
  /** As written in the list: the name shown for a match. */
  text: string;
  keys: readonly string[];
}

/** Entries by their first key, longest first within each (greedy matching looks up one word, not the whole list). */
export class PhraseList {
  private readonly byFirst = new Map<string, Phrase[]>();

  constructor(phrases: readonly string[]) {
    for (const text of phrases) {
      const keys = phraseKeys(text);
      if (keys.length === 0) continue;
      const list = this.byFirst.get(keys[0]!) ?? [];
      list.push({ text, keys });
      this.byFirst.set(keys[0]!, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  }

  startingWith(key: string): readonly Phrase[] {
    return this.byFirst.get(key) ?? [];
  }
}

function phraseList(phrases: readonly string[]): PhraseList {
  return new PhraseList(phrases);
}

/** Verbs and participles that introduce what someone said. */
// prettier-ignore
export const SPEECH_VERBS: ReadonlySet<string> = keySet([
  'قال', 'قالت', 'يقول', 'تقول', 'يقولون', 'قالوا', 'أضاف', 'أضافت', 'يضيف', 'تضيف', 'مضيفا', 'مضيفة', 'أكد', 'أكدت', 'يؤكد', 'تؤكد', 'مؤكدا',
  'مؤكدة', 'أوضح', 'أوضحت', 'يوضح', 'موضحا', 'موضحة', 'أشار', 'أشارت', 'يشير', 'مشيرا', 'مشيرة', 'شدد', 'شددت', 'يشدد', 'مشددا', 'مشددة',
  'ذكر', 'ذكرت', 'صرح', 'صرحت', 'تابع', 'تابعت', 'متابعا', 'اعتبر', 'اعتبرت', 'معتبرا', 'رأى', 'رأت', 'لفت', 'لفتت', 'لافتا', 'كتب',
  'كتبت', 'غرد', 'غردت', 'أعلن', 'أعلنت', 'حذر', 'حذرت', 'محذرا', 'دعا', 'دعت', 'داعيا', 'طالب', 'طالبت', 'مطالبا', 'نفى', 'نفت', 'أفاد',
  'أفادت', 'أعرب', 'أعربت', 'وصف', 'وصفت', 'واصفا', 'استطرد', 'ختم', 'اختتم', 'أردف', 'أردفت', 'زعم', 'زعمت', 'أقر', 'أقرت', 'قائلا', 'قائلة',
  'said', 'says', 'say', 'told', 'added', 'stated', 'declared', 'wrote', 'tweeted', 'asked', 'warned', 'insisted', 'explained', 'noted',
  'stressed', 'argued', 'announced', 'claimed', 'denied',
]);

/** Attribution put after or before the words: بحسب X, according to X. */
export const ATTRIBUTION_CUES: PhraseList = phraseList([
  'بحسب',
  'حسب',
  'حسبما',
  'وفقا ل',
  'وفقا لما',
  'نقلا عن',
  'نقلت عن',
  'نقل عن',
  'على لسان',
  'according to',
]);

/** Words that end a speaker's name or title (what follows a name in a report, not part of it). */
// prettier-ignore
export const PHRASE_STOPS: ReadonlySet<string> = keySet([
  'إن', 'أن', 'أنه', 'أنها', 'إنه', 'إنها', 'بأن', 'لأن', 'في', 'على', 'إلى', 'عن', 'من', 'مع', 'خلال', 'عبر', 'أمام', 'قبيل', 'قبل',
  'بعد', 'عقب', 'منذ', 'لدى', 'عند', 'حول', 'الذي', 'التي', 'الذين', 'اللذين', 'اليوم', 'أمس', 'غدا', 'الليلة', 'صباح', 'مساء', 'ظهر',
  'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت', 'الأحد', 'للصحافيين', 'للصحفيين', 'لوكالة', 'لصحيفة', 'لقناة', 'لموقع', 'لإذاعة', 'لتلفزيون',
  'أيضا', 'كذلك', 'إنني', 'إننا', 'هو', 'هي', 'وهو', 'وهي', 'فيه', 'فيها', 'له', 'لها', 'عنه', 'عنها', 'منه', 'منها', 'بيان', 'تصريح', 'تصريحات', 'مؤتمر', 'تدوينة', 'تغريدة', 'حيث', 'كما', 'لكن',
  'that', 'in', 'on', 'at', 'to', 'from', 'with', 'during', 'after', 'before', 'who', 'which', 'told', 'on', 'the', 'a', 'an', 'of', 'and',
]);

/** Particles that open a sentence before its subject (لكن X قال, بدوره قال). */
// prettier-ignore
export const LEADING_PARTICLES: ReadonlySet<string> = keySet(['لكن', 'ولكن', 'بدوره', 'بدورها', 'جهته', 'جهتها', 'كما', 'فيما', 'بينما', 'وقد', 'قد', 'but', 'and', 'meanwhile']);

/**
 * Heads of titles before a name (الرئيس جو بايدن, وزير الخارجية فؤاد حسين).
 * A title head is followed by its complements (definite words, باسم X)
 * before the name starts.
 */
// prettier-ignore
export const TITLE_HEADS: ReadonlySet<string> = keySet([
  'الرئيس', 'رئيس', 'رئيسة', 'نائب', 'الملك', 'الملكة', 'الأمير', 'الأميرة', 'أمير', 'العاهل', 'الشيخ', 'السفير', 'سفير', 'السفيرة',
  'المستشار', 'مستشار', 'مستشارة', 'النائب', 'الجنرال', 'اللواء', 'العميد', 'العقيد', 'المقدم', 'الرائد', 'الفريق', 'المشير', 'الدكتور',
  'الدكتورة', 'المبعوث', 'مبعوث', 'موفد', 'الموفد', 'المتحدث', 'المتحدثة', 'متحدث', 'متحدثة', 'الناطق', 'الناطقة', 'ناطق', 'المسؤول',
  'المسؤولة', 'مسؤول', 'مسؤولة', 'مسؤولون', 'مسؤولو', 'وزير', 'وزيرة', 'الوزير', 'الوزيرة', 'ولي', 'قائد', 'القائد', 'أمين', 'الأمين',
  'مدير', 'مديرة', 'المدير', 'محافظ', 'المحافظ', 'سمو', 'معالي', 'فضيلة', 'البابا', 'المرشد', 'زعيم', 'الزعيم', 'المفتي', 'مفتي', 'الإمام',
  'السيناتور', 'سيناتور', 'البروفسور', 'البروفيسور', 'المندوب', 'مندوب', 'قائدة', 'عضو', 'متحدثون', 'المتحدثون', 'مصدر', 'مصادر', 'المصدر', 'شهود', 'ناشطون', 'مراسل', 'المدرب', 'مدرب', 'اللاعب', 'لاعب', 'الفنان', 'الفنانة', 'خادم',
  'president', 'prime', 'minister', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'king', 'queen', 'prince', 'princess', 'sheikh',
  'general', 'gen', 'dr', 'mr', 'mrs', 'ms', 'senator', 'sen', 'ambassador', 'envoy', 'governor', 'gov', 'chancellor', 'chairman',
  'director', 'commander', 'colonel', 'col', 'lieutenant', 'pope', 'coach', 'leader', 'official', 'officials', 'chief', 'rep',
]);

/** Words that qualify a title without being a name (الرئيس الأميركي, السابق). */
// prettier-ignore
export const TITLE_QUALIFIERS: ReadonlySet<string> = keySet([
  'الأميركي', 'الأمريكي', 'الأميركية', 'العراقي', 'العراقية', 'المصري', 'الأردني', 'السعودي', 'الإيراني', 'الروسي', 'البريطاني',
  'الفرنسي', 'الصيني', 'التركي', 'اليمني', 'السوري', 'اللبناني', 'الإماراتي', 'القطري', 'الكويتي', 'البحريني', 'العماني', 'المغربي',
  'الجزائري', 'التونسي', 'الليبي', 'السوداني', 'الفلسطيني', 'الإسرائيلي', 'الألماني', 'الإيطالي', 'الياباني', 'الأوروبي', 'الأفغاني',
  'الباكستاني', 'الهندي', 'الإسباني', 'الكندي', 'الأسترالي', 'الأوكراني', 'الخليجي', 'العربي', 'الدولي', 'الأممي', 'الإسلامي',
  'السابق', 'الأسبق', 'الحالي', 'الجديد', 'المكلف', 'الأعلى', 'العام', 'الأول', 'المساعد', 'الإعلامي', 'الرسمي', 'المستوى', 'رفيع',
  'الرفيع', 'الشريفين', 'الحرمين', 'باسم', 'مجلس', 'الوزراء', 'شؤون', 'الشؤون', 'العهد', 'ولي', 'الدولة', 'الدفاع',
  'الخارجية', 'الداخلية', 'المالية', 'الأمن', 'القومي', 'الوطني', 'إدارة', 'وزارة', 'البيت', 'الأبيض', 'الحكومة', 'البنتاغون', 'الجيش',
  'former', 'vice', 'deputy', 'prime', 'foreign', 'defense', 'defence', 'state', 'interior', 'us', 'u.s.', 'senior', 'white', 'house',
]);

/** Places, Arabic and English names. */
// prettier-ignore
export const PLACES: PhraseList = phraseList([
  // Countries and regions
  'العراق', 'الولايات المتحدة', 'أمريكا', 'أميركا', 'السعودية', 'المملكة العربية السعودية', 'مصر', 'الأردن', 'سوريا', 'سورية', 'لبنان',
  'فلسطين', 'إسرائيل', 'اليمن', 'الإمارات', 'قطر', 'الكويت', 'البحرين', 'عمان', 'سلطنة عمان', 'إيران', 'تركيا', 'روسيا', 'الصين',
  'اليابان', 'الهند', 'باكستان', 'أفغانستان', 'بريطانيا', 'المملكة المتحدة', 'فرنسا', 'ألمانيا', 'إيطاليا', 'إسبانيا', 'اليونان',
  'أوكرانيا', 'المغرب', 'الجزائر', 'تونس', 'ليبيا', 'السودان', 'الصومال', 'إثيوبيا', 'نيجيريا', 'كندا', 'المكسيك', 'البرازيل',
  'الأرجنتين', 'أستراليا', 'إندونيسيا', 'ماليزيا', 'كوريا الجنوبية', 'كوريا الشمالية', 'كوبا', 'فنزويلا', 'ميانمار', 'بنغلاديش',
  'الشرق الأوسط', 'الخليج', 'أوروبا', 'أفريقيا', 'آسيا', 'غزة', 'الضفة الغربية', 'القدس', 'سيناء', 'كردستان',
  // Cities
  'بغداد', 'الموصل', 'النجف', 'كربلاء', 'البصرة', 'أربيل', 'كركوك', 'الفلوجة', 'الرمادي', 'تكريت', 'واشنطن', 'نيويورك', 'لندن', 'باريس',
  'برلين', 'موسكو', 'بكين', 'طهران', 'أنقرة', 'إسطنبول', 'القاهرة', 'الإسكندرية', 'عمان', 'دمشق', 'حلب', 'حمص', 'الزبداني', 'إدلب',
  'درعا', 'الرقة', 'دير الزور', 'بيروت', 'صنعاء', 'عدن', 'تعز', 'مأرب', 'الحديدة', 'لحج', 'أبين', 'شبوة', 'حضرموت', 'صعدة',
  'الرياض', 'جدة', 'مكة', 'مكة المكرمة', 'المدينة المنورة', 'الدمام', 'الظهران', 'الطائف', 'تبوك', 'أبها', 'جازان', 'جيزان',
  'نجران', 'عسير', 'القصيم', 'بريدة', 'حائل', 'الجوف', 'الباحة', 'الأحساء', 'القطيف', 'ينبع', 'خميس مشيط', 'المنطقة الشرقية',
  'دبي', 'أبوظبي', 'الدوحة', 'المنامة', 'مسقط', 'الخرطوم', 'طرابلس', 'بنغازي', 'تونس العاصمة', 'الرباط', 'الدار البيضاء', 'الجزائر العاصمة',
  'كابول', 'إسلام آباد', 'نيودلهي', 'جنيف', 'فيينا', 'بروكسل', 'روما', 'مدريد', 'أثينا', 'طوكيو',
  'iraq', 'united states', 'america', 'saudi arabia', 'egypt', 'jordan', 'syria', 'lebanon', 'israel', 'palestine', 'yemen', 'iran',
  'turkey', 'russia', 'china', 'japan', 'india', 'pakistan', 'afghanistan', 'britain', 'united kingdom', 'uk', 'france', 'germany',
  'italy', 'spain', 'greece', 'ukraine', 'europe', 'africa', 'asia', 'middle east', 'gulf', 'baghdad', 'mosul', 'najaf', 'washington',
  'new york', 'london', 'paris', 'berlin', 'moscow', 'beijing', 'tehran', 'ankara', 'istanbul', 'cairo', 'damascus', 'beirut', 'riyadh',
  'jeddah', 'mecca', 'dubai', 'doha', 'kabul', 'geneva', 'brussels', 'rome', 'tokyo', 'kuwait', 'qatar', 'bahrain', 'oman', 'libya',
  'sudan', 'morocco', 'algeria', 'tunisia', 'canada', 'mexico', 'brazil', 'australia', 'scotland', 'wales', 'ireland', 'england',
]);

/** Heads that, with the next word, name a place (مدينة النجف, محافظة عدن). */
// prettier-ignore
export const PLACE_HEADS: ReadonlySet<string> = keySet(['مدينة', 'محافظة', 'منطقة', 'العاصمة', 'بلدة', 'قرية', 'ولاية', 'إقليم', 'مقاطعة', 'جزيرة', 'قطاع', 'مطار', 'ميناء']);

/** Heads that, with the words after them, name a body (وزارة الدفاع الأميركية, تنظيم “داعش”). */
// prettier-ignore
export const ORGANISATION_HEADS: ReadonlySet<string> = keySet([
  'وزارة', 'هيئة', 'مجلس', 'تنظيم', 'وكالة', 'صحيفة', 'قناة', 'حركة', 'حزب', 'جماعة', 'شركة', 'جامعة', 'منظمة', 'مؤسسة', 'البنك',
  'بنك', 'مصرف', 'جمعية', 'اتحاد', 'نادي', 'النادي', 'محكمة', 'المحكمة', 'برلمان', 'البرلمان', 'مركز', 'إدارة', 'مديرية', 'رئاسة',
  'أمانة', 'بلدية', 'ministry', 'department', 'agency', 'council', 'party', 'company', 'university', 'organization', 'organisation',
  'bank', 'association', 'committee', 'commission', 'court', 'parliament', 'club',
]);

/** Heads before a quoted name: وكالة “أسوشيتد برس” names an agency, it quotes nobody. */
// prettier-ignore
export const QUOTED_NAME_HEADS: ReadonlySet<string> = keySet([
  'وكالة', 'صحيفة', 'قناة', 'تنظيم', 'حركة', 'جماعة', 'شركة', 'عملية', 'حملة', 'مركز', 'مشروع', 'برنامج', 'مبادرة', 'موقع', 'مجلة',
  'برنامج', 'كتاب', 'فيلم', 'مسلسل', 'هاشتاغ', 'وسم', 'منظمة', 'جمعية', 'هيئة', 'مؤسسة', 'ائتلاف', 'تحالف', 'عاصفة', 'إعادة',
]);

/** Multipliers written as words after a number (10 آلاف, 5 million). */
export const MULTIPLIERS: ReadonlyMap<string, number> = new Map(
  (
    [
      ['ألف', 1e3],
      ['آلاف', 1e3],
      ['الف', 1e3],
      ['مليون', 1e6],
      ['ملايين', 1e6],
      ['مليار', 1e9],
      ['مليارات', 1e9],
      ['thousand', 1e3],
      ['million', 1e6],
      ['billion', 1e9],
      ['trillion', 1e12],
    ] as const
  ).map(([w, m]) => [phraseKeys(w)[0] ?? w, m] as const),
);

/** Numbers written as words (ثلاثة جنود = 3 جنود). Only the common small ones: enough to match digits across outlets. */
// prettier-ignore
/** Words of a time of day after الساعة: its ordinal hour, the minutes and the part of the day (الساعة الحادية عشرة وتسع وخمسين دقيقة مساء). */
export const CLOCK_WORDS: ReadonlySet<string> = keySet(
  (
    'الواحدة الحادية الثانية الثالثة الرابعة الخامسة السادسة السابعة الثامنة التاسعة العاشرة عشرة عشر ' +
    'دقيقة دقائق صباحا مساء ظهرا عصرا ليلا فجرا نصف ربع ثلث إلا'
  ).split(' '),
);

export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  (
    [
      ['اثنان', 2],
      ['اثنين', 2],
      ['ثلاثة', 3],
      ['ثلاث', 3],
      ['أربعة', 4],
      ['أربع', 4],
      ['خمسة', 5],
      ['خمس', 5],
      ['ستة', 6],
      ['ست', 6],
      ['سبعة', 7],
      ['سبع', 7],
      ['ثمانية', 8],
      ['ثماني', 8],
      ['تسعة', 9],
      ['تسع', 9],
      ['عشرة', 10],
      ['عشر', 10],
      ['عشرين', 20],
      ['عشرون', 20],
      ['ثلاثين', 30],
      ['ثلاثون', 30],
      ['أربعين', 40],
      ['أربعون', 40],
      ['خمسين', 50],
      ['خمسون', 50],
      ['ستين', 60],
      ['ستون', 60],
      ['سبعين', 70],
      ['سبعون', 70],
      ['ثمانين', 80],
      ['ثمانون', 80],
      ['تسعين', 90],
      ['تسعون', 90],
      ['مئة', 100],
      ['مائة', 100],
      ['two', 2],
      ['three', 3],
      ['four', 4],
      ['five', 5],
      ['six', 6],
      ['seven', 7],
      ['eight', 8],
      ['nine', 9],
      ['ten', 10],
      ['twelve', 12],
      ['twenty', 20],
      ['hundred', 100],
    ] as const
  ).map(([w, n]) => [phraseKeys(w)[0] ?? w, n] as const),
);
