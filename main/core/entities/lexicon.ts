/**
 * Hand-written word lists of the entity extractor, written as people write
 * them; compiled once, at load, to the analyzer's exact keys (clitics and
 * article stripped, spelling folded), so بوزارة and الوزارة meet وزارة.
 * Each list says what it is for; the measurements are in README.md.
 */
import { analyze } from '../text';

/** Exact keys of a phrase: "خادم الحرمين الشريفين" → ["خادم", "حرمين", "شريفين"]. */
export function phraseKeys(phrase: string): string[] {
  return analyze(phrase).map((t) => (t.kind === 'word' ? t.exact : t.norm));
}

export function keySet(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.flatMap((w) => phraseKeys(w)));
}

export interface PhraseEntry {
  keys: readonly string[];
  /** Per word: written with the article. الوجه (a town) is not وجه (a face), الرئيس is not رئيس ديوان. */
  definite: readonly boolean[];
  /** Letters before the first key that belong to the name (بعقوبة, كابل, بالاو): the text must have them. */
  prefix: string;
}

/**
 * Words with their article: "الهيئة" → "الهييه", "هيئة" → "هييه". Heads are
 * read in one form only (المجلس alone is a weak head, مجلس is not).
 */
export function formSet(words: readonly string[]): ReadonlySet<string> {
  return new Set(
    words.flatMap((w) =>
      analyze(w)
        .filter((t) => t.kind === 'word')
        .map((t) => (/^ال/u.test(t.norm) && t.exact !== t.norm ? 'ال' : '') + t.exact),
    ),
  );
}

/** Phrases by their first key, longest first (a match looks up one word, not the list). */
export class PhraseList {
  private readonly byFirst = new Map<string, PhraseEntry[]>();

