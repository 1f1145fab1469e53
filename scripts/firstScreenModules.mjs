/**
 * What the renderer's first screen is made of: builds the renderer with
 * source maps (in memory, nothing written), follows the static imports of the
 * entry chunk and of the app module it loads at once, and gives each minified byte to the source file its map names.
 * Prints packages and folders, then the largest files, in kB as minified.
 *
 *   node scripts/firstScreenModules.mjs [TOP]
 */
import { build } from 'vite';

const top = Number(process.argv[2] ?? 30);
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Source-map "mappings": per generated line, [column, source index] of each segment (VLQ, fields relative). */
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (segment === '') continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = alphabet.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length > 1) source += fields[1];
      segments.push([column, fields.length > 1 ? source : -1]);
    }
    lines.push(segments);
  }
  return lines;
}

const result = await build({
  configFile: new URL('../renderer/vite.config.ts', import.meta.url).pathname,
  logLevel: 'silent',
  build: { write: false, sourcemap: true },
});
const output = (Array.isArray(result) ? result[0] : result).output;
const chunks = new Map(output.filter((o) => o.type === 'chunk').map((o) => [o.fileName, o]));
const loaded = new Set();
const visit = (file) => {
  if (loaded.has(file)) return;
  loaded.add(file);
  for (const imported of chunks.get(file).imports) visit(imported);
};
// The entry (boot.ts) and the app module it loads at once (main.tsx).
for (const chunk of chunks.values())
  if (chunk.isEntry || /[\\/]renderer[\\/]src[\\/]main\.tsx$/.test(chunk.facadeModuleId ?? '')) visit(chunk.fileName);

const bytes = new Map();
let total = 0;
const add = (name, n) => bytes.set(name, (bytes.get(name) ?? 0) + n);
for (const file of loaded) {
  const chunk = chunks.get(file);
  const sources = chunk.map.sources.map((s) => s.replace(/^(\.\.\/)+/, '').replace(/.*node_modules\//, 'npm:'));
  const decoded = decodeMappings(chunk.map.mappings);
  chunk.code.split('\n').forEach((line, i) => {
    const segments = decoded[i] ?? [];
    let from = 0;
    let owner = '(unmapped)';
    for (const [column, source] of segments) {
      add(owner, Buffer.byteLength(line.slice(from, column)));
      from = column;
      owner = source >= 0 ? sources[source] : '(unmapped)';
    }
    add(owner, Buffer.byteLength(line.slice(from)) + 1);
  });
  total += Buffer.byteLength(chunk.code);
}

const groupOf = (name) => {
  if (!name.startsWith('npm:')) return name.split('/').slice(0, 3).join('/');
  const parts = name.slice(4).split('/');
  return `npm:${parts.slice(0, parts[0].startsWith('@') ? 2 : 1).join('/')}`;
};
const groups = new Map();
for (const [name, n] of bytes) groups.set(groupOf(name), (groups.get(groupOf(name)) ?? 0) + n);
const kb = (n) => (n / 1000).toFixed(1).padStart(7);
const list = (map) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, n]) => `${kb(n)}  ${name}`)
    .join('\n');
console.log(`first screen: ${(total / 1000).toFixed(1)} kB in ${[...loaded].join(', ')}\n`);
console.log(`by package or folder:\n${list(groups)}\n`);
console.log(`by file:\n${list(bytes)}`);
