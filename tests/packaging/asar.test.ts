/**
 * Packaging without Electron: electron-builder `--dir` against a stand-in
 * Electron distribution (a folder with a dummy `electron` executable), then
 * the app.asar it wrote is opened with @electron/asar and checked file by
 * file. Needs `npm run build` first (npm test does it); skips and says why
 * when the build output or electron-builder is missing.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot, tempDir } from '../support/paths';

const run = promisify(execFile);
const builderCli = join(repoRoot, 'node_modules', 'electron-builder', 'cli.js');
const builtMain = join(repoRoot, 'dist', 'main', 'electron', 'main.js');
const skipReason = !existsSync(builtMain)
  ? `${builtMain} is missing: run npm run build first`
  : !existsSync(builderCli)
    ? 'electron-builder is not installed'
    : null;
if (skipReason) process.stdout.write(`packaging test skipped: ${skipReason}\n`);

interface AsarHeaderEntry {
  files?: Record<string, AsarHeaderEntry>;
  unpacked?: boolean;
  size?: number;
}

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe.skipIf(skipReason !== null)('packaged app (electron-builder --dir, stand-in Electron)', () => {
  let files: string[] = [];
  let header: AsarHeaderEntry;
  let resources = '';

  beforeAll(async () => {
    const work = tempDir('mizan-pack-');
    const electronDist = join(work, 'electron-dist');
    mkdirSync(join(electronDist, 'resources'), { recursive: true });
    // What electron-builder copies and renames: the executable, its licences, version.
    writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\necho "stand-in Electron"\n');
    chmodSync(join(electronDist, 'electron'), 0o755);
    writeFileSync(join(electronDist, 'version'), `v${pkg.devDependencies['electron']}`);
    writeFileSync(join(electronDist, 'LICENSE'), '');
    writeFileSync(join(electronDist, 'LICENSES.chromium.html'), '');
    const out = join(work, 'release');
    const started = Date.now();
    const { stdout, stderr } = await run(
      process.execPath,
      [
        builderCli,
        '--dir',
        '--linux',
        '--x64',
        `-c.electronDist=${electronDist}`,
        `-c.directories.output=${out}`,
        '--publish',
        'never',
      ],
      {
        cwd: repoRoot,
        env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
        timeout: 170_000,
        maxBuffer: 16 * 1024 * 1024,
      },
    ).catch((error: { stdout?: string; stderr?: string; message: string }) => {
      throw new Error(`electron-builder failed: ${error.message}\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
    });
    resources = join(out, 'linux-unpacked', 'resources');
    if (!existsSync(join(resources, 'app.asar'))) throw new Error(`no app.asar written\n${stdout}\n${stderr}`);
    const asar = await import('@electron/asar');
    files = asar.listPackage(join(resources, 'app.asar'), { isPack: false }).map((f) => f.replace(/\\/g, '/'));
    header = (asar.getRawHeader(join(resources, 'app.asar')) as { header: AsarHeaderEntry }).header;
    process.stdout.write(
      `electron-builder --dir: ${Math.round((Date.now() - started) / 1000)} s, app.asar holds ${files.length} entries\n`,
    );
  }, 180_000);

  function entry(path: string): AsarHeaderEntry | undefined {
    let node: AsarHeaderEntry | undefined = header;
    for (const part of path.split('/').filter(Boolean)) node = node?.files?.[part];
    return node;
  }

  it('holds the compiled app and its entry point', () => {
    for (const f of [
      '/package.json',
      `/${pkg.main}`,
      '/dist/electron-preload/preload.js',
      '/dist/renderer/index.html',
      '/dist/main/web/main.js',
      '/dist/preload/contract/index.js',
      '/dist/common/text/normalize.js',
    ]) {
      expect(files, f).toContain(f);
    }
  });

  it('holds no tests, benchmarks, sources, maps or data', () => {
    const own = files.filter((f) => !f.startsWith('/node_modules/'));
    expect(
      own.filter(
        (f) =>
          /\.test\.|\.map$|\.tsx?$|^\/(tests|bench|common|main|renderer|preload|scripts|assets|release|test-results)\//.test(
            f,
          ) ||
          f.startsWith('/dist/bench') ||
          f.startsWith('/dist/tests'),
      ),
    ).toEqual([]);
    expect(own.filter((f) => /\.(db|sqlite|jsonl|csv)$/.test(f))).toEqual([]);
    // The command line's bundle, code cache and fold tables serve `bin/mizan.js` only.
    expect(own.filter((f) => f.startsWith('/dist/main/cli/') || f.endsWith('/textTables.bin'))).toEqual([]);
    expect(files.filter((f) => /^\/node_modules\/[^/]+\/(test|tests|__tests__)\//.test(f))).toEqual([]);
  });

  it('holds every production dependency and no development one', () => {
    const top = new Set(
      files
        .filter((f) => f.startsWith('/node_modules/'))
        .map((f) =>
          f
            .split('/')
            .slice(2, f.split('/')[2]!.startsWith('@') ? 4 : 3)
            .join('/'),
        ),
    );
    for (const dep of Object.keys(pkg.dependencies)) expect(top.has(dep), dep).toBe(true);
    // A development dependency that a production one also requires (the lock file does not mark it dev-only:
    // warcio's @types/stream-buffers names @types/node) is rightly packed.
    const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    };
    for (const dep of Object.keys(pkg.devDependencies)) {
      if (dep in pkg.dependencies || lock.packages[`node_modules/${dep}`]?.dev !== true) continue;
      expect(top.has(dep), `devDependency ${dep} was packed`).toBe(false);
    }
  });

  it('keeps the sqlite3 native module outside the archive, where it can be loaded', () => {
    const binding = '/node_modules/sqlite3/build/Release/node_sqlite3.node';
    expect(files).toContain(binding);
    expect(entry(binding)?.unpacked).toBe(true);
    expect(existsSync(join(resources, 'app.asar.unpacked', binding))).toBe(true);
    expect(
      files.filter((f) => f.startsWith('/node_modules/sqlite3/src/') || f.startsWith('/node_modules/sqlite3/deps/')),
    ).toEqual([]);
  });

  /**
   * The seven worker_threads scripts are started with `new Worker(join(__dirname, 'xWorker.js'))`
   * from inside app.asar. Electron initializes its asar support in worker
   * threads (since Electron 17/18, electron/electron#33216), so a worker
   * script and everything it requires load from the archive; unpacking them
   * instead would break their relative requires (the rest of dist/ and
   * node_modules stay in the archive). What can be checked without Electron:
   * each runner names its worker beside it in the archive, packed, and each
   * worker's whole require graph is in the package: extracted (with the
   * unpacked sqlite3 binding), every worker loads in plain Node.
   */
  const workers = [
    ['dist/main/core/importers/parser.js', 'parseWorker.js'],
    ['dist/main/core/search/indexer.js', 'indexWorker.js'],
    ['dist/main/core/search/collectionEngine.js', 'collectionWorker.js'],
    ['dist/main/core/dossier/exporter.js', 'exportWorker.js'],
    ['dist/main/core/compare/comparisonRunner.js', 'comparisonWorker.js'],
    ['dist/main/core/compare/clusterRunner.js', 'clusterWorker.js'],
    ['dist/main/core/entityIndex/entityIndexer.js', 'entityWorker.js'],
  ] as const;

  it('packs every worker script beside the runner that starts it', () => {
    const packed = files.filter((f) => /Worker\.js$/.test(f) && f.startsWith('/dist/main/'));
    expect(packed.sort()).toEqual(
      workers.map(([runner, worker]) => `/${runner.slice(0, runner.lastIndexOf('/'))}/${worker}`).sort(),
    );
    for (const [runner, worker] of workers) {
      expect(files, runner).toContain(`/${runner}`);
      expect(entry(`/${runner}`)?.unpacked, `${runner} packed`).not.toBe(true);
      expect(entry(`/${runner.slice(0, runner.lastIndexOf('/'))}/${worker}`)?.unpacked, `${worker} packed`).not.toBe(
        true,
      );
    }
  });

  it('lets every worker load with all it requires from the packaged files alone', async () => {
    const asar = await import('@electron/asar');
    const extracted = join(tempDir('mizan-asar-x-'), 'app');
    asar.extractAll(join(resources, 'app.asar'), extracted);
    for (const [runner, worker] of workers) {
      // The runner really names this script (a rename would leave a packed file no one starts).
      expect(readFileSync(join(extracted, runner), 'utf8'), runner).toContain(`'${worker}'`);
      const script = join(extracted, runner.slice(0, runner.lastIndexOf('/')), worker);
      // A worker that requires the script, then reports: a missing module throws before the report.
      const probe = new Worker(
        `require(${JSON.stringify(script)}); require('node:worker_threads').parentPort.postMessage('loaded');`,
        { eval: true },
      );
      const loaded = await new Promise<string>((resolve) => {
        probe.once('message', (message: string) => resolve(message));
        probe.once('error', (error) => resolve(`error: ${error.message}`));
        probe.once('exit', (code) => resolve(`exit ${code}`));
      });
      // The worker then waits for jobs on its port: stop it.
      await probe.terminate();
      expect(loaded, worker).toBe('loaded');
    }
  });

  it('declares the installers, icons, file associations and the mizan:// scheme', () => {
    const config = parse(readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8')) as Record<
      string,
      Record<string, unknown> & unknown[]
    >;
    expect(config['linux']?.['target']).toEqual(['AppImage', 'deb']);
    expect(config['win']?.['target']).toEqual(['nsis']);
    expect(config['mac']?.['target']).toEqual(['dmg']);
    expect((config['protocols'] as unknown as Array<{ schemes: string[] }>)[0]?.schemes).toEqual(['mizan']);
    const exts = (config['fileAssociations'] as unknown as Array<{ ext: string | string[] }>).flatMap((a) => a.ext);
    for (const ext of ['html', 'txt', 'json']) expect(exts).toContain(ext);
    for (const size of [16, 32, 48, 64, 128, 256, 512])
      expect(existsSync(join(repoRoot, 'assets', 'icons', `${size}x${size}.png`)), `${size}px icon`).toBe(true);
    const png = readFileSync(join(repoRoot, 'assets', 'icon.png'));
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512); // IHDR width: electron-builder needs 512+ for .icns
  });
});
