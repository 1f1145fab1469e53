/**
 * The slice of the DOM the HTML importer uses, typed here so the core needs
 * no browser type library, and the one place a page is parsed (linkedom: a
 * fast, lenient DOM for Node; jsdom is ten times slower and not installed).
 */
import { Node as LinkedomNode, parseHTML } from 'linkedom';

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

/**
 * Parses a page. Text without an <html> element (a fragment, or plain text
 * saved as .html) is wrapped first: linkedom needs a document element.
 */
export function parseHtmlDocument(html: string): DomDocument {
  const hasRoot = /<html[\s>]/i.test(html);
  const source = hasRoot ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(source) as unknown as { document: DomDocument };
  if (!document.documentElement) {
    return (
      parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`) as unknown as { document: DomDocument }
    ).document;
  }
  return document;
}
