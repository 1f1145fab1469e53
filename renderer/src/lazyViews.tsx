/**
 * The views not on the first screen, loaded when first shown: the window's
 * first script stays small (renderer/README.md gives the sizes). Each waits
 * for its code inside its own Suspense, so the rest of the window stays as it is.
 */
import { lazy, Suspense, type ComponentProps } from 'react';
import type { ComparisonView as ComparisonViewType } from './components/compare/ComparisonView';
import type { DossiersView as DossiersViewType } from './components/dossier/DossiersView';
import type { TableMappingDialog as TableMappingDialogType } from './components/TableMappingDialog';

const LazyComparisonView = lazy(async () => ({
  default: (await import('./components/compare/ComparisonView')).ComparisonView,
}));
const LazyDossiersView = lazy(async () => ({
  default: (await import('./components/dossier/DossiersView')).DossiersView,
}));
const LazyTableMappingDialog = lazy(async () => ({
  default: (await import('./components/TableMappingDialog')).TableMappingDialog,
}));

export function ComparisonView(props: ComponentProps<typeof ComparisonViewType>) {
  return (
    <Suspense fallback={null}>
      <LazyComparisonView {...props} />
    </Suspense>
  );
}

export function DossiersView(props: ComponentProps<typeof DossiersViewType>) {
  return (
    <Suspense fallback={null}>
      <LazyDossiersView {...props} />
    </Suspense>
  );
}

export function TableMappingDialog(props: ComponentProps<typeof TableMappingDialogType>) {
  return (
    <Suspense fallback={null}>
      <LazyTableMappingDialog {...props} />
    </Suspense>
  );
}
