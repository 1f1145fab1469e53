/**
 * Arabic keys: stop words, the unstemmed "exact" key (article and
 * conjunction proclitics stripped, nothing else) and the light stem
 * (light10 family: Larkey, Ballesteros & Connell). All functions take a word
 * already folded by normalizeForMatching.
 *
 * Where light10 and Lucene's ArabicStemmer destroy real words, the guards
 * below are measured on SaudiNewsNet (8.9 M words), not assumed:
 *  - WAW_INITIAL: words that begin with a radical و (وزير, وزارة, واشنطن).
 *    Kept when "ال"+word occurs more often than word-minus-و occurs, or when
 *    word-minus-و never occurs (frequency >= 15).
 *  - AL_INITIAL: words that begin with a radical ال (آلية, ألعاب, إلغاء,
 *    التزام, ألمانيا once the hamza is folded): those that themselves take
 *    the article (الآليات) at least half as often as the remainder occurs.
 *  - LAM_INITIAL: after لل, the word that keeps its own ل (للجنة → لجنة,
 *    لليبيا → ليبيا): the article+ل reading is more frequent than the
 *    article reading, or the article reading never occurs.
 *  - SUFFIX_KEEP: words whose final ان / ين / ون is part of the word, not a
 *    dual or plural ending (سلمان, إيران, لبنان, فلسطين, قانون, تحسين):
 *    for ان and ين the other case form (X+ين, X+ون/X+ان) occurs in under 2%
 *    of the word's occurrences; for ون also the bare X and X+ه (verbs such
 *    as يعملون keep their stripping because يعمل is frequent), under 10%.
 *    Frequency >= 20 as an exact key; كانون (كان is a verb) and بوتين
 *    (بوتان is butane) added by hand.
 * How the lists were derived is in README.md ("Decisions and measurements").
 */
import { normalizeForMatching } from '../../../common/text/normalize';
import { PREPOSITION_KEEP, PREPOSITION_TARGETS } from './prepositions';
import { foldVariants } from './variants';

function folded(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map((w) => normalizeForMatching(w)));
}

