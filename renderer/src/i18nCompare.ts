/**
 * The words of the source-comparison views (stories, other coverage, the
 * side-by-side comparison and its fact ledger), kept apart from the
 * workbench's like i18nWorkbench.ts: the shape and the English table (the
 * Arabic one is in i18nCompareAr.ts).
 */
import type { AlignmentRow, FactConflict } from '../../preload/contract';
import { enCount, type Plural } from './i18nPlural';

/** First-strong isolate: a name in the other script keeps its place in the sentence. */
const iso = (text: string): string => `\u2068${text}\u2069`;

export type RowKind = AlignmentRow['kind'];
export type ConflictKind = FactConflict['kind'];
export type StorySort = 'size' | 'date' | 'outlets';

export interface CompareStrings {
  stories: string;
  storiesLabel: string;
  sortStories: string;
  sortNames: Record<StorySort, string>;
  multiOutletOnly: string;
  storyCount: Plural;
  storyArticles: Plural;
  storyOutlets: Plural;
  storyScore: (s: string) => string;
  pageOf: (from: string, to: string, total: string) => string;
  previousPage: string;
  nextPage: string;
  noStories: string;
  notClustered: (n: string, count: number) => string;
  placing: string;
  threadBadge: (n: string, count: number) => string;
  threadHelp: string;
  threadStories: string;
  placeNow: string;
  rebuildStories: string;
  clustering: string;
  clusterDone: (stories: string, storyCount: number, placed: string, placedCount: number) => string;
  lastRun: (when: string) => string;
  chooseStory: string;
  storyTitle: string;
  compare: string;
  compareSelected: (n: string, count: number) => string;
  compareHint: string;
  selectForCompare: (title: string) => string;
  openArticle: string;
  otherCoverage: string;
  otherCoverageNone: string;
  compareWithThis: string;
  compareAll: (n: string) => string;
  comparison: string;
  comparisonOf: (n: string, count: number) => string;
  back: string;
  loadingComparison: string;
  comparisonFailed: string;
  kinds: Record<RowKind, string>;
  kindHelp: Record<RowKind, string>;
  moved: string;
  coverage: string;
  carriedBy: (names: string) => string;
  notCarried: string;
  rowLabel: (n: string, kind: string, carried: string) => string;
  changedWords: string;
  movedWords: string;
  parts: (n: string) => string;
  partsHelp: string;
  views: string;
  textTab: string;
  factsTab: (conflicts: number, format: (n: number) => string) => string;
  rowHead: string;
  columnSummary: (sentences: number, only: number, format: (n: number) => string) => string;
  hiddenShared: (n: number, format: (n: number) => string) => string;
  allShared: string;
  showRow: (n: string) => string;
  summary: (shared: string, reworded: string, unique: string) => string;
  onlyDifferences: string;
  rowKeys: string;
  ledger: string;
  ledgerHelp: string;
  ledgerLabel: string;
  factKinds: { number: string; date: string; quote: string };
  numberColumns: { number: string; counts: string; flag: string };
  dateColumns: { date: string; flag: string };
  quoteColumns: { quote: string; speaker: string; outlet: string; flag: string };
  /** A Hijri date given by the text, beside its Gregorian day. */
  hijri: (date: string) => string;
  /** A figure taken from the article's headline. */
  inTitle: string;
  /** The roles of the figures in a total-against-parts conflict. */
  roles: { whole: string; part: string };
  showSentences: string;
  noSpeaker: string;
  conflict: string;
  conflicts: string;
  noConflicts: string;
  onlyThisOutlet: string;
  conflictKinds: Record<ConflictKind, string>;
  entities: string;
  entityKinds: { person: string; place: string; organisation: string };
  entityColumns: { name: string; kind: string };
  noFacts: string;
  addToDossier: string;
  openSaved: string;
  noSavedNamed: (title: string) => string;
  comparisonTitle: (outlets: string) => string;
  savedToDossier: (title: string) => string;
  listSeparator: string;
  unknownOutlet: string;
}

