import type { TermMatch } from '../../glossary/types.ts';
import { CHUNK_CHARS, matchInChunks } from './chunked-match.ts';
import { MutationQueue } from './mutation-queue.ts';
import { captureNatives, nullProto, type Natives } from './natives.ts';
import type { OccurrenceStore } from './occurrence-store.ts';
import {
  isBodyExcluded,
  isInExcludedSubtree,
  PAUSED,
  TextWalker,
  type TextPrefilter,
} from './text-walker.ts';

export interface PageScannerOptions {
  readonly store: OccurrenceStore;
  readonly findTerms: (text: string) => TermMatch[];
  /** A cheap test that never says no to text containing a term. */
  readonly mightContainTerm: (text: string) => boolean;
  /** The length of the shortest text `mightContainTerm` can say yes to (0 when not known). */
  readonly shortestCandidate?: number;
  /** The extension's own UI host, never scanned and whose changes are ignored. */
  readonly ownUi: () => Element | null;
  /** Called once for each open shadow root found (e.g. to adopt the highlight style). */
  readonly onShadowRoot?: (shadow: ShadowRoot) => void;
  /** Longest stretch of work before yielding to the page. */
  readonly sliceMs?: number;
  /** Mutation records per batch above which one coalesced rescan replaces incremental work. */
  readonly mutationThreshold?: number;
  /** The page's built-ins from before page scripts ran (captured now when not given). */
  readonly natives?: Natives;
  /**
   * What a preview (see preview()) walks at most: nodes (about: a text yielded counts one), and
   * occurrences found (by default the store's eager limit: beyond it nothing is painted before
   * the page has loaded). It paints the top of a page still loading; start() walks and matches
   * that part again.
   */
  readonly previewNodes?: number;
  readonly previewOccurrences?: number;
  /**
   * …and how long it goes on looking at each frame (a page can stream for minutes, and a pending
   * animation frame keeps the browser producing frames).
   */
  readonly previewMs?: number;
}

interface ChunkJob {
  readonly text: Text;
  readonly data: string;
  readonly chunks: Generator<TermMatch[], void, void>;
  readonly matches: TermMatch[];
}

const RESCAN_QUIET_MS = 150;
const RESCAN_MAX_WAIT_MS = 1000;
/** Nodes a walk looks at, at most, in one step (the slice reads the clock after each). */
const WALK_BUDGET = 256;
/** Custom elements without a shadow root are looked at again this long after the scan, doubling. */
const HOST_RECHECK_FIRST_MS = 500;
const HOST_RECHECK_LAST_MS = 16_000;
/** At most this many such elements are remembered (each recheck reads every one). */
const MAX_WAITING_HOSTS = 5000;

const ignore = (): void => undefined;

const OBSERVE: MutationObserverInit = nullProto({
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['contenteditable', 'data-glossary'],
});

/**
 * Finds every term occurrence in a document and its open shadow roots and keeps the store in step
 * with the page: walks in time slices (viewport first), follows mutations through one observer per
 * document and shadow root, and does nothing at all while the page is idle. Shadow roots that
 * arrive late (a custom element defined after the scan, `attachShadow` on an element already
 * walked) are found when the element is upgraded, after the page's next changes, and on a few
 * checks spaced out after the scan.
 */
export class PageScanner {
  private readonly walkers: TextWalker[] = [];
  private readonly dirtyTexts = new Set<Text>();
  private readonly shadowRoots = new Set<ShadowRoot>();
  private readonly observers: MutationObserver[] = [];
  private readonly queue: MutationQueue;
  private readonly channel: MessageChannel;
  private readonly natives: Natives;
  /** Custom elements walked without a shadow root (one may be attached later). */
  private readonly waitingHosts = new Set<Element>();
  /** Custom element names whose definition is awaited. */
  private readonly awaitedNames = new Set<string>();
  private hostTimer = 0;
  private hostDelay = HOST_RECHECK_FIRST_MS;
  private chunkJob: ChunkJob | null = null;
  private rescanTimer = 0;
  private rescanDeadline = 0;
  private scheduled = false;
  private running = false;
  private idleWaiters: (() => void)[] = [];
  private readonly sliceMs: number;
  /**
   * What the walks yield: text that might hold a term, and text too long to test in one go (it is
   * matched a chunk at a time).
   */
  private readonly prefilter: TextPrefilter;
  /** While the document is parsed (see preview()): its walk, its next frame, its steps so far. */
  private previewWalker: TextWalker | null = null;
  private previewFrame = 0;
  /** Nodes the preview may still walk; negative while there is no preview. */
  private previewLeft = -1;
  private previewEnds = 0;
  /** Text the preview found terms in, with the data it matched (see preview()). */
  private previewed: Map<Text, string> | null = null;

