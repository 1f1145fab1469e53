/**
 * The core's data flows one way (DESIGN.md, "Layers run one way"):
 *
 *   text, workers  <-  db, entities  <-  library  <-  importers, search, compare, dossier  <-  services.ts
 *
 * Read from the import statements of main/core/<folder>/ files: no file
 * imports a folder ranked above its own, and the folders of one rank never
 * import each other in a circle. Tests may drive the whole core through
 * services.ts, but not reach up into a folder above theirs; their imports
 * do not count for cycles (a search test may build its fixtures with a parser).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../support/paths';

/** Rank of each folder of main/core; the files beside the folders (services.ts, rpc.ts...) are above all. */
const RANK: Readonly<Record<string, number>> = {
  text: 0,
  // The worker pool knows Node and the contract only; every background job of the folders above runs on it.
  workers: 0,
  db: 1,
  // The entity extractor is text analysis with its name lists, no SQL: the ledger and the stories use it.
  entities: 1,
  library: 2,
  importers: 3,
  search: 3,
  compare: 3,
  dossier: 3,
  // Citations, notes and JSON Lines out: reads through the library; services.ts resolves what to export.
  exports: 3,
  // The library's entity index: articles (library) read by the extractor (entities) on a worker.
  entityIndex: 3,
};
const TOP = 4;

interface CoreImport {
  file: string;
  from: string;
  to: string;
  test: boolean;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const isFolder = (path: string): boolean => existsSync(path) && statSync(path).isDirectory();

/** Every relative import between folders of `core` (a main/core directory). */
function coreImports(core: string): CoreImport[] {
  const imports: CoreImport[] = [];
  for (const folder of readdirSync(core)) {
    if (!statSync(join(core, folder)).isDirectory()) continue;
    for (const file of sourceFiles(join(core, folder))) {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      for (const { fileName } of importedFiles) {
        if (!fileName.startsWith('.')) continue;
        const target = relative(core, resolve(dirname(file), fileName));
        if (target.startsWith('..')) continue; // outside the core (the contract, test support)
        const parts = target.split(sep);
        // '../text' is the folder's index; '../services' is a file beside the folders.
        const to = parts.length > 1 || isFolder(join(core, target)) ? parts[0]! : '';
        if (to === folder) continue;
        imports.push({ file: relative(core, file), from: folder, to, test: /\.test\.ts$/.test(file) });
      }
    }
  }
  return imports;
}

const rankOf = (folder: string): number => (folder === '' ? TOP : (RANK[folder] ?? TOP));

/** Imports that run up the layering: into a folder ranked above the importer's (a test may use services.ts). */
function upwardImports(imports: readonly CoreImport[]): string[] {
  return imports
    .filter((i) => rankOf(i.to) > rankOf(i.from) && !(i.test && i.to === ''))
    .map((i) => `${i.file} imports ${i.to || 'main/core'}/`);
}

/** Cycles between folders, each as the folders it runs through (from source files, not tests). */
function folderCycles(imports: readonly CoreImport[]): string[] {
  const edges = new Map<string, Set<string>>();
  for (const i of imports) if (!i.test) (edges.get(i.from) ?? edges.set(i.from, new Set()).get(i.from)!).add(i.to);
  const cycles = new Set<string>();
  const walk = (start: string, at: string, path: string[]): void => {
    for (const next of edges.get(at) ?? []) {
      if (next === start) cycles.add([...path, start].join(' -> '));
      else if (!path.includes(next) && next > start) walk(start, next, [...path, next]);
    }
  };
  for (const start of edges.keys()) walk(start, start, [start]);
  return [...cycles];
}

function layerProblems(core: string): string[] {
  const imports = coreImports(core);
  return [...upwardImports(imports), ...folderCycles(imports).map((c) => `cycle: ${c}`)];
}

describe('core layers', () => {
  it('main/core imports only downward, without cycles between folders', () => {
    expect(layerProblems(join(repoRoot, 'main', 'core'))).toEqual([]);
  });

  it('finds an upward import and a cycle between folders of one rank', () => {
    const core = tempDir('mizan-layers-');
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(core, path)), { recursive: true });
      writeFileSync(join(core, path), text);
    };
    write('db/connection.ts', "import { x } from '../library/store';\nexport const y = x;\n");
    write('library/store.ts', 'export const x = 1;\n');
    write('search/query.ts', "import type { P } from '../importers/types';\nexport type Q = P;\n");
    write('importers/types.ts', "export type P = 1;\nexport { z } from '../search/query';\n");
    write('compare/compare.test.ts', "import { createServices } from '../services';\nvoid createServices;\n");
    write('services.ts', 'export const createServices = 1;\n');
    expect(layerProblems(core)).toEqual([
      'db/connection.ts imports library/',
      'cycle: importers -> search -> importers',
    ]);
  });
});
