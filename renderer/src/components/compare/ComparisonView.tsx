/**
 * Two to twelve articles side by side: one row per aligned sentence group,
 * each article in its own column and its own direction, each row marked
 * shared / reworded / unique in words (not colour alone), the words that
 * differ marked on the article's own text, a coverage map per row, and the
 * fact ledger below.
 *
 * All columns live in one scroller, so they scroll together in both axes
 * and a row can never drift from its neighbours (aligned rows of unequal
 * height cannot be kept level across separate scrollers).
 */
import { useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { AlignSettings, AlignmentRow, Comparison } from '../../../../preload/contract';
import { toShownError, useApi, type ShownError } from '../../api';
import { useI18n } from '../../i18n';
import { directionOf } from '../../../../common/text/direction';
import { LedgerTables } from './LedgerTables';
import { changedSpans, countKinds, segmentsOf } from './marks';
import { dayLabel } from './storyFormat';

interface ComparisonViewProps {
  articleIds: number[];
  /** A saved comparison's own thresholds; the core's defaults otherwise. */
  settings?: AlignSettings;
  onClose(): void;
  onOpenArticle(id: number): void;
  /** Saves the comparison (with its settings) and offers the dossiers; `title` names it. */
  onAddToDossier(articleIds: number[], title: string, settings?: AlignSettings): void;
}

type State =
  { status: 'loading' } | { status: 'ready'; comparison: Comparison } | { status: 'error'; error: ShownError };

export function ComparisonView({ articleIds, settings, onClose, onOpenArticle, onAddToDossier }: ComparisonViewProps) {
  const { api } = useApi();
  const { t, locale, dir, formatNumber } = useI18n();
  const c = t.compare;
  const [state, setState] = useState<State>({ status: 'loading' });
  const [hideShared, setHideShared] = useState(false);
  const gridRef = useRef<HTMLDivElement>(null);
  const key = JSON.stringify({ articleIds, settings: settings ?? {} });

  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    api['compare.articles'](JSON.parse(key) as { articleIds: number[]; settings: AlignSettings }).then(
      (comparison) => {
        if (live) setState({ status: 'ready', comparison });
      },
      (e: unknown) => {
        if (live) setState({ status: 'error', error: toShownError(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [api, key]);

  const comparison = state.status === 'ready' ? state.comparison : null;

  // Escape goes back to the panes, unless a dialog (e.g. the dossier prompt) is open and takes it.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  // Keyboard users land on the first row, where the arrows work.
  useEffect(() => {
    if (comparison) gridRef.current?.querySelector<HTMLElement>('[data-row]')?.focus({ preventScroll: true });
  }, [comparison]);
  const outlets = useMemo(
    () => comparison?.articles.map((a) => a.source ?? c.unknownOutlet) ?? [],
    [comparison, c.unknownOutlet],
  );
  const counts = useMemo(() => (comparison ? countKinds(comparison.rows) : null), [comparison]);
  const shown = useMemo(
    () =>
      comparison
        ? comparison.rows
            .map((row, index) => ({ row, index }))
            .filter(({ row }) => !(hideShared && row.kind === 'shared'))
        : [],
    [comparison, hideShared],
  );

  const focusRow = (index: number) => {
    const row = gridRef.current?.querySelector<HTMLElement>(`[data-row="${index}"]`);
    if (!row) return;
    row.focus();
    row.scrollIntoView({ block: 'nearest' });
  };

  // One tab stop for the rows; arrows (or j/k) move between them.
  const onGridKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const rows = [...(gridRef.current?.querySelectorAll<HTMLElement>('[data-row]') ?? [])];
    const at = rows.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => {
      event.preventDefault();
      const target = rows[Math.max(0, Math.min(rows.length - 1, i))];
      if (!target) return;
      for (const r of rows) r.tabIndex = r === target ? 0 : -1;
      target.focus();
      target.scrollIntoView({ block: 'nearest' });
    };
    if (event.key === 'ArrowDown' || event.key === 'j') go(at + 1);
    else if (event.key === 'ArrowUp' || event.key === 'k') go(at < 0 ? 0 : at - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(rows.length - 1);
    else return;
    // The workbench's own j/k would step through the hidden article list.
    event.stopPropagation();
  };

  const columns = comparison ? comparison.articles.length : articleIds.length;
  const gridStyle = { '--cmp-columns': String(columns) } as CSSProperties;
  const title = c.comparisonTitle(outlets.join(c.listSeparator));

  return (
    <div className="comparison" data-testid="comparison-view">
      <header className="comparison-header">
        <button type="button" className="button button-small" onClick={onClose} data-testid="comparison-back">
          <span aria-hidden="true">{dir === 'rtl' ? '→' : '←'}</span> {c.back}
        </button>
        <h2 className="comparison-title">{c.comparisonOf(formatNumber(columns))}</h2>
        {counts ? (
          <span className="muted" data-testid="comparison-summary">
            {c.summary(formatNumber(counts.shared), formatNumber(counts.reworded), formatNumber(counts.unique))}
          </span>
        ) : null}
        <span className="toolbar-spacer" />
        <label className="check">
          <input
            type="checkbox"
            checked={hideShared}
            onChange={(e) => setHideShared(e.currentTarget.checked)}
            data-testid="comparison-hide-shared"
          />{' '}
          {c.onlyDifferences}
        </label>
        <button
          type="button"
          className="button button-small"
          disabled={!comparison}
          onClick={() => onAddToDossier(articleIds, title, settings)}
          data-testid="comparison-dossier"
        >
          {c.addToDossier}
        </button>
      </header>

      {state.status === 'loading' ? (
        <p className="list-message" role="status">
          {c.loadingComparison}
        </p>
      ) : null}
      {state.status === 'error' ? (
        <p className="list-message" role="alert" data-testid="comparison-error">
          {c.comparisonFailed}: <code className="error-code">{state.error.code}</code> {state.error.message}
        </p>
      ) : null}

      {comparison ? (
        <>
          <div className="cmp-scroller" data-testid="comparison-grid" style={gridStyle}>
            <div className="cmp-table" role="table" aria-label={title} aria-rowcount={comparison.rows.length + 1}>
              <div className="cmp-row cmp-head" role="row">
                <div className="cmp-meta" role="columnheader">
                  {c.coverage}
                </div>
                {comparison.articles.map((a, i) => (
                  <div
                    key={a.id}
                    className="cmp-cell cmp-col-head"
                    role="columnheader"
                    dir={a.dir}
                    lang={a.lang}
                    data-testid="comparison-column"
                  >
                    <span className="cmp-outlet">
                      <span className={`cmp-swatch cmp-swatch-${i % 12}`} aria-hidden="true" />
                      <bdi data-testid="comparison-outlet">{outlets[i]}</bdi>
                      {a.publishedAt.iso ? (
                        <span className="muted">
                          {' '}
                          · <bdi>{dayLabel(a.publishedAt.iso, locale)}</bdi>
                        </span>
                      ) : null}
                    </span>
                    <button
                      type="button"
                      className="link-button cmp-col-title"
                      dir={directionOf(a.title, a.dir)}
                      onClick={() => onOpenArticle(a.id)}
                      title={c.openArticle}
                    >
                      {a.title}
                    </button>
                  </div>
                ))}
              </div>
              <div className="cmp-body" ref={gridRef} onKeyDown={onGridKey} role="rowgroup">
                {shown.map(({ row, index }, i) => (
                  <CompareRow
                    key={index}
                    row={row}
                    index={index}
                    comparison={comparison}
                    outlets={outlets}
                    tabStop={i === 0}
                  />
                ))}
              </div>
            </div>
          </div>
          <p className="muted cmp-keys" aria-hidden="true">
            {c.rowKeys}
          </p>
          <LedgerTables comparison={comparison} outlets={outlets} onShowRow={focusRow} />
        </>
      ) : null}
    </div>
  );
}

function CompareRow({
  row,
  index,
  comparison,
  outlets,
  tabStop,
}: {
  row: AlignmentRow;
  index: number;
  comparison: Comparison;
  outlets: string[];
  tabStop: boolean;
}) {
  const { t, formatNumber } = useI18n();
  const c = t.compare;
  const carried = row.cells
    .map((cell, i) => (cell.length > 0 ? outlets[i] : null))
    .filter((o): o is string => o !== null);
  const carriedText = c.carriedBy(carried.join(c.listSeparator));
  return (
    <div
      className={`cmp-row cmp-row-${row.kind}`}
      role="row"
      tabIndex={tabStop ? 0 : -1}
      data-row={index}
      data-kind={row.kind}
      data-testid="comparison-row"
      aria-rowindex={index + 2}
      aria-label={c.rowLabel(formatNumber(index + 1), c.kinds[row.kind], carriedText)}
    >
      <div className="cmp-meta" role="rowheader">
        <span className={`cmp-kind cmp-kind-${row.kind}`} title={c.kindHelp[row.kind]} data-testid="row-kind">
          {c.kinds[row.kind]}
        </span>
        <span
          className="cmp-coverage"
          role="img"
          aria-label={carriedText}
          title={carriedText}
          data-testid="row-coverage"
        >
          {row.cells.map((cell, i) => (
            <span key={i} className={`cmp-dot${cell.length > 0 ? ` is-on cmp-swatch-${i % 12}` : ''}`} />
          ))}
        </span>
      </div>
      {comparison.articles.map((article, i) => {
        const cell = row.cells[i] ?? [];
        if (cell.length === 0) {
          return (
            <div key={article.id} className="cmp-cell cmp-cell-empty" role="cell">
              <span className="visually-hidden">{c.notCarried}</span>
            </div>
          );
        }
        const changed = row.kind === 'reworded' ? changedSpans(row, i) : [];
        return (
          <div key={article.id} className="cmp-cell" role="cell" dir={article.dir} lang={article.lang}>
            {row.moved.includes(i) ? <span className="cmp-moved badge">{c.moved}</span> : null}
            {cell.map((sentenceIndex) => {
              const sentence = comparison.sentences[i]?.[sentenceIndex];
              if (!sentence) return null;
              return (
                <span key={sentenceIndex} className="cmp-sentence">
                  {segmentsOf(sentence, changed).map((seg) =>
                    seg.changed ? (
                      <mark key={seg.start} className="cmp-diff" title={c.changedWords} data-testid="comparison-diff">
                        {article.body.slice(seg.start, seg.end)}
                      </mark>
                    ) : (
                      <span key={seg.start}>{article.body.slice(seg.start, seg.end)}</span>
                    ),
                  )}{' '}
                </span>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}
