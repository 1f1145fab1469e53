/** Building blocks every area's shapes and methods share. */
import { z } from 'zod';

export const Id = z.number().int().positive();
export const IsoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
export const Name = z.string().trim().min(1).max(200);

export const DatePrecision = z.enum(['day', 'month', 'year']);
export type DatePrecision = z.infer<typeof DatePrecision>;

export const Direction = z.enum(['rtl', 'ltr']);
export type Direction = z.infer<typeof Direction>;

export const PublishedAt = z.object({
  /** As written in the source, e.g. "(26/7/2021)" or "26 تموز 2021". */
  original: z.string().nullable(),
  iso: IsoDate.nullable(),
  precision: DatePrecision.nullable(),
});
export type PublishedAt = z.infer<typeof PublishedAt>;

export const Ok = z.object({ ok: z.literal(true) });

export interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
  /** True when the method reports Progress and honours cancellation. */
  progress?: boolean;
  /** Read-only methods; hosts may retry them. */
  readonly?: boolean;
}
