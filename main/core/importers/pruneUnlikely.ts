/**
 * Cuts out of a saved page, before it becomes a DOM, the containers that
 * Readability's first pass drops unseen: a block whose class or id reads
 * like page furniture (sidebar, comments, related, menu, ...) or whose role
 * is navigation, a menu or a dialog. Readability removes such a node as soon
 * as its walk reaches it, before looking inside; on the 45 saved pages they
 * hold half of the nodes linkedom would build (and Readability would copy
 * into its retry cache and prepare) for nothing.
 *
 * The page is read once with htmlparser2, the tokenizer linkedom itself
 * builds its tree with, so a container's extent is the one the DOM would
 * give it, implied closes included. Readability's own tests are used (its
 * regular expressions and roles), and a container is kept whenever cutting
 * it could change anything read from the page:
 *  - Readability would keep it: inside a table or code (checked at any depth,
 *    Readability looks 4 levels up), an anchor, or its class/id/rel/itemprop
 *    could make it the byline (tested before the unlikely test);
 *  - something inside is read by the metadata scan or Readability's title:
 *    h1/h2, meta, link, base, time, JSON-LD, any itemprop;
 *  - its start tag closes an open element (a div inside a p): without it the
 *    text after it would join that element.
 * An element inside whose class or id names a date (read by the metadata
 * scan when the markup states none) does not keep its container: the
 * container keeps its tags and those elements, in place, and loses the rest
 * (on the 45 saved pages such containers held a sixth of the markup). One
 * named like a byline is not read: Readability's first pass never looks
 * inside the container.
 * The caller re-reads the unpruned page when Readability finds less than an
 * article there (its retry without this test would have looked inside).
 */
import { Readability } from '@mozilla/readability';
import { Parser } from 'htmlparser2';
import { HTML_ROOT, parseHtmlDocument, TREE_PARSER_OPTIONS, TreeBuilder, type DomDocument } from './dom';
import { DATE_NAMES } from './htmlMetadata';

/** Elements that hold blocks and close only at their own end tag (a p or li closes implicitly). */
const CONTAINERS: ReadonlySet<string> = new Set([
  'div',
  'section',
  'aside',
  'ul',
  'ol',
  'dl',
  'table',
  'form',
  'header',
]);
/** Elements whose presence inside a container keeps it: the metadata scan reads them. */
const READ_TAGS: ReadonlySet<string> = new Set(['meta', 'base', 'time', 'title']);
/** Readability's title takes a heading's text when the page's title has no separator but a colon, or an odd length. */
const HEADINGS: ReadonlySet<string> = new Set(['h1', 'h2']);

/** Whether Readability's title (_getArticleTitle) would look at the page's h1/h2 for this <title> (unknown: it would). */
function titleReadsHeadings(title: string | null): boolean {
  if (title === null || title.includes('&')) return true;
  const t = title.trim();
  return !/ [|\-\\/>»] /.test(t) && (t.includes(': ') || t.length > 150 || t.length < 15);
}

interface ReadabilityTests {
  REGEXPS: { unlikelyCandidates: RegExp; okMaybeItsACandidate: RegExp; byline: RegExp };
  UNLIKELY_ROLES: readonly string[];
}

/** Readability's own tests, from its prototype; null if a later version moved them (then nothing is cut). */
function readabilityTests(): ReadabilityTests | null {
  const proto = Readability.prototype as unknown as Partial<ReadabilityTests>;
  const r = proto.REGEXPS;
  if (!r || !(r.unlikelyCandidates instanceof RegExp) || !(r.okMaybeItsACandidate instanceof RegExp)) return null;
  if (!(r.byline instanceof RegExp) || !Array.isArray(proto.UNLIKELY_ROLES)) return null;
  return proto as ReadabilityTests;
}

const tests = readabilityTests();

interface Open {
  name: string;
  start: number;
  /** Where its start tag ends. */
  tagEnd: number;
  /** A container to cut, unless something inside is read. */
  cut: boolean;
  kept: boolean;
  /** In a container being cut: the extents of the date-named elements inside, kept as they are. */
  rescued: Array<[number, number]>;
  /** The same three places in the tree being built, when one is. */
  treeStart: number;
  treeTagEnd: number;
  treeRescued: Array<[number, number]>;
  /** Whether the tree ended with text read as it is written (no character reference) when it opened. */
  afterPlainText: boolean;
}

