/**
 * `mizan` — the command line over the same services as the app, for
 * archivists who script their imports.
 *
 *   mizan import PATH... [--library FILE] [--collection NAME] [--tag T]... [--title T]
 *                [--map FIELD=COLUMN,...] [--encoding LABEL] [--near-threshold S] [--max-size MB] [--json]
 *   mizan list [--source S] [--lang L] [--limit N] [--offset N] [--json] [--library FILE]
 *   mizan show ID [--json] [--library FILE]
 *   mizan search "QUERY" [--collection NAME] [--limit N] [--json] [--library FILE] (searchCommands.ts)
 *   mizan search --saved NAME ["QUERY"] [--json]; mizan searches [--json]
 *   mizan reindex [--library FILE]
 *   mizan clusters [--full] [--threshold S] [--min-size N] [--min-outlets N] [--limit N] [--json] (compareCommands.ts)
 *   mizan compare ID ID [ID...] [--json]
 *   mizan entities ID... [--json] | --top N [--kind person|place|organisation] [--json] (entityCommands.ts)
 *   mizan export DOSSIER_ID|--articles ID,ID,... --pdf FILE|--html FILE (exportCommands.ts)
 */
// First: the text code's tables from the build's file, before any text code builds them; then the analyzer's
// fingerprint from the build's file.
import '../core/text/textTablesFile';
import './fingerprintFile';
import { parseArgs } from 'node:util';
// The contract's parts from their own files: the dispatcher loads a method's schemas with its first call.
import { MizanError } from '../../preload/contract/errors';
import type { Envelope, Input, MethodName, Output, Progress } from '../../preload/contract';
import { defaultLibraryPath } from '../core/paths';
import { createDispatcher, type Dispatcher } from '../core/rpc';
import { createServices } from '../core/services';
import { appVersion } from '../core/version';
import { createProgressBar } from './progressBar';
import { markPhase } from './phases';
import { clustersCommand, compareCommand } from './compareCommands';
import type { TopOptions } from './entityCommands';
import { reindexCommand, savedSearchesCommand, searchCommand, searchSorts } from './searchCommands';
import { exportCommand, ExportUsageError } from './exportCommands';
import { SHARE_COMMANDS, shareCommand, ShareUsageError, type ShareCommand } from './shareCommands';

const USAGE = `Mizan ${appVersion()} — offline research workbench for news archives

Usage:
  mizan import PATH... [--collection NAME] [--tag TAG]... [--title TITLE] [--json]
               [--map FIELD=COLUMN,...] [--encoding LABEL] [--near-threshold S] [--max-size MB]
  mizan list [--source NAME] [--lang CODE] [--limit N] [--offset N] [--json]
  mizan show ID [--json]
  mizan search "QUERY" [--collection NAME] [--source NAME] [--lang CODE] [--tag TAG]
               [--from DATE] [--to DATE] [--sort relevance|newest|oldest] [--limit N] [--offset N] [--json]
                   DATE: 2015-08-11, 2015-08, 2015, or Hijri: 1436-10-26AH, "1436-10-26 هـ"
  mizan search --saved NAME ["QUERY"] [the same options]
                   a saved search, narrowed by the words and options given with it
  mizan searches [--json]
                   the saved searches, with how many articles each finds now
  mizan reindex    rebuild the search index (after an upgrade of Mizan's analyzer)
  mizan clusters [--full] [--threshold S] [--min-size N] [--min-outlets N] [--limit N] [--json]
                   stories told by several articles (new articles are placed first)
  mizan compare ID ID [ID...] [--json]
                   articles side by side: aligned sentences, differences, conflicting facts
  mizan entities ID... [--json]
                   people, places and organisations named in each article
  mizan entities --top N [--kind person|place|organisation] [--json]
                   the library's most named entities, by articles naming them
  mizan export DOSSIER_ID --pdf FILE [--html FILE]
  mizan export --articles ID,ID,... [--title T] [--subtitle S] [--author A] --pdf FILE|--html FILE
               [--lang CODE] [--numerals latn|arab] [--align justify|start] [--json]
                   a dossier as a PDF (contents, citations, outline) or one offline HTML file
  mizan cite ID... | --collection NAME | --dossier ID | --query Q | --all
             [--format bibtex|ris|csl-json|text] [--style chicago-author-date|apa|harvard|vancouver]
             [--lang en|ar] [--out FILE]
                   citations for Zotero and other reference managers (stdout without --out)
  mizan notes (same selection) [--out FILE | --per-article DIR]
                   highlights and notes as Markdown, with citations and mizan:// links back
  mizan export-jsonl (same selection) [--out FILE]
                   articles as JSON Lines, which mizan import reads back
  mizan backup | mizan backups | mizan restore NAME
                   make, list or restore backups (a restore keeps the replaced library as a backup)
  mizan bundle FILE | mizan import-bundle FILE
                   the library and its settings as one ZIP (manifest, SQLite file, SHA256SUMS), and back

Options:
  --library FILE   library to use (default: the app's own, ${defaultLibraryPath()})
  --map SPEC       CSV/TSV/JSON columns for each part, e.g. title=headline,body=text,date=published
                   (fields: title, body, source, author, date, url, lang, tags)
  --encoding LABEL read every file in this encoding instead of detecting it
                   (e.g. windows-1256, iso-8859-6, windows-1254, utf-16le)
  --near-threshold S
                   similarity (0.5-1, default 0.6) from which an article is linked to an
                   earlier one as its near-duplicate
  --max-size MB    refuse files larger than this (default 50)
  --json           machine-readable output on stdout
  -h, --help       this help

Search queries: words (all must occur), "a phrase", -excluded, a OR b, (groups),
title:/body:/author:/source:/lang: fields, prefix*, fuzzy~1 or ~2.

Exit status: 0 success, 1 something could not be imported or found, 2 usage error.
`;

