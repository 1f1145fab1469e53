import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  AppInfo,
  CollectionInfo,
  LanguageInfo,
  SavedSearchInfo,
  SourceInfo,
  TagInfo,
} from '../../../preload/contract';
import { methodNames } from '../../../preload/contract/methodList';
import { useApi } from '../api';
import { useUiStore } from '../state/useUi';
import { afterFirstRows } from './firstRows';
import type { PushError } from './useNotices';

export interface Facts {
  /** The library version these facts were read at. */
  version: number;
  info: AppInfo | null;
  sources: SourceInfo[];
  tags: TagInfo[];
  collections: CollectionInfo[];
  languages: LanguageInfo[];
  /** Saved searches with what each finds now (counted again after every change). */
  savedSearches: SavedSearchInfo[];
}

const savedSearchesAvailable = methodNames.includes('search.listSavedSearches');

/**
 * What the sidebar and the palette list (sources, tags, collections,
 * languages, saved searches, the article count), read again after every change.
 * `version` counts changes to the library (a fresh list pager follows it);
 * `articleVersion` counts changes that the open article must read again
 * (tags, details, annotations, stories) without blanking the list.
 */
export function useLibraryFacts(pushError: PushError, loadFailed: string) {
  const { api } = useApi();
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const [articleVersion, setArticleVersion] = useState(0);
  const touchArticle = useCallback(() => setArticleVersion((v) => v + 1), []);
  const articleChanged = useCallback(() => {
    setArticleVersion((v) => v + 1);
    refresh();
  }, [refresh]);
  const [facts, setFacts] = useState<Facts>({
    version: -1,
    info: null,
    sources: [],
    tags: [],
    collections: [],
    languages: [],
    savedSearches: [],
  });
  // A saved search's list needs the saved searches first; any other list goes before the sidebar.
  const listFirst = useRef(useUiStore().ui.view.kind !== 'saved');
  useEffect(() => {
    let live = true;
    const read = () =>
      Promise.all([
        api['app.info']({}),
        api['library.listSources']({}),
        api['library.listTags']({}),
        api['library.listCollections']({}),
        api['library.listLanguages']({}),
        savedSearchesAvailable ? api['search.listSavedSearches']({}) : Promise.resolve([]),
      ]);
    (listFirst.current ? afterFirstRows(read) : read()).then(
      ([info, sources, tags, collections, languages, savedSearches]) => {
        if (live) setFacts({ version, info, sources, tags, collections, languages, savedSearches });
      },
      (error: unknown) => {
        if (live) pushError(loadFailed, error, refresh);
      },
    );
    return () => {
      live = false;
    };
  }, [api, version, pushError, refresh, loadFailed]);
  return { version, refresh, articleVersion, touchArticle, articleChanged, facts };
}
