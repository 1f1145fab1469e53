/** The app itself: its info, UI settings kept with the library, job cancellation and progress. */
import { z } from 'zod';
import { Ok, type MethodSpec } from './shapes';

export const AppInfo = z.object({
  version: z.string(),
  host: z.enum(['electron', 'web', 'cli', 'test']),
  libraryPath: z.string(),
  articleCount: z.number().int().nonnegative(),
  importFormats: z.array(z.object({ id: z.string(), label: z.string(), extensions: z.array(z.string()) })),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** UI state kept with the library (the web host's origin changes each run, so localStorage alone forgets). */
export const UiSettings = z.record(z.string().min(1).max(100), z.unknown());
export type UiSettings = z.infer<typeof UiSettings>;

/** Long work reports progress through the contract. */
export const Progress = z.object({
  jobId: z.string(),
  done: z.number().int().nonnegative(),
  /** null while the total is not known yet (a folder still being walked). */
  total: z.number().int().nonnegative().nullable(),
  label: z.string().optional(),
});
export type Progress = z.infer<typeof Progress>;

export const appMethods = {
  'app.info': { input: z.object({}), output: AppInfo, readonly: true },
  'jobs.cancel': { input: z.object({ jobId: z.string().min(1) }), output: Ok },
  'app.settings.get': { input: z.object({}), output: UiSettings, readonly: true },
  /** Merges `values` into the stored settings; a null value removes the key. */
  'app.settings.set': { input: z.object({ values: UiSettings }), output: Ok },
} as const satisfies Record<string, MethodSpec>;
