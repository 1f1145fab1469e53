/**
 * The charts' data: articles per day and outlet (charts.timeline, counted by
 * the core) put into day, week or month bins, the outlets beyond the first
 * few gathered as "others". Pure, so the bench times it apart from drawing.
 */
import type { TimelineCounts } from '../../../preload/contract';
import type { TimeUnit } from '../i18nEntities';

export type Unit = Exclude<TimeUnit, 'auto'>;

export interface OutletSeries {
  /** Order of the outlet in the legend and the stack (0 = most articles). */
  index: number;
  name: string;
  total: number;
}

export interface Bin {
  /** First day of the bin (UTC midnight) and the day after its last. */
  start: Date;
  end: Date;
  outlet: number;
  count: number;
}

export interface TimelineSeries {
  unit: Unit;
  outlets: OutletSeries[];
  bins: Bin[];
  /** Articles with no date precise enough for the unit (no date, or a month or year for days and weeks). */
  undated: number;
  total: number;
  /** First and last day with articles (ISO), null when none. */
  first: string | null;
  last: string | null;
}

const DAY = 86_400_000;

/** Day bins up to two months, weeks up to two years, then months. */
export function autoUnit(first: string | null, last: string | null): Unit {
  if (!first || !last) return 'day';
  const span = (Date.parse(last) - Date.parse(first)) / DAY;
  return span <= 62 ? 'day' : span <= 730 ? 'week' : 'month';
}

function binOf(iso: string, unit: Unit): { start: number; end: number } | null {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  if (unit === 'month') {
    if (iso.length < 7) return null;
    return { start: Date.UTC(y, m - 1, 1), end: Date.UTC(y, m, 1) };
  }
  if (iso.length < 10) return null;
  const day = Date.UTC(y, m - 1, Number(iso.slice(8, 10)));
  if (unit === 'day') return { start: day, end: day + DAY };
  // Weeks start on Monday (ISO 8601).
  const monday = day - ((new Date(day).getUTCDay() + 6) % 7) * DAY;
  return { start: monday, end: monday + 7 * DAY };
}

export interface BinOptions {
  unit: TimeUnit;
  /** Outlets drawn apart; the rest are one "others" series. */
  maxOutlets?: number;
  names: { others: string; unknown: string };
}

export function binTimeline(counts: TimelineCounts, options: BinOptions): TimelineSeries {
  const maxOutlets = options.maxOutlets ?? 6;
  const nameOf = new Map(counts.sources.map((s) => [s.id, s.name]));
  const totals = new Map<number | null, number>();
  let first: string | null = null;
  let last: string | null = null;
  for (const r of counts.rows) {
    totals.set(r.sourceId, (totals.get(r.sourceId) ?? 0) + r.count);
    if (r.day && r.day.length >= 10) {
      if (first === null || r.day < first) first = r.day;
      if (last === null || r.day > last) last = r.day;
    }
  }
  const unit = options.unit === 'auto' ? autoUnit(first, last) : options.unit;
  const ranked = [...totals].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
  const kept = ranked.length > maxOutlets + 1 ? ranked.slice(0, maxOutlets) : ranked;
  const indexOf = new Map(kept.map(([id], i) => [id, i]));
  const outlets: OutletSeries[] = kept.map(([id, total], i) => ({
    index: i,
    name: id === null ? options.names.unknown : (nameOf.get(id) ?? options.names.unknown),
    total,
  }));
  if (kept.length < ranked.length) {
    const rest = ranked.slice(kept.length).reduce((sum, [, n]) => sum + n, 0);
    outlets.push({ index: kept.length, name: options.names.others, total: rest });
  }
  const othersIndex = kept.length;
  const byKey = new Map<number, Bin>();
  let undated = 0;
  for (const r of counts.rows) {
    const bin = r.day ? binOf(r.day, unit) : null;
    if (!bin) {
      undated += r.count;
      continue;
    }
    const outlet = indexOf.get(r.sourceId) ?? othersIndex;
    // Bins start on whole days, at most 16 outlets apart: one number keys both.
    const key = (bin.start / DAY) * 64 + outlet;
    const seen = byKey.get(key);
    if (seen) seen.count += r.count;
    else byKey.set(key, { start: new Date(bin.start), end: new Date(bin.end), outlet, count: r.count });
  }
  const bins = [...byKey.values()].sort((a, b) => a.start.getTime() - b.start.getTime() || a.outlet - b.outlet);
  return { unit, outlets, bins, undated, total: counts.total, first, last };
}

