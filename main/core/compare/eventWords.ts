/**
 * Word lists that tell what a headline reports (events.ts): who acts, what
 * kind of act it is, and whether it is a recurring report. Written as the
 * papers write them and compiled to the analyzer's exact keys, so "ويستنكر"
 * and "يستنكر", "الأمريكي" and "الأميركي" match alike.
 */
import { analyze } from '../text/analyze';

function exactKeys(words: readonly string[]): string[] {
  return words.flatMap((w) => analyze(w).map((t) => t.exact));
}

function keySet(words: readonly string[]): ReadonlySet<string> {
  return new Set(exactKeys(words));
}

/** What a headline's act is. Two headlines of different kinds are two events (a death and the directive after it). */
export const EventKind = {
  None: 0,
  Meeting: 1,
  Call: 2,
  Condemnation: 3,
  Condolence: 4,
  Directive: 5,
  Incident: 6,
  Execution: 7,
  Arrival: 8,
  Departure: 9,
  Visit: 10,
  Congratulation: 11,
  Statement: 12,
  Arrest: 13,
} as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];

// prettier-ignore
const KIND_WORDS: ReadonlyArray<readonly [EventKind, readonly string[]]> = [
  [EventKind.Meeting, ['يستقبل', 'تستقبل', 'استقبل', 'استقبال', 'يلتقي', 'تلتقي', 'التقى', 'يجتمع', 'اجتمع', 'يستقبلان', 'يلتقيان', 'يجتمعان', 'اجتماعا', 'اجتماعاً', 'اجتماعًا']],
  [EventKind.Call, ['اتصالا', 'اتصالاً', 'اتصال', 'اتصالات', 'اتصالين', 'يهاتف', 'هاتف', 'اتصالًا']],
  [EventKind.Condemnation, ['يدين', 'تدين', 'يدينون', 'تدينان', 'يدينان', 'إدانة', 'إدانات', 'يستنكر', 'تستنكر', 'يستنكرون', 'تستنكران', 'يستنكران', 'استنكار', 'يشجب', 'تشجب', 'شجب', 'يندد', 'تندد', 'condemns', 'condemn', 'condemned']],
  [EventKind.Condolence, ['يعزي', 'تعزي', 'يعزيان', 'تعازي', 'التعازي', 'تعزية', 'يواسي', 'يعزّي', 'condolences']],
  [EventKind.Directive, ['يوجه', 'يوجّه', 'وجه', 'يأمر', 'أمر', 'يصدر']],
  [EventKind.Incident, ['استشهاد', 'استشهد', 'يستشهد', 'مقتل', 'وفاة', 'مصرع', 'تفجير', 'انفجار', 'هجوم', 'killed', 'dies', 'died', 'blast', 'attack']],
  [EventKind.Execution, ['تعزيرا', 'التعزير', 'تعزيراً', 'القصاص', 'قصاص', 'إعدام', 'يعدم', 'executed', 'execution']],
  [EventKind.Arrival, ['يصل', 'تصل', 'وصول', 'يصلون', 'تهبط', 'يهبط', 'هبوط', 'arrives']],
  [EventKind.Departure, ['يغادر', 'تغادر', 'مغادرة', 'leaves']],
  [EventKind.Visit, ['يزور', 'تزور', 'يتفقد', 'تتفقد', 'يقف', 'visits']],
  [EventKind.Congratulation, ['يهنئ', 'تهنئ', 'يهنئان', 'تهنئة', 'يهنئون', 'congratulates']],
  [EventKind.Statement, ['بيان', 'إعلان', 'statement', 'declaration']],
  [EventKind.Arrest, ['ضبط', 'تضبط', 'يضبط', 'القبض', 'الإطاحة', 'تطيح', 'يطيح', 'اعتقال', 'تعتقل', 'يعتقل']],
];

export const KIND_OF: ReadonlyMap<string, EventKind> = new Map(
  KIND_WORDS.flatMap(([kind, words]) => exactKeys(words).map((k) => [k, kind] as const)),
);

/**
 * Verbs that end a headline's subject ("الكويت تدين ...", "وزارة الحج تستعد
 * ..."): the commonest acts of news headlines; a word beginning with ي of
 * four letters or more counts as a verb too. Nouns of the kinds above
 * (استشهاد, تعازي) do not end a subject.
 */
// prettier-ignore
export const SUBJECT_VERBS: ReadonlySet<string> = keySet([
  'تستقبل', 'تلتقي', 'تدين', 'تدينان', 'تستنكر', 'تستنكران', 'تشجب', 'تندد', 'تعزي', 'تصل', 'يصل', 'تغادر', 'تزور', 'تتفقد', 'تهنئ',
  'بحث', 'استقبل', 'التقى', 'وجه', 'ناقش', 'أكد', 'شدد', 'أعلن', 'هاتف',
  'تؤكد', 'تعلن', 'تكشف', 'تبحث', 'تطالب', 'ترفض', 'تستعد', 'تحذر', 'تنفي', 'تدعو', 'توافق', 'تقر', 'تشيد', 'ترحب', 'تطلق', 'تدشن',
  'تبدأ', 'تنظم', 'تتفقان', 'تبحثان', 'تؤكدان', 'تتفق', 'تحتفل', 'تنهي', 'تشتري', 'تتوقع', 'تمنح', 'تعتمد', 'تتلقى', 'ترأس', 'تستعرض',
  'تغلق', 'ترتفع', 'تتراجع', 'تنخفض', 'تهبط', 'تستقر', 'تقل', 'تكبح',
  'said', 'says', 'meets', 'receives', 'calls', 'urges', 'warns', 'announces',
]);

