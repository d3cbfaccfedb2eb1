import { findTerms, mightContainTerm } from '../../glossary/matcher.ts';
import type { TermId } from '../../glossary/types.ts';
import type { HighlightStyle, LanguageSetting } from '../shared/settings-schema.ts';
import { HighlightStyleSheet } from './highlight-style.ts';
import { OccurrenceStore } from './occurrence-store.ts';
import { PageScanner } from './page-scanner.ts';
import { TooltipController } from './tooltip/tooltip-controller.ts';

export interface GlossaryPageOptions {
  readonly style: HighlightStyle;
  /** Paint only each term's first occurrence. */
  readonly firstOnly?: boolean;
  readonly language: () => LanguageSetting;
  /** Called, at most every `countDelayMs`, with the occurrence counts after they changed. */
  readonly onCounts?: (total: number, counts: ReadonlyMap<TermId, number>) => void;
  readonly countDelayMs?: number;
}

/**
 * The glossary at work in one document: scanner → occurrence store → highlights, and the
 * tooltip. Takes its document as a parameter and never touches extension APIs.
 */
export class GlossaryPage {
  readonly store: OccurrenceStore;
  readonly tooltip: TooltipController;
  private readonly scanner: PageScanner;
  private readonly styles: HighlightStyleSheet;
  private countTimer = 0;

  constructor(
    private readonly doc: Document,
    private readonly options: GlossaryPageOptions,
  ) {
    this.store = new OccurrenceStore(doc, {
      onChange: this.countsChanged,
      firstOnly: options.firstOnly ?? false,
    });
    this.styles = new HighlightStyleSheet(doc, options.style);
    this.tooltip = new TooltipController({
      doc,
      store: this.store,
      language: options.language,
      shadowRoots: () => this.scanner.knownShadowRoots(),
    });
    this.scanner = new PageScanner(doc, {
      store: this.store,
      findTerms,
      mightContainTerm,
      ownUi: () => this.tooltip.host,
      onShadowRoot: (shadow) => {
        this.styles.adopt(shadow);
      },
    });
  }

  /** Starts scanning, following changes and answering the pointer. */
  start(): void {
    this.scanner.start();
    this.tooltip.start();
  }

  /** Removes every trace: highlights, styles, the UI host, observers and listeners. */
  stop(): void {
    this.doc.defaultView?.clearTimeout(this.countTimer);
    this.scanner.stop();
    this.tooltip.dispose();
    this.store.dispose();
    this.styles.dispose();
  }

  /** Switches the highlight look live. */
  setStyle(style: HighlightStyle): void {
    this.styles.setStyle(style);
  }

  /** Resolves once the scan and all queued changes are done. */
  whenIdle(): Promise<void> {
    return this.scanner.whenIdle();
  }

  private readonly countsChanged = (): void => {
    if (this.store.size > 0) this.styles.activate();
    const win = this.doc.defaultView;
    if (this.options.onCounts === undefined || win === null || this.countTimer !== 0) return;
    this.countTimer = win.setTimeout(() => {
      this.countTimer = 0;
      this.options.onCounts?.(this.store.size, this.store.countsByTerm());
    }, this.options.countDelayMs ?? 200);
  };
}
