/**
 * The two pictures, drawn with Observable Plot (SVG): articles over time
 * (bins stacked by outlet, or one row per outlet) and articles by outlet.
 * Loaded only when a chart is shown (ChartPanel imports this module
 * lazily), so Plot and the d3 parts it uses stay out of the first screen.
 *
 * Readable in black and white: every outlet has a pattern as well as a
 * colour (the patterns are in the SVG, so an exported file keeps them), and
 * the outlet bars carry their names and counts as text. Mirrored in Arabic:
 * time runs right to left and the count axis stands on the right.
 */
import * as Plot from '@observablehq/plot';
import { paddedDomain, stepPoints, type OutletSeries, type TimelineSeries } from './timelineData';

/**
 * Narrower bins than this (in pixels) are drawn as one stacked step area per
 * outlet instead of a rectangle per bin and outlet: 730 days of 7 outlets were
 * 5,110 rectangles (each with its own <title>), now 7 paths.
 */
const MIN_BAR_PX = 4;

/** Okabe-Ito colours (distinct for the common colour blindnesses), one per outlet, "others" grey. */
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442'];
const OTHERS = '#999999';

type Texture = (colour: string) => string;
/** One texture per outlet on top of its colour: solid, diagonal, dots, cross, horizontal, vertical, sparse. */
const TEXTURES: Texture[] = [
  () => '',
  (c) => `<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="${c}" stroke-width="1.6"/>`,
  (c) => `<circle cx="3" cy="3" r="1.3" fill="${c}"/>`,
  (c) => `<path d="M0,0 L6,6 M6,0 L0,6" stroke="${c}" stroke-width="1.2"/>`,
  (c) => `<path d="M0,3 H6" stroke="${c}" stroke-width="1.6"/>`,
  (c) => `<path d="M3,0 V6" stroke="${c}" stroke-width="1.6"/>`,
  (c) => `<circle cx="1.5" cy="1.5" r="0.9" fill="${c}"/><circle cx="4.5" cy="4.5" r="0.9" fill="${c}"/>`,
];

export function outletColour(outlet: OutletSeries, count: number): string {
  return outlet.index === count - 1 && outlet.index >= COLOURS.length
    ? OTHERS
    : COLOURS[outlet.index % COLOURS.length]!;
}

/** The <pattern> of one outlet: its colour, lightened, under a dark texture. */
export function patternMarkup(id: string, index: number, colour: string): string {
  const texture = TEXTURES[index % TEXTURES.length]!('#1a1a1a');
  return `<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="${colour}"/>${texture}</pattern>`;
}

/**
 * One picture for assistive technology: the whole chart is an image named by
 * its label (the numbers are in the legend, the outlet bars' text and each
 * bar's title); Plot's own names of its layers ("rect", "rule") are dropped.
 */
function asImage(svg: SVGSVGElement): void {
  svg.setAttribute('role', 'img');
  svg.querySelectorAll('g[aria-label]').forEach((g) => g.removeAttribute('aria-label'));
}

function addPatterns(svg: SVGSVGElement, prefix: string, outlets: readonly OutletSeries[]): void {
  asImage(svg);
  const defs = document.createElementNS('http://www.w3.org/2000/svg', 'defs');
  defs.innerHTML = outlets
    .map((o) => patternMarkup(`${prefix}-${o.index}`, o.index, outletColour(o, outlets.length)))
    .join('');
  svg.insertBefore(defs, svg.firstChild);
  // Plot places its text for a left-to-right frame; the page's dir must not flip the anchors (nor the file's).
  svg.setAttribute('direction', 'ltr');
  svg.style.direction = 'ltr';
}

export interface ChartOptions {
  /** Unique per chart on the page: the patterns' ids start with it. */
  id: string;
  rtl: boolean;
  width: number;
  locale: string;
  label: string;
  axisLabel: string;
}

export interface BrushOptions {
  onBrush(from: Date, to: Date): void;
}

type PlotFigure = SVGSVGElement & Plot.Plot;

const fill = (prefix: string) => (d: { outlet: number }) => `url(#${prefix}-${d.outlet})`;

