/**
 * The fact ledger of a comparison: conflicts first (what a researcher checks),
 * each opening onto the sentences that give the values; then the numbers and
 * dates, one row per fact with what each outlet wrote in its column
 * (ledgerGroups.ts), and the quotations by speaker, conflicting ones flagged;
 * then the people, places and bodies with mentions per outlet.
 */
import type { ReactNode } from 'react';
import type { Comparison, FactConflict } from '../../../../preload/contract';
import { useI18n } from '../../i18n';
import { directionOf } from '../../../../common/text/direction';
import { countedThing, dateRows, numberRows, quoteRows, splitConflicts, type Mention } from './ledgerGroups';

interface LedgerProps {
  comparison: Comparison;
  outlets: string[];
  onShowRow(row: number): void;
}

type DateFact = Comparison['facts'][number]['dates'][number];

/** True when a conflict names this span of this article's body. */
export function inConflict(conflicts: readonly FactConflict[], article: number, start: number, end: number): boolean {
  return conflicts.some((c) =>
    c.items.some((item) => item.article === article && !item.inTitle && item.start < end && start < item.end),
  );
}

/**
 * A ledger date in the reader's language with the month named ("22 July 2015",
 * "22 يوليو 2015"); a date the text gave in the Hijri calendar also in it.
 */
export function formatFactDate(
  d: Pick<DateFact, 'iso' | 'precision' | 'calendar'>,
  locale: string,
  hijri: (date: string) => string,
): string {
  const [y, m, day] = d.iso.split('-').map(Number);
  const at = Date.UTC(y!, (m ?? 1) - 1, day ?? 1);
  const fields: Intl.DateTimeFormatOptions =
    d.precision === 'day'
      ? { day: 'numeric', month: 'long', year: 'numeric' }
      : d.precision === 'month'
        ? { month: 'long', year: 'numeric' }
        : { year: 'numeric' };
  const gregorian = new Intl.DateTimeFormat(locale, { ...fields, calendar: 'gregory', timeZone: 'UTC' }).format(at);
  if (d.calendar !== 'islamic-umalqura') return gregorian;
  const islamic = new Intl.DateTimeFormat(locale, { ...fields, calendar: 'islamic-umalqura', timeZone: 'UTC' })
    .formatToParts(at)
    .filter((p) => p.type !== 'era')
    .map((p) => p.value)
    .join('')
    .trim();
  return `${gregorian} · ${hijri(islamic)}`;
}

const QUOTE_SHOWN = 140;

/** Each value once, by its figure ("125 قاضيا" and "125 قاضياً" are one). */
function distinctValues(items: FactConflict['items']): string[] {
  const seen = new Map<string, string>();
  for (const i of items) {
    const figure = /[\d.,٠-٩]+/u.exec(i.value)?.[0] ?? i.value;
    if (!seen.has(figure)) seen.set(figure, i.value);
  }
  return [...seen.values()];
}

/** The sentence with the value marked. */
function Sentence({ text, value, dir }: { text: string; value: string; dir: 'rtl' | 'ltr' }) {
  const at = value ? text.indexOf(value) : -1;
  const body: ReactNode =
    at < 0 ? (
      text
    ) : (
      <>
        {text.slice(0, at)}
        <mark>{value}</mark>
        {text.slice(at + value.length)}
      </>
    );
  return (
    <q className="conflict-sentence" dir={dir} data-testid="conflict-sentence">
      {body}
    </q>
  );
}

/** A written number without the brackets around its figure ("(24) قاضيا" is cut after the bracket: "24) قاضيا"). */
function countedCell(unit: string | null) {
  return unit ? <bdi dir={directionOf(unit, 'rtl')}>{unit}</bdi> : '—';
}

function unbracketed(text: string): string {
  return text.replace(/[()]/gu, '').replace(/\s+/gu, ' ').trim();
}

