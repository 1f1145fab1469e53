/**
 * What narrows a search beside its words: facet values chosen as chips, a
 * date range typed in either calendar, and the sort. Facet kinds the filter
 * has a field for become that field (people, places and organisations: the
 * entity index's `entityIds`, every one named); any other kind is added to
 * the query as a phrase.
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
/** Entity chips at most (the filter's `entityIds`): choosing one more drops the oldest. */
export const MAX_ENTITY_CHIPS = 20;
const ENTITY: ReadonlySet<FacetKind> = new Set(['person', 'place', 'organisation']);

export function withChip(refine: SearchRefine, chip: FacetChip): SearchRefine {
  if (refine.chips.some((c) => c.kind === chip.kind && c.value === chip.value)) return refine;
  // A year and a month are one date filter. People, places and organisations add up: articles naming them all.
  const period = chip.kind === 'year' || chip.kind === 'month';
  const kept = refine.chips.filter(
    (c) => !(SINGLE.has(chip.kind) && (c.kind === chip.kind || (period && (c.kind === 'year' || c.kind === 'month')))),
  );
  const entities = kept.filter((c) => ENTITY.has(c.kind));
  const dropped = ENTITY.has(chip.kind) && entities.length >= MAX_ENTITY_CHIPS ? entities[0] : undefined;
  return { ...refine, chips: [...kept.filter((c) => c !== dropped), chip] };
}

export function withoutChip(refine: SearchRefine, chip: FacetChip): SearchRefine {
  return { ...refine, chips: refine.chips.filter((c) => !(c.kind === chip.kind && c.value === chip.value)) };
}

/** The date range as typed, as ISO bounds (null where empty or not a date). */
export function datesOf(from: string, to: string): { from: string | null; to: string | null } {
  const a = from.trim() ? parseDateBound(from, 'from') : null;
  const b = to.trim() ? parseDateBound(to, 'to') : null;
  return { from: a?.ok ? a.iso : null, to: b?.ok ? b.iso : null };
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
      case 'person':
      case 'place':
      case 'organisation':
        filter.entityIds = [...(filter.entityIds ?? []), Number(c.value)];
        break;
      default:
        phrases.push(`"${c.label.replace(/["“”«»]/g, ' ')}"`);
    }
  }
  const dates = datesOf(refine.from, refine.to);
  if (dates.from) filter.dateFrom = dates.from;
  if (dates.to) filter.dateTo = dates.to;
  return { query: [text, ...phrases].join(' '), filter };
}
