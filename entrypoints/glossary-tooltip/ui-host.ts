import { UI_HOST_TAG } from '../shared/bridge.ts';
import TOOLTIP_CSS from './tooltip.css?inline';

const XHTML = 'http://www.w3.org/1999/xhtml';

export { UI_HOST_TAG };

// Inline and !important: page rules cannot hide, move or restyle the host.
const HOST_STYLE: readonly (readonly [string, string])[] = [
  ['all', 'initial'],
  ['display', 'block'],
  ['position', 'fixed'],
  ['top', '0'],
  ['left', '0'],
  ['width', '0'],
  ['height', '0'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
  ['overflow', 'visible'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['transform', 'none'],
  ['filter', 'none'],
  ['contain', 'none'],
  ['z-index', '2147483647'],
];

export interface UiHost {
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
  /** Where the tooltip is rendered. */
  readonly mount: HTMLElement;
  /** A polite live region for screen-reader announcements. */
  readonly live: HTMLElement;
  remove(): void;
}

/**
 * Gives a shadow root its styles: a constructed stylesheet where the browser lets this script
 * adopt one, else a `<style>` element inside the shadow root (the page never sees either).
 */
export function styleShadowRoot(
  shadow: ShadowRoot,
  css: string,
  win: (Window & typeof globalThis) | null,
): void {
  if (win !== null) {
    try {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
      return;
    } catch {
      // Firefox before 153: a content script sees the shadow root through an Xray wrapper, and
      // assigning its `adoptedStyleSheets` (an ObservableArray) through one throws "Accessing
      // from Xray wrapper is not supported" (Mozilla bug 1751346, fixed in Firefox 153). A
      // `<style>` child needs no Xray access to the array; Firefox exempts nodes a content
      // script creates from the page's CSP, so a strict style-src does not block it.
    }
  }
  const style = shadow.ownerDocument.createElementNS(XHTML, 'style');
  style.textContent = css;
  shadow.prepend(style);
}

/**
 * Creates the extension's UI host at the end of the document: an open shadow root styled by a
 * constructed stylesheet (not subject to the page's CSP), sizes in px so the page's root font
 * size has no say.
 */
export function createUiHost(doc: Document): UiHost {
  const win = doc.defaultView;
  // In the HTML namespace even in XML documents, where createElement() gives an element without
  // `style` (and Preact renders HTML elements anyway).
  const html = (tag: string): HTMLElement => {
    const el: Element = doc.createElementNS(XHTML, tag);
    return el as HTMLElement;
  };
  const host = html(UI_HOST_TAG);
  for (const [name, value] of HOST_STYLE) host.style.setProperty(name, value, 'important');
  const shadow = host.attachShadow({ mode: 'open' });
  styleShadowRoot(shadow, TOOLTIP_CSS, win);
  const mount = html('div');
  mount.className = 'mount';
  const live = html('div');
  live.className = 'visually-hidden';
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('role', 'status');
  shadow.append(mount, live);
  doc.documentElement.append(host);
  return {
    host,
    shadow,
    mount,
    live,
    remove: () => {
      host.remove();
    },
  };
}
