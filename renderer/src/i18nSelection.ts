/**
 * Words of saved searches, the list's multi-selection and its bulk actions.
 * Counts arrive already counted (`t.articles(n, count)`), so every number is
 * in the right plural form in both languages.
 */

/** First-strong isolate: a name in the other script keeps its place and its quotes in the sentence. */
const iso = (text: string): string => `\u2068${text}\u2069`;

export interface SelectionWords {
  savedSearches: string;
  noSavedSearches: string;
  saveSearch: string;
  savedSearchName: string;
  savedAs: (name: string) => string;
  renameSavedSearch: string;
  deleteSavedSearch: string;
  /** The list's title in a saved search: its name and what it looks for. */
  savedSearchOf: (query: string) => string;
  /** "Selected: 37 articles" (`counted` is the counted noun phrase). */
  selected: (counted: string) => string;
  selectionLabel: string;
  clearSelection: string;
  bulkTag: string;
  bulkCollect: string;
  bulkDossier: string;
  bulkExportPdf: string;
  bulkExportHtml: string;
  bulkDelete: string;
  taggedMany: (tag: string, counted: string) => string;
  collectedMany: (name: string, counted: string) => string;
  deletedMany: (counted: string) => string;
  undone: string;
  selectionHint: string;
  exportTitle: string;
  /** The core's progress phase names (English in the core), as the bars show them. */
  phases: Record<
    | 'Building the collection index'
    | 'Collection index ready'
    | 'Indexing articles'
    | 'Merging the index'
    | 'Starting import'
    | 'analysing articles'
    | 'done'
    | 'drawing'
    | 'index'
    | 'items'
    | 'layout'
    | 'placing articles into stories'
    | 'merging stories'
    | 'reading',
    string
  >;
}

export const selectionEn: SelectionWords = {
  savedSearches: 'Saved searches',
  noSavedSearches: 'Search, then save the search: it keeps finding new articles.',
  saveSearch: 'Save search…',
  savedSearchName: 'Name of the saved search',
  savedAs: (name) => `Saved as “${iso(name)}”`,
  renameSavedSearch: 'Rename saved search',
  deleteSavedSearch: 'Delete saved search',
  savedSearchOf: (query) => (query ? `Finds “${iso(query)}”` : 'Filters only'),
  selected: (counted) => `Selected: ${counted}`,
  selectionLabel: 'Selected articles',
  clearSelection: 'Clear selection',
  bulkTag: 'Tag…',
  bulkCollect: 'Add to collection…',
  bulkDossier: 'Add to dossier…',
  bulkExportPdf: 'Export PDF',
  bulkExportHtml: 'Export HTML',
  bulkDelete: 'Delete',
  taggedMany: (tag, counted) => `Tagged ${counted} “${iso(tag)}”`,
  collectedMany: (name, counted) => `Added ${counted} to “${iso(name)}”`,
  deletedMany: (counted) => `Deleted ${counted}`,
  undone: 'Undone',
  selectionHint: 'Ctrl/⌘+click adds a row, Shift+click a range, Ctrl/⌘+A selects all, Esc clears',
  exportTitle: 'Selected articles',
  phases: {
    'Building the collection index': 'Building the collection index',
    'Collection index ready': 'Collection index ready',
    'Indexing articles': 'Indexing articles',
    'Merging the index': 'Merging the index',
    'Starting import': 'Starting import',
    'analysing articles': 'Analysing articles',
    done: 'Done',
    drawing: 'Drawing pages',
    index: 'Building the search index',
    items: 'Writing items',
    layout: 'Laying out pages',
    'placing articles into stories': 'Placing articles into stories',
    'merging stories': 'Joining stories begun apart',
    reading: 'Reading',
  },
};

export const selectionAr: SelectionWords = {
  savedSearches: 'عمليات البحث المحفوظة',
  noSavedSearches: 'ابحث ثم احفظ البحث: سيواصل العثور على المقالات الجديدة.',
  saveSearch: 'حفظ البحث…',
  savedSearchName: 'اسم البحث المحفوظ',
  savedAs: (name) => `حُفظ باسم «${iso(name)}»`,
  renameSavedSearch: 'إعادة تسمية البحث المحفوظ',
  deleteSavedSearch: 'حذف البحث المحفوظ',
  savedSearchOf: (query) => (query ? `يبحث عن «${iso(query)}»` : 'مرشحات فقط'),
  selected: (counted) => `المحدد: ${counted}`,
  selectionLabel: 'المقالات المحددة',
  clearSelection: 'إلغاء التحديد',
  bulkTag: 'وسم…',
  bulkCollect: 'إضافة إلى مجموعة…',
  bulkDossier: 'إضافة إلى ملف…',
  bulkExportPdf: 'تصدير PDF',
  bulkExportHtml: 'تصدير HTML',
  bulkDelete: 'حذف',
  taggedMany: (tag, counted) => `وُسم ${counted} بـ«${iso(tag)}»`,
  collectedMany: (name, counted) => `أضيف ${counted} إلى «${iso(name)}»`,
  deletedMany: (counted) => `حُذف ${counted}`,
  undone: 'تراجعت عن الإجراء',
  selectionHint: 'Ctrl/⌘+نقرة تضيف صفًا، وShift+نقرة نطاقًا، وCtrl/⌘+A تحدد الكل، وEsc تلغي التحديد',
  exportTitle: 'المقالات المحددة',
  phases: {
    'Building the collection index': 'بناء فهرس المجموعة',
    'Collection index ready': 'فهرس المجموعة جاهز',
    'Indexing articles': 'فهرسة المقالات',
    'Merging the index': 'دمج الفهرس',
    'Starting import': 'بدء الاستيراد',
    'analysing articles': 'تحليل المقالات',
    done: 'اكتمل',
    drawing: 'رسم الصفحات',
    index: 'بناء فهرس البحث',
    items: 'كتابة العناصر',
    layout: 'تنضيد الصفحات',
    'placing articles into stories': 'تصنيف المقالات في قصص',
    'merging stories': 'ضمّ القصص المتفرقة',
    reading: 'القراءة',
  },
};
