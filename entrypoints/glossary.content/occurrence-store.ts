import { TERM_IDS } from '../../glossary/terms.ts';
import type { TermId, TermMatch } from '../../glossary/types.ts';

/** One occurrence of a term in a text node; `range` is set while it is painted. */
export interface Occurrence {
  readonly text: Text;
  readonly start: number;
  readonly end: number;
  readonly termId: TermId;
  range: Range | null;
}

/** The public name of a term's highlight in `CSS.highlights`, e.g. `glossary-kpo`. */
export const highlightName = (termId: TermId): string => `glossary-${termId}`;

export interface OccurrenceStoreOptions {
  /** Occurrences painted at once; later ones are painted when their element nears the viewport. */
  readonly eagerLimit: number;
  /** A text node with more occurrences than this is painted only in the band around the viewport. */
  readonly windowedFrom: number;
  /** How far beyond the viewport lazy occurrences are painted, in viewport heights. */
  readonly lazyMargin: number;
  /** Paint only the first occurrence of each term (all are still counted). */
  readonly firstOnly: boolean;
  /** Called (synchronously) after the set of occurrences changed. */
  readonly onChange: () => void;
}

const DEFAULT_OPTIONS: OccurrenceStoreOptions = {
  eagerLimit: 2000,
  windowedFrom: 300,
  lazyMargin: 1.5,
  firstOnly: false,
  onChange: () => undefined,
};

/**
 * How a text node's occurrences get painted: all at once (`eager`), all while their element is
 * near the viewport (`lazy`), or, in a text node with very many, only those near the viewport
 * (`windowed`, recomputed as the page scrolls).
 */
type PaintMode = 'eager' | 'lazy' | 'windowed' | 'first-only';

interface TextEntry {
  readonly occurrences: readonly Occurrence[];
  readonly mode: PaintMode;
  /** The element watched for nearing the viewport (lazy and windowed entries). */
  readonly element: Element | null;
  /** The text node's parent when it was matched. */
  readonly owner: Element | null;
  /** Windowed entries: the painted slice of `occurrences`. */
  lo: number;
  hi: number;
}

/**
 * Every occurrence of every term in one document (and its shadow roots), indexed by text node,
 * and painted through one `Highlight` per term registered in the document's `CSS.highlights`.
 * A live Range per occurrence is the costly part on term-dense pages (to create, for the browser
 * to paint, and for the page's own DOM mutations, which update every live Range), so beyond
 * `eagerLimit` ranges exist only near the viewport; every occurrence is still counted.
 */
export class OccurrenceStore {
  private readonly entries = new Map<Text, TextEntry>();
  private readonly counts = new Map<TermId, number>(TERM_IDS.map((id) => [id, 0]));
  /** One registered `Highlight` per term (none where the browser lacks the Highlight API). */
  readonly highlights = new Map<TermId, Highlight>();
  private readonly watched = new Map<Element, Set<Text>>();
  /** Elements whose own text holds occurrences, with how many of their text nodes do. */
  private readonly owners = new Map<Element, number>();
  private readonly activeWindows = new Set<Text>();
  /** With `firstOnly`: the one painted occurrence of each term. */
  private readonly firsts = new Map<TermId, Occurrence>();
  private readonly options: OccurrenceStoreOptions;
  private readonly probe: Range;
  private observer: IntersectionObserver | null = null;
  private scrollListening: AbortController | null = null;
  private windowFrame = 0;
  private eagerPainted = 0;
  private total = 0;
  private version = 0;