/** Words starting with a radical و: a leading و here is not the conjunction. */
// prettier-ignore
const WAW_INITIAL: ReadonlySet<string> = new Set([
  'واتس', 'واتساب', 'واتفورد', 'واثقا', 'واثقه', 'واثقون', 'واجب', 'واجبا', 'واجبات', 'واجباته',
  'واجبه', 'واجبها', 'واجبهم', 'واجه', 'واجهات', 'واجهت', 'واجهته', 'واجهتها', 'واجهه', 'واجهها',
  'واحات', 'واحتنا', 'واحده', 'واحه', 'وارد', 'واردات', 'وارده', 'وارسو', 'وارن', 'وارنر',
  'وازع', 'واسط', 'واسطه', 'واسع', 'واسعا', 'واسعه', 'واشنطن', 'واصفا', 'واصلت', 'واضح',
  'واضحا', 'واضحه', 'واضعا', 'واعده', 'واعظ', 'واعي', 'واعيه', 'وافته', 'وافد', 'وافدا',
  'وافده', 'وافدين', 'وافر', 'وافقوا', 'وافيا', 'وافيه', 'واقع', 'واقعا', 'واقعنا', 'واقعه',
  'واقعهم', 'واقعي', 'واقعيا', 'واقعيه', 'واقفا', 'واقفه', 'وانغ', 'واهيه', 'وايل', 'وباء',
  'وتيره', 'وثايق', 'وثايقي', 'وثايقيا', 'وثايقيه', 'وثقت', 'وثيق', 'وثيقا', 'وثيقه', 'وجاهه',
  'وجبات', 'وجبه', 'وجدان', 'وجدانيه', 'وجدوا', 'وجها', 'وجهاء', 'وجهت', 'وجهك', 'وجهنا',
  'وجهها', 'وجهوا', 'وجهي', 'وجود', 'وجودا', 'وجودك', 'وجودنا', 'وجودهم', 'وجوديه', 'وجوه',
  'وجوههم', 'وحدات', 'وحداتها', 'وحداتهم', 'وحدتنا', 'وحده', 'وحدهم', 'وحشي', 'وحشيه', 'وحيد',
  'وحيدا', 'وحيده', 'وداع', 'وداعا', 'وداعه', 'ودايع', 'وديات', 'ودياته', 'وديتين', 'وديع',
  'وديه', 'وراء', 'وراءه', 'وراءها', 'وراءهم', 'وراثيا', 'وراثيه', 'ورثه', 'وردزورث', 'ورديه',
  'ورشه', 'ورطه', 'ورقيه', 'وريديه', 'وزارات', 'وزارتا', 'وزارتي', 'وزاره', 'وزاري', 'وزاريه',
  'وزراء', 'وزعت', 'وزنها', 'وزير', 'وزيرا', 'وزيره', 'وزيري', 'وساطه', 'وسايط', 'وسايل',
  'وستهام', 'وسطاء', 'وسطه', 'وسطها', 'وسطي', 'وسطيه', 'وسعها', 'وسيط', 'وسيطا', 'وسيله',
  'وسيم', 'وشيكه', 'وصافه', 'وصايه', 'وصلا', 'وصلتني', 'وصلنا', 'وصلها', 'وصول', 'وصولا',
  'وصولنا', 'وصولها', 'وصولهم', 'وصيه', 'وضعا', 'وضعت', 'وضعته', 'وضعتها', 'وضعنا', 'وضعها',
  'وضعهم', 'وضعيه', 'وضوح', 'وضوحا', 'وطنك', 'وطننا', 'وطنه', 'وطنها', 'وطنهم', 'وطني',
  'وطنيا', 'وطنيه', 'وطيده', 'وظايف', 'وظايفها', 'وظايفهم', 'وظفت', 'وظيفتك', 'وظيفته', 'وظيفتها',
  'وظيفه', 'وظيفي', 'وظيفيا', 'وظيفيه', 'وعاء', 'وفاء', 'وفاه', 'وفرته', 'وفره', 'وفقهم',
  'وفود', 'وقايع', 'وقايه', 'وقايي', 'وقاييه', 'وقتك', 'وقتنا', 'وقتهم', 'وقتي', 'وقتيه',
  'وقعا', 'وقعت', 'وقعته', 'وقعتها', 'وقعه', 'وقعها', 'وقعوا', 'وقفات', 'وقفت', 'وقفه',
  'وقود', 'وقودا', 'وقوع', 'وقوعه', 'وقوعها', 'وقوف', 'وقوفه', 'وقوفها', 'وقوفهم', 'وكالات',
  'وكاله', 'وكلاء', 'وكيل', 'ولاء', 'ولاءها', 'ولادته', 'ولاده', 'ولاه', 'ولايات', 'ولايته',
  'ولايه', 'ولدت', 'ولده', 'ولدوا', 'ولمرت', 'وليد', 'وليده', 'وليم', 'وليمه', 'ومضه',
  'ونيف', 'وهبه', 'وهبها', 'وهمي', 'وهميه', 'ووتش', 'ويتشيتا', 'ويستهام', 'ويكيليكس', 'ويلات',
  'ويلسون', 'ويلشير', 'ويليام', 'ويليامز', 'ويمبلدون', 'ويمبلي',
]);

/** Words starting with a radical ال (written أل/آل/إل or with the hamza omitted). */
// prettier-ignore
const AL_INITIAL: ReadonlySet<string> = new Set([
  'الاسكا', 'الاعيب', 'الاف', 'الباني', 'البانيا', 'البانيه', 'البسه', 'البوم', 'البومات', 'التباس',
  'التحاق', 'التحام', 'التزام', 'التزامات', 'التصاق', 'التفات', 'التفاف', 'التقاء', 'التقاط', 'التهاب',
  'التهابات', 'الزام', 'الزامي', 'الزاميه', 'العاب', 'الغاء', 'الغام', 'الفاظ', 'الفه', 'القاب',
  'الكتروني', 'الكترونيات', 'الكترونيه', 'اللهم', 'الماس', 'المام', 'المان', 'الماني', 'المانيا', 'المانيه',
  'المنيوم', 'الهه', 'الهيه', 'الواح', 'الوف', 'الومنيوم', 'الويه', 'اليات', 'الياف', 'اليفه',
  'اليكتروني', 'اليكترونيه', 'اليم', 'اليمه', 'اليه',
]);

/** ل-initial words: after لل the article absorbed only one ل (للجنة = ل + اللجنة). */
// prettier-ignore
const LAM_INITIAL: ReadonlySet<string> = new Set([
  'لابورتا', 'لاجيين', 'لازمه', 'لاعب', 'لاعبه', 'لاعبي', 'لاعبين', 'لاعبيه', 'لايحه', 'لبنان',
  'لبناني', 'لبنانيه', 'لبنانيين', 'لجان', 'لجنه', 'لجوء', 'لحظات', 'لحظه', 'لحمه', 'لحوم',
  'لخويا', 'لعب', 'لعبه', 'لغات', 'لغه', 'لقاء', 'لقاءات', 'لقاحات', 'لقب', 'لندن',
  'لواء', 'لوايح', 'لوبين', 'لوحات', 'لوحه', 'لون', 'لويس', 'لياقه', 'ليبيا', 'ليبيين',
  'ليفربول', 'ليل', 'ليله',
]);

