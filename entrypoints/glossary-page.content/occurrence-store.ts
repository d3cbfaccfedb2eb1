import { TERM_IDS } from '../../glossary/term-ids.ts';
import type { TermId, TermMatch } from '../../glossary/types.ts';
import { captureNatives, nullProto, type Natives } from './natives.ts';

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
  /** Lazy text nodes painted together when one of them nears the viewport (either side). */
  readonly lazyBlock: number;
  /** Painted lazy text this many viewport heights away is unpainted again. */
  readonly farMargin: number;
  /** Least time between two changes of the registered highlights, after the first. */
  readonly flushGapMs: number;
  /** Called (synchronously) after the set of occurrences changed. */
  readonly onChange: () => void;
  /** The page's built-ins from before page scripts ran (captured now when not given). */
  readonly natives?: Natives;
}

const DEFAULT_OPTIONS: OccurrenceStoreOptions = {
  eagerLimit: 2000,
  windowedFrom: 300,
  lazyMargin: 1.5,
  lazyBlock: 48,
  farMargin: 4,
  flushGapMs: 200,
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
  readonly text: Text;
  readonly occurrences: readonly Occurrence[];
  readonly mode: PaintMode;
  /** Lazy entries: the place in `lazy`, and whether the entry is painted now. */
  seq: number;
  painted: boolean;
  /** The element watched for nearing the viewport (lazy and windowed entries). */
  readonly element: Element | null;
  /** Windowed entries: the painted slice of `occurrences`. */
  lo: number;
  hi: number;
}

/**
 * Every occurrence of every term in one document (and its shadow roots), indexed by text node,
 * and painted through one `Highlight` per term registered in the document's `CSS.highlights`.
 * A live Range per occurrence is the costly part on term-dense pages (to create, for the browser
 * to paint, and for the page's own DOM mutations, which update every live Range), so beyond
 * `eagerLimit` ranges exist only once their part of the page has neared the viewport; every
 * occurrence is still counted.
 *
 * The registered highlights change rarely: any change makes the browser revalidate them all at
 * the next frame, so ranges are added and removed in batches, at most once a frame and, after the
 * first batch, at least `flushGapMs` apart; lazily painted text is painted a block at a time, stays
 * painted while it is within `farMargin` screens, and is unpainted beyond.
 */
export class OccurrenceStore {
  private readonly entries = new Map<Text, TextEntry>();
  private readonly counts = new Map<TermId, number>();
  /** One registered `Highlight` per term (none where the browser lacks the Highlight API). */
  readonly highlights = new Map<TermId, Highlight>();
  /** Lazy and windowed text, watched for nearing the viewport. */
  private readonly near: TextWatch;
  /** Painted lazy text, watched for going far out of view (then it is unpainted). */
  private readonly far: TextWatch;
  private readonly activeWindows = new Set<Text>();
  /** Lazy entries in the order found (document order, but for text the page added later). */
  private lazy: (TextEntry | null)[] = [];
  /** Ranges waiting for the next batch: to add to, or delete from, each term's highlight. */
  private readonly toAdd = new Map<Range, TermId>();
  private readonly toDelete = new Map<Range, TermId>();
  private flushTimer = 0;
  private flushFrame = 0;
  private lastFlush = -Infinity;
  /** Where the viewport was when the painted windows were last computed. */
  private windowsAt = NaN;
  private readonly natives: Natives;
  /** With `firstOnly`: the one painted occurrence of each term. */
  private readonly firsts = new Map<TermId, Occurrence>();
  private readonly options: OccurrenceStoreOptions;
  private readonly probe: Range;
  private scrollListening = false;
  private windowFrame = 0;
  private eagerPainted = 0;
  private total = 0;
  private version = 0;