export function drawTimeline(
  series: TimelineSeries,
  options: ChartOptions & { multiples: boolean },
  brush?: BrushOptions,
): SVGSVGElement {
  const { rtl, locale } = options;
  const monthFormat = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const dayFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const tickFormat = (d: Date) => (series.unit === 'month' ? monthFormat : dayFormat).format(d);
  // Ticks on whole bins only (never at noon of a day bin), as many as fit the span (gaps included).
  const starts = series.bins.map((b) => b.start.getTime());
  const unitMs = { day: 86_400_000, week: 7 * 86_400_000, month: 30.44 * 86_400_000 }[series.unit];
  const domain = paddedDomain(series);
  const binCount = domain
    ? Math.round((domain[1].getTime() - domain[0].getTime()) / unitMs)
    : starts.length === 0
      ? 1
      : Math.round((Math.max(...starts) - Math.min(...starts)) / unitMs) + 1;
  const room = Math.max(2, Math.floor(options.width / 90));
  const ticks = `${Math.max(1, Math.ceil(binCount / room))} ${series.unit}s`;
  const names = series.outlets.map((o) => o.name);
  const facetRows = options.multiples && series.outlets.length > 1;
  const thin = options.width / Math.max(1, binCount) < MIN_BAR_PX;
  const named = <T extends { outlet: number }>(rows: T[]) =>
    facetRows ? rows.map((b) => ({ ...b, name: names[b.outlet]! })) : rows;
  // No <title> per bar: thousands of nodes for a tooltip; the chart is one image named by its label.
  const bars = thin
    ? Plot.areaY(named(stepPoints(series)), {
        x: 'start',
        y: 'count',
        z: 'outlet',
        fy: facetRows ? 'name' : undefined,
        fill: fill(options.id),
        stroke: 'currentColor',
        strokeWidth: 0.4,
        curve: 'step-after',
      })
    : Plot.rectY(named(series.bins), {
        x1: 'start',
        x2: 'end',
        y: 'count',
        fy: facetRows ? 'name' : undefined,
        fill: fill(options.id),
        stroke: 'currentColor',
        strokeWidth: 0.4,
        inset: 0.3,
      });
  // Counts of articles: whole-number ticks only (a one-article bin drew 0.2, 0.4 … 1.0 on the axis).
  const heights = new Map<string, number>();
  for (const b of series.bins) {
    const key = facetRows ? `${b.outlet} ${b.start.getTime()}` : String(b.start.getTime());
    heights.set(key, (heights.get(key) ?? 0) + b.count);
  }
  const tallest = Math.max(1, ...heights.values());
  const countFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const figure = Plot.plot({
    width: options.width,
    height: facetRows ? 40 + series.outlets.length * 56 : 220,
    marginLeft: rtl ? 20 : facetRows ? 110 : 48,
    marginRight: rtl ? (facetRows ? 110 : 48) : 20,
    marginBottom: 30,
    ariaLabel: options.label,
    style: { background: 'transparent', color: 'currentColor', fontSize: '11px' },
    x: { type: 'utc', reverse: rtl, tickFormat, ticks, label: null, ...(domain ? { domain } : {}) },
    y: {
      axis: rtl ? 'right' : 'left',
      grid: true,
      label: options.axisLabel,
      labelArrow: 'none',
      nice: true,
      ticks: Math.min(5, tallest),
      tickFormat: (n: number) => (Number.isInteger(n) ? countFormat.format(n) : ''),
    },
    color: { type: 'identity' },
    fy: facetRows ? { domain: names, label: null, axis: rtl ? 'right' : 'left' } : undefined,
    marks: [bars, Plot.ruleY([0])],
  }) as PlotFigure;
  addPatterns(figure, options.id, series.outlets);
  if (brush) addBrush(figure, brush);
  return figure;
}

/**
 * Shows the chosen span [from, to] (ISO days; an empty end is the chart's edge) as the brush's band,
 * without drawing the chart again: the header's date fields and the keyboard move it so.
 */
export function showRange(svg: SVGSVGElement, range: { from: string; to: string } | null): void {
  const figure = svg as PlotFigure;
  const band = figure.querySelector('[data-brush=selection]');
  const x = figure.scale('x');
  if (!band || !x?.apply || !x.range) return;
  if (!range) {
    band.setAttribute('visibility', 'hidden');
    return;
  }
  const [r0, r1] = x.range as [number, number];
  const lo = Math.min(r0, r1);
  const hi = Math.max(r0, r1);
  const day = (iso: string, after: boolean) => Date.parse(`${iso}T00:00:00Z`) + (after ? 86_400_000 : 0);
  // The range runs right to left when mirrored: r0 is always where time starts.
  const a = range.from ? x.apply(new Date(day(range.from, false))) : r0;
  const b = range.to ? x.apply(new Date(day(range.to, true))) : r1;
  const left = Math.max(lo, Math.min(hi, Math.min(a, b)));
  const right = Math.max(lo, Math.min(hi, Math.max(a, b)));
  band.setAttribute('x', String(left));
  band.setAttribute('width', String(Math.max(2, right - left)));
  band.setAttribute('visibility', 'visible');
}

