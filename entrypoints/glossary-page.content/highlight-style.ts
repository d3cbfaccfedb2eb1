import { TERM_IDS } from '../../glossary/term-ids.ts';
import type { TermId } from '../../glossary/types.ts';
import { HIGHLIGHT_STYLES, type HighlightStyle } from '../shared/settings-schema.ts';

/** The injected stylesheet's path in the built extension (listed in the manifest's `css`). */
export const HIGHLIGHT_SHEET_FILE = 'content-scripts/highlights.css';

/**
 * The name a term's highlight is also registered under while it is painted in `look`, e.g.
 * `bpo-kpo-glossary-tint-kpo`. The injected sheet styles only these names; `glossary-<termId>`
 * stays the public, unstyled name, and the only `glossary-` one (readers that count by that
 * prefix count each occurrence once).
 */
export const lookHighlightName = (look: HighlightStyle, termId: TermId): string =>
  `bpo-kpo-glossary-${look}-${termId}`;

// currentColor keeps the underline as readable as the text itself on light and dark pages; the
// amber tint is faint enough to leave contrast intact on either. Only properties every supported
// browser paints in ::highlight(): background-color, and text-decoration (Firefox from 146).
const LOOKS: Readonly<Record<HighlightStyle, string>> = {
  underline: 'text-decoration: underline dotted currentColor 2px;',
  tint: 'background-color: rgba(255, 190, 40, 0.3);',
  both: 'text-decoration: underline dotted currentColor 1.5px; background-color: rgba(255, 190, 40, 0.2);',
};

/**
 * Every look's `::highlight()` rules, for the stylesheet the browser injects into every frame.
 * `scope` ':root' relies on highlight inheritance (Chromium: the root's highlight style reaches
 * every element down the flat tree, shadow trees included) and leaves the page's own style
 * recalculation as it was; the universal form '' costs Chromium 2.7× the page's own restyle on
 * ecma262 (measured), but is what Firefox needs: it has no highlight inheritance.
 */
export function highlightSheetCss(scope: ':root' | ''): string {
  return HIGHLIGHT_STYLES.map(
    (look) =>
      `${TERM_IDS.map((id) => `${scope}::highlight(${lookHighlightName(look, id)})`).join(',\n')} {\n  ${LOOKS[look]}\n}`,
  ).join('\n');
}

/**
 * Puts a document's term highlights in one look by registering each under that look's name too.
 * Switching looks re-registers six names: no stylesheet is added or changed, so the page sees no
 * new sheet and restyles nothing; the browser only repaints.
 */
/** The part of a `HighlightRegistry` a look needs (the page world passes captured methods). */
export interface RegistryWriter {
  set(name: string, highlight: Highlight): unknown;
  delete(name: string): unknown;
}

export class HighlightLook {
  constructor(
    private readonly registry: RegistryWriter | undefined,
    private readonly highlights: ReadonlyMap<TermId, Highlight>,
    private look: HighlightStyle,
  ) {
    this.refresh();
  }

  /** Paints every highlight in `look` from now on. */
  set(look: HighlightStyle): void {
    if (look === this.look) return;
    this.unregister();
    this.look = look;
    this.refresh();
  }

  /** Takes the look's names out of the registry (the public names are the store's). */
  dispose(): void {
    this.unregister();
  }

  /**
   * Registers every highlight under the look's name (again: the store registers its highlights
   * with its first range, after the look began).
   */
  refresh(): void {
    for (const [id, highlight] of this.highlights) {
      this.registry?.set(lookHighlightName(this.look, id), highlight);
    }
  }

  private unregister(): void {
    for (const id of this.highlights.keys())
      this.registry?.delete(lookHighlightName(this.look, id));
  }
}

/**
 * Firefox only: the injected sheet does not reach into shadow trees and Firefox has no highlight
 * inheritance, so each open shadow root adopts one constant sheet with every look's rules
 * (universal form). Chromium needs none: `:root` rules reach shadow trees by inheritance.
 */
export class ShadowHighlightSheets {
  private readonly sheet: CSSStyleSheet | null;
  private readonly adopted = new Set<ShadowRoot>();

  constructor(doc: Document) {
    const win = doc.defaultView;
    this.sheet = win === null ? null : new win.CSSStyleSheet();
    this.sheet?.replaceSync(highlightSheetCss(''));
  }

  /** Makes highlights paint inside `shadow`. */
  adopt(shadow: ShadowRoot): void {
    if (this.sheet === null || this.adopted.has(shadow)) return;
    const sheet = this.sheet;
    try {
      changeSheets(shadow, (sheets) => [...sheets, sheet]);
      this.adopted.add(shadow);
    } catch {
      // NotAllowedError: a constructed sheet is adopted only within the document that made it.
    }
  }

  /** Takes the sheet back out of every shadow root it was adopted into. */
  dispose(): void {
    for (const shadow of this.adopted) {
      try {
        changeSheets(shadow, (sheets) => sheets.filter((s) => s !== this.sheet));
      } catch {
        // The shadow root's document is gone; so is what was adopted.
      }
    }
    this.adopted.clear();
  }
}

/**
 * Replaces a shadow root's adopted sheets. Firefox before 153 throws "Accessing from Xray wrapper
 * is not supported" when a content script reads or writes `adoptedStyleSheets` (a WebIDL
 * ObservableArray) through the Xray wrapper it sees the page's shadow root through (Mozilla bug
 * 1751346, fixed in 153). There the array is changed in place through the waived wrapper
 * (`wrappedJSObject`, which only Firefox content scripts have); the sheet was made with the
 * page's own `CSSStyleSheet`, so the page's array takes it.
 */
function changeSheets(
  shadow: ShadowRoot,
  change: (sheets: readonly CSSStyleSheet[]) => CSSStyleSheet[],
): void {
  try {
    shadow.adoptedStyleSheets = change(shadow.adoptedStyleSheets);
  } catch (error) {
    const waived = (shadow as ShadowRoot & { wrappedJSObject?: ShadowRoot }).wrappedJSObject;
    if (waived === undefined) throw error;
    const sheets = waived.adoptedStyleSheets;
    const next = change([...sheets]);
    sheets.length = 0;
    for (const sheet of next) sheets.push(sheet);
  }
}
