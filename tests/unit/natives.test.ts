import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  canHighlight,
  captureNatives,
  nullProto,
  type Natives,
} from '../../entrypoints/glossary-page.content/natives.ts';
import {
  FakeHighlight,
  FakeHighlightRegistry,
  installHighlightApi,
  installPageWorld,
} from './support/page-world.ts';
import { TextWalker } from '../../entrypoints/glossary-page.content/text-walker.ts';

const win = window;

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('canHighlight', () => {
  it('is false without the Highlight API (happy-dom has none)', () => {
    expect('Highlight' in win).toBe(false);
    expect(canHighlight(win)).toBe(false);
  });

  it('is false with a Highlight class but no registry', () => {
    vi.stubGlobal('Highlight', FakeHighlight);
    vi.stubGlobal('CSS', {});
    expect(canHighlight(win)).toBe(false);
  });

  it('is false with a registry but no Highlight class', () => {
    vi.stubGlobal('CSS', { highlights: new FakeHighlightRegistry() });
    expect(canHighlight(win)).toBe(false);
  });

  it('is true with both', () => {
    installHighlightApi();
    expect(canHighlight(win)).toBe(true);
  });
});

describe('captureNatives', () => {
  let natives: Natives;
  let registry: FakeHighlightRegistry;

  beforeEach(() => {
    registry = installPageWorld();
    natives = captureNatives(win);
  });

  it('keeps timers and frames the page replaces later', async () => {
    const setTimeoutSpy = vi.spyOn(win, 'setTimeout');
    const rafSpy = vi.spyOn(win, 'requestAnimationFrame');
    const clearTimeoutSpy = vi.spyOn(win, 'clearTimeout');
    const cancelSpy = vi.spyOn(win, 'cancelAnimationFrame');
    const nowSpy = vi.spyOn(win.performance, 'now');

    const timed = new Promise<void>((resolve) => natives.setTimeout(resolve, 0));
    const framed = new Promise<void>((resolve) => {
      natives.requestAnimationFrame(() => {
        resolve();
      });
    });
    natives.clearTimeout(natives.setTimeout(() => undefined, 1000));
    natives.cancelAnimationFrame(natives.requestAnimationFrame(() => undefined));
    await Promise.all([timed, framed]);
    // happy-dom's own frames read performance.now: count only our call.
    const nowCalls = nowSpy.mock.calls.length;
    expect(natives.now()).toBeGreaterThan(0);
    expect(nowSpy).toHaveBeenCalledTimes(nowCalls);

    expect(setTimeoutSpy).not.toHaveBeenCalled();
    expect(rafSpy).not.toHaveBeenCalled();
    expect(clearTimeoutSpy).not.toHaveBeenCalled();
    expect(cancelSpy).not.toHaveBeenCalled();
    // The spies are in place: the page's own calls go through them.
    win.clearTimeout(win.setTimeout(() => undefined, 0));
    expect(setTimeoutSpy).toHaveBeenCalledTimes(1);
  });

  it('keeps listeners and dispatch the page replaces on EventTarget.prototype', () => {
    const add = vi.spyOn(EventTarget.prototype, 'addEventListener');
    const remove = vi.spyOn(EventTarget.prototype, 'removeEventListener');
    const dispatch = vi.spyOn(EventTarget.prototype, 'dispatchEvent');
    const target = document.body.appendChild(document.createElement('div'));
    const heard: unknown[] = [];
    const listener = (event: Event): void => {
      heard.push(natives.eventDetail(event as CustomEvent));
    };

    natives.addEventListener(target, 'glossary-test', listener);
    natives.dispatchEvent(target, new natives.CustomEvent('glossary-test', { detail: 'one' }));
    natives.removeEventListener(target, 'glossary-test', listener);
    natives.dispatchEvent(target, new natives.CustomEvent('glossary-test', { detail: 'two' }));

    expect(heard).toEqual(['one']);
    expect(add).not.toHaveBeenCalled();
    expect(remove).not.toHaveBeenCalled();
    expect(dispatch).not.toHaveBeenCalled();
    // The spies are in place: the page's own calls go through them.
    new EventTarget().dispatchEvent(new Event('glossary-test'));
    expect(dispatch).toHaveBeenCalled();
  });

  it('keeps the MutationObserver class and its methods', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    // The page's replacement class: a spy, never constructed by us.
    const pageObserver = vi.fn();
    vi.stubGlobal('MutationObserver', pageObserver);
    const records: MutationRecord[] = [];
    const observer = new natives.MutationObserver((list) => records.push(...list));
    natives.observe(observer, document.body, nullProto({ childList: true }));
    document.body.append('BPO');
    await new Promise((resolve) => {
      natives.setTimeout(() => {
        resolve(null);
      }, 0);
    });
    natives.disconnect(observer);

    expect(records).toHaveLength(1);
    expect(pageObserver).not.toHaveBeenCalled();
    expect(observe).not.toHaveBeenCalled();
    expect(disconnect).not.toHaveBeenCalled();
  });

  it('keeps Promise.prototype.then', async () => {
    let fulfilled = false;
    const pageThen = vi.fn();
    // eslint-disable-next-line @typescript-eslint/unbound-method -- put back below
    const then = Promise.prototype.then;
    // Replaced only for the synchronous call: the test runner itself needs the real one.
    Promise.prototype.then = pageThen as never;
    let chained: Promise<unknown>;
    try {
      chained = natives.promiseThen(
        Promise.resolve(),
        () => {
          fulfilled = true;
        },
        () => undefined,
      );
    } finally {
      Promise.prototype.then = then;
    }
    expect(pageThen).not.toHaveBeenCalled();
    await chained;
    expect(fulfilled).toBe(true);
  });

  it('keeps the Highlight and registry methods', () => {
    const add = vi.spyOn(FakeHighlight.prototype, 'add');
    const del = vi.spyOn(FakeHighlight.prototype, 'delete');
    const clear = vi.spyOn(FakeHighlight.prototype, 'clear');
    const set = vi.spyOn(FakeHighlightRegistry.prototype, 'set');
    const get = vi.spyOn(FakeHighlightRegistry.prototype, 'get');
    const unregister = vi.spyOn(FakeHighlightRegistry.prototype, 'delete');
    // A page may also shadow them on the registry object itself.
    const ownSet = vi.fn();
    Object.defineProperty(registry, 'set', { value: ownSet, configurable: true });

    const highlight = new natives.Highlight();
    const range = natives.createRange(document);
    natives.highlightAdd(highlight, range);
    expect([...(highlight as unknown as FakeHighlight)]).toEqual([range]);
    natives.highlightDelete(highlight, range);
    expect(highlight.size).toBe(0);
    natives.highlightAdd(highlight, range);
    natives.highlightClear(highlight);
    expect(highlight.size).toBe(0);
    natives.registrySet(natives.highlights, 'glossary-test', highlight);
    expect(natives.registryGet(natives.highlights, 'glossary-test')).toBe(highlight);
    expect(Map.prototype.get.call(registry, 'glossary-test')).toBe(highlight);
    natives.registryDelete(natives.highlights, 'glossary-test');
    expect(Map.prototype.has.call(registry, 'glossary-test')).toBe(false);

    for (const spy of [add, del, clear, set, get, unregister, ownSet]) {
      expect(spy).not.toHaveBeenCalled();
    }
  });

  it('keeps Range, Node and Element methods', () => {
    const setStart = vi.spyOn(Range.prototype, 'setStart');
    const setEnd = vi.spyOn(Range.prototype, 'setEnd');
    const compare = vi.spyOn(Node.prototype, 'compareDocumentPosition');
    const closest = vi.spyOn(Element.prototype, 'closest');
    document.body.innerHTML = '<p><b>BPO</b> and KPO</p>';
    const b = document.querySelector('b') as Element;
    const text = b.firstChild as Text;
    const range = natives.createRange(document);
    natives.rangeSetStart(range, text, 1);
    natives.rangeSetEnd(range, text, 3);
    expect(range.toString()).toBe('PO');
    expect(natives.closest(b, 'p')).toBe(b.parentElement);
    expect(natives.compareDocumentPosition(text, b.nextSibling as Node)).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    for (const spy of [setStart, setEnd, compare, closest]) expect(spy).not.toHaveBeenCalled();
  });

  it('walks text with a TreeWalker whose creation and moves the page replaced later', () => {
    const spies = [
      vi.spyOn(Document.prototype, 'createTreeWalker'),
      vi.spyOn(TreeWalker.prototype, 'nextNode'),
      vi.spyOn(TreeWalker.prototype, 'nextSibling'),
      vi.spyOn(TreeWalker.prototype, 'parentNode'),
    ];
    document.body.innerHTML =
      '<p>BPO <b>and</b></p><div><script>KPO()</script></div><p>KPO</p><textarea>x</textarea>';
    const walker = new TextWalker(document.body, null, () => undefined, null, null, natives);
    const texts: string[] = [];
    for (let text = walker.next(); text !== null; text = walker.next()) texts.push(text.data);
    expect(texts).toEqual(['BPO ', 'and', 'KPO']);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});

describe('nullProto', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).once;
    delete (Object.prototype as Record<string, unknown>).subtree;
  });

  it('copies the given options and nothing a page added to Object.prototype', () => {
    (Object.prototype as Record<string, unknown>).once = true;
    (Object.prototype as Record<string, unknown>).subtree = true;
    const init = nullProto({ capture: true, passive: false });
    expect(Object.getPrototypeOf(init)).toBeNull();
    expect(Object.keys(init)).toEqual(['capture', 'passive']);
    expect(init.capture).toBe(true);
    expect(init.passive).toBe(false);
    expect('once' in init).toBe(false);
    expect((init as Record<string, unknown>).subtree).toBeUndefined();
    // A plain object would have taken them on.
    expect(({ capture: true } as Record<string, unknown>).once).toBe(true);
  });

  it('keeps a listener from becoming once-only when Object.prototype.once is set', () => {
    (Object.prototype as Record<string, unknown>).once = true;
    const target = new EventTarget();
    const listener = vi.fn();
    target.addEventListener('glossary-test', listener, nullProto({ capture: true }));
    target.dispatchEvent(new Event('glossary-test'));
    target.dispatchEvent(new Event('glossary-test'));
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
