/**
 * The import's "done when", as a user runs it: `mizan import FOLDER --json` on
 * a folder mixing the seed, a Windows-1256 copy of it, an HTML page, a CSV,
 * a PNG and an empty file. Runs the built CLI (`npm run build` first).
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, seedPath, sharedData, tempDir } from '../support/paths';

const cli = join(repoRoot, 'dist', 'main', 'cli', 'main.js');

function mizan(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

interface CliReport {
  imported: Array<{ id: number; title: string; source: string | null; path: string }>;
  duplicates: Array<{ path: string; of: number }>;
  nearDuplicates: Array<{ path: string; id: number; of: number; similarity: number }>;
  errors: Array<{ path: string; code: string; message: string }>;
}

describe('mizan import on a mixed folder', () => {
  const dir = tempDir();
  const folder = join(dir, 'inbox');
  const library = join(dir, 'x.db');
  let report: CliReport;
  let exitCode: number;

  beforeAll(async () => {
    if (!existsSync(cli)) throw new Error(`${cli} does not exist: run \`npm run build\` first`);
    mkdirSync(join(folder, 'old-archive'), { recursive: true });
    copyFileSync(seedPath, join(folder, 'hurriya-2021-07-26.txt'));
    // The same article from an old Windows archive: Windows-1256, CRLF line ends.
    writeFileSync(
      join(folder, 'old-archive', 'hurriya-2021-07-26.txt'),
      iconv.encode(readFileSync(seedPath, 'utf8').replace(/\n/g, '\r\n'), 'windows-1256'),
    );
    copyFileSync(sharedData('html-pages', 'test_cnn_arabic.html'), join(folder, 'cnn-syria.html'));
    writeFileSync(
      join(folder, 'wire.csv'),
      [
        'headline,text,outlet,published',
        '"Budget agreed","The council agreed the budget on Friday after a long debate about roads, schools and the harbour.",okaz,2015-07-21',
      ].join('\r\n'),
    );
    writeFileSync(
      join(folder, 'logo.png'),
      Buffer.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8,
        6, 0, 0, 0,
      ]),
    );
    writeFileSync(join(folder, 'empty.txt'), '');
    const run = await mizan([
      'import',
      folder,
      '--library',
      library,
      '--json',
      '--map',
      'title=headline,body=text,source=outlet,date=published',
    ]);
    exitCode = run.code;
    report = JSON.parse(run.stdout) as CliReport;
  });

  async function show(id: number): Promise<{
    title: string;
    source: string | null;
    publishedAt: { original: string | null; iso: string | null; precision: string | null };
    lang: string;
    dir: string;
  }> {
    const run = await mizan(['show', String(id), '--library', library, '--json']);
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout);
  }

  it('imports the good files with their titles, sources and dates', async () => {
    const byFile = Object.fromEntries(report.imported.map((a) => [a.path.slice(folder.length + 1), a]));
    expect(Object.keys(byFile).sort()).toEqual(['cnn-syria.html', 'hurriya-2021-07-26.txt', 'wire.csv#2']);

    const seed = await show(byFile['hurriya-2021-07-26.txt']!.id);
    expect(seed.title.startsWith('أعلن الرئيس الأميركي، جو بايدن')).toBe(true);
    expect(seed.source).toBe('حرية');
    expect(seed.publishedAt).toEqual({ original: '(26/7/2021)', iso: '2021-07-26', precision: 'day' });
    expect([seed.lang, seed.dir]).toEqual(['ar', 'rtl']);

    const page = await show(byFile['cnn-syria.html']!.id);
    expect(page.title).toBe('معارضون يسيطرون على مخازن للصواريخ بريف دمشق');
    expect(page.source).toBe('CNNArabic');
    expect(page.publishedAt).toEqual({ original: '04 آب/اغسطس 2013', iso: '2013-08-04', precision: 'day' });

    const row = await show(byFile['wire.csv#2']!.id);
    expect(row.title).toBe('Budget agreed');
    expect(row.source).toBe('عكاظ');
    expect(row.publishedAt).toEqual({ original: '2015-07-21', iso: '2015-07-21', precision: 'day' });
  });

  it('reports the Windows-1256 copy as a duplicate of the seed', () => {
    const seedId = report.imported.find((a) => a.path.endsWith('inbox/hurriya-2021-07-26.txt'))!.id;
    expect(report.duplicates).toEqual([{ path: join(folder, 'old-archive', 'hurriya-2021-07-26.txt'), of: seedId }]);
  });

  it('gives the PNG and the empty file their own error codes, and exits 1', () => {
    expect(report.errors.map((e) => [e.path.slice(folder.length + 1), e.code])).toEqual([
      ['empty.txt', 'IMPORT_EMPTY'],
      ['logo.png', 'IMPORT_BINARY'],
    ]);
    expect(report.errors[1]!.message).toBe(`${join(folder, 'logo.png')}: this is a PNG image, not an article`);
    expect(exitCode).toBe(1);
  });

  it('refuses a bad --map before touching the library', async () => {
    const run = await mizan(['import', folder, '--library', join(dir, 'other.db'), '--map', 'headline']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--map: "headline" is not FIELD=COLUMN/);
    expect(existsSync(join(dir, 'other.db'))).toBe(false);
  });
});
