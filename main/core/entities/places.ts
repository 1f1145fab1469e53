/**
 * Place names. Countries come from i18n-iso-countries (its Arabic and
 * English names, ISO 3166-1); the short forms news uses, regions, and cities
 * are listed here: Saudi Arabia's 13 regions and its main cities and
 * governorates, the Arab capitals and large cities, and the world capitals
 * and cities that news datelines name.
 */
import arabicCountries from 'i18n-iso-countries/langs/ar.json';
import englishCountries from 'i18n-iso-countries/langs/en.json';

/** Country names that are also common words (مالي "financial", بنين "boys"): read only with a place head. */
const AMBIGUOUS = new Set(['مالي', 'بنين', 'جيرزي', 'Jersey', 'Chad', 'Guinea', 'Jordan', 'Georgia', 'Turkey']);

function countryNames(countries: Record<string, string | string[]>): string[] {
  return Object.values(countries)
    .flat()
    .filter((n) => !AMBIGUOUS.has(n) && !/[()]/u.test(n));
}

// prettier-ignore
const ARABIC_PLACES = [
  // Short and usual forms of countries and groups of countries.
  'المملكة العربية السعودية', 'السعودية', 'الإمارات', 'دولة الإمارات', 'أمريكا', 'أميركا', 'الولايات المتحدة الأمريكية', 'الولايات المتحدة الأميركية',
  'بريطانيا', 'سورية', 'روسيا الاتحادية', 'كوريا', 'هولندا', 'ميانمار', 'فلسطين المحتلة', 'سلطنة عمان', 'دولة قطر', 'دولة الكويت',
  'مملكة البحرين', 'جمهورية مصر العربية', 'تشاد', 'أوروبا', 'آسيا', 'أفريقيا', 'إفريقيا', 'أمريكا اللاتينية', 'أمريكا الجنوبية', 'أمريكا الشمالية',
  'الشرق الأوسط', 'الجزيرة العربية', 'شبه الجزيرة العربية', 'الخليج العربي', 'شمال أفريقيا', 'المغرب العربي', 'بلاد الشام', 'الشام', 'القرن الأفريقي', 'البلقان', 'القوقاز',
  'البحر الأحمر', 'البحر الأبيض المتوسط', 'البحر المتوسط', 'المحيط الهندي', 'المحيط الأطلسي', 'الخليج العربي', 'بحر العرب',
  'قناة السويس', 'نهر النيل', 'النيل', 'الفرات', 'دجلة', 'سيناء', 'غزة', 'قطاع غزة', 'الضفة الغربية', 'الجولان', 'كردستان', 'دارفور',
  // Saudi regions, cities and governorates.
  'الرياض', 'مكة المكرمة', 'مكة', 'المدينة المنورة', 'القصيم', 'المنطقة الشرقية', 'عسير', 'تبوك', 'حائل', 'الحدود الشمالية',
  'جازان', 'جيزان', 'نجران', 'الباحة', 'الجوف', 'جدة', 'الدمام', 'الخبر', 'الظهران', 'الطائف', 'أبها', 'خميس مشيط', 'بريدة', 'عنيزة',
  'الرس', 'الأحساء', 'الهفوف', 'المبرز', 'القطيف', 'الجبيل', 'ينبع', 'رابغ', 'الخرج', 'الدوادمي', 'المجمعة', 'الزلفي', 'شقراء',
  'عرعر', 'سكاكا', 'رفحاء', 'طريف', 'القريات', 'حفر الباطن', 'الخفجي', 'النعيرية', 'بيشة', 'محايل عسير', 'النماص', 'سراة عبيدة',
  'ظهران الجنوب', 'شرورة', 'صامطة', 'صبيا', 'أبو عريش', 'الليث', 'القنفذة', 'العلا', 'ضباء', 'تيماء', 'الوجه', 'أملج',
  'الدرعية', 'وادي الدواسر', 'الأفلاج', 'عفيف', 'القويعية', 'حوطة بني تميم', 'المزاحمية', 'رماح', 'ثادق', 'حريملاء',
  'المخواة', 'بلجرشي', 'تربة', 'رنية', 'الخرمة', 'خليص', 'الجموم', 'بحرة', 'عرفات', 'مزدلفة', 'الحرم المكي',
  'المسجد الحرام', 'المسجد النبوي', 'الحرم النبوي', 'الوديعة', 'منفذ الوديعة', 'منفذ الطوال', 'جسر الملك فهد',
  // Arab capitals and large cities.
  'القاهرة', 'الإسكندرية', 'الجيزة', 'أسوان', 'الأقصر', 'بورسعيد', 'السويس', 'الإسماعيلية', 'المنصورة', 'طنطا', 'العريش', 'رفح',
  'عمان', 'إربد', 'الزرقاء', 'العقبة', 'دمشق', 'حلب', 'حمص', 'حماة', 'اللاذقية', 'طرطوس', 'إدلب', 'درعا', 'الرقة', 'دير الزور',
  'الحسكة', 'القامشلي', 'الزبداني', 'كوباني', 'عين العرب', 'تدمر', 'بيروت', 'طرابلس', 'صيدا', 'بعلبك', 'عرسال',
  'بغداد', 'البصرة', 'الموصل', 'أربيل', 'كركوك', 'النجف', 'كربلاء', 'الفلوجة', 'الرمادي', 'تكريت', 'سامراء', 'بعقوبة', 'الأنبار',
  'نينوى', 'ديالى', 'السليمانية', 'صنعاء', 'عدن', 'تعز', 'مأرب', 'الحديدة', 'لحج', 'أبين', 'شبوة', 'حضرموت',
  'المكلا', 'صعدة', 'حجة', 'الضالع', 'الجوف اليمنية', 'سيئون', 'ذمار', 'المخا', 'باب المندب', 'الكويت',
  'الدوحة', 'المنامة', 'مسقط', 'صلالة', 'أبوظبي', 'أبو ظبي', 'دبي', 'الشارقة', 'عجمان', 'رأس الخيمة', 'الفجيرة', 
  'الخرطوم', 'أم درمان', 'بورتسودان', 'بنغازي', 'مصراتة', 'سرت', 'درنة', 'تونس العاصمة', 'سوسة', 'صفاقس', 'الجزائر العاصمة',
  'وهران', 'قسنطينة', 'الرباط', 'الدار البيضاء', 'مراكش', 'فاس', 'طنجة', 'نواكشوط', 'مقديشو', 'جيبوتي', 'القدس', 'الخليل', 'نابلس',
  'رام الله', 'جنين', 'بيت لحم', 'أريحا', 'حيفا', 'يافا', 'تل أبيب', 'الناصرة',
  // World capitals and cities of datelines.
  'واشنطن', 'نيويورك', 'لوس أنجلوس', 'شيكاغو', 'هيوستن', 'ميامي', 'سان فرانسيسكو', 'بوسطن', 'لندن', 'مانشستر', 'ليفربول',
  'باريس', 'مرسيليا', 'ليون', 'برلين', 'ميونخ', 'فرانكفورت', 'هامبورغ', 'روما', 'ميلانو', 'مدريد', 'برشلونة', 'لشبونة', 'أثينا',
  'فيينا', 'جنيف', 'زيوريخ', 'لوزان', 'بروكسل', 'أمستردام', 'لاهاي', 'ستوكهولم', 'أوسلو', 'كوبنهاغن', 'هلسنكي', 'وارسو', 'براغ',
  'بودابست', 'بوخارست', 'صوفيا', 'بلغراد', 'كييف', 'موسكو', 'سانت بطرسبرغ', 'أنقرة', 'إسطنبول', 'اسطنبول', 'طهران',
  'كابل', 'كابول', 'إسلام آباد', 'كراتشي', 'لاهور', 'نيودلهي', 'مومباي', 'دكا', 'كولومبو', 'كاتماندو', 'بكين', 'شنغهاي',
  'هونغ كونغ', 'طوكيو', 'سيول', 'بيونغ يانغ', 'مانيلا', 'جاكرتا', 'كوالالمبور', 'بانكوك', 'هانوي', 'سنغافورة', 'سيدني', 'ملبورن',
  'أوتاوا', 'تورنتو', 'مونتريال', 'مكسيكو', 'برازيليا', 'ريو دي جانيرو', 'ساو باولو', 'بوينس آيرس', 'كاراكاس', 'بوغوتا', 'ليما',
  'هافانا', 'نيروبي', 'أديس أبابا', 'لاغوس', 'أبوجا', 'جوهانسبرغ', 'كيب تاون', 'داكار', 'باماكو', 'نجامينا', 'أسمرة', 'كمبالا',
  'القسطنطينية', 'الأندلس', 'قرطبة', 'غرناطة', 'إشبيلية', 'طليطلة', 'سمرقند', 'بخارى', 'نيسابور', 'أصفهان', 'شيراز',
];

