/**
 * `mizan export`: a dossier (or a list of articles) to PDF and/or offline
 * HTML, for scripts.
 *
 *   mizan export DOSSIER_ID --pdf FILE [--html FILE]
 *   mizan export --articles 12,15,20 [--title T] --pdf FILE
 *
 * `export-dossier` is the same command (the name the dossier brief gives it).
 */
import { resolve } from 'node:path';
import type { DossierExportInput, DossierExportResult, Input, MethodName, Output } from '../../preload/contract';

export type Call = <M extends MethodName>(method: M, input: Input<M>, jobId?: string | null) => Promise<Output<M>>;

export interface ExportOptions {
  pdf?: string;
  html?: string;
  articles?: string;
  title?: string;
  subtitle?: string;
  author?: string;
  lang?: string;
  numerals?: string;
  align?: string;
  json: boolean;
}

/** A usage mistake: the caller prints it with the usage hint and exits 2. */
export class ExportUsageError extends Error {}

function idList(spec: string): number[] {
  const ids = spec
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number);
  if (ids.length === 0 || ids.some((n) => !Number.isInteger(n) || n <= 0))
    throw new ExportUsageError(`--articles: "${spec}" is not a list of article ids (e.g. 12,15,20)`);
  return ids;
}

/** What to export, from the command line, before any file is named. */
export function exportRequest(args: readonly string[], o: ExportOptions): Omit<DossierExportInput, 'path'> {
  if (!o.pdf && !o.html) throw new ExportUsageError('export: name an output with --pdf FILE and/or --html FILE');
  if (args.length > 1) throw new ExportUsageError('export: name one dossier id');
  if ((args.length === 1) === (o.articles !== undefined))
    throw new ExportUsageError('export: give a dossier id or --articles ID,ID,..., not both');
  if (o.numerals !== undefined && o.numerals !== 'latn' && o.numerals !== 'arab')
    throw new ExportUsageError('--numerals: latn or arab');
  if (o.align !== undefined && o.align !== 'start' && o.align !== 'justify')
    throw new ExportUsageError('--align: start or justify');
  const request: Omit<DossierExportInput, 'path'> = {};
  if (args.length === 1) {
    const id = Number(args[0]);
    if (!Number.isInteger(id) || id <= 0) throw new ExportUsageError(`export: "${args[0]}" is not a dossier id`);
    request.dossierId = id;
  } else {
    request.articleIds = idList(o.articles!);
  }
  if (o.title) request.title = o.title;
  if (o.subtitle) request.subtitle = o.subtitle;
  if (o.author) request.author = o.author;
  if (o.lang) request.lang = o.lang;
  if (o.numerals) request.numerals = o.numerals as 'latn' | 'arab';
  if (o.align) request.align = o.align as 'start' | 'justify';
  return request;
}

export async function exportCommand(
  call: Call,
  args: readonly string[],
  o: ExportOptions,
  print: (text: string) => void,
  doneProgress: () => void,
): Promise<number> {
  const request = exportRequest(args, o);
  const results: Array<{ kind: 'pdf' | 'html'; result: DossierExportResult }> = [];
  if (o.pdf) {
    const result = await call('dossier.exportPdf', { ...request, path: resolve(o.pdf) }, 'cli-export-pdf');
    results.push({ kind: 'pdf', result });
  }
  if (o.html) {
    const result = await call('dossier.exportHtml', { ...request, path: resolve(o.html) }, 'cli-export-html');
    results.push({ kind: 'html', result });
  }
  doneProgress();
  if (o.json) {
    print(
      JSON.stringify(
        results.map(({ kind, result }) => ({
          kind,
          path: result.path,
          pages: result.pages,
          bytes: result.bytes,
          items: result.items,
        })),
      ),
    );
  } else {
    for (const { kind, result } of results) {
      const pages = result.pages !== null ? `, ${result.pages} pages` : '';
      print(
        `Wrote ${result.path} (${kind.toUpperCase()}, ${result.items} items${pages}, ${(result.bytes / 1024).toFixed(0)} KB)`,
      );
    }
  }
  return 0;
}
