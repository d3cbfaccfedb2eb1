import { findTerms, mightContainTerm, SHORTEST_CANDIDATE } from '../../glossary/matcher.ts';
import type { TermId } from '../../glossary/types.ts';
import type { HighlightStyle } from '../shared/settings-schema.ts';
import { HighlightLook, ShadowHighlightSheets } from './highlight-style.ts';
import type { Natives } from './natives.ts';
import { OccurrenceStore, type Occurrence } from './occurrence-store.ts';
import { PageScanner } from './page-scanner.ts';

export interface PageGlossaryOptions {
  readonly look: HighlightStyle;
  /** Paint only each term's first occurrence. */
  readonly firstOnly: boolean;
  readonly natives: Natives;
  /** Called, at most every `countDelayMs`, with the occurrence counts after they changed. */
  readonly onCounts: (total: number, counts: ReadonlyMap<TermId, number>) => void;
  readonly countDelayMs: number;
  /** Firefox: adopt the highlight rules into each open shadow root (no highlight inheritance). */
  readonly shadowSheets: boolean;
}

/**
 * The glossary's page-world half in one document: scanner → occurrence store → highlights, and
 * the document-order list the "next term" command moves through. No extension API, nothing
 * private: what it knows is what the page shows.
 */
export class PageGlossary {
  readonly store: OccurrenceStore;
  private readonly scanner: PageScanner;
  private readonly look: HighlightLook;
  private readonly shadowSheets: ShadowHighlightSheets | null;
  private countTimer = 0;
  private countsReported = false;
  private stopped = false;
  private ordered: { readonly version: number; readonly list: readonly Occurrence[] } | null = null;

  constructor(
    private readonly doc: Document,
    private readonly options: PageGlossaryOptions,
  ) {
    const natives = options.natives;
    this.store = new OccurrenceStore(doc, {
      onChange: this.countsChanged,
      // (The look exists by then: nothing is painted while this constructor runs.)
      onRegistered: () => {
        this.look.refresh();
      },
      firstOnly: options.firstOnly,
      natives,
    });
    this.look = new HighlightLook(
      {
        set: (name, highlight) => natives.registrySet(natives.highlights, name, highlight),
        delete: (name) => natives.registryDelete(natives.highlights, name),
      },
      this.store.highlights,
      options.look,
    );
    this.shadowSheets = options.shadowSheets ? new ShadowHighlightSheets(doc) : null;
    // Every option spelled out: one left out would be looked up on Object.prototype, which the
    // page may have filled with anything.
    this.scanner = new PageScanner(doc, {
      store: this.store,
      findTerms,
      mightContainTerm,
      shortestCandidate: SHORTEST_CANDIDATE,
      ownUi: () => null,
      natives,
      sliceMs: 8,
      mutationThreshold: 2000,
      onShadowRoot: (shadow) => {
        this.shadowSheets?.adopt(shadow);
      },
    });
  }

  /** Whether only each term's first occurrence is painted. */
  get firstOnly(): boolean {
    return this.options.firstOnly;
  }

  /** While the document is parsed: paints the terms in what has arrived (see PageScanner). */
  preview(): void {
    this.scanner.preview();
  }

  /** Starts scanning and following the page's changes. */
  start(): void {
    this.scanner.start();
  }

  /** Removes every trace: highlights, shadow-root sheets, observers and listeners. */
  stop(): void {
    // Emptying the store below reports a change: no counts may go out after this.
    this.stopped = true;
    this.options.natives.clearTimeout(this.countTimer);
    this.scanner.stop();
    this.look.dispose();
    this.store.dispose();
    this.shadowSheets?.dispose();
  }

  /** Switches the highlight look live. */
  setLook(look: HighlightStyle): void {
    this.look.set(look);
  }

  /** Resolves once the scan and all queued changes are done. */
  whenIdle(): Promise<void> {
    return this.scanner.whenIdle();
  }

  /**
   * The occurrence after `offset` in `from` in document order (from the top of the viewport down
   * when `from` is null), of one term or any; wraps around at the end.
   */
  next(termId: TermId | null, from: Text | null, offset: number): Occurrence | null {
    const all: Occurrence[] = [];
    const list = this.documentOrder();
    for (let i = 0; i < list.length; i++) {
      const occ = list[i] as Occurrence;
      if (termId === null || occ.termId === termId) all.push(occ);
    }
    if (all.length === 0) return null;
    const at = from === null ? this.firstFromViewport(all) : this.firstAfter(all, from, offset);
    return all[at] ?? all[0] ?? null;
  }

  // Document order, sorted once per change of the store (a reader presses the key far more often
  // than a page changes).
  private documentOrder(): readonly Occurrence[] {
    const store = this.store;
    if (this.ordered?.version === store.changes) return this.ordered.list;
    const texts: Text[] = [];
    for (const text of store.texts()) if (text.isConnected) texts.push(text);
    const compare = this.options.natives.compareDocumentPosition;
    texts.sort((a, b) => (compare(a, b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    const list: Occurrence[] = [];
    for (let i = 0; i < texts.length; i++) {
      const occurrences = store.occurrencesIn(texts[i] as Text);
      for (let j = 0; j < occurrences.length; j++) list.push(occurrences[j] as Occurrence);
    }
    this.ordered = { version: store.changes, list };
    return list;
  }

  /** Index of the first occurrence after `offset` in `text`, by bisection in document order. */
  private firstAfter(all: readonly Occurrence[], text: Text, offset: number): number {
    const compare = this.options.natives.compareDocumentPosition;
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const occ = all[mid] as Occurrence;
      const before =
        occ.text === text
          ? occ.start <= offset
          : (compare(occ.text, text) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      if (before) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // Occurrences follow the page top to bottom closely enough for a bisection on position.
  private firstFromViewport(all: readonly Occurrence[]): number {
    const rect = this.options.natives.rangeRect;
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const range = this.store.rangeOf(all[mid] as Occurrence);
      if (range !== null && rect(range).top < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private readonly countsChanged = (): void => {
    const natives = this.options.natives;
    if (this.countTimer !== 0 || this.stopped) return;
    // The first report goes out at once (the isolated half loads the tooltip on it), later ones
    // at most every countDelayMs.
    const delay = this.countsReported ? this.options.countDelayMs : 0;
    this.countsReported = true;
    this.countTimer = natives.setTimeout(() => {
      this.countTimer = 0;
      this.options.onCounts(this.store.size, this.store.countsByTerm());
    }, delay);
  };
}
