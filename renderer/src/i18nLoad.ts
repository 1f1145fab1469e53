/**
 * What the page's entry needs of the string tables before React has loaded.
 */
import type { UiLang } from './i18n';

/** The system's language when it is one Mizan speaks, else English. */
export function systemUiLang(languages: readonly string[] = navigator.languages ?? [navigator.language]): UiLang {
  for (const tag of languages) {
    const l = tag.toLowerCase();
    if (l.startsWith('ar')) return 'ar';
    if (l.startsWith('en')) return 'en';
  }
  return 'en';
}
