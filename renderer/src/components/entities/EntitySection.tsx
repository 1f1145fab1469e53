/**
 * The sidebar's names: the people, places and organisations most named in
 * the library, a few of each kind with their article counts; "more" opens
 * the browser of that kind. While the index is catching up it says how far.
 */
import { useState } from 'react';
import type { EntityCount } from '../../../../preload/contract';
import { useI18n } from '../../i18n';
import { useEntityWords } from '../../i18nEntities';
import type { View } from '../../state/uiStore';
import { useEntityList } from './useEntityList';

const SHOWN = 5;
const KINDS = ['person', 'place', 'organisation'] as const;

export function EntitySection({
  view,
  onView,
  reloadKey,
}: {
  view: View;
  onView(view: View): void;
  reloadKey: unknown;
}) {
  const e = useEntityWords();
  const { formatNumber } = useI18n();
  const [kind, setKind] = useState<EntityCount['kind']>(view.kind === 'entity' ? view.entityKind : 'person');
  const { items, status, error } = useEntityList({ kind, limit: SHOWN }, reloadKey);
  const indexing = status && status.queued > 0;

  return (
    <section className="side-section" aria-labelledby="side-entities" data-testid="side-entities">
      <div className="side-heading">
        <h2 id="side-entities">{e.names}</h2>
      </div>
      <div className="side-tabs" role="group" aria-label={e.names}>
        {KINDS.map((k) => (
          <button
            key={k}
            type="button"
            className="chip-button"
            aria-pressed={kind === k}
            onClick={() => setKind(k)}
            data-testid={`entity-kind-${k}`}
          >
            {e.kinds[k]}
          </button>
        ))}
      </div>
      {indexing ? (
        <p className="side-empty" role="status" data-testid="entity-indexing">
          {e.indexing(formatNumber(status.articles - status.queued), formatNumber(status.articles))}
        </p>
      ) : null}
      {error ? <p className="side-empty">{error}</p> : null}
      {items.length === 0 && !indexing && !error ? <p className="side-empty">{e.none}</p> : null}
      <ul className="side-list">
        {items.map((item) => {
          const current = view.kind === 'entity' && view.id === item.id;
          return (
            <li className="side-item" key={item.id}>
              <button
                type="button"
                className={`side-link${current ? ' is-current' : ''}`}
                aria-current={current ? 'true' : undefined}
                onClick={() => onView({ kind: 'entity', id: item.id, name: item.name, entityKind: item.kind })}
                data-testid="entity-link"
              >
                <span className="side-label">
                  <bdi>{item.name}</bdi>
                </span>
                <span className="side-count">{formatNumber(item.count)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="link-button side-more"
        onClick={() => onView({ kind: 'entities', entityKind: kind })}
        data-testid="entity-more"
      >
        {e.more}
      </button>
    </section>
  );
}
