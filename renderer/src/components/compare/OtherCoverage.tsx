/**
 * "Other coverage of this story" in the reader: the other articles of the
 * opened article's story (compare.getCluster {articleId}), each one click
 * from a side-by-side comparison with it.
 */
import { useEffect, useState } from 'react';
import type { StoryCluster } from '../../../../preload/contract';
import { methodNames } from '../../../../preload/contract/methodList';
import { useApi } from '../../api';
import { useI18n } from '../../i18n';
import { directionOf } from '../../../../common/text/direction';
import { dayLabel, defaultComparisonIds } from './storyFormat';

const available = methodNames.includes('compare.getCluster');

interface OtherCoverageProps {
  articleId: number;
  /** Read again when this changes (the reader's article object is new after every reload, e.g. after a clustering run). */
  reloadKey: unknown;
  onOpen(id: number): void;
  onCompare(ids: number[]): void;
}

export function OtherCoverage({ articleId, reloadKey, onOpen, onCompare }: OtherCoverageProps) {
  const { api } = useApi();
  const { t, locale, formatNumber } = useI18n();
  const c = t.compare;
  const [story, setStory] = useState<StoryCluster | null>(null);

  useEffect(() => {
    if (!available) return;
    let live = true;
    api['compare.getCluster']({ articleId }).then(
      (found) => {
        if (live) setStory(found);
      },
      // Not clustered yet, or an older library: the reader simply shows no list.
      () => {
        if (live) setStory(null);
      },
    );
    return () => {
      live = false;
    };
  }, [api, articleId, reloadKey]);

  if (!story || story.size < 2) return null;
  const others = story.articles.filter((a) => a.id !== articleId);
  const self = story.articles.find((a) => a.id === articleId);
  // The opened article first, then one article per other outlet.
  const all = defaultComparisonIds(self ? [self, ...others] : others);
  return (
    <section className="other-coverage" aria-labelledby="other-coverage-title" data-testid="other-coverage">
      <div className="other-coverage-head">
        <h2 id="other-coverage-title">{c.otherCoverage}</h2>
        {all.length > 2 ? (
          <button
            type="button"
            className="button button-small"
            onClick={() => onCompare(all)}
            data-testid="other-coverage-compare-all"
          >
            {c.compareAll(formatNumber(all.length))}
          </button>
        ) : null}
      </div>
      <ul>
        {others.map((a) => (
          <li key={a.id} className="other-coverage-item" data-testid="other-coverage-item">
            <span className="other-coverage-source">
              <bdi>{a.source ?? c.unknownOutlet}</bdi>
              {a.publishedAt.iso ? (
                <span className="muted">
                  {' '}
                  · <bdi>{dayLabel(a.publishedAt.iso, locale)}</bdi>
                </span>
              ) : null}
            </span>
            <button
              type="button"
              className="link-button other-coverage-title"
              lang={a.lang}
              dir={directionOf(a.title, a.dir)}
              onClick={() => onOpen(a.id)}
            >
              {a.title}
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => onCompare([articleId, a.id])}
              aria-label={`${c.compareWithThis}: ${a.title}`}
              data-testid="other-coverage-compare"
            >
              {c.compareWithThis}
            </button>
          </li>
        ))}
      </ul>
      {others.length === 0 ? <p className="muted">{c.otherCoverageNone}</p> : null}
    </section>
  );
}
