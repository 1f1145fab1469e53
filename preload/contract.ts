/**
 * THE API between Mizan's core and every client (Electron renderer over IPC,
 * the browser over the web host, tests). One list of methods: the IPC
 * handlers, the HTTP routes and the typed clients are all derived from it by
 * one loop, so a method exists everywhere or nowhere.
 *
 * Everything here is JSON-safe and free of Node and DOM APIs: the renderer,
 * the sandboxed preload and the main process all import it.
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------
// Errors: stable codes cross the boundary; the UI turns them into words.

export const errorCodes = [
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'CONFLICT',
  'CANCELLED',
  'UNKNOWN_METHOD',
  'UNAUTHORIZED',
  'IMPORT_UNSUPPORTED_FORMAT',
  'IMPORT_DECODE_FAILED',
  'IMPORT_EMPTY',
  'IMPORT_BINARY',
  'IMPORT_PARSE_FAILED',
  'IMPORT_READ_FAILED',
  'IMPORT_TOO_LARGE',
  'QUERY_INVALID',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorData {
  code: ErrorCode;
  message: string;
}

/** The error every client throws; `code` survives IPC and HTTP unchanged. */
export class MizanError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'MizanError';
    this.code = code;
  }
  toData(): ErrorData {
    return { code: this.code, message: this.message };
  }
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

// ---------------------------------------------------------------------------
// Shared shapes

const Id = z.number().int().positive();
const IsoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
const Name = z.string().trim().min(1).max(200);

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

