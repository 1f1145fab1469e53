/**
 * What narrows a search beside its words: facet values chosen as chips, a
 * date range typed in either calendar, and the sort. Facet kinds the filter
 * has a field for become that field; any other kind (people, places,
 * organisations from an entity index) is added to the query as a phrase.
 */
import type { ArticleFilter, FacetKind, SearchSort } from '../../../preload/contract';
import { parseDateBound } from '../../../common/text/dateBound';

export interface FacetChip {
  kind: FacetKind;
  value: string;
  label: string;
}

export interface SearchRefine {
  chips: FacetChip[];
  /** The date range as typed (Gregorian or Hijri). */
  from: string;
  to: string;
  sort: SearchSort;
}

export const noRefine: SearchRefine = { chips: [], from: '', to: '', sort: 'relevance' };

/** Kinds of which one value applies at a time (choosing another replaces it). */
const SINGLE: ReadonlySet<FacetKind> = new Set(['year', 'month', 'language', 'tag', 'collection']);

export function withChip(refine: SearchRefine, chip: FacetChip): SearchRefine {
  if (refine.chips.some((c) => c.kind === chip.kind && c.value === chip.value)) return refine;
  // A year and a month are one date filter.
  const period = chip.kind === 'year' || chip.kind === 'month';
  const kept = refine.chips.filter(
    (c) => !(SINGLE.has(chip.kind) && (c.kind === chip.kind || (period && (c.kind === 'year' || c.kind === 'month')))),
  );
  return { ...refine, chips: [...kept, chip] };
}

export function withoutChip(refine: SearchRefine, chip: FacetChip): SearchRefine {
  return { ...refine, chips: refine.chips.filter((c) => !(c.kind === chip.kind && c.value === chip.value)) };
}

export function refinedQuery(
  text: string,
  base: ArticleFilter,
  refine: SearchRefine,
): { query: string; filter: ArticleFilter } {
  const filter: ArticleFilter = { ...base };
  const phrases: string[] = [];
  const sources = refine.chips.filter((c) => c.kind === 'source').map((c) => Number(c.value));
  if (sources.length > 0) filter.sourceIds = sources;
  for (const c of refine.chips) {
    switch (c.kind) {
      case 'source':
        break;
      case 'year':
      case 'month':
        filter.dateFrom = c.value;
        filter.dateTo = c.value;
        break;
      case 'language':
        filter.lang = c.value;
        break;
      case 'tag':
        filter.tag = c.value;
        break;
      case 'collection':
        filter.collectionId = Number(c.value);
        break;
      default:
        phrases.push(`"${c.label.replace(/["“”«»]/g, ' ')}"`);
    }
  }
  const from = refine.from.trim() ? parseDateBound(refine.from, 'from') : null;
  const to = refine.to.trim() ? parseDateBound(refine.to, 'to') : null;
  if (from?.ok) filter.dateFrom = from.iso;
  if (to?.ok) filter.dateTo = to.iso;
  return { query: [text, ...phrases].join(' '), filter };
}