/** Words ending in ان/ين/ون where the ending is not a suffix (measured; see above). */
// prettier-ignore
const SUFFIX_KEEP: ReadonlySet<string> = new Set([
  // Added by hand: بوتين (Putin) fails the measure only because بوتان (butane) exists.
  'بوتين',
  'ابوثنين', 'اتجاهين', 'اتقان', 'اجبان', 'احتضان', 'احتقان', 'احزان', 'احسان', 'احضان', 'احيان',
  'ادريان', 'ادمان', 'اديان', 'ادينسون', 'اذربيجان', 'اذهان', 'ارجنتين', 'اردوغان', 'ارسين', 'اركان',
  'اريين', 'ازمان', 'اسبوعين', 'استبيان', 'استحسان', 'استهجان', 'استون', 'استيطان', 'اسكان', 'اسمهان',
  'اسنان', 'اسوان', 'اسيان', 'اشتون', 'اطمينان', 'اطنان', 'اعلان', 'اعيان', 'افغان', 'افغانستان',
  'افلاطون', 'اكسجين', 'البان', 'الحان', 'المان', 'الوان', 'امازون', 'امتحان', 'امتنان', 'امكان',
  'اميركان', 'اندرسون', 'انسان', 'انسولين', 'اوبراين', 'اوجلان', 'اوزان', 'اوزبكستان', 'اوطان', 'ايبان',
  'ايتمان', 'ايران', 'ايفرتون', 'ايلتون', 'ايمان', 'اينشتاين', 'بابطين', 'باتقان', 'باخشوين', 'بارشين',
  'باستيان', 'باعلان', 'بافغانستان', 'باكستان', 'بامكان', 'باوسون', 'بايران', 'ببيان', 'بتامين', 'بتحسين',
  'بتدشين', 'بتشكيلتين', 'بتعاون', 'بتعيين', 'بتكوين', 'بتمارين', 'بجازان', 'بحرين', 'بديوان', 'براهين',
  'بركان', 'برلمان', 'برلين', 'برهان', 'برودكين', 'بروكلين', 'بريكان', 'بريمان', 'بساتين', 'بستان',
  'بسرطان', 'بشوون', 'بضمان', 'بعمان', 'بعنوان', 'بعيون', 'بفتاتين', 'بفقدان', 'بقانون', 'بقشان',
  'بقوانين', 'بلاتين', 'بلاعبين', 'بلبنان', 'بلجون', 'بلسان', 'بلطان', 'بلوشستان', 'بمجموعتين', 'بمكان',
  'بمكيالين', 'بملايين', 'بمليون', 'بمهرجان', 'بميدان', 'بنتاغون', 'بنجران', 'بنزين', 'بنطلون', 'بنكيران',
  'بنيامين', 'بنيان', 'بنيران', 'بهدفين', 'بيرسون', 'بيوجليتازون', 'بيومين', 'تامين', 'تايوان', 'تباين',
  'تتباين', 'تتزين', 'تتعاون', 'تتقون', 'تتكون', 'تتهاون', 'تثمين', 'تحسين', 'تحصين', 'تخزين',
  'تدخين', 'تدشين', 'تدوين', 'تركمان', 'تركمانستان', 'ترليون', 'تريليون', 'تزيين', 'تستعين', 'تسخين',
  'تشرين', 'تطمين', 'تعاون', 'تعيين', 'تقنين', 'تكوين', 'تلفزيون', 'تلقين', 'تلوين', 'تليفزيون',
  'تمارين', 'تمتين', 'تمرين', 'تمكين', 'تموين', 'تهاون', 'توطين', 'تومسون', 'ثعابين', 'ثعبان',
  'ثلثين', 'ثنيان', 'ثيران', 'جازان', 'جازولين', 'جاكسون', 'جانيين', 'جاهدين', 'جبلين', 'جثامين',
  'جثتين', 'جثمان', 'جدران', 'جرمان', 'جروان', 'جريان', 'جسرين', 'جلستين', 'جمعان', 'جنسين',
  'جهتين', 'جوالين', 'جوردان', 'جوردون', 'جولان', 'جولدمان', 'جوليان', 'جوناثان', 'جونسون', 'جيران',
  'جيرمان', 'جيزان', 'جيسون', 'جيهان', 'حدنان', 'حزيران', 'حسبان', 'حسنين', 'حصتين', 'حلازين',
  'حمدان', 'حميدان', 'حوبان', 'حوثين', 'حوشان', 'حيتان', 'حيوان', 'خراسان', 'خزاين', 'خفقان',
  'خلفان', 'دارميان', 'دارين', 'دقيقتين', 'دواوين', 'دوغان', 'ديدان', 'ديوان', 'رافدين', 'راكان',
  'ربعين', 'ربيان', 'رضاييان', 'رضوان', 'رغدان', 'ركبان', 'رمضان', 'رميان', 'رهاين', 'رواشين',
  'روبيان', 'روتين', 'روزجليتازون', 'رومان', 'ريحان', 'ريغان', 'ريونيون', 'زباين', 'زلاتان', 'زهران',
  'زيدان', 'ساحتين', 'ساكون', 'ساوثمبتون', 'سايلين', 'سايمون', 'ستكون', 'سدحان', 'سرحان', 'سرطان',
  'سرعان', 'سعيدان', 'سفيان', 'سلطان', 'سلمان', 'سلوان', 'سلوتكين', 'سليكون', 'سليمان', 'سمحان',
  'سنكون', 'سودان', 'سوزان', 'سيباستيان', 'سيتعين', 'سيراليون', 'سيكون', 'سيليكون', 'شاهين', 'شجعان',
  'شرايين', 'شريان', 'شريفين', 'شهيدين', 'شوطين', 'شياطين', 'شيراتون', 'شيرمان', 'شيشان', 'شيطان',
  'شيعان', 'صعيدين', 'صفيان', 'صمغان', 'صورتين', 'ضبعان', 'طالبان', 'طغيان', 'طهران', 'طيران',
  'ظهران', 'عابدين', 'عبدان', 'عثمان', 'عجاين', 'عجلان', 'عدنان', 'عدوان', 'عرسان', 'عرفان',
  'عزالدين', 'عسفان', 'عصيان', 'عطيشان', 'عقدين', 'علوان', 'عمران', 'عناوين', 'عنوان', 'عيبان',
  'غارديان', 'غثيان', 'غرفتين', 'غليان', 'فابيان', 'فاتيكان', 'فايران', 'فترتين', 'فرانكلين', 'فرسان',
  'فساتين', 'فستان', 'فستكون', 'فسيكون', 'فقدان', 'فلبين', 'فلسطين', 'فلمبان', 'فنجان', 'فودافون',
  'فيتامين', 'فيحان', 'فيرجسون', 'فيرغسون', 'قانون', 'قبطان', 'قبيلتين', 'قراين', 'قسمين', 'قضبان',
  'قطاعين', 'قطعان', 'قمصان', 'قوانين', 'قوسين', 'كازاخستان', 'كازان', 'كافيين', 'كاميرون', 'كانون',
  'كايدين', 'كايمان', 'كباين', 'كبتاجون', 'كتمان', 'كثبان', 'كراتين', 'كردستان', 'كرملين', 'كريستيان',
  'كلينتون', 'كماين', 'كمواطنين', 'كوربين', 'كوزمين', 'كوكايين', 'لاحتضان', 'لاريونيون', 'لاسبوعين', 'لاسكان',
  'لاعلان', 'لافتين', 'لايران', 'لبنان', 'لبيان', 'لتامين', 'لتحسين', 'لتحصين', 'لتخزين', 'لتدشين',
  'لتكون', 'لتكوين', 'لتمكين', 'لتوطين', 'لسببين', 'لسكان', 'لشخصين', 'لشهرين', 'لشوون', 'لشيون',
  'لضمان', 'لطالبان', 'لطهران', 'لطيران', 'لعامين', 'لغتين', 'لفلسطين', 'لقانون', 'لقوانين', 'لمجموعتين',
  'لمسوولين', 'لمقاتلين', 'لمكان', 'لملايين', 'لمهرجان', 'لموسمين', 'لهيان', 'لودريان', 'لوريان', 'لوزان',
  'لونين', 'ليطمين', 'ليكون', 'ليموزين', 'ليمون', 'مابين', 'ماراثون', 'مارتين', 'ماضيتين', 'ماضيين',
  'متاجرين', 'متبرعين', 'متتاليين', 'متدين', 'متعاون', 'متعهدين', 'متفرجين', 'متقاضين', 'متمنين', 'متناسين',
  'مثمنين', 'مجانين', 'مجنون', 'محاولين', 'محورين', 'محيطين', 'مخالطين', 'مخزون', 'مداين', 'مدخنين',
  'مرتبتين', 'مرتين', 'مرجان', 'مروان', 'مساجين', 'مساكين', 'مستجدين', 'مستعان', 'مستويين', 'مشددين',
  'مشيدين', 'مشيرين', 'مصطحبين', 'مضامين', 'مضمون', 'مضيان', 'مطحون', 'مطمين', 'معبرين', 'معتبرين',
  'معوقين', 'مقبلتين', 'مكاين', 'ملايين', 'مليحان', 'مليون', 'منتسبين', 'مهرجان', 'موازين', 'مودعين',
  'مورجان', 'مورغان', 'موزعين', 'موسسين', 'موضحين', 'موكدين', 'ميادين', 'ميثان', 'ميدان', 'ميزان',
  'ميسان', 'ميشلان', 'ميلان', 'نابليون', 'ناشيين', 'ناطقين', 'نتعاون', 'نجران', 'نسرين', 'نسيان',
  'نشوان', 'نظيفين', 'نعمان', 'نقصان', 'نهيان', 'نيتروجين', 'نيران', 'نيسان', 'نيكسون', 'نيلسون',
  'هاتين', 'هارون', 'هافينغتون', 'هاميلتون', 'هيجان', 'هيروين', 'هيومان', 'وجدان', 'وديتين', 'وطنيين',
  'ويلسون', 'يابان', 'ياسمين', 'ياسين', 'يبحثان', 'يتبين', 'يتعاون', 'يتعين', 'يتكون', 'يتمنون',
  'يتوان', 'يخشون', 'يرقان', 'يسعون', 'يشترون', 'يشتكون', 'يعالون', 'يعانون', 'يعملان', 'يقومان',
  'يكونون', 'يلتقيان', 'يلوستون', 'يمثلان', 'ينتمون', 'يهنيان', 'يومين', 'يونان',
]);

