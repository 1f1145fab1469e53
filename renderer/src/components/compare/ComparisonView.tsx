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
import { useEffect, useId, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { AlignSettings, Comparison } from '../../../../preload/contract';
import { toShownError, useApi, type ShownError } from '../../api';
import { useI18n } from '../../i18n';
import { directionOf } from '../../../../common/text/direction';
import { LedgerTables } from './LedgerTables';
import { splitConflicts } from './ledgerGroups';
import { CompareRow } from './CompareRow';
import { countKinds } from './marks';
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

/** The aligned text, or the fact ledger: each gets the whole height below the toolbar. */
type Tab = 'text' | 'facts';

type State =
  { status: 'loading' } | { status: 'ready'; comparison: Comparison } | { status: 'error'; error: ShownError };

export function ComparisonView({ articleIds, settings, onClose, onOpenArticle, onAddToDossier }: ComparisonViewProps) {
  const { api } = useApi();
  const { t, locale, dir, formatNumber } = useI18n();
  const c = t.compare;
  const [state, setState] = useState<State>({ status: 'loading' });
  const [hideShared, setHideShared] = useState(false);
  const [tab, setTab] = useState<Tab>('text');
  const [pendingRow, setPendingRow] = useState<number | null>(null);
  const ids = useId();
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

  // "Show row N" in the ledger: back to the text, with the row shown even if it is a hidden shared one.
  const showRow = (index: number) => {
    if (comparison?.rows[index]?.kind === 'shared') setHideShared(false);
    setTab('text');
    setPendingRow(index);
  };
  useEffect(() => {
    if (pendingRow === null || tab !== 'text') return;
    focusRow(pendingRow);
    setPendingRow(null);
  }, [pendingRow, tab, hideShared]);

  // Tabs: the arrows (either way, as there are two), Home and End move between them.
  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const next: Tab | null =
      event.key === 'ArrowLeft' || event.key === 'ArrowRight'
        ? tab === 'text'
          ? 'facts'
          : 'text'
        : event.key === 'Home'
          ? 'text'
          : event.key === 'End'
            ? 'facts'
            : null;
    if (!next) return;
    event.preventDefault();
    setTab(next);
    document.getElementById(`${ids}-tab-${next}`)?.focus();
  };
  const tabProps = (which: Tab) => ({
    id: `${ids}-tab-${which}`,
    role: 'tab',
    type: 'button' as const,
    className: 'cmp-tab',
    'aria-selected': tab === which,
    'aria-controls': `${ids}-panel-${which}`,
    tabIndex: tab === which ? 0 : -1,
    onClick: () => setTab(which),
    'data-testid': `comparison-tab-${which}`,
  });
  const panelProps = (which: Tab) => ({
    id: `${ids}-panel-${which}`,
    role: 'tabpanel',
    'aria-labelledby': `${ids}-tab-${which}`,
    hidden: tab !== which,
    className: `cmp-panel cmp-panel-${which}`,
  });

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
        <h2 className="comparison-title">{c.comparisonOf(formatNumber(columns), columns)}</h2>
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
          <div className="cmp-tabs" role="tablist" aria-label={c.views} onKeyDown={onTabKey}>
            <button {...tabProps('text')}>{c.textTab}</button>
            <button {...tabProps('facts')}>
              {c.factsTab(splitConflicts(comparison.conflicts).between.length, formatNumber)}
            </button>
            {tab === 'text' ? (
              <span className="cmp-legend muted" aria-hidden="true">
                <mark className="cmp-diff">{c.changedWords}</mark> <mark className="cmp-move">{c.moved}</mark> ·{' '}
                {c.rowKeys}
              </span>
            ) : null}
          </div>
          <section {...panelProps('text')}>
            <div className="cmp-scroller" data-testid="comparison-grid" style={gridStyle}>
              <div className="cmp-table" role="table" aria-label={title} aria-rowcount={comparison.rows.length + 1}>
                <div className="cmp-row cmp-head" role="row">
                  <div className="cmp-meta" role="columnheader">
                    {c.rowHead}
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
                      {comparison.datelines[i] ? (
                        <bdi className="muted cmp-col-dateline" data-testid="comparison-dateline">
                          {a.body.slice(comparison.datelines[i]!.start, comparison.datelines[i]!.end).trim()}
                        </bdi>
                      ) : null}
                      {comparison.tagLines[i] ? (
                        <bdi className="muted cmp-col-dateline" data-testid="comparison-tags">
                          {a.body.slice(comparison.tagLines[i]!.start, comparison.tagLines[i]!.end).trim()}
                        </bdi>
                      ) : null}
                      <span className="muted cmp-col-summary" lang={locale} dir={dir}>
                        {c.columnSummary(
                          (comparison.sentences[i]?.length ?? 0) -
                            (comparison.datelines[i] ? 1 : 0) -
                            (comparison.tagLines[i] ? 1 : 0),
                          comparison.unique[i]?.length ?? 0,
                          formatNumber,
                        )}
                      </span>
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
              {shown.length === 0 ? <p className="list-message">{c.allShared}</p> : null}
            </div>
            {hideShared && counts && counts.shared > 0 ? (
              <p className="muted cmp-hidden-note" role="status" data-testid="comparison-hidden-note">
                {c.hiddenShared(counts.shared, formatNumber)}
              </p>
            ) : null}
          </section>
          <section {...panelProps('facts')}>
            <LedgerTables comparison={comparison} outlets={outlets} onShowRow={showRow} />
          </section>
        </>
      ) : null}
    </div>
  );
}
