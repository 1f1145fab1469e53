/**
 * The day an article's writer calls "today". Outlets reprint wire copy a day
 * late and archives record when a page was fetched, so the stored date is
 * often the day after the text's own "اليوم": "أصدرت قيادة القوات المشتركة
 * اليوم بياناً ... صباح اليوم الأربعاء" published on Thursday. Read against
 * the stored date, that اليوم is Thursday and the outlet seems to contradict
 * another's "أمس الأربعاء". Where the text names its own day (today with a
 * weekday, yesterday or tomorrow with one) and every such naming agrees,
 * relative words resolve against that day.
 */
import { fromDays, toDays, type Ymd } from './calendar';
import { WEEKDAY_BY_NAME, WEEKDAYS_AR, WEEKDAYS_EN } from './dateNames';

/**
 * How far the text's own day may lie from the stored date: up to three days before it (a reprint, a late
 * fetch, a weekend) or one after (a time zone), not another week.
 */
const DAYS_BEFORE = 3;
const DAYS_AFTER = 1;

const names = [...WEEKDAYS_AR, ...WEEKDAYS_EN].map(([n]) => n).join('|');
/** On the folded text: a relative day, then (in brackets or after a comma) a weekday that is not "next/last". */
const NAMED_DAY = new RegExp(
  `(?<![\\p{L}\\p{N}])[وف]?(?<rel>اليوم|امس|الامس|بالامس|غدا|today|yesterday|tomorrow)\\s*[(,،]?\\s*(?:on\\s+)?(?<wd>${names})(?![\\p{L}\\p{N}])(?!\\s*\\)?\\s*(?:الماضي|المقبل|القادم))`,
  'gu',
);

const DELTA: Readonly<Record<string, number>> = {
  اليوم: 0,
  today: 0,
  امس: -1,
  الامس: -1,
  بالامس: -1,
  yesterday: -1,
  غدا: 1,
  tomorrow: 1,
};

/** The writer's today on the folded text, or the reference itself when the text does not name its day or disagrees with itself. */
export function writersToday(folded: string, ref: Ymd | null): Ymd | null {
  if (!ref) return ref;
  const refDays = toDays(ref);
  let today: number | null = null;
  for (const m of folded.matchAll(NAMED_DAY)) {
    const wd = WEEKDAY_BY_NAME.get(m.groups?.wd ?? '');
    const delta = DELTA[m.groups?.rel ?? ''];
    if (wd === undefined || delta === undefined) continue;
    // The day in that window whose neighbour by `delta` is that weekday (at most one: the window is 5 days).
    const refWd = (((refDays + delta + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
    let shift = (wd - refWd + 7) % 7;
    if (shift > DAYS_AFTER) shift -= 7;
    if (shift < -DAYS_BEFORE) continue;
    const day = refDays + shift;
    if (today !== null && today !== day) return ref;
    today = day;
  }
  return today === null || today === refDays ? ref : fromDays(today);
}
