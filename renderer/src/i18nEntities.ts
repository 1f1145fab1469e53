/**
 * The words of the entity index and the charts, in both languages, kept apart
 * from the workbench's so each table stays readable.
 */
import type { EntityCount } from '../../preload/contract';
import { useI18n, type UiLang } from './i18n';

type Kind = EntityCount['kind'];
export type TimeUnit = 'auto' | 'day' | 'week' | 'month';

export interface EntityWords {
  names: string;
  kinds: Record<Kind, string>;
  /** One of a kind, for the entity page's kicker. */
  kindOne: Record<Kind, string>;
  browse: Record<Kind, string>;
  more: string;
  none: string;
  filterNames: string;
  indexing: (done: string, total: string) => string;
  articlesNaming: (n: string) => string;
  mentions: (n: string) => string;
  spellings: string;
  written: string;
  related: string;
  itsArticles: string;
  markNames: string;
  namesInArticle: string;
  notYetRead: string;
  legend: string;
  timeline: string;
  outlets: string;
  chartsShow: string;
  chartsHide: string;
  unit: string;
  units: Record<TimeUnit, string>;
  stacked: string;
  smallMultiples: string;
  exportSvg: string;
  exportPng: string;
  brushHint: string;
  /** How the timeline's dates are chosen from the keyboard (its accessible name says it). */
  brushKeys: string;
  dateRange: (from: string, to: string) => string;
  clearDates: string;
  undated: (n: string) => string;
  others: string;
  unknownOutlet: string;
  chartLoadFailed: string;
  articlesAxis: string;
  timelineOf: (what: string) => string;
  outletsOf: (what: string) => string;
  close: string;
}

const en: EntityWords = {
  names: 'Names',
  kinds: { person: 'People', place: 'Places', organisation: 'Organisations' },
  kindOne: { person: 'Person', place: 'Place', organisation: 'Organisation' },
  browse: { person: 'Browse people', place: 'Browse places', organisation: 'Browse organisations' },
  more: 'More…',
  none: 'No names yet.',
  filterNames: 'Filter names',
  indexing: (done, total) => `Reading names: ${done} of ${total} articles`,
  articlesNaming: (n) => `${n} articles`,
  mentions: (n) => `${n} mentions`,
  spellings: 'Names given',
  written: 'As written',
  related: 'Named with',
  itsArticles: 'Its articles are listed beside this page.',
  markNames: 'Mark names',
  namesInArticle: 'Names in this article',
  notYetRead: 'This article is not read for names yet.',
  legend: 'Legend',
  timeline: 'Timeline',
  outlets: 'Outlets',
  chartsShow: 'Show charts',
  chartsHide: 'Hide charts',
  unit: 'Per',
  units: { auto: 'Auto', day: 'Day', week: 'Week', month: 'Month' },
  stacked: 'Stacked',
  smallMultiples: 'Per outlet',
  exportSvg: 'Save SVG',
  exportPng: 'Save PNG',
  brushHint: 'Drag across the timeline to list only those dates, or focus it and use the arrow keys.',
  brushKeys: 'Arrow keys move the chosen dates, Shift with an arrow changes their end, Escape clears them.',
  dateRange: (from, to) => `Dates: ${from} – ${to}`,
  clearDates: 'Clear dates',
  undated: (n) => `${n} without a day`,
  others: 'Others',
  unknownOutlet: 'Unknown outlet',
  chartLoadFailed: 'The chart could not be drawn',
  articlesAxis: 'Articles',
  timelineOf: (what) => `Articles over time: ${what}`,
  outletsOf: (what) => `Articles by outlet: ${what}`,
  close: 'Close',
};

const ar: EntityWords = {
  names: 'الأسماء',
  kinds: { person: 'الأشخاص', place: 'الأماكن', organisation: 'الهيئات' },
  kindOne: { person: 'شخص', place: 'مكان', organisation: 'هيئة' },
  browse: { person: 'تصفّح الأشخاص', place: 'تصفّح الأماكن', organisation: 'تصفّح الهيئات' },
  more: 'المزيد…',
  none: 'لا أسماء بعد.',
  filterNames: 'تصفية الأسماء',
  indexing: (done, total) => `قراءة الأسماء: ${done} من ${total} مقالًا`,
  articlesNaming: (n) => `${n} مقال`,
  mentions: (n) => `${n} ذكر`,
  spellings: 'الأسماء المعطاة',
  written: 'كما كُتب',
  related: 'يُذكر مع',
  itsArticles: 'مقالاته في القائمة بجانب هذه الصفحة.',
  markNames: 'تمييز الأسماء',
  namesInArticle: 'الأسماء في هذا المقال',
  notYetRead: 'لم تُقرأ أسماء هذا المقال بعد.',
  legend: 'المفتاح',
  timeline: 'الخط الزمني',
  outlets: 'المصادر',
  chartsShow: 'إظهار الرسوم',
  chartsHide: 'إخفاء الرسوم',
  unit: 'لكل',
  units: { auto: 'تلقائي', day: 'يوم', week: 'أسبوع', month: 'شهر' },
  stacked: 'مكدّس',
  smallMultiples: 'لكل مصدر',
  exportSvg: 'حفظ SVG',
  exportPng: 'حفظ PNG',
  brushHint: 'اسحب على الخط الزمني لعرض تلك التواريخ فقط، أو انتقل إليه واستعمل مفاتيح الأسهم.',
  brushKeys: 'تنقل مفاتيح الأسهم التواريخ المختارة، ومع Shift تغيّر نهايتها، ويلغيها Escape.',
  dateRange: (from, to) => `التواريخ: ${from} – ${to}`,
  clearDates: 'إلغاء التواريخ',
  undated: (n) => `${n} بلا يوم`,
  others: 'أخرى',
  unknownOutlet: 'مصدر غير معروف',
  chartLoadFailed: 'تعذّر رسم المخطط',
  articlesAxis: 'المقالات',
  timelineOf: (what) => `المقالات عبر الزمن: ${what}`,
  outletsOf: (what) => `المقالات حسب المصدر: ${what}`,
  close: 'إغلاق',
};

export function entityWords(lang: UiLang): EntityWords {
  return lang === 'ar' ? ar : en;
}

export function useEntityWords(): EntityWords {
  return entityWords(useI18n().lang);
}
