/**
 * AQMAR scored 2-fold, as main/core/entities/README.md describes it: for each
 * fold the name lists and the tagger are derived without that fold's articles
 * (AQMAR_FOLD), bench:entities scores those articles and writes a trace, and
 * the shipped generated files are put back at the end. Prints the two folds'
 * counts added up, then the per-path analysis (bench/entityPaths.ts).
 *   node scripts/benchEntityFolds.js NEWSFANE_FILE AQMAR_DIR FOLD0_DIR FOLD1_DIR
 * FOLDn_DIR: a folder of links to the articles left out of fold n (even and odd
 * articles by name). Takes minutes: each fold trains the tagger.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const [newsfane, aqmar, ...folds] = process.argv.slice(2);
if (!newsfane || !aqmar || folds.length !== 2) {
  process.stderr.write('usage: node scripts/benchEntityFolds.js NEWSFANE_FILE AQMAR_DIR FOLD0_DIR FOLD1_DIR\n');
  process.exit(2);
}
const root = path.resolve(__dirname, '..');
const dir = path.join(root, 'main', 'core', 'entities');
const generated = ['names.generated.ts', 'people.generated.ts', 'tagger.generated.ts'];
const keep = fs.mkdtempSync(path.join(os.tmpdir(), 'entity-folds-'));
for (const f of generated) fs.copyFileSync(path.join(dir, f), path.join(keep, f));
const run = (cmd, args, env = {}) =>
  execFileSync(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });

const totals = new Map();
try {
  folds.forEach((foldDir, fold) => {
    const env = { AQMAR_FOLD: String(fold) };
    run('node', ['scripts/deriveEntityNames.js', newsfane, aqmar], env);
    run('npx', ['tsc', '-b']);
    fs.writeFileSync(
      path.join(dir, 'tagger.generated.ts'),
      run('node', ['scripts/deriveEntityTagger.js', newsfane, aqmar], env),
    );
    run('npx', ['tsc', '-b']);
    // Kept so other floors can be scored on the held-out fold without training again (MIZAN_NER_FLOORS).
    fs.copyFileSync(path.join(dir, 'tagger.generated.ts'), path.join(keep, `tagger${fold}.generated.ts`));
    const trace = path.join(keep, `trace${fold}.json`);
    const out = run('node', ['dist/bench/entities.js', foldDir], { MIZAN_NER_TRACE: trace }).toString();
    // The first two tables: the extractor, then the rules alone.
    out
      .split('\n\n')
      .slice(1, 3)
      .forEach((table, k) => {
        for (const m of table.matchAll(/^(\w+)\s+P.*\(tp (\d+), fp (\d+), fn (\d+)\)$/gmu)) {
          const key = `${k === 0 ? 'rules + tagger' : 'rules alone'} ${m[1]}`;
          const t = totals.get(key) ?? [0, 0, 0];
          totals.set(key, [t[0] + Number(m[2]), t[1] + Number(m[3]), t[2] + Number(m[4])]);
        }
      });
  });
} finally {
  for (const f of generated) fs.copyFileSync(path.join(keep, f), path.join(dir, f));
  run('npx', ['tsc', '-b']);
}
process.stdout.write(`fold taggers and traces in ${keep}\n`);
for (const [key, [tp, fp, fn]] of totals) {
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, tp + fn);
  process.stdout.write(
    `${key.padEnd(28)} P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${((2 * p * r) / Math.max(1e-9, p + r)).toFixed(3)}  (tp ${tp}, fp ${fp}, fn ${fn})\n`,
  );
}
process.stdout.write(
  run('node', ['dist/bench/entities.js', '--paths', path.join(keep, 'trace0.json'), path.join(keep, 'trace1.json')]),
);
