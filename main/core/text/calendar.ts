/**
 * Proleptic Gregorian day arithmetic for date parsing, done in whole UTC
 * days so the local time zone never shifts a date.
 */

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysIn(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** True for an existing Gregorian day. */
export function isValidDate(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    Number.isInteger(m) &&
    Number.isInteger(d) &&
    y >= 1000 &&
    y <= 2999 &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= daysIn(y, m)
  );
}

export function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

export function isoDay(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function parseReference(ref: string | undefined): Ymd | null {
  if (ref === undefined) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(ref.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isValidDate(y, mo, d) ? { y, m: mo, d } : null;
}

/** Days since 1970-01-01 (UTC, proleptic Gregorian); avoids Date time zones. */
export function toDays({ y, m, d }: Ymd): number {
  return Math.floor(Date.UTC(y, m - 1, d) / 86400000);
}

/** Day of the week, 0 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDays(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

export function fromDays(days: number): Ymd {
  const dt = new Date(days * 86400000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function addDays(r: Ymd, n: number): string {
  const x = fromDays(toDays(r) + n);
  return isoDay(x.y, x.m, x.d);
}

/** Year for a year-less month/day: the one that puts the date nearest the reference. */
export function nearestYear(ref: Ymd, m: number, d: number): number {
  const refDays = toDays(ref);
  let best = ref.y;
  let bestDist = Infinity;
  for (const y of [ref.y - 1, ref.y, ref.y + 1]) {
    const dd = Math.min(d, daysIn(y, m));
    const dist = Math.abs(toDays({ y, m, d: dd }) - refDays);
    if (dist < bestDist) {
      best = y;
      bestDist = dist;
    }
  }
  return best;
}

export function yearMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}`;
}

export function shiftMonth(ref: Ymd, delta: number): string {
  const idx = ref.y * 12 + (ref.m - 1) + delta;
  return yearMonth(Math.floor(idx / 12), (idx % 12) + 1);
}

/** Nearest non-space character before/after a position in the original text ('' at the edges). */
