/**
 * The slice of the DOM the HTML importer uses, typed here so the core needs
 * no browser type library, and the one place a page is parsed (linkedom: a
 * fast, lenient DOM for Node; jsdom is ten times slower and not installed).
 */
import { existsSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type Listener = ((event: DomEvent) => void) | { handleEvent(event: DomEvent): void };
interface DomEvent {
  type: string;
  bubbles: boolean;
  defaultPrevented: boolean;
  cancelBubble: boolean;
  eventPhase: number;
  currentTarget?: unknown;
  target?: unknown;
  _path: Array<{ currentTarget: EventTargetLike; target: EventTargetLike }>;
  _stopImmediatePropagationFlag: boolean;
  readonly NONE: number;
  readonly CAPTURING_PHASE: number;
  readonly AT_TARGET: number;
  readonly BUBBLING_PHASE: number;
}
interface EventTargetLike {
  dispatchEvent?: unknown;
  _getParent?: () => EventTargetLike | null;
}

/** Listeners by target, made on a target's first listener. */
const listeners = new WeakMap<object, Map<string, Map<Listener, unknown>>>();

function invokeListeners(this: DomEvent, { currentTarget, target }: { currentTarget: EventTargetLike; target: EventTargetLike }): boolean | undefined {
  const byType = listeners.get(currentTarget)?.get(this.type);
  if (!byType) return undefined;
  this.eventPhase = currentTarget === target ? this.AT_TARGET : this.BUBBLING_PHASE;
  this.currentTarget = currentTarget;
  this.target = target;
  for (const [listener, options] of byType) {
    if ((options as { once?: boolean } | undefined)?.once) byType.delete(listener);
    if (typeof listener === 'function') listener.call(target, this);
    else listener.handleEvent(this);
    if (this._stopImmediatePropagationFlag) break;
  }
  delete this.currentTarget;
  delete this.target;
  return this.cancelBubble;
}

/**
 * linkedom 0.18.15's EventTarget, except that a node's listener table is
 * made when a listener is added, not when the node is. linkedom's
 * constructor gives every node and every attribute a WeakMap entry and an
 * empty Map (8 % of a page's parse CPU in the constructor alone, and
 * ephemeron entries the collector must trace: about 30 % less process CPU
 * a page with this one); nothing here adds a listener. Same behaviour
 * otherwise (dispatch copied from linkedom's).
 */
export class LazyEventTarget {
  _getParent(): EventTargetLike | null {
    return null;
  }

  addEventListener(type: string, listener: Listener, options?: unknown): void {
    let map = listeners.get(this);
    if (!map) listeners.set(this, (map = new Map()));
    let byType = map.get(type);
    if (!byType) map.set(type, (byType = new Map()));
    byType.set(listener, options);
  }

  removeEventListener(type: string, listener: Listener): void {
    const map = listeners.get(this);
    const byType = map?.get(type);
    if (map && byType && byType.delete(listener) && byType.size === 0) map.delete(type);
  }

  dispatchEvent(event: DomEvent): boolean {
    event.eventPhase = event.CAPTURING_PHASE;
    // As simplified as linkedom's: the target, then its ancestors when the event bubbles.
    let node: EventTargetLike | null | undefined = this as EventTargetLike;
    while (node) {
      if (node.dispatchEvent) event._path.push({ currentTarget: node, target: this as EventTargetLike });
      node = event.bubbles ? node._getParent?.() : null;
    }
    event._path.some(invokeListeners, event);
    event._path = [];
    event.eventPhase = event.NONE;
    return !event.defaultPrevented;
  }
}

/**
 * linkedom, loaded with LazyEventTarget in place of its own event-target
 * module (put in the module cache before linkedom's files ask for it). A
 * linkedom whose files moved, or one already loaded, is used as it is.
 */
function loadLinkedom(): typeof import('linkedom') {
  const load = createRequire(__filename);
  const file = join(dirname(load.resolve('linkedom')), 'interface', 'event-target.js');
  if (existsSync(file) && !load.cache[file]) {
    const replacement = new Module(file);
    replacement.filename = file;
    replacement.loaded = true;
    replacement.exports = { EventTarget: LazyEventTarget };
    load.cache[file] = replacement;
  }
  return load('linkedom') as typeof import('linkedom');
}

const { parseHTML } = loadLinkedom();

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
    return (parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`) as unknown as { document: DomDocument }).document;
  }
  return document;
}
