import '@fontsource/amiri/400.css';
import '@fontsource/amiri/700.css';
import './styles/fonts.css';
import './styles/app.css';
import './styles/chrome.css';
import './styles/panes.css';
import './styles/workbench.css';
import './styles/selection.css';
import './styles/reader.css';
import './styles/overlays.css';
import './styles/compare.css';
import './styles/exports.css';
import './styles/search.css';
import './styles/charts.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from '../../preload/contract/client';
import { ApiContext, type ApiValue } from './api';
import { App } from './App';
import { UiStore } from './state/uiStore';
import { UiStoreContext } from './state/useUi';
import { chooseTransport } from './transport';

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const { kind, transport } = chooseTransport();
const value: ApiValue = { api: createClient(transport), transportKind: kind };
const store = new UiStore(localStorageOrNull());
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
