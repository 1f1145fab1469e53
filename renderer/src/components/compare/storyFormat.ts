/** Display helpers shared by the stories list, the story panel and "other coverage". */
import type { StoryArticle, StoryCluster } from '../../../../preload/contract';
import { shortDate } from '../../text/format';

/** A day (YYYY-MM-DD) in the chrome's locale; the raw text when it is not a day. */
export function dayLabel(day: string | null, locale: string): string | null {
  if (!day) return null;
  return shortDate({ iso: day, precision: 'day', original: null }, locale) ?? day;
}

/** "22 Jul 2015" or "22–24 Jul 2015" style range, built from two day labels. */
export function dayRange(range: StoryCluster['dateRange'], locale: string): string {
  const from = dayLabel(range.from, locale);
  const to = dayLabel(range.to, locale);
  if (!from) return to ?? '';
  if (!to || to === from) return from;
  return `${from} – ${to}`;
}

/**
 * The story's distinct titles, most told first: outlets rewrite the wire's
 * headline, so two or three titles say more than the first one alone.
 */
export function storyTitles(articles: readonly StoryArticle[], max: number): string[] {
  const counts = new Map<string, number>();
  for (const a of articles) {
    const title = a.title.trim();
    if (title) counts.set(title, (counts.get(title) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((x, y) => y[1] - x[1])
    .slice(0, max)
    .map(([title]) => title);
}

/**
 * Which articles a story's comparison starts with: one per outlet (the
 * oldest), because comparing an outlet with itself says little, up to the
 * contract's limit of 12.
 */
export function defaultComparisonIds(articles: readonly StoryArticle[], limit = 12): number[] {
  const seen = new Set<string>();
  const ids: number[] = [];
  for (const a of articles) {
    const outlet = a.source ?? `#${a.id}`;
    if (seen.has(outlet)) continue;
    seen.add(outlet);
    ids.push(a.id);
    if (ids.length === limit) break;
  }
  return ids;
}