export function LedgerTables({ comparison, outlets, onShowRow }: LedgerProps) {
  const { t, formatNumber, locale } = useI18n();
  const c = t.compare;
  const articleDir = (i: number) => comparison.articles[i]?.dir ?? 'rtl';
  const { between, exclusive } = splitConflicts(comparison.conflicts);
  const conflicted = (mentions: readonly Pick<Mention, 'article' | 'start' | 'end'>[]) =>
    mentions.some((m) => inConflict(between, m.article, m.start, m.end));
  // A quotation only one outlet carries is what that outlet adds, not a disagreement: marked, not flagged.
  const flag = (mentions: readonly Pick<Mention, 'article' | 'start' | 'end'>[]) =>
    conflicted(mentions) ? (
      <span className="conflict-flag">⚠ {c.conflict}</span>
    ) : mentions.some((m) => inConflict(exclusive, m.article, m.start, m.end)) ? (
      <span className="muted">{c.onlyThisOutlet}</span>
    ) : null;
  const rowProps = (kind: string, mentions: readonly Pick<Mention, 'article' | 'start' | 'end'>[]) => {
    const flagged = conflicted(mentions);
    return {
      className: flagged ? 'is-conflict' : undefined,
      'data-testid': 'ledger-fact',
      'data-kind': kind,
      'data-conflict': flagged ? 'true' : 'false',
    };
  };
  const dateOf = (article: number, start: number): DateFact | undefined =>
    comparison.facts[article]?.dates.find((d) => d.start === start);
  /** A conflict's value as shown: dates formatted, never as ISO strings. */
  const shownValue = (conflict: FactConflict, item: FactConflict['items'][number]): string => {
    if (conflict.kind !== 'date') return item.value;
    const d = dateOf(item.article, item.start);
    return d ? formatFactDate(d, locale, c.hijri) : item.value;
  };
  const numbers = numberRows(comparison.facts);
  const dates = dateRows(comparison.facts);
  const quotes = quoteRows(comparison.facts);
  const outletHeads = outlets.map((o, i) => (
    <th key={`o${i}`} scope="col">
      <bdi>{o}</bdi>
    </th>
  ));
  /** What each outlet wrote (each distinct form once), or a dash where it does not give the fact. */
  const cellsOf = (cells: readonly (Mention[] | null)[]) =>
    cells.map((mentions, article) => (
      <td
        key={`c${article}`}
        className={mentions ? undefined : 'muted'}
        data-testid="ledger-cell"
        data-outlet={outlets[article]}
      >
        {mentions
          ? [...new Set(mentions.map((m) => unbracketed(m.text)))].map((text, k) => (
              <span key={k}>
                {k > 0 ? ' · ' : null}
                <bdi dir={directionOf(text, articleDir(article))}>{text}</bdi>
              </span>
            ))
          : '—'}
      </td>
    ));

  return (
    // Focusable: the ledger scrolls on its own, and keyboard users must be able to scroll it.
    <section className="ledger" aria-label={c.ledgerLabel} tabIndex={0} data-testid="ledger">
      <h3>{c.conflicts}</h3>
      {between.length === 0 ? (
        <p className="muted">{c.noConflicts}</p>
      ) : (
        <ul className="ledger-conflicts" data-testid="ledger-conflicts">
          {between.map((conflict, i) => (
            <li key={i} className="ledger-conflict" data-testid="ledger-conflict" data-kind={conflict.kind}>
              <details>
                <summary title={c.showSentences}>
                  <span className="conflict-flag">
                    <span aria-hidden="true">⚠ </span>
                    {c.conflictKinds[conflict.kind]}
                  </span>{' '}
                  <bdi className="conflict-subject" dir={directionOf(conflict.subject, 'rtl')}>
                    {conflict.subject}
                  </bdi>{' '}
                  {conflict.kind === 'sum' ? (
                    <span className="conflict-items">
                      <bdi dir={articleDir(conflict.items[0]!.article)}>
                        {distinctValues(conflict.items.filter((i) => i.role === 'whole')).join(' / ')}
                      </bdi>{' '}
                      ({c.roles.whole}) ≠{' '}
                      <bdi dir={articleDir(conflict.items[0]!.article)}>
                        {distinctValues(conflict.items.filter((i) => i.role === 'part')).join(' + ')}
                      </bdi>{' '}
                      ({c.roles.part})
                    </span>
                  ) : (
                    <span className="conflict-items">
                      {conflict.items.map((item, k) => (
                        <span key={k} className="conflict-item">
                          <bdi>{outlets[item.article]}</bdi>:{' '}
                          <bdi dir={directionOf(item.value, articleDir(item.article))}>
                            {shownValue(conflict, item)}
                          </bdi>
                        </span>
                      ))}
                    </span>
                  )}
                </summary>
                <ul className="conflict-sentences">
                  {conflict.items.map((item, k) => (
                    <li key={k} dir={articleDir(item.article)}>
                      <bdi className="conflict-outlet">
                        {outlets[item.article]}
                        {item.inTitle ? ` (${c.inTitle})` : ''}
                        {item.role ? ` (${c.roles[item.role]})` : ''}
                      </bdi>
                      : <Sentence text={item.sentence} value={item.value} dir={articleDir(item.article)} />
                    </li>
                  ))}
                </ul>
                {conflict.row !== null ? (
                  <button type="button" className="link-button" onClick={() => onShowRow(conflict.row!)}>
                    {c.showRow(formatNumber(conflict.row + 1))}
                  </button>
                ) : null}
              </details>
            </li>
          ))}
        </ul>
      )}

      <h3>{c.ledger}</h3>
      {numbers.length + dates.length > 0 ? <p className="muted">{c.ledgerHelp}</p> : null}
      {numbers.length + dates.length + quotes.length === 0 ? <p className="muted">{c.noFacts}</p> : null}
      {numbers.length > 0 ? (
        <table className="ledger-table" data-testid="ledger-numbers">
          <caption>{c.factKinds.number}</caption>
          <thead>
            <tr>
              <th scope="col">{c.numberColumns.number}</th>
              <th scope="col">{c.numberColumns.counts}</th>
              {outletHeads}
              <th scope="col">{c.numberColumns.flag}</th>
            </tr>
          </thead>
          <tbody>
            {numbers.map((row) => (
              <tr key={row.key} {...rowProps('number', row.mentions)}>
                <th scope="row">
                  <bdi>{formatNumber(row.fact.value)}</bdi>
                </th>
                <td>{countedCell(countedThing(row))}</td>
                {cellsOf(row.cells)}
                <td>{flag(row.mentions)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {dates.length > 0 ? (
        <table className="ledger-table" data-testid="ledger-dates">
          <caption>{c.factKinds.date}</caption>
          <thead>
            <tr>
              <th scope="col">{c.dateColumns.date}</th>
              {outletHeads}
              <th scope="col">{c.dateColumns.flag}</th>
            </tr>
          </thead>
          <tbody>
            {dates.map((row) => (
              <tr key={row.key} {...rowProps('date', row.mentions)}>
                <th scope="row" data-testid="ledger-date">
                  {formatFactDate(row.fact, locale, c.hijri)}
                </th>
                {cellsOf(row.cells)}
                <td>{flag(row.mentions)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {quotes.length > 0 ? (
        <table className="ledger-table" data-testid="ledger-quotes">
          <caption>{c.factKinds.quote}</caption>
          <thead>
            <tr>
              <th scope="col">{c.quoteColumns.speaker}</th>
              <th scope="col">{c.quoteColumns.quote}</th>
              <th scope="col">{c.quoteColumns.outlet}</th>
              <th scope="col">{c.quoteColumns.flag}</th>
            </tr>
          </thead>
          <tbody>
            {quotes.map((q, i) => {
              const shown = q.text.length > QUOTE_SHOWN ? `${q.text.slice(0, QUOTE_SHOWN)}…` : q.text;
              // Reported speech is the article's paraphrase: no quotation marks around it.
              const text = q.reported ? shown : `“${shown}”`;
              const prev = quotes[i - 1];
              // Quotations come grouped by speaker: the speaker stands out on the first of theirs, muted below it.
              const sameSpeaker = prev !== undefined && q.speakerGroup !== '' && prev.speakerGroup === q.speakerGroup;
              return (
                <tr key={`q${q.article}-${q.start}`} {...rowProps('quote', q.outlets)}>
                  <td>
                    {q.speaker ? (
                      <bdi
                        className={sameSpeaker ? 'muted' : undefined}
                        dir={directionOf(q.speaker, articleDir(q.article))}
                      >
                        {q.speaker}
                      </bdi>
                    ) : (
                      <span className="muted">{c.noSpeaker}</span>
                    )}
                  </td>
                  <td>
                    <bdi dir={directionOf(text, articleDir(q.article))}>{text}</bdi>
                  </td>
                  <td data-testid="ledger-quote-outlets">
                    {q.outlets.map((m, k) => (
                      <span key={m.article}>
                        {k > 0 ? c.listSeparator : null}
                        <bdi>{outlets[m.article]}</bdi>
                      </span>
                    ))}
                  </td>
                  <td>{flag(q.outlets)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}

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
            <tr key={`${e.kind}-${e.key}`} data-testid="ledger-entity" data-kind={e.kind}>
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