/**
 * Arabic stop words (function words): prepositions, pronouns and pronoun
 * suffixed prepositions, demonstratives, relatives, particles, auxiliaries,
 * and their most frequent و/ف-prefixed forms. Written naturally, folded at
 * load so spelling here does not matter.
 */
// prettier-ignore
export const ARABIC_STOP_WORDS: ReadonlySet<string> = folded([
  'من', 'في', 'عن', 'مع', 'أن', 'إن', 'أنّ', 'لا', 'ما', 'لم', 'لن', 'قد', 'لقد', 'هذا', 'هذه', 'ذلك', 'تلك', 'هذان', 'هاتان',
  'هؤلاء', 'أولئك', 'هو', 'هي', 'هم', 'هما', 'هن', 'أنا', 'نحن', 'أنت', 'أنتم', 'الذي', 'التي', 'الذين', 'اللذان', 'اللتان', 'اللاتي',
  'اللواتي', 'اللذين', 'اللتين', 'كان', 'كانت', 'كانوا', 'يكون', 'تكون', 'كل', 'بعض', 'غير', 'بين', 'أو', 'أم', 'ثم', 'بل', 'لكن',
  'لكنّ', 'كما', 'قبل', 'بعد', 'عند', 'عندما', 'حيث', 'إذا', 'إذ', 'لو', 'لأن', 'منذ', 'خلال', 'ضد', 'نحو', 'حول', 'دون', 'فوق', 'تحت',
  'أي', 'أيّ', 'أيضا', 'فقط', 'جدا', 'هناك', 'هنا', 'ليس', 'ليست', 'به', 'بها', 'بهم', 'بهما', 'له', 'لها', 'لهم', 'لهما', 'لنا', 'لي',
  'فيه', 'فيها', 'فيهم', 'منه', 'منها', 'منهم', 'عليه', 'عليها', 'عليهم', 'إليه', 'إليها', 'إليهم', 'عنه', 'عنها', 'عنهم', 'معه',
  'معها', 'معهم', 'ذات', 'ذو', 'ذي', 'أما', 'إما', 'إلا', 'سوف', 'ضمن', 'عبر', 'مثل', 'تم', 'يتم', 'تمت', 'أنه', 'أنها', 'إنه',
  'إنها', 'أنهم', 'إنهم', 'وهو', 'وهي', 'وهم', 'وقد', 'وفي', 'ومن', 'ولا', 'وما', 'وأن', 'وإن', 'فإن', 'فأن', 'بأن', 'بإن', 'لأنه',
  'وكان', 'وكانت', 'والتي', 'والذي', 'والذين', 'ولم', 'ولن', 'وعن', 'حتى', 'لدى', 'متى', 'وحتى', 'ومع', 'ولكن', 'وكل', 'وبين', 'وبعد', 'وقبل',
  'وهذا', 'وهذه', 'وذلك', 'وتلك', 'وأيضا', 'وتم', 'وليس', 'كذلك', 'وكذلك', 'فيما', 'بينما', 'كيف', 'أين', 'لماذا', 'ماذا',
  'هل', 'يا', 'إذن', 'الآن', 'عدة', 'لذلك', 'لهذا', 'كلا', 'كلتا', 'أحد', 'إحدى', 'عليك', 'أيها', 'التى',
  'و', 'ف', 'ب', 'ل', 'ك', 'لـ', 'بـ', 'وـ',
]);

