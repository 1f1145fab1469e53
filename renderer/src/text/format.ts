/** Display forms of contract values, in the chrome's locale. */
import type { PublishedAt } from '../../../preload/contract';
import { formatInstant, formatIsoDate } from '../../../common/text/dates';

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

/** A spelled-out date at the stored precision, e.g. "Monday, 26 July 2021" or "July 2021". */
export function longDate(published: PublishedAt, locale: string): string | null {
  const shown = isoForPrecision(published);
  return shown === null ? null : formatIsoDate(shown, locale, { weekday: true });
}

/**
 * A compact date for list rows at the stored precision: "26 Jul 2021",
 * "26 تموز 2021" (Arabic has no abbreviated month names), "Jul 2021", "2021".
 */
export function shortDate(published: PublishedAt, locale: string): string | null {
  const shown = isoForPrecision(published);
  return shown === null ? null : formatIsoDate(shown, locale, { month: 'short' });
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
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published.iso);
  if (!m) return null;
  const parts = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
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

/** A timestamp such as importedAt: its date, month named, then the time ("6 Dec 2026, 22:55"). */
export function dateTime(value: string, locale: string): string {
  return formatInstant(value, locale);
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
/**
 * A page imported from a web archive names its record and capture date
 * ("crawl.warc#12@2015-07-22T08:00:00Z"), then, once a later revisit found
 * it unchanged, that date too ("…@2015-07-29T08:00:00Z").
 */
export function archiveCapture(
  originPath: string,
): { record: string; captured: string; unchanged: string | null } | null {
  const m = /^(.*#\d+)@([^@#]+)(?:@([^@#]+))?$/.exec(originPath);
  if (!m || Number.isNaN(Date.parse(m[2]!))) return null;
  const unchanged = m[3] && !Number.isNaN(Date.parse(m[3])) ? m[3] : null;
  return { record: m[1]!, captured: m[2]!, unchanged };
}

export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/**
 * A file's size in the unit that keeps its figure readable: a small library's bundle is "48 kB", not "0 MB".
 * Decimal units, as file managers on macOS and GNOME show them.
 */
export function fileSize(bytes: number, locale: string): string {
  const [unit, scale] = bytes >= 1e9 ? ['gigabyte', 1e9] : bytes >= 1e6 ? ['megabyte', 1e6] : ['kilobyte', 1e3];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(
    Math.max(bytes / scale, bytes > 0 ? 0.1 : 0),
  );
}
