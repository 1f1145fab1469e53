/**
 * Article HTML made safe to keep, and article HTML turned into text.
 *
 * Why not DOMPurify here: DOMPurify needs a browser-grade DOM. On linkedom
 * it reports `isSupported === false` (no document.implementation) and then
 * returns its input unchanged — it fails open. Its guarantees also rest on
 * the browser's own parser; a parse on linkedom serialized back to a string
 * could be re-read differently by Chromium. So the sanitizer is an allowlist
 * *serializer*: it walks the parsed tree and writes only known elements and
 * attributes, with every text and attribute value escaped. Nothing it emits
 * can be re-parsed into anything else: no raw-text elements (script, style,
 * textarea, title), no comments, no foreign content (svg, math), no URL
 * other than http(s)/mailto links and inline raster images, no event
 * handler, no style. The renderer may still run DOMPurify over it in the
 * browser as a second wall.
 */
import { isElement, TEXT_NODE, type DomElement, type DomNode } from './dom';

/** Elements kept as themselves. */
const KEEP: ReadonlySet<string> = new Set([
  'p',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'code',
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'small',
  'mark',
  'q',
  'cite',
  'abbr',
  'time',
  'span',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'figure',
  'figcaption',
  'a',
  'img',
  'div',
  'section',
  'article',
  'del',
  'ins',
  'bdi',
  'bdo',
  'wbr',
  'address',
  'kbd',
  'samp',
  'var',
]);

/** Elements dropped with everything inside: code, foreign content, embedded and remote things, forms. */
const DROP: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
  'source',
  'track',
  'picture',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'option',
  'optgroup',
  'datalist',
  'output',
  'link',
  'meta',
  'base',
  'title',
  'head',
  'dialog',
  'portal',
  'slot',
  'xmp',
  'plaintext',
  'noembed',
  'noframes',
  'param',
  'map',
  'area',
  'marquee',
  'isindex',
  'keygen',
  'menu',
  'nav',
]);

const VOID: ReadonlySet<string> = new Set(['br', 'hr', 'img', 'wbr']);

/** Attributes allowed on any kept element, each with its own value check. */
const GLOBAL_ATTRS: Readonly<Record<string, (v: string) => string | null>> = {
  lang: (v) => (/^[a-z]{1,8}(-[a-z0-9]{1,8})*$/i.test(v) ? v : null),
  dir: (v) => (/^(ltr|rtl|auto)$/i.test(v) ? v.toLowerCase() : null),
  title: (v) => v.slice(0, 500),
};

const digits = (v: string) => (/^\d{1,4}$/.test(v.trim()) ? v.trim() : null);

const ELEMENT_ATTRS: Readonly<Record<string, Readonly<Record<string, (v: string) => string | null>>>> = {
  td: { colspan: digits, rowspan: digits },
  th: { colspan: digits, rowspan: digits },
  ol: { start: digits },
  li: { value: digits },
  time: { datetime: (v) => (/^[\dT:.+\-Z ]{4,40}$/.test(v) ? v : null) },
  img: { alt: (v) => v.slice(0, 1000), width: digits, height: digits },
};

/** Whitespace and controls browsers ignore inside a URL ("java\nscript:"). */
const URL_NOISE = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g;

/** A link target that cannot run code or fetch anything by itself: absolute http(s), mailto, or a fragment. */
export function safeHref(raw: string, base: string | null): string | null {
  const compact = raw.replace(URL_NOISE, '');
  if (compact === '') return null;
  if (compact.startsWith('#')) return compact.length <= 2000 ? compact : null;
  let url: URL;
  try {
    url = base ? new URL(raw.trim(), base) : new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'mailto:') return null;
  // The scheme as a browser would read the original string must agree (no "javascript:" hiding behind a base URL).
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https' && scheme !== 'mailto') return null;
  const href = url.href;
  return href.length <= 4000 ? href : null;
}

/** Only images carried inside the page itself, and only raster formats (an SVG data URL can hold script). */
function safeImageSrc(raw: string): string | null {
  const compact = raw.replace(URL_NOISE, '');
  return /^data:image\/(png|jpeg|jpg|gif|webp);base64,[a-z0-9+/=]+$/i.test(compact) && compact.length <= 2_000_000
    ? compact
    : null;
}

function escapeText(text: string): string {
  return text.replace(/[&<>\u0000]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : ''));
}

