/**
 * Source comparison (main/core/compare): story clusters, aligned sentences,
 * fact ledgers. Offsets (start/end) are UTF-16 offsets into the article's
 * `body`; `article` indexes point into the `articles` of the same answer.
 */
import { z } from 'zod';
import { entityKinds } from './lists';
import { DatePrecision, Direction, Id, IsoDate, Name, Ok, PublishedAt, type MethodSpec } from './shapes';

/** Clustering settings; one left out keeps the library's current (or the default) value. */
export const ClusterSettings = z.object({
  /** Story score (0..1) at or above which an article joins a story. Default 0.4. */
  threshold: z.number().min(0.05).max(1),
  /** Articles further apart than this many days are never one story; a story spans at most this. Default 2. */
  windowDays: z.number().int().min(0).max(60),
});
export type ClusterSettings = z.infer<typeof ClusterSettings>;

export const ClusterRun = z.object({
  /** incremental: only new or changed articles placed; full: every story rebuilt. */
  mode: z.enum(['full', 'incremental']),
  at: z.string(),
  seconds: z.number().nonnegative(),
  /** Articles placed in this run. */
  placed: z.number().int().nonnegative(),
  /** Articles analysed in this run (the others reused their cached signature). */
  analysed: z.number().int().nonnegative(),
  clusters: z.number().int().nonnegative(),
  /** Clusters of two or more articles. */
  stories: z.number().int().nonnegative(),
});
export type ClusterRun = z.infer<typeof ClusterRun>;

export const StoryArticle = z.object({
  id: Id,
  title: z.string(),
  source: z.string().nullable(),
  sourceId: Id.nullable(),
  publishedAt: PublishedAt,
  lang: z.string(),
  dir: Direction,
  url: z.string().nullable(),
  /** Story score it joined with (0..1); null for the article that began the story. */
  similarity: z.number().min(0).max(1).nullable(),
});
export type StoryArticle = z.infer<typeof StoryArticle>;

export const StoryCluster = z.object({
  id: Id,
  size: z.number().int().positive(),
  outletCount: z.number().int().nonnegative(),
  outlets: z.array(z.string()),
  /** Mean similarity with which its articles joined (0..1); null for a story of one. */
  score: z.number().min(0).max(1).nullable(),
  /** First and last day (YYYY-MM-DD) of its articles (publication date, else import date). */
  dateRange: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  /** The headline of its most representative article (the one most like the rest). */
  title: z.string(),
  /** The developing story it is part of: a thread of `stories` stories (this one included), or null. */
  thread: z.object({ id: Id, stories: z.number().int().min(2) }).nullable(),
  /** Oldest first. */
  articles: z.array(StoryArticle),
});
export type StoryCluster = z.infer<typeof StoryCluster>;

export const ClusterPage = z.object({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  items: z.array(StoryCluster),
  /** Articles not in any story yet (imported since the last run): run compare.cluster. */
  unclustered: z.number().int().nonnegative(),
  settings: ClusterSettings,
  lastRun: ClusterRun.nullable(),
});
export type ClusterPage = z.infer<typeof ClusterPage>;

export const TextSpan = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
export type TextSpan = z.infer<typeof TextSpan>;

/** An article as a comparison shows it: its text is what every offset points into. */
export const ComparedArticle = z.object({
  id: Id,
  title: z.string(),
  source: z.string().nullable(),
  publishedAt: PublishedAt,
  lang: z.string(),
  dir: Direction,
  url: z.string().nullable(),
  body: z.string(),
});
export type ComparedArticle = z.infer<typeof ComparedArticle>;

/** A word-level difference inside an aligned row: `a` in the reference article, `b` in the other. */
export const WordChange = z.object({
  /** move: the same phrase stands elsewhere in the sentence (`a` where it was, `b` where it is). */
  op: z.enum(['replace', 'insert', 'delete', 'move']),
  /** In the `against` article's body (null for an insertion). */
  a: TextSpan.nullable(),
  /** In the diffed article's body (null for a deletion). */
  b: TextSpan.nullable(),
  /** Only function words or courtesy differ (في وزارة / بوزارة, معالي, حفظه الله): no rewording, drawn unmarked. */
  minor: z.boolean(),
});
export type WordChange = z.infer<typeof WordChange>;

export const RowDiff = z.object({
  /** The article diffed... */
  article: z.number().int().nonnegative(),
  /** ...against the first article carrying the row. */
  against: z.number().int().nonnegative(),
  similarity: z.number().min(0).max(1),
  changes: z.array(WordChange),
});
export type RowDiff = z.infer<typeof RowDiff>;

