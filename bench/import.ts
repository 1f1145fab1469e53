/**
 * npm run bench:import — import all 31,030 SaudiNewsNet articles into a fresh
 * library through the same services the app uses (files parsed in a worker,
 * stored in batched transactions). Prints articles/s, file size, peak RSS.
 * Goal (issue 2): at least 1,000 articles/s on a 2-core machine.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createServices } from '../main/core/services';
import { benchDir, peakRssMb, printTable, sharedData } from './support';

async function main(): Promise<void> {
  const dir = benchDir('import');
  const dbPath = join(dir, 'library.db');
  rmSync(dbPath, { force: true });
  const folder = sharedData('saudinewsnet');
  const files = readdirSync(folder).filter((f) => f.endsWith('.json.gz')).map((f) => join(folder, f));

  const services = await createServices({ dbPath, host: 'cli' });
  const controller = new AbortController();
  const started = process.hrtime.bigint();
  const report = await services.handlers['library.importFiles'](
    { paths: files },
    { signal: controller.signal, progress: () => undefined },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await services.close();

  const records = report.imported.length + report.duplicates.length + report.errors.length;
  const sizeMb = (statSync(dbPath).size + (statSync(`${dbPath}-wal`, { throwIfNoEntry: false })?.size ?? 0)) / 1e6;
  printTable('bench:import — SaudiNewsNet JSON (18 files)', [
    ['records read', String(records)],
    ['articles stored', String(report.imported.length)],
    ['exact duplicates', String(report.duplicates.length)],
    ['records refused (no text)', String(report.errors.length)],
    ['time', `${seconds.toFixed(2)} s`],
    ['articles/s (stored)', (report.imported.length / seconds).toFixed(0)],
    ['records/s (read)', (records / seconds).toFixed(0)],
    ['library file', `${sizeMb.toFixed(1)} MB`],
    ['peak RSS', `${peakRssMb().toFixed(0)} MB`],
    ['goal', '>= 1000 articles/s'],
  ]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