/** Attributes by lower-case name (the tree keeps names as written; Readability's tests read them in any case). */
function lowerCased(attributes: Record<string, string>): Record<string, string> {
  let lower: Record<string, string> | null = null;
  for (const key of Object.keys(attributes)) {
    const name = key.toLowerCase();
    if (name === key && lower === null) continue;
    if (lower === null) {
      lower = {};
      for (const before of Object.keys(attributes)) {
        if (before === key) break;
        lower[before] = attributes[before]!;
      }
    }
    // The first of two spellings wins, as htmlparser2 keeps the first of an attribute written twice.
    if (!(name in lower)) lower[name] = attributes[key]!;
  }
  return lower ?? attributes;
}

function namesDate(value: string | undefined): boolean {
  return value !== undefined && DATE_NAMES.some((w) => value.includes(w));
}

function namesDateOrByline(value: string | undefined, byline: RegExp): boolean {
  return value !== undefined && (DATE_NAMES.some((w) => value.includes(w)) || byline.test(value));
}

/**
 * The cuts for a container ending at `end` (its content at `contentEnd`, before its end tag): the
 * whole of it, or, where date-named elements are inside, all but its tags and those elements, so
 * that Readability still drops it unseen and the metadata scan still finds them in page order.
 */
function cutContainer(open: Open, end: number, contentEnd: number, cuts: Array<[number, number]>): void {
  if (open.rescued.length === 0) {
    cuts.push([open.start, end]);
    return;
  }
  let from = open.tagEnd;
  for (const [start, stop] of open.rescued) {
    if (start > from) cuts.push([from, start]);
    from = stop;
  }
  if (contentEnd > from) cuts.push([from, contentEnd]);
}

/** The page without the containers Readability would drop unseen (the same string when there are none). */
export function pruneUnlikely(html: string): string {
  const cuts = findCuts(html, null);
  if (cuts.length === 0) return html;
  let kept = '';
  let from = 0;
  for (const [start, end] of cuts) {
    kept += html.slice(from, start);
    from = end;
  }
  return kept + html.slice(from);
}

/**
 * The page's DOM without the containers Readability would drop unseen, its
 * tree built in the same reading of the page that finds them (a container's
 * part of the tree is taken back when its end says cut), and whether any
 * was cut. The same tree as parsing `pruneUnlikely(html)`. Null where the
 * page is parsed otherwise (SVG, no <html> element): the caller cuts and
 * parses in two steps (so also where Readability's tests were not found).
 */
export function parsePruned(html: string): { doc: DomDocument; cut: boolean } | null {
  if (!tests || /<svg/i.test(html)) return null;
  const root = HTML_ROOT.exec(html);
  if (!root) return null;
  const tree = new TreeBuilder();
  const cuts = findCuts(html, tree);
  // The <html> element cut out (it was text inside a container): the cut page has none and is wrapped.
  if (cuts.some(([start, end]) => root.index >= start && root.index < end)) return null;
  const doc = tree.document();
  return doc.documentElement ? { doc, cut: cuts.length > 0 } : null;
}

/** The page cut and parsed: in one reading where parsePruned can, else cut, then parsed. */
export function parsePrunedPage(html: string): { doc: DomDocument; cut: boolean } {
  const once = parsePruned(html);
  if (once) return once;
  const pruned = pruneUnlikely(html);
  return { doc: parseHtmlDocument(pruned), cut: pruned !== html };
}

