import { useCallback, useState } from 'react';
import type { ArticlePager } from './articlePager';

interface SelectionState {
  /** The list (query) the selection belongs to: another list starts with none. */
  key: string;
  ids: ReadonlySet<number>;
  /** Ctrl/⌘+A: every row of the list, loaded or not. */
  all: boolean;
  /** Where a Shift+click range starts. */
  anchor: number;
}

export interface ListSelection {
  ids: ReadonlySet<number>;
  all: boolean;
  /** Rows chosen (all of the list's on Ctrl/⌘+A). */
  count: number;
  /** True while two or more rows, or a row chosen with Ctrl/⌘, are selected: the bulk bar shows. */
  active: boolean;
  has(id: number): boolean;
  /**
   * A click on row `index` with its modifiers; returns true when it changed the
   * selection (Ctrl/⌘ or Shift), false for a plain click (which opens the row).
   */
  click(index: number, id: number, modifiers: { shift: boolean; toggle: boolean }, cursor: number): boolean;
  /** Shift+↑/↓: the range grows to the row the cursor moved to. */
  extendTo(index: number, cursor: number): void;
  selectAll(): void;
  clear(): void;
  /** The selected ids, fetching the whole list's for Ctrl/⌘+A. */
  resolve(): Promise<number[]>;
}

const none: ReadonlySet<number> = new Set();

/** The list's multi-selection: Ctrl/⌘+click, Shift+click ranges, Ctrl/⌘+A, Escape. */
export function useListSelection(queryKey: string, pager: ArticlePager): ListSelection {
  const [state, setState] = useState<SelectionState>({ key: queryKey, ids: none, all: false, anchor: -1 });
  const current = state.key === queryKey ? state : { key: queryKey, ids: none, all: false, anchor: -1 };

  const rangeIds = useCallback(
    (from: number, to: number) => {
      const ids: number[] = [];
      for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
        const id = pager.get(i)?.id;
        if (id !== undefined) ids.push(id);
      }
      return ids;
    },
    [pager],
  );

  const click = useCallback<ListSelection['click']>(
    (index, id, { shift, toggle }, cursor) => {
      if (!shift && !toggle) {
        setState({ key: queryKey, ids: none, all: false, anchor: index });
        return false;
      }
      setState((prev) => {
        const base = prev.key === queryKey && !prev.all ? prev.ids : none;
        // The row the reader has open is where a first Ctrl/Shift+click starts from.
        const anchor = prev.key === queryKey && prev.anchor >= 0 ? prev.anchor : cursor;
        if (shift && anchor >= 0) {
          const ids = new Set(toggle ? base : []);
          for (const i of rangeIds(anchor, index)) ids.add(i);
          return { key: queryKey, ids, all: false, anchor };
        }
        const ids = new Set(base);
        if (ids.size === 0 && cursor >= 0 && cursor !== index) {
          const open = pager.get(cursor)?.id;
          if (open !== undefined) ids.add(open);
        }
        if (ids.has(id)) ids.delete(id);
        else ids.add(id);
        return { key: queryKey, ids, all: false, anchor: index };
      });
      return true;
    },
    [queryKey, pager, rangeIds],
  );

  const extendTo = useCallback(
    (index: number, cursor: number) =>
      setState((prev) => {
        const anchor = prev.key === queryKey && prev.anchor >= 0 ? prev.anchor : cursor;
        if (anchor < 0) return prev;
        return { key: queryKey, ids: new Set(rangeIds(anchor, index)), all: false, anchor };
      }),
    [queryKey, rangeIds],
  );

  const selectAll = useCallback(
    () => setState((prev) => ({ key: queryKey, ids: none, all: true, anchor: prev.anchor })),
    [queryKey],
  );
  const clear = useCallback(() => setState({ key: queryKey, ids: none, all: false, anchor: -1 }), [queryKey]);
  const count = current.all ? (pager.total ?? 0) : current.ids.size;
  const { ids, all } = current;
  return {
    ids,
    all,
    count,
    active: all ? count > 0 : ids.size > 0,
    has: (id) => all || ids.has(id),
    click,
    extendTo,
    selectAll,
    clear,
    resolve: () => (all ? pager.allIds() : Promise.resolve([...ids])),
  };
}
