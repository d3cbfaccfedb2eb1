// The built-ins the page-world scanner calls, taken from the window before any page script runs
// (the script is injected at document_start). Pages wrap timers, observers, promises and listeners
// (zone libraries re-check their views on every wrapped callback) or replace prototype methods;
// calling these captured originals keeps our work out of the page's wrappers and safe from them.

/** `fn(self, ...args)` for a method `self.fn(...args)`, bound now, immune to later patching. */
type Uncurried<F> = F extends (this: infer T, ...args: infer A) => infer R
  ? (self: T, ...args: A) => R
  : never;

// eslint-disable-next-line @typescript-eslint/unbound-method
const uncurryThis = Function.prototype.bind.bind(Function.prototype.call) as <
  F extends (...args: never[]) => unknown,
>(
  fn: F,
) => Uncurried<F>;

// Accessors on the prototype where the browser defines them there; test doubles (happy-dom, Node)
// that keep them elsewhere get a plain property access instead.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- typed at the call
function setter<T, V>(proto: T, name: string): (self: T, value: V) => void {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called through uncurryThis
  const set = Object.getOwnPropertyDescriptor(proto, name)?.set;
  if (set !== undefined) return uncurryThis(set as (this: T, value: V) => void);
  return (self, value) => {
    (self as Record<string, unknown>)[name] = value;
  };
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- typed at the call
function getter<T, V>(proto: T, name: string): (self: T) => V {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called through uncurryThis
  const get = Object.getOwnPropertyDescriptor(proto, name)?.get;
  if (get !== undefined) return uncurryThis(get as (this: T) => V);
  return (self) => (self as Record<string, unknown>)[name] as V;
}

/* eslint-disable @typescript-eslint/unbound-method -- every method is called through uncurryThis */
/** What a text walk calls: a native TreeWalker and its moves. */
export function captureWalkNatives(win: Window & typeof globalThis) {
  const TreeWalkerProto = win.TreeWalker.prototype;
  const { nextNode, nextSibling, parentNode } = TreeWalkerProto;
  const defineProperty = win.Object.defineProperty;
  const createTreeWalker = uncurryThis(win.Document.prototype.createTreeWalker);
  return {
    /**
     * A TreeWalker whose moves are the original methods, set on the walker itself: called as
     * methods (as fast as the browser's own calls get) yet out of reach of a page that replaced
     * them on the prototype. The walker object is never handed to the page.
     */
    createTreeWalker(doc: Document, root: Node, whatToShow: number): TreeWalker {
      const walker = createTreeWalker(doc, root, whatToShow);
      defineProperty(walker, 'nextNode', { value: nextNode });
      defineProperty(walker, 'nextSibling', { value: nextSibling });
      defineProperty(walker, 'parentNode', { value: parentNode });
      return walker;
    },
    walkerCurrentNode: getter<TreeWalker, Node>(TreeWalkerProto, 'currentNode'),
    getRootNode: uncurryThis(win.Node.prototype.getRootNode),
  };
}

export function captureNatives(win: Window & typeof globalThis) {
  const highlights = win.CSS.highlights;
  const HighlightProto = win.Highlight.prototype;
  const RegistryProto = Object.getPrototypeOf(highlights) as HighlightRegistry;
  const EventTargetProto = win.EventTarget.prototype;
  const ObserverProto = win.MutationObserver.prototype;
  const IntersectionProto = win.IntersectionObserver.prototype;
  const RangeProto = win.Range.prototype;
  // Where the boundary getters live (AbstractRange; Range itself where there is none).
  const BoundaryOwner = win.AbstractRange as typeof AbstractRange | undefined;
  const BoundaryProto: AbstractRange = (BoundaryOwner ?? win.Range).prototype;
  const PortProto = win.MessagePort.prototype;
  const customElements = win.customElements as CustomElementRegistry | null | undefined;
  return {
    win,
    /** The document's highlight registry, shared with the extension's isolated world. */
    highlights,
    Highlight: win.Highlight,
    highlightAdd: uncurryThis(HighlightProto.add),
    highlightDelete: uncurryThis(HighlightProto.delete),
    highlightClear: uncurryThis(HighlightProto.clear),
    registrySet: uncurryThis(RegistryProto.set),
    registryGet: uncurryThis(RegistryProto.get),
    registryDelete: uncurryThis(RegistryProto.delete),
    createRange: uncurryThis(win.Document.prototype.createRange),
    rangeSetStart: uncurryThis(RangeProto.setStart),
    rangeSetEnd: uncurryThis(RangeProto.setEnd),
    rangeRect: uncurryThis(RangeProto.getBoundingClientRect),
    rangeStartContainer: getter<AbstractRange, Node>(BoundaryProto, 'startContainer'),
    rangeStartOffset: getter<AbstractRange, number>(BoundaryProto, 'startOffset'),
    rangeEndOffset: getter<AbstractRange, number>(BoundaryProto, 'endOffset'),
    ...captureWalkNatives(win),
    setTimeout: win.setTimeout.bind(win) as (fn: () => void, ms?: number) => number,
    clearTimeout: win.clearTimeout.bind(win),
    requestAnimationFrame: win.requestAnimationFrame.bind(win),
    queueMicrotask: win.queueMicrotask.bind(win),
    cancelAnimationFrame: win.cancelAnimationFrame.bind(win),
    now: win.performance.now.bind(win.performance),
    MessageChannel: win.MessageChannel,
    portPost: uncurryThis(PortProto.postMessage) as (port: MessagePort, message: unknown) => void,
    setPortOnMessage: setter<MessagePort, ((e: MessageEvent) => void) | null>(
      PortProto,
      'onmessage',
    ),
    MutationObserver: win.MutationObserver,
    observe: uncurryThis(ObserverProto.observe),
    disconnect: uncurryThis(ObserverProto.disconnect),
    IntersectionObserver: win.IntersectionObserver,
    intersectionObserve: uncurryThis(IntersectionProto.observe),
    intersectionUnobserve: uncurryThis(IntersectionProto.unobserve),
    intersectionDisconnect: uncurryThis(IntersectionProto.disconnect),
    addEventListener: uncurryThis(EventTargetProto.addEventListener),
    removeEventListener: uncurryThis(EventTargetProto.removeEventListener),
    dispatchEvent: uncurryThis(EventTargetProto.dispatchEvent),
    CustomEvent: win.CustomEvent,
    eventDetail: getter<CustomEvent, unknown>(win.CustomEvent.prototype, 'detail'),
    composedPath: uncurryThis(win.Event.prototype.composedPath),
    elementFromPoint: uncurryThis(win.Document.prototype.elementFromPoint),
    elementRect: uncurryThis(win.Element.prototype.getBoundingClientRect),
    shadowHost: getter<ShadowRoot, Element>(win.ShadowRoot.prototype, 'host'),
    closest: uncurryThis(win.Element.prototype.closest),
    compareDocumentPosition: uncurryThis(win.Node.prototype.compareDocumentPosition),
    customElements: customElements ?? null,
    customElementGet:
      customElements == null ? null : uncurryThis(win.CustomElementRegistry.prototype.get),
    whenDefined:
      customElements == null ? null : uncurryThis(win.CustomElementRegistry.prototype.whenDefined),
    promiseThen: uncurryThis(win.Promise.prototype.then) as (
      promise: Promise<unknown>,
      onFulfilled: () => void,
      onRejected: () => void,
    ) => Promise<unknown>,
  };
}
/* eslint-enable @typescript-eslint/unbound-method */

/** The page's built-ins as they were before page scripts ran. */
export type Natives = ReturnType<typeof captureNatives>;

/** Whether a window has what the page-world part needs (the CSS Custom Highlight API above all). */
export function canHighlight(win: Window & typeof globalThis): boolean {
  return typeof win.Highlight === 'function' && typeof win.CSS.highlights === 'object';
}

/**
 * A copy of `init` without a prototype, for the option dictionaries handed to the browser: WebIDL
 * reads dictionary members through the prototype chain, so properties a page added to
 * `Object.prototype` (`once`, `threshold`, `subtree`…) would otherwise join our options.
 */
export function nullProto<T extends object>(init: T): T {
  return assign(create(null) as T, init);
}

const assign = Object.assign;
const create = Object.create;