export const AlignmentRow = z.object({
  /** shared: 2+ articles carry it with the same content words (spelling, spacing and function words aside); reworded: 2+ carry it with differences; unique: one does. */
  kind: z.enum(['shared', 'reworded', 'unique']),
  /** Per article (same order as `articles`), its sentence indexes in this row; empty: not carried. The coverage map. */
  cells: z.array(z.array(z.number().int().nonnegative())),
  /** Articles that carry this row out of the order of the articles before them (a moved sentence). */
  moved: z.array(z.number().int().nonnegative()),
  diffs: z.array(RowDiff),
});
export type AlignmentRow = z.infer<typeof AlignmentRow>;

export const Alignment = z.object({
  articles: z.array(ComparedArticle),
  /** Per article, its sentences. */
  sentences: z.array(z.array(TextSpan)),
  /** In reading order: the first article's order, other articles' sentences after their predecessors. */
  rows: z.array(AlignmentRow),
  /** Per article, sentences no other article carries. */
  unique: z.array(z.array(z.number().int().nonnegative())),
  /** Per article, its first line when it only names the outlet, writer or place ("عين اليوم – الرياض"): in no row. */
  datelines: z.array(TextSpan.nullable()),
  /** Per article, its last line when it only lists the page's tags ("سمات اليمن الحوثي", "Tags: …"): in no row. */
  tagLines: z.array(TextSpan.nullable()),
});
export type Alignment = z.infer<typeof Alignment>;

export const NumberFact = z.object({
  value: z.number(),
  /** As written, with its unit ("2500 جندي", "10 آلاف", "ثلاثة"). */
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  /** What it counts, as written, or null. */
  unit: z.string().nullable(),
  /** Matching key of the unit (هجوما and هجوم agree). */
  unitKey: z.string().nullable(),
  context: TextSpan,
  sentence: z.number().int().nonnegative(),
});
export const DateFact = z.object({
  /** Gregorian: YYYY-MM-DD, YYYY-MM or YYYY according to precision. */
  iso: z.string(),
  precision: DatePrecision,
  /** The calendar the text gave it in: show a Hijri date in both calendars. */
  calendar: z.enum(['gregorian', 'islamic-umalqura']),
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  sentence: z.number().int().nonnegative(),
});
export const QuoteFact = z.object({
  /** The quoted words, without the marks. */
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  /** Who says it as the article puts it ("وزير الخارجية العراقي، فؤاد حسين"); null when nobody is named. */
  speaker: z.string().nullable(),
  /** Their name alone when given ("فؤاد حسين"), else their description ("المسؤول"). */
  speakerName: z.string().nullable(),
  speakerSpan: TextSpan.nullable(),
  /** What introduces it ("وقال", "بحسب", "said"). */
  cue: z.string().nullable(),
  sentence: z.number().int().nonnegative(),
  /** Reported speech without quotation marks (وأوضح الوزير أن …): the clause after أن/إن. */
  reported: z.boolean(),
});
export const EntityKind = z.enum(entityKinds);
export const EntityFact = z.object({
  kind: EntityKind,
  name: z.string(),
  key: z.string(),
  mentions: z.array(TextSpan),
});
export const ArticleFacts = z.object({
  numbers: z.array(NumberFact),
  dates: z.array(DateFact),
  quotes: z.array(QuoteFact),
  entities: z.array(EntityFact),
  /** Numbers of the headline (offsets into the title). */
  titleNumbers: z.array(NumberFact),
});
export type ArticleFacts = z.infer<typeof ArticleFacts>;

/**
 * A disagreement between articles: number (same unit, different value, in an
 * aligned sentence or a like context), sum (a total one outlet gives against
 * the parts another gives), date, speaker (one quotation given to different
 * people), quote-unique (a quotation only one article carries).
 */
export const FactConflict = z.object({
  kind: z.enum(['number', 'sum', 'date', 'speaker', 'quote-unique']),
  /** What it is about: the unit, the date as written, the quotation's first words. */
  subject: z.string(),
  items: z.array(
    z.object({
      article: z.number().int().nonnegative(),
      value: z.string(),
      /** Offsets into the body, or into the title when inTitle. */
      start: z.number().int(),
      end: z.number().int(),
      /** The sentence giving the value (the headline when inTitle). */
      sentence: z.string(),
      inTitle: z.boolean(),
      /** In a sum: the total, or one of the parts. */
      role: z.enum(['whole', 'part']).nullable(),
    }),
  ),
  /** The alignment row it was found in, if any. */
  row: z.number().int().nonnegative().nullable(),
});
export type FactConflict = z.infer<typeof FactConflict>;

