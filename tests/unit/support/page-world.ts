import { expect, vi } from 'vitest';
import {
  captureNatives,
  type Natives,
} from '../../../entrypoints/glossary-page.content/natives.ts';

// happy-dom lacks parts of what the page-world scanner captures at start (see natives.ts): these
// stand-ins fill them in. Each is undone by vi.unstubAllGlobals().

/** A Highlight is a set of ranges; that is all the store relies on. */
export class FakeHighlight extends Set<AbstractRange> {}

/** `CSS.highlights`: a map of names to highlights, with a prototype of its own (as in a browser). */
export class FakeHighlightRegistry extends Map<string, FakeHighlight> {}

/** A controllable IntersectionObserver: tests say when targets come near the viewport. */
export class FakeIntersectionObserver {
  static readonly instances: FakeIntersectionObserver[] = [];
  readonly observed = new Set<Element>();

  constructor(
    private readonly callback: IntersectionObserverCallback,
    readonly options?: IntersectionObserverInit,
  ) {
    FakeIntersectionObserver.instances.push(this);
  }

  observe(el: Element): void {
    this.observed.add(el);
  }

  unobserve(el: Element): void {
    this.observed.delete(el);
  }

  disconnect(): void {
    this.observed.clear();
  }

  /** Tells the observer's owner that `targets` came into (or went out of) range. */
  fire(targets: readonly Element[], isIntersecting: boolean): void {
    const entries = targets.map((target) => ({ target, isIntersecting }));
    this.callback(
      entries as unknown as IntersectionObserverEntry[],
      this as unknown as IntersectionObserver,
    );
  }
}

/** Gives the page the Highlight API and returns its registry (`CSS.highlights`). */
export function installHighlightApi(): FakeHighlightRegistry {
  // The store reaches these through `document.defaultView`, which is the global object here.
  expect(document.defaultView).toBe(globalThis);
  const registry = new FakeHighlightRegistry();
  vi.stubGlobal('Highlight', FakeHighlight);
  // happy-dom's `CSS` is a getter that returns a new object each time: replace it whole.
  vi.stubGlobal('CSS', { highlights: registry });
  return registry;
}

/**
 * Makes `MessagePort` the class of the ports `MessageChannel` creates. Under happy-dom the channel
 * is Node's but `MessagePort` is happy-dom's, whose `postMessage` does nothing, so the scanner's
 * captured `postMessage` would never wake it.
 */
export function installMessagePort(): void {
  const channel = new MessageChannel();
  vi.stubGlobal('MessagePort', (Object.getPrototypeOf(channel.port1) as object).constructor);
  channel.port1.close();
}

/** Everything the page-world part captures, as a browser with the Highlight API has it. */
export function installPageWorld(): FakeHighlightRegistry {
  installMessagePort();
  return installHighlightApi();
}

/**
 * The natives the page-world part captures, but for listeners on the window: under happy-dom the
 * window is the global object, not one of its EventTargets, so the captured method cannot take it;
 * the window's own (happy-dom's) methods stand in there.
 */
export function pageNatives(): Natives {
  const natives = captureNatives(window);
  const { addEventListener, removeEventListener } = natives;
  return {
    ...natives,
    addEventListener: (target, type, listener, options) => {
      if (target === window) window.addEventListener(type, listener as EventListener, options);
      else addEventListener(target, type, listener, options);
    },
    removeEventListener: (target, type, listener, options) => {
      if (target === window) window.removeEventListener(type, listener as EventListener, options);
      else removeEventListener(target, type, listener, options);
    },
  };
}
