import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TermMatch } from '../../glossary/types.ts';
import { captureNatives, type Natives } from '../../entrypoints/glossary-page.content/natives.ts';
import {
  OccurrenceStore,
  type OccurrenceStoreOptions,
} from '../../entrypoints/glossary-page.content/occurrence-store.ts';
import { installPageWorld, pageNatives, type FakeHighlightRegistry } from './support/page-world.ts';

/** Animation frames (and the ends of tasks before them) that run only when the test says so. */
class Frames {
  private next = 1;
  readonly waiting = new Map<number, FrameRequestCallback>();
  readonly endOfTask: (() => void)[] = [];
  requested = 0;

  readonly queueMicrotask = (callback: () => void): void => {
    this.endOfTask.push(callback);
  };

  /** Ends the current task: runs the microtasks queued. */
  endTask(): void {
    const callbacks = this.endOfTask.splice(0);
    for (const callback of callbacks) callback();
  }

  readonly request = (callback: FrameRequestCallback): number => {
    this.requested++;
    this.waiting.set(this.next, callback);
    return this.next++;
  };

  readonly cancel = (id: number): void => {
    this.waiting.delete(id);
  };

  /** Ends the current task, then runs the frame callbacks waiting now. */
  run(): void {
    this.endTask();
    const callbacks = [...this.waiting.values()];
    this.waiting.clear();
    for (const callback of callbacks) callback(performance.now());
  }
}

const GAP = 200;
let registry: FakeHighlightRegistry;
let frames: Frames;
let natives: Natives;
let store: OccurrenceStore;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  vi.advanceTimersByTime(1000);
  registry = installPageWorld();
  frames = new Frames();
  natives = {
    ...captureNatives(window),
    requestAnimationFrame: frames.request,
    cancelAnimationFrame: frames.cancel,
    queueMicrotask: frames.queueMicrotask,
  };
  store = new OccurrenceStore(document, { natives, flushGapMs: GAP });
});

