import '@fontsource/amiri/400.css';
import '@fontsource/amiri/700.css';
import './styles/fonts.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from '../../preload/contract';
import { ApiContext, type ApiValue } from './api';
import { App } from './App';
import { chooseTransport } from './transport';

const { kind, transport } = chooseTransport();
const value: ApiValue = { api: createClient(transport), transportKind: kind };

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ApiContext value={value}>
      <App />
    </ApiContext>
  </StrictMode>,
);
