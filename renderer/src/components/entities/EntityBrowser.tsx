/** Every entity of a kind, by articles naming them, with a filter on the name (the reader pane of the Names view). */
import { useDeferredValue, useState } from 'react';
import type { EntityCount } from '../../../../preload/contract';
import { useI18n } from '../../i18n';
import { useEntityWords } from '../../i18nEntities';
import type { View } from '../../state/uiStore';
import { useEntityList } from './useEntityList';

const LIMIT = 200;

export function EntityBrowser({
  kind,
  onView,
  reloadKey,
}: {
  kind: EntityCount['kind'];
  onView(view: View): void;
  reloadKey: unknown;
}) {
  const e = useEntityWords();
  const { formatNumber } = useI18n();
  const [name, setName] = useState('');
  const deferred = useDeferredValue(name.trim());
  const { items, total, status } = useEntityList({ kind, name: deferred, limit: LIMIT }, reloadKey);
  const max = items[0]?.count ?? 1;
  return (
    <div className="entity-browser" data-testid="entity-browser">
      <h2 className="entity-title">{e.kinds[kind]}</h2>
      <p className="muted">
        {formatNumber(total)}
        {status && status.queued > 0
          ? ` · ${e.indexing(formatNumber(status.articles - status.queued), formatNumber(status.articles))}`
          : ''}
      </p>
      <label className="field entity-filter">
        <span className="visually-hidden">{e.filterNames}</span>
        <input
          type="search"
          value={name}
          placeholder={e.filterNames}
          aria-label={e.filterNames}
          onChange={(ev) => setName(ev.currentTarget.value)}
        />
      </label>
      <ol className="entity-rows">
        {items.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className="entity-row"
              onClick={() => onView({ kind: 'entity', id: item.id, name: item.name, entityKind: item.kind })}
              data-testid="entity-row"
            >
              <bdi className="entity-row-name">{item.name}</bdi>
              <span className="entity-row-bar" aria-hidden="true">
                <span style={{ inlineSize: `${Math.max(2, (item.count / max) * 100)}%` }} />
              </span>
              <span className="entity-row-count">{formatNumber(item.count)}</span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
