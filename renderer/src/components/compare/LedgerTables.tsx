/**
 * The fact ledger of a comparison: conflicts first (what a researcher checks),
 * then every number, date and quotation per outlet with the conflicting ones
 * flagged, then the people, places and bodies with mentions per outlet.
 */
import type { Comparison, FactConflict } from '../../../../preload/contract';
import { useI18n } from '../../i18n';
import { directionOf } from '../../../../common/text/direction';

interface LedgerProps {
  comparison: Comparison;
  outlets: string[];
  onShowRow(row: number): void;
}

interface FactRow {
  key: string;
  kind: 'number' | 'date' | 'quote';
  article: number;
  start: number;
  end: number;
  fact: string;
  detail: string;
}

/** True when a conflict names this span of this article. */
export function inConflict(conflicts: readonly FactConflict[], article: number, start: number, end: number): boolean {
  return conflicts.some((c) =>
    c.items.some((item) => item.article === article && item.start < end && start < item.end),
  );
}

const QUOTE_SHOWN = 140;

export function LedgerTables({ comparison, outlets, onShowRow }: LedgerProps) {
  const { t, formatNumber } = useI18n();
  const c = t.compare;
  const rows: FactRow[] = [];
  comparison.facts.forEach((facts, article) => {
    for (const n of facts.numbers)
      rows.push({
        key: `n${article}-${n.start}`,
        kind: 'number',
        article,
        start: n.start,
        end: n.end,
        fact: n.text,
        detail: n.unit ?? '',
      });
    for (const d of facts.dates)
      rows.push({
        key: `d${article}-${d.start}`,
        kind: 'date',
        article,
        start: d.start,
        end: d.end,
        fact: d.text,
        detail: d.iso,
      });
    for (const q of facts.quotes) {
      const text = q.text.length > QUOTE_SHOWN ? `${q.text.slice(0, QUOTE_SHOWN)}…` : q.text;
      rows.push({
        key: `q${article}-${q.start}`,
        kind: 'quote',
        article,
        start: q.start,
        end: q.end,
        fact: `“${text}”`,
        detail: q.speaker ? c.speaker(q.speaker) : c.noSpeaker,
      });
    }
  });
  const order = { number: 0, date: 1, quote: 2 } as const;
  rows.sort((a, b) => order[a.kind] - order[b.kind] || a.article - b.article || a.start - b.start);
  const articleDir = (i: number) => comparison.articles[i]?.dir ?? 'rtl';

  return (
    // Focusable: the ledger scrolls on its own, and keyboard users must be able to scroll it.
    <section className="ledger" aria-label={c.ledgerLabel} tabIndex={0} data-testid="ledger">
      <h3>{c.conflicts}</h3>
      {comparison.conflicts.length === 0 ? (
        <p className="muted">{c.noConflicts}</p>
      ) : (
        <ul className="ledger-conflicts" data-testid="ledger-conflicts">
          {comparison.conflicts.map((conflict, i) => (
            <li key={i} className="ledger-conflict" data-testid="ledger-conflict" data-kind={conflict.kind}>
              <span className="conflict-flag">
                <span aria-hidden="true">⚠ </span>
                {c.conflictKinds[conflict.kind]}
              </span>
              <bdi className="conflict-subject" dir={directionOf(conflict.subject, 'rtl')}>
                {conflict.subject}
              </bdi>
              <span className="conflict-items">
                {conflict.items.map((item, k) => (
                  <span key={k} className="conflict-item">
                    <bdi>{outlets[item.article]}</bdi>:{' '}
                    <bdi dir={directionOf(item.value, articleDir(item.article))}>{item.value}</bdi>
                  </span>
                ))}
              </span>
              {conflict.row !== null ? (
                <button type="button" className="link-button" onClick={() => onShowRow(conflict.row!)}>
                  {c.showRow(formatNumber(conflict.row + 1))}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      <h3>{c.ledger}</h3>
      {rows.length === 0 ? (
        <p className="muted">{c.noFacts}</p>
      ) : (
        <table className="ledger-table" data-testid="ledger-facts">
          <thead>
            <tr>
              <th scope="col">{c.factColumns.kind}</th>
              <th scope="col">{c.factColumns.fact}</th>
              <th scope="col">{c.factColumns.detail}</th>
              <th scope="col">{c.factColumns.outlet}</th>
              <th scope="col">{c.factColumns.flag}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const flagged = inConflict(comparison.conflicts, row.article, row.start, row.end);
              return (
                <tr
                  key={row.key}
                  className={flagged ? 'is-conflict' : undefined}
                  data-testid="ledger-fact"
                  data-kind={row.kind}
                  data-conflict={flagged ? 'true' : 'false'}
                >
                  <td>{c.factKinds[row.kind]}</td>
                  <td>
                    <bdi dir={directionOf(row.fact, articleDir(row.article))}>{row.fact}</bdi>
                  </td>
                  <td>
                    <bdi dir={directionOf(row.detail, articleDir(row.article))}>{row.detail}</bdi>
                  </td>
                  <td>
                    <bdi>{outlets[row.article]}</bdi>
                  </td>
                  <td>{flagged ? <span className="conflict-flag">⚠ {c.conflict}</span> : null}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <h3>{c.entities}</h3>
      <table className="ledger-table" data-testid="ledger-entities">
        <thead>
          <tr>
            <th scope="col">{c.entityColumns.name}</th>
            <th scope="col">{c.entityColumns.kind}</th>
            {outlets.map((o, i) => (
              <th key={i} scope="col">
                <bdi>{o}</bdi>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {comparison.entities.map((e) => (
            <tr key={`${e.kind}-${e.key}`}>
              <td>
                <bdi dir={directionOf(e.name, 'rtl')}>{e.name}</bdi>
              </td>
              <td>{c.entityKinds[e.kind]}</td>
              {e.mentions.map((m, i) => (
                <td key={i} className={m === 0 ? 'muted' : undefined}>
                  {m === 0 ? '—' : formatNumber(m)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
