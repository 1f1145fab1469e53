/**
 * Test data read the way the library stores it: through the real importers
 * (parseFile), so tests see the same text, offsets and dates as the app.
 * Used by tests only; lives beside them because it is compiled with them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseFile } from '../importers/registry';
import type { ParsedArticle } from '../importers/types';

/** The shared data set, beside the repository (never copied into it). */
export const sharedData = (...parts: string[]): string =>
  resolve(__dirname, '..', '..', '..', '..', 'shared', 'data', ...parts);

export function seedArticle(): ParsedArticle {
  const path = sharedData('seed', 'hurriya-2021-07-26.txt');
  const record = parseFile(path, readFileSync(path))[0];
  if (!record?.ok) throw new Error('the seed did not parse');
  return record.article;
}

/** Every record of a SaudiNewsNet day file, by its index in the file (null: no text). */
export function saudiNewsNetDay(day: string): Array<ParsedArticle | null> {
  const path = sharedData('saudinewsnet', `${day}.json.gz`);
  return parseFile(path, readFileSync(path)).map((r) => (r.ok ? r.article : null));
}
