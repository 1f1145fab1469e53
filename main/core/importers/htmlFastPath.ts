/**
 * The fast path of HTML import: a page whose JSON-LD names its article in
 * full (a NewsArticle/Article with its `headline` and its `articleBody`,
 * plain text of 300 characters or more) is read from that data alone, with
 * no DOM built and no Readability run. The few other facts (language,
 * direction, canonical address, site name) come from the page's head by a
 * scan of its tags. A page whose data is incomplete goes the full way.
 */
import { decodeHTMLStrict } from 'entities';
import { articleObject, jsonLdObjects, text, type JsonObject } from './htmlMetadata';

/** The same floor as the named-container path of html.ts: less is not trusted alone. */
const MIN_BODY_CHARS = 300;

export interface StructuredArticle {
  headline: string;
  body: string;
  author: string | null;
  date: string | null;
  modified: string | null;
  publisher: string | null;
  url: string | null;
  lang: string | null;
  dir: string | null;
  siteName: string | null;
}

const LD_SCRIPT = /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>([^]*?)<\/script\s*>/gi;

/** A tag's attribute, as written in the page's source (quoted or not). */
function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  const value = m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
  return value === null ? null : decodeHTMLStrict(value).trim() || null;
}

function firstTag(html: string, pattern: RegExp): string | null {
  return pattern.exec(html)?.[0] ?? null;
}

function absolute(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function urlOf(ld: JsonObject, html: string): string | null {
  const canonical = firstTag(html, /<link\b[^>]*\brel\s*=\s*["']?canonical["']?[^>]*>/i);
  const ogUrl = firstTag(html, /<meta\b[^>]*\bproperty\s*=\s*["']?og:url["']?[^>]*>/i);
  return (
    absolute(canonical && attribute(canonical, 'href')) ??
    absolute(ogUrl && attribute(ogUrl, 'content')) ??
    absolute(text(ld['url'] ?? null)) ??
    absolute(text(ld['mainEntityOfPage'] ?? null))
  );
}

/** The page's article from its JSON-LD, when the data holds the whole story; null sends the page the full way. */
export function readStructuredArticle(html: string): StructuredArticle | null {
  if (!/application\/ld\+json/i.test(html)) return null;
  const blocks = [...html.matchAll(LD_SCRIPT)].map((m) => m[1]!);
  const ld = articleObject(jsonLdObjects(blocks));
  if (!ld) return null;
  const rawBody = ld['articleBody'];
  // Sites often write their JSON-LD text HTML-escaped ("AT&amp;T"); a strict decode leaves a bare "&" alone.
  const named = text(ld['headline'] ?? null) ?? text(ld['name'] ?? null);
  const headline = named && named.includes('&') ? decodeHTMLStrict(named) : named;
  // Markup inside articleBody is a page's HTML, which the full path reads better.
  if (typeof rawBody !== 'string' || !headline || /<[a-z!/]/i.test(rawBody)) return null;
  const body = (rawBody.includes('&') ? decodeHTMLStrict(rawBody) : rawBody).trim();
  if (body.length < MIN_BODY_CHARS) return null;
  const htmlTag = firstTag(html, /<html\b[^>]*>/i) ?? '';
  const siteTag = firstTag(html, /<meta\b[^>]*\bproperty\s*=\s*["']?og:site_name["']?[^>]*>/i);
  return {
    headline,
    body,
    author: text(ld['author'] ?? ld['creator'] ?? null),
    date: text(ld['datePublished'] ?? ld['dateCreated'] ?? null),
    modified: text(ld['dateModified'] ?? null),
    publisher: text(ld['publisher'] ?? ld['sourceOrganization'] ?? null),
    url: urlOf(ld, html),
    lang: text(ld['inLanguage'] ?? null) ?? attribute(htmlTag, 'lang'),
    dir: attribute(htmlTag, 'dir'),
    siteName: siteTag ? attribute(siteTag, 'content') : null,
  };
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The article's HTML: its paragraphs, escaped (the data is text, never markup). */
export function paragraphsHtml(body: string): string {
  return body
    .split(/\n\s*\n|\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${escape(p)}</p>`)
    .join('\n');
}
