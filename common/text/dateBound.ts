/**
 * One end of a date range as a researcher types it: Gregorian (2015,
 * 2015-08, 2015-08-11, 2015/8/11) or Hijri, marked AH or هـ (1436-10-26AH,
 * 1436-10-26 هـ, 1436 هـ), in Latin or Arabic-Indic digits. A Hijri bound
 * becomes the Gregorian day that starts (from) or ends (to) the Hijri day,
 * month or year, by the Umm al-Qura calendar (the official Saudi calendar,
 * table-based: @internationalized/date). Shared by the CLI, the web host and
 * the renderer so that every host reads a bound alike.
 */
import { CalendarDate, GregorianCalendar, IslamicUmalquraCalendar, toCalendar } from '@internationalized/date';
import { asciiDigits } from './normalize';

export type DateEdge = 'from' | 'to';

export type DateBound =
  | {
      ok: true;
      /** For the filter: YYYY, YYYY-MM or YYYY-MM-DD (Gregorian). */
      iso: string;
      calendar: 'gregorian' | 'hijri';
      /** The Hijri bound as read (YYYY, YYYY-MM, YYYY-MM-DD), for display beside the Gregorian day. */
      hijri: string | null;
    }
  | { ok: false; reason: 'format' | 'invalid' };

const HIJRI_MARK = /\s*(?:AH|A\.H\.|هـ|ه|هـ\.)\s*$/iu;
const PARTS = /^(\d{1,4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/;

let calendars: { umalqura: IslamicUmalquraCalendar; gregorian: GregorianCalendar } | null = null;
function cal() {
  calendars ??= { umalqura: new IslamicUmalquraCalendar(), gregorian: new GregorianCalendar() };
  return calendars;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function validIn(calendar: IslamicUmalquraCalendar | GregorianCalendar, y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= calendar.getDaysInMonth(new CalendarDate(calendar, y, m, 1));
}

/** Reads one end of a date range; '' is not a bound (the caller leaves that end open). */
export function parseDateBound(text: string, edge: DateEdge): DateBound {
  let value = asciiDigits(text.trim());
  const hijri = HIJRI_MARK.test(value);
  if (hijri) value = value.replace(HIJRI_MARK, '');
  const m = PARTS.exec(value);
  if (!m) return { ok: false, reason: 'format' };
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : null;
  const day = m[3] ? Number(m[3]) : null;
  if (!hijri) {
    if (m[1]!.length !== 4 || year < 1) return { ok: false, reason: 'format' };
    if (month !== null && (month < 1 || month > 12)) return { ok: false, reason: 'invalid' };
    if (day !== null && !validIn(cal().gregorian, year, month!, day)) return { ok: false, reason: 'invalid' };
    const iso = [pad(year, 4), month !== null ? pad(month, 2) : null, day !== null ? pad(day, 2) : null]
      .filter((p) => p !== null)
      .join('-');
    return { ok: true, iso, calendar: 'gregorian', hijri: null };
  }
  // Umm al-Qura tables cover 1300-1600 AH; outside them the dates would be estimates.
  if (year < 1300 || year > 1600) return { ok: false, reason: 'invalid' };
  const { umalqura, gregorian } = cal();
  const firstMonth = month ?? (edge === 'from' ? 1 : 12);
  if (firstMonth < 1 || firstMonth > 12) return { ok: false, reason: 'invalid' };
  const monthStart = new CalendarDate(umalqura, year, firstMonth, 1);
  const lastDay = umalqura.getDaysInMonth(monthStart);
  const d = day ?? (edge === 'from' ? 1 : lastDay);
  if (d < 1 || d > lastDay) return { ok: false, reason: 'invalid' };
  const g = toCalendar(new CalendarDate(umalqura, year, firstMonth, d), gregorian);
  return {
    ok: true,
    iso: `${pad(g.year, 4)}-${pad(g.month, 2)}-${pad(g.day, 2)}`,
    calendar: 'hijri',
    hijri: [pad(year, 4), month !== null ? pad(month, 2) : null, day !== null ? pad(day, 2) : null]
      .filter((p) => p !== null)
      .join('-'),
  };
}
