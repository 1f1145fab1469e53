import { useId } from 'react';
import type { FacetKind, SearchResults } from '../../../preload/contract';
import { parseDateBound } from '../../../common/text/dateBound';
import { useI18n } from '../i18n';
import { useSearchWords } from '../i18nSearch';
import { noRefine, withoutChip, type SearchRefine } from '../hooks/searchRefine';
import { languageName } from '../text/format';

interface SearchHeaderProps {
  /** The first page's answer; null while it loads. */
  answer: SearchResults | null;
  refine: SearchRefine;
  onRefine(next: SearchRefine): void;
}

/** A facet value as a reader names it (a language code as its name). */
export function facetLabel(kind: FacetKind, label: string | null, locale: string, unknown: string): string {
  if (label === null) return unknown;
  return kind === 'language' ? languageName(label, locale) : label;
}

function DateField(props: { label: string; value: string; edge: 'from' | 'to'; onChange(value: string): void }) {
  const s = useSearchWords();
  const id = useId();
  const bound = props.value.trim() ? parseDateBound(props.value, props.edge) : null;
  const note =
    bound === null ? null : !bound.ok ? s.dateInvalid : bound.hijri ? s.dateHijri(bound.hijri, bound.iso) : null;
  return (
    <span className="search-date">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        className="text-input search-date-input"
        dir="auto"
        value={props.value}
        placeholder={s.datePlaceholder}
        aria-invalid={bound !== null && !bound.ok}
        aria-describedby={note ? `${id}-note` : undefined}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        data-testid={`search-date-${props.edge}`}
      />
      {note ? (
        <span id={`${id}-note`} className={bound?.ok ? 'search-date-note muted' : 'search-date-note search-date-error'}>
          {note}
        </span>
      ) : null}
    </span>
  );
}

/**
 * Above the results: how many articles match, how the query was read (and
 * what a lenient reading changed), the sort, the chosen facet values as
 * removable chips, and the date range.
 */
export function SearchHeader({ answer, refine, onRefine }: SearchHeaderProps) {
  const { t, formatNumber, locale } = useI18n();
  const s = useSearchWords();
  return (
    <div className="search-header" data-testid="search-header">
      <div className="search-header-row">
        <p className="search-count" role="status" aria-live="polite" data-testid="search-count">
          {answer ? s.matching(formatNumber(answer.total), answer.total) : t.loading}
        </p>
        <label className="field search-sort">
          <span>{s.sortLabel}</span>
          <select
            value={refine.sort}
            onChange={(e) => onRefine({ ...refine, sort: e.currentTarget.value as SearchRefine['sort'] })}
            data-testid="search-sort"
          >
            {(['relevance', 'newest', 'oldest'] as const).map((sort) => (
              <option key={sort} value={sort}>
                {s.sorts[sort]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {answer && answer.understood.length > 0 ? (
        <p className="search-understood muted" data-testid="search-understood">
          <span>{s.readAs}: </span>
          {answer.understood.map((u, i) => (
            <span key={i} className="search-reading">
              {s.quotes[0]}
              <bdi className="search-reading-text">{u.text}</bdi>
              {s.quotes[1]} {u.via.map((v) => s.via[v](u.keys)).join(s.listSep)}
              {i < answer.understood.length - 1 ? ' · ' : null}
            </span>
          ))}
        </p>
      ) : null}
      {answer && answer.transliterated.length > 0 ? (
        <p className="search-understood muted" data-testid="search-transliterated">
          <span>{s.alsoMatched}: </span>
          {answer.transliterated.map((tr, i) => (
            <span key={tr.word} className="search-reading">
              {s.quotes[0]}
              <bdi className="search-reading-text">{tr.spellings.join(s.listSep)}</bdi>
              {s.quotes[1]} {s.spellingFor} {s.quotes[0]}
              <bdi className="search-reading-text">{tr.word}</bdi>
              {s.quotes[1]}
              {i < answer.transliterated.length - 1 ? s.listSep : ' '}
            </span>
          ))}
          <span>{s.viaTransliteration}</span>
        </p>
      ) : null}
      {answer && answer.ignored.length > 0 ? (
        <p className="search-understood muted">{s.ignoredWords(answer.ignored.join(s.listSep))}</p>
      ) : null}
      {answer?.hints.map((h, i) => (
        <p key={i} className="search-hint" role="note" data-testid="search-hint">
          {s.hints[h.kind](h.text)}
        </p>
      ))}
      <div className="search-dates" role="group" aria-label={`${s.dateFrom} / ${s.dateTo}`}>
        <DateField
          label={s.dateFrom}
          edge="from"
          value={refine.from}
          onChange={(from) => onRefine({ ...refine, from })}
        />
        <DateField label={s.dateTo} edge="to" value={refine.to} onChange={(to) => onRefine({ ...refine, to })} />
      </div>
      {refine.chips.length > 0 ? (
        <ul className="search-chips" aria-label={s.filtersLabel} data-testid="search-chips">
          {refine.chips.map((chip) => {
            const name = facetLabel(chip.kind, chip.label, locale, s.unknown);
            return (
              <li key={`${chip.kind}:${chip.value}`}>
                <button
                  type="button"
                  className="search-chip"
                  onClick={() => onRefine(withoutChip(refine, chip))}
                  aria-label={s.removeFilter(s.facetKinds[chip.kind], name)}
                  data-testid="search-chip"
                >
                  <span className="search-chip-kind">{s.facetKinds[chip.kind]}:</span> <bdi>{name}</bdi>{' '}
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          })}
          <li>
            <button
              type="button"
              className="button button-small button-quiet"
              onClick={() => onRefine({ ...noRefine, sort: refine.sort })}
            >
              {s.clearAll}
            </button>
          </li>
        </ul>
      ) : null}
    </div>
  );
}
