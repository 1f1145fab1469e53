/**
 * One entity's page (the reader pane while its articles are listed): kind
 * and counts, the names articles give it and the forms written, its timeline
 * and outlets, and the entities named in the same articles.
 */
import { useEffect, useState } from 'react';
import type { EntityPage } from '../../../../preload/contract';
import { toShownError, useApi } from '../../api';
import { ChartPanel } from '../../charts/ChartPanel';
import { useI18n } from '../../i18n';
import { useEntityWords } from '../../i18nEntities';
import type { View } from '../../state/uiStore';

export function EntityPanel({ id, onView, reloadKey }: { id: number; onView(view: View): void; reloadKey: unknown }) {
  const { api } = useApi();
  const e = useEntityWords();
  const { formatNumber } = useI18n();
  const [page, setPage] = useState<EntityPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api['entities.get']({ id }).then(
      (p) => {
        if (live) {
          setPage(p);
          setError(null);
        }
      },
      (err: unknown) => live && setError(toShownError(err).message),
    );
    return () => {
      live = false;
    };
  }, [api, id, reloadKey]);

  if (error) return <p className="reader-placeholder">{error}</p>;
  if (!page) return <p className="reader-placeholder muted">…</p>;
  return (
    <article className="entity-page" data-testid="entity-page" aria-labelledby="entity-name">
      <p className="entity-kicker">{e.kindOne[page.kind]}</p>
      <h2 id="entity-name" className="entity-title">
        <bdi>{page.name}</bdi>
      </h2>
      <p className="muted">
        {e.articlesNaming(formatNumber(page.articleCount))} · {e.mentions(formatNumber(page.mentionCount))} ·{' '}
        {e.itsArticles}
      </p>
      <ChartPanel
        load={() => Promise.resolve(page.timeline)}
        loadKey={`entity-${page.id}-${page.articleCount}`}
        subject={page.name}
        testId="entity-charts"
      />
      <div className="entity-columns">
        <section aria-labelledby="entity-spellings">
          <h3 id="entity-spellings">{e.spellings}</h3>
          <ul className="entity-chips">
            {page.spellings.map((s) => (
              <li key={s.text}>
                <bdi>{s.text}</bdi> <span className="muted">{formatNumber(s.count)}</span>
              </li>
            ))}
          </ul>
          <h3>{e.written}</h3>
          <ul className="entity-chips">
            {page.written.map((s) => (
              <li key={s.text}>
                <bdi>{s.text}</bdi> <span className="muted">{formatNumber(s.count)}</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="entity-related">
          <h3 id="entity-related">{e.related}</h3>
          <ul className="entity-related">
            {page.related.map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  className={`link-button entity-mark-${r.kind}`}
                  onClick={() => onView({ kind: 'entity', id: r.id, name: r.name, entityKind: r.kind })}
                  data-testid="entity-related-link"
                >
                  <bdi>{r.name}</bdi>
                </button>{' '}
                <span className="muted">
                  {e.kindOne[r.kind]} · {formatNumber(r.count)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </article>
  );
}
