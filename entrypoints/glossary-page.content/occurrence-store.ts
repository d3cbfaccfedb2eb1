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
  /** Occurrences painted at once; later ones are painted when their part of the page is in view. */
  readonly eagerLimit: number;
  /** A text node with more occurrences than this is painted only in the band around the viewport. */
  readonly windowedFrom: number;
  /** How far beyond the viewport windowed occurrences are painted, in viewport heights. */
  readonly lazyMargin: number;
  /** Paint only the first occurrence of each term (all are still counted). */
  readonly firstOnly: boolean;
  /**
   * Lazy text nodes (in document order) that make one block: a block in view is painted with one
   * block either side.
   */
  readonly lazyBlock: number;
  /** Painted lazy blocks more than this many blocks from every block in view are unpainted. */
  readonly keepBlocks: number;
  /** Least time between two looks at what lazy text is in view, while scrolling. */
  readonly sampleGapMs: number;
  /**
   * While the page keeps scrolling (scroll events less than this apart), a look waits until
   * scrolling has paused this long: each look that paints costs the page a repaint of its whole
   * tree, and text passed in a fling needs none…
   */
  readonly scrollPauseMs: number;
  /**
   * …but no longer than this after the last look, unless the page moved more than
   * `flingScreensPerS` screens a second meanwhile: text that fast is not being read, and the look
   * waits for the pause (the repaint that comes with a look is spared while flinging).
   */
  readonly scrollMaxWaitMs: number;
  readonly flingScreensPerS: number;
  /** Least time between two changes of the registered highlights, after the first… */
  readonly flushGapMs: number;
  /** …and while `busy` (a scan goes on, to end with a flush of its own). */
  readonly busyFlushGapMs: number;
  /** Called (synchronously) after the set of occurrences changed. */
  readonly onChange: () => void;
  /**
   * Called once the term highlights are registered in the document's `CSS.highlights`: with the
   * first range painted, so a page without terms never sees a registry entry of ours.
   */
  readonly onRegistered: () => void;
  /** The page's built-ins from before page scripts ran (captured now when not given). */
  readonly natives?: Natives;
}

const DEFAULT_OPTIONS: OccurrenceStoreOptions = {
  eagerLimit: 2000,
  windowedFrom: 300,
  lazyMargin: 1.5,
  lazyBlock: 48,
  keepBlocks: 3,
  sampleGapMs: 100,
  scrollPauseMs: 150,
  scrollMaxWaitMs: 1000,
  flingScreensPerS: 3,
  flushGapMs: 200,
  busyFlushGapMs: 1000,
  firstOnly: false,
  onChange: () => undefined,
  onRegistered: () => undefined,
};

/**
 * How a text node's occurrences get painted: all at once (`eager`), all while the text is near the
 * text in view in document order (`lazy`), or, in a text node with very many, only those near the
 * viewport (`windowed`, recomputed as the page scrolls).
 */
type PaintMode = 'eager' | 'lazy' | 'windowed' | 'first-only';

