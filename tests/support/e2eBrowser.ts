/** Chromium driven by playwright-core, and what a page complained about. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { ensureBrowser } from './browserLookup';
import { repoRoot } from './paths';

/** The browser the end-to-end project's setup found (tests/support/e2eSetup.ts), or found now outside it. */
export const chromiumPath = inject('chromiumPath') ?? ensureBrowser().path;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** test-results/<name>, the folder created; screenshots there are for a person to look at. */
export function resultPath(name: string): string {
  const dir = join(repoRoot, 'test-results');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

/**
 * Collects uncaught exceptions and console errors (CSP violations, failed
 * loads) so that a test can assert that the page ran clean.
 */
export function watchPage(page: Page): { problems: string[] } {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('requestfailed', (request) =>
    problems.push(`requestfailed: ${request.url()} ${request.failure()?.errorText ?? ''}`),
  );
  return { problems };
}

/** The few DOM facts the tests read inside the page (the tests compile without the DOM lib). */
export interface FontFaceFacts {
  family: string;
  weight: string;
  status: string;
  unicodeRange: string;
}

interface PageFonts {
  document: {
    fonts: {
      ready: Promise<unknown>;
      check(font: string, text: string): boolean;
      forEach(callback: (face: FontFaceFacts) => void): void;
    };
  };
}

/** After `document.fonts.ready`: every face the page knows, and `fonts.check` for Arabic in Amiri. */
export async function fontFacts(page: Page): Promise<{ amiriCheck: boolean; faces: FontFaceFacts[] }> {
  return page.evaluate(async () => {
    const { document } = globalThis as unknown as PageFonts;
    await document.fonts.ready;
    const faces: FontFaceFacts[] = [];
    document.fonts.forEach((face) =>
      faces.push({
        family: face.family.replace(/^["']|["']$/g, ''),
        weight: face.weight,
        status: face.status,
        unicodeRange: face.unicodeRange,
      }),
    );
    return { amiriCheck: document.fonts.check('16px Amiri', 'عربي'), faces };
  });
}

/**
 * The fonts Chromium actually drew a node's text with (DevTools protocol):
 * the proof that Arabic is in Amiri and not in a fallback or as boxes.
 */
export async function renderedFonts(
  page: Page,
  selector: string,
): Promise<{ familyName: string; glyphCount: number }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`no node matches ${selector}`);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((f) => ({ familyName: f.familyName, glyphCount: f.glyphCount }));
  } finally {
    await cdp.detach();
  }
}

/** Computed `direction` of every element a selector matches. */
export async function computedDirections(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements) => {
    const view = globalThis as unknown as { getComputedStyle(element: unknown): { direction: string } };
    return elements.map((element) => view.getComputedStyle(element).direction);
  });
}
