/**
 * Work out to other tools, and the library's own safety, for scripts:
 *
 *   mizan cite ID... | --collection NAME | --dossier ID | --query Q | --all
 *              [--format bibtex|ris|csl-json|text] [--style S] [--lang en|ar] [--out FILE]
 *   mizan notes (same selection) [--out FILE | --per-article DIR]
 *   mizan export-jsonl (same selection) [--out FILE]
 *   mizan backup | mizan backups | mizan restore NAME
 *   mizan bundle FILE | mizan import-bundle FILE
 *
 * Files are never overwritten: an existing --out is a usage error.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MizanError } from '../../preload/contract/errors';
import { CitationFormat, CitationLanguage, CitationStyle } from '../../preload/contract/exports';
import type { ExportSelection, ExportedFile, Input, MethodName, Output } from '../../preload/contract';

export type Call = <M extends MethodName>(method: M, input: Input<M>, jobId?: string | null) => Promise<Output<M>>;

export const SHARE_COMMANDS = [
  'cite',
  'notes',
  'export-jsonl',
  'backup',
  'backups',
  'restore',
  'bundle',
  'import-bundle',
] as const;
export type ShareCommand = (typeof SHARE_COMMANDS)[number];

export interface ShareOptions {
  collection?: string;
  dossier?: string;
  query?: string;
  all: boolean;
  format?: string;
  style?: string;
  /** The language of a formatted citation's words. */
  lang?: string;
  out?: string;
  perArticle?: string;
  json: boolean;
}

/** A usage mistake: the caller prints it with the usage hint and exits 2. */
export class ShareUsageError extends Error {}

function positiveId(text: string, what: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new ShareUsageError(`${what}: "${text}" is not an id`);
  return n;
}

async function selectionOf(
  call: Call,
  command: string,
  args: readonly string[],
  o: ShareOptions,
): Promise<ExportSelection> {
  const ways = [args.length > 0, o.collection !== undefined, o.dossier !== undefined, o.query !== undefined, o.all];
  if (ways.filter(Boolean).length !== 1)
    throw new ShareUsageError(`${command}: name the articles one way: IDs, --collection, --dossier, --query or --all`);
  if (args.length > 0) return { articleIds: args.map((a) => positiveId(a, command)) };
  if (o.dossier !== undefined) return { dossierId: positiveId(o.dossier, '--dossier') };
  if (o.query !== undefined) return { query: o.query };
  if (o.all) return { all: true };
  const wanted = o.collection!.trim().toLowerCase();
  const match = (await call('library.listCollections', {})).find((c) => c.name.trim().toLowerCase() === wanted);
  if (!match) throw new MizanError('NOT_FOUND', `no collection called "${o.collection}"`);
  return { collectionId: match.id };
}

function writeNew(path: string, text: string): string {
  const full = resolve(path);
  if (existsSync(full)) throw new ShareUsageError(`${full} already exists; name a new file`);
  writeFileSync(full, text);
  return full;
}

/** Writes one exported file to --out, or prints it. */
function deliver(file: ExportedFile, o: ShareOptions, print: (text: string) => void): void {
  if (o.out === undefined) {
    process.stdout.write(file.text);
    return;
  }
  const path = writeNew(o.out, file.text);
  if (o.json) print(JSON.stringify({ path, count: file.count }));
  else print(`${file.count} article(s) written to ${path}`);
}

export async function shareCommand(
  call: Call,
  command: ShareCommand,
  args: readonly string[],
  o: ShareOptions,
  print: (text: string) => void,
): Promise<number> {
  if (command === 'cite') {
    const format = CitationFormat.safeParse(o.format ?? 'bibtex');
    if (!format.success) throw new ShareUsageError('--format: bibtex, ris, csl-json or text');
    const style = CitationStyle.safeParse(o.style ?? 'chicago-author-date');
    if (!style.success) throw new ShareUsageError(`--style: ${CitationStyle.options.join(', ')}`);
    const language = CitationLanguage.safeParse(o.lang ?? 'en');
    if (!language.success) throw new ShareUsageError('--lang: en or ar (the words of a formatted citation)');
    const selection = await selectionOf(call, command, args, o);
    const input = { selection, format: format.data, style: style.data, language: language.data };
    deliver(await call('export.citations', input), o, print);
    return 0;
  }
  if (command === 'notes') {
    const selection = await selectionOf(call, command, args, o);
    if (o.perArticle !== undefined && o.out !== undefined)
      throw new ShareUsageError('notes: give --out FILE or --per-article DIR, not both');
    const layout = o.perArticle !== undefined ? 'per-article' : 'one-file';
    const { files } = await call('export.notes', { selection, layout });
    if (files.length === 0) {
      print('no highlights or notes in these articles');
      return 1;
    }
    if (o.perArticle === undefined) {
      deliver(files[0]!, o, print);
      return 0;
    }
    const dir = resolve(o.perArticle);
    mkdirSync(dir, { recursive: true });
    const written = files.map((f) => writeNew(join(dir, f.fileName), f.text));
    if (o.json) print(JSON.stringify({ files: written }));
    else print(`${written.length} file(s) written to ${dir}`);
    return 0;
  }
  if (command === 'export-jsonl') {
    const selection = await selectionOf(call, command, args, o);
    if (o.out === undefined) {
      deliver(await call('export.jsonl', { selection }), o, print);
      return 0;
    }
    // To a file, the lines are written as they are read (a whole library would be one string of hundreds of MB).
    const full = resolve(o.out);
    if (existsSync(full)) throw new ShareUsageError(`${full} already exists; name a new file`);
    const written = await call('export.jsonlFile', { selection, path: full });
    if (o.json) print(JSON.stringify({ path: written.path, count: written.count }));
    else print(`${written.count} article(s) written to ${written.path}`);
    return 0;
  }
  return safetyCommand(call, command, args, o, print);
}

async function safetyCommand(
  call: Call,
  command: ShareCommand,
  args: readonly string[],
  o: ShareOptions,
  print: (text: string) => void,
): Promise<number> {
  if (command === 'backup') {
    const backup = await call('library.backupNow', {});
    print(o.json ? JSON.stringify(backup) : `backup ${backup.name} (${backup.bytes} bytes) in ${backup.path}`);
    return 0;
  }
  if (command === 'backups') {
    const list = await call('library.listBackups', {});
    if (o.json) print(JSON.stringify(list));
    else if (list.length === 0) print('no backups yet (mizan backup makes one)');
    else
      for (const b of list) print(`${b.createdAt}  ${b.reason.padEnd(13)}  ${String(b.bytes).padStart(12)}  ${b.name}`);
    return 0;
  }
  if (command === 'restore') {
    if (args.length !== 1) throw new ShareUsageError('restore: name one backup (see mizan backups)');
    const result = await call('library.restoreBackup', { name: args[0]! });
    if (o.json) print(JSON.stringify(result));
    else print(`restored ${args[0]}; the library it replaced is kept as a backup`);
    return 0;
  }
  if (args.length !== 1) throw new ShareUsageError(`${command}: name one bundle file`);
  const path = resolve(args[0]!);
  if (command === 'bundle') {
    const result = await call('library.exportBundle', { path });
    print(o.json ? JSON.stringify(result) : `bundle written to ${result.path} (${result.bytes} bytes)`);
    return 0;
  }
  const result = await call('library.importBundle', { path });
  if (o.json) print(JSON.stringify(result));
  else print(`library replaced by ${path}; the one it replaced is kept as a backup`);
  return 0;
}
