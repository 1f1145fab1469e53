/** The search header's words: counts, how a query was read, hints, sorting, facets, dates. */
import type { FacetKind, QueryHint, QueryReadingVia, SearchSort } from '../../preload/contract';
import { useI18n, type UiLang } from './i18n';
import { arCount, type Plural } from './i18nPlural';

export interface SearchWords {
  /** "12 articles match" (the number already formatted). */
  matching: Plural;
  readAs: string;
  /** Between the ways one word matches. */
  listSep: string;
  /** Quotation marks around a word of the query. */
  quotes: [string, string];
  via: Record<QueryReadingVia, (keys: readonly string[]) => string>;
  ignoredWords: (words: string) => string;
  /** Before the other-script spellings a query word also searched ("Also matched"). */
  alsoMatched: string;
  /** Between those spellings and the word as typed: "كاظمي for Kadhimi". */
  spellingFor: string;
  /** Says how: the names across scripts. */
  viaTransliteration: string;
  hints: Record<QueryHint['kind'], (text: string) => string>;
  sortLabel: string;
  sorts: Record<SearchSort, string>;
  facetsLabel: string;
  facetKinds: Record<FacetKind, string>;
  undated: string;
  unknown: string;
  moreValues: string;
  filtersLabel: string;
  removeFilter: (kind: string, value: string) => string;
  dateFrom: string;
  dateTo: string;
  datePlaceholder: string;
  dateInvalid: string;
  dateHijri: (hijri: string, gregorian: string) => string;
  clearAll: string;
  emptyTitle: string;
  emptyTips: string[];
  showFacets: string;
}

const en: SearchWords = {
  matching: (n, count) => (count === 1 ? `${n} article matches` : `${n} articles match`),
  readAs: 'Read as',
  listSep: ', ',
  quotes: ['“', '”'],
  via: {
    spelling: () => 'any spelling',
    stem: (keys) => `words of the stem ${keys.join(', ')}`,
    phrase: () => 'this exact phrase',
    prefix: () => 'words starting so',
    fuzzy: (keys) => (keys.length > 0 ? `near spellings: ${keys.join(', ')}` : 'near spellings (none found)'),
    language: () => 'language',
    excluded: () => 'excluded',
  },
  ignoredWords: (words) => `Left out as common words: ${words}`,
  alsoMatched: 'Also matched',
  spellingFor: 'for',
  viaTransliteration: '(the same name in the other script)',
  hints: {
    unclosedQuote: (text) => `The quote was not closed: searched for the phrase “${text}” to the end.`,
    unclosedGroup: (text) => `The bracket was not closed: read ${text} as one group.`,
    strayOperator: (text) => `“${text}” had nothing to apply to and was left out.`,
    unknownField: () => 'That is not a field (title:, body:, author:, source:, lang:): read as words.',
    misplacedSymbol: (text) => `“${text}”: * goes at the end of a word and ~ takes 1 or 2; read as a plain word.`,
    tooLong: () => 'The query was cut at 1,000 characters.',
    nothingToFind: () => 'Nothing left to look for: add a word that must appear.',
  },
  sortLabel: 'Sort results',
  sorts: { relevance: 'Relevance', newest: 'Newest first', oldest: 'Oldest first' },
  facetsLabel: 'Refine',
  facetKinds: {
    source: 'Outlet',
    year: 'Year',
    month: 'Month',
    language: 'Language',
    tag: 'Tag',
    collection: 'Collection',
    person: 'Person',
    place: 'Place',
    organisation: 'Organisation',
  },
  undated: 'Undated',
  unknown: 'Unknown',
  moreValues: 'More not shown',
  filtersLabel: 'Active filters',
  removeFilter: (kind, value) => `Remove filter ${kind}: ${value}`,
  dateFrom: 'From',
  dateTo: 'To',
  datePlaceholder: '2015-08-11 or 1436-10-26 هـ',
  dateInvalid: 'Not a date: write 2015-08-11, 2015-08, 2015 or 1436-10-26 هـ (AH).',
  dateHijri: (hijri, gregorian) => `${hijri} AH = ${gregorian}`,
  clearAll: 'Clear filters',
  emptyTitle: 'No article matches.',
  emptyTips: [
    'Remove a filter or widen the dates.',
    'Drop the quotes: a phrase must appear exactly as written.',
    'Try fewer words, or one word with * (واشن*) or ~ (بايدن~1).',
  ],
  showFacets: 'Facets',
};