// prettier-ignore
const ENGLISH_PLACES = [
  'America', 'Britain', 'Europe', 'Asia', 'Africa', 'Middle East', 'Gulf', 'Latin America', 'Saudi Arabia', 'UAE', 'US', 'U.S.', 'UK',
  'Riyadh', 'Jeddah', 'Mecca', 'Makkah', 'Medina', 'Madinah', 'Dammam', 'Cairo', 'Alexandria', 'Amman', 'Damascus', 'Aleppo', 'Beirut',
  'Baghdad', 'Basra', 'Mosul', 'Sanaa', 'Aden', 'Kuwait City', 'Doha', 'Manama', 'Muscat', 'Abu Dhabi', 'Dubai', 'Khartoum', 'Tripoli',
  'Benghazi', 'Tunis', 'Algiers', 'Rabat', 'Casablanca', 'Jerusalem', 'Gaza', 'West Bank', 'Tel Aviv', 'Washington', 'New York',
  'Los Angeles', 'Chicago', 'Boston', 'London', 'Manchester', 'Liverpool', 'Birmingham', 'Edinburgh', 'Glasgow', 'Cardiff', 'Belfast',
  'Dublin', 'Paris', 'Berlin', 'Munich', 'Frankfurt', 'Rome', 'Milan', 'Madrid', 'Barcelona', 'Lisbon', 'Athens', 'Vienna', 'Geneva',
  'Zurich', 'Brussels', 'Amsterdam', 'The Hague', 'Stockholm', 'Oslo', 'Copenhagen', 'Helsinki', 'Warsaw', 'Prague', 'Budapest',
  'Moscow', 'Kiev', 'Ankara', 'Istanbul', 'Tehran', 'Kabul', 'Islamabad', 'Karachi', 'New Delhi', 'Delhi', 'Mumbai', 'Beijing',
  'Shanghai', 'Hong Kong', 'Tokyo', 'Seoul', 'Manila', 'Jakarta', 'Bangkok', 'Singapore', 'Sydney', 'Melbourne', 'Ottawa', 'Toronto',
  'Mexico City', 'Brasilia', 'Rio de Janeiro', 'Buenos Aires', 'Nairobi', 'Lagos', 'Johannesburg', 'Cape Town', 'England', 'Scotland',
  'Wales', 'Northern Ireland', 'California', 'Texas', 'Florida', 'Europe', 'Iraq', 'Syria', 'Iran', 'Russia', 'Palestine',
];

