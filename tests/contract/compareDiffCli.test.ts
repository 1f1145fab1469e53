/**
 * `mizan compare` on what outlets really do to one story: the King's order
 * appointing 125 judges as four outlets ran it (SaudiNewsNet, 21-22 July
 * 2015), and the seed article respelled the way another outlet would.
 * A real process, a real library file in a temp folder.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { mizan } from '../support/cli';
import { seedPath, sharedData, tempDir } from '../support/paths';

interface Change {
  article: number;
  against: number;
  op: string;
  a: string | null;
  b: string | null;
  minor: boolean;
}
interface Row {
  kind: 'shared' | 'reworded' | 'unique';
  cells: number[][];
  changes: Change[];
}

const day = (d: string): unknown[] =>
  JSON.parse(gunzipSync(readFileSync(sharedData('saudinewsnet', `${d}.json.gz`))).toString('utf8')) as unknown[];

async function compare(library: string, ids: string[]): Promise<{ rows: Row[] }> {
  const result = await mizan(['compare', ...ids, '--library', library, '--json']);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as { rows: Row[] };
}

describe('mizan compare: differences that matter', () => {
  const dir = tempDir();

  it('aligns the judges story of four outlets: a merged sentence, moves, and no spelling marked', async () => {
    const library = join(dir, 'judges.db');
    const d21 = day('2015-07-21');
    const d22 = day('2015-07-22');
    // الاقتصادية 21st (100 + 25 in one sentence), الاقتصادية 22nd, الوئام, المدينة 22nd.
    const file = join(dir, 'judges.json');
    writeFileSync(file, JSON.stringify([d21[897], d22[241], d21[1975], d22[459]]));
    const imported = await mizan(['import', file, '--library', library, '--json']);
    expect(imported.code).toBe(0);
    const { imported: articles } = JSON.parse(imported.stdout) as { imported: Array<{ id: number; source: string }> };
    expect(articles.map((a) => a.source)).toEqual(['الاقتصادية', 'الاقتصادية', 'الوئام', 'المدينة']);

    const { rows } = await compare(
      library,
      articles.map((a) => String(a.id)),
    );
    // One row links the one-sentence "100 ... and 25 ..." to the two sentences of the 22nd's outlets.
    expect(rows[0]!.cells).toEqual([[0], [0, 2], [0], [0, 2]]);
    expect(rows[0]!.kind).toBe('reworded');
    // The minister's title moved in front of his name: one move, not a deletion and an insertion.
    const minister = rows[1]!;
    expect(minister.cells).toEqual([[], [1], [1], [1]]);
    expect(minister.changes.filter((c) => c.op === 'move').map((c) => [c.article, c.a, c.b])).toEqual([
      [2, 'وزير العدل', 'وزير العدل'],
      [3, 'وزير العدل', 'وزير العدل'],
    ]);
    expect(minister.changes.filter((c) => c.op !== 'move' && `${c.a}${c.b}`.includes('وزير'))).toEqual([]);
    // "عز وجل" / "عزو جل" and "قاض" / "قاضٍ" are spelling: never a change.
    const all = rows.flatMap((r) => r.changes);
    expect(all.filter((c) => /عزو? ?جل/u.test(`${c.a ?? ''} ${c.b ?? ''}`))).toEqual([]);
    // The closing sentence is the same in both outlets that carry it.
    expect(rows[rows.length - 1]).toMatchObject({ kind: 'shared', cells: [[], [5], [], [5]], changes: [] });
    // Reworded rows change content words; shared rows have at most function-word changes.
    for (const r of rows) {
      if (r.kind === 'shared') expect(r.changes.every((c) => c.minor)).toBe(true);
      if (r.kind === 'reworded') expect(r.changes.some((c) => !c.minor)).toBe(true);
    }
  });

  it('treats a respelled copy of the seed as the same text, and finds the one real change', async () => {
    const library = join(dir, 'seed.db');
    const seed = readFileSync(seedPath, 'utf8');
    const respelled = seed
      .replace(/^[^\n]*/, 'وكالة أخرى – (26/7/2021)')
      .replace('عبد الله', 'عبدالله')
      .replace('عبد الفتاح', 'عبدالفتاح')
      .replace('أعلن الرئيس', 'اعلن الرئيس')
      .replace('مجلس الوزراء', 'مجلـس الوزراء')
      .replace('حوالي 2500 جندي', 'حوالى 3000 جندي');
    for (const joined of ['عبدالله', 'عبدالفتاح', 'اعلن الرئيس', 'مجلـس', 'حوالى 3000'])
      expect(respelled).toContain(joined);
    const edited = join(dir, 'respelled.txt');
    writeFileSync(edited, respelled);
    expect((await mizan(['import', seedPath, edited, '--library', library, '--json'])).code).toBe(0);

    const { rows } = await compare(library, ['1', '2']);
    const reworded = rows.filter((r) => r.kind === 'reworded');
    expect(reworded.map((r) => r.changes.map((c) => [c.op, c.a, c.b]))).toEqual([[['replace', '2500', '3000']]]);
    expect(rows.filter((r) => r.kind === 'unique')).toEqual([]);
    expect(rows.filter((r) => r.kind === 'shared').every((r) => r.changes.length === 0)).toBe(true);

    const text = await mizan(['compare', '1', '2', '--library', library]);
    expect(text.stdout).toContain(`${rows.length - 1} shared, 1 reworded, 0 unique sentences`);
  });
});
