import { useCallback, useEffect, useRef, useState } from 'react';
import type { UiState } from '../state/uiStore';

const MIN_READER = 360;
const MIN_LIST = 240;
const MIN_SIDEBAR = 160;

type Pane = 'sidebar' | 'list' | 'reader';

/**
 * The three panes: their sizes within the window (the reader keeps at least
 * MIN_READER, the list MIN_LIST), the grid columns, and F6 moving focus
 * from one pane to the next.
 */
export function usePanes(ui: UiState) {
  const readerPane = useRef<HTMLElement>(null);
  const listRef = useRef<HTMLElement>(null);
  const sidebarRef = useRef<HTMLDivElement>(null);

  const focusPane = useCallback((which: Pane) => {
    if (which === 'sidebar')
      (
        sidebarRef.current?.querySelector<HTMLElement>('.side-link.is-current') ??
        sidebarRef.current?.querySelector<HTMLElement>('.side-link')
      )?.focus();
    else if (which === 'list')
      (
        listRef.current?.querySelector<HTMLElement>('[data-testid=article-list], .highlight-item, button') ??
        listRef.current
      )?.focus();
    else (readerPane.current?.querySelector<HTMLElement>('[data-testid=reader-body]') ?? readerPane.current)?.focus();
  }, []);
  const cyclePanes = useCallback(
    (backwards: boolean) => {
      const order: Pane[] = ui.sidebarOpen ? ['sidebar', 'list', 'reader'] : ['list', 'reader'];
      const active = document.activeElement;
      const at = sidebarRef.current?.contains(active)
        ? 'sidebar'
        : readerPane.current?.contains(active)
          ? 'reader'
          : listRef.current?.contains(active)
            ? 'list'
            : null;
      const index = at ? order.indexOf(at) : -1;
      const next = order[(index + (backwards ? order.length - 1 : 1) + order.length) % order.length]!;
      focusPane(next);
    },
    [ui.sidebarOpen, focusPane],
  );

  const [width, setWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  const sidebarSize = ui.sidebarOpen
    ? Math.min(ui.sidebarSize, Math.max(MIN_SIDEBAR, width - MIN_LIST - MIN_READER))
    : 0;
  const maxSidebar = Math.max(MIN_SIDEBAR, Math.min(600, width - MIN_LIST - MIN_READER));
  const maxList = Math.max(MIN_LIST, width - sidebarSize - MIN_READER);
  const listSize = Math.min(ui.listSize, maxList);
  const columns = ui.sidebarOpen
    ? `${sidebarSize}px auto ${listSize}px auto minmax(0, 1fr)`
    : `${listSize}px auto minmax(0, 1fr)`;

  return {
    readerPane,
    listRef,
    sidebarRef,
    cyclePanes,
    sidebarSize,
    minSidebar: MIN_SIDEBAR,
    maxSidebar,
    listSize,
    minList: MIN_LIST,
    maxList,
    columns,
  };
}
