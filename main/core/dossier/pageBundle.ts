/**
 * The analyzer, bundled for the offline HTML dossier's search: the compiled
 * CommonJS of main/core/text/lunrPipeline and everything it requires (our
 * tokenizer, normalizer and stemmers, lunr, porter2), wrapped in a minimal
 * module loader. The page thus runs the very code that built its index, so a
 * query means in the page what it means in the app.
 *
 * The sources are the compiled JavaScript beside this file (dist/, or
 * app.asar in a packaged app). When this module itself runs as TypeScript
 * (unit tests), the compiled files come from the repository's dist/ and are
 * checked against the running analyzer before use (`checkBundle`), so a
 * stale build cannot silently produce a page that searches differently.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { runInNewContext } from 'node:vm';
import { analyzeWord } from '../text/analyze';

export interface PageBundle {
  /** JavaScript defining `mizanRequire(id)`; no global other than that one. */
  code: string;
  /** Module ids for the page script. */
  lunrId: string;
  pipelineId: string;
  analyzeId: string;
  tokenizeId: string;
}

/** The compiled lunrPipeline.js to start from. */
function entryFile(): string {
  const here = join(__dirname, '..', 'text', 'lunrPipeline.js');
  if (existsSync(here)) return here;
  // Running from sources: the repository's build output.
  const repo = resolve(__dirname, '..', '..', '..');
  const built = join(repo, 'dist', 'main', 'core', 'text', 'lunrPipeline.js');
  if (existsSync(built)) return built;
  throw new Error(`the compiled analyzer (${built}) is missing: run \`npm run build\``);
}

const REQUIRE_CALL = /\brequire\("([^"]+)"\)/g;

/** lunr ships a minified build of the same code; a third of the size. */
function preferMinified(file: string): string {
  if (file.endsWith(`${sep}lunr.js`)) {
    const min = file.replace(/lunr\.js$/, 'lunr.min.js');
    if (existsSync(min)) return min;
  }
  return file;
}

interface Module {
  id: string;
  source: string;
  deps: Record<string, string>;
}

function collect(entry: string): { modules: Module[]; ids: Map<string, string> } {
  const ids = new Map<string, string>();
  const modules: Module[] = [];
  const root = dirname(entry);
  const idOf = (file: string): string => {
    let id = ids.get(file);
    if (!id) {
      const rel = relative(root, file).split(sep).join('/');
      id = rel.includes('node_modules/') ? rel.slice(rel.lastIndexOf('node_modules/') + 'node_modules/'.length) : rel;
      ids.set(file, id);
    }
    return id;
  };
  const queue = [entry];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=.*$/m, '');
    const req = createRequire(file);
    const deps: Record<string, string> = {};
    for (const match of source.matchAll(REQUIRE_CALL)) {
      const spec = match[1]!;
      const target = preferMinified(req.resolve(spec));
      if (!target.endsWith('.js')) throw new Error(`the page analyzer cannot bundle ${spec} (${target})`);
      deps[spec] = idOf(target);
      queue.push(target);
    }
    modules.push({ id: idOf(file), source, deps });
  }
  return { modules, ids };
}

function scriptSafe(js: string): string {
  // Inside an inline <script>, "</script" would end the element.
  return js.replace(/<\/(script)/gi, '<\\/$1');
}

export function buildPageBundle(): PageBundle {
  const entry = entryFile();
  const { modules, ids } = collect(entry);
  const lunrFile = [...ids.keys()].find((f) => /[\\/]lunr(\.min)?\.js$/.test(f));
  if (!lunrFile) throw new Error('the page analyzer bundle has no lunr');
  const defs = modules
    .map(
      (m) =>
        `${JSON.stringify(m.id)}: [function (module, exports, require) {\n${m.source}\n}, ${JSON.stringify(m.deps)}]`,
    )
    .join(',\n');
  const code = `var mizanRequire = (function () {
  "use strict";
  var defs = {
${defs}
  };
  var cache = {};
  function load(id) {
    if (cache[id]) return cache[id].exports;
    var def = defs[id];
    if (!def) throw new Error("mizan bundle: no module " + id);
    var module = { exports: {} };
    cache[id] = module;
    def[0].call(module.exports, module, module.exports, function (spec) {
      var target = def[1][spec];
      if (!target) throw new Error("mizan bundle: " + id + " requires unknown " + spec);
      return load(target);
    });
    return module.exports;
  }
  return load;
})();`;
  const sibling = (name: string): string => {
    const id = ids.get(join(dirname(entry), name));
    if (!id) throw new Error(`the page analyzer bundle has no ${name}`);
    return id;
  };
  return {
    code: scriptSafe(code),
    lunrId: ids.get(lunrFile)!,
    pipelineId: ids.get(entry)!,
    analyzeId: sibling('analyze.js'),
    tokenizeId: sibling('tokenize.js'),
  };
}

interface BundleApi {
  analyzeWord(word: string): { stem: string; exact: string; stop: boolean } | null;
}

/**
 * Runs the bundle in a fresh V8 context and compares its keys for `words`
 * with the running analyzer's. Throws on the first difference.
 */
export function checkBundle(bundle: PageBundle, words: Iterable<string>): void {
  const context: { result?: BundleApi } = {};
  runInNewContext(`${bundle.code}\nresult = mizanRequire(${JSON.stringify(bundle.analyzeId)});`, context);
  const api = context.result;
  if (!api) throw new Error('the page analyzer bundle did not load');
  for (const word of words) {
    const mine = analyzeWord(word);
    const theirs = api.analyzeWord(word);
    const a = mine ? `${mine.stem}|${mine.exact}|${mine.stop}` : 'null';
    const b = theirs ? `${theirs.stem}|${theirs.exact}|${theirs.stop}` : 'null';
    if (a !== b) {
      throw new Error(
        `the page analyzer (compiled) differs from the running one on "${word}" (${b} vs ${a}): run \`npm run build\``,
      );
    }
  }
}
