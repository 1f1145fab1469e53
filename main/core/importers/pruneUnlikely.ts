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
  if (!tests) return html;
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
  let inTitle = false;
  let headingsRead = true;

  const parser = new Parser(
    {
      onopentag(name, attributes, isImplied) {
        const start = parser.startIndex;
        const open: Open = { name, start, tagEnd: parser.endIndex + 1, cut: false, kept: false, rescued: [] };
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
        if (name === 'title' && title === null) inTitle = true;
        stack.push(open);
      },
      ontext(text) {
        if (inTitle) title = (title ?? '') + text;
      },
      onclosetag(_name, isImplied) {
        const open = stack.pop();
        if (!open) return;
        if (inTitle && open.name === 'title') {
          inTitle = false;
          title ??= '';
          headingsRead = titleReadsHeadings(title);
        }
        if (isImplied) impliedAt = parser.startIndex;
        if (open.name === 'table' || open.name === 'code') guarded--;
        // An implied close ends the element where the tag that closed it starts.
        const end = isImplied ? parser.startIndex : parser.endIndex + 1;
        if (open === rescuing) {
          rescuing = null;
          cutting?.rescued.push([open.start, end]);
          return;
        }
        if (open !== cutting) return;
        cutting = null;
        if (!open.kept && end > open.start) cutContainer(open, end, isImplied ? end : parser.startIndex, cuts);
      },
    },
    { decodeEntities: false },
  );
  parser.write(html);
  // Elements still open at the end run to the end of the page.
  const endOfPage = html.length;
  while (stack.length > 0) {
    const open = stack.pop()!;
    if (open === rescuing) cutting?.rescued.push([open.start, endOfPage]);
    if (open === cutting && !open.kept) cutContainer(open, endOfPage, endOfPage, cuts);
  }
  if (cuts.length === 0) return html;
  let kept = '';
  let from = 0;
  for (const [start, end] of cuts) {
    kept += html.slice(from, start);
    from = end;
  }
  return kept + html.slice(from);
}
