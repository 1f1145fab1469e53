import { createContext, useContext, useSyncExternalStore } from 'react';
import type { UiState, UiStore } from './uiStore';

export const UiStoreContext = createContext<UiStore | null>(null);

export function useUiStore(): UiStore {
  const store = useContext(UiStoreContext);
  if (!store) throw new Error('useUiStore outside <UiStoreContext>');
  return store;
}

/** The remembered UI state; re-renders when it changes. */
export function useUiState(): UiState {
  const store = useUiStore();
  useSyncExternalStore(store.subscribe, store.getRevision);
  return store.ui;
}