  constructor(
    private readonly doc: Document,
    private readonly options: PageScannerOptions,
  ) {
    this.sliceMs = options.sliceMs ?? 8;
    this.prefilter = {
      test: options.mightContainTerm,
      shortest: options.shortestCandidate ?? 0,
      longest: CHUNK_CHARS,
    };
    const win = doc.defaultView;
    if (win === null) throw new Error('A page scanner needs a document with a window.');
    this.natives = options.natives ?? captureNatives(win);
    this.queue = new MutationQueue(options.mutationThreshold ?? 2000, (node) => this.isOwnUi(node));
    this.channel = new this.natives.MessageChannel();
    this.natives.setPortOnMessage(this.channel.port1, () => {
      this.scheduled = false;
      this.runSlice();
    });
  }

  /**
   * While the document is still being parsed: finds and paints the terms in what has arrived so
   * far, now and at each animation frame, so that they show as the page does. It observes nothing
   * and stops once it has found terms, or after a share of the walk (previewNodes,
   * previewOccurrences) or of the time (previewMs); start(), once the document is parsed, walks the
   * page again from the top, leaves alone what is unchanged and forgets what the preview found
   * that is no longer there.
   */
  preview(): void {
    if (this.running || this.previewLeft >= 0) return;
    this.previewLeft = this.options.previewNodes ?? 16_384;
    this.previewEnds = this.natives.now() + (this.options.previewMs ?? 5000);
    this.previewStep();
  }

  private readonly previewStep = (): void => {
    this.previewFrame = 0;
    const store = this.options.store;
    const most = this.options.previewOccurrences ?? store.eagerLimit;
    if (this.running || this.previewLeft <= 0) return;
    const natives = this.natives;
    if (this.previewWalker === null) {
      const body = this.doc.body as HTMLElement | null;
      if (body !== null) {
        if (this.wholePageOff(body)) return;
        this.previewWalker = this.walker(body);
      }
    }
    const walker = this.previewWalker;
    if (walker !== null) {
      const deadline = natives.now() + this.sliceMs;
      while (this.previewLeft > 0 && store.size < most) {
        const text = walker.nextArrivedWithin(WALK_BUDGET);
        if (text === null) break;
        if (text === PAUSED) this.previewLeft -= WALK_BUDGET;
        else {
          this.previewLeft--;
          // Text too long for one go waits for the scan (it is matched in chunks).
          const data = walker.data;
          if (data.length <= CHUNK_CHARS) {
            const matches = this.options.findTerms(data);
            if (matches.length > 0) {
              store.setMatches(text, matches);
              (this.previewed ??= new Map()).set(text, data);
            }
          }
        }
        if (natives.now() > deadline) break;
      }
    }
    // Once it has found terms (they go in at the end of this task), the preview is done: each
    // change of the highlights makes the browser repaint the whole page, which grows as it loads.
    if (store.size > 0 || natives.now() > this.previewEnds) this.previewLeft = 0;
    else this.previewFrame = natives.requestAnimationFrame(this.previewStep);
  };

  private stopPreview(): void {
    this.natives.cancelAnimationFrame(this.previewFrame);
    this.previewFrame = 0;
    this.previewLeft = -1;
    this.previewWalker = null;
  }

  /** Starts watching the document and scanning it, the part in view first. */
  start(): void {
    if (this.running) return;
    if (this.previewLeft >= 0) {
      this.stopPreview();
      // What the first slice adds to the preview's highlights goes in with them, not a gap later.
      this.options.store.expedite();
    }
    this.running = true;
    this.observe(this.doc);
    this.queueFullScan();
    // The first slice now, not after the next frame: when the document has just been parsed, the
    // browser renders (and on a big page lays out everything) before a posted task gets its turn,
    // and what this slice finds is painted in that frame.
    this.runSlice();
  }

