#!/usr/bin/env node
// The CLI is compiled TypeScript, bundled into one script by `npm run build`
// (scripts/bundleCli.mjs); `npm ci` builds it (the "prepare" script).
//
// The bundle is compiled with V8's code cache written beside it at build
// time, which saves parsing ~2 MB on every call (main/cli/README.md has the
// figures). A cache from another V8 (another Node) is rejected by V8 itself
// and the script is compiled as usual.
// With MIZAN_CLI_PHASES=1, the steps' times (main/cli/phases.ts): Node's own start ends here.
const phases = process.env.MIZAN_CLI_PHASES === '1' ? (globalThis[Symbol.for('mizan.cliPhases')] = []) : null;
const markPhase = (phase) => {
  const { user, system } = process.cpuUsage();
  phases?.push({ phase, wall: performance.now(), cpu: (user + system) / 1000 });
};
markPhase('node');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const root = path.join(__dirname, '..');
const bundle = path.join(root, 'dist', 'main', 'cli', 'mizan.js');
const cacheFile = `${bundle}.cache`;

const modified = (file) => fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? -Infinity;
const bundled = modified(bundle);
// After a `tsc -b` alone (no bundle step) the bundle is older than what tsc
// wrote: run tsc's output, module by module, rather than yesterday's code.
const compiled = Math.max(
  ...['main-cli', 'main-core', 'contract', 'common'].map((p) =>
    modified(path.join(root, 'dist', '.tsbuild', `${p}.tsbuildinfo`)),
  ),
);
if (bundled === -Infinity || compiled > bundled) {
  const entry = path.join(root, 'dist', 'main', 'cli', 'main.js');
  if (!fs.existsSync(entry)) {
    process.stderr.write(`mizan: not built yet; run "npm run build" in ${root}\n`);
    process.exit(2);
  }
  require(entry);
  return;
}
// The build writes the bundle in ASCII: read as Latin-1, it becomes a one-byte string without decoding
// (scripts/bundleCli.mjs); one that is not (an older build's) is read as UTF-8.
const bytes = fs.readFileSync(bundle);
const source = require('node:buffer').isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
// `import()` in the bundle (an ES-module-only package) resolves as in any CommonJS module (Node >= 20.12).
const importModuleDynamically = vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData, importModuleDynamically });
markPhase('compile');
if (process.env.MIZAN_CLI_WRITE_CODE_CACHE === '1') {
  // The build's own run: the cache then also holds the functions this call compiled.
  process.on('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
}

// The bundle runs as the CommonJS module it was built as, at its own path.
const bundleModule = new Module(bundle, module);
bundleModule.filename = bundle;
bundleModule.paths = Module._nodeModulePaths(path.dirname(bundle));
bundleModule.loaded = true;
const bundleRequire = Module.createRequire(bundle);
script.runInThisContext()(bundleModule.exports, bundleRequire, bundleModule, bundle, path.dirname(bundle));
