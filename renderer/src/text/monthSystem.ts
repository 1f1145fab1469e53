/**
 * Which Gregorian month names an outlet writes (تموز, يوليو or جويلية), so
 * its dates are shown the way its own text shows them; the user's choice
 * applies where the outlet's is not known. Read from an article's text when
 * it is opened, remembered per outlet for the list (localStorage: a few
 * bytes an outlet).
 */
import { localeFor, type I18n, type MonthSystem } from '../i18n';

const LEVANT =
  'كانون الثاني|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|أيلول|ايلول|تشرين الأول|تشرين الاول|تشرين الثاني|كانون الأول|كانون الاول';
const EGYPT =
  'يناير|فبراير|مارس|أبريل|ابريل|إبريل|مايو|يونيو|يونيه|يوليو|يوليه|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر';
const MAGHREB = 'جانفي|فيفري|أفريل|افريل|ماي|جوان|جويلية|أوت|اوت|يوليوز|غشت|شتنبر|نونبر|دجنبر';

// A month name next to a day or a year: آب, مارس and ماي are also ordinary words.
const near = (names: string) =>
  new RegExp(`(?:[0-9٠-٩]{1,2}\\s*(?:${names})(?![\\p{L}])|(?<![\\p{L}])(?:${names})\\s*[/(]?\\s*[0-9٠-٩]{4})`, 'gu');
const PATTERNS: ReadonlyArray<readonly [MonthSystem, RegExp]> = [
  ['levant', near(LEVANT)],
  ['egypt', near(EGYPT)],
  ['maghreb', near(MAGHREB)],
];

/** The month names `text` uses most, or null when it gives no Gregorian month by name (or a tie). */
export function monthSystemOf(text: string): MonthSystem | null {
  const counts = PATTERNS.map(([system, re]) => [system, text.match(re)?.length ?? 0] as const).sort(
    (a, b) => b[1] - a[1],
  );
  const [first, second] = counts;
  if (!first || first[1] === 0 || (second && second[1] === first[1])) return null;
  return first[0];
}

const STORE_KEY = 'mizan.outletMonths';
const MAX_OUTLETS = 500;
let outlets: Map<string, MonthSystem> | null = null;

function load(): Map<string, MonthSystem> {
  if (outlets) return outlets;
  outlets = new Map();
  try {
    const stored = JSON.parse(localStorage.getItem(STORE_KEY) ?? '{}') as Record<string, unknown>;
    for (const [outlet, system] of Object.entries(stored))
      if (system === 'levant' || system === 'egypt' || system === 'maghreb') outlets.set(outlet, system);
  } catch {
    // Unreadable or unavailable storage: observations start afresh.
  }
  return outlets;
}

/** The month names an outlet was last seen writing, if any. */
export function outletMonthSystem(outlet: string | null): MonthSystem | null {
  return outlet === null ? null : (load().get(outlet) ?? null);
}

/** Notes what an opened article's text shows about its outlet; returns the article's own system. */
export function observeArticle(outlet: string | null, text: string): MonthSystem | null {
  const seen = monthSystemOf(text);
  if (seen === null || outlet === null) return seen;
  const map = load();
  if (map.get(outlet) === seen) return seen;
  map.delete(outlet);
  map.set(outlet, seen);
  while (map.size > MAX_OUTLETS) map.delete(map.keys().next().value!);
  try {
    localStorage.setItem(STORE_KEY, JSON.stringify(Object.fromEntries(map)));
  } catch {
    // Storage full or unavailable: the observation lasts this session.
  }
  return seen;
}

/**
 * The date locale for an article: with the outlet's month names when they are known and the user lets each
 * outlet keep its own (the default); the user's month names otherwise.
 */
export function localeForMonths(i18n: I18n, system: MonthSystem | null): string {
  return system === null || i18n.lang !== 'ar' || !i18n.format.outletMonths
    ? i18n.locale
    : localeFor(i18n.lang, { ...i18n.format, monthSystem: system });
}
