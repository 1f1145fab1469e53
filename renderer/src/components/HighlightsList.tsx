import { useEffect, useState } from 'react';
import type { AnchorStatus, HighlightColor, HighlightListItem } from '../../../preload/contract';
import { highlightColors } from '../../../preload/contract/lists';
import { toShownError, useApi, type ShownError } from '../api';
import { useI18n } from '../i18n';
import { directionOf } from '../../../common/text/direction';

interface HighlightsListProps {
  version: number;
  onOpen(articleId: number, highlightId: number): void;
}

/** Every highlight of the library, newest first; orphans are listed, and can be listed alone. */
export function HighlightsList({ version, onOpen }: HighlightsListProps) {
  const { api } = useApi();
  const { t, w, formatNumber } = useI18n();
  const [status, setStatus] = useState<AnchorStatus | ''>('');
  const [color, setColor] = useState<HighlightColor | ''>('');
  const [state, setState] = useState<{ total: number; items: HighlightListItem[] } | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  useEffect(() => {
    let live = true;
    api['highlights.listAll']({ limit: 500, ...(status ? { status } : {}), ...(color ? { color } : {}) }).then(
      (page) => {
        if (live) setState(page);
      },
      (e: unknown) => {
        if (live) setError(toShownError(e));
      },
    );
    return () => {
      live = false;
    };
  }, [api, status, color, version]);

  return (
    <div className="highlights-view" data-testid="highlights-view">
      <div className="list-filters">
        <label className="field">
          <span className="field-label">{w.highlightsView}</span>
          <select
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as AnchorStatus | '')}
            data-testid="highlight-status-filter"
          >
            <option value="">{w.allStatuses}</option>
            {(['anchored', 'moved', 'orphaned'] as const).map((s) => (
              <option key={s} value={s}>
                {w.status[s]}
              </option>
            ))}
          </select>
        </label>
        <select
          aria-label={w.highlight}
          value={color}
          onChange={(e) => setColor(e.currentTarget.value as HighlightColor | '')}
        >
          <option value="">{w.allColors}</option>
          {highlightColors.map((c) => (
            <option key={c} value={c}>
              {w.colorNames[c]}
            </option>
          ))}
        </select>
        {state ? <span className="muted">{formatNumber(state.total)}</span> : null}
      </div>
      {error ? (
        <p className="list-message" role="alert">
          <code className="error-code">{error.code}</code> {t.errorNames[error.code]}
        </p>
      ) : null}
      {state && state.items.length === 0 ? <p className="list-message teaching">{w.emptyHighlights}</p> : null}
      <ul className="highlight-items" aria-label={w.highlightsView}>
        {state?.items.map((h) => (
          <li key={h.id}>
            <button
              type="button"
              className={`highlight-item status-${h.status}`}
              onClick={() => onOpen(h.article.id, h.id)}
              data-testid="highlight-item"
              data-status={h.status}
            >
              <span className="highlight-item-head">
                <span className={`dot hl-${h.color}`} aria-hidden="true" />
                <bdi className="highlight-item-title" dir={directionOf(h.article.title, h.article.dir)}>
                  {h.article.title}
                </bdi>
                <span className={`status-badge status-${h.status}`} title={w.statusHelp[h.status]}>
                  {w.status[h.status]}
                </span>
              </span>
              <span className="highlight-item-quote" lang={h.article.lang} dir={directionOf(h.quote, h.article.dir)}>
                {h.quote}
              </span>
              {h.note ? (
                <span className="highlight-item-note" dir={directionOf(h.note, 'ltr')}>
                  {h.note}
                </span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