const ar: SearchWords = {
  matching: arCount({
    zero: 'لا مقالات مطابقة',
    one: 'مقال واحد مطابق',
    two: 'مقالان مطابقان',
    few: 'مقالات مطابقة',
    many: 'مقالًا مطابقًا',
    other: 'مقال مطابق',
  }),
  readAs: 'فُهم البحث هكذا',
  listSep: '، ',
  quotes: ['«', '»'],
  via: {
    spelling: () => 'بكل أشكال الكتابة',
    stem: (keys) => `ومشتقات الجذر ${keys.join('، ')}`,
    phrase: () => 'العبارة بنصها',
    prefix: () => 'الكلمات التي تبدأ به',
    fuzzy: (keys) => (keys.length > 0 ? `كتابات قريبة: ${keys.join('، ')}` : 'كتابات قريبة (لم يوجد شيء)'),
    language: () => 'اللغة',
    excluded: () => 'مستبعد',
  },
  ignoredWords: (words) => `أُهملت كلمات شائعة: ${words}`,
  alsoMatched: 'وطابق أيضًا',
  spellingFor: 'مقابل',
  viaTransliteration: '(الاسم نفسه بالكتابة الأخرى)',
  hints: {
    unclosedQuote: (text) => `لم تُغلق علامة الاقتباس: بُحث عن العبارة «${text}» حتى آخرها.`,
    unclosedGroup: (text) => `لم يُغلق القوس: قُرئ ${text} مجموعة واحدة.`,
    strayOperator: (text) => `«${text}» لا يسبق كلمة ولا يليها فأُهمل.`,
    unknownField: () => 'ليس هذا حقلًا (title: و body: و author: و source: و lang:): قُرئ كلمات.',
    misplacedSymbol: (text) => `«${text}»: تأتي * في آخر الكلمة، و~ تأخذ 1 أو 2؛ قُرئت كلمة عادية.`,
    tooLong: () => 'قُطع البحث عند 1000 حرف.',
    nothingToFind: () => 'لم يبق ما يُبحث عنه: أضف كلمة يجب أن ترد.',
  },
  sortLabel: 'ترتيب النتائج',
  sorts: { relevance: 'الأكثر صلة', newest: 'الأحدث أولًا', oldest: 'الأقدم أولًا' },
  facetsLabel: 'تضييق النتائج',
  facetKinds: {
    source: 'المصدر',
    year: 'السنة',
    month: 'الشهر',
    language: 'اللغة',
    tag: 'الوسم',
    collection: 'المجموعة',
    person: 'شخص',
    place: 'مكان',
    organisation: 'منظمة',
  },
  undated: 'بلا تاريخ',
  unknown: 'غير معروف',
  moreValues: 'وغيرها لم يُعرض',
  filtersLabel: 'المرشحات المطبقة',
  removeFilter: (kind, value) => `إزالة المرشح ${kind}: ${value}`,
  dateFrom: 'من',
  dateTo: 'إلى',
  datePlaceholder: '2015-08-11 أو 1436-10-26 هـ',
  dateInvalid: 'ليس تاريخًا: اكتب 2015-08-11 أو 2015-08 أو 2015 أو 1436-10-26 هـ.',
  dateHijri: (hijri, gregorian) => `${hijri} هـ = ${gregorian} م`,
  clearAll: 'مسح المرشحات',
  emptyTitle: 'لا مقال يطابق البحث.',
  emptyTips: [
    'أزل مرشحًا أو وسّع نطاق التاريخ.',
    'احذف علامات الاقتباس: العبارة المقتبسة يجب أن ترد بنصها.',
    'جرّب كلمات أقل، أو كلمة مع * (واشن*) أو ~ (بايدن~1).',
  ],
  showFacets: 'التصنيفات',
};

export function searchWordsFor(lang: UiLang): SearchWords {
  return lang === 'ar' ? ar : en;
}

export function useSearchWords(): SearchWords {
  return searchWordsFor(useI18n().lang);
}
