/**
 * The `dossier.*` methods of the contract: editing dossiers, and exporting
 * them (or a plain list of articles) as PDF or offline HTML.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, isAbsolute } from 'node:path';
import { MizanError } from '../../../preload/contract/errors';
import type { DossierExportInput, DossierExportResult } from '../../../preload/contract/dossier';
import type { CallContext, Handlers, MethodName } from '../../../preload/contract';
import type { Database, Writer } from '../db/connection';
import type { Comparer } from '../compare/comparisonRunner';
import { resolveDocument } from './dossierDocument';
import * as store from './dossierStore';
import { createExporter } from './exporter';
import type { ExportKind } from './exportTypes';
import { defaultRenderOptions } from './model';

export interface DossierDeps {
  db: Database;
  now: () => Date;
  /** The one comparer (comparisonRunner.ts): a comparison block is recomputed on export. */
  comparer: Comparer;
}

export type DossierMethod = Extract<MethodName, `dossier.${string}`>;

const EXTENSION: Record<ExportKind, string> = { pdf: '.pdf', html: '.html' };

/** An output path the caller may use: absolute, the right extension, in an existing folder. */
function checkedPath(path: string | undefined, kind: ExportKind): string | null {
  if (path === undefined) return null;
  if (!isAbsolute(path)) throw new MizanError('INVALID_ARGUMENT', `path: "${path}" is not an absolute path`);
  const ext = extname(path).toLowerCase();
  const allowed = kind === 'html' ? ['.html', '.htm'] : [EXTENSION[kind]];
  if (!allowed.includes(ext))
    throw new MizanError('INVALID_ARGUMENT', `path: "${path}" should end in ${allowed.join(' or ')}`);
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new MizanError('INVALID_ARGUMENT', `path: the folder ${folder} does not exist`);
  return path;
}

/** Writes beside the target and renames, so a failed export never leaves half a file behind. */
function writeAtomically(path: string, bytes: Uint8Array): void {
  const temp = `${path}.${randomBytes(4).toString('hex')}.part`;
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new MizanError('INVALID_ARGUMENT', `path: cannot write ${path}: ${reason}`);
  }
}

export interface DossierService {
  handlers: Pick<Handlers, DossierMethod>;
  /** Stops the export worker. */
  close(): Promise<void>;
}

export function createDossierService(deps: DossierDeps): DossierService {
  const { db } = deps;
  const stamp = () => deps.now().toISOString();
  const exporter = createExporter();
  /** Makes one change in one transaction and answers with the dossier as it then is. */
  const edit = async (id: number, change: (w: Writer) => Promise<unknown>): ReturnType<typeof store.getDossier> => {
    await db.write(change);
    return store.getDossier(db, id);
  };

  async function exportAs(kind: ExportKind, input: DossierExportInput, ctx: CallContext): Promise<DossierExportResult> {
    const path = checkedPath(input.path, kind);
    ctx.progress(0, null, 'reading');
    const document = await resolveDocument(db, input, deps.now(), deps.comparer);
    const options = {
      ...defaultRenderOptions,
      ...(input.align ? { align: input.align } : {}),
      ...(input.numerals ? { numerals: input.numerals } : {}),
    };
    const output = await exporter.run(
      { kind, document, options },
      (done, total, label) => ctx.progress(done, total, label),
      ctx.signal,
    );
    if (ctx.signal.aborted) throw new MizanError('CANCELLED', 'export cancelled');
    const result: DossierExportResult = {
      path,
      pages: output.pages,
      bytes: output.bytes.byteLength,
      items: document.items.length,
    };
    if (path) writeAtomically(path, output.bytes);
    else
      result.contentBase64 = Buffer.from(
        output.bytes.buffer,
        output.bytes.byteOffset,
        output.bytes.byteLength,
      ).toString('base64');
    return result;
  }

  const handlers: Pick<Handlers, DossierMethod> = {
    // Opening the dossiers is the moment to get the export worker ready.
    'dossier.list': async () => {
      exporter.warm();
      return store.listDossiers(db);
    },
    'dossier.get': async ({ id }) => {
      exporter.warm();
      return store.getDossier(db, id);
    },
    'dossier.create': async ({ title, items, ...metadata }) => {
      const id = await db.write(async (w) => {
        const created = await store.createDossier(w, title, metadata, stamp());
        if (items && items.length > 0) await store.addItems(w, created, items, undefined, stamp());
        return created;
      });
      return store.getDossier(db, id);
    },
    'dossier.rename': async ({ id, title, subtitle }) =>
      edit(id, (w) => store.updateDossier(w, id, title, { subtitle }, stamp())),
    'dossier.update': async ({ id, title, ...metadata }) =>
      edit(id, (w) => store.updateDossier(w, id, title, metadata, stamp())),
    'dossier.delete': async ({ id }) => {
      await db.write((w) => store.deleteDossier(w, id));
      return { ok: true };
    },
    'dossier.addItems': async ({ id, items, position, sectionId }) =>
      edit(id, (w) => store.addItems(w, id, items, position, stamp(), sectionId)),
    'dossier.removeItem': async ({ id, itemId }) => edit(id, (w) => store.removeItem(w, id, itemId, stamp())),
    'dossier.reorder': async ({ id, itemIds }) => edit(id, (w) => store.reorderItems(w, id, itemIds, stamp())),
    'dossier.moveItem': async ({ id, itemId, sectionId, index }) =>
      edit(id, (w) => store.moveItem(w, id, itemId, sectionId, index, stamp())),
    'dossier.addSection': async ({ id, title, position, itemIds }) =>
      edit(id, (w) => store.addSection(w, id, title, position, itemIds ?? [], stamp())),
    'dossier.renameSection': async ({ id, sectionId, title }) =>
      edit(id, (w) => store.renameSection(w, id, sectionId, title, stamp())),
    'dossier.deleteSection': async ({ id, sectionId }) =>
      edit(id, (w) => store.deleteSection(w, id, sectionId, stamp())),
    'dossier.reorderSections': async ({ id, sectionIds }) =>
      edit(id, (w) => store.reorderSections(w, id, sectionIds, stamp())),
    'dossier.exportPdf': async (input, ctx) => exportAs('pdf', input, ctx),
    'dossier.exportHtml': async (input, ctx) => exportAs('html', input, ctx),
  };
  return { handlers, close: () => exporter.close() };
}
