import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Transport } from '../../preload/contract';
import { createClient } from '../../preload/contract/client';
import { ApiContext, type ApiValue } from './api';
import { App } from './App';
import type { TransportKind } from './transport';
import type { UiStore } from './state/uiStore';
import { UiStoreContext } from './state/useUi';

/** Renders the app on the transport and UI state `boot.ts` prepared. */
export function start(kind: TransportKind, transport: Transport, store: UiStore): void {
  const value: ApiValue = { api: createClient(transport), transportKind: kind };
  void store.attach(value.api);
  window.addEventListener('pagehide', () => store.flush());

  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <ApiContext value={value}>
        <UiStoreContext value={store}>
          <App />
        </UiStoreContext>
      </ApiContext>
    </StrictMode>,
  );
}
