import { UI_HOST_TAG } from '../shared/bridge.ts';
import { captureWalkNatives } from './natives.ts';

// Walks the text a glossary may highlight, skipping excluded subtrees without visiting them.

/**
 * Local names of elements whose text is never scanned: code, form controls, embedded and
 * non-rendered content, and the extension's own UI host.
 */
const SKIPPED_TAGS = new Set([
  UI_HOST_TAG,
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  'svg',
  'math',
]);

/** The attribute page authors set to `off` on an element to keep the glossary out of it. */
export const OPT_OUT_ATTRIBUTE = 'data-glossary';

/**
 * Chromium's XML tree viewer keeps the document's own XML, never displayed, in an element with
 * this id beside the tree it shows; scanning both would count every term twice.
 */
const XML_VIEWER_SOURCE_ID = 'webkit-xml-viewer-source-xml';

/** Selector form of every exclusion, for checking the ancestors of a node added later. */
export const EXCLUDED_ANCESTOR_SELECTOR = [
  ...SKIPPED_TAGS,
  `#${XML_VIEWER_SOURCE_ID}`,
  `[${OPT_OUT_ATTRIBUTE}="off" i]`,
  '[contenteditable]:not([contenteditable="false" i])',
].join(',');

/** Whether an element's own subtree is out of bounds (the element itself, not its ancestors). */
export function isExcludedElement(el: Element, ownUi: Element | null): boolean {
  if (SKIPPED_TAGS.has(el.localName) || el === ownUi) return true;
  if (!el.hasAttributes()) return false;
  if (el.id === XML_VIEWER_SOURCE_ID) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return el.getAttribute(OPT_OUT_ATTRIBUTE)?.toLowerCase() === 'off';
}

/**
 * Whether the document's body is out of bounds, itself or through `<html>`: what
 * `isInExcludedSubtree(body)` answers, without the selector that `closest()` would parse once per
 * document (a cost every frame paid at its first scan).
 */
export function isBodyExcluded(body: HTMLElement, ownUi: Element | null): boolean {
  for (let el: Element | null = body; el !== null; el = el.parentElement) {
    if (isExcludedElement(el, ownUi)) return true;
  }
  return false;
}

/** Whether a node that appeared later sits inside an excluded subtree (checked once per node). */
export function isInExcludedSubtree(node: Node, ownUi: Element | null): boolean {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (el === null) {
    const parent = node.parentNode;
    // Text straight under a shadow root is judged by where the host is, like the root's elements.
    if (parent instanceof ShadowRoot) return isInExcludedSubtree(parent.host, ownUi);
    return parent?.nodeType !== Node.DOCUMENT_FRAGMENT_NODE;
  }
  if (ownUi !== null && ownUi.contains(el)) return true;
  if (el.closest(EXCLUDED_ANCESTOR_SELECTOR) !== null) return true;
  // closest() stops at a shadow root: continue from its host.
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? isInExcludedSubtree(root.host, ownUi) : false;
}

/** Which text a walk yields: only text that might hold a term, judged without the matcher. */
export interface TextPrefilter {
  /** Text whose data fails this is passed over unjudged (it can hold no term)… */
  readonly test: (data: string) => boolean;
  /** …as is text shorter than this, without its data being read… */
  readonly shortest: number;
  /** …but text longer than this is yielded untested (it is matched in chunks). */
  readonly longest: number;
}

/** The built-ins a walk calls (captured before page scripts ran, as in `natives.ts`). */
export type WalkNatives = ReturnType<typeof captureWalkNatives>;

const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;

/** What `TextWalker.nextWithin()` returns when it stopped before finding text or the end. */
export const PAUSED = false;

/**
 * Elements that can hold a shadow root besides custom elements (the `attachShadow()` list of the
 * DOM standard); no other element's `shadowRoot` is read.
 */
const SHADOW_HOST_TAGS = new Set([
  'article',
  'aside',
  'blockquote',
  'body',
  'div',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
]);