interface TextEntry {
  readonly text: Text;
  /** What the matcher found, in order: counted at once. */
  readonly matches: readonly TermMatch[];
  /**
   * The matches as occurrences (with their ranges), made when first needed (painted, asked for):
   * lazy text that never nears the viewport, most of it on a term-dense page, never needs them.
   */
  occurrences: Occurrence[] | null;
  readonly mode: PaintMode;
  /** Lazy entries: the place in `lazy`, and whether the entry is painted now. */
  seq: number;
  painted: boolean;
  /** The text's element (lazy and windowed entries); windowed ones are watched through it. */
  readonly element: Element | null;
  /**
   * Lazy entries: the node that places the text in document order, the text itself or, in a shadow
   * root, the outermost shadow host (what `elementFromPoint` answers there).
   */
  readonly anchor: Node | null;
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
 * first batch, at least `flushGapMs` apart (`busyFlushGapMs` while a scan goes on: the scanner
 * flushes when it is done, so a scan of a few hundred milliseconds is one change).
 *
 * Lazy text is kept in document order. Which of it is in view is found when the page has
 * scrolled (straight away after a jump; when scrolling that goes on pauses, or `scrollMaxWaitMs`
 * after the last look), at most every `sampleGapMs`: by bisection on where the lazy elements are
 * (some 30 box questions), or, where the page is not laid out in document order, by looking up a
 * few points of the viewport (`elementFromPoint`) in that order. Either costs per look what hardly
 * grows with the page (an IntersectionObserver per lazy element made the browser check thousands
 * of targets every frame), and each look that paints costs the page one repaint of its tree. Lazy
 * text is painted a block at a time, stays painted while its block is within `keepBlocks` blocks
 * of one in view, and is unpainted beyond.
 */
export class OccurrenceStore {
  private readonly entries = new Map<Text, TextEntry>();
  private readonly counts = new Map<TermId, number>();
  /** One registered `Highlight` per term, from the first range painted on (see `onRegistered`). */
  readonly highlights = new Map<TermId, Highlight>();
  /** Windowed text, watched for nearing the viewport. */
  private readonly near: TextWatch;
  private readonly activeWindows = new Set<Text>();
  /** Lazy entries in document order (of their anchors); null where one was removed. */
  private lazy: (TextEntry | null)[] = [];
  private lazyHoles = 0;
  /** Lazy entries painted now. */
  private readonly paintedLazy = new Set<TextEntry>();
  private sampleTimer = 0;
  private sampleFrame = 0;
  private lastSample = -Infinity;
  /** When the page last scrolled, and whether it had scrolled just before (it keeps scrolling). */
  private lastScroll = -Infinity;
  private scrolling = false;
  /** Where the page was scrolled at the last look (or fling check), and when: for its speed. */
  private travelFromY = NaN;
  private travelFromTime = -Infinity;
  /** Whether the page scrolled (or resized) since the last look at what is in view. */
  private scrolledSinceLook = false;
  private loadListening = false;
  /** Ranges waiting for the next batch: to add to, or delete from, each term's highlight. */
  private readonly toAdd = new Map<Range, TermId>();
  private readonly toDelete = new Map<Range, TermId>();
  private flushTimer = 0;
  private flushFrame = 0;
  private lastFlush = -Infinity;
  private scanning = false;
  /** Lazy text came while scanning: a look is due when the scan is done. */
  private lookAfterScan = false;
  /** Whether the next batch goes in at the end of this task (the first, and see expedite()). */
  private urgent = true;
  private urgentQueued = false;
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
    for (let i = 0; i < TERM_IDS.length; i++) this.counts.set(TERM_IDS[i] as TermId, 0);
  }

  // One Highlight per term, registered under its public name, the first time a range goes in.
  private register(): void {
    const n = this.natives;
    for (let i = 0; i < TERM_IDS.length; i++) {
      const id = TERM_IDS[i] as TermId;
      const highlight = new n.Highlight();
      this.highlights.set(id, highlight);
      n.registrySet(n.highlights, highlightName(id), highlight);
    }
    this.options.onRegistered();
  }

  /**
   * Set by the scanner while it scans: batches wait `busyFlushGapMs` (or its flush at the end), and
   * lazy text found waits for one look at what is in view when the scan is done.
   */
  get busy(): boolean {
    return this.scanning;
  }

  set busy(busy: boolean) {
    if (busy === this.scanning) return;
    this.scanning = busy;
    if (busy || !this.lookAfterScan) return;
    this.lookAfterScan = false;
    if (this.hasLazy()) this.scheduleSample();
  }

  /** Number of occurrences of each term, all of them, painted or not. */
  countsByTerm(): ReadonlyMap<TermId, number> {
    return this.counts;
  }

  /** How many occurrences are painted as soon as they are found (the rest when in view). */
  get eagerLimit(): number {
    return this.options.eagerLimit;
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
    const entry = this.entries.get(text);
    return entry === undefined ? EMPTY : occurrencesOf(entry);
  }

  /** Every text node with occurrences, in the order they were found. */
  texts(): IterableIterator<Text> {
    return this.entries.keys();
  }

