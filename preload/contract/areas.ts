/**
 * One method's spec, with only its area's file loaded: a host that calls a method or two and exits (the `mizan`
 * command) builds that area's zod schemas, and those of the files it imports, instead of the whole contract's
 * (main/cli/README.md has the figure). The specs are the very objects `contract` holds.
 */
import type { Contract, MethodName } from './index';

/** The part of a method's name before its first dot: `library` of `library.getArticle`. */
type PrefixOf<M> = M extends `${infer P}.${string}` ? P : never;
type Prefix = PrefixOf<MethodName>;

/** Per prefix, the file holding its methods; the compiler checks that each one holds every method of its prefix. */
const areaOf: { [P in Prefix]: () => Promise<{ [M in Extract<MethodName, `${P}.${string}`>]: Contract[M] }> } = {
  app: async () => (await import('./app.js')).appMethods,
  jobs: async () => (await import('./app.js')).appMethods,
  library: async () => (await import('./library.js')).libraryMethods,
  highlights: async () => (await import('./workbench.js')).workbenchMethods,
  notes: async () => (await import('./workbench.js')).workbenchMethods,
  search: async () => (await import('./search.js')).searchMethods,
  dossier: async () => (await import('./dossier.js')).dossierMethods,
  compare: async () => (await import('./compare.js')).compareMethods,
  export: async () => (await import('./exports.js')).exportMethods,
  entities: async () => (await import('./entities.js')).entityMethods,
  charts: async () => (await import('./entities.js')).entityMethods,
};

/** `contract[method]`, loading only the file of its area. */
export async function methodSpec<M extends MethodName>(method: M): Promise<Contract[M]> {
  const area: Partial<Record<MethodName, Contract[MethodName]>> =
    await areaOf[method.slice(0, method.indexOf('.')) as Prefix]();
  return area[method] as Contract[M];
}
