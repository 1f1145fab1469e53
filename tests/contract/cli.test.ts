/** The `mizan` command as archivists script it: a real process, a real library file. */
import { writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mizan } from '../support/cli';
import { seedPath, tempDir } from '../support/paths';

describe('mizan CLI', () => {
  const dir = tempDir();
  const library = join(dir, 'test-library.db');

  it('imports the seed and prints the JSON report', async () => {
    const result = await mizan(['import', seedPath, '--library', library, '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      imported: Array<{ id: number; title: string; source: string }>;
      duplicates: unknown[];
      errors: unknown[];
    };
    expect(report).toEqual({
      imported: [{ id: 1, title: expect.stringMatching(/^أعلن الرئيس الأميركي/), source: 'حرية', path: seedPath }],
      duplicates: [],
      nearDuplicates: [],
      errors: [],
    });
  });

  it('shows the article with its date and precision', async () => {
    const result = await mizan(['show', '1', '--library', library, '--json']);
    expect(result.code).toBe(0);
    const article = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(article).sort()).toEqual(
      ['author', 'body', 'dir', 'id', 'lang', 'publishedAt', 'source', 'tags', 'title', 'url'].sort(),
    );
    expect(article).toMatchObject({
      id: 1,
      source: 'حرية',
      lang: 'ar',
      dir: 'rtl',
      publishedAt: { original: '(26/7/2021)', iso: '2021-07-26', precision: 'day' },
      tags: [],
    });
  });

  it('reports duplicates and failures, exits 1, and keeps what is stored', async () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const result = await mizan(['import', seedPath, empty, '--library', library, '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      imported: unknown[];
      duplicates: unknown[];
      errors: Array<{ path: string; code: string; message: string }>;
    };
    expect(report.imported).toEqual([]);
    expect(report.duplicates).toEqual([{ path: seedPath, of: 1 }]);
    expect(report.errors).toEqual([{ path: empty, code: 'IMPORT_EMPTY', message: `${empty}: the file is empty` }]);
    const list = await mizan(['list', '--library', library, '--json']);
    expect((JSON.parse(list.stdout) as { total: number }).total).toBe(1);
  });

  it('lists by source and explains usage errors', async () => {
    const bySource = await mizan(['list', '--source', 'حرية', '--library', library]);
    expect(bySource.stdout).toContain('2021-07-26');
    expect(bySource.stdout).toContain('1 of 1 articles');
    const unknownSource = await mizan(['list', '--source', 'nobody', '--library', library]);
    expect(unknownSource.code).toBe(1);
    expect(unknownSource.stderr).toContain('no source called "nobody"');
    const usage = await mizan(['show', 'abc', '--library', library]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('"abc" is not an article id');
    const missing = await mizan(['show', '99', '--library', library]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('NOT_FOUND');
  });

  it('reads a file in the encoding named by --encoding, and refuses an unknown one as a usage error', async () => {
    const text =
      "Ankara'da bakanlar toplandı\n\nTürkiye'nin başkenti Ankara'da bakanlar bugün toplandı; İstanbul'daki şirketler ağır vergilerden şikâyetçi.";
    const path = join(dir, 'haber.txt');
    writeFileSync(path, iconv.encode(text, 'windows-1254'));
    const result = await mizan(['import', path, '--encoding', 'windows-1254', '--library', library, '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { imported: Array<{ title: string }> };
    expect(report.imported.map((a) => a.title)).toEqual(["Ankara'da bakanlar toplandı"]);
    const unknown = await mizan(['import', path, '--encoding', 'latin-99', '--library', library]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--encoding: "latin-99" is not an encoding Mizan can read');
  });
});
