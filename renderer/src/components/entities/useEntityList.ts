import { useEffect, useState } from 'react';
import type { EntityCount, EntityIndexStatus } from '../../../../preload/contract';
import { toShownError, useApi } from '../../api';
import { afterFirstRows } from '../../hooks/firstRows';

/** While the core is still reading names, lists are read again this often. */
const INDEXING_POLL_MS = 3000;

export interface EntityListState {
  items: EntityCount[];
  total: number;
  status: EntityIndexStatus | null;
  error: string | null;
}

/**
 * Entities of a kind by articles naming them, read again when `reloadKey`
 * changes (an import) and every few seconds while the index is catching up.
 */
export function useEntityList(
  query: { kind?: EntityCount['kind']; name?: string; limit: number },
  reloadKey: unknown,
): EntityListState {
  const { api } = useApi();
  const [state, setState] = useState<EntityListState>({ items: [], total: 0, status: null, error: null });
  const { kind, name, limit } = query;
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () => {
      // Names in the sidebar wait for the list's first rows (at once after that).
      afterFirstRows(() => api['entities.list']({ kind, name: name || undefined, limit })).then(
        (page) => {
          if (!live) return;
          setState({ items: page.items, total: page.total, status: page.status, error: null });
          if (page.status.queued > 0) timer = setTimeout(read, INDEXING_POLL_MS);
        },
        (error: unknown) => live && setState((s) => ({ ...s, error: toShownError(error).message })),
      );
    };
    read();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, kind, name, limit, reloadKey]);
  return state;
}
