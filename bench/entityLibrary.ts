/**
 * Lists learned from a user's library, measured before anything is built on them: SaudiNewsNet stands for "the
 * user's library" (test data, CC BY-NC-SA: nothing derived here ships), the lists are added to the shipped ones
 * for one bench run (MIZAN_NER_LIBRARY=1 in bench/entities.ts) and the corpus scores say whether they help.
 *
 * Family names: a word with ال written after a known given name (وليد الصمعاني) at least MIN_PAIRS times, in at
 * least SHARE of its uses with ال. The corpora's common words that are a family in this library (الربيعة) become
 * family names here, which the rules then read after a given name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { entityTokens } from '../main/core/entities/tokens';
import { FAMILY, GIVEN, LINKS } from '../main/core/entities/nameLists';
import { sharedData } from './support';

const MIN_PAIRS = Number(process.env.MIZAN_NER_LIBRARY_PAIRS ?? 3);
const SHARE = Number(process.env.MIZAN_NER_LIBRARY_SHARE ?? 0.5);

/** Family names of the library the shipped lists do not hold, most frequent first. */
export function learnFamilyNames(): string[] {
  const dir = sharedData('saudinewsnet');
  const after = new Map<string, number>();
  const uses = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.json.gz'))
    .sort()) {
    const articles = JSON.parse(gunzipSync(readFileSync(`${dir}/${name}`)).toString('utf8')) as Array<{
      content?: string;
    }>;
    for (const { content } of articles) {
      if (!content) continue;
      const toks = entityTokens(content);
      for (let i = 0; i < toks.length; i++) {
        const t = toks[i]!;
        if (t.t.kind !== 'word' || !t.arabic || !t.definite || t.clitic) continue;
        bump(uses, t.key);
        const g = toks[i - 1];
        if (!g || g.t.kind !== 'word' || g.definite || !GIVEN.has(g.key)) continue;
        // على folds to علي: على الأقل, على الرغم are no names.
        if (content[g.t.end - 1] === 'ى') continue;
        if (content.slice(g.t.end, t.t.start).trim()) continue; // a comma or a stop between them
        const next = toks[i + 1];
        if (next && next.t.kind === 'word' && LINKS.has(next.key)) continue; // محمد الثاني بن…: not a family
        bump(after, t.key);
      }
    }
  }
  return [...after]
    .filter(([k, n]) => n >= MIN_PAIRS && n / (uses.get(k) ?? n) >= SHARE && !FAMILY.has(k) && !GIVEN.has(k))
    .sort((a, b) => b[1] - a[1])
    .map(([k]) => k);
}

/** Adds the library's family names to the shipped list for this process; returns them. */
export function useLibraryLists(): string[] {
  const family = learnFamilyNames();
  for (const k of family) (FAMILY as Set<string>).add(k);
  return family;
}
