import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ArticleFilter, Input, MizanApi } from '../../../preload/contract';
import { ArticlePager } from './articlePager';

export type ListQuery = Required<Pick<Input<'library.listArticles'>, 'sort' | 'order'>> & { filter: ArticleFilter };

/** A pager for one query over one state of the library; a new `version` starts afresh. */
export function useArticlePager(api: MizanApi, query: ListQuery, version: number): ArticlePager {
  // The query object is new on every render; its JSON says when it really changed.
  const key = JSON.stringify(query);
  const pager = useMemo(() => {
    const { sort, order, filter } = JSON.parse(key) as ListQuery;
    return new ArticlePager((offset, limit) => api['library.listArticles']({ offset, limit, sort, order, filter }));
  }, [api, key, version]);
  useEffect(() => {
    pager.setActive(true);
    return () => pager.setActive(false);
  }, [pager]);
  useSyncExternalStore(pager.subscribe, pager.getRevision);
  return pager;
}
