/**
 * Mozilla's Readability (the Firefox Reader View extractor) run on a page's
 * linkedom DOM for the HTML importer (html.ts).
 */
import { Readability } from '@mozilla/readability';
import type { DomDocument, DomElement } from './dom';
import { hiddenToReadability, type PageScan } from './htmlMetadata';

export interface ReadabilityResult {
  title: string | null;
  content: DomElement | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  dir: string | null;
}

/** Readability's least article (charThreshold below): with less, it tries again with its tests relaxed. */
export const CHAR_THRESHOLD = 300;

/** Readability's methods replaced on an instance, where it is known to call them. */
interface ReadabilityInternals {
  _isProbablyVisible?: (node: DomElement) => boolean;
}

/**
 * Readability's visibility test, read from the attributes. Its own asks every
 * element for its style object, and linkedom builds one (a Map behind a
 * Proxy, parsed from the style attribute) for each element asked, with or
 * without a style attribute: 4 % of a page's parse.
 */
function probablyVisible(node: DomElement): boolean {
  return !hiddenToReadability(node);
}

/** Readability keeps a node when asked for one instead of an HTML string, so the text and the sanitized HTML come from one tree. */
function runReadability(doc: DomDocument): ReadabilityResult | null {
  const reader = new Readability<DomElement>(doc as never, {
    serializer: (node: unknown) => node as DomElement,
    // Keep short wire stories: the default 500 characters drops them back to the fallback.
    charThreshold: CHAR_THRESHOLD,
    // JSON-LD is read once, by htmlMetadata.ts.
    disableJSONLD: true,
    // The sanitizer drops every class: Readability need not walk the article to strip them first.
    keepClasses: true,
  });
  // An own property: where a later Readability no longer has the method, it is never called.
  const internals = reader as unknown as ReadabilityInternals;
  if (typeof internals._isProbablyVisible === 'function') internals._isProbablyVisible = probablyVisible;
  const result = reader.parse();
  if (!result) return null;
  return {
    title: result.title ?? null,
    content: result.content ?? null,
    byline: result.byline ?? null,
    siteName: result.siteName ?? null,
    publishedTime: result.publishedTime ?? null,
    lang: result.lang ?? null,
    dir: result.dir ?? null,
  };
}

/** Readability on a page whose metadata was read: hidden elements go first (its own test, without its copying them). */
export function readArticle(doc: DomDocument, scan: PageScan): ReadabilityResult | null {
  for (const el of scan.hidden) el.remove();
  try {
    return runReadability(doc);
  } catch {
    // Readability gives up on some malformed trees; the fallback still reads the page.
    return null;
  }
}
