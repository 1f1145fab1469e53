import { useId } from 'react';
import type { FacetGroup, SearchResults } from '../../../preload/contract';
import { useI18n } from '../i18n';
import { useSearchWords } from '../i18nSearch';
import { withChip, type SearchRefine } from '../hooks/searchRefine';
import { facetLabel } from './SearchHeader';

interface FacetPanelProps {
  answer: SearchResults | null;
  refine: SearchRefine;
  onRefine(next: SearchRefine): void;
}

/** Values listed per kind before the list scrolls. */
const SHOWN = 12;

/**
 * Counts beside the results, one group per facet kind the core sent (a new
 * kind needs only its name in i18nSearch). A value is a button that adds it
 * as a chip; chosen values are pressed. Months show once a year is chosen.
 */
export function FacetPanel({ answer, refine, onRefine }: FacetPanelProps) {
  const { formatNumber, locale } = useI18n();
  const s = useSearchWords();
  const baseId = useId();
  const groups = answer?.facetGroups ?? [];
  const year = refine.chips.find((c) => c.kind === 'year' || c.kind === 'month')?.value.slice(0, 4) ?? null;
  const visible = (g: FacetGroup): FacetGroup['values'] =>
    g.kind === 'month' ? (year ? g.values.filter((v) => v.value?.startsWith(year)) : []) : g.values;
  return (
    <aside className="facet-panel" aria-label={s.facetsLabel} data-testid="facet-panel">
      <h3 className="facet-panel-title">{s.facetsLabel}</h3>
      {groups
        .filter((g) => visible(g).length > 0)
        .map((g) => {
          const headingId = `${baseId}-${g.kind}`;
          return (
            <section key={g.kind} className="facet-group" aria-labelledby={headingId} data-facet-kind={g.kind}>
              <h4 id={headingId} className="facet-group-title">
                {s.facetKinds[g.kind]}
              </h4>
              <ul className="facet-values">
                {visible(g)
                  .slice(0, SHOWN * 4)
                  .map((v) => {
                    const name = facetLabel(g.kind, v.label, locale, g.kind === 'year' ? s.undated : s.unknown);
                    const chosen = refine.chips.some((c) => c.kind === g.kind && c.value === v.value);
                    return (
                      <li key={v.value ?? 'none'}>
                        <button
                          type="button"
                          className="facet-value"
                          aria-pressed={chosen}
                          // Articles without a value cannot be filtered for: counted, not chosen.
                          disabled={v.value === null}
                          onClick={() =>
                            v.value !== null &&
                            onRefine(withChip(refine, { kind: g.kind, value: v.value, label: name }))
                          }
                          data-testid="facet-value"
                        >
                          <bdi className="facet-value-name">{name}</bdi>
                          <span className="facet-value-count">{formatNumber(v.count)}</span>
                        </button>
                      </li>
                    );
                  })}
              </ul>
              {g.more ? <p className="muted facet-more">{s.moreValues}</p> : null}
            </section>
          );
        })}
    </aside>
  );
}