  /**
   * Replaces what is known about a text node by `matches` (none: the node is forgotten). `inDocument`:
   * the caller knows the text is in the document itself, not in a shadow root.
   */
  setMatches(text: Text, matches: readonly TermMatch[], inDocument = false): void {
    const known = this.entries.has(text);
    if (known) this.removeEntry(text);
    if (matches.length === 0) {
      if (known) this.changed();
      return;
    }
    const mode: PaintMode = this.options.firstOnly
      ? 'first-only'
      : matches.length > this.options.windowedFrom
        ? 'windowed'
        : this.eagerPainted < this.options.eagerLimit
          ? 'eager'
          : 'lazy';
    const element = mode === 'lazy' || mode === 'windowed' ? text.parentElement : null;
    const entry: TextEntry = {
      text,
      matches,
      occurrences: null,
      mode,
      element,
      anchor: mode !== 'lazy' ? null : inDocument ? text : this.anchorOf(text),
      seq: -1,
      painted: false,
      lo: 0,
      hi: 0,
    };
    this.entries.set(text, entry);
    if (mode === 'lazy') this.addLazy(entry);
    const counts = this.counts;
    for (let i = 0; i < matches.length; i++) {
      const termId = (matches[i] as TermMatch).termId;
      counts.set(termId, (counts.get(termId) ?? 0) + 1);
    }
    this.total += matches.length;
    if (mode === 'eager') {
      this.eagerPainted += matches.length;
      for (const occ of occurrencesOf(entry)) this.paint(occ);
    } else if (mode === 'first-only') {
      for (const occ of occurrencesOf(entry))
        if (!this.firsts.has(occ.termId)) this.paintFirst(occ);
    } else if (mode === 'windowed' && element !== null) {
      this.near.add(element, text);
    }
    this.changed();
  }

  /**
   * Whether the occurrences known in a text node are painted where they were found: every range
   * still spans its occurrence (setting a node's data, even to the same text, collapses them).
   */
  intact(text: Text): boolean {
    const entry = this.entries.get(text);
    if (entry === undefined) return false;
    const n = this.natives;
    // Never painted: no range to check.
    for (const occ of entry.occurrences ?? EMPTY) {
      const range = occ.range;
      if (range === null) continue;
      if (
        n.rangeStartContainer(range) !== text ||
        n.rangeStartOffset(range) !== occ.start ||
        n.rangeEndOffset(range) !== occ.end
      )
        return false;
    }
    return true;
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
      for (const occ of entry.occurrences ?? EMPTY) occ.range = null;
    }
    this.toAdd.clear();
    this.toDelete.clear();
    this.lazy = [];
    this.lazyHoles = 0;
    this.paintedLazy.clear();
    this.entries.clear();
    this.near.clear();
    this.activeWindows.clear();
    this.firsts.clear();
    this.stopSampling();
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
    this.stopSampling();
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
    this.urgent = false;
    if (this.highlights.size === 0 && this.toAdd.size > 0) this.register();
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

  /**
   * The next batch goes in at the end of the current task, as the first one does: for the scan
   * that follows a preview, whose first slice finishes what the preview began.
   */
  expedite(): void {
    this.urgent = true;
    if (this.flushTimer === 0 && this.flushFrame === 0) return;
    const n = this.natives;
    n.clearTimeout(this.flushTimer);
    n.cancelAnimationFrame(this.flushFrame);
    this.flushTimer = 0;
    this.flushFrame = 0;
    this.scheduleFlush();
  }