class UsageError extends Error {}

async function call<M extends MethodName>(
  dispatcher: Dispatcher,
  method: M,
  input: Input<M>,
  jobId: string | null = null,
): Promise<Output<M>> {
  const envelope = (await dispatcher.dispatch(method, input, jobId)) as Envelope<Output<M>>;
  markPhase(method);
  if (!envelope.ok) throw new MizanError(envelope.error.code, envelope.error.message);
  return envelope.value;
}

function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

function formatDate(p: Output<'library.getArticle'>['publishedAt']): string {
  return p.iso ?? p.original ?? '—';
}

/** `--top N [--kind K]` of `mizan entities`, checked; null when not asked for. */
function topOptions(top: string | undefined, kind: string | undefined, ids: number): TopOptions | null {
  if (top === undefined) {
    if (kind !== undefined) throw new UsageError('entities: --kind goes with --top N');
    return null;
  }
  const n = Number(top);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new UsageError(`--top: "${top}" is not a count from 1 to 1000`);
  if (ids > 0) throw new UsageError('entities: give article ids or --top N, not both');
  if (kind !== undefined && kind !== 'person' && kind !== 'place' && kind !== 'organisation')
    throw new UsageError(`--kind: "${kind}" is not person, place or organisation`);
  return { top: n, kind };
}