  /** Stops all work and observers; the store is left to its owner. */
  stop(): void {
    this.running = false;
    this.options.store.busy = false;
    this.stopPreview();
    this.previewed = null;
    this.natives.clearTimeout(this.rescanTimer);
    this.natives.clearTimeout(this.hostTimer);
    this.rescanTimer = 0;
    this.hostTimer = 0;
    this.waitingHosts.clear();
    for (const observer of this.observers) this.natives.disconnect(observer);
    this.observers.length = 0;
    this.walkers.length = 0;
    this.dirtyTexts.clear();
    this.chunkJob = null;
    this.queue.take();
    this.shadowRoots.clear();
    this.natives.setPortOnMessage(this.channel.port1, null);
    this.resolveIdle();
  }

  /** The open shadow roots found so far. */
  knownShadowRoots(): ReadonlySet<ShadowRoot> {
    return this.shadowRoots;
  }

  /** Resolves once every queued scan and mutation has been processed. */
  whenIdle(): Promise<void> {
    if (!this.hasWork()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private isOwnUi(node: Node): boolean {
    const ui = this.options.ownUi();
    return ui !== null && (node === ui || ui.contains(node));
  }

  private observe(root: Document | ShadowRoot): void {
    const observer = new this.natives.MutationObserver((records) => {
      this.queue.push(records);
      if (this.queue.overflowed) this.scheduleRescan();
      else if (this.queue.pending) this.schedule();
    });
    this.natives.observe(observer, root, OBSERVE);
    this.observers.push(observer);
  }

  // A custom element without a shadow root: its definition (or its own code, later) may attach one.
  private readonly foundPossibleHost = (el: Element): void => {
    if (this.waitingHosts.size >= MAX_WAITING_HOSTS) return;
    this.waitingHosts.add(el);
    const { customElements, customElementGet, whenDefined, promiseThen } = this.natives;
    const name = el.localName;
    if (customElements === null || customElementGet === null || whenDefined === null) return;
    if (this.awaitedNames.has(name) || customElementGet(customElements, name) !== undefined) return;
    this.awaitedNames.add(name);
    // A name that cannot be defined (`font-face` and the other reserved ones) is rejected: handled,
    // so the page's console shows nothing.
    void promiseThen(whenDefined(customElements, name), this.checkWaitingHosts, ignore);
  };

  /** Walks the shadow roots attached since their hosts were walked. */
  private readonly checkWaitingHosts = (): void => {
    if (!this.running) return;
    let found = false;
    for (const el of this.waitingHosts) {
      const shadow = el.shadowRoot;
      if (shadow !== null) {
        this.waitingHosts.delete(el);
        if (el.isConnected && !isInExcludedSubtree(el, this.options.ownUi())) {
          this.foundShadowRoot(shadow);
          found = true;
        }
      } else if (!el.isConnected) {
        this.waitingHosts.delete(el);
      }
    }
    if (found) this.schedule();
  };

  // After the scan: a few more looks, spaced out, while custom elements wait without a root.
  private scheduleHostChecks(): void {
    if (this.hostTimer !== 0 || this.waitingHosts.size === 0 || !this.running) return;
    if (this.hostDelay > HOST_RECHECK_LAST_MS) return;
    this.hostTimer = this.natives.setTimeout(() => {
      this.hostTimer = 0;
      this.hostDelay *= 2;
      this.checkWaitingHosts();
      this.scheduleHostChecks();
    }, this.hostDelay);
  }

  private readonly foundShadowRoot = (shadow: ShadowRoot): void => {
    if (this.shadowRoots.has(shadow)) {
      this.walkers.push(this.walker(shadow));
      return;
    }
    this.shadowRoots.add(shadow);
    this.options.onShadowRoot?.(shadow);
    this.observe(shadow);
    this.walkers.push(this.walker(shadow));
  };

  private walker(root: Node, skip: Node | null = null): TextWalker {
    return new TextWalker(
      root,
      this.options.ownUi(),
      this.foundShadowRoot,
      skip,
      this.foundPossibleHost,
      this.natives,
      this.prefilter,
    );
  }

  private queueFullScan(): void {
    // Typed as never null, but XML and other odd documents have no body.
    const body = this.doc.body as HTMLElement | null;
    if (body !== null && !this.wholePageOff(body)) {
      const inView = this.viewportAnchor(body);
      if (inView !== null) this.walkers.push(this.walker(inView));
      this.walkers.push(this.walker(body, inView));
    }
    this.schedule();
  }

  // Nothing on the page is highlighted: it is being edited as a whole, or switched off at its root.
  private wholePageOff(body: HTMLElement): boolean {
    return this.doc.designMode === 'on' || isBodyExcluded(body, this.options.ownUi());
  }

  // When the page is scrolled down, the text in view is scanned before the rest. Not while it is
  // still loading: the scroll position is not restored yet, and asking where things are would force
  // the browser to lay out the whole page there and then (a second on a big page).
  private viewportAnchor(body: HTMLElement): Element | null {
    const win = this.doc.defaultView;
    if (win === null || this.doc.readyState !== 'complete' || win.scrollY < win.innerHeight) {
      return null;
    }
    let el = this.natives.elementFromPoint(this.doc, win.innerWidth / 2, win.innerHeight / 2);
    for (let up = 0; up < 3 && el !== null && el.parentElement !== body; up++) {
      el = el.parentElement;
    }
    return el !== null && body.contains(el) && el !== body ? el : null;
  }

  private hasWork(): boolean {
    return this.hasScanWork() || this.queue.pending;
  }

  private hasScanWork(): boolean {
    return this.walkers.length > 0 || this.dirtyTexts.size > 0 || this.chunkJob !== null;
  }

  // A mutation storm: rescan once it calms down (or after a second at most), not at every burst.
  private scheduleRescan(): void {
    if (!this.running) return;
    const now = this.natives.now();
    if (this.rescanTimer === 0) this.rescanDeadline = now + RESCAN_MAX_WAIT_MS;
    this.natives.clearTimeout(this.rescanTimer);
    const wait = Math.max(0, Math.min(RESCAN_QUIET_MS, this.rescanDeadline - now));
    this.rescanTimer = this.natives.setTimeout(() => {
      this.rescanTimer = 0;
      this.applyMutations();
      this.schedule();
    }, wait);
  }

  private schedule(): void {
    if (this.scheduled || !this.running) return;
    this.scheduled = true;
    this.natives.portPost(this.channel.port2, null);
  }

  private resolveIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private runSlice(): void {
    if (!this.running) return;
    const now = this.natives.now;
    const deadline = now() + this.sliceMs;
    const { store } = this.options;
    store.busy = true;
    if (this.queue.pending && !this.queue.overflowed) this.applyMutations();
    let steps = 0;
    while (this.hasScanWork()) {
      // A walk step can look at hundreds of nodes: the clock is read after each (and after every
      // 32 of the small steps).
      if ((this.step() || (++steps & 31) === 0) && now() > deadline) break;
    }
    if (this.hasScanWork() || (this.queue.pending && !this.queue.overflowed)) this.schedule();
    else if (!this.queue.pending) {
      this.forgetPreviewLeftovers();
      // Done: what the scan found goes in now, as one change of the highlights.
      store.busy = false;
      store.flush();
      this.scheduleHostChecks();
      this.resolveIdle();
    }
  }

  // One small unit of work: a chunk of a huge text node, a changed text node, or a walked one.
  // Whether it was a walk step (up to WALK_BUDGET nodes).
  private step(): boolean {
    if (this.chunkJob !== null) {
      this.stepChunkJob(this.chunkJob);
      return false;
    }
    // (Checked by size first: an iterator per walked text node would be garbage for nothing.)
    if (this.dirtyTexts.size > 0) {
      const dirty = this.dirtyTexts.values().next();
      if (dirty.done !== true) {
        this.dirtyTexts.delete(dirty.value);
        if (dirty.value.isConnected) this.match(dirty.value, dirty.value.data, false);
        else this.options.store.remove(dirty.value);
        return false;
      }
    }
    const walker = this.walkers[0];
    if (walker === undefined) return false;
    // Yields only text worth matching (the rest needs nothing: a text node the store knew and that
    // changed since is queued by the mutation observer).
    const text = walker.nextWithin(WALK_BUDGET);
    if (text === null) this.walkers.shift();
    else if (text !== PAUSED) this.match(text, walker.data, true, walker.inDocument);
    return true;
  }

  // The scan after a preview is done: text the preview found and the scan did not match again
  // has left the page, changed, or been excluded since.
  private forgetPreviewLeftovers(): void {
    const leftovers = this.previewed;
    if (leftovers === null) return;
    this.previewed = null;
    for (const text of leftovers.keys()) this.options.store.remove(text);
  }

  // Only ever given connected text: walks of removed subtrees are dropped and queued text is
  // checked before it gets here, so the hot path makes no extra DOM call per text node.
  // `prefiltered`: the walk's prefilter passed the data already (or it is too long to test).
  // `inDocument`: the text is known to be in the document itself (not in a shadow root).
  private match(text: Text, data: string, prefiltered: boolean, inDocument = false): void {
    const { store, mightContainTerm, findTerms } = this.options;
    const previewed = this.previewed?.get(text);
    if (previewed !== undefined) {
      this.previewed?.delete(text);
      // Unchanged since the preview painted it: the highlights are left as they are.
      if (previewed === data && store.intact(text)) return;
    }
    if (data.length > CHUNK_CHARS) {
      store.remove(text);
      this.chunkJob = {
        text,
        data,
        chunks: matchInChunks(data, findTerms),
        matches: [],
      };
      return;
    }
    // Most text has no term: then the store is only asked to forget it if it knew it.
    if (!prefiltered && !mightContainTerm(data)) {
      if (store.size > 0) store.remove(text);
    } else store.setMatches(text, findTerms(data), inDocument);
  }

  private stepChunkJob(job: ChunkJob): void {
    const next = job.chunks.next();
    if (next.done !== true) {
      job.matches.push(...next.value);
      return;
    }
    this.chunkJob = null;
    // The node may have changed while it was matched piece by piece (then it is queued again), or
    // left the page.
    if (job.text.isConnected && job.text.data === job.data) {
      this.options.store.setMatches(job.text, job.matches);
    }
  }

  private applyMutations(): void {
    const batch = this.queue.take();
    const store = this.options.store;
    // Pages often attach a root and fill it in the same turn as other changes.
    if (this.waitingHosts.size > 0) this.checkWaitingHosts();
    if (batch.rescan) {
      store.clear();
      this.previewed = null;
      this.walkers.length = 0;
      this.dirtyTexts.clear();
      this.chunkJob = null;
      this.queueFullScan();
      return;
    }
    for (const node of batch.removed) this.forget(node);
    // An attribute that excludes a subtree may have come or gone under a walk in progress.
    for (const walker of this.walkers) walker.forgetExclusions();
    // A walk of a subtree that left the page is dropped; one whose position was removed cannot
    // go on from there and starts over at its root.
    for (let i = this.walkers.length - 1; i >= 0; i--) {
      const walker = this.walkers[i];
      if (walker === undefined) continue;
      if (!walker.root.isConnected) this.walkers.splice(i, 1);
      else if (walker.lost()) this.walkers[i] = this.walker(walker.root);
    }
    const ui = this.options.ownUi();
    for (const text of batch.changedText) {
      if (this.chunkJob?.text === text) this.chunkJob = null;
      if (text.isConnected && !isInExcludedSubtree(text, ui)) this.dirtyTexts.add(text);
      else store.remove(text);
    }
    for (const node of batch.added) {
      if (!node.isConnected || isInExcludedSubtree(node, ui)) continue;
      if (node.nodeType === Node.TEXT_NODE) this.dirtyTexts.add(node as Text);
      else if (node.nodeType === Node.ELEMENT_NODE) this.walkers.push(this.walker(node));
    }
  }

  // Drops every occurrence under a node that left the page (or changed its exclusion).
  private forget(node: Node): void {
    const store = this.options.store;
    if (store.size === 0) return;
    if (node.nodeType === Node.TEXT_NODE) {
      store.remove(node as Text);
      return;
    }
    const stack: Node[] = [node];
    while (stack.length > 0) {
      const current = stack.pop();
      if (current === undefined) break;
      if (current.nodeType === Node.TEXT_NODE) store.remove(current as Text);
      for (let child = current.firstChild; child !== null; child = child.nextSibling) {
        stack.push(child);
      }
      const shadow = (current as Partial<Element>).shadowRoot;
      if (shadow !== null && shadow !== undefined && this.shadowRoots.has(shadow))
        stack.push(shadow);
    }
  }
}
