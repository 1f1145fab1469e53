import { describe, expect, it } from 'vitest';
import { MAX_ENTITY_CHIPS, noRefine, refinedQuery, withChip, withoutChip, type FacetChip } from './searchRefine';

const person: FacetChip = { kind: 'person', value: '7', label: 'عادل الجبير' };
const place: FacetChip = { kind: 'place', value: '3', label: 'الرياض' };
const org: FacetChip = { kind: 'organisation', value: '12', label: 'الأمم المتحدة' };

describe('search refinement chips', () => {
  it('keeps several people, places and organisations at once, all of them required', () => {
    const r = withChip(withChip(withChip(noRefine, person), place), org);
    expect(r.chips).toEqual([person, place, org]);
    expect(refinedQuery('السعودية', {}, r)).toEqual({ query: 'السعودية', filter: { entityIds: [7, 3, 12] } });
    // On top of an entity page's own entity: both filters apply.
    expect(refinedQuery('', { entityId: 5 }, r).filter).toEqual({ entityId: 5, entityIds: [7, 3, 12] });
    const other: FacetChip = { kind: 'person', value: '8', label: 'مصطفى الكاظمي' };
    expect(withChip(r, other).chips).toEqual([person, place, org, other]);
  });

  it('removes one chip and leaves the others; choosing a chosen value changes nothing', () => {
    const r = withChip(withChip(noRefine, person), place);
    expect(withChip(r, place)).toBe(r);
    const less = withoutChip(r, person);
    expect(less.chips).toEqual([place]);
    expect(refinedQuery('', {}, less).filter).toEqual({ entityIds: [3] });
    expect(refinedQuery('', {}, withoutChip(less, place)).filter).toEqual({});
  });

  it('still replaces a single-valued kind (a year by a month) and caps the entity chips', () => {
    const year: FacetChip = { kind: 'year', value: '2015', label: '2015' };
    const month: FacetChip = { kind: 'month', value: '2015-07', label: '2015-07' };
    expect(withChip(withChip(withChip(noRefine, year), person), month).chips).toEqual([person, month]);
    let r = noRefine;
    for (let i = 1; i <= MAX_ENTITY_CHIPS + 1; i++)
      r = withChip(r, { kind: 'person', value: String(i), label: `p${i}` });
    const ids = refinedQuery('', {}, r).filter.entityIds!;
    expect(ids).toHaveLength(MAX_ENTITY_CHIPS);
    expect(ids[0]).toBe(2);
    expect(ids.at(-1)).toBe(MAX_ENTITY_CHIPS + 1);
  });
});
