/** `mizan clusters` and `mizan compare` as archivists script them: a real process, a real library file. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mizan } from '../support/cli';
import { seedPath, tempDir } from '../support/paths';

describe('mizan clusters / compare', () => {
  const dir = tempDir();
  const library = join(dir, 'library.db');
  const edited = join(dir, 'other-outlet.txt');
  const unrelated = join(dir, 'unrelated.txt');
  writeFileSync(
    edited,
    readFileSync(seedPath, 'utf8')
      .replace(/^[^\n]*/, 'وكالة أخرى – (26/7/2021)')
      .replace('حوالي 2500 جندي', 'حوالي 3000 جندي'),
  );
  writeFileSync(
    unrelated,
    'وكالة ثالثة – (26/7/2021)\nافتتح أمير منطقة الرياض مهرجان التمور السنوي في بريدة بمشاركة 300 مزارع.\nوقال رئيس اللجنة المنظمة إن المهرجان يستمر عشرة أيام.',
  );

  it('lists the stories as JSON, the same story from two outlets as one', async () => {
    const imported = await mizan(['import', seedPath, edited, unrelated, '--library', library, '--json']);
    expect(imported.code).toBe(0);
    const result = await mizan(['clusters', '--library', library, '--json']);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as {
      clusters: Array<{
        id: number;
        articleIds: number[];
        score: number | null;
        dateRange: { from: string; to: string };
      }>;
    };
    expect(out.clusters).toEqual([
      {
        id: expect.any(Number),
        articleIds: [1, 2],
        score: expect.any(Number),
        dateRange: { from: '2021-07-26', to: '2021-07-26' },
        outlets: expect.any(Array),
        titles: expect.any(Array),
      },
    ]);
    expect(out.clusters[0]!.score).toBeGreaterThan(0.9);
  });

  it('prints the alignment, unique sentences and conflicting facts', async () => {
    const result = await mizan(['compare', '1', '2', '--library', library, '--json']);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as {
      rows: Array<{ kind: string; cells: number[][]; changes: Array<{ a: string; b: string }> }>;
      unique: number[][];
      facts: { conflicts: Array<{ kind: string; items: Array<{ article: number; value: string }> }> };
    };
    expect(out.rows.filter((r) => r.kind === 'reworded').flatMap((r) => r.changes.map((c) => [c.a, c.b]))).toEqual([
      ['2500', '3000'],
    ]);
    expect(out.rows.filter((r) => r.kind === 'shared').length).toBeGreaterThan(30);
    expect(out.unique).toEqual([[], []]);
    expect(out.facts.conflicts).toEqual([
      {
        kind: 'number',
        subject: 'جندي',
        row: expect.any(Number),
        items: [
          { article: 0, value: '2500 جندي', sentence: expect.stringContaining('2500 جندي') },
          { article: 1, value: '3000 جندي', sentence: expect.stringContaining('3000 جندي') },
        ],
      },
    ]);

    const text = await mizan(['compare', '1', '3', '--library', library]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('unique sentences');
  });

  it('refuses a comparison of fewer than two articles, or of an unknown one', async () => {
    expect((await mizan(['compare', '1', '--library', library])).code).toBe(2);
    expect((await mizan(['compare', '1', 'x', '--library', library])).code).toBe(2);
    const missing = await mizan(['compare', '1', '99', '--library', library]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('NOT_FOUND');
  });
});