/**
 * على/علي (Ali) and إلى/آلي (automatic) fold together; they are stop words
 * only when written with a final ى (the preposition's spelling).
 */
const MAKSURA_STOP_WORDS: ReadonlySet<string> = folded(['على', 'إلى', 'الى', 'وعلى', 'وإلى', 'فعلى']);

/** Forms of the divine name: never cut (الله would otherwise lose its ال). */
const ALLAH_FORMS: ReadonlySet<string> = folded([
  'الله',
  'لله',
  'والله',
  'بالله',
  'فالله',
  'تالله',
  'ولله',
  'فلله',
  'وبالله',
]);
const ALLAH = normalizeForMatching('الله');

const ALEF = 0x0627;
const LAM = 0x0644;
const WAW = 0x0648;
const FEH = 0x0641;
const BEH = 0x0628;
const KAF = 0x0643;
const HEH = 0x0647;
const YEH = 0x064a;
const NOON = 0x0646;
const TEH = 0x062a;
const MEEM = 0x0645;

/**
 * Whether norm[p..p+1] is the article ال: it is not when the alef was written
 * with a hamza or madda (أل/آل/إل: آلية, ألمانيا), per hamzaMask bit p, nor
 * when the word is a measured radical-ال word.
 */
function articleAt(norm: string, p: number, hamzaMask: number): boolean {
  if (norm.charCodeAt(p) !== ALEF || norm.charCodeAt(p + 1) !== LAM) return false;
  if (p < 31 && (hamzaMask & (1 << p)) !== 0) return false;
  if (norm.length - (p + 2) < 2) return false;
  return !AL_INITIAL.has(p === 0 ? norm : norm.slice(p));
}

