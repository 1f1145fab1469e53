/**
 * The one comparer: every comparison of chosen articles (the compare.*
 * handlers, a dossier's comparison block on export) is computed here, by
 * compareTexts (comparison.ts), from the articles' bodies and dates and the
 * user's alignment settings. Built once in createServices.
 *
 * In one long-lived worker thread when running from compiled JavaScript
 * (started on first use, unreferenced while idle so it never keeps a
 * process alive), in-line otherwise (unit tests run the TypeScript sources
 * directly).
 */
import { MizanError } from '../../../preload/contract/errors';
import type { AlignSettings, ComparedArticle } from '../../../preload/contract/compare';
import { createWorkerPool } from '../workers/pool';
import { workerScript } from '../workers/script';
import { defaultAlignOptions, type AlignOptions } from './align';
import type { CompareInput, TextComparison } from './comparison';

export interface ComparisonRequest {
  inputs: CompareInput[];
  options: AlignOptions;
}

/** What the comparison thread does with a request (the same in-line). */
export async function comparisonTask(request: ComparisonRequest): Promise<TextComparison> {
  // Loaded on the first comparison: its fact and entity tables are built at load, which a process
  // that opens a library without comparing anything (a CLI search) need not pay.
  const { compareTexts } = await import('./comparison.js');
  return compareTexts(request.inputs, request.options);
}

/** What a comparison reads of an article. */
/** What a comparison reads of an article; the headline and language sharpen the fact ledger when given. */
export type ComparableArticle = Pick<ComparedArticle, 'body' | 'publishedAt'> &
  Partial<Pick<ComparedArticle, 'title' | 'lang'>>;

export interface Comparer {
  /** The comparison of `articles`, in this order, aligned with `settings` (defaults where unset). */
  compare(articles: readonly ComparableArticle[], settings: AlignSettings | undefined): Promise<TextComparison>;
  close(): Promise<void>;
}

/** A date the relative words of an article ("اليوم", "Thursday") resolve against. */
export function referenceOf(a: Pick<ComparedArticle, 'publishedAt'>): string | undefined {
  return a.publishedAt.precision === 'day' && a.publishedAt.iso ? a.publishedAt.iso : undefined;
}

export function alignOptions(settings: AlignSettings | undefined): AlignOptions {
  return {
    ...defaultAlignOptions,
    ...(settings?.matchThreshold !== undefined ? { matchThreshold: settings.matchThreshold } : {}),
    ...(settings?.movedThreshold !== undefined ? { movedThreshold: settings.movedThreshold } : {}),
  };
}

export function createComparer(): Comparer {
  const pool = createWorkerPool<ComparisonRequest, TextComparison>({
    script: workerScript(__dirname, 'comparisonWorker.js'),
    inline: comparisonTask,
    errors: {
      failed: (error) => new MizanError('INTERNAL', `comparison failed: ${error.message}`),
      crashed: (reason) => new MizanError('INTERNAL', `comparison worker stopped (${reason})`),
    },
  });
  return {
    compare: (articles, settings) =>
      pool.run({
        inputs: articles.map((a) => ({ text: a.body, reference: referenceOf(a), title: a.title, lang: a.lang })),
        options: alignOptions(settings),
      }),
    close: () => pool.close(),
  };
}
