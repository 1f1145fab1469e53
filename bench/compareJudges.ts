/**
 * node dist/bench/compareJudges.js — what the word diff shows on one wire
 * story: the 12 articles on King Salman's order appointing 125 judges
 * (SaudiNewsNet, 21-22 July 2015), every pair aligned. Prints row kinds,
 * rows linking one sentence to several, changes (minor and moves apart) and
 * the words marked. Counts, not times: the figures behind the word-diff
 * section of main/core/compare's README.
 */
import { readFileSync } from 'node:fs';
import { alignTexts } from '../main/core/compare/align';
import { prepareText, type PreparedText } from '../main/core/compare/prepare';
import { parseFile } from '../main/core/importers/registry';
import { printTable, sharedData } from './support';

const STORY: Array<[string, number[]]> = [
  ['2015-07-21', [623, 897, 1143, 1975]],
  ['2015-07-22', [60, 241, 311, 459, 676, 1365, 1644, 1767]],
];

function texts(): PreparedText[] {
  return STORY.flatMap(([day, indexes]) => {
    const path = sharedData('saudinewsnet', `${day}.json.gz`);
    const records = parseFile(path, readFileSync(path));
    return indexes.map((i) => {
      const r = records[i];
      if (!r?.ok) throw new Error(`${day}#${i} did not parse`);
      return prepareText(r.article.body);
    });
  });
}

const list = texts();
const kinds = { shared: 0, reworded: 0, unique: 0 };
const counts = { linked: 0, changes: 0, minor: 0, moves: 0, marked: 0 };
const wordsIn = (p: PreparedText, s: { start: number; end: number } | null): number =>
  s ? p.tokens.filter((t) => t.start >= s.start && t.end <= s.end).length : 0;
for (let i = 0; i < list.length; i++)
  for (let j = i + 1; j < list.length; j++) {
    for (const row of alignTexts([list[i]!, list[j]!]).rows) {
      kinds[row.kind]++;
      if (row.cells.some((c) => c.length > 1)) counts.linked++;
      for (const c of row.diffs.flatMap((d) => d.changes)) {
        if (c.minor) counts.minor++;
        else if (c.op === 'move') counts.moves++;
        else {
          counts.changes++;
          counts.marked += wordsIn(list[i]!, c.a) + wordsIn(list[j]!, c.b);
        }
      }
    }
  }
printTable(`125 judges: ${list.length} articles, every pair`, [
  ['rows shared / reworded / unique', `${kinds.shared} / ${kinds.reworded} / ${kinds.unique}`],
  ['rows linking one sentence to 2+', String(counts.linked)],
  ['changes (not minor, not moves)', String(counts.changes)],
  ['minor changes / moves', `${counts.minor} / ${counts.moves}`],
  ['words marked as changed', String(counts.marked)],
]);