/** After لل: the word keeps its own ل when measured so (للجنة → لجنه). */
function afterLamLam(norm: string, p: number): string {
  const rest = norm.slice(p + 2);
  const withLam = norm.slice(p + 1);
  return LAM_INITIAL.has(withLam) ? withLam : rest;
}

/**
 * Strips the article and conjunction proclitics only: ال, وال, فال, بال,
 * كال, وبال, فبال, وكال, لل, ولل, فلل, and a bare conjunction و (when at
 * least three letters remain and the word is not a radical-و word).
 * الكاظمي, والكاظمي → كاظمي; وزير stays; واشنطن stays.
 * hamzaMask: bit k set when norm[k] was written أ/إ/آ in the original.
 */
export function stripProclitics(norm: string, hamzaMask = 0): string {
  const n = norm.length;
  if (n < 3) return norm;
  if (ALLAH_FORMS.has(norm)) return ALLAH;
  const c0 = norm.charCodeAt(0);
  // ال
  if (c0 === ALEF) return articleAt(norm, 0, hamzaMask) ? norm.slice(2) : norm;
  if (c0 === LAM) {
    // لل (ل + ال with the alef dropped); not لله (handled above).
    if (norm.charCodeAt(1) === LAM && n >= 4) return afterLamLam(norm, 0);
    return norm;
  }
  if (c0 === WAW || c0 === FEH || c0 === BEH || c0 === KAF) {
    // وال فال بال كال
    if (articleAt(norm, 1, hamzaMask)) return norm.slice(3);
    if (c0 === WAW || c0 === FEH) {
      const c1 = norm.charCodeAt(1);
      // وبال فبال وكال
      if ((c1 === BEH || c1 === KAF) && articleAt(norm, 2, hamzaMask)) return norm.slice(4);
      // ولل فلل
      if (c1 === LAM && norm.charCodeAt(2) === LAM && n >= 5) return afterLamLam(norm, 1);
    }
    // Bare conjunction و: light10 strips it when >= 3 letters remain.
    if (c0 === WAW && n >= 4 && !WAW_INITIAL.has(norm)) {
      const rest = norm.slice(1);
      // ووزير: the conjunction before a radical-و word.
      return rest;
    }
  }
  return norm;
}