/** Words between a call verb and the other party ("يتلقى اتصالاً هاتفياً من ..."). */
export const COUNTERPART_FILLERS: ReadonlySet<string> = keySet([
  'يتلقى',
  'تلقى',
  'اتصالا',
  'اتصال',
  'اتصالات',
  'اتصالين',
  'هاتفيا',
  'هاتفي',
  'هاتفية',
  'هاتفيين',
  'من',
  'مع',
  'ب',
  'يجري',
  'أجرى',
  'يبحث',
  'بحث',
  'يستقبل',
  'استقبل',
  'يلتقي',
  'التقى',
  'يجتمع',
  'اجتمع',
  'يهاتف',
  'معالي',
  'فخامة',
  'سمو',
  'with',
  'from',
  'the',
  'يعقد',
  'اجتماعا',
  'ثنائيا',
  'موسعا',
]);

/** Words that open a meeting's or call's other party. */
export const COUNTERPART_VERBS: ReadonlySet<string> = keySet([
  'يستقبل',
  'استقبل',
  'يلتقي',
  'التقى',
  'يجتمع',
  'اجتمع',
  'يتلقى',
  'تلقى',
  'يهاتف',
  'يجري',
  'يبحث',
  'بحث',
  'يستقبلان',
  'يبحثان',
  'meets',
  'receives',
]);

/** Kinds whose headline names the act's object after its word: the other party, the executed, what is ordered. */
export const OBJECT_KINDS: ReadonlySet<EventKind> = new Set([
  EventKind.Meeting,
  EventKind.Call,
  EventKind.Execution,
  EventKind.Directive,
  EventKind.Condolence,
  EventKind.Congratulation,
]);

/** Words that end the other party: a place or a topic follows ("... في جدة", "... لبحث ..."). */
export const COUNTERPART_ENDS: ReadonlySet<string> = keySet([
  'في',
  'على',
  'حول',
  'لبحث',
  'بشأن',
  'عن',
  'in',
  'on',
  'about',
]);

/**
 * The kingdom's leaders under their titles: the King is خادم الحرمين
 * الشريفين, الملك, الملك سلمان, المليك; the Crown Prince, who acts as the
 * King's deputy in his absence, is ولي العهد, نائب خادم الحرمين, نائب الملك;
 * the Deputy Crown Prince ولي ولي العهد. One person's titles are one actor.
 */
// prettier-ignore
const ROYAL_TITLES: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['خادم الحرمين الشريفين', 'خادم الحرمين', 'الملك', 'الملك سلمان', 'المليك', 'العاهل السعودي', 'الملك سلمان بن عبدالعزيز']],
  [2, ['ولي العهد', 'نائب خادم الحرمين الشريفين', 'نائب خادم الحرمين', 'نائب الملك', 'نائب المليك', 'الأمير محمد بن نايف', 'ولي العهد السعودي']],
  [3, ['ولي ولي العهد', 'الأمير محمد بن سلمان', 'ولي ولي العهد السعودي']],
];

export const ROYAL_PHRASES: ReadonlyArray<{ royal: number; keys: string[] }> = ROYAL_TITLES.flatMap(
  ([royal, phrases]) => phrases.map((p) => ({ royal, keys: exactKeys([p]) })),
).sort((a, b) => b.keys.length - a.keys.length);

/** Words that may stand around a leader's title without naming someone else ("صاحب السمو الملكي الأمير ..."). */
export const ROYAL_FILLERS: ReadonlySet<string> = keySet([
  'صاحب',
  'السمو',
  'الملكي',
  'الأمير',
  'سمو',
  'سلمان',
  'بن',
  'عبدالعزيز',
  'عبد',
  'العزيز',
  'آل',
  'سعود',
  'محمد',
  'نايف',
  'السعودي',
  'الشريفين',
]);

/**
 * Headline words of reports that come out every day (weather, markets):
 * each day's is another event, however alike the words.
 */
// prettier-ignore
export const RECURRING_WORDS: ReadonlySet<string> = keySet([
  'الطقس', 'طقس', 'الأرصاد', 'أمطار', 'امطار', 'الحرارة', 'حرارة', 'غبار', 'رياح', 'الأتربة', 'رعدية', 'غائمة', 'سحب',
  'الأسهم', 'أسهم', 'مؤشر', 'تداول', 'برنت', 'النفط', 'نفط', 'البورصة', 'الذهب', 'weather', 'forecast', 'stocks', 'oil', 'brent',
]);

/**
 * Words of a weather forecast in a recurring report's headline or lead ("توقعت الرئاسة العامة للأرصاد ... حالة
 * الطقس لهذا اليوم"): a forecast word and a word of the weather service or the weather. The day's forecast is one
 * report; a dust storm or a downpour seen in one city is another event. Market reports forecast too ("توقعات رفع
 * الفائدة") and are no weather forecast.
 */
// prettier-ignore
export const FORECAST_WORDS: ReadonlySet<string> = keySet([
  'توقعات', 'تتوقع', 'توقعت', 'يتوقع', 'توقع', 'المتوقع', 'متوقعة', 'متوقع', 'forecast', 'forecasts',
]);

export const WEATHER_SERVICE_WORDS: ReadonlySet<string> = keySet(['الأرصاد', 'الطقس', 'طقس', 'weather', 'met']);
