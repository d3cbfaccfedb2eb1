import { findTerms, mightContainTerm } from '../../glossary/matcher.ts';
import type { TermId } from '../../glossary/types.ts';
import type { HighlightStyle, LanguageSetting } from '../shared/settings-schema.ts';
import { HighlightLook, ShadowHighlightSheets } from './highlight-style.ts';
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
  private readonly look: HighlightLook;
  private readonly shadowSheets: ShadowHighlightSheets | null;
  private countTimer = 0;

  constructor(
    private readonly doc: Document,
    private readonly options: GlossaryPageOptions,
  ) {
    this.store = new OccurrenceStore(doc, {
      onChange: this.countsChanged,
      firstOnly: options.firstOnly ?? false,
    });
    this.look = new HighlightLook(
      doc.defaultView?.CSS.highlights,
      this.store.highlights,
      options.style,
    );
    this.shadowSheets = import.meta.env.FIREFOX ? new ShadowHighlightSheets(doc) : null;
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
        this.shadowSheets?.adopt(shadow);
      },
    });
  }

  /** Starts scanning, following changes and answering the pointer. */
  start(): void {
    this.scanner.start();
    this.tooltip.start();
  }

  /** Removes every trace: highlights, the UI host, shadow-root sheets, observers and listeners. */
  stop(): void {
    this.doc.defaultView?.clearTimeout(this.countTimer);
    this.scanner.stop();
    this.tooltip.dispose();
    this.look.dispose();
    this.store.dispose();
    this.shadowSheets?.dispose();
  }

  /** Switches the highlight look live. */
  setStyle(style: HighlightStyle): void {
    this.look.set(style);
  }

  /** Resolves once the scan and all queued changes are done. */
  whenIdle(): Promise<void> {
    return this.scanner.whenIdle();
  }

  private readonly countsChanged = (): void => {
    const win = this.doc.defaultView;
    if (this.options.onCounts === undefined || win === null || this.countTimer !== 0) return;
    this.countTimer = win.setTimeout(() => {
      this.countTimer = 0;
      this.options.onCounts?.(this.store.size, this.store.countsByTerm());
    }, this.options.countDelayMs ?? 200);
  };
}