  constructor(phrases: readonly string[]) {
    for (const text of phrases) {
      const words = analyze(text).filter((t) => t.kind === 'word');
      if (words.length === 0) continue;
      const keys = words.map((t) => t.exact);
      const definite = words.map((t) => /^ال/u.test(t.norm) && t.exact !== t.norm);
      const first = words[0]!;
      const bare = definite[0] ? first.norm.slice(2) : first.norm;
      const prefix = bare.endsWith(first.exact) ? bare.slice(0, bare.length - first.exact.length) : '';
      const list = this.byFirst.get(keys[0]!) ?? [];
      list.push({ keys, definite, prefix });
      this.byFirst.set(keys[0]!, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  }

  startingWith(key: string): readonly PhraseEntry[] {
    return this.byFirst.get(key) ?? [];
  }
}

/**
 * Honorifics and ranks before a person's name. After one of these a name is
 * read even when its first word is in no list (الأمير مشعل, الرئيس باراك أوباما).
 */
// prettier-ignore
export const PERSON_TITLES = new PhraseList([
  'خادم الحرمين الشريفين', 'صاحب السمو الملكي', 'صاحب السمو', 'صاحبة السمو', 'صاحب المعالي', 'صاحب الفضيلة', 'صاحب الجلالة',
  'الملك', 'الملكة', 'الأمير', 'الأميرة', 'الشيخ', 'الشيخة', 'الدكتور', 'الدكتورة', 'د', 'معالي', 'سمو', 'فضيلة', 'سماحة',
  'فخامة', 'جلالة', 'سعادة', 'المهندس', 'المهندسة', 'م', 'الأستاذ', 'الأستاذة', 'أ', 'السيد', 'السيدة', 'الرئيس', 'الإمام',
  'البروفيسور', 'المستشار', 'اللواء', 'العميد', 'العقيد', 'المقدم', 'الرائد', 'النقيب', 'الملازم', 'الفريق', 'الفريق أول',
  'المشير', 'الجنرال', 'العاهل', 'المفتي', 'القاضي', 'المحامي', 'الكاتب', 'الشاعر', 'الفنان', 'الفنانة', 'اللاعب', 'المدرب',
  'الحارس', 'المهاجم', 'النجم', 'الداعية', 'المواطن', 'المواطنة', 'الطفل', 'الطفلة', 'الزميل', 'الزميلة', 'الإعلامي',
  'الإعلامية', 'الباحث', 'البابا', 'المرشد', 'الرئيس التنفيذي', 'نائب الرئيس', 'ولي العهد', 'ولي ولي العهد',
  'السلطان', 'الخليفة', 'الإمبراطور', 'الإمبراطورة', 'القيصر', 'العالم', 'الفيزيائي', 'الكيميائي', 'الفيلسوف', 'الطبيب',
  'المؤرخ',
]);

/**
 * Titles that are also plain nouns (العالم "the world", الطبيب "the doctor"): a title only when a nationality
 * follows (العالم الروسي مندليف, الفيزيائي الألماني ألبرت أينشتاين).
 */
// prettier-ignore
export const QUALIFIED_ONLY_TITLES: ReadonlySet<string> = keySet([
  'العالم', 'الفيزيائي', 'الكيميائي', 'الفيلسوف', 'الطبيب', 'المؤرخ',
]);

/** Titles of rulers followed by a regnal name with the article (الخليفة المستنصر, السلطان الناصر). */
export const REGNAL_TITLES: ReadonlySet<string> = keySet(['الخليفة', 'السلطان']);

/**
 * Titles that may be followed by a name no list knows (the rest need a known given name or a بن chain).
 * Not الفريق: in sports prose it is "the team" (الفريق يسترجع بريقه), the rank still takes a known name.
 */
// prettier-ignore
export const STRONG_TITLES: ReadonlySet<string> = keySet([
  'الملك', 'الملكة', 'الأمير', 'الأميرة', 'الشيخ', 'الشيخة', 'الدكتور', 'الدكتورة', 'المهندس', 'الأستاذ', 'السيد', 'السيدة',
  'الرئيس', 'الإمام', 'اللواء', 'العميد', 'العقيد', 'المقدم', 'الرائد', 'النقيب', 'المشير', 'الجنرال', 'اللاعب',
  'المدرب', 'الفنان', 'الفنانة', 'الشاعر', 'الكاتب', 'البروفيسور', 'العاهل', 'المستشار', 'السلطان', 'الخليفة', 'الإمبراطور',
  'الإمبراطورة', 'القيصر', 'البابا', 'العالم', 'الفيزيائي', 'الكيميائي', 'الفيلسوف', 'الطبيب', 'المؤرخ',
]);

/**
 * Offices: the head and its complements name a post, then the name follows
 * (وزير العدل الشيخ وليد, أمير منطقة الرياض الأمير فيصل, رئيس ديوان المظالم).
 */
// prettier-ignore
export const OFFICE_HEADS: ReadonlySet<string> = formSet([
  'وزير', 'وزيرة', 'رئيس', 'رئيسة', 'نائب', 'أمير', 'محافظ', 'مدير', 'مديرة', 'أمين', 'سفير', 'سفيرة', 'قائد', 'وكيل', 'مساعد',
  'مستشار', 'المتحدث', 'متحدث', 'الناطق', 'مندوب', 'عضو', 'عميد', 'مفتي', 'زعيم', 'مبعوث', 'المبعوث', 'الأمين', 'مراقب',
  'المدير', 'الوزير', 'السفير', 'المحافظ', 'النائب', 'مدرب', 'رئيسا', 'مديرا', 'وزيرا',
]);

/** Words inside an office that are not definite but belong to it (المتحدث الرسمي باسم الوزارة). */
// prettier-ignore
export const OFFICE_LINKS: ReadonlySet<string> = keySet(['باسم', 'لشؤون', 'لشئون', 'للشؤون', 'عام', 'إدارة', 'مجلس', 'منطقة', 'هيئة', 'وزارة', 'جامعة', 'شركة', 'شرطة', 'ديوان', 'مركز', 'مكتب', 'بوزارة', 'بمنطقة', 'مؤسسة', 'جمعية', 'لجنة', 'دولة', 'محافظة', 'أمانة', 'بنك', 'صندوق', 'غرفة', 'نادي', 'فرع']);

/** Heads of organisation names; with their complements they name a body (وزارة العدل, جامعة الملك سعود). */
// prettier-ignore
export const ORGANISATION_HEADS: ReadonlySet<string> = formSet([
  'وزارة', 'هيئة', 'مجلس', 'جامعة', 'شركة', 'بنك', 'البنك', 'مصرف', 'مؤسسة', 'المحكمة', 'محكمة', 'ديوان', 'الديوان', 'منظمة',
  'وكالة', 'صندوق', 'جمعية', 'الاتحاد', 'اتحاد', 'نادي', 'النادي', 'أمانة', 'إمارة', 'رئاسة', 'مستشفى',
  'الهيئة', 'المجلس', 'الجمعية', 'المنظمة', 'الوكالة', 'المؤسسة', 'الصندوق', 'حزب', 'حركة', 'جماعة', 'تنظيم', 'شرطة', 'كلية',
  'معهد', 'غرفة', 'مجموعة', 'لجنة', 'اللجنة', 'مكتب', 'قناة', 'صحيفة', 'مطار', 'منتخب', 'المنتخب', 'فريق', 'الحرس', 'القوات',
  'جيش', 'الجيش', 'برلمان', 'البرلمان', 'الأمم', 'مركز', 'الجامعة', 'الحكومة', 'حكومة', 'مديرية', 'المديرية', 'الإدارة', 'إدارة', 'دار',
]);

/**
 * Ports named after a person (ميناء الملك عبدالعزيز): a body, as an airport is, not the person in the name. Apart
 * from ORGANISATION_HEADS, which the learned tagger's features were trained with.
 */
export const FACILITY_HEADS: ReadonlySet<string> = formSet(['ميناء']);

/** Organisation heads that need a named complement, not any definite word (لجنة, إدارة, فريق are also plain nouns). */
// prettier-ignore
export const WEAK_ORGANISATION_HEADS: ReadonlySet<string> = formSet([
  'لجنة', 'اللجنة', 'مكتب', 'فريق', 'إدارة', 'الإدارة', 'دار', 'مجموعة', 'القوات', 'الحكومة', 'حكومة', 'الجامعة', 'حركة', 'تنظيم',
  'الأمم', 'رئاسة', 'جماعة', 'مركز',
  'المجلس', 'الهيئة', 'الجمعية', 'المنظمة', 'الوكالة', 'المؤسسة', 'الصندوق', 'المديرية', 'النادي', 'الحرس', 'الجيش', 'الاتحاد', 'المنتخب',
]);

/** Bodies known by name, which no head announces (الأمم المتحدة is not any nation). */
// prettier-ignore
export const KNOWN_ORGANISATIONS: readonly string[] = [
  'الأمم المتحدة', 'الاتحاد الأوروبي', 'الاتحاد الأفريقي', 'حلف شمال الأطلسي', 'حلف الناتو', 'الناتو', 'مجلس الأمن', 'مجلس الأمن الدولي',
  'جامعة الدول العربية', 'الجامعة العربية', 'مجلس التعاون الخليجي', 'مجلس التعاون لدول الخليج العربية', 'منظمة التعاون الإسلامي',
  'البنك الدولي', 'صندوق النقد الدولي', 'أوبك', 'الفيفا', 'اليونسكو', 'اليونيسف', 'الإنتربول', 'منظمة الصحة العالمية',
  'الصليب الأحمر', 'الهلال الأحمر', 'الكونغرس', 'الكونجرس', 'البنتاغون', 'الكرملين', 'البيت الأبيض', 'الإليزيه', 'الموساد',
  'داعش', 'تنظيم الدولة', 'القاعدة', 'طالبان', 'حزب الله', 'حماس', 'حركة فتح', 'الحوثيين', 'الحوثيون', 'جماعة الحوثي', 'الحشد الشعبي',
  'الإخوان المسلمين', 'جماعة الإخوان', 'أرامكو', 'أرامكو السعودية', 'سابك', 'الخطوط السعودية', 'واس', 'رويترز', 'فرانس برس',
  'أسوشيتد برس', 'بي بي سي', 'سي إن إن', 'الجزيرة', 'ناسا', 'مايكروسوفت', 'غوغل', 'جوجل', 'فيسبوك', 'تويتر', 'آبل', 'أبل',
  'سامسونج', 'سامسونغ', 'تويوتا', 'نوكيا', 'ريال مدريد', 'برشلونة', 'مانشستر يونايتد', 'مانشستر سيتي', 'ليفربول', 'تشيلسي',
  'أرسنال', 'يوفنتوس', 'بايرن ميونخ', 'أتلتيكو مدريد', 'ميلان', 'إنتر ميلان', 'باريس سان جيرمان',
];

/** Bodies named by what they are, not who (a board of any company): never read as an organisation. */
// prettier-ignore
export const GENERIC_BODIES: readonly string[] = [
  'مجلس الإدارة', 'مجلس الجامعة', 'مجلس الأمناء', 'مجلس الكلية', 'مجلس القسم', 'مجلس المديرين', 'مجلس الأمانة', 'مجلس الشركة',
  'مجلس العائلة', 'مجلس الأسرة', 'مجلس العزاء', 'مجلس الحي',
];

/** Heads of teams: with a name no list knows (نادي مانشستر يونايتد, منتخب البرتغال). */
// prettier-ignore
export const TEAM_HEADS: ReadonlySet<string> = formSet(['نادي', 'فريق', 'منتخب']);

/** Definite words that end an organisation's complement instead of continuing it (وزارة العدل اليوم). */
// prettier-ignore
export const COMPLEMENT_STOPS: ReadonlySet<string> = keySet([
  'اليوم', 'أمس', 'الأمس', 'الماضي', 'المقبل', 'الجاري', 'الحالي', 'الأسبوع', 'الشهر', 'العام', 'السنة', 'الآن', 'الذي', 'التي',
  'الذين', 'اللذين', 'اللتين', 'اللاتي', 'الأول', 'الأولى', 'الثاني', 'الثانية', 'الأخير', 'الأخيرة', 'الجديد', 'الجديدة',
  'الكريم', 'الكريمة', 'الملكي', 'الملكية', 'السامي', 'المتواصل', 'الدائم', 'كافة', 'جميع', 'كل', 'بعض', 'الأحد', 'الاثنين',
  'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت', 'صباح', 'مساء', 'الصباح', 'المساء', 'الليلة', 'الليل',
]);

/** Phrases that look like names but are formulae of news prose (عز وجل, صلى الله عليه وسلم, رحمه الله). */
// prettier-ignore
export const FORMULAE = new PhraseList([
  'عز وجل', 'صلى الله عليه وسلم', 'رحمه الله', 'حفظه الله', 'أيده الله', 'وفقه الله', 'رضي الله عنه', 'عليه السلام', 'تعالى',
  'سبحانه وتعالى', 'بإذن الله', 'إن شاء الله', 'الحمد لله', 'بسم الله', 'جل جلاله',
]);

/** Given names the corpora's names miss: also common words (علي/على, عمر "age", حسن "good"), or rare there. */
// prettier-ignore
export const EXTRA_GIVEN_NAMES: readonly string[] = [
  'علي', 'عمر', 'حسن', 'حسين', 'أمين', 'كريم', 'جمال', 'سامي', 'هاني', 'نبيل', 'عماد', 'وائل', 'هشام', 'طارق', 'أسامة', 'مصطفى',
  'محمود', 'إبراهيم', 'إسماعيل', 'يعقوب', 'داود', 'سليمان', 'عيسى', 'موسى', 'يحيى', 'زكريا', 'نوح', 'آدم', 'مريم', 'فاطمة',
  'عائشة', 'خديجة', 'نورة', 'سارة', 'هند', 'ليلى', 'منى', 'هدى', 'أمل', 'رشا', 'ريم', 'لمى', 'دانة', 'جواهر', 'لطيفة', 'مها',
  'نوال', 'سلوى', 'أحلام', 'إيمان', 'عبير', 'غادة', 'حصة', 'منيرة', 'العنود', 'الجوهرة', 'هيفاء', 'بسمة', 'رحاب', 'سميرة',
  'باراك', 'جون', 'جورج', 'فلاديمير', 'ديفيد', 'فرانسوا', 'أنجيلا', 'هيلاري', 'دونالد', 'بان', 'رجب', 'حسن', 'جواد',
  'بشار', 'ستيفان', 'إسماعيل', 'خالد', 'عبدربه', 'عبد ربه', 'منصور', 'أشرف', 'مجدي', 'حمدي', 'رامي', 'ماهر', 'ياسر', 'عمرو',
  // Gulf given names too rare in the newswire and Wikipedia corpora to be derived.
  'فهد', 'سلمان', 'سلطان', 'نايف', 'مشعل', 'متعب', 'ماجد', 'يحي', 'مقرن', 'عبدالإله', 'نواف', 'مساعد', 'حمود', 'زياد',
  'أنس', 'ثامر', 'رائد', 'صقر', 'عايض', 'عبدالمحسن', 'عبدالملك', 'غازي', 'مشاري', 'يزيد',
];

/** Family names that are also common words (الربيعة "the spring"): written with ال, read after a given name. */
export const EXTRA_FAMILY_NAMES: readonly string[] = ['الربيعة', 'الفالح', 'الشريف', 'الحكيم'];

/** Foreign given names that are also Arabic words (جو "air"): a name only after a title and before a second name. */
export const WORD_GIVEN_NAMES: ReadonlySet<string> = keySet(['جو', 'بيل', 'توم', 'سام', 'جاك']);

/** Derived-list entries that are kinship words or noise around ابن (ابن أخته, ابن عمه), not given names. */
// prettier-ignore
export const NOT_GIVEN_NAMES: ReadonlySet<string> = keySet([
  'أخته', 'أخيه', 'خالته', 'شقيقته', 'عمه', 'عمي', 'عم', 'فلان', 'متورطا', 'مركزات', 'ارطاهعبدالله', 'جلدته', 'بيد', 'أبي',
]);

/** Verbs that follow a person's name in news prose (الأمير خالد أكد): not a surname. */
export const VERBS_AFTER_NAMES = keySet([
  'قال',
  'أكد',
  'أعلن',
  'أوضح',
  'أشار',
  'أضاف',
  'اعتبر',
  'دعا',
  'بحث',
  'زار',
  'وصل',
  'التقى',
  'استقبل',
  'غادر',
  'شدد',
  'طالب',
  'رأى',
  'كان',
  'ألقى',
  'افتتح',
  'رعى',
  'عاد',
  'حذر',
  'أمر',
  'وجه',
  'أصدر',
  'هنأ',
  'أجرى',
  'تلقى',
  'بعث',
  'قدم',
]);
