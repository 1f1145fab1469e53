/**
 * The string tables, one chunk per language: the page's entry loads the
 * interface language's before the first render (boot.ts), the other loads
 * when the person switches (useAppearance keeps the page in the language it
 * shows until then). No React here: the entry runs before React has loaded.
 */
import type { Messages, UiLang } from './i18n';

const tables: Partial<Record<UiLang, Messages>> = {};

/** Loads a language's table (at once if it is in already). */
export async function loadMessages(lang: UiLang): Promise<void> {
  if (tables[lang]) return;
  tables[lang] = lang === 'ar' ? (await import('./i18nAr')).messagesAr : (await import('./i18nEn')).messagesEn;
}

/** A loaded table, or undefined while it is not. */
export function messagesOf(lang: UiLang): Messages | undefined {
  return tables[lang];
}

/** The system's language when it is one Mizan speaks, else English. */
export function systemUiLang(languages: readonly string[] = navigator.languages ?? [navigator.language]): UiLang {
  for (const tag of languages) {
    const l = tag.toLowerCase();
    if (l.startsWith('ar')) return 'ar';
    if (l.startsWith('en')) return 'en';
  }
  return 'en';
}
