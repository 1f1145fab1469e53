/**
 * What the workbench tests share: a fresh library behind the real web host,
 * importing through the file input, selecting text in the reader as a mouse
 * would (a DOM selection, then mouseup), reading boxes, and axe-core.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium, watchPage } from '../support/e2eBrowser';
import { repoRoot, tempDir } from '../support/paths';
import { startWebHost, type StartedWebHost } from '../support/webHost';

export const TIMEOUT = 20_000;

export interface Opened {
  page: Page;
  problems: string[];
  dir: string;
  host: StartedWebHost;
}

/**
 * One Chromium for the suite and every web host it starts, closed after it.
 * Call inside describe(); read `browser` inside the tests (it exists once beforeAll ran).
 */
export function browserForSuite(): { readonly browser: Browser; hosts: StartedWebHost[] } {
  const suite: { browser: Browser | null; hosts: StartedWebHost[] } = { browser: null, hosts: [] };
  beforeAll(async () => {
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await Promise.all(suite.hosts.map((host) => host.stop()));
  });
  return {
    get browser(): Browser {
      if (!suite.browser) throw new Error('browserForSuite: the browser is read before beforeAll ran');
      return suite.browser;
    },
    hosts: suite.hosts,
  };
}

export async function openFreshLibrary(
  browser: Browser,
  hosts: StartedWebHost[],
  /** bypassCSP: for axe-core, injected as an inline script that the app's CSP (rightly) refuses. */
  options: {
    locale?: string;
    colorScheme?: 'light' | 'dark';
    width?: number;
    height?: number;
    bypassCSP?: boolean;
  } = {},
): Promise<Opened> {
  const dir = tempDir('mizan-wb-');
  const host = await startWebHost({ libraryPath: join(dir, 'library.db') });
  hosts.push(host);
  const page = await browser.newPage({
    viewport: { width: options.width ?? 1400, height: options.height ?? 900 },
    locale: options.locale ?? 'en-GB',
    colorScheme: options.colorScheme ?? 'light',
    bypassCSP: options.bypassCSP ?? false,
  });
  const { problems } = watchPage(page);
  await page.goto(host.url);
  await page.locator('[data-testid=article-count]').waitFor({ timeout: TIMEOUT });
  return { page, problems, dir, host };
}

export async function importFiles(page: Page, files: string[]): Promise<void> {
  await page.setInputFiles('[data-testid=import-input]', files);
  await page.locator('[data-testid=import-report]').waitFor({ timeout: TIMEOUT });
  await page.locator('[data-testid=import-progress]').waitFor({ state: 'detached', timeout: TIMEOUT });
}

export async function openRow(page: Page, text: string): Promise<void> {
  await page.locator('[data-testid=article-row]', { hasText: text }).first().click();
  await page.locator('[data-testid=reader-body]').waitFor({ timeout: TIMEOUT });
}

/** Selects `quote` in the reader's text as a drag of the mouse would, and lets the reader see it. */
export async function selectInReader(page: Page, quote: string): Promise<void> {
  const found = await page.evaluate((q) => {
    const g = globalThis as unknown as {
      document: {
        querySelector(
          s: string,
        ): { querySelectorAll(s: string): ArrayLike<unknown>; dispatchEvent(e: unknown): void } | null;
        createRange(): { setStart(n: unknown, o: number): void; setEnd(n: unknown, o: number): void };
      };
      getSelection(): { removeAllRanges(): void; addRange(r: unknown): void };
      MouseEvent: new (type: string, init: { bubbles: boolean }) => unknown;
    };
    const body = g.document.querySelector('[data-testid=reader-body]');
    if (!body) return false;
    const paragraphs = Array.from(body.querySelectorAll('p')) as { querySelectorAll(s: string): ArrayLike<unknown> }[];
    for (const p of paragraphs) {
      const runs = (
        Array.from(p.querySelectorAll('[data-o]')) as { firstChild: { textContent: string } | null }[]
      ).filter((r) => r.firstChild);
      const text = runs.map((r) => r.firstChild!.textContent).join('');
      const at = text.indexOf(q);
      if (at < 0) continue;
      const point = (offset: number): [unknown, number] => {
        let rest = offset;
        for (const r of runs) {
          const len = r.firstChild!.textContent.length;
          if (rest <= len) return [r.firstChild, rest];
          rest -= len;
        }
        const last = runs[runs.length - 1]!.firstChild!;
        return [last, last.textContent.length];
      };
      (p as unknown as { scrollIntoView(o: unknown): void }).scrollIntoView({ block: 'center' });
      const range = g.document.createRange();
      const [a, ao] = point(at);
      const [b, bo] = point(at + q.length);
      range.setStart(a, ao);
      range.setEnd(b, bo);
      const selection = g.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      body.dispatchEvent(new g.MouseEvent('mouseup', { bubbles: true }));
      return true;
    }
    return false;
  }, quote);
  expect(found, `"${quote}" is in the reader`).toBe(true);
  await page.locator('[data-testid=selection-toolbar]').waitFor({ timeout: TIMEOUT });
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} has no box`);
  return b;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core in the page; the serious and critical violations, summarized. */
export async function axeSerious(page: Page): Promise<string[]> {
  const axePath = createRequire(join(repoRoot, 'package.json')).resolve('axe-core');
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, {
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 4).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary ?? ''})`).join('; ')}`,
    );
}

/** The UI's direction and language as the document states them. */
export async function rootDirAndLang(page: Page): Promise<{ dir: string | null; lang: string | null }> {
  return { dir: await page.locator('html').getAttribute('dir'), lang: await page.locator('html').getAttribute('lang') };
}

/**
 * One Chromium for a suite and the web hosts its tests start, closed after
 * the suite: call at the top of a describe block.
 */
export function suiteBrowser(): { browser(): Browser; hosts: StartedWebHost[] } {
  let browser: Browser | undefined;
  const hosts: StartedWebHost[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(hosts.map((host) => host.stop()));
  });
  return {
    browser() {
      if (!browser) throw new Error('the suite browser is not started yet');
      return browser;
    },
    hosts,
  };
}