/** The ISO days [from, to] a brushed span covers, whole bins of the unit. */
export function brushedDays(a: Date, b: Date): { from: string; to: string } {
  const [lo, hi] = a.getTime() <= b.getTime() ? [a, b] : [b, a];
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  // The end of a span is exclusive when it falls on midnight: the day before is the last one.
  const end = new Date(hi.getTime() - (hi.getTime() % DAY === 0 && hi.getTime() > lo.getTime() ? DAY : 0));
  return { from: iso(lo), to: iso(end) };
}

/** A span of days; an empty end is open (the first or last day with articles). */
export interface DayRange {
  from: string;
  to: string;
}

function isoOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `iso` moved by `n` units (a month keeps the day, clamped to the month's end). */
function addUnits(iso: string, unit: Unit, n: number): string {
  const [y, m, d] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
  if (unit !== 'month') return isoOf(Date.UTC(y, m - 1, d) + n * (unit === 'week' ? 7 : 1) * DAY);
  const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  return isoOf(Date.UTC(y, m - 1 + n, Math.min(d, last)));
}

/**
 * The brushed range stepped from the keyboard: `move` shifts both ends by one
 * bin of `unit` (later when `step` is 1, earlier when -1), `resize` moves only
 * the end (never before the start). Without a range, the first bin of the
 * data is chosen. Ends stay within the data's first and last day.
 */
export function stepRange(
  range: DayRange | null,
  series: Pick<TimelineSeries, 'unit' | 'first' | 'last'>,
  step: 1 | -1,
  resize: boolean,
): DayRange | null {
  const { unit, first, last } = series;
  if (!first || !last) return null;
  const clamp = (iso: string) => (iso < first ? first : iso > last ? last : iso);
  if (!range) {
    const bin = binOf(first, unit)!;
    return { from: first, to: clamp(isoOf(bin.end - DAY)) };
  }
  const from = range.from || first;
  const to = range.to || last;
  if (resize) {
    const end = addUnits(to, unit, step);
    return { from, to: clamp(end < from ? from : end) };
  }
  // Moving stops at the edges with the range's length kept.
  if ((step > 0 && to >= last) || (step < 0 && from <= first)) return { from, to };
  return { from: clamp(addUnits(from, unit, step)), to: clamp(addUnits(to, unit, step)) };
}

/** One point of an outlet's stacked area: its count from `start` until the next point. */
export interface StepPoint {
  start: Date;
  outlet: number;
  count: number;
}

/**
 * The bins as one step line per outlet, zeros filled in, for bars too thin
 * to draw one by one: every outlet has a point at every bin start and one
 * at the last bin's end (closing the last step). A few paths instead of a
 * rectangle per bin and outlet.
 */
export function stepPoints(series: Pick<TimelineSeries, 'bins' | 'outlets'>): StepPoint[] {
  const starts = [...new Set(series.bins.map((b) => b.start.getTime()))].sort((a, b) => a - b);
  if (starts.length === 0) return [];
  const end = Math.max(...series.bins.map((b) => b.end.getTime()));
  const at = new Map<number, number>(starts.map((t, i) => [t, i]));
  const points: StepPoint[] = [];
  for (const o of series.outlets) {
    const counts = new Float64Array(starts.length);
    for (const b of series.bins) if (b.outlet === o.index) counts[at.get(b.start.getTime())!]! += b.count;
    starts.forEach((t, i) => points.push({ start: new Date(t), outlet: o.index, count: counts[i]! }));
    points.push({ start: new Date(end), outlet: o.index, count: counts[starts.length - 1]! });
  }
  return points;
}

/** Fewer bins than this and each bar would be as wide as a fraction of the chart that no longer reads as a bar. */
export const MIN_SHOWN_BINS = 7;

/**
 * The time axis of a short span: a story told in one or two days drawn as one bar as wide as the chart looked like
 * flat bands, so the span is shown among empty bins either side (7 bins in all). Null when the bins fill enough.
 */
export function paddedDomain(series: Pick<TimelineSeries, 'bins' | 'unit'>): [Date, Date] | null {
  if (series.bins.length === 0) return null;
  const first = Math.min(...series.bins.map((b) => b.start.getTime()));
  const last = Math.max(...series.bins.map((b) => b.end.getTime()));
  const unit = { day: DAY, week: 7 * DAY, month: 30.44 * DAY }[series.unit];
  const shown = Math.round((last - first) / unit);
  if (shown >= MIN_SHOWN_BINS) return null;
  const pad = Math.ceil((MIN_SHOWN_BINS - shown) / 2) * unit;
  return [new Date(first - pad), new Date(last + pad)];
}