/** The extents to cut, in page order; with a tree, it is built from the same events, the cuts left out. */
function findCuts(html: string, tree: TreeBuilder | null): Array<[number, number]> {
  if (!tests) return [];
  const { unlikelyCandidates, okMaybeItsACandidate, byline } = tests.REGEXPS;
  const roles = tests.UNLIKELY_ROLES;
  const stack: Open[] = [];
  const cuts: Array<[number, number]> = [];
  /** The open container being cut (an element inside it is never a candidate of its own). */
  let cutting = null as Open | null;
  /** The outermost date-named element open inside the container being cut. */
  let rescuing = null as Open | null;
  /** Table and code elements open: Readability keeps what is inside them. */
  let guarded = 0;
  /** Where the last implied close happened: a start tag there closed an open element. */
  let impliedAt = -1;
  /** The page's <title> as written, once read (it comes in the head, before any container). */
  let title: string | null = null;
  let titleOpen: Open | null = null;
  let headingsRead = true;
  /** The tree's length just after text read as written: text that follows a cut there joins it. */
  let plainTextEnd = -1;
  /** The page's end reached: the elements still open run to it. */
  let ending = false;

  /** The tree without a cut container's part: all of it, or all but its tags and the date-named elements inside. */
  const cutTree = (open: Open) => {
    if (!tree) return;
    const json = tree.json;
    if (open.rescued.length === 0) {
      json.length = open.treeStart;
      plainTextEnd = open.afterPlainText ? open.treeStart : -1;
      return;
    }
    const kept = open.treeRescued.flatMap(([start, end]) => json.slice(start, end));
    json.length = open.treeTagEnd;
    for (const part of kept) json.push(part);
    tree.close();
    plainTextEnd = -1;
  };

  const parser = new Parser(
    {
      onprocessinginstruction(name, data) {
        tree?.processingInstruction(name, data);
      },
      onopentag(name, written, isImplied) {
        const start = parser.startIndex;
        const attributes = lowerCased(written);
        const open: Open = {
          name,
          start,
          tagEnd: parser.endIndex + 1,
          cut: false,
          kept: false,
          rescued: [],
          treeStart: tree ? tree.json.length : 0,
          treeTagEnd: 0,
          treeRescued: [],
          afterPlainText: tree !== null && tree.json.length === plainTextEnd,
        };
        tree?.open(name, written);
        if (tree) open.treeTagEnd = tree.json.length;
        const cls = attributes['class'];
        const id = attributes['id'];
        if (cutting) {
          if (
            READ_TAGS.has(name) ||
            (HEADINGS.has(name) && headingsRead) ||
            (name === 'link' && attributes['rel']?.toLowerCase() === 'canonical') ||
            attributes['itemprop'] !== undefined ||
            (name === 'script' && /ld\+json/i.test(attributes['type'] ?? ''))
          )
            cutting.kept = true;
          else if (!rescuing && (namesDate(cls) || namesDate(id))) rescuing = open;
        } else if (!isImplied && guarded === 0 && impliedAt !== start && CONTAINERS.has(name)) {
          const match = `${cls ?? ''} ${id ?? ''}`;
          const unlikely =
            (unlikelyCandidates.test(match) && !okMaybeItsACandidate.test(match)) ||
            roles.includes(attributes['role'] ?? '');
          if (
            unlikely &&
            !byline.test(match) &&
            attributes['rel'] !== 'author' &&
            attributes['itemprop'] === undefined &&
            !namesDateOrByline(cls, byline) &&
            !namesDateOrByline(id, byline)
          ) {
            open.cut = true;
            cutting = open;
          }
        }
        if (name === 'table' || name === 'code') guarded++;
        if (name === 'title' && title === null && titleOpen === null) titleOpen = open;
        stack.push(open);
      },
      ontext(text) {
        if (!tree) return;
        // A character reference comes as text of its own, shorter than what is written.
        const plain = parser.endIndex + 1 - parser.startIndex === text.length;
        if (plain && tree.json.length === plainTextEnd) tree.appendText(text);
        else tree.text(text);
        plainTextEnd = plain ? tree.json.length : -1;
      },
      oncomment(text) {
        tree?.comment(text);
      },
      onclosetag(_name, isImplied) {
        const open = stack.pop();
        if (!open) return;
        tree?.close();
        if (open === titleOpen) {
          titleOpen = null;
          title = html.slice(open.tagEnd, parser.startIndex);
          headingsRead = titleReadsHeadings(title);
        }
        if (isImplied) impliedAt = parser.startIndex;
        if (open.name === 'table' || open.name === 'code') guarded--;
        // An implied close ends the element where the tag that closed it starts.
        const end = ending ? html.length : isImplied ? parser.startIndex : parser.endIndex + 1;
        if (open === rescuing) {
          rescuing = null;
          cutting?.rescued.push([open.start, end]);
          // A void element ends where it starts (its close is implied at its own tag): nothing of it is kept.
          if (tree && end > open.start) cutting?.treeRescued.push([open.treeStart, tree.json.length]);
          return;
        }
        if (open !== cutting) return;
        cutting = null;
        if (!open.kept && end > open.start) {
          cutContainer(open, end, isImplied || ending ? end : parser.startIndex, cuts);
          cutTree(open);
        }
      },
    },
    TREE_PARSER_OPTIONS,
  );
  parser.write(html);
  // Elements still open at the end run to the end of the page.
  ending = true;
  parser.end();
  return cuts;
}