export const ARABIC_PLACE_NAMES: readonly string[] = [...countryNames(arabicCountries.countries), ...ARABIC_PLACES];
export const ENGLISH_PLACE_NAMES: readonly string[] = [...countryNames(englishCountries.countries), ...ENGLISH_PLACES];

/** Directions that make a region of the place after them (شمال فرنسا, جنوب لبنان). */
export const DIRECTIONS: readonly string[] = ['شمال', 'جنوب', 'شرق', 'غرب', 'وسط', 'شمالي', 'جنوبي', 'شرقي', 'غربي'];

/** Heads that, with the next name, name a place (مدينة نيوم, محافظة الخرج, منطقة الرياض). */
// prettier-ignore
export const PLACE_HEADS: readonly string[] = ['مدينة', 'محافظة', 'منطقة', 'بلدة', 'قرية', 'ولاية', 'إقليم', 'مقاطعة', 'جزيرة', 'مخيم', 'ميناء', 'مطار'];

/**
 * One country under its long and short names, the usual name first. News
 * writes both in one story (المملكة العربية السعودية in the lede, السعودية
 * after it; one outlet each): keyed alike they are one place in the ledger
 * and the library's lists. عمان stays apart: it is also Amman (عمّان).
 */
// prettier-ignore
export const SAME_PLACE: ReadonlyArray<readonly string[]> = [
  ['السعودية', 'المملكة العربية السعودية'],
  ['الإمارات', 'الإمارات العربية المتحدة', 'دولة الإمارات', 'دولة الإمارات العربية المتحدة'],
  ['الولايات المتحدة', 'الولايات المتحدة الأمريكية', 'الولايات المتحدة الأميركية', 'أمريكا', 'أميركا'],
  ['مصر', 'جمهورية مصر العربية'], ['قطر', 'دولة قطر'], ['الكويت', 'دولة الكويت'], ['البحرين', 'مملكة البحرين'],
  ['روسيا', 'روسيا الاتحادية'], ['سوريا', 'سورية'], ['بريطانيا', 'المملكة المتحدة'],
  ['United States', 'United States of America', 'US', 'U.S.', 'USA'], ['United Kingdom', 'UK', 'Britain', 'Great Britain'],
];
