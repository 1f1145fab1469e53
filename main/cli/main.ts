/**
 * `mizan` — the command line over the same services as the app, for
 * archivists who script their imports.
 *
 *   mizan import PATH... [--library FILE] [--collection NAME] [--tag T]... [--title T] [--json]
 *   mizan list [--source S] [--lang L] [--limit N] [--offset N] [--json] [--library FILE]
 *   mizan show ID [--json] [--library FILE]
 */
import { parseArgs } from 'node:util';
import { MizanError, type Envelope, type Input, type MethodName, type Output, type Progress } from '../../preload/contract';
import { defaultLibraryPath } from '../core/paths';
import { createDispatcher, type Dispatcher } from '../core/rpc';
import { createServices } from '../core/services';
import { appVersion } from '../core/version';
import { createProgressBar } from './progressBar';

const USAGE = `Mizan ${appVersion()} — offline research workbench for news archives

Usage:
  mizan import PATH... [--collection NAME] [--tag TAG]... [--title TITLE] [--json]
  mizan list [--source NAME] [--lang CODE] [--limit N] [--offset N] [--json]
  mizan show ID [--json]

Options:
  --library FILE   library to use (default: the app's own, ${defaultLibraryPath()})
  --json           machine-readable output on stdout
  -h, --help       this help

Exit status: 0 success, 1 something could not be imported or found, 2 usage error.
`;

class UsageError extends Error {}

async function call<M extends MethodName>(dispatcher: Dispatcher, method: M, input: Input<M>, jobId: string | null = null): Promise<Output<M>> {
  const envelope = (await dispatcher.dispatch(method, input, jobId)) as Envelope<Output<M>>;
  if (!envelope.ok) throw new MizanError(envelope.error.code, envelope.error.message);
  return envelope.value;
}

function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

function formatDate(p: Output<'library.getArticle'>['publishedAt']): string {
  return p.iso ?? p.original ?? '—';
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      library: { type: 'string' },
      collection: { type: 'string' },
      tag: { type: 'string', multiple: true },
      title: { type: 'string' },
      source: { type: 'string' },
      lang: { type: 'string' },
      limit: { type: 'string' },
      offset: { type: 'string' },
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
  if (!['import', 'list', 'show'].includes(command)) throw new UsageError(`unknown command "${command}"`);
  if (command === 'import' && args.length === 0) throw new UsageError('import: name at least one file or folder');
  if (command === 'show' && args.length !== 1) throw new UsageError('show: name one article id');

  const dbPath = values.library ?? defaultLibraryPath();
  const services = await createServices({ dbPath, host: 'cli' });
  const bar = createProgressBar(process.stderr);
  const dispatcher = createDispatcher(services.handlers, (p: Progress) => bar.update(p.done, p.total, p.label));
  try {
    if (command === 'import') {
      const report = await call(
        dispatcher,
        'library.importFiles',
        { paths: args, collection: values.collection, tags: values.tag, title: values.title },
        'cli-import',
      );
      bar.done();
      if (values.json) {
        print(
          JSON.stringify({
            imported: report.imported.map(({ id, title, source }) => ({ id, title, source })),
            duplicates: report.duplicates.map(({ path, of }) => ({ path, of })),
            errors: report.errors,
          }),
        );
      } else {
        print(`Imported ${report.imported.length}, duplicates ${report.duplicates.length}, errors ${report.errors.length} (library: ${dbPath})`);
        for (const d of report.duplicates.slice(0, 50)) print(`  duplicate: ${d.path} is article ${d.of} (${d.title})`);
        for (const e of report.errors) print(`  error ${e.code}: ${e.message}`);
      }
      return report.errors.length > 0 ? 1 : 0;
    }
    if (command === 'list') {
      let sourceIds: number[] | undefined;
      if (values.source) {
        const wanted = values.source.toLowerCase();
        const sources = await call(dispatcher, 'library.listSources', {});
        const match = sources.filter((s) => s.name.toLowerCase() === wanted || s.aliases.some((a) => a.toLowerCase() === wanted));
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
        for (const a of page.items) print(`${String(a.id).padStart(6)}  ${formatDate(a.publishedAt).padEnd(10)}  ${(a.source ?? '—').padEnd(16)}  ${a.title.slice(0, 100)}`);
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
      print(`${a.title}\n${[a.source, a.author, a.publishedAt.original ?? a.publishedAt.iso, a.lang, a.url].filter(Boolean).join(' · ')}\n\n${a.body}`);
    }
    return 0;
  } finally {
    bar.done();
    await services.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error instanceof Error && 'code' in error && (error as { code: string }).code.startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`mizan: ${error.message}\nRun "mizan --help" for usage.\n`);
      process.exitCode = 2;
      return;
    }
    const code = error instanceof MizanError ? `${error.code}: ` : '';
    process.stderr.write(`mizan: ${code}${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
