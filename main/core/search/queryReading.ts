/**
 * How a query was understood, for the results header: each word or phrase
 * as typed, and what it matches (any spelling, the stem's family, the exact
 * phrase, a prefix, near spellings, a language; or what it excludes).
 */
import type { QueryReading, QueryReadingVia } from '../../../preload/contract/search';
import type { FuzzyExpansions } from './ftsQuery';
import type { PlanLeaf, PlanNode } from './queryPlan';

/** Near spellings named in the header at most. */
const MAX_KEYS = 8;

function readingOf(leaf: PlanLeaf, expansions: FuzzyExpansions): QueryReading {
  const fielded = leaf.field && leaf.field !== 'lang' ? `${leaf.field}:` : '';
  const text = `${fielded}${leaf.text}`;
  switch (leaf.kind) {
    case 'word': {
      const via: QueryReadingVia[] = ['spelling'];
      if (leaf.stem !== leaf.exact) via.push('stem');
      return { text, via, keys: leaf.stem !== leaf.exact ? [leaf.stem] : [] };
    }
    case 'phrase':
      return leaf.strict
        ? { text, via: ['phrase'], keys: [] }
        : { text, via: ['spelling', 'stem'], keys: leaf.stem.length > 0 ? [leaf.stem.join(' ')] : [] };
    case 'prefix':
      return { text, via: ['prefix'], keys: leaf.prefixes.slice(0, 1) };
    case 'fuzzy':
      return { text, via: ['fuzzy'], keys: (expansions.get(leaf) ?? []).slice(0, MAX_KEYS) };
    case 'lang':
      return { text: leaf.lang, via: ['language'], keys: [leaf.lang] };
  }
}

/** The readings of a plan's words, in query order; excluded words carry 'excluded' first. */
export function readingsOf(
  node: PlanNode | null,
  expansions: FuzzyExpansions,
  excluded = false,
  out: QueryReading[] = [],
): QueryReading[] {
  if (!node) return out;
  if (node.kind === 'and') {
    node.must.forEach((n) => readingsOf(n, expansions, excluded, out));
    node.not.forEach((n) => readingsOf(n, expansions, true, out));
  } else if (node.kind === 'or') {
    node.any.forEach((n) => readingsOf(n, expansions, excluded, out));
  } else {
    const reading = readingOf(node, expansions);
    out.push(excluded ? { ...reading, via: ['excluded', ...reading.via] } : reading);
  }
  return out;
}