export const compareEn: CompareStrings = {
  stories: 'Stories',
  storiesLabel: 'Stories told by several articles',
  sortStories: 'Sort stories by',
  sortNames: { size: 'Most articles', date: 'Newest', outlets: 'Most outlets' },
  multiOutletOnly: 'Only stories told by 2+ outlets',
  storyCount: enCount('story', 'stories'),
  storyArticles: enCount('article', 'articles'),
  storyOutlets: enCount('outlet', 'outlets'),
  storyScore: (s) => `similarity ${s}`,
  pageOf: (from, to, total) => `${from}–${to} of ${total}`,
  previousPage: 'Previous page',
  nextPage: 'Next page',
  noStories:
    'No stories yet. Stories appear when several articles report the same event within two days; import more articles, or place the new ones.',
  notClustered: (n, count) =>
    count === 1 ? '1 article is not placed in a story yet.' : `${n} articles are not placed in stories yet.`,
  placing: 'Placing new articles into stories…',
  threadBadge: (n, count) => `Developing story · ${enCount('event', 'events')(n, count)}`,
  threadHelp: 'This event is part of a developing story: related events on nearby days, kept as separate stories.',
  threadStories: 'Other events of this developing story',
  placeNow: 'Find stories now',
  rebuildStories: 'Rebuild all stories',
  clustering: 'Finding stories',
  clusterDone: (stories, storyCount, placed, placedCount) =>
    `${enCount('article', 'articles')(placed, placedCount)} placed; ${enCount('story', 'stories')(stories, storyCount)}`,
  lastRun: (when) => `Last placed ${when}`,
  chooseStory: 'Choose a story to see its articles.',
  storyTitle: 'Story',
  compare: 'Compare',
  compareSelected: (n, count) => `Compare ${enCount('article', 'articles')(n, count)}`,
  compareHint: 'Choose 2 to 12 articles to compare side by side.',
  selectForCompare: (title) => `Include “${iso(title)}” in the comparison`,
  openArticle: 'Open',
  otherCoverage: 'Other coverage of this story',
  otherCoverageNone: 'No other outlet’s article is in this story yet.',
  compareWithThis: 'Compare with this',
  compareAll: (n) => `Compare all ${n}`,
  comparison: 'Comparison',
  comparisonOf: (n, count) => `Comparison of ${enCount('article', 'articles')(n, count)}`,
  back: 'Back',
  loadingComparison: 'Aligning the articles…',
  comparisonFailed: 'Could not compare these articles',
  kinds: { shared: 'Shared', reworded: 'Reworded', unique: 'Unique' },
  kindHelp: {
    shared: 'Carried by two or more articles in the same words (spelling, spacing and words such as في aside)',
    reworded: 'Carried by two or more articles with different words (differences marked)',
    unique: 'Only one article carries this sentence',
  },
  moved: 'moved',
  coverage: 'Coverage',
  carriedBy: (names) => `Carried by ${names}`,
  notCarried: 'not carried',
  rowLabel: (n, kind, carried) => `Row ${n}, ${kind}. ${carried}`,
  changedWords: 'Changed words',
  movedWords: 'Phrase the other article has in another place',
  parts: (n) => `${n} sentences`,
  partsHelp: 'This article tells in several sentences what another tells in one',
  views: 'What to show',
  textTab: 'Text side by side',
  factsTab: (conflicts, format) =>
    conflicts === 0
      ? 'Facts · no conflicts'
      : `Facts · ${format(conflicts)} ${conflicts === 1 ? 'conflict' : 'conflicts'}`,
  rowHead: 'Row · outlets',
  columnSummary: (sentences, only, format) =>
    `${format(sentences)} ${sentences === 1 ? 'sentence' : 'sentences'} · ${format(only)} only here`,
  hiddenShared: (n, format) => `${format(n)} shared ${n === 1 ? 'row' : 'rows'} hidden`,
  allShared: 'Every row is shared: these articles say the same thing in the same words.',
  showRow: (n) => `Show row ${n}`,
  summary: (shared, reworded, unique) => `${shared} shared · ${reworded} reworded · ${unique} unique`,
  onlyDifferences: 'Hide shared rows',
  rowKeys: '↑/↓ or j/k move between rows · Home/End first/last row',
  ledger: 'Fact ledger',
  ledgerHelp: 'One row per number or date; each outlet’s column shows how it wrote it, a dash where it does not.',
  ledgerLabel: 'Facts of the compared articles',
  factKinds: { number: 'Number', date: 'Date', quote: 'Quotation' },
  numberColumns: { number: 'Number', counts: 'What it counts', flag: 'Conflict' },
  dateColumns: { date: 'Date', flag: 'Conflict' },
  quoteColumns: { quote: 'Quotation', speaker: 'Speaker', outlet: 'Outlet', flag: 'Conflict' },
  hijri: (date) => `${date} AH`,
  inTitle: 'headline',
  roles: { whole: 'total', part: 'part' },
  showSentences: 'Show the sentences',
  noSpeaker: 'speaker not named',
  conflict: 'Conflict',
  conflicts: 'Conflicts',
  noConflicts: 'No conflicting facts found.',
  onlyThisOutlet: 'only this outlet',
  conflictKinds: {
    number: 'Different numbers',
    sum: 'A total against its parts',
    date: 'Different dates',
    speaker: 'Quotation given to different people',
    'quote-unique': 'Quotation only one article carries',
  },
  entities: 'People, places, organisations',
  entityKinds: { person: 'Person', place: 'Place', organisation: 'Organisation' },
  entityColumns: { name: 'Name', kind: 'Kind' },
  noFacts: 'No numbers, dates or quotations found.',
  addToDossier: 'Add this comparison to a dossier…',
  openSaved: 'Open a saved comparison…',
  noSavedNamed: (title) => `No saved comparison is called “${iso(title)}”`,
  comparisonTitle: (outlets) => `Comparison: ${outlets}`,
  savedToDossier: (title) => `Comparison added to “${iso(title)}”`,
  listSeparator: ', ',
  unknownOutlet: 'Unknown outlet',
};
