/**
 * The cut a saved page gets before it becomes a DOM: comments, inert
 * elements with their content, and whitespace between blocks, each in one
 * scan over the page string.
 */

/** A comment, or the start tag of an element dropped with its content (scripts only when long and not JSON-LD). */
const COMMENT_OR_INERT =
  /<!--[\s\S]*?-->|<(style|svg|script|iframe|object|video|audio|select|noscript|nav|footer|template)\b([^>]*)>/gi;
const COMMENTS = /<!--[\s\S]*?-->/g;
const INERT_CLOSE = closingTags([
  'style',
  'svg',
  'script',
  'iframe',
  'object',
  'video',
  'audio',
  'select',
  'noscript',
  'nav',
  'footer',
  'template',
]);

/**
 * Elements at whose edges whitespace never shows: a browser lays them out
 * as blocks (a line starts or ends there, and whitespace at either end of a
 * line is dropped) or not at all, and htmlToText breaks the line at them
 * too. Such whitespace is a text node linkedom builds and Readability walks
 * for nothing: 692 of the 1,818 nodes of an average saved page, 588 of them
 * dropped here.
 */
const BLOCK: ReadonlySet<string> = new Set([
  'html',
  'head',
  'body',
  'meta',
  'link',
  'title',
  'base',
  'script',
  'style',
  'div',
  'p',
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
  'td',
  'th',
  'caption',
  'colgroup',
  'col',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'header',
  'footer',
  'nav',
  'aside',
  'main',
  'form',
  'fieldset',
  'legend',
  'figure',
  'figcaption',
  'blockquote',
  'hr',
  'address',
  'center',
  'noscript',
  'iframe',
  'option',
  'optgroup',
  'select',
  'details',
  'summary',
  'menu',
  'br',
]);
/** Blocks without content: "<br>\n<a>" is not the start of one ("line<br> <a>x</a>" would read "linex"). */
const EMPTY_BLOCK: ReadonlySet<string> = new Set(['br', 'hr', 'meta', 'link', 'base', 'col']);
/**
 * The start of an element whose content is left exactly as written (whitespace
 * shows in it, or it is code), or a tag, the whitespace after it, and the tag
 * that follows (its slash and name).
 */
const VERBATIM_OR_SPACE =
  /<(pre|textarea|listing|xmp|script|style|title)\b[^>]*>|(<\/?([a-zA-Z][a-zA-Z0-9]*)[^<>]*>)[ \t\n\r\f]+(?=<(\/?)([a-zA-Z][a-zA-Z0-9]*))/gi;
const VERBATIM_CLOSE = closingTags(['pre', 'textarea', 'listing', 'xmp', 'script', 'style', 'title']);

/** A searching expression for each element's end tag (compiled once: compiling one per element cost more than the search). */
function closingTags(names: readonly string[]): Readonly<Record<string, RegExp>> {
  return Object.fromEntries(names.map((t) => [t, new RegExp(`<\\/${t}\\s*>`, 'gi')]));
}

/** Comments, and inert elements with their content, cut out. */
function dropInert(html: string): string {
  let kept = '';
  let from = 0;
  const scan = COMMENT_OR_INERT;
  scan.lastIndex = 0;
  for (let m = scan.exec(html); m; m = scan.exec(html)) {
    if (m[1] === undefined) {
      kept += html.slice(from, m.index);
      from = scan.lastIndex;
      continue;
    }
    const tag = m[1].toLowerCase();
    const close = INERT_CLOSE[tag]!;
    const contentStart = scan.lastIndex;
    close.lastIndex = contentStart;
    const end = close.exec(html);
    if (!end) continue; // never closed: left to the parser, as the browser would
    const after = end.index + end[0].length;
    scan.lastIndex = after;
    if (tag === 'script') {
      // Comments inside count as gone (old pages wrap their code in one): the length is the code's.
      let code = html.slice(contentStart, end.index);
      if (code.includes('<!--')) code = code.replace(COMMENTS, '');
      if (/application\/ld\+json/i.test(m[2]!) || code.length <= 600) {
        kept += html.slice(from, contentStart) + code;
        from = end.index;
        continue;
      }
    }
    kept += html.slice(from, m.index);
    from = after;
  }
  return kept + html.slice(from);
}

/** Whitespace-only text between two tags, one of them a block, dropped outside verbatim elements. */
function dropBlockWhitespace(html: string): string {
  let kept = '';
  let from = 0;
  const scan = VERBATIM_OR_SPACE;
  scan.lastIndex = 0;
  for (let m = scan.exec(html); m; m = scan.exec(html)) {
    if (m[1] !== undefined) {
      const close = VERBATIM_CLOSE[m[1].toLowerCase()]!;
      close.lastIndex = scan.lastIndex;
      const end = close.exec(html);
      if (!end) break; // never closed: the rest is left as written
      scan.lastIndex = end.index;
      continue;
    }
    const tag = m[2]!;
    const before = BLOCK.has(m[3]!.toLowerCase());
    const after = BLOCK.has(m[5]!.toLowerCase());
    // Between two blocks, at the start of a block's content, or at its end. Not between the end of
    // a block and an inline element ("<div>by</div> <a>Name</a>"): textContent, which Readability's
    // byline and our date scan read, would glue the two words.
    const opens = before && tag[1] !== '/' && !EMPTY_BLOCK.has(m[3]!.toLowerCase());
    if ((before && after) || opens || (after && m[4] === '/')) {
      kept += html.slice(from, m.index + tag.length);
      from = scan.lastIndex;
    }
  }
  return kept + html.slice(from);
}

/**
 * Drops what no reader needs before the page becomes a DOM: comments, style
 * sheets, inline SVG, long scripts (library code), players, drop-down lists,
 * navigation and footers, and whitespace between block elements. Every node
 * linkedom does not build is time saved twice, in parsing and in
 * Readability. JSON-LD and short inline scripts stay (CNN writes its
 * dateline with document.write). Each pass is one scan that strings the
 * kept slices together without copying them (a page is a 170 KB string;
 * a regular-expression replace or a join copies it, about half a
 * millisecond each time); the parser flattens the result once.
 */
export function stripInert(html: string): string {
  return dropBlockWhitespace(dropInert(html));
}
