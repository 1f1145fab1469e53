/**
 * Mozilla's Readability (the Firefox Reader View extractor) run on a page's
 * linkedom DOM for the HTML importer (html.ts).
 */
import { Readability } from '@mozilla/readability';
import { parseHtmlDocument, type DomDocument, type DomElement } from './dom';
import { hiddenToReadability, scanPage, type PageScan } from './htmlMetadata';
import { htmlToText } from './sanitize';

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

/** Thrown where Readability would start again on a short article, when the caller reads the whole page instead. */
class ShortFirstPass extends Error {}

/**
 * Readability keeps the page's HTML before its first pass and, when the
 * article found is short, rebuilds the page from it and tries again with
 * a test switched off. On a pruned page the caller does that itself, on the
 * whole page: the copy is not made (serializing the page was 3 % of its
 * parse), and the rebuild stops Readability.
 */
function withoutRetryCopy(body: DomElement): () => void {
  Object.defineProperty(body, 'innerHTML', {
    configurable: true,
    get: () => '',
    set: () => {
      throw new ShortFirstPass();
    },
  });
  return () => delete (body as unknown as { innerHTML?: string }).innerHTML;
}

/** Readability keeps a node when asked for one instead of an HTML string, so the text and the sanitized HTML come from one tree. */
function runReadability(doc: DomDocument, firstPassOnly: boolean): ReadabilityResult | null {
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
  const restore = firstPassOnly && doc.body ? withoutRetryCopy(doc.body) : null;
  let result;
  try {
    result = reader.parse();
  } finally {
    restore?.();
  }
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

/**
 * Readability on a page whose metadata was read: hidden elements go first
 * (its own test, without its copying them). With `firstPassOnly`, an
 * article shorter than CHAR_THRESHOLD is 'short' and Readability does not
 * try again (the caller reads the whole page).
 */
export function readArticle(doc: DomDocument, scan: PageScan): ReadabilityResult | null;
export function readArticle(
  doc: DomDocument,
  scan: PageScan,
  firstPassOnly: boolean,
): ReadabilityResult | null | 'short';
export function readArticle(
  doc: DomDocument,
  scan: PageScan,
  firstPassOnly = false,
): ReadabilityResult | null | 'short' {
  for (const el of scan.hidden) el.remove();
  try {
    return runReadability(doc, firstPassOnly);
  } catch (error) {
    if (error instanceof ShortFirstPass) return 'short';
    // Readability gives up on some malformed trees; the fallback still reads the page.
    return null;
  }
}

export interface ArticleReading {
  extracted: ReadabilityResult | null;
  content: DomElement | null;
  /** The content's text (empty without content). */
  text: string;
}

/**
 * The article Readability finds on a page cut by pruneUnlikely (`pruned`,
 * parsed as `doc` and scanned), or on the whole page (`html`) where the cut
 * one gives less than an article: Readability then tries again without its
 * furniture test, so it must see the furniture.
 */
export function readPrunedArticle(html: string, cut: boolean, doc: DomDocument, scan: PageScan): ArticleReading {
  const first = readArticle(doc, scan, cut);
  let extracted = first === 'short' ? null : first;
  let content = extracted?.content ?? null;
  let text = content ? htmlToText(content).trim() : '';
  if (cut && text.length < CHAR_THRESHOLD) {
    const whole = parseHtmlDocument(html);
    extracted = readArticle(whole, scanPage(whole));
    content = extracted?.content ?? null;
    text = content ? htmlToText(content).trim() : '';
  }
  return { extracted, content, text };
}
