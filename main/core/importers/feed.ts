/**
 * News feeds: RSS 2.0 (and RSS 1.0/RDF) and Atom files. Each item is an
 * article: its full content (RSS `content:encoded`, Atom `content`) when the
 * feed carries it, else its summary (`description`, `summary`), imported as
 * it is and tagged `feed summary` so that a reader knows the story is cut.
 * The channel's title is the source; the item's link its address.
 *
 * A file that is not a feed (an HTML page saved as .xml or .rss, a sitemap)
 * is refused naming the file and what it is.
 */
import { DOMParser } from 'linkedom';
import { buildArticle, cleanLine } from './article';
import { decodeText, sniffDeclaredCharset } from './decode';
import { parseHtmlDocument, type DomElement } from './dom';
import { firstSentenceTitle } from './plainText';
import { htmlToText, sanitizeChildren } from './sanitize';
import { ImportError, type Importer, type ParsedRecord, type SourceFile } from './types';

/** The tag a summary-only item carries. */
export const SUMMARY_TAG = 'feed summary';

/** Summaries at least this long (characters of text) are taken as full items: many feeds put the story in `description`. */
const FULL_TEXT_CHARS = 1500;

interface XmlElement extends DomElement {
  getElementsByTagName(name: string): ArrayLike<XmlElement>;
}

/** The first direct child of one of these names (qualified names as written: "content:encoded"). */
function child(parent: XmlElement, ...names: string[]): XmlElement | null {
  for (const name of names) {
    for (const el of Array.from(parent.children) as XmlElement[]) if (el.tagName.toLowerCase() === name) return el;
  }
  return null;
}

const textOf = (el: XmlElement | null) => (el?.textContent ?? '').trim();

/** An item's HTML (or text) as article text and sanitized HTML. */
function readContent(markup: string, url: string | null): { text: string; html: string } {
  const doc = parseHtmlDocument(markup);
  const body = doc.body ?? doc.documentElement;
  return { text: htmlToText(body).trim(), html: sanitizeChildren(body, { baseUrl: url }) };
}

/** Atom `content`/`summary`: type="xhtml" holds markup as children, "html" as escaped text, "text" as text. */
function atomMarkup(el: XmlElement | null): string {
  if (!el) return '';
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  if (type === 'xhtml') return (el as unknown as { innerHTML: string }).innerHTML;
  if (type === 'html' || type === 'text/html') return el.textContent ?? '';
  return (el.textContent ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/\n{2,}/g, '<br><br>');
}

interface FeedItem {
  title: string;
  url: string | null;
  date: string | null;
  author: string | null;
  full: string;
  summary: string;
}

function rssItems(root: XmlElement): FeedItem[] {
  return (Array.from(root.getElementsByTagName('item')) as XmlElement[]).map((item) => ({
    title: textOf(child(item, 'title')),
    url: textOf(child(item, 'link', 'guid')) || null,
    date: textOf(child(item, 'pubdate', 'dc:date', 'published', 'updated')) || null,
    author: textOf(child(item, 'dc:creator', 'author')) || null,
    full: textOf(child(item, 'content:encoded')),
    summary: textOf(child(item, 'description')),
  }));
}

function atomItems(root: XmlElement): FeedItem[] {
  return (Array.from(root.getElementsByTagName('entry')) as XmlElement[]).map((entry) => {
    const links = (Array.from(entry.children) as XmlElement[]).filter((el) => el.tagName.toLowerCase() === 'link');
    const link = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ?? links[0];
    const author = child(entry, 'author');
    return {
      title: textOf(child(entry, 'title')),
      url: link?.getAttribute('href') ?? null,
      date: textOf(child(entry, 'published', 'updated')) || null,
      author: author ? textOf(child(author, 'name')) || textOf(author) : null,
      full: atomMarkup(child(entry, 'content')),
      summary: atomMarkup(child(entry, 'summary')),
    };
  });
}

function notAFeed(file: SourceFile, what: string): ImportError {
  return new ImportError(
    'IMPORT_PARSE_FAILED',
    `${file.path}: this is ${what}, not an RSS or Atom feed${what.includes('HTML') ? '; name it .html to import the page' : ''}`,
  );
}

export function parseFeed(file: SourceFile): ParsedRecord[] {
  const { text, encoding } = decodeText(file.bytes, file.path, { declared: sniffDeclaredCharset(file.bytes) });
  const head = text.slice(0, 2000).toLowerCase();
  if (/<!doctype html|<html[\s>]/.test(head)) throw notAFeed(file, 'an HTML page');
  if (!/<(rss|feed|rdf:rdf)[\s>]/.test(head)) {
    const root = /<([a-z][\w:.-]*)[\s>]/.exec(head.replace(/<\?[^>]*\?>|<!--[^]*?-->|<![^>]*>/g, ''))?.[1];
    throw notAFeed(file, root ? `an XML document (<${root}>)` : 'not XML');
  }
  let doc: { documentElement: XmlElement | null };
  try {
    doc = new DOMParser().parseFromString(text, 'text/xml') as unknown as { documentElement: XmlElement | null };
  } catch (error) {
    throw new ImportError('IMPORT_PARSE_FAILED', `${file.path}: the feed's XML is damaged (${String(error)})`);
  }
  const root = doc.documentElement;
  if (!root) throw new ImportError('IMPORT_PARSE_FAILED', `${file.path}: the feed's XML is damaged`);
  const rootName = root.tagName.toLowerCase();
  const atom = rootName === 'feed';
  const channel = atom ? root : (child(root, 'channel') ?? root);
  const source = cleanLine(textOf(child(channel, 'title'))) || null;
  const items = atom ? atomItems(root) : rssItems(root);
  if (items.length === 0) throw new ImportError('IMPORT_EMPTY', `${file.path}: the feed holds no items`);
  const format = atom ? 'atom' : 'rss';
  return items.map((item, k): ParsedRecord => {
    const path = `${file.path}#${k + 1}`;
    const full = item.full ? readContent(item.full, item.url) : null;
    const summary = item.summary ? readContent(item.summary, item.url) : null;
    const content = full && full.text !== '' ? full : summary;
    if (!content || content.text === '')
      return { ok: false, error: { path, code: 'IMPORT_EMPTY', message: `${path}: the item has no text` } };
    const summaryOnly = content === summary && summary.text.length < FULL_TEXT_CHARS;
    return {
      ok: true,
      article: buildArticle({
        title: cleanLine(item.title) || firstSentenceTitle(content.text),
        body: content.text,
        author: item.author,
        source,
        date: item.date,
        url: item.url,
        originPath: path,
        originFormat: format,
        encoding,
        bodyHtml: content.html,
        tags: summaryOnly ? [SUMMARY_TAG] : [],
      }),
    };
  });
}

export const feedImporter: Importer = {
  id: 'feed',
  label: 'News feed (RSS, Atom)',
  extensions: ['.rss', '.atom', '.xml'],
  parse: (file) => parseFeed(file),
};
