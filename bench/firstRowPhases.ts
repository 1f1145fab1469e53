/**
 * Where the time to the first list row goes, read from the page itself
 * (Navigation and Resource Timing, paint entries) and from Chromium's
 * main-thread counters (CDP Performance.getMetrics). Nothing here needs the
 * app's cooperation, so an older build is traced the same way.
 */
import type { CDPSession, Page } from 'playwright-core';
import { percentile } from './searchLibrary';

/** Milliseconds from navigation start, or main-thread totals in ms, by phase name. */
export type Phases = Record<string, number>;

/** The phases in the order they happen (times from navigation start), then the main thread's totals. */
export const phaseNames = [
  'html',
  'css',
  'scripts',
  'listRequest',
  'listAnswer',
  'firstPaint',
  'rowDrawn',
  'rowSeen',
  'mainScript',
  'mainLayout',
  'mainStyle',
  'mainTask',
] as const;

const phaseHelp: Record<(typeof phaseNames)[number], string> = {
  html: 'HTML received',
  css: 'stylesheets received',
  scripts: 'last script received before the first request',
  listRequest: 'first page of the list asked',
  listAnswer: 'first page answered',
  firstPaint: 'first contentful paint',
  rowDrawn: 'first row in the page and a frame drawn (the figure above)',
  rowSeen: 'first row seen by polling from outside',
  mainScript: "main thread's script time",
  mainLayout: "main thread's layout time",
  mainStyle: "main thread's style time",
  mainTask: "main thread's busy time",
};

/** The few parts of the page's `performance` read here (the bench compiles without the DOM's types). */
interface Timing {
  name: string;
  startTime: number;
  responseEnd: number;
}
interface PagePerformance {
  getEntriesByType(type: 'navigation' | 'resource'): Timing[];
  getEntriesByName(name: string): Array<{ startTime: number }>;
  now(): number;
}

/** Where the page keeps the moment its first row was drawn (set by `watchFirstRow`). */
const FIRST_ROW = '__firstRowDrawnAt';

/**
 * Runs in the page before its own scripts: notes when the first article row
 * is in the document with a size, and a frame has been drawn after it.
 * Polling from outside (as Playwright's waitFor does, up to 500 ms apart)
 * would add its own wait to the figure.
 */
// (A string: the bench compiles without the DOM's types.)
const watchFirstRow = `{
  const observer = new MutationObserver(() => {
    const row = document.querySelector('[data-testid=article-row]');
    if (!row || row.getBoundingClientRect().height === 0) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (globalThis.${FIRST_ROW} = performance.now())));
  });
  observer.observe(document, { childList: true, subtree: true });
}`;

/** Starts the page's counters and its watch for the first row; call before the page navigates. */
export async function startCounters(page: Page): Promise<CDPSession> {
  await page.addInitScript({ content: watchFirstRow });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return cdp;
}

/** Milliseconds from navigation start to the first row drawn (`watchFirstRow`). */
export async function firstRowDrawn(page: Page): Promise<number> {
  const at = await page.waitForFunction((key) => (globalThis as Record<string, unknown>)[key], FIRST_ROW, {
    timeout: 60_000,
  });
  return Math.round(Number(await at.jsonValue()));
}

/** Reads the phases once the first row is on screen. */
export async function readPhases(page: Page, cdp: CDPSession, rowDrawn: number): Promise<Phases> {
  const fromPage = await page.evaluate(() => {
    const performance = globalThis.performance as unknown as PagePerformance;
    const round = (ms: number) => Math.round(ms);
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    const list = resources.find((r) => /\/api\/library\.list(Collection)?Articles$|\/api\/search\.query$/.test(r.name));
    const before = list ? list.startTime : Infinity;
    const ends = (test: (r: Timing) => boolean) =>
      round(Math.max(0, ...resources.filter((r) => test(r) && r.startTime < before).map((r) => r.responseEnd)));
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      html: round(nav?.responseEnd ?? 0),
      css: ends((r) => /\.css(\?|$)/.test(r.name)),
      scripts: ends((r) => /\.m?js(\?|$)/.test(r.name)),
      listRequest: round(list?.startTime ?? NaN),
      listAnswer: round(list?.responseEnd ?? NaN),
      firstPaint: round(paint?.startTime ?? NaN),
      rowSeen: round(performance.now()),
    };
  });
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => Math.round((metrics.find((m) => m.name === name)?.value ?? NaN) * 1000);
  return {
    ...fromPage,
    rowDrawn,
    mainScript: metric('ScriptDuration'),
    mainLayout: metric('LayoutDuration'),
    mainStyle: metric('RecalcStyleDuration'),
    mainTask: metric('TaskDuration'),
  };
}

/** One row per phase: each build's median (and spread) over its runs. */
export function phaseRows(builds: ReadonlyArray<{ name: string; phases: readonly Phases[] }>): Array<[string, string]> {
  return phaseNames.map((phase) => [
    `${phase}: ${phaseHelp[phase]}`,
    builds
      .map(({ name, phases }) => {
        const values = phases.map((p) => p[phase]!).filter((v) => Number.isFinite(v));
        if (values.length === 0) return `${name} n/a`;
        const sorted = values.sort((a, b) => a - b);
        return `${name} ${percentile(sorted, 50)} (${sorted[0]}-${sorted.at(-1)})`;
      })
      .join(' | '),
  ]);
}
