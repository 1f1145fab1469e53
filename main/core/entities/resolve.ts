/** Choosing among overlapping proposals. */
import type { Proposal } from './arabic';
import type { EntityKind } from './types';

const KIND_RANK: Record<EntityKind, number> = { person: 0, organisation: 1, place: 2 };

/** Longest proposal first; among equals a listed name, then a person, a body, a place. Overlaps are dropped. */
export function resolve(proposals: Proposal[]): Proposal[] {
  const sorted = [...proposals].sort(
    (a, b) =>
      b.to - b.from - (a.to - a.from) ||
      Number(b.listed ?? false) - Number(a.listed ?? false) ||
      KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
      a.from - b.from,
  );
  const taken: Proposal[] = [];
  for (const p of sorted) if (!taken.some((q) => p.from < q.to && q.from < p.to)) taken.push(p);
  return taken.sort((a, b) => a.from - b.from);
}
