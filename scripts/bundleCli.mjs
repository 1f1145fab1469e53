#!/usr/bin/env node
// Part of `npm run build`, after tsc: the `mizan` command as one script,
// dist/main/cli/mizan.js (bin/mizan.js runs it). A call then reads one file
// instead of resolving and reading ~250 modules (main/cli/README.md has the figures).
//
// The input is tsc's output, so types are checked once, by tsc. Modules stay
// lazy: tsc turns `import()` into `require()`, which the bundle keeps as a
// wrapped module evaluated on first call, so `lazyHandlers` still loads the
// compare, dossier and importer code only when a command needs it.
//
// Worker scripts are started by path (`workerScript(__dirname, ...)`) and stay
// where tsc put them: each bundled module's `__dirname` is rewritten to its
// own folder under dist/, relative to the bundle.
//
// The text code's tables (folds, code-unit classes, guard lists) are written to
// dist/common/text/textTables.bin, which the CLI reads instead of building them
// (main/core/text/textTablesFile.ts), and the analyzer's fingerprint to
// dist/main/cli/analyzerFingerprint.txt (main/cli/fingerprintFile.ts).
//
// Then one `mizan --help` through bin/mizan.js writes V8's code cache of the
// bundle beside it (mizan.js.cache), which bin/mizan.js hands to V8 on each call.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const outDir = join(dist, 'main', 'cli');

// Packages the start-up of a one-shot command loads; every other package
// (native sqlite3, the PDF, HTML and citation libraries the lazy commands
// load) is required from node_modules at run time, as before.
const BUNDLED_PACKAGES = new Set(['zod', '@internationalized/date', 'porter2']);

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

const isBare = (specifier) => !specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.startsWith('\0');

// Data tables (generated name lists, the preposition table, the guard lists,
// the HTML dossier's page script) are leaves with no imports: outside the
// bundle, each behind a stand-in that requires it from where tsc put it on
// the first read of one of its exports, so a command that never reads one
// does not read, parse or evaluate it. tsc's output reads an import's exports
// where it uses them, never at load. The guard lists (~1.1 MB, 40 % of the
// bundle's bytes) are read only to build the guard table, which the CLI takes
// from the tables file; the page script is the one text the bundle cannot
// write in ASCII (a String.raw template).
const isDataTable = (file) =>
  /\.generated\.js$|[\\/]text[\\/](?:prepositions|guards)\.js$|[\\/]dossier[\\/]pageScript\.js$/u.test(file);
const LAZY_TABLE = '\0mizan-lazy-table:';
const requireHere = createRequire(import.meta.url);

const dataTablesOutside = {
  name: 'mizan-data-tables-outside',
  async resolveId(specifier, importer, options) {
    if (importer?.startsWith(LAZY_TABLE)) return { id: specifier, external: true };
    if (!importer || !specifier.startsWith('.')) return null;
    const resolved = await this.resolve(specifier, importer, { ...options, skipSelf: true });
    if (!resolved || !isDataTable(resolved.id)) return null;
    // Named from dist/, as the bundle's other modules are in its comments.
    return `${LAZY_TABLE}${relative(dist, resolved.id).split(sep).join('/')}`;
  },
  load(id) {
    if (!id.startsWith(LAZY_TABLE)) return null;
    const file = join(dist, id.slice(LAZY_TABLE.length));
    const fromBundle = relative(outDir, file).split(sep).join('/');
    const path = JSON.stringify(fromBundle.startsWith('.') ? fromBundle : `./${fromBundle}`);
    // The names its exports have: a data table is a leaf, cheap to evaluate here once.
    const getters = Object.keys(requireHere(file)).map(
      (name) =>
        `Object.defineProperty(exports, ${JSON.stringify(name)}, { enumerable: true, get: () => load()[${JSON.stringify(name)}] });`,
    );
    return [
      'Object.defineProperty(exports, "__esModule", { value: true });',
      'let table;',
      `const load = () => (table ??= require(${path}));`,
      ...getters,
    ].join('\n');
  },
};

/** `__dirname` of a module under dist/, written as a path from the bundle's own folder. */
const ownDirname = {
  name: 'mizan-own-dirname',
  transform(code, id) {
    if (!id.startsWith(dist + sep) || !/\b__dirname\b/u.test(code)) return null;
    const fromBundle = relative(outDir, dirname(id)).split(sep).join('/');
    return code.replace(/\b__dirname\b/gu, `require("node:path").join(__dirname, ${JSON.stringify(fromBundle)})`);
  },
};

await build({
  input: join(outDir, 'main.js'),
  platform: 'node',
  external: (specifier) =>
    specifier.startsWith('node:') || (isBare(specifier) && !BUNDLED_PACKAGES.has(packageName(specifier))),
  plugins: [dataTablesOutside, ownDirname],
  output: {
    file: join(outDir, 'mizan.js'),
    format: 'cjs',
    codeSplitting: false,
    // ASCII, which bin/mizan.js reads as Latin-1: a one-byte string, made without decoding UTF-8 (its Arabic
    // letters made all ~2.2 M characters two bytes wide). JSDoc comments dropped: read on every call, never run.
    charset: 'ascii',
    comments: { legal: true, annotation: true, jsdoc: false },
    sourcemap: false,
  },
  logLevel: 'warn',
});

const cacheFile = join(outDir, 'mizan.js.cache');
rmSync(cacheFile, { force: true });
execFileSync(process.execPath, [join(root, 'bin', 'mizan.js'), '--help'], {
  env: { ...process.env, MIZAN_CLI_WRITE_CODE_CACHE: '1' },
  stdio: 'ignore',
});

rmSync(join(dist, 'common', 'text', 'textTables.bin'), { force: true });
createRequire(import.meta.url)(join(dist, 'main', 'core', 'text', 'textTablesWrite.js')).writeTextTablesFile();

// The analyzer's fingerprint, stamped with the code it was computed from (main/cli/fingerprintFile.ts).
createRequire(import.meta.url)(join(outDir, 'fingerprintFile.js')).writeFingerprintFile();
