/** `mizan cite`, `notes`, `export-jsonl`, `backup`/`restore` and `bundle` as archivists script them: real processes, real files. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { mizan } from '../support/cli';
import { seedPath, tempDir } from '../support/paths';

describe('mizan cite, notes and export-jsonl', () => {
  const dir = tempDir();
  const library = join(dir, 'library.db');

  it('writes citations Zotero reads, in each format, and never over a file', async () => {
    expect((await mizan(['import', seedPath, '--library', library, '--json'])).code).toBe(0);
    const ris = join(dir, 'seed.ris');
    const written = await mizan(['cite', '1', '--format', 'ris', '--out', ris, '--library', library]);
    expect(written.code).toBe(0);
    const text = readFileSync(ris, 'utf8');
    expect(text).toMatch(/^TY {2}- NEWS\r\n/);
    expect(text).toContain('JF  - حرية');
    expect(text).toMatch(/Y1 {2}- 2021\/7\/26\//);
    const again = await mizan(['cite', '1', '--format', 'ris', '--out', ris, '--library', library]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');

    const bib = await mizan(['cite', '--all', '--library', library]);
    expect(bib.stdout).toMatch(/^@article\{mizan1,/);
    const chicago = await mizan([
      'cite',
      '1',
      '--format',
      'text',
      '--style',
      'chicago-author-date',
      '--library',
      library,
    ]);
    expect(chicago.stdout).toContain('حرية');
    expect(chicago.stdout).toContain('July 26');
    const arabic = await mizan(['cite', '1', '--format', 'text', '--lang', 'ar', '--library', library]);
    expect(arabic.stdout).toContain('26 يوليو');
    const otherLanguage = await mizan(['cite', '1', '--format', 'text', '--lang', 'fr', '--library', library]);
    expect(otherLanguage.code).toBe(2);
    expect(otherLanguage.stderr).toContain('--lang: en or ar');
    const bad = await mizan(['cite', '1', '--format', 'endnote', '--library', library]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format: bibtex, ris, csl-json or text');
    const twoWays = await mizan(['cite', '1', '--all', '--library', library]);
    expect(twoWays.code).toBe(2);
    expect(twoWays.stderr).toContain('name the articles one way');
  });

  it('says when there is nothing to write as notes, and round-trips JSON Lines', async () => {
    const notes = await mizan(['notes', '--all', '--library', library]);
    expect(notes.code).toBe(1);
    expect(notes.stdout).toContain('no highlights or notes');
    const jsonl = join(dir, 'all.jsonl');
    expect((await mizan(['export-jsonl', '--all', '--out', jsonl, '--library', library])).code).toBe(0);
    const other = join(dir, 'other.db');
    const imported = await mizan(['import', jsonl, '--library', other, '--json']);
    expect(imported.code).toBe(0);
    const a = JSON.parse((await mizan(['show', '1', '--library', library, '--json'])).stdout) as Record<
      string,
      unknown
    >;
    const b = JSON.parse((await mizan(['show', '1', '--library', other, '--json'])).stdout) as Record<string, unknown>;
    expect(b).toEqual(a);
  });
});

describe('mizan backup, restore and bundle', () => {
  const dir = tempDir();
  const library = join(dir, 'library.db');

  it('backs up, lists and restores, keeping the replaced library', async () => {
    expect((await mizan(['import', seedPath, '--library', library])).code).toBe(0);
    const made = JSON.parse((await mizan(['backup', '--library', library, '--json'])).stdout) as { name: string };
    expect(made.name).toMatch(/\.manual\.db$/);
    const list = JSON.parse((await mizan(['backups', '--library', library, '--json'])).stdout) as Array<{
      name: string;
    }>;
    expect(list.map((b) => b.name)).toContain(made.name);
    const restored = await mizan(['restore', made.name, '--library', library]);
    expect(restored.code).toBe(0);
    const after = JSON.parse((await mizan(['backups', '--library', library, '--json'])).stdout) as Array<{
      reason: string;
    }>;
    expect(after.some((b) => b.reason === 'replaced')).toBe(true);
    const missing = await mizan(['restore', 'nope.db', '--library', library]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('NOT_FOUND');
  });

  it('writes a ZIP bundle with checksums and reads it into another library', async () => {
    const bundle = join(dir, 'library.mizan-bundle');
    expect((await mizan(['bundle', bundle, '--library', library])).code).toBe(0);
    const files = unzipSync(readFileSync(bundle));
    expect(strFromU8(files['SHA256SUMS']!)).toMatch(/^[0-9a-f]{64} {2}library\.db\n/);
    const other = join(dir, 'other.db');
    expect((await mizan(['import-bundle', bundle, '--library', other])).code).toBe(0);
    expect(existsSync(other)).toBe(true);
    const shown = JSON.parse((await mizan(['show', '1', '--library', other, '--json'])).stdout) as { source: string };
    expect(shown.source).toBe('حرية');
  });
});
