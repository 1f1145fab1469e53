/** Workbench: highlights and notes on articles. */
import { z } from 'zod';
import { highlightColors } from './lists';
import { Direction, Id, Ok, type MethodSpec } from './shapes';

export const HighlightColor = z.enum(highlightColors);
export type HighlightColor = z.infer<typeof HighlightColor>;

/**
 * Where a highlight stands in the article's current text, found again on
 * every read from its quote and context (W3C TextQuoteSelector) and offsets:
 * 'anchored' = the quote is still at its offsets; 'moved' = found elsewhere or
 * in a slightly different form (spacing, diacritics); 'orphaned' = not found,
 * kept and shown with its quote, never dropped.
 */
export const AnchorStatus = z.enum(['anchored', 'moved', 'orphaned']);
export type AnchorStatus = z.infer<typeof AnchorStatus>;

export const Highlight = z.object({
  id: Id,
  articleId: Id,
  /** The text as it was highlighted, with up to 32 characters of context each side. */
  quote: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  color: HighlightColor,
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  status: AnchorStatus,
  /** UTF-16 offsets of the highlight in the article's current body; null when orphaned. */
  start: z.number().int().nonnegative().nullable(),
  end: z.number().int().nonnegative().nullable(),
});
export type Highlight = z.infer<typeof Highlight>;

export const HighlightListItem = Highlight.extend({
  article: z.object({ id: Id, title: z.string(), source: z.string().nullable(), lang: z.string(), dir: Direction }),
});
export type HighlightListItem = z.infer<typeof HighlightListItem>;

export const Note = z.object({
  id: Id,
  /** null for a note of the library, or one whose article was deleted. */
  articleId: Id.nullable(),
  title: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Note = z.infer<typeof Note>;

const HighlightRange = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().positive() })
  .refine((r) => r.end > r.start, 'end must be after start');

export const workbenchMethods = {
  // Workbench (renderer issue): highlights, notes, organizing, undo, settings.
  'highlights.create': {
    input: z.object({
      articleId: Id,
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
      /** The text the user saw selected: refused (CONFLICT) when the stored body differs there. */
      quote: z.string().max(100_000).optional(),
      color: HighlightColor.default('yellow'),
      note: z.string().max(20_000).nullable().optional(),
    }),
    output: Highlight,
  },
  'highlights.update': {
    input: z.object({
      id: Id,
      color: HighlightColor.optional(),
      note: z.string().max(20_000).nullable().optional(),
      /** Anchors the highlight anew on this range of the current body (accept a moved one, re-attach an orphan). */
      range: HighlightRange.optional(),
    }),
    output: Highlight,
  },
  'highlights.delete': { input: z.object({ id: Id }), output: Ok },
  'highlights.listForArticle': { input: z.object({ articleId: Id }), output: z.array(Highlight), readonly: true },
  'highlights.listAll': {
    input: z.object({
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().min(1).max(1000).default(200),
      status: AnchorStatus.optional(),
      color: HighlightColor.optional(),
    }),
    output: z.object({ total: z.number().int().nonnegative(), items: z.array(HighlightListItem) }),
    readonly: true,
  },
  'notes.create': {
    input: z.object({
      articleId: Id.nullable().default(null),
      title: z.string().max(500).nullable().optional(),
      body: z.string().min(1).max(200_000),
    }),
    output: Note,
  },
  'notes.update': {
    input: z.object({
      id: Id,
      title: z.string().max(500).nullable().optional(),
      body: z.string().min(1).max(200_000).optional(),
    }),
    output: Note,
  },
  'notes.delete': { input: z.object({ id: Id }), output: Ok },
  'notes.list': { input: z.object({ articleId: Id.optional() }), output: z.array(Note), readonly: true },
} as const satisfies Record<string, MethodSpec>;
