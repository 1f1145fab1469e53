/**
 * The views not on the first screen, loaded when first shown: the window's
 * first script holds what draws the toolbar, the sidebar and the list
 * (renderer/README.md gives the sizes). Each waits for its code inside its own
 * Suspense, so the rest of the window stays as it is.
 */
import { lazy, Suspense, type ComponentProps, type ComponentType, type ReactElement } from 'react';
import type { AppDialogs as AppDialogsType } from './components/AppDialogs';
import type { ComparisonView as ComparisonViewType } from './components/compare/ComparisonView';
import type { TableMappingDialog as TableMappingDialogType } from './components/TableMappingDialog';
import type { Reader as ReaderType } from './components/Reader';
import type { StoriesView as StoriesViewType } from './components/compare/StoriesView';
import type { ImportReportPanel as ImportReportPanelType } from './components/ImportReportPanel';

/** Named where a props type is not exported (declarations must name it). */
type LazyView<C extends (props: never) => unknown> = (props: Parameters<C>[0]) => ReactElement;

/** A component whose code is fetched the first time it is drawn. */
function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): (props: P) => ReactElement {
  const Lazy = lazy(async () => ({ default: await load() }));
  const Shown = Lazy as unknown as ComponentType<P>;
  return function LazyView(props: P) {
    return (
      <Suspense fallback={null}>
        <Shown {...props} />
      </Suspense>
    );
  };
}

export const ComparisonView: LazyView<typeof ComparisonViewType> = lazyView(
  async () => (await import('./components/compare/ComparisonView')).ComparisonView,
);
export const DossiersView = lazyView(async () => (await import('./components/dossier/DossiersView')).DossiersView);
export const TableMappingDialog: LazyView<typeof TableMappingDialogType> = lazyView(
  async () => (await import('./components/TableMappingDialog')).TableMappingDialog,
);
export const Reader: LazyView<typeof ReaderType> = lazyView(async () => (await import('./components/Reader')).Reader);
export const StoriesView: LazyView<typeof StoriesViewType> = lazyView(
  async () => (await import('./components/compare/StoriesView')).StoriesView,
);
export const StoryPanel = lazyView(async () => (await import('./components/compare/StoriesView')).StoryPanel);
export const EntityBrowser = lazyView(async () => (await import('./components/entities/EntityBrowser')).EntityBrowser);
export const EntityPanel = lazyView(async () => (await import('./components/entities/EntityPanel')).EntityPanel);
export const ListCharts = lazyView(async () => (await import('./charts/ListCharts')).ListCharts);
export const ImportReportPanel: LazyView<typeof ImportReportPanelType> = lazyView(
  async () => (await import('./components/ImportReportPanel')).ImportReportPanel,
);
export const ActivityPanel = lazyView(async () => (await import('./components/ActivityPanel')).ActivityPanel);
export const CommandPalette = lazyView(async () => (await import('./components/CommandPalette')).CommandPalette);

const LazyAppDialogs = lazyView(async () => (await import('./components/AppDialogs')).AppDialogs);

/** The dialogs (settings, sources, metadata, export, ...): nothing to fetch until one is open. */
export function AppDialogs(props: ComponentProps<typeof AppDialogsType>) {
  return props.dialog ? <LazyAppDialogs {...props} /> : null;
}
