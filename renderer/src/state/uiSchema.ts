/**
 * The shapes of the workbench's remembered state (see uiStore.ts), as zod
 * schemas: the types come from here, and so does the meaning of "valid"
 * (each field falls back to its default on its own).
 */
import { z } from 'zod';
import { EntityKind, FacetKind, HighlightColor, ImportMapping, SearchSort } from '../../../preload/contract';
import { noRefine } from '../hooks/searchRefine';
import { saidKeys } from '../text/said';

/** A message key and its parameters (text/said.ts). */
export const Said = z.object({
  key: z.enum(saidKeys),
  params: z
    .array(z.union([z.string(), z.number()]))
    .max(8)
    .optional(),
});

export const View = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('highlights') }),
  z.object({ kind: z.literal('stories') }),
  z.object({ kind: z.literal('collection'), id: z.number().int().positive() }),
  z.object({ kind: z.literal('tag'), name: z.string().min(1) }),
  z.object({ kind: z.literal('source'), id: z.number().int().positive() }),
  z.object({ kind: z.literal('lang'), code: z.string().min(1) }),
  z.object({ kind: z.literal('saved'), id: z.number().int().positive() }),
  // Entities of one kind to browse (all articles listed), or one entity's page (its articles listed).
  z.object({ kind: z.literal('entities'), entityKind: EntityKind }),
  z.object({ kind: z.literal('entity'), id: z.number().int().positive(), name: z.string(), entityKind: EntityKind }),
]);
export type View = z.infer<typeof View>;

/** What narrows a search (hooks/searchRefine.ts): facet chips, the date range as typed, the sort. */
export const SearchRefine = z.object({
  chips: z
    .array(z.object({ kind: FacetKind, value: z.string(), label: z.string() }))
    .max(40)
    .catch([]),
  from: z.string().max(100).catch(''),
  to: z.string().max(100).catch(''),
  sort: SearchSort.catch('relevance'),
});

export const UiState = z.object({
  /** 'system' follows the browser's or the OS's language. */
  uiLang: z.enum(['system', 'en', 'ar']).catch('system'),
  theme: z.enum(['system', 'light', 'dark']).catch('system'),
  /** outlet: each outlet's own month names where its text shows them, else تموز; the others apply everywhere. */
  monthSystem: z.enum(['outlet', 'levant', 'egypt', 'maghreb']).catch('outlet'),
  digits: z.enum(['latn', 'arab']).catch('latn'),
  hijri: z.enum(['off', 'beside']).catch('off'),
  sidebarOpen: z.boolean().catch(true),
  sidebarSize: z.number().min(160).max(600).catch(240),
  listSize: z.number().min(240).max(1400).catch(420),
  fontScale: z.number().min(0.7).max(1.8).catch(1),
  measure: z.enum(['narrow', 'medium', 'wide']).catch('medium'),
  readerView: z.enum(['text', 'html']).catch('text'),
  panelOpen: z.boolean().catch(true),
  sort: z.enum(['publishedAt', 'importedAt', 'title', 'source', 'position']).catch('publishedAt'),
  order: z.enum(['asc', 'desc']).catch('desc'),
  view: View.catch({ kind: 'all' }),
  openedId: z.number().int().positive().nullable().catch(null),
  lastColor: HighlightColor.catch('yellow'),
  /** The search box's words and what narrows them, so a search comes back as it was left. */
  search: z.string().max(1000).catch(''),
  refine: SearchRefine.catch(noRefine),
  savedAt: z.number().catch(0),
});
export type UiState = z.infer<typeof UiState>;

export const defaultUiState: UiState = UiState.parse({});

export const ActivityEntry = z.object({
  id: z.string(),
  kind: z.string(),
  /** The label as it was said when written; `said` says it again in the current language. */
  label: z.string(),
  said: Said.optional(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(['running', 'done', 'failed', 'cancelled']),
  counts: z.object({ imported: z.number(), duplicates: z.number(), errors: z.number() }).optional(),
  message: z.string().optional(),
  /** The message as a key and parameters, said in the current language (else `message`, a server's words). */
  saidMessage: Said.optional(),
  errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).default([]),
  items: z.array(z.object({ id: z.number(), title: z.string() })).default([]),
});
export type ActivityEntry = z.infer<typeof ActivityEntry>;

export const Persisted = z.object({
  ui: UiState.catch(defaultUiState),
  positions: z.record(z.string(), z.number().min(0).max(1)).catch({}),
  activity: z.array(ActivityEntry).catch([]),
  /**
   * The last column mapping chosen for each CSV/TSV header (its signature,
   * see import/tableFiles.ts): the next export from the same tool opens the
   * mapping dialog already filled in.
   */
  tableMappings: z.record(z.string(), z.object({ mapping: ImportMapping, usedAt: z.number() })).catch({}),
});
export type Persisted = z.infer<typeof Persisted>;
