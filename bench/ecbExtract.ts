/**
 * Extracts ECB+ once from a git mirror into a folder outside the repository,
 * for `bench:stories` (MIZAN_ECB=<folder>/ecbplus.jsonl):
 *
 *   node dist/bench/ecbExtract.js /path/to/EventStoryLine/repo /path/to/folder
 */
import { extractEcbPlus } from './ecbPlus';

const [gitDir, folder] = process.argv.slice(2);
if (!gitDir || !folder) {
  console.error('usage: node dist/bench/ecbExtract.js <git mirror holding ECB+_LREC2014/ECB+> <output folder>');
  process.exit(2);
}
console.log(extractEcbPlus(gitDir, folder));
