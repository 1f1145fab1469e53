/**
 * THE API between Mizan's core and every client (Electron renderer over IPC,
 * the browser over the web host, tests). One list of methods: the IPC
 * handlers, the HTTP routes and the typed clients are all derived from it by
 * one loop, so a method exists everywhere or nowhere.
 *
 * Everything here is JSON-safe and free of Node and DOM APIs: the renderer,
 * the sandboxed preload and the main process all import it.
 */
import type { z } from 'zod';
import { appMethods, type Progress } from './app';
import { compareMethods } from './compare';
import { dossierMethods } from './dossier';
import { exportMethods } from './exports';
import { entityMethods } from './entities';
import type { Envelope, ErrorCode } from './errors';
import { libraryMethods, type ImportReport } from './library';
import type { MethodSpec } from './shapes';
import { searchMethods } from './search';
import { workbenchMethods } from './workbench';

export * from './errors';
export * from './defaults';
export * from './lists';
export { DatePrecision, Direction, PublishedAt } from './shapes';
export * from './app';
export * from './library';
export * from './workbench';
export * from './search';
export * from './dossier';
export * from './compare';
export * from './exports';
export * from './entities';

// ---------------------------------------------------------------------------
// The method list: each area's methods, in one object.

export const contract = {
  ...appMethods,
  ...libraryMethods,
  ...workbenchMethods,
  ...searchMethods,
  ...dossierMethods,
  ...compareMethods,
  ...exportMethods,
  ...entityMethods,
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export { isMethodName, methodList, methodNames } from './methodList';
export { toErrorData } from './errorData';
export { createClient } from './client';

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

/**
 * A file the user dropped onto the window, as the page holds it (a DOM
 * `File`). Typed by the two fields we read so the contract compiles without
 * the DOM library.
 */
export interface DroppedFile {
  readonly name: string;
  readonly size: number;
}

/**
 * What the desktop shell tells the page outside any call it made: files
 * chosen from the menu, given on the command line or by a second launch
 * for the page to import (as a drop: progress, cancel, the CSV mapping
 * dialog, the report), an import the shell ran itself finished (before the
 * page could take it), or a mizan:// link asks the page to open a route
 * ("article/12", "dossier/3", "search?q=...").
 */
export type ShellEvent =
  | { kind: 'importPaths'; paths: string[] }
  | { kind: 'imported'; report: ImportReport }
  | { kind: 'importFailed'; error: { code: ErrorCode; message: string } }
  | { kind: 'open'; route: string };

/** The shape the preload exposes as `window.mizan`: the transport plus what only a desktop window has. */
export interface Bridge extends Transport {
  /**
   * The real path on disk of a dropped file or folder ('' when it has none,
   * e.g. dragged out of another app's memory). Electron >= 32 no longer puts
   * it on `File.path`; the sandboxed preload asks `webUtils.getPathForFile`.
   */
  pathForFile(file: DroppedFile): string;
  /** Subscribe to the shell's events; returns an unsubscribe function. */
  onShellEvent(listener: (event: ShellEvent) => void): () => void;
}

export { ipcChannels } from '../channels';
