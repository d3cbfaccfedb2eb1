import { TERM_IDS } from '../../glossary/terms.ts';
import type { TermId, TermMatch } from '../../glossary/types.ts';

/** One occurrence of a term in a text node; `range` is set while it is painted. */
export interface Occurrence {
  readonly text: Text;
  readonly start: number;
  readonly end: number;
  readonly termId: TermId;
  range: Range | null;
  /** Painted only while near the viewport (beyond the eager budget). */
  readonly lazy: boolean;
}

/** The public name of a term's highlight in `CSS.highlights`, e.g. `glossary-kpo`. */
export const highlightName = (termId: TermId): string => `glossary-${termId}`;

export interface OccurrenceStoreOptions {
  /** Occurrences painted at once; later ones are painted when their element nears the viewport. */
  readonly eagerLimit: number;
  /** How far beyond the viewport lazy occurrences are painted (IntersectionObserver rootMargin). */
  readonly lazyMargin: string;
  /** Called (synchronously) after the set of occurrences changed. */
  readonly onChange: () => void;
}

const DEFAULT_OPTIONS: OccurrenceStoreOptions = {
  eagerLimit: 2000,
  lazyMargin: '150% 0px',
  onChange: () => undefined,
};

/**
 * Every occurrence of every term in one document (and its shadow roots), indexed by text node,
 * and painted through one `Highlight` per term registered in the document's `CSS.highlights`.
 * Creating a live Range per occurrence is the costly part on term-dense pages, and every live
 * Range slows the page's own DOM mutations, so past `eagerLimit` ranges exist only near the
 * viewport.
 */
export class OccurrenceStore {
  private readonly byText = new Map<Text, Occurrence[]>();
  private readonly counts = new Map<TermId, number>(TERM_IDS.map((id) => [id, 0]));
  private readonly highlights = new Map<TermId, Highlight>();
  private readonly lazyByElement = new Map<Element, Set<Text>>();
  private readonly lazyElementOf = new Map<Text, Element>();
  private readonly options: OccurrenceStoreOptions;
  private observer: IntersectionObserver | null = null;
  private eagerPainted = 0;
  private total = 0;

  constructor(
    private readonly doc: Document,
    options: Partial<OccurrenceStoreOptions> = {},
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
    const win = doc.defaultView;
    if (win === null || typeof win.Highlight !== 'function') return;
    for (const id of TERM_IDS) {
      const highlight = new win.Highlight();
      this.highlights.set(id, highlight);
      win.CSS.highlights.set(highlightName(id), highlight);
    }
  }

  /** Number of occurrences of each term, all of them, painted or not. */
  countsByTerm(): ReadonlyMap<TermId, number> {
    return this.counts;
  }

  /** Number of occurrences in all. */
  get size(): number {
    return this.total;
  }

  /** The occurrences in a text node, in order (empty when none). */
  occurrencesIn(text: Text): readonly Occurrence[] {
    return this.byText.get(text) ?? EMPTY;
  }

  /** Every text node with occurrences, in the order they were found. */
  texts(): IterableIterator<Text> {
    return this.byText.keys();
  }

  /** Replaces what is known about a text node by `matches` (none: the node is forgotten). */
  setMatches(text: Text, matches: readonly TermMatch[]): void {
    if (this.byText.has(text)) this.removeText(text, false);
    if (matches.length === 0) return;
    const lazy = this.eagerPainted >= this.options.eagerLimit;
    const list = matches.map((m): Occurrence => ({ ...m, text, range: null, lazy }));
    this.byText.set(text, list);
    for (const occ of list) this.counts.set(occ.termId, (this.counts.get(occ.termId) ?? 0) + 1);
    this.total += list.length;
    if (lazy) this.watchLazy(text);
    else {
      this.eagerPainted += list.length;
      for (const occ of list) this.paint(occ);
    }
    this.options.onChange();
  }

  /** Forgets a text node and unpaints its occurrences. */
  remove(text: Text): void {
    if (this.byText.has(text)) this.removeText(text, true);
  }

  /** Forgets everything but keeps the highlights registered (for a rescan). */
  clear(): void {
    for (const h of this.highlights.values()) h.clear();
    this.byText.clear();
    this.lazyByElement.clear();
    this.lazyElementOf.clear();
    this.observer?.disconnect();
    for (const id of TERM_IDS) this.counts.set(id, 0);
    this.eagerPainted = 0;
    this.total = 0;
    this.options.onChange();
  }

  /** Removes every highlight this store registered and stops observing. */
  dispose(): void {
    this.clear();
    const registry = this.doc.defaultView?.CSS.highlights;
    for (const [id, highlight] of this.highlights) {
      if (registry?.get(highlightName(id)) === highlight) registry.delete(highlightName(id));
    }
    this.highlights.clear();
    this.observer = null;
  }

  /** A live Range over an occurrence (painted or not), or null when its text changed under it. */
  rangeOf(occ: Occurrence): Range | null {
    if (occ.range !== null) return occ.range;
    if (occ.end > occ.text.length) return null;
    const range = this.doc.createRange();
    range.setStart(occ.text, occ.start);
    range.setEnd(occ.text, occ.end);
    return range;
  }

  private removeText(text: Text, notify: boolean): void {
    const list = this.byText.get(text);
    if (list === undefined) return;
    this.byText.delete(text);
    for (const occ of list) {
      this.counts.set(occ.termId, (this.counts.get(occ.termId) ?? 1) - 1);
      this.unpaint(occ);
    }
    this.total -= list.length;
    const first = list[0];
    if (first !== undefined && !first.lazy) this.eagerPainted -= list.length;
    else this.unwatchLazy(text);
    if (notify) this.options.onChange();
  }

  private paint(occ: Occurrence): void {
    if (occ.range !== null) return;
    const range = this.rangeOf(occ);
    if (range === null) return;
    occ.range = range;
    this.highlights.get(occ.termId)?.add(range);
  }

  private unpaint(occ: Occurrence): void {
    if (occ.range === null) return;
    this.highlights.get(occ.termId)?.delete(occ.range);
    occ.range = null;
  }

  private watchLazy(text: Text): void {
    const el = text.parentElement;
    if (el === null) return;
    let texts = this.lazyByElement.get(el);
    if (texts === undefined) {
      texts = new Set();
      this.lazyByElement.set(el, texts);
      this.lazyObserver().observe(el);
    }
    texts.add(text);
    this.lazyElementOf.set(text, el);
  }

  private unwatchLazy(text: Text): void {
    const el = this.lazyElementOf.get(text);
    if (el === undefined) return;
    this.lazyElementOf.delete(text);
    const texts = this.lazyByElement.get(el);
    texts?.delete(text);
    if (texts?.size === 0) {
      this.lazyByElement.delete(el);
      this.observer?.unobserve(el);
    }
  }

  private lazyObserver(): IntersectionObserver {
    this.observer ??= new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const texts = this.lazyByElement.get(entry.target);
          if (texts === undefined) continue;
          for (const text of texts) {
            for (const occ of this.occurrencesIn(text)) {
              if (entry.isIntersecting) this.paint(occ);
              else this.unpaint(occ);
            }
          }
        }
      },
      { rootMargin: this.options.lazyMargin },
    );
    return this.observer;
  }
}

const EMPTY: readonly Occurrence[] = [];
