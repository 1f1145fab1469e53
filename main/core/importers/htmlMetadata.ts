/**
 * What a saved page says about itself: Open Graph and article:* meta tags,
 * Dublin Core and the newsroom-specific names, schema.org JSON-LD and
 * microdata, <time datetime>, <link rel=canonical>, <html lang dir>.
 * Read before Readability runs, because Readability rewrites the document.
 */
import { ELEMENT_NODE, type DomDocument, type DomElement } from './dom';

export interface PageMetadata {
  title: string | null;
  author: string | null;
  /** Publication dates as written in the page's markup, most trustworthy first (unparsed). */
  dates: string[];
  /** Last-modified dates: a fallback when the page states no publication date. */
  modifiedDates: string[];
  siteName: string | null;
  lang: string | null;
  dir: 'rtl' | 'ltr' | null;
  url: string | null;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

const DATE_META = [
  'article:published_time',
  'og:published_time',
  'article:published',
  'published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'date_published',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.date',
  'dc.date.created',
  'dcterms.created',
  'sailthru.date',
  'parsely-pub-date',
  'article.published',
  'originalpublicationdate',
  'ptime',
  'date',
  'displaydate',
  'timestamp',
];
const MODIFIED_META = ['og:updated_time', 'article:modified_time', 'dateModified', 'last-modified', 'lastmod'];
/** Words in a class or id that say the element holds the article's date (CNN's cnn_strytmstmp, AOL's postTime, ...). */
export const DATE_NAMES = [
  'date',
  'Date',
  'time',
  'Time',
  'stamp',
  'tmstmp',
  'published',
  'Published',
  'posted',
  'dateline',
  'byline',
];
const AUTHOR_META = [
  'author',
  'article:author',
  'dc.creator',
  'dcterms.creator',
  'byl',
  'sailthru.author',
  'parsely-author',
  'twitter:creator',
];
const SITE_META = [
  'og:site_name',
  'application-name',
  'publisher',
  'dc.publisher',
  'dcterms.publisher',
  'cre',
  'twitter:site',
];
const TITLE_META = ['og:title', 'twitter:title', 'dc.title', 'headline', 'sailthru.title', 'parsely-title'];
const ARTICLE_TYPES =
  /(^|:)(NewsArticle|Article|ReportageNews|BlogPosting|AnalysisNewsArticle|OpinionNewsArticle|Report|ScholarlyArticle|LiveBlogPosting|WebPage)$/;

function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const v = value.replace(/\s+/g, ' ').trim();
  return v === '' ? null : v;
}

function isUrl(value: string): boolean {
  return /^(https?:)?\/\//i.test(value) || /^www\./i.test(value);
}

/** meta name/property/itemprop (lower-cased) → first non-empty content. */
function metaMap(metas: readonly DomElement[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of metas) {
    const content = clean(m.getAttribute('content'));
    if (content === null) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = m.getAttribute(attr)?.trim().toLowerCase();
      if (key && !map.has(key)) map.set(key, content);
    }
  }
  return map;
}

function first(
  map: Map<string, string>,
  keys: readonly string[],
  accept: (v: string) => boolean = () => true,
): string | null {
  for (const k of keys) {
    const v = map.get(k);
    if (v !== undefined && accept(v)) return v;
  }
  return null;
}

// ---------------------------------------------------------------------------
// JSON-LD

/** Every object of the page's JSON-LD blocks (their text), @graph members included. */
export function jsonLdObjects(blocks: readonly string[]): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (value: Json, depth: number) => {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    out.push(value);
    const graph = value['@graph'];
    if (graph) visit(graph, depth + 1);
  };
  for (const block of blocks) {
    const raw = block.trim().replace(/^<!--|-->$/g, '');
    try {
      visit(JSON.parse(raw) as Json, 0);
    } catch {
      // Broken JSON-LD is common; the rest of the page still has its say.
    }
  }
  return out;
}

function typeOf(o: JsonObject): string {
  const t = o['@type'];
  return Array.isArray(t) ? t.filter((x) => typeof x === 'string').join(' ') : typeof t === 'string' ? t : '';
}

/** A JSON-LD value as text: a string, the names of a list, an object's name. */
export function text(value: Json | undefined): string | null {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) {
    const names = value.map((v) => text(v)).filter((v): v is string => v !== null);
    return names.length > 0 ? names.join(', ') : null;
  }
  if (value && typeof value === 'object') return text(value['name']);
  return null;
}

/** The page's article among its JSON-LD objects: an article type first, the one with a date first. */
export function articleObject(objects: JsonObject[]): JsonObject | null {
  const typed = objects.filter((o) =>
    typeOf(o)
      .split(' ')
      .some((t) => ARTICLE_TYPES.test(t)),
  );
  // An article type beats WebPage; among those, the one that has a date.
  typed.sort((a, b) => Number(/WebPage/.test(typeOf(a))) - Number(/WebPage/.test(typeOf(b))));
  return (
    typed.find((o) => o['datePublished'] !== undefined) ??
    typed[0] ??
    objects.find((o) => o['datePublished'] !== undefined) ??
    null
  );
}

