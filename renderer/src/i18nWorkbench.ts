/**
 * The workbench's words: their shape and the English table (the Arabic one
 * is in i18nWorkbenchAr.ts), kept apart from the foundation's chrome strings
 * in i18n.ts so each stays readable.
 */
import type { AnchorStatus, HighlightColor } from '../../preload/contract';
import { iso } from './i18nMarks';

/** The workbench's words (sidebar, reader tools, highlights, palette, activity). */
export interface Workbench {
  sidebarLabel: string;
  allArticles: string;
  highlightsView: string;
  collections: string;
  newCollection: string;
  collectionName: string;
  renameCollection: string;
  deleteCollection: string;
  rename: string;
  delete: string;
  save: string;
  ok: string;
  noCollections: string;
  noTags: string;
  sources: string;
  languages: string;
  manageSources: string;
  renameTag: string;
  deleteTag: string;
  tagName: string;
  collectionOrder: string;
  moveUp: string;
  moveDown: string;
  searchPlaceholder: string;
  searchLabel: string;
  searchUnavailable: string;
  searchResultsFor: (q: string) => string;
  clearSearch: string;
  readerTools: string;
  textSmaller: string;
  textLarger: string;
  textSize: string;
  measure: string;
  measureNarrow: string;
  measureMedium: string;
  measureWide: string;
  viewText: string;
  viewHtml: string;
  htmlNote: string;
  find: string;
  findPlaceholder: string;
  findCount: (i: string, n: string) => string;
  findNone: string;
  findNext: string;
  findPrev: string;
  highlight: string;
  highlightIn: (color: string) => string;
  colorNames: Record<HighlightColor, string>;
  highlightWithNote: string;
  note: string;
  notePlaceholder: string;
  highlightsPanel: string;
  noHighlights: string;
  status: Record<AnchorStatus, string>;
  statusHelp: Record<AnchorStatus, string>;
  acceptPosition: string;
  reattach: string;
  goTo: string;
  deleteHighlight: string;
  articleNotes: string;
  addNote: string;
  addTag: string;
  removeTag: (tag: string) => string;
  addToCollection: string;
  removeFromCollection: (name: string) => string;
  newCollectionOption: string;
  editMetadata: string;
  metadataTitle: string;
  title: string;
  direction: string;
  dirRtl: string;
  dirLtr: string;
  publishedAsWritten: string;
  updateFromFile: string;
  updateFromFileHelp: string;
  updateResult: (anchored: string, moved: string, orphaned: string) => string;
  updateSame: string;
  deleteArticle: string;
  deleted: (title: string) => string;
  undo: string;
  restored: string;
  addToDossier: string;
  dossierUnavailable: string;
  /** The window-level drop zone (DropZone.tsx). */
  dropFilesOrFolders: string;
  dropKeyboardHint: string;
  dropNothing: string;
  /** mizan:// links and #routes. */
  linkNotFound: (route: string) => string;
  addedToDossier: string;
  commandPalette: string;
  paletteHint: string;
  noCommands: string;
  nextArticle: string;
  prevArticle: string;
  focusSearch: string;
  themeLight: string;
  themeDark: string;
  themeSystem: string;
  langSystem: string;
  monthLevant: string;
  monthEgypt: string;
  monthMaghreb: string;
  digitsLatn: string;
  digitsArab: string;
  showActivity: string;
  toggleSidebar: string;
  nextPane: string;
  settings: string;
  theme: string;
  interfaceLanguage: string;
  monthNames: string;
  digits: string;
  hijriDates: string;
  monthOutlet: string;
  hijriOff: string;
  hijriBeside: string;
  followSystem: string;
  light: string;
  dark: string;
  activity: string;
  activityEmpty: string;
  clearLog: string;
  jobImport: string;
  jobStatus: Record<'running' | 'done' | 'failed' | 'cancelled', string>;
  eta: (duration: string) => string;
  working: string;
  emptyCollection: string;
  emptyHighlights: string;
  emptyFiltered: string;
  listKeys: string;
  mergeSourcesTitle: string;
  mergeInto: string;
  merge: string;
  aliases: string;
  renameSource: string;
  selectToMerge: string;
  shortcutsTitle: string;
  shortcuts: [string, string][];
  saved: string;
  tagged: (tag: string) => string;
  addedTo: (name: string) => string;
  highlightCreated: string;
  selectTextFirst: string;
  more: string;
  readingPositionRestored: string;
  articleLanguage: string;
  allStatuses: string;
  reindex: string;
  searchIndex: string;
  allColors: string;
}