  constructor(
    private readonly doc: Document,
    options: Partial<OccurrenceStoreOptions> = {},
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
    this.probe = doc.createRange();
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

  /** Grows each time the set of occurrences changes (for caches built on it). */
  get changes(): number {
    return this.version;
  }

  /** The occurrences in a text node, in order (empty when none). */
  occurrencesIn(text: Text): readonly Occurrence[] {
    return this.entries.get(text)?.occurrences ?? EMPTY;
  }

  /** Whether an element's own text nodes hold occurrences (a cheap test before hit-testing). */
  hasOccurrencesIn(element: Element): boolean {
    return this.owners.has(element);
  }

  /** Every text node with occurrences, in the order they were found. */
  texts(): IterableIterator<Text> {
    return this.entries.keys();
  }

  /** Replaces what is known about a text node by `matches` (none: the node is forgotten). */
  setMatches(text: Text, matches: readonly TermMatch[]): void {
    const known = this.entries.has(text);
    if (known) this.removeEntry(text);
    if (matches.length === 0) {
      if (known) this.changed();
      return;
    }
    const occurrences = matches.map((m): Occurrence => ({ ...m, text, range: null }));
    const mode: PaintMode = this.options.firstOnly
      ? 'first-only'
      : occurrences.length > this.options.windowedFrom
        ? 'windowed'
        : this.eagerPainted < this.options.eagerLimit
          ? 'eager'
          : 'lazy';
    const owner = text.parentElement;
    const element = mode === 'lazy' || mode === 'windowed' ? owner : null;
    this.entries.set(text, { occurrences, mode, element, owner, lo: 0, hi: 0 });
    if (owner !== null) this.owners.set(owner, (this.owners.get(owner) ?? 0) + 1);
    for (const occ of occurrences)
      this.counts.set(occ.termId, (this.counts.get(occ.termId) ?? 0) + 1);
    this.total += occurrences.length;
    if (mode === 'eager') {
      this.eagerPainted += occurrences.length;
      for (const occ of occurrences) this.paint(occ);
    } else if (mode === 'first-only') {
      for (const occ of occurrences) if (!this.firsts.has(occ.termId)) this.paintFirst(occ);
    } else if (element !== null) {
      this.watch(element, text);
    }
    this.changed();
  }

  /** Forgets a text node and unpaints its occurrences. */
  remove(text: Text): void {
    if (!this.entries.has(text)) return;
    this.removeEntry(text);
    this.changed();
  }

  /** Forgets everything but keeps the highlights registered (for a rescan). */
  clear(): void {
    for (const h of this.highlights.values()) h.clear();
    this.entries.clear();
    this.owners.clear();
    this.watched.clear();
    this.activeWindows.clear();
    this.firsts.clear();
    this.observer?.disconnect();
    this.stopFollowingScroll();
    for (const id of TERM_IDS) this.counts.set(id, 0);
    this.eagerPainted = 0;
    this.total = 0;
    this.changed();
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

  private changed(): void {
    this.version++;
    this.options.onChange();
  }

  private removeEntry(text: Text): void {
    const entry = this.entries.get(text);
    if (entry === undefined) return;
    this.entries.delete(text);
    for (const occ of entry.occurrences) {
      this.counts.set(occ.termId, (this.counts.get(occ.termId) ?? 1) - 1);
      this.unpaint(occ);
    }
    this.total -= entry.occurrences.length;
    if (entry.mode === 'eager') this.eagerPainted -= entry.occurrences.length;
    if (entry.element !== null) this.unwatch(entry.element, text);
    if (entry.owner !== null) {
      const left = (this.owners.get(entry.owner) ?? 1) - 1;
      if (left > 0) this.owners.set(entry.owner, left);
      else this.owners.delete(entry.owner);
    }
    this.activeWindows.delete(text);
    if (entry.mode === 'first-only') this.replaceLostFirsts(entry.occurrences);
  }

  private paintFirst(occ: Occurrence): void {
    this.firsts.set(occ.termId, occ);
    this.paint(occ);
  }

  // A removed node held a term's first occurrence: the next one found takes its place.
  private replaceLostFirsts(removed: readonly Occurrence[]): void {
    const lost = new Set<TermId>();
    for (const occ of removed) {
      if (this.firsts.get(occ.termId) === occ) {
        this.firsts.delete(occ.termId);
        lost.add(occ.termId);
      }
    }
    if (lost.size === 0) return;
    for (const entry of this.entries.values()) {
      for (const occ of entry.occurrences) {
        if (lost.delete(occ.termId)) this.paintFirst(occ);
      }
      if (lost.size === 0) return;
    }
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

  private watch(element: Element, text: Text): void {
    let texts = this.watched.get(element);
    if (texts === undefined) {
      texts = new Set();
      this.watched.set(element, texts);
      this.nearViewport().observe(element);
    }
    texts.add(text);
  }

  private unwatch(element: Element, text: Text): void {
    const texts = this.watched.get(element);
    texts?.delete(text);
    if (texts?.size === 0) {
      this.watched.delete(element);
      this.observer?.unobserve(element);
    }
  }

  private nearViewport(): IntersectionObserver {
    this.observer ??= new IntersectionObserver(
      (records) => {
        for (const record of records) {
          for (const text of this.watched.get(record.target) ?? []) {
            const entry = this.entries.get(text);
            if (entry?.mode === 'lazy') {
              for (const occ of entry.occurrences) {
                if (record.isIntersecting) this.paint(occ);
                else this.unpaint(occ);
              }
            } else if (entry?.mode === 'windowed') {
              if (record.isIntersecting) this.activeWindows.add(text);
              else {
                this.activeWindows.delete(text);
                this.paintWindow(entry, 0, 0);
              }
            }
          }
        }
        this.updateWindows();
      },
      { rootMargin: `${Math.round(this.options.lazyMargin * 100)}% 0px` },
    );
    return this.observer;
  }

  // Text nodes painted by window follow scrolling: their element stays "intersecting" throughout.
  private updateWindows(): void {
    if (this.activeWindows.size === 0) {
      this.stopFollowingScroll();
      return;
    }
    this.followScroll();
    const win = this.doc.defaultView;
    const height = win?.innerHeight ?? 0;
    const top = -height * this.options.lazyMargin;
    const bottom = height * (1 + this.options.lazyMargin);
    for (const text of this.activeWindows) {
      const entry = this.entries.get(text);
      if (entry === undefined) continue;
      // Offsets grow down the page within one text node, so the band is found by bisection.
      const lo = this.firstIndex(entry.occurrences, (r) => r.bottom >= top);
      const hi = this.firstIndex(entry.occurrences, (r) => r.top > bottom);
      this.paintWindow(entry, lo, Math.min(hi, lo + this.options.eagerLimit));
    }
  }

  private paintWindow(entry: TextEntry, lo: number, hi: number): void {
    const list = entry.occurrences;
    for (let i = entry.lo; i < entry.hi; i++) {
      const occ = list[i];
      if (occ !== undefined && (i < lo || i >= hi)) this.unpaint(occ);
    }
    for (let i = lo; i < hi; i++) {
      const occ = list[i];
      if (occ !== undefined) this.paint(occ);
    }
    entry.lo = lo;
    entry.hi = hi;
  }

  private firstIndex(list: readonly Occurrence[], test: (rect: DOMRect) => boolean): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const occ = list[mid];
      if (occ === undefined || occ.end > occ.text.length) return list.length;
      this.probe.setStart(occ.text, occ.start);
      this.probe.setEnd(occ.text, occ.end);
      if (test(this.probe.getBoundingClientRect())) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private followScroll(): void {
    const win = this.doc.defaultView;
    if (this.scrollListening !== null || win === null) return;
    this.scrollListening = new AbortController();
    const onScroll = (): void => {
      if (this.windowFrame !== 0) return;
      this.windowFrame = win.requestAnimationFrame(() => {
        this.windowFrame = 0;
        this.updateWindows();
      });
    };
    const options = { capture: true, passive: true, signal: this.scrollListening.signal };
    win.addEventListener('scroll', onScroll, options);
    win.addEventListener('resize', onScroll, options);
  }

  private stopFollowingScroll(): void {
    this.scrollListening?.abort();
    this.scrollListening = null;
    if (this.windowFrame !== 0) this.doc.defaultView?.cancelAnimationFrame(this.windowFrame);
    this.windowFrame = 0;
  }
}

const EMPTY: readonly Occurrence[] = [];
