/**
 * The dossier's items as the editor shows them (a group per section, the
 * unsectioned items first) and where a keyboard or drop move takes an item,
 * as the `dossier.moveItem` arguments. Pure, so it is tested without a DOM.
 */
import type { DossierInfo, DossierItemInfo, DossierSectionInfo } from '../../../../preload/contract';

export interface ItemGroup {
  /** null: the items before the first section. */
  section: DossierSectionInfo | null;
  items: DossierItemInfo[];
}

export function groupItems(dossier: Pick<DossierInfo, 'sections' | 'items'>): ItemGroup[] {
  const groups: ItemGroup[] = [
    { section: null, items: [] },
    ...dossier.sections.map((section) => ({ section, items: [] as DossierItemInfo[] })),
  ];
  for (const item of dossier.items) {
    const group = groups.find((g) => (g.section?.id ?? null) === item.sectionId) ?? groups[0]!;
    group.items.push(item);
  }
  return groups;
}

export interface MoveTarget {
  sectionId: number | null;
  /** 0-based place among the target section's items (the item itself not counted). */
  index: number;
}

/**
 * One step up (-1) or down (+1): within its section, or across the
 * boundary to the end of the section before / the start of the one after.
 * Null at the very start or end of the dossier.
 */
export function stepTarget(groups: readonly ItemGroup[], itemId: number, delta: -1 | 1): MoveTarget | null {
  const g = groups.findIndex((group) => group.items.some((i) => i.id === itemId));
  if (g < 0) return null;
  const group = groups[g]!;
  const at = group.items.findIndex((i) => i.id === itemId);
  const sectionId = group.section?.id ?? null;
  const next = at + delta;
  if (next >= 0 && next < group.items.length) return { sectionId, index: next };
  const neighbour = groups[g + delta];
  if (!neighbour) return null;
  return { sectionId: neighbour.section?.id ?? null, index: delta < 0 ? neighbour.items.length : 0 };
}

/** Dropping `itemId` on `targetId`: it takes the target's place (before it, or after it when moving down in the same section). */
export function dropTarget(groups: readonly ItemGroup[], itemId: number, targetId: number): MoveTarget | null {
  if (itemId === targetId) return null;
  for (const group of groups) {
    const at = group.items.findIndex((i) => i.id === targetId);
    if (at < 0) continue;
    // Indexes count the section's items without the moving one: `at` puts it
    // after the target when it came from above in the same section, before
    // it otherwise; either way, in the target's place.
    return { sectionId: group.section?.id ?? null, index: at };
  }
  return null;
}