export const workbenchEn: Workbench = {
  sidebarLabel: 'Collections and filters',
  allArticles: 'All articles',
  highlightsView: 'Highlights',
  collections: 'Collections',
  newCollection: 'New collection…',
  collectionName: 'Collection name',
  renameCollection: 'Rename collection',
  deleteCollection: 'Delete collection',
  rename: 'Rename',
  delete: 'Delete',
  save: 'Save',
  ok: 'OK',
  noCollections: 'No collections yet. Create one, then drag articles onto it.',
  noTags: 'No tags yet. Add one in the reader, or drag articles onto a tag.',
  sources: 'Sources',
  languages: 'Languages',
  manageSources: 'Merge or rename sources…',
  renameTag: 'Rename tag',
  deleteTag: 'Delete tag',
  tagName: 'Tag',
  collectionOrder: 'Collection order',
  moveUp: 'Move up in the collection',
  moveDown: 'Move down in the collection',
  searchPlaceholder: 'Search the library…',
  searchLabel: 'Search',
  searchUnavailable: 'Search becomes available when the library index is installed',
  searchResultsFor: (q) => `Results for “${iso(q)}”`,
  clearSearch: 'Clear search',
  readerTools: 'Reader tools',
  textSmaller: 'Smaller text',
  textLarger: 'Larger text',
  textSize: 'Text size',
  measure: 'Line length',
  measureNarrow: 'Narrow',
  measureMedium: 'Medium',
  measureWide: 'Wide',
  viewText: 'Text',
  viewHtml: 'Original layout',
  htmlNote: 'A sanitized copy of the original page. Highlights and find work in the text view.',
  find: 'Find in article',
  findPlaceholder: 'Find in article…',
  findCount: (i, n) => `${i} of ${n}`,
  findNone: 'No matches',
  findNext: 'Next match',
  findPrev: 'Previous match',
  highlight: 'Highlight',
  highlightIn: (color) => `Highlight in ${color}`,
  colorNames: { yellow: 'yellow', green: 'green', blue: 'blue', pink: 'pink', purple: 'purple' },
  highlightWithNote: 'Highlight and add a note',
  note: 'Note',
  notePlaceholder: 'Write a note…',
  highlightsPanel: 'Highlights and notes',
  noHighlights:
    'Select text in the article and pick a colour to highlight it. With the keyboard: find a phrase (Ctrl+F), then press h.',
  status: { anchored: 'Anchored', moved: 'Moved', orphaned: 'Orphaned' },
  statusHelp: {
    anchored: 'At its place in the text.',
    moved: 'The text changed; the quote was found again at a new place.',
    orphaned: 'The quote is no longer in the text. It is kept here with its note.',
  },
  acceptPosition: 'Keep the new place',
  reattach: 'Attach to the selected text',
  goTo: 'Show in the text',
  deleteHighlight: 'Delete highlight',
  articleNotes: 'Notes on this article',
  addNote: 'Add note',
  addTag: 'Add a tag…',
  removeTag: (tag) => `Remove tag ${iso(tag)}`,
  addToCollection: 'Add to collection…',
  removeFromCollection: (name) => `Remove from ${iso(name)}`,
  newCollectionOption: 'New collection…',
  editMetadata: 'Edit details…',
  metadataTitle: 'Article details',
  title: 'Title',
  direction: 'Direction',
  dirRtl: 'Right to left',
  dirLtr: 'Left to right',
  publishedAsWritten: 'Published (as written, e.g. 26 تموز 2021 or 2021-07-26)',
  updateFromFile: 'Update text…',
  updateFromFileHelp:
    'Replace the text with a newer version of it from a file; tags, collections and highlights stay, highlights find their place again.',
  updateResult: (a, m, o) => `Text updated. Highlights: ${a} in place, ${m} moved, ${o} orphaned.`,
  updateSame: 'That file holds the same text: nothing changed.',
  deleteArticle: 'Delete article',
  deleted: (title) => `Deleted “${iso(title)}”`,
  undo: 'Undo',
  restored: 'Restored',
  addToDossier: 'Add to dossier',
  dossierUnavailable: 'Dossiers are not available in this version yet.',
  dropFilesOrFolders: 'Drop files or folders to import them',
  dropKeyboardHint: 'Keyboard: the Import button in the toolbar does the same.',
  dropNothing: 'Nothing to import: drop files or folders from your computer.',
  linkNotFound: (route) => `This link points to something that is not in the library: ${iso(route)}`,
  addedToDossier: 'Added to the dossier',
  commandPalette: 'Command palette',
  paletteHint: 'Type a command…',
  noCommands: 'No command matches.',
  nextArticle: 'Next article',
  prevArticle: 'Previous article',
  focusSearch: 'Search the library',
  themeLight: 'Theme: light',
  themeDark: 'Theme: dark',
  themeSystem: 'Theme: follow the system',
  langSystem: 'Language: follow the system',
  monthLevant: 'Arabic months: تموز (Levant, Iraq)',
  monthEgypt: 'Arabic months: يوليو (Egypt, Gulf)',
  monthMaghreb: 'Arabic months: جويلية (Maghreb)',
  digitsLatn: 'Digits: 0 1 2 3',
  digitsArab: 'Digits: ٠ ١ ٢ ٣',
  showActivity: 'Activity log',
  toggleSidebar: 'Show or hide the sidebar',
  nextPane: 'Focus the next pane',
  settings: 'Settings',
  theme: 'Theme',
  interfaceLanguage: 'Interface language',
  monthNames: 'Arabic month names',
  digits: 'Digits',
  hijriDates: 'Hijri dates',
  monthOutlet: 'As each outlet writes them (else تموز)',
  hijriOff: 'Gregorian only',
  hijriBeside: 'Beside the Gregorian date (Umm al-Qura)',
  followSystem: 'Follow the system',
  light: 'Light',
  dark: 'Dark',
  activity: 'Activity',
  activityEmpty: 'Imports and other long work are logged here, with every result and error.',
  clearLog: 'Clear the log',
  jobImport: 'Import',
  jobStatus: { running: 'Running', done: 'Done', failed: 'Failed', cancelled: 'Cancelled' },
  eta: (d) => `about ${d} left`,
  working: 'Working…',
  emptyCollection:
    'This collection is empty. Drag articles onto it in the sidebar, or use “Add to collection” in the reader.',
  emptyHighlights: 'No highlights yet. Open an article, select a passage and pick a colour.',
  emptyFiltered: 'No articles here yet.',
  listKeys: 'j / k next · Enter opens · Ctrl+K commands',
  mergeSourcesTitle: 'Sources',
  mergeInto: 'Merge the checked sources into',
  merge: 'Merge',
  aliases: 'Also written',
  renameSource: 'Rename source',
  selectToMerge: 'Check two or more spellings of one outlet, then choose the name to keep.',
  shortcutsTitle: 'Keyboard shortcuts',
  shortcuts: [
    ['Ctrl/⌘ K', 'Command palette'],
    ['j / k, ↓ / ↑', 'Next / previous article'],
    ['/', 'Search'],
    ['Ctrl/⌘ F', 'Find in article'],
    ['h', 'Highlight the selection or the find match'],
    ['Shift H', 'Highlight with a note'],
    ['t', 'Add a tag'],
    ['c', 'Add to a collection'],
    ['e', 'Edit details'],
    ['d', 'Add to dossier'],
    ['Delete', 'Delete the article (undo with Ctrl/⌘ Z)'],
    ['+ / −', 'Text size'],
    ['Alt ↑ / ↓', 'Move in collection order'],
    ['F6', 'Next pane'],
  ],
  saved: 'Saved',
  tagged: (tag) => `Tagged “${iso(tag)}”`,
  addedTo: (name) => `Added to “${iso(name)}”`,
  highlightCreated: 'Highlighted',
  selectTextFirst: 'Select some text in the article first (or find a phrase with Ctrl+F).',
  more: 'More',
  readingPositionRestored: 'Back where you left off',
  articleLanguage: 'Language code (ar, en…)',
  allStatuses: 'Any place',
  reindex: 'Rebuild the search index',
  searchIndex: 'Search index',
  allColors: 'Any colour',
};
