/**
 * Charts of the list's result set (the view's filter and the search), shown
 * on demand above the list. Dragging across the timeline narrows the list to
 * those dates (`onDates`); the chart keeps showing the whole set around them.
 */
import { useState } from 'react';
import type { ArticleFilter } from '../../../preload/contract';
import { useApi } from '../api';
import { useEntityWords } from '../i18nEntities';
import { ChartPanel } from './ChartPanel';

let openByDefault = false;

export function ListCharts({
  filter,
  query,
  subject,
  reloadKey,
  dateRange,
  onDates,
}: {
  /** The view's filter, without the brushed dates. */
  filter: ArticleFilter;
  query: string | null;
  subject: string;
  reloadKey: unknown;
  dateRange: { from: string; to: string } | null;
  onDates(range: { from: string; to: string } | null): void;
}) {
  const { api } = useApi();
  const e = useEntityWords();
  const [open, setOpen] = useState(openByDefault);
  return (
    <div className="list-charts">
      <div className="list-charts-bar">
        <button
          type="button"
          className="chip-button"
          aria-expanded={open}
          onClick={() => {
            openByDefault = !open;
            setOpen(!open);
          }}
          data-testid="charts-toggle"
        >
          {open ? e.chartsHide : e.chartsShow}
        </button>
        {!open && dateRange ? (
          <span className="chart-range">
            {e.dateRange(dateRange.from, dateRange.to)}{' '}
            <button type="button" className="link-button" onClick={() => onDates(null)}>
              {e.clearDates}
            </button>
          </span>
        ) : null}
      </div>
      {open ? (
        <ChartPanel
          load={() => api['charts.timeline']({ filter, query: query ?? undefined })}
          loadKey={JSON.stringify({ filter, query, reloadKey })}
          subject={subject}
          onBrush={(from, to) => onDates({ from, to })}
          dateRange={dateRange}
          onClearDates={() => onDates(null)}
          testId="list-charts"
        />
      ) : null}
    </div>
  );
}
