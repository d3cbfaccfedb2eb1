import { UI_HOST_TAG } from '../shared/bridge.ts';

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

/**
 * A resumable depth-first walk over the text nodes under `root`, in document order. Excluded
 * elements are stepped over with their whole subtree; open shadow roots met on the way are
 * reported to `onShadowRoot` (the caller walks them separately).
 */
export class TextWalker {
  private node: Node;
  private descend = true;
  private done = false;

  constructor(
    readonly root: Node,
    private readonly ownUi: Element | null,
    private readonly onShadowRoot: (shadow: ShadowRoot) => void,
    /** A subtree walked already (the viewport's, walked first): stepped over like an excluded one. */
    private readonly skip: Node | null = null,
    /** Told of each custom element walked into that has no shadow root (yet). */
    private readonly onPossibleHost: ((el: Element) => void) | null = null,
  ) {
    this.node = root;
    if (root.nodeType === Node.ELEMENT_NODE) this.enterElement(root as Element);
  }

  /** The next text node, or null at the end. */
  next(): Text | null {
    while (!this.done) {
      const node = this.advance();
      if (node === null) break;
      const type = node.nodeType;
      if (type === Node.TEXT_NODE) return node as Text;
      if (type === Node.ELEMENT_NODE) this.enterElement(node as Element);
      else this.descend = false;
    }
    this.done = true;
    return null;
  }

  /** Whether the page removed the node the walk stands on, so it cannot go on from there. */
  lost(): boolean {
    return !this.done && this.node !== this.root && !this.root.contains(this.node);
  }

  private enterElement(el: Element): void {
    this.descend = el !== this.skip && !isExcludedElement(el, this.ownUi);
    if (!this.descend) return;
    const shadow = el.shadowRoot;
    if (shadow !== null) this.onShadowRoot(shadow);
    else if (this.onPossibleHost !== null && el.localName.includes('-')) this.onPossibleHost(el);
  }

  private advance(): Node | null {
    let node = this.node;
    const first = this.descend ? node.firstChild : null;
    if (first !== null) return (this.node = first);
    while (node !== this.root) {
      const sibling = node.nextSibling;
      if (sibling !== null) return (this.node = sibling);
      const parent = node.parentNode;
      if (parent === null) return null;
      node = parent;
    }
    return null;
  }
}
