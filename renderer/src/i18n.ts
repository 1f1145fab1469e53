/**
 * The chrome's words in both of Mizan's languages. Error codes from the
 * contract are turned into words here; the server's message is shown beside
 * them, untranslated, because it names files and reasons precisely.
 */
import { createContext, useContext } from 'react';
import type { DatePrecision, ErrorCode } from '../../preload/contract';
import type { CompareStrings } from './i18nCompare';
import type { Workbench } from './i18nWorkbench';
import type { DossierWords } from './i18nDossier';
import type { Plural } from './i18nPlural';
import type { TableImportWords } from './i18nImport';
import type { SelectionWords } from './i18nSelection';
import { messagesOf } from './i18nLoad';
import { dateLocale, type Digits, type MonthSystem } from '../../common/text/dates';

export type UiLang = 'en' | 'ar';
export { loadMessages, messagesOf, systemUiLang } from './i18nLoad';

export interface Messages {
  appName: string;
  appTagline: string;
  importButton: string;
  importTitle: string;
  readingFiles: string;
  importing: string;
  cancel: string;
  sortBy: string;
  sortPublishedAt: string;
  sortImportedAt: string;
  sortTitle: string;
  sortSource: string;
  orderDesc: string;
  orderAsc: string;
  source: string;
  allSources: string;
  language: string;
  allLanguages: string;
  articles: Plural;
  words: Plural;
  filesCount: Plural;
  emptyTitle: string;
  emptyBody: string;
  emptyFormats: string;
  dropHint: string;
  dropHere: string;
  noMatches: string;
  clearFilters: string;
  selectArticle: string;
  keyboardHint: string;
  loading: string;
  loadingArticle: string;
  outlet: string;
  author: string;
  published: string;
  asWritten: string;
  precision: Record<DatePrecision, string>;
  undated: string;
  unknownSource: string;
  url: string;
  tags: string;
  imported: string;
  originFile: string;
  /** A web archive's capture date, and the last time a revisit found the page unchanged. */
  captured: string;
  unchangedOn: string;
  importReport: string;
  importedSection: string;
  duplicatesSection: string;
  errorsSection: string;
  duplicateOf: string;
  nothingImported: string;
  close: string;
  dismiss: string;
  retry: string;
  open: string;
  listFailed: string;
  articleFailed: string;
  importFailed: string;
  loadFailed: string;
  library: string;
  hostWeb: string;
  hostElectron: string;
  otherLanguageName: string;
  switchLanguage: string;
  errorNames: Record<ErrorCode, string>;
  listLabel: string;
  workbench: Workbench;
  dossier: DossierWords;
  compare: CompareStrings;
  /** The CSV/TSV column mapping dialog. */
  tableImport: TableImportWords;
  /** Saved searches, multi-selection and bulk actions. */
  selection: SelectionWords;
  readerLabel: string;
}

export type { Digits, MonthSystem };

export interface FormatOptions {
  monthSystem: MonthSystem;
  digits: Digits;
  /** Show the Umm al-Qura (Hijri) day beside a Gregorian one. */
  hijri?: boolean;
  /** Each outlet's own month names where known (`monthSystem` is then the fallback). */
  outletMonths?: boolean;
}

export const defaultFormat: FormatOptions = { monthSystem: 'levant', digits: 'latn' };

/** Locale used for numbers and dates; Arabic keeps the Latin digits the archives use unless told otherwise. */
export function localeFor(lang: UiLang, format: FormatOptions = defaultFormat): string {
  return dateLocale(lang, format.monthSystem, format.digits);
}

export interface I18n {
  lang: UiLang;
  dir: 'rtl' | 'ltr';
  locale: string;
  /** The choices `locale` was made from. */
  format: FormatOptions;
  t: Messages;
  w: Workbench;
  /** The dossier editor's words. */
  ds: DossierWords;
  formatNumber(n: number): string;
  /** "3 minutes", "40 seconds": for estimates of time left. */
  formatDuration(seconds: number): string;
}

/** The words and formats of a language whose table is loaded (`loadMessages`). */
export function makeI18n(lang: UiLang, format: FormatOptions = defaultFormat): I18n {
  const table = messagesOf(lang);
  if (!table) throw new Error(`the ${lang} strings are not loaded yet (loadMessages)`);
  const locale = localeFor(lang, format);
  const numbers = new Intl.NumberFormat(locale);
  const unit = (u: 'second' | 'minute' | 'hour') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'long', maximumFractionDigits: 0 });
  const seconds = unit('second');
  const minutes = unit('minute');
  const hours = unit('hour');
  return {
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    locale,
    format,
    t: table,
    w: table.workbench,
    ds: table.dossier,
    formatNumber: (n) => numbers.format(n),
    formatDuration: (s) =>
      s < 90
        ? seconds.format(Math.max(1, Math.round(s)))
        : s < 5400
          ? minutes.format(Math.round(s / 60))
          : hours.format(Math.round(s / 3600)),
  };
}

/** Set by App; no default, as no table is loaded before the entry loads one. */
export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside the app (no I18nContext)');
  return i18n;
}