afterEach(() => {
  store.dispose();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

/** Text nodes on the page, one per paragraph. */
function texts(...data: string[]): Text[] {
  document.body.innerHTML = data.map((d) => `<p>${d}</p>`).join('');
  return [...document.body.querySelectorAll('p')].map((p) => p.firstChild as Text);
}

const bpo = (start: number): TermMatch => ({ start, end: start + 3, termId: 'bpo' });

/** Every painted range as `text@start-end:highlight`, sorted. */
function painted(): string[] {
  const out: string[] = [];
  for (const [name, highlight] of registry) {
    for (const range of highlight) {
      const text = (range.startContainer as Text).data;
      out.push(`${text}@${range.startOffset}-${range.endOffset}:${name}`);
    }
  }
  return out.sort();
}

describe('OccurrenceStore batches its highlight changes', () => {
  it('applies the first changes in one flush at the end of their task, not a frame later', () => {
    const add = vi.spyOn(natives, 'highlightAdd');
    const nodes = texts('BPO a', 'BPO b', 'BPO c BPO', 'BPO d');
    store.setMatches(nodes[0] as Text, [bpo(0)]);
    store.setMatches(nodes[1] as Text, [bpo(0)]);
    store.setMatches(nodes[2] as Text, [bpo(0), bpo(6)]);
    expect(store.size).toBe(4);
    expect(painted()).toEqual([]);
    expect(add).not.toHaveBeenCalled();

    frames.endTask();
    expect(painted()).toEqual([
      'BPO a@0-3:glossary-bpo',
      'BPO b@0-3:glossary-bpo',
      'BPO c BPO@0-3:glossary-bpo',
      'BPO c BPO@6-9:glossary-bpo',
    ]);
    expect(add).toHaveBeenCalledTimes(4);
    expect(frames.requested).toBe(0);

    // Later changes wait for a frame (after the gap), many in one batch.
    store.setMatches(nodes[3] as Text, [bpo(0)]);
    frames.endTask();
    expect(add).toHaveBeenCalledTimes(4);
    vi.advanceTimersByTime(GAP);
    expect(frames.requested).toBe(1);
    frames.run();
    expect(add).toHaveBeenCalledTimes(5);
  });

  it('never registers a range added and removed before the flush', () => {
    const add = vi.spyOn(natives, 'highlightAdd');
    const del = vi.spyOn(natives, 'highlightDelete');
    const [a, b, c] = texts('BPO a', 'BPO b', 'BPO c');
    store.setMatches(a as Text, [bpo(0)]);
    store.setMatches(a as Text, []);
    store.setMatches(b as Text, [bpo(0)]);
    store.remove(b as Text);
    store.setMatches(c as Text, [bpo(0)]);
    store.flush();
    expect(painted()).toEqual(['BPO c@0-3:glossary-bpo']);
    expect(add).toHaveBeenCalledTimes(1);
    expect(del).not.toHaveBeenCalled();

    // After a clear, ranges still waiting never go in either.
    store.setMatches(a as Text, [bpo(0)]);
    store.clear();
    store.flush();
    expect(painted()).toEqual([]);
    expect(add).toHaveBeenCalledTimes(1);
  });

  it('unpaints registered ranges in the next batch', () => {
    const [a, b] = texts('BPO a', 'BPO b');
    store.setMatches(a as Text, [bpo(0)]);
    store.setMatches(b as Text, [bpo(0)]);
    store.flush();
    store.remove(a as Text);
    expect(painted()).toEqual(['BPO a@0-3:glossary-bpo', 'BPO b@0-3:glossary-bpo']);
    store.flush();
    expect(painted()).toEqual(['BPO b@0-3:glossary-bpo']);
  });

  it('flushes at most once per flushGapMs after the first', () => {
    const [a, b, c] = texts('BPO a', 'BPO b', 'BPO c');
    store.setMatches(a as Text, [bpo(0)]);
    frames.run();
    expect(painted()).toEqual(['BPO a@0-3:glossary-bpo']);

    vi.advanceTimersByTime(50);
    store.setMatches(b as Text, [bpo(0)]);
    // Waits for the gap to pass before even asking for a frame.
    expect(frames.waiting.size).toBe(0);
    vi.advanceTimersByTime(GAP - 50 - 1);
    expect(frames.waiting.size).toBe(0);
    store.setMatches(c as Text, [bpo(0)]);
    vi.advanceTimersByTime(1);
    expect(frames.waiting.size).toBe(1);
    expect(painted()).toEqual(['BPO a@0-3:glossary-bpo']);
    frames.run();
    expect(painted()).toEqual([
      'BPO a@0-3:glossary-bpo',
      'BPO b@0-3:glossary-bpo',
      'BPO c@0-3:glossary-bpo',
    ]);

    // Long after the last flush, the next change goes at the next frame again.
    vi.advanceTimersByTime(GAP);
    store.remove(a as Text);
    expect(frames.waiting.size).toBe(1);
    frames.run();
    expect(painted()).toEqual(['BPO b@0-3:glossary-bpo', 'BPO c@0-3:glossary-bpo']);
  });

  it('measures the gap from the flush itself, however late its frame ran', () => {
    const [a, b] = texts('BPO a', 'BPO b');
    store.setMatches(a as Text, [bpo(0)]);
    vi.advanceTimersByTime(500);
    frames.run();
    store.setMatches(b as Text, [bpo(0)]);
    vi.advanceTimersByTime(GAP - 1);
    expect(frames.waiting.size).toBe(0);
    vi.advanceTimersByTime(1);
    frames.run();
    expect(painted()).toHaveLength(2);
  });

  it('cancels a waiting flush when disposed', () => {
    const [a] = texts('BPO a');
    store.setMatches(a as Text, [bpo(0)]);
    store.dispose();
    frames.endTask();
    expect(frames.waiting.size).toBe(0);
    expect(registry.size).toBe(0);
  });
});

describe('OccurrenceStore paints lazy text where the viewport is', () => {
  /** What `elementFromPoint` answers, by height in the viewport (null: nothing there). */
  let view: (y: number) => Element | null = () => null;
  let lazyStore: OccurrenceStore;

  function makeStore(options: Partial<OccurrenceStoreOptions> = {}): OccurrenceStore {
    lazyStore.dispose();
    lazyStore = new OccurrenceStore(document, {
      natives,
      flushGapMs: 0,
      eagerLimit: 2,
      lazyBlock: 2,
      keepBlocks: 1,
      sampleGapMs: GAP,
      scrollPauseMs: 0,
      ...options,
    });
    return lazyStore;
  }

  beforeEach(() => {
    natives = {
      ...natives,
      ...pageNatives(),
      requestAnimationFrame: frames.request,
      cancelAnimationFrame: frames.cancel,
      queueMicrotask: frames.queueMicrotask,
      elementFromPoint: vi.fn((_doc: unknown, _x: number, y: number) => view(y)),
    };
    view = () => null;
    lazyStore = new OccurrenceStore(document, { natives });
  });

  afterEach(() => {
    lazyStore.dispose();
  });

  /** The viewport shows `elements`, top to bottom, each an equal share of its height. */
  function showing(...elements: Element[]): void {
    view = (y) => elements[Math.floor((y / innerHeight) * elements.length)] ?? null;
  }

  /** Paragraphs p1…pn, each with one BPO, fed to the store in page order. */
  function page(n: number, s: OccurrenceStore): Text[] {
    const nodes = texts(...Array.from({ length: n }, (_, i) => `BPO ${i + 1}`));
    nodes.forEach((text, i) => {
      text.parentElement?.setAttribute('id', `p${i + 1}`);
      s.setMatches(text, [bpo(0)]);
    });
    return nodes;
  }

  const p = (n: number): Element => document.getElementById(`p${n}`) as Element;

  /** The paragraphs painted, by number, after the waiting frames ran and the store flushed. */
  function paintedNumbers(s: OccurrenceStore): number[] {
    frames.run();
    s.flush();
    return painted()
      .map((line) => Number(/^BPO (\d+)/.exec(line)?.[1]))
      .sort((a, b) => a - b);
  }

  const scroll = (): void => {
    window.dispatchEvent(new Event('scroll'));
  };

  it('counts every occurrence, paints the first ones at once and the lazy ones in view a frame later, with a block either side', () => {
    const s = makeStore();
    page(12, s);
    expect(s.size).toBe(12);
    // Lazy text p3…p12 in blocks of two: p3–4, p5–6, p7–8, p9–10, p11–12.
    showing(p(8));
    expect(natives.elementFromPoint).not.toHaveBeenCalled();
    expect(paintedNumbers(s)).toEqual([1, 2, 5, 6, 7, 8, 9, 10]);
    // A small grid of points, not one question per lazy text.
    expect(vi.mocked(natives.elementFromPoint).mock.calls.length).toBeLessThanOrEqual(24);
  });

  it('follows scrolling: paints what comes into view and unpaints blocks left far behind', () => {
    const s = makeStore({ keepBlocks: 2 });
    page(16, s);
    showing(p(4));
    expect(paintedNumbers(s)).toEqual([1, 2, 3, 4, 5, 6]);
    vi.advanceTimersByTime(GAP);
    showing(p(9));
    scroll();
    // p9 is in block p9–10: p7–12 painted; p3–4 are three blocks away and go, p5–6 stay (two).
    expect(paintedNumbers(s)).toEqual([1, 2, 5, 6, 7, 8, 9, 10, 11, 12]);
    vi.advanceTimersByTime(GAP);
    showing(p(16));
    scroll();
    expect(paintedNumbers(s)).toEqual([1, 2, 11, 12, 13, 14, 15, 16]);
    // Back to the top: the eager ones were never unpainted, the lazy ones come back.
    vi.advanceTimersByTime(GAP);
    showing(p(3));
    scroll();
    expect(paintedNumbers(s)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(s.size).toBe(16);
  });

  it('keeps blocks left behind painted only while scrolling: a look for new text trims to the view', () => {
    const s = makeStore({ keepBlocks: 2 });
    page(16, s);
    showing(p(4));
    expect(paintedNumbers(s)).toEqual([1, 2, 3, 4, 5, 6]);
    vi.advanceTimersByTime(GAP);
    showing(p(9));
    scroll();
    expect(paintedNumbers(s)).toEqual([1, 2, 5, 6, 7, 8, 9, 10, 11, 12]);
    // More lazy text comes, at the end: the look it brings leaves the blocks around p9 and no more.
    vi.advanceTimersByTime(GAP);
    const more = document.body.appendChild(document.createElement('p'));
    more.textContent = 'BPO 17';
    s.setMatches(more.firstChild as Text, [bpo(0)]);
    expect(paintedNumbers(s)).toEqual([1, 2, 7, 8, 9, 10, 11, 12]);
  });

  it('looks at the viewport at most once per sampleGapMs while scrolling, and once more after', () => {
    const s = makeStore();
    page(16, s);
    showing(p(4));
    paintedNumbers(s);
    const looks = (): number => vi.mocked(natives.elementFromPoint).mock.calls.length;
    const afterFirst = looks();
    vi.advanceTimersByTime(50);
    showing(p(9));
    scroll();
    scroll();
    // The gap since the last look has not passed: no frame asked for yet.
    expect(frames.waiting.size).toBe(0);
    vi.advanceTimersByTime(GAP - 50 - 1);
    scroll();
    showing(p(16));
    expect(frames.waiting.size).toBe(0);
    vi.advanceTimersByTime(1);
    expect(frames.waiting.size).toBe(1);
    // One look, where the scrolling ended.
    expect(paintedNumbers(s)).toEqual([1, 2, 13, 14, 15, 16]);
    expect(looks()).toBe(2 * afterFirst);
  });

  it('looks at once after a lone scroll, but while scrolling goes on waits for a pause or scrollMaxWaitMs', () => {
    const s = makeStore({ scrollPauseMs: 150, scrollMaxWaitMs: 1000 });
    page(24, s);
    showing(p(4));
    paintedNumbers(s);
    const looks = (): number => vi.mocked(natives.elementFromPoint).mock.calls.length;
    const perLook = looks();
    // A jump: looked at in the next frame.
    vi.advanceTimersByTime(GAP);
    showing(p(9));
    scroll();
    expect(frames.waiting.size).toBe(1);
    expect(paintedNumbers(s)).toEqual([1, 2, 7, 8, 9, 10, 11, 12]);
    // Then a fling, a scroll every 100 ms for 900 ms, on to p16 and p24: no look meanwhile…
    for (let t = 0; t < 9; t++) {
      vi.advanceTimersByTime(100);
      scroll();
      if (t === 2) showing(p(16));
      if (t === 5) showing(p(24));
      expect(frames.waiting.size).toBe(0);
    }
    // …until it pauses: one look, where the fling ended.
    vi.advanceTimersByTime(150);
    expect(frames.waiting.size).toBe(1);
    expect(paintedNumbers(s)).toEqual([1, 2, 21, 22, 23, 24]);
    expect(looks()).toBe(3 * perLook);
    // Scrolling that never pauses still gets a look a second after the last one.
    vi.advanceTimersByTime(GAP);
    scroll();
    frames.run();
    for (let t = 0; t < 9; t++) {
      vi.advanceTimersByTime(100);
      scroll();
      expect(frames.waiting.size).toBe(0);
    }
    vi.advanceTimersByTime(100);
    scroll();
    expect(frames.waiting.size).toBe(1);
  });

  it('waits for the pause while the page flings faster than flingScreensPerS, looks each scrollMaxWaitMs at a reading pace', () => {
    const s = makeStore({ scrollPauseMs: 150, scrollMaxWaitMs: 1000, flingScreensPerS: 3 });
    page(24, s);
    let y = 0;
    vi.spyOn(window, 'scrollY', 'get').mockImplementation(() => y);
    showing(p(4));
    paintedNumbers(s);
    const looks = (): number => vi.mocked(natives.elementFromPoint).mock.calls.length;
    const perLook = looks();
    // A fling: a screen every 100 ms (10 a second) for 2.5 s, never pausing: no look…
    vi.advanceTimersByTime(GAP);
    scroll();
    frames.run();
    expect(looks()).toBe(2 * perLook);
    for (let t = 0; t < 25; t++) {
      vi.advanceTimersByTime(100);
      y += innerHeight;
      scroll();
      expect(frames.waiting.size).toBe(0);
    }
    // …until it pauses.
    showing(p(20));
    vi.advanceTimersByTime(150);
    expect(frames.waiting.size).toBe(1);
    expect(paintedNumbers(s)).toEqual([1, 2, 17, 18, 19, 20, 21, 22]);
    expect(looks()).toBe(3 * perLook);
    // Reading while scrolling: a tenth of a screen every 100 ms (one a second) still gets a look a
    // second after the last one.
    vi.advanceTimersByTime(GAP);
    scroll();
    frames.run();
    let framesAsked = 0;
    for (let t = 0; t < 20; t++) {
      vi.advanceTimersByTime(100);
      y += innerHeight / 10;
      scroll();
      if (frames.waiting.size > 0) {
        framesAsked++;
        frames.run();
      }
    }
    expect(framesAsked).toBe(2);
  });

  it('looks at what is in view once when a scan that found lazy text is done, not after others', () => {
    const s = makeStore();
    s.busy = true;
    page(12, s);
    showing(p(8));
    frames.run();
    vi.advanceTimersByTime(1000);
    frames.run();
    expect(natives.elementFromPoint).not.toHaveBeenCalled();
    s.busy = false;
    expect(paintedNumbers(s)).toEqual([1, 2, 5, 6, 7, 8, 9, 10]);
    // A later scan that finds no lazy text (the page changed something else) asks nothing.
    const looks = vi.mocked(natives.elementFromPoint).mock.calls.length;
    vi.advanceTimersByTime(1000);
    s.busy = true;
    s.busy = false;
    vi.advanceTimersByTime(1000);
    frames.run();
    expect(natives.elementFromPoint).toHaveBeenCalledTimes(looks);
  });

  it('asks nothing about layout while the page loads, and looks once it has loaded', () => {
    const readyState = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    const s = makeStore();
    page(12, s);
    showing(p(8));
    expect(paintedNumbers(s)).toEqual([1, 2]);
    scroll();
    expect(paintedNumbers(s)).toEqual([1, 2]);
    expect(natives.elementFromPoint).not.toHaveBeenCalled();
    readyState.mockReturnValue('complete');
    window.dispatchEvent(new Event('load'));
    expect(paintedNumbers(s)).toEqual([1, 2, 5, 6, 7, 8, 9, 10]);
  });

  it('places a point on an element without lazy text by document order', () => {
    const s = makeStore();
    page(12, s);
    // A term-less paragraph between p8 and p9 (and one of the eager paragraphs, p2).
    p(8).insertAdjacentHTML('afterend', '<p id="plain">nothing here</p>');
    showing(document.getElementById('plain') as Element);
    // The first lazy text after it is p9: its block p9–10 and one either side.
    expect(paintedNumbers(s)).toEqual([1, 2, 7, 8, 9, 10, 11, 12]);
  });

  it('places a point on a container of lazy text by where its paragraphs are', () => {
    const s = makeStore();
    const nodes = texts(...Array.from({ length: 12 }, (_, i) => `BPO ${i + 1}`));
    const section = document.createElement('section');
    document.body.append(section);
    section.append(...nodes.map((text) => text.parentElement as Element));
    for (const text of nodes) s.setMatches(text, [bpo(0)]);
    // Each paragraph 100px tall, the page scrolled to 10px above the top of p8; p7 is hidden,
    // where the bisection on positions looks, so points of the viewport are looked at instead.
    natives.elementRect = (el) => {
      const i = nodes.indexOf((el as Element).firstChild as Text);
      if (i === 6) return { top: 0, bottom: 0, width: 0, height: 0 } as DOMRect;
      return { top: i * 100 - 710, bottom: i * 100 - 610, width: 100, height: 100 } as DOMRect;
    };
    showing(section);
    // The top row of points lands in p8, the next in p9, and so on down to p12, the last one.
    expect(paintedNumbers(s)).toEqual([1, 2, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  /** Paragraphs 100px tall one under the other, the page scrolled down `scrollY` pixels. */
  function laidOut(scrollY: number): void {
    natives.elementRect = vi.fn((el: unknown) => {
      const i = Number((el as Element).id.slice(1)) - 1;
      const top = i * 100 - scrollY;
      return { top, bottom: top + 100, width: 100, height: 100 } as DOMRect;
    });
  }

  it('finds the lazy text in view by bisection on where it is, with a few box questions and no hit test', () => {
    const s = makeStore({ keepBlocks: 2 });
    page(200, s);
    // 768px tall: p101 (from 0) … p108 (its top at 700) are in view.
    laidOut(10_000);
    // Lazy text from p3 in blocks of two: p101–102 … p107–108, and one block either side.
    expect(paintedNumbers(s)).toEqual([1, 2, ...Array.from({ length: 12 }, (_, i) => 99 + i)]);
    expect(natives.elementFromPoint).not.toHaveBeenCalled();
    expect(vi.mocked(natives.elementRect).mock.calls.length).toBeLessThanOrEqual(24);
    // Scrolled half a screen (p105 … p113 in view): the blocks coming near are added, the one now
    // three blocks behind goes.
    vi.advanceTimersByTime(GAP);
    laidOut(10_450);
    scroll();
    expect(paintedNumbers(s)).toEqual([1, 2, ...Array.from({ length: 16 }, (_, i) => 101 + i)]);
    // Far down: all of the earlier ones go.
    vi.advanceTimersByTime(GAP);
    laidOut(15_000);
    scroll();
    expect(paintedNumbers(s)).toEqual([1, 2, ...Array.from({ length: 12 }, (_, i) => 149 + i)]);
  });

  it('paints no lazy text while only eager text is in view, unless lazy text is within lazyMargin screens', () => {
    const s = makeStore({ eagerLimit: 40 });
    page(200, s);
    const eager = Array.from({ length: 40 }, (_, i) => i + 1);
    // 768px tall at the top: p1 … p8 in view, the first lazy text (p41) 4,000px down, more than
    // 1.5 screens below: nothing lazy is painted, and the look changes no highlight.
    laidOut(0);
    expect(paintedNumbers(s)).toEqual(eager);
    const add = vi.spyOn(natives, 'highlightAdd');
    vi.advanceTimersByTime(GAP);
    laidOut(1000);
    scroll();
    expect(paintedNumbers(s)).toEqual(eager);
    expect(add).not.toHaveBeenCalled();
    // Scrolled on until p41 is 1,500px below the top of the view (within 768 + 1.5 × 768): its
    // block and the next are painted ahead.
    vi.advanceTimersByTime(GAP);
    laidOut(2500);
    scroll();
    expect(paintedNumbers(s)).toEqual([...eager, 41, 42, 43, 44]);
    // Past the end of the lazy text, far below its last paragraph: nothing changes either.
    vi.advanceTimersByTime(GAP);
    laidOut(25_000);
    scroll();
    expect(paintedNumbers(s)).toEqual([...eager, 41, 42, 43, 44]);
  });

  it('paints all of a stretch in view, not only the lazy text the points fell on', () => {
    const s = makeStore({ lazyBlock: 1 });
    page(12, s);
    // The points land on p4 and p9 only (p5 … p8 are short lines between rows of points).
    showing(p(4), p(9));
    expect(paintedNumbers(s)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('keeps a far-off element in view (a fixed header) a stretch of its own', () => {
    const s = makeStore();
    page(30, s);
    showing(p(3), p(28), p(28), p(28));
    expect(paintedNumbers(s)).toEqual([1, 2, 3, 4, 5, 6, 25, 26, 27, 28, 29, 30]);
  });

  it('puts lazy text found late (a shadow root, an insertion) in its place in document order', () => {
    const s = makeStore();
    page(12, s);
    const host = document.createElement('div');
    p(8).after(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>BPO shadow</p>';
    const inShadow = shadow.firstChild?.firstChild as Text;
    s.setMatches(inShadow, [bpo(0)]);
    p(11).insertAdjacentHTML('afterend', '<p id="late">BPO late</p>');
    s.setMatches(document.getElementById('late')?.firstChild as Text, [bpo(0)]);
    // Lazy in document order: p3 … p8, shadow, p9, p10, p11, late, p12. The point lands on the host
    // (what elementFromPoint answers for shadow content): its block is [shadow, p9].
    showing(host);
    frames.run();
    s.flush();
    expect(painted()).toEqual(
      ['BPO 1', 'BPO 2', 'BPO 7', 'BPO 8', 'BPO shadow', 'BPO 9', 'BPO 10', 'BPO 11']
        .map((t) => `${t}@0-3:glossary-bpo`)
        .sort(),
    );
  });

  it('skips removed lazy text and stops listening once none is left', () => {
    const add = vi.spyOn(natives, 'addEventListener');
    const remove = vi.spyOn(natives, 'removeEventListener');
    const s = makeStore();
    const nodes = page(6, s);
    expect(add.mock.calls.map((c) => c[1])).toEqual(['scroll', 'resize']);
    s.remove(nodes[3] as Text);
    showing(p(5));
    expect(paintedNumbers(s)).toEqual([1, 2, 3, 5, 6]);
    for (const text of nodes.slice(2)) s.remove(text);
    expect(remove.mock.calls.map((c) => c[1])).toEqual(['scroll', 'resize']);
    const looks = vi.mocked(natives.elementFromPoint).mock.calls.length;
    vi.advanceTimersByTime(GAP);
    scroll();
    frames.run();
    expect(natives.elementFromPoint).toHaveBeenCalledTimes(looks);
  });
});