/** A person, place or body across the compared articles: mentions per article (0: not named there). */
export const MergedEntity = z.object({
  kind: EntityKind,
  name: z.string(),
  key: z.string(),
  mentions: z.array(z.number().int().nonnegative()),
});

export const FactLedger = z.object({
  articles: z.array(ComparedArticle),
  facts: z.array(ArticleFacts),
  entities: z.array(MergedEntity),
  conflicts: z.array(FactConflict),
});
export type FactLedger = z.infer<typeof FactLedger>;

export const Comparison = Alignment.extend({
  facts: z.array(ArticleFacts),
  entities: z.array(MergedEntity),
  conflicts: z.array(FactConflict),
});
export type Comparison = z.infer<typeof Comparison>;

/** Alignment settings (0..1): in-order match, out-of-order (moved) match. */
export const AlignSettings = z.object({
  matchThreshold: z.number().min(0.05).max(1).optional(),
  movedThreshold: z.number().min(0.05).max(1).optional(),
});
export type AlignSettings = z.infer<typeof AlignSettings>;

const ComparedIds = z
  .array(Id)
  .min(2)
  .max(12)
  .refine((ids) => new Set(ids).size === ids.length, 'an article can be compared with others, not with itself');

/** A comparison kept for a dossier: its articles and settings; recomputed when opened. */
export const SavedComparison = z.object({
  id: Id,
  title: z.string(),
  articleIds: z.array(Id),
  settings: AlignSettings,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedComparison = z.infer<typeof SavedComparison>;

export const compareMethods = {
  // Source comparison (main/core/compare).
  /** Stories (clusters of articles reporting one event), biggest or newest first. */
  'compare.clusters': {
    input: z.object({
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().min(1).max(500).default(50),
      /** outlets: most outlets first, then the most recent (the default); size: most articles first. */
      sort: z.enum(['size', 'date', 'outlets']).default('outlets'),
      /** Stories of at least this many articles (1 lists stories told once too). */
      minSize: z.number().int().min(1).default(2),
      /** Stories told by at least this many outlets. */
      minOutlets: z.number().int().min(1).default(1),
      /** Stories overlapping this date range. */
      dateFrom: IsoDate.optional(),
      dateTo: IsoDate.optional(),
      /** Stories that one of these outlets tells. */
      sourceIds: z.array(Id).max(500).optional(),
      /** The stories of one thread. */
      threadId: Id.optional(),
    }),
    output: ClusterPage,
    readonly: true,
  },
  /** One story by id, or the story of an article ("other coverage of this story"); null when not clustered. */
  'compare.getCluster': {
    input: z
      .object({ clusterId: Id.optional(), articleId: Id.optional() })
      .refine((v) => (v.clusterId === undefined) !== (v.articleId === undefined), 'give clusterId or articleId'),
    output: StoryCluster.nullable(),
    readonly: true,
  },
  /** Places new and changed articles into stories (incremental), or rebuilds them all (full, or when settings change). */
  'compare.cluster': {
    input: z.object({
      mode: z.enum(['incremental', 'full']).default('incremental'),
      settings: ClusterSettings.partial().optional(),
    }),
    output: ClusterRun,
    progress: true,
  },
  /** Two or more articles side by side: aligned sentences with word differences, facts and conflicts. */
  'compare.articles': {
    input: z.object({ articleIds: ComparedIds, settings: AlignSettings.optional() }),
    output: Comparison,
    readonly: true,
  },
  /** The alignment alone. */
  'compare.align': {
    input: z.object({ articleIds: ComparedIds, settings: AlignSettings.optional() }),
    output: Alignment,
    readonly: true,
  },
  /** The fact ledger of one article, or of several with their conflicts. */
  'compare.facts': {
    input: z.object({ articleIds: z.array(Id).min(1).max(12) }),
    output: FactLedger,
    readonly: true,
  },
  /** Keeps a comparison (for a dossier); with `id`, updates that one. */
  'compare.saveComparison': {
    input: z.object({
      id: Id.optional(),
      title: Name.optional(),
      articleIds: ComparedIds,
      settings: AlignSettings.optional(),
    }),
    output: SavedComparison,
  },
  'compare.listComparisons': { input: z.object({}), output: z.array(SavedComparison), readonly: true },
  'compare.getComparison': { input: z.object({ id: Id }), output: SavedComparison, readonly: true },
  'compare.deleteComparison': { input: z.object({ id: Id }), output: Ok },
} as const satisfies Record<string, MethodSpec>;