/**
 * Strips a bare preposition ل / ب / ك written on a word without the article
 * (لواشنطن, ببغداد, لوكالة), which light10 leaves in place: only before a
 * word the dictionary lets that letter precede (PREPOSITION_TARGETS: nouns
 * take all three, imperfect verbs ل only, so كيري stays whole) and not when
 * the whole form is a word of its own (PREPOSITION_KEEP: لبنان, بيان, لجان).
 * `word` has its article and conjunction stripped already; the result is
 * variant-folded (a key).
 */
export function stripPreposition(word: string): string {
  if (word.length < 4) return foldVariants(word);
  const c0 = word.charCodeAt(0);
  if (c0 !== LAM && c0 !== BEH && c0 !== KAF) return foldVariants(word);
  const rest = foldVariants(word.slice(1));
  const letter = word.charAt(0);
  const letters = PREPOSITION_TARGETS.get(rest);
  if (letters !== undefined) {
    return letters.includes(letter) && !PREPOSITION_KEEP.has(foldVariants(word)) ? rest : foldVariants(word);
  }
  const base = pronounBase(rest);
  return base !== null &&
    PREPOSITION_TARGETS.get(base)?.includes(letter) === true &&
    !PREPOSITION_KEEP.has(letter + base) &&
    !PREPOSITION_KEEP.has(foldVariants(word))
    ? rest
    : foldVariants(word);
}

/** Possessive and object pronouns, longest first (folded: ة before them is written ت). */
const PRONOUN_SUFFIXES = ['هما', 'كما', 'هم', 'هن', 'ها', 'كم', 'كن', 'نا', 'ه', 'ك'];

/**
 * The listed word a pronoun is written on (تسليمها → تسليم, حكومته → حكومه), or null. The lists hold
 * few such forms: they are rare in the corpora that choose them.
 */
function pronounBase(rest: string): string | null {
  // Every suffix ends in ه ا م ن or ك: other words are done with one comparison (this runs per ب/ل/ك word).
  const last = rest.charCodeAt(rest.length - 1);
  if (last !== HEH && last !== ALEF && last !== MEEM && last !== NOON && last !== KAF) return null;
  for (const suffix of PRONOUN_SUFFIXES) {
    if (rest.length - suffix.length < 3 || !rest.endsWith(suffix)) continue;
    const base = rest.slice(0, rest.length - suffix.length);
    if (PREPOSITION_TARGETS.has(base)) return base;
    if (base.charCodeAt(base.length - 1) === TEH) {
      const marbuta = `${base.slice(0, -1)}ه`;
      if (PREPOSITION_TARGETS.has(marbuta)) return marbuta;
    }
  }
  return null;
}

/**
 * light10 suffixes after folding (ة→ه so ية is يه): ها ان ات ون ين يه ه ي,
 * each tried once in this order. Guard: a stem keeps at least 3 letters, so
 * حسين, علي and three-letter roots are not cut (Lucene allows 2).
 */
export const MIN_STEM = 3;

function endsWith2(w: string, n: number, a: number, b: number): boolean {
  return w.charCodeAt(n - 2) === a && w.charCodeAt(n - 1) === b;
}

/** True when word[0, n) ends in a two-letter ending that belongs to the word (سلمان, قانون). */
function keepsEnding(word: string, n: number): boolean {
  return SUFFIX_KEEP.has(n === word.length ? word : word.slice(0, n));
}

/** Removes light10 suffixes from an exact key. */
export function stripSuffixes(word: string): string {
  let n = word.length;
  if (n <= MIN_STEM) return word;
  // ها
  if (n - 2 >= MIN_STEM && endsWith2(word, n, HEH, ALEF)) n -= 2;
  // ان (dual), ات (feminine plural), ون / ين (masculine plural, oblique dual)
  if (n - 2 >= MIN_STEM && endsWith2(word, n, ALEF, NOON) && !keepsEnding(word, n)) n -= 2;
  if (n - 2 >= MIN_STEM && endsWith2(word, n, ALEF, TEH)) n -= 2;
  if (n - 2 >= MIN_STEM && endsWith2(word, n, WAW, NOON) && !keepsEnding(word, n)) n -= 2;
  if (n - 2 >= MIN_STEM && endsWith2(word, n, YEH, NOON) && !keepsEnding(word, n)) n -= 2;
  // يه (ية)
  if (n - 2 >= MIN_STEM && endsWith2(word, n, YEH, HEH)) n -= 2;
  // ه (ة)
  if (n - 1 >= MIN_STEM && word.charCodeAt(n - 1) === HEH) n -= 1;
  // ي
  if (n - 1 >= MIN_STEM && word.charCodeAt(n - 1) === YEH) n -= 1;
  return n === word.length ? word : word.slice(0, n);
}