// ---------------------------------------------------------------------------

function attr(el: DomElement | null, name: string): string | null {
  return el ? clean(el.getAttribute(name)) : null;
}

/** First subtag, lower case: "en-US" → "en", "zh-Hans" → "zh", "en_GB" → "en". */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const m = /^\s*([a-z]{2,3})(?:[-_]|$)/i.exec(tag ?? '');
  return m ? m[1]!.toLowerCase() : null;
}

function absolute(url: string | null, base: string | null): string | null {
  if (!url) return null;
  try {
    const u = base ? new URL(url, base) : new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------
// One walk over the page

/**
 * The elements the metadata comes from, found in one pass over the page
 * instead of a selector query each (linkedom walks the whole tree for every
 * querySelector; a dozen of them took 3 ms a page). Each field is what the
 * selector in its comment would return, in document order.
 */
export interface PageScan {
  /** meta */
  metas: DomElement[];
  /** script[type="application/ld+json"] */
  jsonLd: DomElement[];
  /** base[href] */
  base: DomElement | null;
  /** link[rel="canonical"] */
  canonical: DomElement | null;
  /** [itemprop="datePublished"] */
  itemDate: DomElement | null;
  /** time[pubdate], article time[datetime], time[datetime] */
  pubdateTime: DomElement | null;
  articleTime: DomElement | null;
  datetimeTime: DomElement | null;
  /** .published[title] (hAtom) */
  publishedTitle: DomElement | null;
  /** [itemprop="author"] [itemprop="name"], [itemprop="author"] */
  authorName: DomElement | null;
  author: DomElement | null;
  /** Elements whose class or id holds one of DATE_NAMES. */
  dateNamed: DomElement[];
  /** [itemprop="articleBody"]: the story's container, where the markup names it. */
  articleBodies: DomElement[];
  /**
   * Elements inside the body that Readability drops unseen as hidden
   * (hidden, aria-hidden="true", style display:none or visibility:hidden),
   * its own test: removed before it runs, it need not copy, prepare and
   * walk them first.
   */
  hidden: DomElement[];
}

/**
 * Readability's _isProbablyVisible, negated; the style is read (and parsed by linkedom) only where there is one.
 * `cls`: the class attribute when the caller has it (else read here, only for an aria-hidden element).
 */
export function hiddenToReadability(el: DomElement, cls?: string | null): boolean {
  if (el.getAttributeNode('hidden')) return true;
  if (el.getAttributeNode('aria-hidden')?.value === 'true') {
    const names = cls !== undefined ? cls : (el.getAttributeNode('class')?.value ?? null);
    if (!names?.includes('fallback-image')) return true;
  }
  if (!el.getAttributeNode('style')) return false;
  const style = (el as unknown as { style?: { display?: string; visibility?: string } }).style;
  return style?.display === 'none' || style?.visibility === 'hidden';
}

function hasAncestor(el: DomElement, test: (a: DomElement) => boolean): boolean {
  for (let p = el.parentNode; p && p.nodeType === ELEMENT_NODE; p = p.parentNode)
    if (test(p as DomElement)) return true;
  return false;
}

export function scanPage(doc: DomDocument): PageScan {
  const scan: PageScan = {
    metas: [],
    jsonLd: [],
    base: null,
    canonical: null,
    itemDate: null,
    pubdateTime: null,
    articleTime: null,
    datetimeTime: null,
    publishedTitle: null,
    authorName: null,
    author: null,
    dateNamed: [],
    articleBodies: [],
    hidden: [],
  };
  const all = doc.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    const tag = el.localName;
    if (tag === 'meta') scan.metas.push(el);
    else if (tag === 'script') {
      if (el.getAttribute('type')?.toLowerCase() === 'application/ld+json') scan.jsonLd.push(el);
    } else if (tag === 'base') {
      if (!scan.base && el.getAttribute('href') !== null) scan.base = el;
    } else if (tag === 'link') {
      if (!scan.canonical && el.getAttribute('rel')?.toLowerCase() === 'canonical') scan.canonical = el;
    } else if (tag === 'time') {
      if (!scan.pubdateTime && el.getAttribute('pubdate') !== null) scan.pubdateTime = el;
      if (el.getAttribute('datetime') !== null) {
        scan.datetimeTime ??= el;
        if (!scan.articleTime && hasAncestor(el, (a) => a.localName === 'article')) scan.articleTime = el;
      }
    }
    const itemprop = el.getAttribute('itemprop');
    if (itemprop === 'datePublished') scan.itemDate ??= el;
    else if (itemprop === 'author') scan.author ??= el;
    else if (itemprop === 'articleBody') scan.articleBodies.push(el);
    else if (itemprop === 'name' && !scan.authorName && hasAncestor(el, (a) => a.getAttribute('itemprop') === 'author'))
      scan.authorName = el;
    const cls = el.getAttributeNode('class')?.value ?? null;
    const id = el.getAttribute('id');
    if (cls !== null && !scan.publishedTitle && /(^|\s)published(\s|$)/.test(cls) && el.getAttribute('title') !== null)
      scan.publishedTitle = el;
    if (
      (cls !== null && DATE_NAMES.some((w) => cls.includes(w))) ||
      (id !== null && DATE_NAMES.some((w) => id.includes(w)))
    )
      scan.dateNamed.push(el);
    if (tag !== 'html' && tag !== 'head' && tag !== 'body' && hiddenToReadability(el, cls)) scan.hidden.push(el);
  }
  return scan;
}

export function readPageMetadata(
  doc: DomDocument,
  pageUrl: string | null = null,
  scan: PageScan = scanPage(doc),
): PageMetadata {
  const meta = metaMap(scan.metas);
  const ld = articleObject(jsonLdObjects(scan.jsonLd.map((el) => el.textContent ?? '')));
  const html = doc.documentElement;
  const body = doc.body;

  const baseHref = attr(scan.base, 'href');
  const ogUrl = first(meta, ['og:url', 'twitter:url']);
  const base = absolute(pageUrl, null) ?? absolute(ogUrl, null) ?? absolute(baseHref, null);
  const ldUrl = ld ? (text(ld['url']) ?? text(ld['mainEntityOfPage'] ?? null)) : null;
  const canonical = attr(scan.canonical, 'href');
  const url = absolute(canonical, base) ?? absolute(ogUrl, base) ?? absolute(ldUrl, base) ?? absolute(pageUrl, null);

  const dates: string[] = [];
  const add = (list: string[], v: string | null | undefined) => {
    const c = clean(v);
    if (c !== null && c.length <= 200 && !list.includes(c)) list.push(c);
  };
  for (const k of DATE_META) add(dates, meta.get(k));
  if (ld) {
    add(dates, text(ld['datePublished']));
    add(dates, text(ld['dateCreated']));
  }
  const itemDate = scan.itemDate;
  add(dates, attr(itemDate, 'datetime') ?? attr(itemDate, 'content') ?? clean(itemDate?.textContent));
  for (const time of [scan.pubdateTime, scan.articleTime, scan.datetimeTime]) add(dates, attr(time, 'datetime'));
  // hAtom: <abbr class="published" title="2010-08-13T16:39:00-04:00">
  add(dates, attr(scan.publishedTitle, 'title'));

  const modifiedDates: string[] = [];
  for (const k of MODIFIED_META) add(modifiedDates, meta.get(k.toLowerCase()));
  if (ld) add(modifiedDates, text(ld['dateModified']));

  const ldAuthor = ld ? text(ld['author'] ?? ld['creator'] ?? null) : null;
  const itemAuthor = scan.authorName ?? scan.author;
  const author =
    (ldAuthor && !isUrl(ldAuthor) ? ldAuthor : null) ??
    first(meta, AUTHOR_META, (v) => !isUrl(v) && !v.startsWith('@')) ??
    clean(itemAuthor?.textContent);

  const ldPublisher = ld ? text(ld['publisher'] ?? ld['sourceOrganization'] ?? null) : null;
  const siteName =
    first(meta, SITE_META.slice(0, 1)) ??
    ldPublisher ??
    first(meta, SITE_META.slice(1), (v) => !isUrl(v) && !v.startsWith('@'));

  const title = (ld ? text(ld['headline']) : null) ?? first(meta, TITLE_META);

  const langAttr = attr(html, 'lang') ?? attr(html, 'xml:lang') ?? attr(body, 'lang');
  const lang =
    primaryLanguage(langAttr) ??
    primaryLanguage(first(meta, ['content-language', 'language', 'dc.language', 'og:locale'])) ??
    primaryLanguage(ld ? text(ld['inLanguage']) : null);

  const dirAttr = (attr(html, 'dir') ?? attr(body, 'dir'))?.toLowerCase();
  const dir = dirAttr === 'rtl' || dirAttr === 'ltr' ? dirAttr : null;

  return {
    title,
    author,
    dates,
    modifiedDates,
    siteName: siteName && !isUrl(siteName) ? siteName : null,
    lang,
    dir,
    url,
  };
}

/**
 * Texts of elements whose class or id says they hold a date, in page order
 * (read from the scan taken before Readability rewrites the page). Their
 * text costs a walk each, so the importer asks only when the markup states
 * no usable date.
 */
export function findPageDateTexts(scan: PageScan): string[] {
  const out: string[] = [];
  const found = scan.dateNamed;
  for (let i = 0; i < found.length && out.length < 20; i++) {
    const t = clean(found[i]!.textContent);
    if (t !== null && t.length <= 300 && !out.includes(t)) out.push(t);
  }
  return out;
}

/** "www.alriyadh.com" → "alriyadh.com": an outlet's name when the page states none. */
export function hostName(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\d?\./, '') || null;
  } catch {
    return null;
  }
}