/**
 * A resumable walk over the text nodes under `root`, in document order, that are not in an
 * excluded subtree, in two passes over native TreeWalkers (their original methods pinned on them:
 * see `captureWalkNatives`):
 * - the text: one call per text node, no element visited. With a `prefilter`, only text that
 *   passes it is judged and yielded; an element's exclusion (its own and its ancestors', up to the
 *   root) is decided once, the first time text inside it is judged, and remembered;
 * - then the elements, for open shadow roots (reported to `onShadowRoot`; the caller walks them)
 *   and for custom elements without one yet (reported to `onPossibleHost`). Excluded subtrees are
 *   stepped over by tag here; a host's own exclusion is checked when it has a root.
 * The page can change between two calls: `lost()` says when the node a pass stands on has left.
 */
export class TextWalker {
  private readonly texts: TreeWalker;
  private elements: TreeWalker | null = null;
  /** Where the element pass stopped (the element it is yet to look at). */
  private pendingElement: Node | null = null;
  private readonly doc: Document;
  private readonly natives: WalkNatives;
  /**
   * The last element judged not excluded and its ancestors up to the root, outermost first (none
   * of them excluded): the walk is in document order, so the next text's element is nearly always
   * on this path or a descendant of an element on it.
   */
  private readonly path: Element[] = [];
  /** How much of `path` is in use (the arrays are never shortened: that would reallocate them). */
  private pathLength = 0;
  /** Elements found on the way up from a text, not yet on `path` (reused, to allocate nothing). */
  private readonly climbed: Element[] = [];
  private done = false;
  /** The data of the text last yielded (read once, for the caller too). */
  data = '';
  /** Whether the root is in a document itself (not in a shadow root, nor detached). */
  readonly inDocument: boolean;

  constructor(
    readonly root: Node,
    private readonly ownUi: Element | null,
    private readonly onShadowRoot: (shadow: ShadowRoot) => void,
    /** A subtree walked already (the viewport's, walked first): stepped over like an excluded one. */
    private readonly skip: Node | null = null,
    /** Told of each custom element walked into that has no shadow root (yet). */
    private readonly onPossibleHost: ((el: Element) => void) | null = null,
    natives: WalkNatives | null = null,
    /** What text is worth yielding; without one, all text is. */
    private readonly prefilter: TextPrefilter | null = null,
  ) {
    const doc = (this.doc = root.ownerDocument ?? (root as Document));
    this.natives = natives ?? captureWalkNatives(doc.defaultView ?? window);
    this.texts = this.natives.createTreeWalker(doc, root, SHOW_TEXT);
    this.inDocument = this.natives.getRootNode(root).nodeType === Node.DOCUMENT_NODE;
    if (root.nodeType === Node.ELEMENT_NODE) {
      const el = root as Element;
      if (el === skip || isExcludedElement(el, ownUi)) {
        this.done = true;
        return;
      }
      this.path[this.pathLength++] = el;
      const shadow = el.shadowRoot;
      if (shadow !== null) this.onShadowRoot(shadow);
      else if (onPossibleHost !== null && el.localName.includes('-')) onPossibleHost(el);
    }
  }

  /** The next text node, or null at the end (its data is then in `data`). */
  next(): Text | null {
    for (;;) {
      const text = this.nextWithin(Infinity);
      if (text !== PAUSED) return text;
    }
  }

  /**
   * Like `next()`, but gives up after looking at about `budget` nodes without finding text to
   * yield, returning `PAUSED` (call again to go on): a page with little to yield is still walked a
   * slice at a time.
   */
  nextWithin(budget: number): Text | null | typeof PAUSED {
    if (this.done) return null;
    if (this.elements === null) {
      const text = this.nextText(budget);
      if (text !== null) return text;
      this.elements = this.natives.createTreeWalker(this.doc, this.root, SHOW_ELEMENT);
      return PAUSED;
    }
    if (!this.findHosts(this.elements, budget)) return PAUSED;
    this.done = true;
    return null;
  }

  /**
   * While the document is still being parsed: the text pass alone, like `nextWithin`, but null
   * when it has caught up with the parser, and then called again later it goes on from there into
   * what has arrived since. (Text the parser was still filling in when passed is seen as it was.)
   */
  nextArrivedWithin(budget: number): Text | null | typeof PAUSED {
    return this.done || this.elements !== null ? null : this.nextText(budget);
  }