async function run(argv: string[]): Promise<number> {
  markPhase('modules');
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      library: { type: 'string' },
      collection: { type: 'string' },
      tag: { type: 'string', multiple: true },
      title: { type: 'string' },
      map: { type: 'string' },
      encoding: { type: 'string' },
      'near-threshold': { type: 'string' },
      'max-size': { type: 'string' },
      source: { type: 'string' },
      lang: { type: 'string' },
      limit: { type: 'string' },
      offset: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      sort: { type: 'string' },
      full: { type: 'boolean', default: false },
      threshold: { type: 'string' },
      'min-size': { type: 'string' },
      'min-outlets': { type: 'string' },
      pdf: { type: 'string' },
      html: { type: 'string' },
      articles: { type: 'string' },
      subtitle: { type: 'string' },
      author: { type: 'string' },
      numerals: { type: 'string' },
      align: { type: 'string' },
      dossier: { type: 'string' },
      query: { type: 'string' },
      all: { type: 'boolean', default: false },
      format: { type: 'string' },
      style: { type: 'string' },
      out: { type: 'string' },
      'per-article': { type: 'string' },
      top: { type: 'string' },
      kind: { type: 'string' },
      saved: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  const [command, ...args] = positionals;
  if (values.version) {
    print(appVersion());
    return 0;
  }
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return values.help ? 0 : 2;
  }
  const number = (name: string, value: string | undefined, fallback: number): number => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name}: "${value}" is not a whole number`);
    return n;
  };
  if (
    ![
      'import',
      'list',
      'show',
      'search',
      'searches',
      'reindex',
      'clusters',
      'compare',
      'entities',
      'export',
      'export-dossier',
      ...SHARE_COMMANDS,
    ].includes(command)
  )
    throw new UsageError(`unknown command "${command}"`);
  if (command === 'compare' && args.length < 2) throw new UsageError('compare: name two or more article ids');
  const compareIds = command === 'compare' ? args.map((a) => Number(a)) : [];
  const badId = args.find((a, i) => command === 'compare' && !(Number.isInteger(compareIds[i]) && compareIds[i]! > 0));
  if (badId !== undefined) throw new UsageError(`compare: "${badId}" is not an article id`);
  let threshold: number | undefined;
  if (values.threshold !== undefined) {
    threshold = Number(values.threshold);
    if (!(threshold >= 0.05 && threshold <= 1))
      throw new UsageError(`--threshold: "${values.threshold}" is not a number from 0.05 to 1`);
  }
  if (command === 'search' && (args.length > 1 || (args.length === 0 && values.saved === undefined)))
    throw new UsageError('search: give the query as one argument, in quotes (or --saved NAME)');
  const sort = searchSorts.find((s) => s === values.sort);
  if (values.sort !== undefined && !sort)
    throw new UsageError(`--sort: "${values.sort}" is not one of ${searchSorts.join(', ')}`);
  if (command === 'import' && args.length === 0) throw new UsageError('import: name at least one file or folder');
  if (command === 'show' && args.length !== 1) throw new UsageError('show: name one article id');
  const top = command === 'entities' ? topOptions(values.top, values.kind, args.length) : null;
  const entityIds = command === 'entities' ? args.map((a) => Number(a)) : [];
  if (command === 'entities' && args.length === 0 && !top)
    throw new UsageError('entities: name one or more article ids, or give --top N');
  const badEntityId = args.find(
    (a, i) => command === 'entities' && !(Number.isInteger(entityIds[i]) && entityIds[i]! > 0),
  );
  if (badEntityId !== undefined) throw new UsageError(`entities: "${badEntityId}" is not an article id`);

  // The importers' option parsers are loaded only when their options are given: their modules load the HTML
  // entity and charset tables, which a search does not need.
  let mapping: ReturnType<typeof import('../core/importers/fields').parseMappingSpec> | undefined;
  if (values.map !== undefined) {
    const { parseMappingSpec } = await import('../core/importers/fields.js');
    try {
      mapping = parseMappingSpec(values.map);
    } catch (error) {
      throw new UsageError(`--map: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (
    values.encoding !== undefined &&
    !(await import('../core/importers/decode.js')).normalizeCharsetLabel(values.encoding)
  )
    throw new UsageError(
      `--encoding: "${values.encoding}" is not an encoding Mizan can read (e.g. windows-1256, iso-8859-6, windows-1254, utf-16le)`,
    );
  let nearDuplicateThreshold: number | undefined;
  if (values['near-threshold'] !== undefined) {
    nearDuplicateThreshold = Number(values['near-threshold']);
    if (!(nearDuplicateThreshold >= 0.5 && nearDuplicateThreshold <= 1))
      throw new UsageError(`--near-threshold: "${values['near-threshold']}" is not a number from 0.5 to 1`);
  }
  let maxFileBytes: number | undefined;
  if (values['max-size'] !== undefined) {
    const mb = Number(values['max-size']);
    if (!(mb > 0 && mb <= 2000))
      throw new UsageError(`--max-size: "${values['max-size']}" is not a size in MB (up to 2000)`);
    maxFileBytes = Math.round(mb * 1024 * 1024);
  }

  const dbPath = values.library ?? defaultLibraryPath();
  // A one-shot read skips the integrity check on open: on a 30 MB library it took longer than the
  // search itself (bench/cliStart.ts). Every command that writes keeps it. The entity index catches up
  // only in the command that reads it (entities --top): the others end sooner.
  const readOnly = command === 'list' || command === 'show' || command === 'search' || command === 'searches';
  const services = await createServices({ dbPath, host: 'cli', entityIndex: false, skipIntegrityCheck: readOnly });
  markPhase('open');
  const bar = createProgressBar(process.stderr);
  const dispatcher = createDispatcher(services.handlers, (p: Progress) => bar.update(p.done, p.total, p.label));
  try {
    if (command === 'import') {
      const report = await call(
        dispatcher,
        'library.importFiles',
        {
          paths: args,
          collection: values.collection,
          tags: values.tag,
          title: values.title,
          mapping,
          encoding: values.encoding,
          nearDuplicateThreshold,
          maxFileBytes,
        },
        'cli-import',
      );
      bar.done();
      if (values.json) {
        print(
          JSON.stringify({
            imported: report.imported.map(({ id, title, source, path }) => ({ id, title, source, path })),
            duplicates: report.duplicates.map(({ path, of }) => ({ path, of })),
            nearDuplicates: report.nearDuplicates ?? [],
            errors: report.errors,
          }),
        );
      } else {
        const near = report.nearDuplicates ?? [];
        print(
          `Imported ${report.imported.length} (${near.length} near-duplicates), duplicates ${report.duplicates.length}, errors ${report.errors.length} (library: ${dbPath})`,
        );
        for (const d of report.duplicates.slice(0, 50)) print(`  duplicate: ${d.path} is article ${d.of} (${d.title})`);
        for (const n of near.slice(0, 50))
          print(`  near-duplicate: ${n.path} (article ${n.id}) repeats article ${n.of}, similarity ${n.similarity}`);
        for (const e of report.errors) print(`  error ${e.code}: ${e.message}`);
      }
      // The import asked the core to place its articles into stories: let that finish before the library closes.
      await services.stories.idle();
      return report.errors.length > 0 ? 1 : 0;
    }
    if (command === 'entities') {
      const callEntities = <M extends MethodName>(method: M, input: Input<M>, jobId: string | null = null) =>
        call(dispatcher, method, input, jobId);
      // Loaded here: the entity tables are built at load, which no other command needs.
      const { entitiesCommand, topEntitiesCommand } = await import('./entityCommands.js');
      if (top) {
        const poll = setInterval(() => {
          void services.entities.progress().then((p) => bar.update(p.articles - p.queued, p.articles, 'Reading names'));
        }, 500);
        try {
          await services.entities.catchUp();
        } finally {
          clearInterval(poll);
          bar.done();
        }
        return await topEntitiesCommand(callEntities, top, values.json ?? false, print);
      }
      return await entitiesCommand(callEntities, entityIds, values.json ?? false, print);
    }
    if (command === 'clusters' || command === 'compare') {
      const callCompare = <M extends MethodName>(method: M, input: Input<M>, jobId: string | null = null) =>
        call(dispatcher, method, input, jobId);
      if (command === 'compare') return await compareCommand(callCompare, compareIds, values.json ?? false, print);
      const minSize = Math.max(1, number('min-size', values['min-size'], 2));
      const minOutlets = Math.max(1, number('min-outlets', values['min-outlets'], 1));
      const limit =
        values.limit !== undefined ? Math.max(1, number('limit', values.limit, 50)) : values.json ? null : 50;
      return await clustersCommand(
        callCompare,
        { full: values.full ?? false, threshold, minSize, minOutlets, limit, json: values.json ?? false },
        print,
        () => bar.done(),
      );
    }
    if (command === 'export' || command === 'export-dossier') {
      const callExport = <M extends MethodName>(method: M, input: Input<M>, jobId: string | null = null) =>
        call(dispatcher, method, input, jobId);
      const { pdf, html, articles, title, subtitle, author, lang, numerals, align } = values;
      try {
        return await exportCommand(
          callExport,
          args,
          { pdf, html, articles, title, subtitle, author, lang, numerals, align, json: values.json ?? false },
          print,
          () => bar.done(),
        );
      } catch (error) {
        throw error instanceof ExportUsageError ? new UsageError(error.message) : error;
      }
    }
    if ((SHARE_COMMANDS as readonly string[]).includes(command)) {
      const callShare = <M extends MethodName>(method: M, input: Input<M>, jobId: string | null = null) =>
        call(dispatcher, method, input, jobId);
      const { collection, dossier, query, all, format, style, out } = values;
      try {
        return await shareCommand(
          callShare,
          command as ShareCommand,
          args,
          {
            collection,
            dossier,
            query,
            all: all ?? false,
            format,
            style,
            lang: values.lang,
            out,
            perArticle: values['per-article'],
            json: values.json ?? false,
          },
          print,
        );
      } catch (error) {
        throw error instanceof ShareUsageError ? new UsageError(error.message) : error;
      }
    }
    if (command === 'search' || command === 'reindex' || command === 'searches') {
      const callSearch = <M extends MethodName>(method: M, input: Input<M>, jobId: string | null = null) =>
        call(dispatcher, method, input, jobId);
      if (command === 'reindex') return await reindexCommand(callSearch, values.json ?? false, print);
      if (command === 'searches') return await savedSearchesCommand(callSearch, values.json ?? false, print);
      return await searchCommand(
        callSearch,
        args[0] ?? '',
        {
          saved: values.saved,
          collection: values.collection,
          source: values.source,
          lang: values.lang,
          tag: values.tag?.[0],
          from: values.from,
          to: values.to,
          sort,
          limit: Math.min(Math.max(number('limit', values.limit, 20), 1), 100),
          offset: number('offset', values.offset, 0),
          json: values.json ?? false,
          tty: process.stdout.isTTY === true,
        },
        print,
      );
    }
    if (command === 'list') {
      let sourceIds: number[] | undefined;
      if (values.source) {
        const wanted = values.source.toLowerCase();
        const sources = await call(dispatcher, 'library.listSources', {});
        const match = sources.filter(
          (s) => s.name.toLowerCase() === wanted || s.aliases.some((a) => a.toLowerCase() === wanted),
        );
        if (match.length === 0) throw new MizanError('NOT_FOUND', `no source called "${values.source}"`);
        sourceIds = match.map((s) => s.id);
      }
      const page = await call(dispatcher, 'library.listArticles', {
        limit: Math.min(number('limit', values.limit, 50), 1000),
        offset: number('offset', values.offset, 0),
        filter: { sourceIds, lang: values.lang },
      });
      if (values.json) print(JSON.stringify(page));
      else {
        for (const a of page.items)
          print(
            `${String(a.id).padStart(6)}  ${formatDate(a.publishedAt).padEnd(10)}  ${(a.source ?? '—').padEnd(16)}  ${a.title.slice(0, 100)}`,
          );
        print(`${page.items.length} of ${page.total} articles`);
      }
      return 0;
    }
    const id = Number(args[0]);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError(`show: "${args[0]}" is not an article id`);
    const a = await call(dispatcher, 'library.getArticle', { id });
    if (values.json) {
      const { title, source, author, publishedAt, lang, dir, url, body, tags } = a;
      print(JSON.stringify({ id: a.id, title, source, author, publishedAt, lang, dir, url, body, tags }));
    } else {
      print(
        `${a.title}\n${[a.source, a.author, a.publishedAt.original ?? a.publishedAt.iso, a.lang, a.url].filter(Boolean).join(' · ')}\n\n${a.body}`,
      );
    }
    return 0;
  } finally {
    markPhase('output');
    bar.done();
    await services.close();
    markPhase('close');
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (
      error instanceof UsageError ||
      (error instanceof Error && 'code' in error && (error as { code: string }).code.startsWith('ERR_PARSE_ARGS'))
    ) {
      process.stderr.write(`mizan: ${error.message}\nRun "mizan --help" for usage.\n`);
      process.exitCode = 2;
      return;
    }
    const code = error instanceof MizanError ? `${error.code}: ` : '';
    process.stderr.write(`mizan: ${code}${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