function escapeAttr(text: string): string {
  return text.replace(/[&<>"'\u0000]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : c === "'" ? '&#39;' : '',
  );
}

export interface SanitizeOptions {
  /** The page's own address, to make relative links absolute (they are dropped without one). */
  baseUrl?: string | null;
}

/** Nesting deeper than this is flattened to text: real articles never come near it, hostile ones might. */
const MAX_DEPTH = 100;

/** The element's children as safe HTML. */
export function sanitizeChildren(root: DomNode, options: SanitizeOptions = {}): string {
  const out: string[] = [];
  const base = options.baseUrl ?? null;

  const walk = (node: DomNode, depth: number): void => {
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.nodeType === TEXT_NODE) {
        out.push(escapeText(child.textContent ?? ''));
        continue;
      }
      if (!isElement(child)) continue; // comments, processing instructions, doctype
      const tag = child.localName.toLowerCase();
      if (DROP.has(tag) || tag.includes(':')) continue;
      if (!KEEP.has(tag) || depth >= MAX_DEPTH) {
        // Unknown or presentational (font, center, custom elements): keep the content, not the element.
        if (depth >= MAX_DEPTH) out.push(escapeText(child.textContent ?? ''));
        else walk(child, depth + 1);
        continue;
      }
      const attrs = safeAttributes(child, tag, base);
      if (attrs === null) continue; // an image with nothing safe to show
      out.push(`<${tag}${attrs}>`);
      if (VOID.has(tag)) continue;
      walk(child, depth + 1);
      out.push(`</${tag}>`);
    }
  };
  walk(root, 0);
  return out.join('');
}

function safeAttributes(el: DomElement, tag: string, base: string | null): string | null {
  let out = '';
  const specific = ELEMENT_ATTRS[tag];
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const { name, value } = attrs[i]!;
    const key = name.toLowerCase();
    const check = GLOBAL_ATTRS[key] ?? specific?.[key];
    if (!check) continue;
    const safe = check(value);
    if (safe !== null) out += ` ${key}="${escapeAttr(safe)}"`;
  }
  if (tag === 'a') {
    const href = el.getAttribute('href');
    const safe = href === null ? null : safeHref(href, base);
    if (safe !== null) out += ` href="${escapeAttr(safe)}" rel="noopener noreferrer nofollow"`;
  }
  if (tag === 'img') {
    const src = safeImageSrc(el.getAttribute('src') ?? '');
    if (src === null) return null;
    out += ` src="${escapeAttr(src)}"`;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Text

/** Elements that start a new line of text; the paragraph-like ones a new paragraph. */
const PARAGRAPH: ReadonlySet<string> = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'dl',
  'table',
  'figure',
  'hr',
  'address',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
]);
const LINE: ReadonlySet<string> = new Set([
  'div',
  'li',
  'dt',
  'dd',
  'tr',
  'figcaption',
  'caption',
  'br',
  'center',
  'fieldset',
  'details',
  'summary',
]);
const CELL: ReadonlySet<string> = new Set(['td', 'th']);

/**
 * The readable text of an element: paragraphs separated by a blank line,
 * block elements on their own lines, whitespace collapsed as a browser
 * collapses it (kept in <pre>), table cells separated by tabs.
 */
export function htmlToText(root: DomNode): string {
  const parts: string[] = [];
  // 0 = inside a line, 1 = a line break is pending, 2 = a paragraph break is pending
  let pending = 0;
  let atStart = true;
  let spacePending = false;

  const breakLine = (level: 1 | 2) => {
    if (!atStart) pending = Math.max(pending, level);
    spacePending = false;
  };
  const emit = (text: string, pre: boolean) => {
    if (!pre) {
      const collapsed = text.replace(/[\t\n\f\r ]+/g, ' ');
      if (collapsed === ' ') {
        if (!atStart && pending === 0) spacePending = true;
        return;
      }
      if (collapsed === '') return;
      const leading = collapsed.startsWith(' ');
      const body = collapsed.trim();
      const trailing = collapsed.endsWith(' ');
      if (pending > 0) parts.push(pending === 2 ? '\n\n' : '\n');
      else if ((spacePending || leading) && !atStart) parts.push(' ');
      parts.push(body);
      pending = 0;
      atStart = false;
      spacePending = trailing;
      return;
    }
    if (text === '') return;
    if (pending > 0) parts.push(pending === 2 ? '\n\n' : '\n');
    parts.push(text);
    pending = 0;
    atStart = false;
    spacePending = false;
  };

  const walk = (node: DomNode, pre: boolean, depth: number): void => {
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.nodeType === TEXT_NODE) {
        emit(child.textContent ?? '', pre);
        continue;
      }
      if (!isElement(child)) continue;
      const tag = child.localName.toLowerCase();
      if (DROP.has(tag)) continue;
      if (tag === 'br') {
        breakLine(1);
        continue;
      }
      const para = PARAGRAPH.has(tag);
      const line = LINE.has(tag);
      if (para) breakLine(2);
      else if (line) breakLine(1);
      else if (CELL.has(tag) && !atStart && pending === 0) parts.push('\t');
      if (depth < 400) walk(child, pre || tag === 'pre', depth + 1);
      else emit(child.textContent ?? '', pre);
      if (para) breakLine(2);
      else if (line) breakLine(1);
    }
  };
  walk(root, false, 0);
  return parts.join('');
}
