import { TERM_IDS } from '../../glossary/terms.ts';
import type { HighlightStyle } from '../shared/settings-schema.ts';
import { highlightName } from './occurrence-store.ts';

const SELECTOR = TERM_IDS.map((id) => `::highlight(${highlightName(id)})`).join(',\n');

// currentColor keeps the underline as readable as the text itself on light and dark pages; the
// amber tint is faint enough to leave contrast intact on either.
const LOOKS: Readonly<Record<HighlightStyle, string>> = {
  underline: 'text-decoration: underline dotted currentColor 2px;',
  tint: 'background-color: rgba(255, 190, 40, 0.3);',
  both: 'text-decoration: underline dotted currentColor 1.5px; background-color: rgba(255, 190, 40, 0.2);',
};

/** The `::highlight()` rules for every term in the chosen look. */
export function highlightCss(style: HighlightStyle): string {
  return `${SELECTOR} {\n  ${LOOKS[style]}\n}`;
}

/**
 * Paints the highlights: one constructed stylesheet adopted by the document and each open shadow
 * root (adoptedStyleSheets adds no node to the page and is not subject to the page's CSP).
 */
export class HighlightStyleSheet {
  private readonly sheet: CSSStyleSheet | null;
  private readonly roots = new Set<Document | ShadowRoot>();

  constructor(doc: Document, style: HighlightStyle) {
    const win = doc.defaultView;
    this.sheet = win === null ? null : new win.CSSStyleSheet();
    this.sheet?.replaceSync(highlightCss(style));
    this.adopt(doc);
  }

  /** Switches the look everywhere at once. */
  setStyle(style: HighlightStyle): void {
    this.sheet?.replaceSync(highlightCss(style));
  }

  /** Makes the highlights paint inside `root` too. */
  adopt(root: Document | ShadowRoot): void {
    if (this.sheet === null || this.roots.has(root)) return;
    try {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
      this.roots.add(root);
    } catch {
      // A sheet from another realm is refused (Firefox's content-script sandbox); nothing to undo.
    }
  }

  /** Takes the sheet back out of every root it was adopted into. */
  dispose(): void {
    for (const root of this.roots) {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== this.sheet);
    }
    this.roots.clear();
  }
}
