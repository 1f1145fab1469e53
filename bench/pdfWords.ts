/**
 * How much of a dossier's text a PDF import gets back: the share of the
 * source's words found in the imported text in the same order (longest
 * common subsequence), after the normalisation the PDF import tests use
 * (presentation forms folded, bidi controls dropped), and with the marks
 * of a letter in one order (NFC: "بِّ" typed shadda first reads as kasra
 * first) and without the joining controls that draw nothing (ZWJ, ZWNJ).
 */
import { readFileSync } from 'node:fs';
import { foldPresentationForms } from '../main/core/importers/pdfParagraphs';
import { parseFileAsync } from '../main/core/importers/registry';

export function words(text: string): string[] {
  return foldPresentationForms(text)
    .normalize('NFC')
    .replace(/([\d٠-٩]+)([.,])\u200f([\d٠-٩]+)/g, '$3$2$1')
    .replace(/[\u061c\u200c-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .split(/\s+/)
    .filter((w) => w !== '');
}

/** How many words of `a` are found in `b` in the same order (longest common subsequence). */
export function commonInOrder(a: readonly string[], b: readonly string[]): number {
  const ids = new Map<string, number>();
  const id = (w: string) => ids.get(w) ?? (ids.set(w, ids.size), ids.size - 1);
  const x = Int32Array.from(a, id);
  const y = Int32Array.from(b, id);
  let row = new Int32Array(y.length + 1);
  let next = new Int32Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++)
      next[j] = x[i - 1] === y[j - 1] ? row[j - 1]! + 1 : Math.max(row[j]!, next[j - 1]!);
    [row, next] = [next, row];
  }
  return row[y.length]!;
}

/**
 * Imports `pdf` and compares it with the articles' bodies: article by
 * article when the import splits it as many (Mizan's outline), else the
 * whole text against all bodies in order.
 */
export async function wordsFoundInOrder(
  pdf: string,
  bodies: readonly string[],
): Promise<{ found: number; total: number }> {
  const records = await parseFileAsync(pdf, readFileSync(pdf));
  const got = records.flatMap((r) => (r.ok ? [r.article] : []));
  const sources = bodies.map(words);
  const total = sources.reduce((n, s) => n + s.length, 0);
  if (got.length === bodies.length)
    return { found: sources.reduce((n, s, k) => n + commonInOrder(s, words(got[k]!.body)), 0), total };
  return {
    found: commonInOrder(
      sources.flat(),
      got.flatMap((a) => words(`${a.title} ${a.body}`)),
    ),
    total,
  };
}