export interface ArabicKeys {
  /** Unstemmed key: proclitics stripped, spelling variants folded. Names match on it. */
  exact: string;
  /** Light stem of the exact key. */
  stem: string;
  stop: boolean;
}

/** Hints about the original spelling that the fold erases (see arabicKeys). */
export const HINT_HAMZA_MASK = 0xf; // bits 0-3: letter k was أ/إ/آ
export const HINT_FINAL_MAKSURA = 0x100; // the word ended in ى
export const HINT_FINAL_TEH_MARBUTA = 0x200; // the word ended in ة

/**
 * Stop words that collide with content words once ة is folded to ه:
 * إليه (to him) and آلية (mechanism) both fold to اليه.
 */
const TEH_MARBUTA_COLLISIONS: ReadonlySet<string> = folded(['إليه']);

/** Word classes for the one-lookup test in arabicKeysInto. */
const W_STOP = 1; // stop word
const W_MAKSURA = 2; // stop word only when written with final ى
const W_TEH_MARBUTA = 4; // not a stop word when written with final ة
const W_ALLAH = 8; // a form of the divine name

function buildWordClasses(): ReadonlyMap<string, number> {
  const m = new Map<string, number>();
  const add = (words: ReadonlySet<string>, flag: number): void => {
    for (const w of words) m.set(w, (m.get(w) ?? 0) | flag);
  };
  add(ARABIC_STOP_WORDS, W_STOP);
  add(MAKSURA_STOP_WORDS, W_MAKSURA);
  add(TEH_MARBUTA_COLLISIONS, W_TEH_MARBUTA);
  add(ALLAH_FORMS, W_ALLAH);
  return m;
}

/** One Map lookup per word instead of four Set lookups (hot path). */
const WORD_CLASS = buildWordClasses();

/** Target of arabicKeysInto: any object with the three key fields. */
export interface KeyTarget {
  exact: string;
  stem: string;
  stop: boolean;
}

/**
 * Writes the keys of a folded Arabic word into `target` (the analyzer's own
 * token object, so no intermediate object is allocated per word).
 */
export function arabicKeysInto(target: KeyTarget, norm: string, hints: number): void {
  const cls = WORD_CLASS.get(norm);
  if (cls !== undefined) {
    let stop = false;
    if ((cls & W_MAKSURA) !== 0) stop = (hints & HINT_FINAL_MAKSURA) !== 0;
    else if ((cls & W_STOP) !== 0) stop = !((cls & W_TEH_MARBUTA) !== 0 && (hints & HINT_FINAL_TEH_MARBUTA) !== 0);
    if (stop) {
      target.exact = norm;
      target.stem = norm;
      target.stop = true;
      return;
    }
  }
  const stripped = stripProclitics(norm, hints & HINT_HAMZA_MASK);
  if (stripped !== norm) {
    const cls2 = WORD_CLASS.get(stripped);
    if (cls2 !== undefined && (cls2 & W_STOP) !== 0) {
      target.exact = stripped;
      target.stem = stripped;
      target.stop = true;
      return;
    }
  }
  if (stripped === ALLAH) {
    target.exact = ALLAH;
    target.stem = ALLAH;
    target.stop = false;
    return;
  }
  const exact = stripPreposition(stripped);
  target.exact = exact;
  target.stem = stripSuffixes(exact);
  target.stop = false;
}

/**
 * Keys of a folded Arabic word. `hints` carries what the fold erased
 * (HINT_* bits). Without hints a word is treated as written with ى and
 * without ة or hamza, i.e. the stop-word reading wins.
 */
export function arabicKeys(norm: string, hints = HINT_FINAL_MAKSURA): ArabicKeys {
  const out: ArabicKeys = { exact: norm, stem: norm, stop: false };
  arabicKeysInto(out, norm, hints);
  return out;
}

/**
 * Reference light stemmer in the shape of Lucene's ArabicStemmer (one prefix
 * from ال وال بال كال فال لل و, then the suffix list), with our guards. Used
 * to compare against Lucene's published expectations.
 */
export function lightStem(norm: string, hamzaMask = 0): string {
  return stripSuffixes(stripProclitics(norm, hamzaMask));
}
