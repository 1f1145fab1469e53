/**
 * Dates as a reader writes them, the month named, at the precision the date
 * has: "26 July 2021", "26 تموز 2021", "July 2021", "2021"; an instant is its
 * date then its time ("6 Dec 2026, 22:55"). The renderer and the
 * dossier exports both format through here, so the list, the reader, the
 * activity log and a PDF say a date the same way; never 06-12-2026.
 */

/** Which Gregorian month names Arabic dates use: تموز (Levant, Iraq), يوليو (Egypt, Gulf), جويلية (Maghreb). */
export type MonthSystem = 'levant' | 'egypt' | 'maghreb';
/** Latin digits (what the archives mostly use) or Arabic-Indic ones. */
export type Digits = 'latn' | 'arab';

// CLDR regions whose Arabic month names are each system's.
const monthRegion: Record<MonthSystem, string> = { levant: 'SY', egypt: 'EG', maghreb: 'TN' };

/** The locale dates and numbers of language `lang` are formatted in ("ar" → "ar-SY-u-nu-latn", else "en-GB"). */
export function dateLocale(lang: string, monthSystem: MonthSystem = 'levant', digits: Digits = 'latn'): string {
  if (lang.toLowerCase().split('-')[0] !== 'ar') return 'en-GB';
  return `ar-${monthRegion[monthSystem]}-u-nu-${digits}`;
}

export interface IsoDateStyle {
  /** Month names: 'short' ("Jul") where the language has short ones (Arabic does not: always long). */
  month?: 'long' | 'short';
  /** The weekday before a day-precise date: "Monday 26 July 2021". */
  weekday?: boolean;
}

/**
 * A stored date (YYYY, YYYY-MM or YYYY-MM-DD) with its month named and
 * nothing it does not have: a month-precise date is never the first of the
 * month. Null for anything else.
 */
export function formatIsoDate(iso: string, locale: string, style: IsoDateStyle = {}): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return null;
  const [, year, month, day] = m;
  const fields: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
  if (month) fields.month = locale.startsWith('ar') ? 'long' : (style.month ?? 'long');
  if (day) {
    fields.day = 'numeric';
    if (style.weekday) fields.weekday = 'long';
  }
  const date = new Date(Date.UTC(Number(year), Number(month ?? 1) - 1, Number(day ?? 1)));
  try {
    return new Intl.DateTimeFormat(locale, fields).format(date);
  } catch {
    return iso;
  }
}

/** A moment (an ISO timestamp): its date with the month named, then the time, in the local time zone. */
export function formatInstant(value: string, locale: string, timeZone?: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: locale.startsWith('ar') ? 'long' : 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}