  // The text pass: the next text worth yielding, PAUSED after `budget` passed over, or null at the end.
  private nextText(budget: number): Text | null | typeof PAUSED {
    let left = budget;
    const texts = this.texts;
    const prefilter = this.prefilter;
    const test = prefilter?.test ?? null;
    const shortest = prefilter?.shortest ?? 0;
    const longest = prefilter?.longest ?? Infinity;
    for (let node = texts.nextNode(); node !== null; node = texts.nextNode()) {
      // Reading a text's data makes the browser create a string for it, which costs more than
      // the step to the node; its length comes for nothing. A page's short text (the line breaks
      // between its tags) is passed over unread.
      const data = shortest > 0 && (node as Text).length < shortest ? null : (node as Text).data;
      if (data === null || (test !== null && data.length <= longest && !test(data))) {
        if (--left <= 0) return PAUSED;
        continue;
      }
      if (this.isExcluded((node as Text).parentElement)) continue;
      this.data = data;
      return node as Text;
    }
    return null;
  }

  /** Whether the page removed the node the walk stands on, so it cannot go on from there. */
  lost(): boolean {
    if (this.done) return false;
    const node = this.natives.walkerCurrentNode(this.elements ?? this.texts);
    return node !== this.root && !this.root.contains(node);
  }

  /** Forgets what was judged (an attribute that excludes may have changed since). */
  forgetExclusions(): void {
    this.pathLength = 0;
  }

  // The second pass: every element under the root but those in skipped tags' subtrees, for roots.
  // False when it stopped after `budget` elements, before the end.
  private findHosts(walker: TreeWalker, budget: number): boolean {
    const onPossibleHost = this.onPossibleHost;
    let left = budget;
    let node = this.pendingElement ?? walker.nextNode();
    this.pendingElement = null;
    while (node !== null) {
      if (--left < 0) {
        // Not looked at yet: the next call starts from it.
        this.pendingElement = node;
        return false;
      }
      const el = node as Element;
      const name = el.localName;
      if (SKIPPED_TAGS.has(name) || el === this.skip) {
        node = nextOutside(walker);
        continue;
      }
      const custom = name.includes('-');
      if (custom || SHADOW_HOST_TAGS.has(name)) {
        const shadow = el.shadowRoot;
        if (shadow !== null) {
          if (!this.isExcluded(el)) this.onShadowRoot(shadow);
        } else if (custom && onPossibleHost !== null) onPossibleHost(el);
      }
      node = walker.nextNode();
    }
    return true;
  }

  // Whether an element is excluded, by itself or an ancestor up to the root. Each element is
  // judged once while the walk is under it: the path from the root to the last element judged is
  // kept, and only the elements between it and a new one are judged. No memory per element: a
  // map of every element judged held tens of thousands on a big page, for the collector to copy.
  private isExcluded(el: Element | null): boolean {
    if (el === null) return false;
    const path = this.path;
    let depth = this.pathLength;
    // Most text sits in the element of the text before it.
    if (depth > 0 && path[depth - 1] === el) return false;
    const climbed = this.climbed;
    let climbedLength = 0;
    let found = -1;
    for (let at: Element | null = el; at !== null; at = at.parentElement) {
      for (let i = depth - 1; i >= 0; i--) {
        if (path[i] === at) {
          found = i;
          break;
        }
      }
      if (found >= 0) break;
      // Text in an excluded subtree is rare (the prefilter passed it): no path is kept for it.
      if (at === this.skip || isExcludedElement(at, this.ownUi)) return true;
      climbed[climbedLength++] = at;
      if (at === this.root) break;
    }
    // The new path: what was found of the old one, then the elements climbed, outermost first.
    depth = found + 1;
    for (let i = climbedLength - 1; i >= 0; i--) path[depth++] = climbed[i] as Element;
    this.pathLength = depth;
    return false;
  }
}

/** Moves a walker past the subtree of the node it stands on; the node there, or null at the end. */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling !== null) return sibling;
    if (walker.parentNode() === null) return null;
  }
}
