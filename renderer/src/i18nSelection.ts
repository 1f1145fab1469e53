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
