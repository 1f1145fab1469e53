/**
 * The slice of the DOM the HTML importer uses, typed here so the core needs
 * no browser type library, and the one place a page is parsed (linkedom: a
 * fast, lenient DOM for Node; jsdom is ten times slower and not installed).
 */
import { Parser } from 'htmlparser2';
import { Node as LinkedomNode, parseHTML, parseJSON } from 'linkedom';

/**
 * linkedom gives every node it builds an event-listener map (a Map, keyed
 * by the node in a WeakMap) from its base class's constructor. Nothing here
 * listens to a page's events, and the WeakMap's entries are what V8's
 * collector walks at every young-generation pass: node classes are made to
 * start from Object instead (their methods are kept; adding a listener to a
 * node then throws). V8 allocates a class whose base is Object on its fast
 * path, which a base function of our own would lose. 45 saved pages, parse
 * only, one thread: 14.0-14.5 -> 10.4-10.6 ms CPU a page.
 * Done once, and only where linkedom's classes are laid out as expected.
 */
function dropListenerMaps(): boolean {
  // The exported Node is a facade over the class the others extend.
  const nodeClass = Object.getPrototypeOf(LinkedomNode) as { name?: string } | null;
  const base = nodeClass ? (Object.getPrototypeOf(nodeClass) as { name?: string } | null) : null;
  if (nodeClass?.name !== 'Node') return false;
  if (base === Object) return true;
  if (base?.name !== 'DOMEventTarget') return false;
  Object.setPrototypeOf(nodeClass, Object);
  return true;
}

/** Whether linkedom's nodes are built without their listener maps (false: a linkedom laid out otherwise). */
export const listenerMapsDropped = dropListenerMaps();

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly parentNode: DomNode | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly textContent: string | null;
}

export interface DomAttr {
  readonly name: string;
  readonly value: string;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly localName: string;
  readonly attributes: ArrayLike<DomAttr>;
  readonly children: ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
  /** The attribute as written (linkedom's getAttribute('class') rebuilds the class list to answer). */
  getAttributeNode(name: string): DomAttr | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}

export interface DomDocument {
  readonly documentElement: DomElement;
  readonly head: DomElement | null;
  readonly body: DomElement | null;
  readonly title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

/** linkedom's node types in its JSDON (a flat array of a tree: type, then name or text; a close is a negative count). */
const JSDON_ELEMENT = 1;
const JSDON_ATTRIBUTE = 2;
const JSDON_TEXT = 3;
const JSDON_COMMENT = 8;
const JSDON_DOCUMENT = 9;

/** A class attribute as linkedom's parser leaves it (through its class list): tokens once each, one space apart. */
function classValue(value: string): string {
  return [...new Set(value.split(/\s+/))].filter((token) => token !== '').join(' ');
}

/** The parser options linkedom builds its tree with. */
export const TREE_PARSER_OPTIONS = { lowerCaseAttributeNames: false, decodeEntities: true } as const;

/**
 * A page's tree as linkedom's JSDON, from htmlparser2's events with
 * linkedom's options. Its length is a place in the tree, so a caller may
 * take back what it added since (a container cut out of the page).
 */
export class TreeBuilder {
  readonly json: Array<number | string> = [JSDON_DOCUMENT];
  doctype: string | null = null;

  processingInstruction(name: string, data: string): void {
    if (name.toLowerCase() === '!doctype') this.doctype = data.slice(name.length).trim();
  }

  open(name: string, attributes: Record<string, string>): void {
    const json = this.json;
    json.push(JSDON_ELEMENT, name);
    for (const key of Object.keys(attributes)) {
      const value = attributes[key]!;
      json.push(JSDON_ATTRIBUTE, key, key === 'class' ? classValue(value) : value);
    }
  }

  text(text: string): void {
    this.json.push(JSDON_TEXT, text);
  }

  /** Text joined to the text node that ends the tree (the tokenizer reads text cut apart by a removed container as one). */
  appendText(text: string): void {
    this.json[this.json.length - 1] += text;
  }

  comment(text: string): void {
    this.json.push(JSDON_COMMENT, text);
  }

  close(): void {
    this.json.push(-1);
  }

  document(): DomDocument {
    const document = parseJSON(this.json) as unknown as DomDocument & { doctype: unknown };
    if (this.doctype !== null) document.doctype = this.doctype;
    return document;
  }
}

/**
 * The tree linkedom's own parser builds, from the same tokenizer (htmlparser2,
 * its options), handed to linkedom whole as JSDON: it skips the class list
 * linkedom makes for every element with a class while parsing and its
 * per-node appends. 45 saved pages, parse only: 2.2 -> 1.5 ms a page.
 */
function buildDocument(source: string): DomDocument {
  const tree = new TreeBuilder();
  const parser = new Parser(
    {
      onprocessinginstruction: (name, data) => tree.processingInstruction(name, data),
      onopentag: (name, attributes) => tree.open(name, attributes),
      ontext: (text) => tree.text(text),
      oncomment: (text) => tree.comment(text),
      onclosetag: () => tree.close(),
    },
    TREE_PARSER_OPTIONS,
  );
  parser.write(source);
  parser.end();
  return tree.document();
}

/** linkedom's own parse, for markup its JSDON reader does not build the same (SVG, whose namespace it loses). */
function parseWithLinkedom(source: string): DomDocument {
  return (parseHTML(source) as unknown as { document: DomDocument }).document;
}

/** Where a page has its <html> element (without one it is wrapped before parsing). */
export const HTML_ROOT = /<html[\s>]/i;

/**
 * Parses a page. Text without an <html> element (a fragment, or plain text
 * saved as .html) is wrapped first: linkedom needs a document element.
 */
export function parseHtmlDocument(html: string): DomDocument {
  const parse = /<svg/i.test(html) ? parseWithLinkedom : buildDocument;
  const hasRoot = HTML_ROOT.test(html);
  const source = hasRoot ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  const document = parse(source);
  if (!document.documentElement) return parse(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
  return document;
}