  // The first batch at the end of the task that found it, so that it is in the very next frame
  // (waiting for an animation frame could miss one: on a big page the first frame after the
  // document is parsed lays it all out, and takes a second). Then one batch a frame at most, one
  // per `flushGapMs`.
  private scheduleFlush(): void {
    if (this.flushTimer !== 0 || this.flushFrame !== 0 || this.urgentQueued) return;
    const n = this.natives;
    if (this.urgent) {
      this.urgentQueued = true;
      n.queueMicrotask(() => {
        this.urgentQueued = false;
        if (this.urgent) this.flush();
      });
      return;
    }
    const { flushGapMs, busyFlushGapMs } = this.options;
    const wait = this.lastFlush + (this.scanning ? busyFlushGapMs : flushGapMs) - n.now();
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
    const counts = this.counts;
    const matches = entry.matches;
    for (let i = 0; i < matches.length; i++) {
      const termId = (matches[i] as TermMatch).termId;
      counts.set(termId, (counts.get(termId) ?? 1) - 1);
    }
    for (const occ of entry.occurrences ?? EMPTY) this.unpaint(occ);
    this.total -= entry.matches.length;
    if (entry.mode === 'eager') this.eagerPainted -= entry.matches.length;
    if (entry.mode === 'windowed' && entry.element !== null) this.near.remove(entry.element, text);
    this.activeWindows.delete(text);
    if (entry.mode === 'lazy') this.removeLazy(entry);
    if (entry.mode === 'first-only') this.replaceLostFirsts(entry.occurrences ?? EMPTY);
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
      for (const occ of occurrencesOf(entry)) {
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

  // The node that places a text in document order: the text itself, or the outermost shadow host
  // of the shadow root it is in.
  private anchorOf(text: Text): Node {
    const n = this.natives;
    let node: Node = text;
    for (let root = n.getRootNode(node); root.nodeType === DOCUMENT_FRAGMENT;) {
      const host = n.shadowHost(root as ShadowRoot) as Element | null;
      if (host == null) break;
      node = host;
      root = n.getRootNode(node);
    }
    return node;
  }

  /** Whether node `a` comes before `b` in document order (neither containing the other). */
  private before(a: Node, b: Node): boolean {
    const pos = this.natives.compareDocumentPosition(a, b);
    return (pos & FOLLOWING) !== 0 && (pos & CONTAINED_BY) === 0;
  }

  // Lazy text is found in document order but for shadow roots (walked after their host's
  // surroundings) and text the page adds later: those are put in their place by bisection.
  private addLazy(entry: TextEntry): void {
    this.compactLazy();
    const lazy = this.lazy;
    const anchor = entry.anchor as Node;
    const last = lazy[lazy.length - 1];
    let at = lazy.length;
    if (last != null && last.anchor !== anchor && !this.before(last.anchor as Node, anchor)) {
      at = this.firstLazy((other) => !this.before(other, anchor));
    }
    if (at === lazy.length) lazy.push(entry);
    else lazy.splice(at, 0, entry);
    for (let i = at; i < lazy.length; i++) (lazy[i] as TextEntry).seq = i;
    this.followScroll();
    if (this.scanning) this.lookAfterScan = true;
    else this.scheduleSample();
  }

  private removeLazy(entry: TextEntry): void {
    if (entry.seq >= 0 && this.lazy[entry.seq] === entry) {
      this.lazy[entry.seq] = null;
      this.lazyHoles++;
    }
    entry.seq = -1;
    if (entry.painted) {
      entry.painted = false;
      this.paintedLazy.delete(entry);
    }
    if (!this.hasLazy()) {
      this.lazy = [];
      this.lazyHoles = 0;
      this.stopSampling();
      this.unfollowScrollIfIdle();
    }
  }

  /** Whether any lazy text is known (the list also holds the holes removals left). */
  private hasLazy(): boolean {
    return this.lazy.length > this.lazyHoles;
  }

  private compactLazy(): void {
    if (this.lazyHoles === 0) return;
    const lazy: TextEntry[] = [];
    for (const entry of this.lazy) {
      if (entry === null) continue;
      entry.seq = lazy.length;
      lazy.push(entry);
    }
    this.lazy = lazy;
    this.lazyHoles = 0;
  }

  /** The first index in the (compact) lazy list whose anchor passes `test` (monotone). */
  private firstLazy(test: (anchor: Node) => boolean, lo = 0, hi = this.lazy.length): number {
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (test((this.lazy[mid] as TextEntry).anchor as Node)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  // Looks at the viewport once the page has scrolled: at the next frame, at most every sampleGapMs,
  // and while scrolling goes on, at its pauses (see sampleWait); the timer, once it fires, asks
  // again, so scrolling since it was set is waited for too.
  private scheduleSample(): void {
    // While the page loads, the load event schedules the first look.
    if (this.sampleTimer !== 0 || this.sampleFrame !== 0 || this.loadListening) return;
    const n = this.natives;
    const inFrame = (): void => {
      this.sampleTimer = 0;
      // Scrolled on since the timer was set: wait for the pause again.
      const still = this.sampleWait();
      if (still > 0) {
        this.sampleTimer = n.setTimeout(inFrame, still);
        return;
      }
      this.sampleFrame = n.requestAnimationFrame(() => {
        this.sampleFrame = 0;
        this.paintLazyInView();
      });
    };
    const wait = this.sampleWait();
    if (wait <= 0) inFrame();
    else this.sampleTimer = n.setTimeout(inFrame, wait);
  }

  // How long the next look must wait: the gap since the last one, and a pause in scrolling (up to
  // scrollMaxWaitMs after the last look, or after the last check that found the page flinging).
  private sampleWait(): number {
    const { sampleGapMs, scrollPauseMs, scrollMaxWaitMs } = this.options;
    const now = this.natives.now();
    const gap = this.lastSample + sampleGapMs - now;
    const pause = this.lastScroll + scrollPauseMs - now;
    if (!this.scrolling || pause <= 0) return gap;
    const maxWait = Math.max(this.lastSample, this.travelFromTime) + scrollMaxWaitMs - now;
    if (maxWait <= 0 && this.flinging(now)) return Math.max(gap, Math.min(pause, scrollMaxWaitMs));
    return Math.max(gap, Math.min(pause, maxWait));
  }

  // Whether the page moved faster than flingScreensPerS since the last look or check (one scroll
  // position read a scrollMaxWaitMs at most, while scrolling goes on); this check is the next one's
  // starting point.
  private flinging(now: number): boolean {
    const win = this.doc.defaultView;
    if (win === null) return false;
    const y = win.scrollY;
    const seconds = (now - Math.max(this.lastSample, this.travelFromTime)) / 1000;
    const fast =
      Math.abs(y - this.travelFromY) > this.options.flingScreensPerS * win.innerHeight * seconds;
    this.travelFromY = y;
    this.travelFromTime = now;
    return fast;
  }

  private stopSampling(): void {
    const n = this.natives;
    n.clearTimeout(this.sampleTimer);
    n.cancelAnimationFrame(this.sampleFrame);
    this.sampleTimer = 0;
    this.sampleFrame = 0;
    const win = this.doc.defaultView;
    if (this.loadListening && win !== null) n.removeEventListener(win, 'load', this.onLoad, LISTEN);
    this.loadListening = false;
  }

  private readonly onLoad = (): void => {
    const win = this.doc.defaultView;
    if (win !== null) this.natives.removeEventListener(win, 'load', this.onLoad, LISTEN);
    this.loadListening = false;
    if (this.scanning) this.lookAfterScan = true;
    else this.scheduleSample();
  };

  /**
   * Paints the lazy text in view, and the blocks either side of it in document order; unpaints
   * painted lazy text more than `keepBlocks` blocks away from all of it. Not while the page is
   * loading: asking what is where would lay the whole page out there and then (see the scanner).
   */
  private paintLazyInView(): void {
    const n = this.natives;
    const win = this.doc.defaultView;
    if (!this.hasLazy() || win === null) return;
    if (this.doc.readyState !== 'complete') {
      if (!this.loadListening) {
        this.loadListening = true;
        n.addEventListener(win, 'load', this.onLoad, LISTEN);
      }
      return;
    }
    this.lastSample = n.now();
    this.travelFromY = win.scrollY;
    this.compactLazy();
    const height = win.innerHeight;
    // Most lazy text follows the page top to bottom: a bisection on where it is finds the stretch
    // in view (some 30 box questions, however long the page). Where it does not (the text at the
    // found place is not in view), points of the viewport are looked up in document order instead:
    // each such hit test goes through every sibling box on the way, costly on a flat page.
    const stretch = this.lazyInViewByPosition(height);
    const hits = stretch ?? this.lazyInViewByPoints(win.innerWidth, height);
    // Nothing but the page's background in view: where it is in the text is unknown.
    if (hits.length === 0) return;
    hits.sort((a, b) => a - b);
    const size = Math.max(1, this.options.lazyBlock);
    // Blocks a little out of view stay painted while the reader scrolls (no unpaint and repaint
    // at every step). A look for any other reason (the page loaded, lazy text came) leaves exactly
    // the blocks around what is in view painted: the same page at rest gets the same highlights,
    // however its lazy text arrived.
    const reach = this.scrolledSinceLook ? Math.max(1, this.options.keepBlocks) : 1;
    this.scrolledSinceLook = false;
    const keep: number[] = [];
    // Hits close together in document order are one stretch of text in view: all of it is painted
    // (a small grid of points can miss short lines between them). Others (a fixed header, a
    // sidebar) are stretches of their own.
    for (let i = 0; i < hits.length;) {
      const lo = hits[i] as number;
      let hi = lo;
      // (From the bisection: two ends of one stretch, however far apart.)
      for (
        i++;
        i < hits.length && (stretch !== null || (hits[i] as number) - hi <= FILL_BLOCKS * size);
        i++
      )
        hi = hits[i] as number;
      const first = Math.floor(lo / size);
      const last = Math.floor(hi / size);
      this.paintLazy((first - 1) * size, (last + 2) * size);
      keep.push(first - reach, last + reach);
    }
    for (const entry of this.paintedLazy) {
      const block = Math.floor(entry.seq / size);
      let kept = false;
      for (let k = 0; k < keep.length && !kept; k += 2) {
        kept = block >= (keep[k] as number) && block <= (keep[k + 1] as number);
      }
      if (!kept) {
        entry.painted = false;
        this.paintedLazy.delete(entry);
        for (const occ of entry.occurrences ?? EMPTY) this.unpaint(occ);
      }
    }
  }

  /**
   * The first and last lazy text in view, found by bisection on where their elements are, or null
   * when the text at the place found is not where the bisection assumed (the page is not laid out
   * in document order there, or the text there is hidden).
   */
  private lazyInViewByPosition(height: number): number[] | null {
    const count = this.lazy.length;
    const top = this.firstLazyBy(0, (rect) => rect.bottom > 0);
    const at = top < count ? this.lazyRect(top) : null;
    const before = top > 0 ? this.lazyRect(top - 1) : null;
    if (top < count && (at === null || at.bottom <= 0)) return null;
    if (top > 0 && (before === null || before.bottom > 0)) return null;
    // No lazy text in view: the nearest is painted ahead only when it is within lazyMargin screens
    // (a page at rest among eager text, far from the lazy text, makes no change to the highlights).
    if (top === count) return this.lazyIfNear(count - 1, height);
    const bottom = this.firstLazyBy(top, (rect) => rect.top > height);
    if (bottom === top) return this.lazyIfNear(top, height);
    // The last one in view must be in view, and the stretch no longer than a screen can hold.
    const last = this.lazyRect(bottom - 1);
    if (last === null || last.top > height || bottom - top > MAX_IN_VIEW) return null;
    return [top, bottom - 1];
  }

  /** `[seq]` when that lazy text, out of view, is within `lazyMargin` screens of it, else none. */
  private lazyIfNear(seq: number, height: number): number[] {
    const rect = this.lazyRect(seq);
    const margin = height * this.options.lazyMargin;
    return rect !== null && rect.bottom > -margin && rect.top < height + margin ? [seq, seq] : [];
  }

  /** The first lazy index from `lo` whose element's box passes `test` (assumed monotone). */
  private firstLazyBy(lo: number, test: (rect: DOMRect) => boolean): number {
    let hi = this.lazy.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const rect = this.lazyRect(mid);
      if (rect === null || test(rect)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** The box of a lazy text's element (null when it has none: not rendered). */
  private lazyRect(seq: number): DOMRect | null {
    const element = this.lazy[seq]?.element;
    if (element == null) return null;
    const rect = this.natives.elementRect(element);
    return rect.width === 0 && rect.height === 0 ? null : rect;
  }

  /** The places in the lazy list of the text at a grid of points of the viewport. */
  private lazyInViewByPoints(width: number, height: number): number[] {
    const n = this.natives;
    const root = this.doc.documentElement;
    const body = this.doc.body;
    const seen = new Map<Element, number>();
    const hits: number[] = [];
    for (let row = 0; row < SAMPLE_ROWS; row++) {
      const y = (height * (row + 0.5)) / SAMPLE_ROWS;
      for (let col = 0; col < SAMPLE_COLUMNS; col++) {
        const el = n.elementFromPoint(this.doc, (width * (col + 0.5)) / SAMPLE_COLUMNS, y);
        if (el === null || el === root || el === body) continue;
        hits.push(seen.get(el) ?? this.lazyAt(el, y, seen));
      }
    }
    return hits;
  }

  private paintLazy(from: number, to: number): void {
    const end = Math.min(this.lazy.length, to);
    for (let i = Math.max(0, from); i < end; i++) {
      const entry = this.lazy[i];
      if (entry == null || entry.painted) continue;
      entry.painted = true;
      this.paintedLazy.add(entry);
      for (const occ of occurrencesOf(entry)) this.paint(occ);
    }
  }

  /**
   * The place in the lazy list of the text at `el` (at height `y` of the viewport), kept in `seen`
   * for the other points on `el` unless it depends on the height.
   */
  private lazyAt(el: Element, y: number, seen: Map<Element, number>): number {
    const lazy = this.lazy;
    // The first lazy text at or after the start of `el` (a bisection: a map from element to lazy
    // text would cost every lazy text found, a look costs a few points).
    const lo = this.firstLazy((anchor) => !this.before(anchor, el));
    const anchor = lazy[lo]?.anchor;
    if (
      anchor == null ||
      (anchor !== el && (this.natives.compareDocumentPosition(el, anchor) & CONTAINED_BY) === 0)
    ) {
      const seq = Math.min(lo, lazy.length - 1);
      seen.set(el, seq);
      return seq;
    }
    // `el` holds lazy text (a container hit between its paragraphs, or a shadow host): the one
    // at the sampled height, by bisection on where their elements are.
    const hi = this.firstLazy(
      (other) =>
        other !== el &&
        !this.before(other, el) &&
        (this.natives.compareDocumentPosition(el, other) & CONTAINED_BY) === 0,
      lo,
    );
    let a = lo;
    let b = hi - 1;
    while (a < b) {
      const mid = (a + b) >> 1;
      const element = (lazy[mid] as TextEntry).element;
      if (element === null || this.natives.elementRect(element).bottom >= y) b = mid;
      else a = mid + 1;
    }
    return a;
  }

  private readonly nearingViewport = (records: readonly IntersectionObserverEntry[]): void => {
    for (const record of records) {
      for (const text of this.near.textsOf(record.target)) {
        const entry = this.entries.get(text);
        if (entry?.mode !== 'windowed') continue;
        if (record.isIntersecting) this.activeWindows.add(text);
        else if (this.activeWindows.delete(text)) this.paintWindow(entry, 0, 0);
      }
    }
    this.updateWindows();
  };

  // Text nodes painted by window follow scrolling: their element stays "intersecting" throughout.
  private updateWindows(force = true): void {
    if (this.activeWindows.size === 0) {
      this.unfollowScrollIfIdle();
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
      const list = occurrencesOf(entry);
      const lo = this.firstIndex(list, (r) => r.bottom >= top);
      const hi = this.firstIndex(list, (r) => r.top > bottom);
      this.paintWindow(entry, lo, Math.min(hi, lo + this.options.eagerLimit));
    }
  }

  private paintWindow(entry: TextEntry, lo: number, hi: number): void {
    const list = occurrencesOf(entry);
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
    if (this.scrollListening) return;
    const win = this.doc.defaultView;
    if (win === null) return;
    this.scrollListening = true;
    this.natives.addEventListener(win, 'scroll', this.onScroll, LISTEN);
    this.natives.addEventListener(win, 'resize', this.onResize, LISTEN);
  }

  // Windowed text moves its band, and lazy text in view is looked for again.
  private readonly onScroll = (): void => {
    // A scroll soon after another is scrolling that goes on; a lone one (a jump) is looked at
    // straight away.
    const now = this.natives.now();
    this.scrolling = now - this.lastScroll < this.options.scrollPauseMs;
    this.lastScroll = now;
    if (this.activeWindows.size > 0) this.afterScroll(false);
    this.scrolledSinceLook = true;
    if (this.hasLazy()) this.scheduleSample();
  };

  private readonly onResize = (): void => {
    if (this.activeWindows.size > 0) this.afterScroll(true);
    this.scrolledSinceLook = true;
    if (this.hasLazy()) this.scheduleSample();
  };

  private afterScroll(force: boolean): void {
    if (this.windowFrame !== 0) return;
    this.windowFrame = this.natives.requestAnimationFrame(() => {
      this.windowFrame = 0;
      this.updateWindows(force);
    });
  }

  // Listening goes on while there is windowed text in view or lazy text anywhere.
  private unfollowScrollIfIdle(): void {
    if (this.windowFrame !== 0) this.natives.cancelAnimationFrame(this.windowFrame);
    this.windowFrame = 0;
    if (this.activeWindows.size > 0 || this.hasLazy()) return;
    this.stopFollowingScroll();
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

/** A text entry's occurrences, made from its matches the first time they are needed. */
function occurrencesOf(entry: TextEntry): readonly Occurrence[] {
  let list = entry.occurrences;
  if (list === null) {
    const { text, matches } = entry;
    list = entry.occurrences = [];
    for (let i = 0; i < matches.length; i++) {
      const m = matches[i] as TermMatch;
      list.push({ text, start: m.start, end: m.end, termId: m.termId, range: null });
    }
  }
  return list;
}

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

/** The viewport is sampled at the centres of a grid of this many rows and columns. */
const SAMPLE_ROWS = 8;
const SAMPLE_COLUMNS = 3;
/** Points this many blocks apart or less in document order are on one stretch of text in view. */
const FILL_BLOCKS = 8;
/** More lazy text nodes than this in view at once: the page is not laid out in document order. */
const MAX_IN_VIEW = 1000;
const DOCUMENT_FRAGMENT = 11;
const FOLLOWING = 4;
const CONTAINED_BY = 16;
