import { useEffect, useMemo, useState } from 'react';
import { loadMessages, makeI18n, messagesOf, systemUiLang, type I18n, type UiLang } from '../i18n';
import type { UiState } from '../state/uiStore';

function useSystemLang(): UiLang {
  const [lang, setLang] = useState<UiLang>(() => systemUiLang());
  useEffect(() => {
    const onChange = () => setLang(systemUiLang());
    window.addEventListener('languagechange', onChange);
    return () => window.removeEventListener('languagechange', onChange);
  }, []);
  return lang;
}

function useResolvedTheme(choice: UiState['theme']): 'light' | 'dark' {
  const [systemDark, setSystemDark] = useState(
    () => window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false,
  );
  useEffect(() => {
    const query = window.matchMedia?.('(prefers-color-scheme: dark)');
    if (!query) return;
    const onChange = () => setSystemDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

/**
 * The interface language (the user's choice, or the system's, followed live),
 * its strings and formats, and the theme; written onto <html> (lang, dir,
 * data-theme, color-scheme) and the window title.
 */
export function useAppearance(ui: UiState): { uiLang: UiLang; i18n: I18n; theme: 'light' | 'dark' } {
  const systemLang = useSystemLang();
  const wanted: UiLang = ui.uiLang === 'system' ? systemLang : ui.uiLang;
  // A language's words load when it is first chosen; until they are in, the page stays in the one it shows.
  const [shown, setShown] = useState<UiLang>(() =>
    messagesOf(wanted) ? wanted : messagesOf('en') ? 'en' : messagesOf('ar') ? 'ar' : wanted,
  );
  useEffect(() => {
    if (wanted === shown) return;
    let current = true;
    loadMessages(wanted).then(
      () => current && setShown(wanted),
      () => undefined, // a chunk that fails to load leaves the language as it is
    );
    return () => {
      current = false;
    };
  }, [wanted, shown]);
  const uiLang = shown;
  const i18n = useMemo(
    () =>
      makeI18n(uiLang, {
        monthSystem: ui.monthSystem === 'outlet' ? 'levant' : ui.monthSystem,
        outletMonths: ui.monthSystem === 'outlet',
        digits: ui.digits,
        hijri: ui.hijri === 'beside',
      }),
    [uiLang, ui.monthSystem, ui.digits, ui.hijri],
  );
  const theme = useResolvedTheme(ui.theme);

  useEffect(() => {
    const root = document.documentElement;
    root.lang = uiLang;
    root.dir = i18n.dir;
    root.dataset['theme'] = theme;
    root.style.colorScheme = theme;
    document.title = uiLang === 'ar' ? 'ميزان — Mizan' : 'Mizan — ميزان';
  }, [uiLang, i18n.dir, theme]);

  return { uiLang, i18n, theme };
}
