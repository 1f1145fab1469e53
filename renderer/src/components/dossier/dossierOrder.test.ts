import { describe, expect, it } from 'vitest';
import type { DossierItemInfo } from '../../../../preload/contract';
import { dropTarget, groupItems, stepTarget } from './dossierOrder';

function item(id: number, sectionId: number | null): DossierItemInfo {
  return {
    id,
    position: id,
    kind: 'article',
    refId: id,
    articleId: id,
    title: `t${id}`,
    source: null,
    publishedAt: null,
    dir: 'ltr',
    sectionId,
  };
}

const dossier = {
  sections: [
    { id: 10, title: 'A', position: 1 },
    { id: 20, title: 'B', position: 2 },
    { id: 30, title: 'Empty', position: 3 },
  ],
  items: [item(1, null), item(2, 10), item(3, 10), item(4, 20)],
};

describe('dossier order in the editor', () => {
  it('groups items by section, the unsectioned first, empty sections kept', () => {
    expect(groupItems(dossier).map((g) => [g.section?.id ?? null, g.items.map((i) => i.id)])).toEqual([
      [null, [1]],
      [10, [2, 3]],
      [20, [4]],
      [30, []],
    ]);
  });

  it('steps within a section and across section boundaries, and stops at the ends', () => {
    const groups = groupItems(dossier);
    expect(stepTarget(groups, 2, 1)).toEqual({ sectionId: 10, index: 1 });
    expect(stepTarget(groups, 3, 1)).toEqual({ sectionId: 20, index: 0 });
    expect(stepTarget(groups, 2, -1)).toEqual({ sectionId: null, index: 1 });
    expect(stepTarget(groups, 4, 1)).toEqual({ sectionId: 30, index: 0 });
    expect(stepTarget(groups, 1, -1)).toBeNull();
    expect(stepTarget(groups, 99, 1)).toBeNull();
  });

  it('drops an item in the place of the row it is dropped on', () => {
    const groups = groupItems(dossier);
    expect(dropTarget(groups, 1, 3)).toEqual({ sectionId: 10, index: 1 });
    expect(dropTarget(groups, 2, 3)).toEqual({ sectionId: 10, index: 1 });
    expect(dropTarget(groups, 3, 3)).toBeNull();
  });
});
