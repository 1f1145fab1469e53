/**
 * `mizan compare --json` as the contract of the fact ledger: the seed article
 * and a copy another outlet edited (2500 → 3500 soldiers, a Hijri date added),
 * imported into a real library file by a real process.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mizan } from '../support/cli';
import { seedPath, tempDir } from '../support/paths';

interface LedgerJson {
  facts: {
    perArticle: Array<{
      numbers: Array<{ value: number; unit: string | null; text: string }>;
      dates: Array<{ iso: string; precision: string; calendar: string; text: string }>;
      entities: Array<{ kind: string; name: string; mentions: number }>;
    }>;
    conflicts: Array<{
      kind: string;
      subject: string;
      row: number | null;
      items: Array<{ article: number; value: string; sentence: string }>;
    }>;
  };
}

describe('mizan compare --json: the fact ledger', () => {
  const dir = tempDir();
  const library = join(dir, 'library.db');
  const edited = join(dir, 'edited-copy.txt');
  const seed = readFileSync(seedPath, 'utf8');
  writeFileSync(
    edited,
    seed
      .replace(/^[^\n]*/, 'وكالة أخرى – (26/7/2021)')
      .replace('حوالي 2500 جندي', 'حوالي 3500 جندي')
      .replace(/\n/u, '\nوذلك يوم 16 ذو الحجة 1442 هـ.\n'),
  );

  it('reports 2500 against 3500 soldiers as a conflict, with both sentences', async () => {
    expect((await mizan(['import', seedPath, edited, '--library', library, '--json'])).code).toBe(0);
    const result = await mizan(['compare', '1', '2', '--library', library, '--json']);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as LedgerJson;
    const numbers = out.facts.conflicts.filter((c) => c.kind === 'number');
    expect(numbers).toHaveLength(1);
    expect(numbers[0]!.items.map((i) => [i.article, i.value])).toEqual([
      [0, '2500 جندي'],
      [1, '3500 جندي'],
    ]);
    // Each side's sentence, so the reader sees both without opening the articles.
    expect(numbers[0]!.items[0]!.sentence).toContain('حوالي 2500 جندي');
    expect(numbers[0]!.items[1]!.sentence).toContain('حوالي 3500 جندي');
    expect(numbers[0]!.items[0]!.sentence.replace('2500', '3500')).toBe(numbers[0]!.items[1]!.sentence);
    // The second 2500 ("من أصل 2500 جندي") was not edited and is no conflict.
    expect(out.facts.conflicts.filter((c) => c.kind === 'sum')).toEqual([]);
  });

  it('gives the Hijri date in the Gregorian calendar, marked as Hijri', async () => {
    const out = JSON.parse((await mizan(['compare', '1', '2', '--library', library, '--json'])).stdout) as LedgerJson;
    const hijri = out.facts.perArticle[1]!.dates.filter((d) => d.calendar === 'islamic-umalqura');
    // 16 Dhu al-Hijjah 1442 (Umm al-Qura) is Monday 26 July 2021, the seed's own date.
    expect(hijri).toEqual([
      { iso: '2021-07-26', precision: 'day', calendar: 'islamic-umalqura', text: '16 ذو الحجة 1442 هـ' },
    ]);
    expect(out.facts.perArticle[0]!.dates.every((d) => d.calendar === 'gregorian')).toBe(true);
  });
});
