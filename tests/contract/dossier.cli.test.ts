/** `mizan export` as a script runs it: a real process, a real library file (needs `npm run build`). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mizan } from '../support/cli';
import { withPdf } from '../support/pdfReader';
import { repoRoot, seedPath, tempDir } from '../support/paths';

describe('mizan export', () => {
  const dir = tempDir('mizan-export-cli-');
  const library = join(dir, 'library.db');

  it('exports articles to a PDF and an offline HTML file, and says where', async () => {
    expect((await mizan(['import', seedPath, '--library', library, '--json'])).code).toBe(0);
    const pdf = join(dir, 'seed.pdf');
    const html = join(dir, 'seed.html');
    const result = await mizan([
      'export',
      '--articles',
      '1',
      '--title',
      'الحرية: زيارة الكاظمي',
      '--author',
      'CLI',
      '--pdf',
      pdf,
      '--html',
      html,
      '--library',
      library,
      '--json',
    ]);
    expect(result.stderr).not.toMatch(/mizan:/);
    expect(result.code).toBe(0);
    const written = JSON.parse(result.stdout) as Array<{
      kind: string;
      path: string;
      pages: number | null;
      bytes: number;
      items: number;
    }>;
    expect(written.map((w) => [w.kind, w.path, w.items])).toEqual([
      ['pdf', pdf, 1],
      ['html', html, 1],
    ]);
    const info = await withPdf(pdf, (read) => read.info());
    expect(info.title).toBe('الحرية: زيارة الكاظمي');
    expect(info.author).toBe('CLI');
    expect(info.pages).toBe(written[0]!.pages);
    expect(readFileSync(html, 'utf8')).toContain('<title>الحرية: زيارة الكاظمي</title>');
  });

  it('exports a stored dossier by id under its issue name too, and refuses bad requests with exit 2', async () => {
    const missing = await mizan(['export-dossier', '42', '--pdf', join(dir, 'x.pdf'), '--library', library]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/NOT_FOUND: no dossier with id 42/);
    for (const args of [
      ['export', '--articles', '1'],
      ['export', '1', '--articles', '1', '--pdf', 'x.pdf'],
      ['export', '--articles', '1,x', '--pdf', 'x.pdf'],
      ['export', '--articles', '1', '--numerals', 'roman', '--pdf', 'x.pdf'],
    ]) {
      const bad = await mizan([...args, '--library', library]);
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.stderr).toMatch(/Run "mizan --help"/);
    }
    expect(existsSync(join(repoRoot, 'x.pdf'))).toBe(false);
  });
});
