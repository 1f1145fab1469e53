/**
 * The page's entry: small, so that it runs as soon as the HTML is read. It
 * picks the transport, reads the remembered UI state, sends the list's first
 * request (earlyCall.ts) and only then loads the app (`main.tsx`, preloaded
 * by the HTML beside this script) and the interface language's words, which starts with that request already
 * under way. The stylesheets are imported here so they stay links in the HTML.
 */
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
import { firstListInput, withEarlyCall } from './earlyCall';
import { loadMessages, systemUiLang } from './i18nLoad';
import { UiStore } from './state/uiStore';
import { chooseTransport } from './transport';

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The document parsed and its stylesheets in: this script is async (it runs
 * before either), and the list measures its rows on the first render.
 */
function pageReady(): Promise<unknown> {
  const parsed =
    document.readyState === 'loading'
      ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }))
      : null;
  const sheets = [...document.querySelectorAll<HTMLLinkElement>('link[rel=stylesheet]')]
    .filter((link) => !link.sheet)
    .map(
      (link) =>
        new Promise((resolve) => {
          link.addEventListener('load', resolve, { once: true });
          link.addEventListener('error', resolve, { once: true });
        }),
    );
  return Promise.all([parsed, ...sheets]);
}

const chosen = chooseTransport();
const store = new UiStore(localStorageOrNull());
const first = firstListInput(store.ui);
const transport = first ? withEarlyCall(chosen.transport, 'library.listArticles', first) : chosen.transport;
// Only the interface language's words: the other language's load on a switch.
const lang = store.ui.uiLang === 'system' ? systemUiLang() : store.ui.uiLang;
void Promise.all([import('./main'), loadMessages(lang), pageReady()]).then(([{ start }]) =>
  start(chosen.kind, transport, store),
);
