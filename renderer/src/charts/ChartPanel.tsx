/**
 * A result set's pictures: articles over time (stacked by outlet, or one row
 * per outlet; per day, week or month) and articles by outlet, with a legend
 * of patterns, SVG/PNG export, and, where the list can take it, a brush that
 * narrows the list to the dates dragged across. The drawing code (Plot) is
 * imported when the panel first draws.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { TimelineCounts } from '../../../preload/contract';
import { formatIsoDate } from '../../../common/text/dates';
import { toShownError } from '../api';
import { useI18n } from '../i18n';
import { useEntityWords, type TimeUnit } from '../i18nEntities';
import { chartFileName, savePng, saveSvg } from './exportChart';
import { binTimeline, brushedDays, stepRange } from './timelineData';

type PlotCharts = typeof import('./plotCharts');
let loading: Promise<PlotCharts> | null = null;
/** The chart module, imported once on first use (a separate chunk of the build). */
export function loadCharts(): Promise<PlotCharts> {
  loading ??= import('./plotCharts').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** What the user chose last, for the next panel. */
const remembered: { unit: TimeUnit; multiples: boolean } = { unit: 'auto', multiples: false };

export interface ChartPanelProps {
  /** Reads the counts; called again when `loadKey` changes. */
  load: () => Promise<TimelineCounts>;
  loadKey: string;
  /** What the charts show ("All articles", a search, an entity's name): labels and file names. */
  subject: string;
  /** Given when dragging across the timeline (or the arrow keys on it) may narrow the list to those dates. */
  onBrush?: (from: string, to: string) => void;
  /** The chosen dates (ISO days; an empty end is open), shown as the brush's band wherever they were set. */
  dateRange?: { from: string; to: string } | null;
  onClearDates?: () => void;
  testId?: string;
}

export function ChartPanel({ load, loadKey, subject, onBrush, dateRange, onClearDates, testId }: ChartPanelProps) {
  const { locale, dir, formatNumber } = useI18n();
  const e = useEntityWords();
  const id = useId().replace(/[^a-zA-Z0-9]/g, '');
  const [counts, setCounts] = useState<TimelineCounts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [charts, setCharts] = useState<PlotCharts | null>(null);
  const [unit, setUnit] = useState<TimeUnit>(remembered.unit);
  const [multiples, setMultiples] = useState(remembered.multiples);
  const [width, setWidth] = useState(0);
  const frame = useRef<HTMLDivElement>(null);
  const timelineHost = useRef<HTMLDivElement>(null);
  const timelineSvg = useRef<SVGSVGElement | null>(null);
  const rangeRef = useRef(dateRange ?? null);
  rangeRef.current = dateRange ?? null;
  const outletsHost = useRef<HTMLDivElement>(null);
  const brushRef = useRef(onBrush);
  brushRef.current = onBrush;

  useEffect(() => {
    Object.assign(remembered, { unit, multiples });
  }, [unit, multiples]);

  useEffect(() => {
    let live = true;
    load().then(
      (c) => {
        if (live) {
          setCounts(c);
          setError(null);
        }
      },
      (err: unknown) => live && setError(toShownError(err).message),
    );
    return () => {
      live = false;
    };
    // `load` is a new function on each render; `loadKey` says when it asks for something else.
  }, [loadKey]);

  useEffect(() => {
    let live = true;
    loadCharts().then(
      (m) => live && setCharts(m),
      (err: unknown) => live && setError(`${e.chartLoadFailed}: ${toShownError(err).message}`),
    );
    return () => {
      live = false;
    };
  }, [e.chartLoadFailed]);

  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(Math.floor(el.clientWidth)));
    observer.observe(el);
    setWidth(Math.floor(el.clientWidth));
    return () => observer.disconnect();
  }, []);

  const series = useMemo(
    () => (counts ? binTimeline(counts, { unit, names: { others: e.others, unknown: e.unknownOutlet } }) : null),
    [counts, unit, e.others, e.unknownOutlet],
  );

  useEffect(() => {
    if (!charts || !series || width < 120) return;
    const rtl = dir === 'rtl';
    const common = { rtl, width, locale, axisLabel: e.articlesAxis };
    const timeline = charts.drawTimeline(
      series,
      { ...common, id: `${id}t`, label: e.timelineOf(subject), multiples },
      brushRef.current
        ? {
            onBrush: (a, b) => {
              const { from, to } = brushedDays(a, b);
              brushRef.current?.(from, to);
            },
          }
        : undefined,
    );
    const outlets = charts.drawOutlets(series, { ...common, id: `${id}o`, label: e.outletsOf(subject) });
    timelineSvg.current = timeline;
    charts.showRange(timeline, rangeRef.current);
    timelineHost.current?.replaceChildren(timeline);
    outletsHost.current?.replaceChildren(outlets);
  }, [charts, series, width, dir, locale, multiples, id, subject, e]);

  // The fields in the search header, the keyboard or a drag moved the dates: the band follows, the chart stays.
  const rangeKey = dateRange ? `${dateRange.from}|${dateRange.to}` : '';
  useEffect(() => {
    if (charts && timelineSvg.current) charts.showRange(timelineSvg.current, rangeRef.current);
  }, [charts, rangeKey]);

  const onTimelineKey = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (!onBrush || !series) return;
    if (event.key === 'Escape' && dateRange) {
      event.preventDefault();
      onClearDates?.();
      return;
    }
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    // Time runs right to left in Arabic: the arrow pointing that way goes later.
    const later = (event.key === 'ArrowRight') === (dir !== 'rtl');
    const next = stepRange(dateRange ?? null, series, later ? 1 : -1, event.shiftKey);
    if (next) onBrush(next.from, next.to);
  };
  const shownDate = (iso: string) => (iso ? (formatIsoDate(iso, locale) ?? iso) : '…');

  const svgOf = (host: React.RefObject<HTMLDivElement | null>) => host.current?.querySelector('svg') ?? null;
  const exportChart = (kind: 'svg' | 'png') => {
    const svg = svgOf(timelineHost);
    if (!svg) return;
    const name = chartFileName(`${subject}-${e.timeline}`, kind);
    if (kind === 'svg') saveSvg(svg, name);
    else void savePng(svg, name).catch((err: unknown) => setError(toShownError(err).message));
  };
  const outletCount = series?.outlets.length ?? 0;

  return (
    <section className="chart-panel" aria-label={e.timelineOf(subject)} data-testid={testId ?? 'chart-panel'}>
      <div className="chart-toolbar">
        <label>
          {e.unit}{' '}
          <select value={unit} onChange={(ev) => setUnit(ev.currentTarget.value as TimeUnit)} data-testid="chart-unit">
            {(['auto', 'day', 'week', 'month'] as const).map((u) => (
              <option key={u} value={u}>
                {u === 'auto' && series ? `${e.units.auto} (${e.units[series.unit]})` : e.units[u]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="chip-button"
          aria-pressed={multiples}
          onClick={() => setMultiples((m) => !m)}
          disabled={outletCount < 2}
        >
          {e.smallMultiples}
        </button>
        <span className="chart-spacer" />
        <button type="button" className="chip-button" onClick={() => exportChart('svg')} data-testid="chart-export-svg">
          {e.exportSvg}
        </button>
        <button type="button" className="chip-button" onClick={() => exportChart('png')} data-testid="chart-export-png">
          {e.exportPng}
        </button>
      </div>
      {dateRange ? (
        <p className="chart-range" data-testid="chart-date-range" aria-live="polite">
          <span>{e.dateRange(shownDate(dateRange.from), shownDate(dateRange.to))}</span>{' '}
          {onClearDates ? (
            <button type="button" className="link-button" onClick={onClearDates} data-testid="chart-clear-dates">
              {e.clearDates}
            </button>
          ) : null}
        </p>
      ) : onBrush ? (
        <p className="chart-hint muted">{e.brushHint}</p>
      ) : null}
      {error ? (
        <p className="chart-error" role="alert">
          {error}
        </p>
      ) : null}
      <div ref={frame} className="chart-frame">
        <h3 className="chart-title">{e.timeline}</h3>
        <div
          ref={timelineHost}
          className="chart-svg"
          data-testid="chart-timeline"
          {...(onBrush
            ? {
                tabIndex: 0,
                role: 'group',
                'aria-label': `${e.timelineOf(subject)}. ${e.brushKeys}`,
                onKeyDown: onTimelineKey,
              }
            : {})}
        />
        {series && series.undated > 0 ? <p className="muted">{e.undated(formatNumber(series.undated))}</p> : null}
        {series && outletCount > 1 && !multiples ? (
          <ul className="chart-legend" aria-label={e.legend}>
            {series.outlets.map((o) => (
              <li key={o.index}>
                <Swatch id={`${id}l${o.index}`} index={o.index} colour={charts?.outletColour(o, outletCount)} />
                <bdi>{o.name}</bdi>
              </li>
            ))}
          </ul>
        ) : null}
        <h3 className="chart-title">{e.outlets}</h3>
        <div ref={outletsHost} className="chart-svg" data-testid="chart-outlets" />
      </div>
    </section>
  );
}

/** The legend's sample of an outlet's pattern (the same markup the charts use). */
function Swatch({ id, index, colour }: { id: string; index: number; colour: string | undefined }) {
  const [markup, setMarkup] = useState('');
  useEffect(() => {
    if (!colour) return;
    void loadCharts().then((m) => setMarkup(m.patternMarkup(id, index, colour)));
  }, [id, index, colour]);
  return (
    <svg width="18" height="12" aria-hidden="true" className="chart-swatch">
      <defs dangerouslySetInnerHTML={{ __html: markup }} />
      <rect width="18" height="12" fill={markup ? `url(#${id})` : 'currentColor'} stroke="currentColor" />
    </svg>
  );
}