export const ArticleSummary = z.object({
  id: Id,
  title: z.string(),
  source: z.string().nullable(),
  sourceId: Id.nullable(),
  author: z.string().nullable(),
  publishedAt: PublishedAt,
  lang: z.string(),
  dir: Direction,
  url: z.string().nullable(),
  wordCount: z.number().int().nonnegative(),
  importedAt: z.string(),
  tags: z.array(z.string()),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const Article = ArticleSummary.extend({
  body: z.string(),
  originPath: z.string().nullable(),
  originFormat: z.string().nullable(),
  encoding: z.string().nullable(),
  contentHash: z.string(),
  updatedAt: z.string(),
  collections: z.array(z.object({ id: Id, name: z.string() })),
});
export type Article = z.infer<typeof Article>;

export const ImportReport = z.object({
  imported: z.array(z.object({ id: Id, title: z.string(), source: z.string().nullable(), path: z.string() })),
  duplicates: z.array(z.object({ path: z.string(), of: Id, title: z.string() })),
  errors: z.array(z.object({ path: z.string(), code: z.enum(errorCodes), message: z.string() })),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ArticleSort = z.enum(['publishedAt', 'importedAt', 'title', 'source']);

export const ArticleFilter = z.object({
  sourceIds: z.array(Id).max(500).optional(),
  dateFrom: IsoDate.optional(),
  dateTo: IsoDate.optional(),
  lang: z.string().min(2).max(12).optional(),
  tag: Name.optional(),
  collectionId: Id.optional(),
});
export type ArticleFilter = z.infer<typeof ArticleFilter>;

export const ArticlePage = z.object({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  items: z.array(ArticleSummary),
});
export type ArticlePage = z.infer<typeof ArticlePage>;

export const SourceInfo = z.object({
  id: Id,
  name: z.string(),
  aliases: z.array(z.string()),
  articleCount: z.number().int().nonnegative(),
});
export type SourceInfo = z.infer<typeof SourceInfo>;

export const TagInfo = z.object({ id: Id, name: z.string(), articleCount: z.number().int().nonnegative() });
export type TagInfo = z.infer<typeof TagInfo>;

export const CollectionInfo = z.object({
  id: Id,
  name: z.string(),
  description: z.string().nullable(),
  articleCount: z.number().int().nonnegative(),
  createdAt: z.string(),
});
export type CollectionInfo = z.infer<typeof CollectionInfo>;

export const UploadedFile = z.object({
  name: z.string().min(1).max(1024),
  /** File bytes, base64: imports must see the raw bytes to detect encodings. */
  contentBase64: z.string(),
});

export const AppInfo = z.object({
  version: z.string(),
  host: z.enum(['electron', 'web', 'cli', 'test']),
  libraryPath: z.string(),
  articleCount: z.number().int().nonnegative(),
  importFormats: z.array(z.object({ id: z.string(), label: z.string(), extensions: z.array(z.string()) })),
});
export type AppInfo = z.infer<typeof AppInfo>;

const Ok = z.object({ ok: z.literal(true) });

// ---------------------------------------------------------------------------
// Long work reports progress through the contract.

export const Progress = z.object({
  jobId: z.string(),
  done: z.number().int().nonnegative(),
  /** null while the total is not known yet (a folder still being walked). */
  total: z.number().int().nonnegative().nullable(),
  label: z.string().optional(),
});
export type Progress = z.infer<typeof Progress>;

// ---------------------------------------------------------------------------
// The method list

interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
  /** True when the method reports Progress and honours cancellation. */
  progress?: boolean;
  /** Read-only methods; hosts may retry them. */
  readonly?: boolean;
}

export const contract = {
  'app.info': { input: z.object({}), output: AppInfo, readonly: true },
  'jobs.cancel': { input: z.object({ jobId: z.string().min(1) }), output: Ok },

  'library.importFiles': {
    input: z.object({
      paths: z.array(z.string().min(1)).min(1).max(100_000),
      collection: Name.optional(),
      tags: z.array(Name).max(50).optional(),
      /** Title to use for a single plain-text file instead of its first sentence. */
      title: Name.optional(),
    }),
    output: ImportReport,
    progress: true,
  },
  'library.importUploads': {
    input: z.object({
      files: z.array(UploadedFile).min(1).max(10_000),
      collection: Name.optional(),
      tags: z.array(Name).max(50).optional(),
    }),
    output: ImportReport,
    progress: true,
  },
  'library.listArticles': {
    input: z.object({
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().min(1).max(1000).default(100),
      sort: ArticleSort.default('publishedAt'),
      order: z.enum(['asc', 'desc']).default('desc'),
      filter: ArticleFilter.default({}),
    }),
    output: ArticlePage,
    readonly: true,
  },
  'library.getArticle': { input: z.object({ id: Id }), output: Article, readonly: true },
  'library.updateArticle': {
    input: z.object({
      id: Id,
      patch: z
        .object({
          title: Name.max(2000),
          author: z.string().max(500).nullable(),
          source: Name.nullable(),
          /** A date as written; Mizan parses it and keeps the original. */
          publishedAt: z.string().max(200).nullable(),
          lang: z.string().min(2).max(12),
          dir: Direction,
          url: z.string().max(4000).nullable(),
          tags: z.array(Name).max(200),
        })
        .partial(),
    }),
    output: Article,
  },
  'library.deleteArticle': { input: z.object({ id: Id }), output: Ok },
  'library.listSources': { input: z.object({}), output: z.array(SourceInfo), readonly: true },
  'library.listTags': { input: z.object({}), output: z.array(TagInfo), readonly: true },
  'library.listCollections': { input: z.object({}), output: z.array(CollectionInfo), readonly: true },
  'library.createCollection': {
    input: z.object({ name: Name, description: z.string().max(2000).optional() }),
    output: CollectionInfo,
  },
  'library.renameCollection': { input: z.object({ id: Id, name: Name }), output: CollectionInfo },
  'library.deleteCollection': { input: z.object({ id: Id }), output: Ok },
  'library.addToCollection': {
    input: z.object({ collectionId: Id, articleIds: z.array(Id).min(1).max(100_000) }),
    output: CollectionInfo,
  },
  'library.removeFromCollection': {
    input: z.object({ collectionId: Id, articleIds: z.array(Id).min(1).max(100_000) }),
    output: CollectionInfo,
  },
  'library.reorderCollection': {
    input: z.object({ collectionId: Id, articleIds: z.array(Id).min(1).max(100_000) }),
    output: CollectionInfo,
  },
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** What a caller passes (defaults may be omitted). */
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives, after validation filled defaults in. */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

export interface CallOptions {
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

/** The typed API as clients see it: `api['library.getArticle']({ id: 1 })`. */
export type MizanApi = {
  [M in MethodName]: (input: Input<M>, options?: CallOptions) => Promise<Output<M>>;
};

/** What a host gives each handler call. */
export interface CallContext {
  progress(done: number, total: number | null, label?: string): void;
  signal: AbortSignal;
}

/** The core implements this; hosts only route to it. */
export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>, ctx: CallContext) => Promise<Output<M>>;
};

// ---------------------------------------------------------------------------
// Transport: the one thing a host must provide to a client.

export interface Transport {
  invoke(method: MethodName, input: unknown, jobId: string | null): Promise<Envelope<unknown>>;
  /** Subscribe to progress of all jobs; returns an unsubscribe function. */
  onProgress(listener: (progress: Progress) => void): () => void;
}

/** The shape the preload exposes as `window.mizan`. */
export type Bridge = Transport;

let jobCounter = 0;
function newJobId(): string {
  jobCounter += 1;
  return `job-${Date.now().toString(36)}-${jobCounter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Builds the typed client for every method from the one list. */
export function createClient(transport: Transport): MizanApi {
  const api: Partial<Record<MethodName, unknown>> = {};
  for (const method of methodNames) {
    const spec: MethodSpec = contract[method];
    api[method] = async (input: unknown, options: CallOptions = {}) => {
      let jobId: string | null = null;
      let unsubscribe: (() => void) | null = null;
      let abortListener: (() => void) | null = null;
      if (spec.progress) {
        const id = newJobId();
        jobId = id;
        if (options.onProgress) {
          const onProgress = options.onProgress;
          unsubscribe = transport.onProgress((p) => {
            if (p.jobId === id) onProgress(p);
          });
        }
        if (options.signal) {
          abortListener = () => void transport.invoke('jobs.cancel', { jobId: id }, null);
          options.signal.addEventListener('abort', abortListener, { once: true });
        }
      }
      try {
        const envelope = await transport.invoke(method, input ?? {}, jobId);
        if (!envelope.ok) throw new MizanError(envelope.error.code, envelope.error.message);
        return envelope.value;
      } finally {
        unsubscribe?.();
        if (abortListener) options.signal?.removeEventListener('abort', abortListener);
      }
    };
  }
  return api as MizanApi;
}

/** Turns anything thrown into data that can cross a boundary. */
export function toErrorData(error: unknown): ErrorData {
  if (error instanceof MizanError) return error.toData();
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { code: 'INVALID_ARGUMENT', message: `${where}${issue?.message ?? 'invalid argument'}` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message };
}

export { ipcChannels } from './channels';