  constructor(
    private readonly doc: Document,
    options: Partial<OccurrenceStoreOptions> = {},
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
    const win = doc.defaultView;
    if (win === null) throw new Error('An occurrence store needs a document with a window.');
    const natives = (this.natives = options.natives ?? captureNatives(win));
    this.probe = natives.createRange(doc);
    this.near = new TextWatch(natives, this.options.lazyMargin, this.nearingViewport);
    this.far = new TextWatch(natives, this.options.farMargin, this.leavingFar);
    for (let i = 0; i < TERM_IDS.length; i++) {
      const id = TERM_IDS[i] as TermId;
      this.counts.set(id, 0);
      const highlight = new natives.Highlight();
      this.highlights.set(id, highlight);
      natives.registrySet(natives.highlights, highlightName(id), highlight);
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
    const occurrences: Occurrence[] = [];
    for (let i = 0; i < matches.length; i++) {
      const m = matches[i] as TermMatch;
      occurrences.push({ text, start: m.start, end: m.end, termId: m.termId, range: null });
    }
    const mode: PaintMode = this.options.firstOnly
      ? 'first-only'
      : occurrences.length > this.options.windowedFrom
        ? 'windowed'
        : this.eagerPainted < this.options.eagerLimit
          ? 'eager'
          : 'lazy';
    const element = mode === 'lazy' || mode === 'windowed' ? text.parentElement : null;
    const entry: TextEntry = {
      text,
      occurrences,
      mode,
      element,
      seq: -1,
      painted: false,
      lo: 0,
      hi: 0,
    };
    this.entries.set(text, entry);
    if (mode === 'lazy') {
      entry.seq = this.lazy.length;
      this.lazy.push(entry);
    }
    for (const occ of occurrences)
      this.counts.set(occ.termId, (this.counts.get(occ.termId) ?? 0) + 1);
    this.total += occurrences.length;
    if (mode === 'eager') {
      this.eagerPainted += occurrences.length;
      for (const occ of occurrences) this.paint(occ);
    } else if (mode === 'first-only') {
      for (const occ of occurrences) if (!this.firsts.has(occ.termId)) this.paintFirst(occ);
    } else if (element !== null) {
      this.near.add(element, text);
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
    for (const h of this.highlights.values()) this.natives.highlightClear(h);
    for (const entry of this.entries.values()) {
      for (const occ of entry.occurrences) occ.range = null;
    }
    this.toAdd.clear();
    this.toDelete.clear();
    this.lazy = [];
    this.entries.clear();
    this.near.clear();
    this.far.clear();
    this.activeWindows.clear();
    this.firsts.clear();
    this.stopFollowingScroll();
    for (const id of TERM_IDS) this.counts.set(id, 0);
    this.eagerPainted = 0;
    this.total = 0;
    this.changed();
  }

  /** Removes every highlight this store registered and stops observing. */
  dispose(): void {
    this.clear();
    const n = this.natives;
    n.clearTimeout(this.flushTimer);
    n.cancelAnimationFrame(this.flushFrame);
    for (const [id, highlight] of this.highlights) {
      if (n.registryGet(n.highlights, highlightName(id)) === highlight) {
        n.registryDelete(n.highlights, highlightName(id));
      }
    }
    this.highlights.clear();
  }

  /** Applies every waiting range change to the registered highlights now. */
  flush(): void {
    const n = this.natives;
    n.clearTimeout(this.flushTimer);
    n.cancelAnimationFrame(this.flushFrame);
    this.flushTimer = 0;
    this.flushFrame = 0;
    if (this.toAdd.size === 0 && this.toDelete.size === 0) return;
    this.lastFlush = n.now();
    for (const [range, id] of this.toDelete) {
      const highlight = this.highlights.get(id);
      if (highlight !== undefined) n.highlightDelete(highlight, range);
    }
    for (const [range, id] of this.toAdd) {
      const highlight = this.highlights.get(id);
      if (highlight !== undefined) n.highlightAdd(highlight, range);
    }
    this.toDelete.clear();
    this.toAdd.clear();
  }

  // One batch a frame at most; after the first, one per `flushGapMs`.
  private scheduleFlush(): void {
    if (this.flushTimer !== 0 || this.flushFrame !== 0) return;
    const n = this.natives;
    const wait = this.lastFlush + this.options.flushGapMs - n.now();
    const inFrame = (): void => {
      this.flushTimer = 0;
      this.flushFrame = n.requestAnimationFrame(() => {
        this.flushFrame = 0;
        this.flush();
      });
    };
    if (wait <= 0) inFrame();
    else this.flushTimer = n.setTimeout(inFrame, wait);
  }

  /** A live Range over an occurrence (painted or not), or null when its text changed under it. */
  rangeOf(occ: Occurrence): Range | null {
    if (occ.range !== null) return occ.range;
    if (occ.end > occ.text.length) return null;
    const n = this.natives;
    const range = n.createRange(this.doc);
    n.rangeSetStart(range, occ.text, occ.start);
    n.rangeSetEnd(range, occ.text, occ.end);
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
    if (entry.element !== null) this.near.remove(entry.element, text);
    this.activeWindows.delete(text);
    if (entry.seq >= 0 && this.lazy[entry.seq] === entry) this.lazy[entry.seq] = null;
    if (entry.painted && entry.element !== null) this.far.remove(entry.element, text);
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
    this.toAdd.set(range, occ.termId);
    this.scheduleFlush();
  }

  private unpaint(occ: Occurrence): void {
    const range = occ.range;
    if (range === null) return;
    occ.range = null;
    // Never registered yet: it just does not go in.
    if (!this.toAdd.delete(range)) {
      this.toDelete.set(range, occ.termId);
      this.scheduleFlush();
    }
  }

  // A lazy text neared the viewport: it and its neighbours on either side are painted together, so
  // scrolling on changes the highlights only once per block.
  private paintBlock(seq: number): void {
    const block = this.options.lazyBlock;
    const end = Math.min(this.lazy.length, seq + block + 1);
    for (let i = Math.max(0, seq - block); i < end; i++) {
      const entry = this.lazy[i];
      if (entry == null || entry.painted) continue;
      entry.painted = true;
      for (const occ of entry.occurrences) this.paint(occ);
      if (entry.element !== null) {
        this.near.remove(entry.element, entry.text);
        this.far.add(entry.element, entry.text);
      }
    }
  }

  // Painted lazy text far out of view is unpainted and waits to come near again: the registered
  // ranges stay a few screens' worth, so each batch the browser revalidates stays small.
  private unpaintFar(entry: TextEntry): void {
    if (!entry.painted || entry.element === null) return;
    entry.painted = false;
    for (const occ of entry.occurrences) this.unpaint(occ);
    this.far.remove(entry.element, entry.text);
    this.near.add(entry.element, entry.text);
  }

  private readonly leavingFar = (records: readonly IntersectionObserverEntry[]): void => {
    for (const record of records) {
      if (record.isIntersecting) continue;
      for (const text of this.far.textsOf(record.target)) {
        const entry = this.entries.get(text);
        if (entry?.mode === 'lazy') this.unpaintFar(entry);
      }
    }
  };

  private readonly nearingViewport = (records: readonly IntersectionObserverEntry[]): void => {
    // The first report covers every watched element, most of them far away: those matter only to
    // windowed text.
    const windowed = this.activeWindows.size > 0;
    for (const record of records) {
      if (!record.isIntersecting && !windowed) continue;
      for (const text of this.near.textsOf(record.target)) {
        const entry = this.entries.get(text);
        if (entry?.mode === 'lazy') {
          if (record.isIntersecting) this.paintBlock(entry.seq);
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
  };

  // Text nodes painted by window follow scrolling: their element stays "intersecting" throughout.
  private updateWindows(force = true): void {
    if (this.activeWindows.size === 0) {
      this.stopFollowingScroll();
      return;
    }
    this.followScroll();
    const win = this.doc.defaultView;
    const height = win?.innerHeight ?? 0;
    // While scrolling, the windows move only once the viewport has moved a third of its height
    // from where they were computed: the painted band stays within lazyMargin + 1/3 screens.
    const at = win?.scrollY ?? 0;
    if (!force && Math.abs(at - this.windowsAt) < height / 3) return;
    this.windowsAt = at;
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
      this.natives.rangeSetStart(this.probe, occ.text, occ.start);
      this.natives.rangeSetEnd(this.probe, occ.text, occ.end);
      if (test(this.natives.rangeRect(this.probe))) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private followScroll(): void {
    const win = this.doc.defaultView;
    if (this.scrollListening || win === null) return;
    this.scrollListening = true;
    this.natives.addEventListener(win, 'scroll', this.onScroll, LISTEN);
    this.natives.addEventListener(win, 'resize', this.onResize, LISTEN);
  }

  private readonly onScroll = (): void => {
    this.afterScroll(false);
  };

  private readonly onResize = (): void => {
    this.afterScroll(true);
  };

  private afterScroll(force: boolean): void {
    if (this.windowFrame !== 0) return;
    this.windowFrame = this.natives.requestAnimationFrame(() => {
      this.windowFrame = 0;
      this.updateWindows(force);
    });
  }

  private stopFollowingScroll(): void {
    const win = this.doc.defaultView;
    if (this.scrollListening && win !== null) {
      this.natives.removeEventListener(win, 'scroll', this.onScroll, LISTEN);
      this.natives.removeEventListener(win, 'resize', this.onResize, LISTEN);
    }
    this.scrollListening = false;
    if (this.windowFrame !== 0) this.natives.cancelAnimationFrame(this.windowFrame);
    this.windowFrame = 0;
  }
}

const EMPTY: readonly Occurrence[] = [];

/**
 * Text nodes watched through their elements by one IntersectionObserver (made on first use) with
 * a vertical margin of `margin` viewport heights; `onRecords` gets its reports.
 */
class TextWatch {
  private readonly texts = new Map<Element, Set<Text>>();
  private observer: IntersectionObserver | null = null;

  constructor(
    private readonly natives: Natives,
    private readonly margin: number,
    private readonly onRecords: (records: readonly IntersectionObserverEntry[]) => void,
  ) {}

  add(element: Element, text: Text): void {
    let texts = this.texts.get(element);
    if (texts === undefined) {
      texts = new Set();
      this.texts.set(element, texts);
      this.observer ??= new this.natives.IntersectionObserver(
        this.onRecords,
        nullProto({ rootMargin: `${Math.round(this.margin * 100)}% 0px` }),
      );
      this.natives.intersectionObserve(this.observer, element);
    }
    texts.add(text);
  }

  remove(element: Element, text: Text): void {
    const texts = this.texts.get(element);
    texts?.delete(text);
    if (texts?.size === 0) {
      this.texts.delete(element);
      if (this.observer !== null) this.natives.intersectionUnobserve(this.observer, element);
    }
  }

  /** The texts watched through `element`, as a copy (callers change the watch as they go). */
  textsOf(element: Element): Text[] {
    const texts = this.texts.get(element);
    return texts === undefined ? [] : [...texts];
  }

  clear(): void {
    if (this.observer !== null) this.natives.intersectionDisconnect(this.observer);
    this.texts.clear();
  }
}

const LISTEN: AddEventListenerOptions = nullProto({ capture: true, passive: true });
