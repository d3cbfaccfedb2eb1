import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TermMatch } from '../../glossary/types.ts';
import { captureNatives, type Natives } from '../../entrypoints/glossary-page.content/natives.ts';
import { OccurrenceStore } from '../../entrypoints/glossary-page.content/occurrence-store.ts';
import { installPageWorld, type FakeHighlightRegistry } from './support/page-world.ts';

/** Animation frames that run only when the test says so. */
class Frames {
  private next = 1;
  readonly waiting = new Map<number, FrameRequestCallback>();
  requested = 0;

  readonly request = (callback: FrameRequestCallback): number => {
    this.requested++;
    this.waiting.set(this.next, callback);
    return this.next++;
  };

  readonly cancel = (id: number): void => {
    this.waiting.delete(id);
  };

  /** Runs the frame callbacks waiting now. */
  run(): void {
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
  it('applies many changes in one flush at the next frame', () => {
    const add = vi.spyOn(natives, 'highlightAdd');
    const nodes = texts('BPO a', 'BPO b', 'BPO c BPO');
    store.setMatches(nodes[0] as Text, [bpo(0)]);
    store.setMatches(nodes[1] as Text, [bpo(0)]);
    store.setMatches(nodes[2] as Text, [bpo(0), bpo(6)]);
    expect(store.size).toBe(4);
    expect(painted()).toEqual([]);
    expect(add).not.toHaveBeenCalled();
    expect(frames.requested).toBe(1);

    frames.run();
    expect(painted()).toEqual([
      'BPO a@0-3:glossary-bpo',
      'BPO b@0-3:glossary-bpo',
      'BPO c BPO@0-3:glossary-bpo',
      'BPO c BPO@6-9:glossary-bpo',
    ]);
    expect(add).toHaveBeenCalledTimes(4);
    expect(frames.requested).toBe(1);
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
    expect(frames.waiting.size).toBe(0);
    expect(registry.size).toBe(0);
  });
});
