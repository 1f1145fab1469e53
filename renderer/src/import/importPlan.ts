/**
 * One import of picked or dropped files, planned and run: table files are
 * previewed and mapped first (the dialog), then the imports run one after
 * another under one job and one report: the other files as the importers
 * read them, then each group of table files with its mapping.
 */
import type { ErrorCode, ImportMapping, ImportReport, MizanApi, TablePreview } from '../../../preload/contract';
import {
  groupPreviews,
  isTableName,
  mappingOf,
  pathOf,
  previewSource,
  sourceName,
  type ImportSource,
  type MappingChoice,
  type TableGroup,
} from './tableFiles';
import { emptyReport, uploadFiles } from './uploadFiles';

/** One import call: files of one kind sharing one mapping (none: the importer's own guesses). */
export interface ImportPart {
  sources: ImportSource[];
  mapping?: ImportMapping;
}

export function mergeReports(into: ImportReport, more: ImportReport): ImportReport {
  into.imported.push(...more.imported);
  into.duplicates.push(...more.duplicates);
  into.errors.push(...more.errors);
  if (more.nearDuplicates?.length) (into.nearDuplicates ??= []).push(...more.nearDuplicates);
  return into;
}

export interface ImportPlan {
  /** Imports to run in order: the files without tables first (the importers' own reading), then one per mapped header. */
  parts: ImportPart[];
  /** Table files the core could not read as tables: reported as the import would have reported them. */
  errors: ImportReport['errors'];
  /** Table files left out because the user cancelled the mapping. */
  cancelled: number;
}

export interface PlanHooks {
  remembered(signature: string): ImportMapping | undefined;
  /** Shows the mapping dialog; the choices in the groups' order, or null when cancelled. */
  ask(groups: TableGroup[]): Promise<MappingChoice[] | null>;
  /** The mapping the user chose for a header, to fill the dialog in next time. */
  remember(signature: string, mapping: ImportMapping): void;
  /** Before each table file is read (a big one takes a moment): `done` of `total` read so far. */
  onPreviewing?(done: number, total: number, name: string): void;
}

/**
 * Folders given by path (an Electron drop, File ▸ Import Folder) listed file
 * by file when they hold table files, so those get the mapping dialog too.
 * A folder without tables stays one path: the import walks it itself.
 */
async function withFolderTables(
  api: MizanApi,
  sources: readonly ImportSource[],
): Promise<{ sources: ImportSource[]; errors: ImportReport['errors'] }> {
  const folders = sources.filter(
    (s): s is Extract<ImportSource, { kind: 'path' }> => s.kind === 'path' && !isTableName(s.path),
  );
  if (folders.length === 0) return { sources: [...sources], errors: [] };
  const listed = await api['library.listImportFiles']({ paths: folders.map((s) => s.path) });
  if (!listed.files.some(isTableName)) return { sources: [...sources], errors: [] };
  const kept = sources.filter((s) => s.kind !== 'path' || isTableName(s.path));
  return {
    sources: [...kept, ...listed.files.map((path): ImportSource => ({ kind: 'path', path }))],
    errors: listed.errors,
  };
}

/**
 * Previews the table files among `sources`, asks for their columns, and
 * says which imports to run. Cancelling drops the table files only: the
 * other files of the same drop are imported as usual.
 */
export async function planImport(api: MizanApi, given: readonly ImportSource[], hooks: PlanHooks): Promise<ImportPlan> {
  const { sources, errors } = await withFolderTables(api, given);
  const tables = sources.filter((s) => isTableName(sourceName(s)));
  const others = sources.filter((s) => !isTableName(sourceName(s)));
  const plan: ImportPlan = { parts: others.length > 0 ? [{ sources: others }] : [], errors, cancelled: 0 };
  if (tables.length === 0) return plan;
  const previews: { source: ImportSource; preview: TablePreview }[] = [];
  const failed: { source: ImportSource; error: { code: ErrorCode; message: string } }[] = [];
  for (const [i, source] of tables.entries()) {
    hooks.onPreviewing?.(i, tables.length, sourceName(source));
    const outcome = await previewSource(api, source);
    if ('preview' in outcome) previews.push(outcome);
    else failed.push(outcome);
  }
  const groups = groupPreviews(previews, hooks.remembered);
  const choices = groups.length > 0 ? await hooks.ask(groups) : [];
  if (choices === null) {
    plan.cancelled = tables.length;
    return plan;
  }
  plan.errors.push(...failed.map(({ source, error }) => ({ path: pathOf(source), ...error })));
  for (const [i, group] of groups.entries()) {
    const mapping = mappingOf(choices[i]!);
    hooks.remember(group.signature, mapping);
    plan.parts.push({ sources: group.sources, mapping });
  }
  return plan;
}

export interface RunProgress {
  /** 0..1 over the whole import. */
  fraction: number;
  phase: 'reading' | 'importing';
  label?: string;
}

/** library.importFiles takes at most 100,000 paths a call. */
const PATHS_PER_CALL = 50_000;

/** Runs the plan's imports in order, into one report; after a cancel, the parts not started are reported as cancelled. */
export async function runImportPlan(
  api: MizanApi,
  plan: ImportPlan,
  options: {
    signal?: AbortSignal;
    onProgress?: (p: RunProgress) => void;
    /** Read every file in this encoding (a retry of an unrecognised one). */ encoding?: string;
  } = {},
): Promise<ImportReport> {
  const encoding = options.encoding ? { encoding: options.encoding } : {};
  const report = mergeReports(emptyReport(), { imported: [], duplicates: [], errors: plan.errors });
  const total = plan.parts.reduce((n, part) => n + part.sources.length, 0);
  let before = 0;
  for (const part of plan.parts) {
    const at = (within: number) => (before + within * part.sources.length) / Math.max(1, total);
    if (options.signal?.aborted) {
      for (const source of part.sources)
        report.errors.push({
          path: pathOf(source),
          code: 'CANCELLED',
          message: 'import cancelled before this file was read',
        });
      continue;
    }
    const paths = part.sources.flatMap((s) => (s.kind === 'path' ? [s.path] : []));
    const files = part.sources.flatMap((s) => (s.kind === 'file' ? [s.file] : []));
    // A listed folder can hold more files than one call takes.
    for (let from = 0; from < paths.length; from += PATHS_PER_CALL) {
      const chunk = paths.slice(from, from + PATHS_PER_CALL);
      const share = (done: number) => (from + done * chunk.length) / part.sources.length;
      mergeReports(
        report,
        await api['library.importFiles'](
          { paths: chunk, ...(part.mapping ? { mapping: part.mapping, mappingComplete: true } : {}), ...encoding },
          {
            signal: options.signal,
            onProgress: (p) =>
              options.onProgress?.({
                fraction: at(share(p.total ? p.done / p.total : 0)),
                phase: 'importing',
                label: p.label,
              }),
          },
        ),
      );
    }
    if (files.length > 0) {
      mergeReports(
        report,
        await uploadFiles(api, files, {
          signal: options.signal,
          mapping: part.mapping,
          encoding: options.encoding,
          onProgress: (p) => {
            const within = p.total ? p.done / p.total : 0;
            const fraction = (p.batch - 1 + (p.phase === 'reading' ? 0.1 * within : 0.1 + 0.9 * within)) / p.batches;
            options.onProgress?.({ fraction: at(fraction), phase: p.phase, label: p.label });
          },
        }),
      );
    }
    before += part.sources.length;
  }
  return report;
}
