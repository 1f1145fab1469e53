/** Display forms of contract values, in the chrome's locale. */
import type { PublishedAt } from '../../../preload/contract';

interface DateParts {
  year: number;
  month: number | null;
  day: number | null;
}

function partsOf(iso: string): DateParts | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return null;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : null, day: m[3] ? Number(m[3]) : null };
}

/**
 * The ISO date cut to its precision: "2021-07-26", "2021-07" or "2021". A
 * month-precise date is never shown as the first of the month.
 */
export function isoForPrecision(published: PublishedAt): string | null {
  const { iso, precision } = published;
  if (!iso) return null;
  if (precision === 'year') return iso.slice(0, 4);
  if (precision === 'month') return iso.slice(0, 7);
  return iso;
}

/**
 * The date at its stored precision, formatted with the fields `fieldsFor`
 * picks from the parts that date has (never a day or month it does not).
 */
function formatAtPrecision(
  published: PublishedAt,
  locale: string,
  fieldsFor: (parts: DateParts) => Intl.DateTimeFormatOptions,
): string | null {
  const shown = isoForPrecision(published);
  if (!shown) return null;
  const parts = partsOf(shown);
  if (!parts) return shown;
  const date = new Date(Date.UTC(parts.year, (parts.month ?? 1) - 1, parts.day ?? 1));
  try {
    return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', ...fieldsFor(parts) }).format(date);
  } catch {
    return shown;
  }
}

/** A spelled-out date at the stored precision, e.g. "Monday 26 July 2021" or "July 2021". */
export function longDate(published: PublishedAt, locale: string): string | null {
  return formatAtPrecision(published, locale, (parts) => {
    const fields: Intl.DateTimeFormatOptions = {};
    if (parts.month !== null) fields.month = 'long';
    if (parts.day !== null) {
      fields.day = 'numeric';
      fields.weekday = 'long';
    }
    return fields;
  });
}

/**
 * A compact date for list rows at the stored precision: "26 Jul 2021",
 * "26 تموز 2021" (Arabic has no abbreviated month names), "Jul 2021", "2021".
 */
export function shortDate(published: PublishedAt, locale: string): string | null {
  return formatAtPrecision(published, locale, (parts) => {
    const fields: Intl.DateTimeFormatOptions = {};
    if (parts.month !== null) fields.month = locale.startsWith('ar') ? 'long' : 'short';
    if (parts.day !== null) fields.day = 'numeric';
    return fields;
  });
}

/** The locale with the Umm al-Qura calendar: "ar-SY-u-nu-latn" → "ar-SY-u-ca-islamic-umalqura-nu-latn". */
function hijriLocale(locale: string): string {
  return locale.includes('-u-') ? locale.replace('-u-', '-u-ca-islamic-umalqura-') : `${locale}-u-ca-islamic-umalqura`;
}

/**
 * The Hijri (Umm al-Qura) day of a day-precise date: "10 شوال 1436 هـ",
 * "10 Shawwal 1436 AH"; null for a month or a year (a Gregorian month spans
 * two Hijri ones). ICU's Umm al-Qura tables, which agree with the core's
 * calendar library on the 418 days of its SaudiNewsNet fixture.
 */
export function hijriDate(published: PublishedAt, locale: string): string | null {
  if (published.precision !== 'day' || !published.iso) return null;
  const parts = partsOf(published.iso);
  if (!parts || parts.day === null || parts.month === null) return null;
  try {
    return new Intl.DateTimeFormat(hijriLocale(locale), {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(new Date(Date.UTC(parts.year, parts.month - 1, parts.day)));
  } catch {
    return null;
  }
}

/** A timestamp such as importedAt, shown as date and time. */
export function dateTime(value: string, locale: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

const displayNames = new Map<string, Intl.DisplayNames | null>();

/** "Arabic" / "العربية" for "ar"; the code itself when the runtime does not know it. */
export function languageName(code: string, locale: string): string {
  let names = displayNames.get(locale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([locale], { type: 'language' });
    } catch {
      names = null;
    }
    displayNames.set(locale, names);
  }
  if (!names || code === '' || code === 'und') return code || '—';
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The last segment of a path, for showing where an article came from. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}