/** Dragging across the plot selects a span of time; the x scale turns it back into dates. */
function addBrush(figure: PlotFigure, brush: BrushOptions): void {
  const x = figure.scale('x');
  if (!x?.invert || !x.range) return;
  const [r0, r1] = x.range as [number, number];
  const lo = Math.min(r0, r1);
  const hi = Math.max(r0, r1);
  const height = Number(figure.getAttribute('height'));
  const ns = 'http://www.w3.org/2000/svg';
  const overlay = document.createElementNS(ns, 'rect');
  const band = document.createElementNS(ns, 'rect');
  for (const [k, v] of Object.entries({ x: lo, y: 0, width: hi - lo, height: height - 30, fill: 'transparent' }))
    overlay.setAttribute(k, String(v));
  overlay.setAttribute('data-brush', 'overlay');
  overlay.style.cursor = 'crosshair';
  band.setAttribute('data-brush', 'selection');
  band.setAttribute('y', '0');
  band.setAttribute('height', String(height - 30));
  band.setAttribute('fill', 'currentColor');
  band.setAttribute('fill-opacity', '0.15');
  band.setAttribute('stroke', 'currentColor');
  band.setAttribute('stroke-dasharray', '3 2');
  band.setAttribute('pointer-events', 'none');
  band.setAttribute('visibility', 'hidden');
  figure.append(band, overlay);
  const pointX = (event: PointerEvent): number => {
    const box = figure.getBoundingClientRect();
    const scale = box.width > 0 ? Number(figure.getAttribute('width')) / box.width : 1;
    return Math.max(lo, Math.min(hi, (event.clientX - box.left) * scale));
  };
  let from: number | null = null;
  overlay.addEventListener('pointerdown', (event) => {
    from = pointX(event);
    overlay.setPointerCapture(event.pointerId);
    band.setAttribute('x', String(from));
    band.setAttribute('width', '0');
    band.setAttribute('visibility', 'visible');
  });
  overlay.addEventListener('pointermove', (event) => {
    if (from === null) return;
    const to = pointX(event);
    band.setAttribute('x', String(Math.min(from, to)));
    band.setAttribute('width', String(Math.abs(to - from)));
  });
  overlay.addEventListener('pointerup', (event) => {
    if (from === null) return;
    const to = pointX(event);
    const start = from;
    from = null;
    if (Math.abs(to - start) < 3) {
      band.setAttribute('visibility', 'hidden');
      return;
    }
    brush.onBrush(x.invert!(start) as Date, x.invert!(to) as Date);
  });
}

export function drawOutlets(series: TimelineSeries, options: ChartOptions): SVGSVGElement {
  const { rtl } = options;
  const rows = series.outlets.map((o) => ({ ...o, label: `${o.name} · ${o.total.toLocaleString(options.locale)}` }));
  const figure = Plot.plot({
    width: options.width,
    height: 24 + rows.length * 26,
    marginLeft: 12,
    marginRight: 12,
    ariaLabel: options.label,
    style: { background: 'transparent', color: 'currentColor', fontSize: '11px' },
    x: { reverse: rtl, axis: null, nice: true },
    y: { domain: rows.map((r) => r.name), axis: null },
    color: { type: 'identity' },
    marks: [
      Plot.barX(rows, {
        x: 'total',
        y: 'name',
        fill: (d: OutletSeries) => `url(#${options.id}-${d.index})`,
        stroke: 'currentColor',
        strokeWidth: 0.4,
        insetTop: 12,
      }),
      // Names and counts as text above each bar: no legend needed, readable printed in grey.
      Plot.text(rows, {
        x: 0,
        y: 'name',
        text: 'label',
        textAnchor: rtl ? 'end' : 'start',
        dy: -7,
        fill: 'currentColor',
        lineAnchor: 'bottom',
      }),
    ],
  }) as PlotFigure;
  addPatterns(figure, options.id, series.outlets);
  return figure;
}
