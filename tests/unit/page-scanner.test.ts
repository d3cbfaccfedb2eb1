import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findTerms, mightContainTerm, SHORTEST_CANDIDATE } from '../../glossary/matcher.ts';
import { TERM_IDS } from '../../glossary/terms.ts';
import type { TermId } from '../../glossary/types.ts';
import { CHUNK_CHARS } from '../../entrypoints/glossary-page.content/chunked-match.ts';
import {
  highlightName,
  OccurrenceStore,
  type OccurrenceStoreOptions,
} from '../../entrypoints/glossary-page.content/occurrence-store.ts';
import {
  PageScanner,
  type PageScannerOptions,
} from '../../entrypoints/glossary-page.content/page-scanner.ts';
import {
  FakeHighlight,
  FakeIntersectionObserver,
  installPageWorld,
  pageNatives,
} from './support/page-world.ts';

const win = document.defaultView as Window & typeof globalThis;

// Every test runs with the Highlight API in place, as in production (the page-world part does not
// start without it, see canHighlight).
let registry = new Map<string, FakeHighlight>();

beforeEach(() => {
  registry = installPageWorld();
});

let scanner: PageScanner | null = null;
let store: OccurrenceStore | null = null;

afterEach(() => {
  scanner?.stop();
  store?.dispose();
  scanner = null;
  store = null;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  FakeIntersectionObserver.instances.length = 0;
  document.body.replaceChildren();
  document.documentElement.scrollTop = 0;
});

interface Setup {
  readonly store?: Partial<OccurrenceStoreOptions>;
  readonly scanner?: Partial<PageScannerOptions>;
}

/** A scanner with the real matcher and its store, for the page as it is (not started). */
function newScanner(setup: Setup = {}): [PageScanner, OccurrenceStore] {
  const s = new OccurrenceStore(document, { natives: pageNatives(), ...setup.store });
  const p = new PageScanner(document, {
    store: s,
    findTerms,
    mightContainTerm,
    shortestCandidate: SHORTEST_CANDIDATE,
    ownUi: () => document.querySelector('#ui'),
    ...setup.scanner,
  });
  store = s;
  scanner = p;
  return [p, s];
}

/** Starts a scanner on the page as it is and waits for the first scan. */
async function startScanner(setup: Setup = {}): Promise<[PageScanner, OccurrenceStore]> {
  const [p, s] = newScanner(setup);
  p.start();
  await p.whenIdle();
  return [p, s];
}

/** Builds the page from `html`, then starts a scanner on it. */
async function scan(html: string, setup: Setup = {}): Promise<[PageScanner, OccurrenceStore]> {
  document.body.innerHTML = html;
  return startScanner(setup);
}

/** Lets the MutationObserver deliver, then waits until the scanner has caught up. */
async function settle(p: PageScanner): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await p.whenIdle();
}

/** What the store holds, as `text:termId`, in the order it was found. */
function spans(s: OccurrenceStore): string[] {
  return [...s.texts()].flatMap((text) =>
    s.occurrencesIn(text).map((o) => `${text.data.slice(o.start, o.end)}:${o.termId}`),
  );
}

const sorted = (list: string[]): string[] => [...list].sort();

function counts(s: OccurrenceStore): Partial<Record<TermId, number>> {
  return Object.fromEntries([...s.countsByTerm()].filter(([, n]) => n > 0));
}

const byId = (root: ParentNode, id: string): HTMLElement => {
  const el = root.querySelector<HTMLElement>(`#${id}`);
  if (el === null) throw new Error(`no #${id}`);
  return el;
};

/** The ranges in every registered highlight. */
function paintedRanges(): AbstractRange[] {
  return [...registry.values()].flatMap((highlight) => [...highlight]);
}

describe('PageScanner and OccurrenceStore', () => {
  describe('the first scan', () => {
    it('finds every occurrence with its text node, span and term', async () => {
      const [, s] = await scan(
        '<h1 id="h">Erinevus BPO ja KPO vahel</h1><p id="p">Offshore <b>allhange</b> ja nearshore.</p>',
      );
      const h = byId(document, 'h').firstChild as Text;
      expect(s.occurrencesIn(h).map(({ start, end, termId }) => ({ start, end, termId }))).toEqual([
        { start: 9, end: 12, termId: 'bpo' },
        { start: 16, end: 19, termId: 'kpo' },
      ]);
      expect(spans(s)).toEqual([
        'BPO:bpo',
        'KPO:kpo',
        'Offshore:offshore',
        'allhange:outsourcing',
        'nearshore:nearshore',
      ]);
      expect(s.size).toBe(5);
      expect(counts(s)).toEqual({ bpo: 1, kpo: 1, offshore: 1, outsourcing: 1, nearshore: 1 });
      expect(s.countsByTerm().get('onshore')).toBe(0);
      expect([...s.countsByTerm().keys()]).toEqual([...TERM_IDS]);
    });

    it('finds and paints what its first slice reaches before start() returns, not a task later', () => {
      document.body.innerHTML = '<p>BPO ja KPO</p><p>offshore</p>';
      const [p, s] = newScanner();
      p.start();
      expect(s.size).toBe(3);
      // The scan ended within its first slice: registered before start() returned, one change.
      expect(paintedRanges()).toHaveLength(3);
    });

    it('registers a first slice that does not finish the scan at the end of its task', async () => {
      document.body.innerHTML = Array.from({ length: 50 }, (_, i) => `<p>BPO ${i}</p>`).join('');
      // A slice of no time at all: the first one paints its first text node and stops.
      const [p, s] = newScanner({ scanner: { sliceMs: -1 } });
      p.start();
      const found = s.size;
      expect(found).toBeGreaterThan(0);
      expect(found).toBeLessThan(50);
      expect(paintedRanges()).toHaveLength(0);
      await Promise.resolve();
      expect(paintedRanges()).toHaveLength(found);
    });

    it('changes the highlights twice for a scan of many slices: its first slice, then its end', async () => {
      document.body.innerHTML = Array.from({ length: 60 }, (_, i) => `<p>BPO ${i}</p>`).join('');
      // A frame after every task: the page would paint between any two slices.
      const natives = {
        ...pageNatives(),
        requestAnimationFrame: (callback: FrameRequestCallback): number => {
          queueMicrotask(() => {
            callback(performance.now());
          });
          return 1;
        },
        cancelAnimationFrame: (): void => undefined,
      };
      // Ranges added in one go (one synchronous flush) are one change of the highlights.
      let changes = 0;
      let inChange = false;
      const add = natives.highlightAdd;
      natives.highlightAdd = (highlight, range) => {
        if (!inChange) {
          changes++;
          inChange = true;
          queueMicrotask(() => (inChange = false));
        }
        return add(highlight, range);
      };
      const [p, s] = newScanner({
        store: { natives, flushGapMs: 0 },
        scanner: { sliceMs: -1, natives },
      });
      const slices = vi.spyOn(natives, 'portPost');
      p.start();
      await p.whenIdle();
      expect(slices.mock.calls.length).toBeGreaterThan(10);
      expect(paintedRanges()).toHaveLength(60);
      expect(changes).toBe(2);
      expect(s.busy).toBe(false);
    });

    it('keeps nothing for a page without terms', async () => {
      const [, s] = await scan('<p>Nothing to see here.</p><p>BPOs? no: bpo, xKPO, allhankija</p>');
      expect(spans(s)).toEqual(['BPOs:bpo']);
      const [, empty] = await scan('<p>Plain words only.</p>');
      expect(empty.size).toBe(0);
      expect([...empty.texts()]).toEqual([]);
    });

    it('finds nothing in excluded contexts', async () => {
      const [, s] = await scan(`
        <p>BPO</p>
        <script>var t = "KPO";</script>
        <style>.offshore { color: red }</style>
        <noscript>KPO</noscript>
        <template><p>KPO</p></template>
        <textarea>KPO</textarea>
        <select><option>KPO</option></select>
        <svg><text>KPO</text></svg>
        <div contenteditable><p>KPO</p></div>
        <div contenteditable=""><p>KPO</p></div>
        <div contenteditable="plaintext-only"><p>KPO</p></div>
        <div data-glossary="off"><p>KPO <b>offshore</b></p></div>
        <div data-glossary="OFF"><p>KPO</p></div>
        <div id="ui"><p>KPO</p></div>
        <div contenteditable="false"><p>offshore</p></div>
        <div data-glossary="on"><p>nearshore</p></div>
      `);
      expect(spans(s)).toEqual(['BPO:bpo', 'offshore:offshore', 'nearshore:nearshore']);
    });

    it('scans open shadow roots and reports each one once', async () => {
      document.body.innerHTML = '<p>BPO</p><div id="host">light KPO</div><p>offshore</p>';
      const shadow = byId(document, 'host').attachShadow({ mode: 'open' });
      shadow.innerHTML = '<p>nearshore <span id="inner-host"></span></p>';
      const inner = byId(shadow, 'inner-host').attachShadow({ mode: 'open' });
      inner.innerHTML = 'onshore';
      const onShadowRoot = vi.fn();
      const [p, s] = await startScanner({ scanner: { onShadowRoot } });
      expect(sorted(spans(s))).toEqual(
        sorted([
          'BPO:bpo',
          'KPO:kpo',
          'offshore:offshore',
          'nearshore:nearshore',
          'onshore:onshore',
        ]),
      );
      expect(onShadowRoot.mock.calls).toEqual([[shadow], [inner]]);
      expect([...p.knownShadowRoots()]).toEqual([shadow, inner]);
    });

    it('does not scan closed shadow roots or shadow roots of excluded hosts', async () => {
      document.body.innerHTML =
        '<div id="closed"></div><div contenteditable><span id="editable"></span></div><div id="ui"></div>';
      byId(document, 'closed').attachShadow({ mode: 'closed' }).innerHTML = 'BPO';
      byId(document, 'editable').attachShadow({ mode: 'open' }).innerHTML = 'KPO';
      byId(document, 'ui').attachShadow({ mode: 'open' }).innerHTML = 'offshore';
      const [p, s] = await startScanner();
      expect(s.size).toBe(0);
      expect(p.knownShadowRoots().size).toBe(0);
    });

    it('scans a large page in many short slices', async () => {
      const paragraphs = Array.from({ length: 300 }, (_, i) => `<p>${i} BPO ja KPO</p>`).join('');
      const onChange = vi.fn();
      const [, s] = await scan(paragraphs, { scanner: { sliceMs: 0 }, store: { onChange } });
      expect(s.size).toBe(600);
      expect(counts(s)).toEqual({ bpo: 300, kpo: 300 });
      expect(onChange).toHaveBeenCalledTimes(300);
    });

    it('reads the clock after every walk step: a long page without terms takes many slices', async () => {
      // 3,000 paragraphs: about 6,000 nodes per pass, some 24 walk steps of 256 nodes each.
      document.body.innerHTML = '<p>plain text</p>'.repeat(3000);
      const natives = pageNatives();
      const post = vi.fn(natives.portPost);
      await startScanner({ scanner: { sliceMs: 0, natives: { ...natives, portPost: post } } });
      // One slice per walk step (each over its zero-length slice), not one for 32 of them.
      expect(post.mock.calls.length).toBeGreaterThan(20);
    });

    it('matches a text node longer than a chunk in pieces, with the same result', async () => {
      // Sparse terms: happy-dom is slow with tens of thousands of live ranges.
      const long = `Offshore BPO. ${'lorem ipsum, '.repeat(CHUNK_CHARS / 8)}KPO.`.repeat(2);
      expect(long.length).toBeGreaterThan(CHUNK_CHARS);
      document.body.innerHTML = '<p id="long"></p><p>KPO</p>';
      byId(document, 'long').textContent = long;
      const chunkSizes: number[] = [];
      const [, s] = await startScanner({
        scanner: {
          findTerms: (text) => {
            chunkSizes.push(text.length);
            return findTerms(text);
          },
        },
      });
      const text = byId(document, 'long').firstChild as Text;
      const bare = s.occurrencesIn(text).map(({ start, end, termId }) => ({ start, end, termId }));
      expect(bare).toEqual(findTerms(long));
      expect(s.size).toBe(findTerms(long).length + 1);
      expect(Math.max(...chunkSizes)).toBeLessThan(long.length);
    });

    it('scans the part of the page in view first when it opens scrolled down', async () => {
      document.body.innerHTML =
        '<section id="top"><p>BPO</p></section><section id="middle"><p><b id="here">KPO</b></p></section><section id="end"><p>offshore</p></section>';
      document.documentElement.scrollTop = 5000;
      expect(win.scrollY).toBeGreaterThanOrEqual(win.innerHeight);
      // The scanner calls the Document prototype's method it captured, not the page's property.
      const elementFromPoint = vi
        .spyOn(Document.prototype, 'elementFromPoint')
        .mockReturnValue(byId(document, 'here'));
      const [, s] = await startScanner();
      expect(elementFromPoint).toHaveBeenCalledWith(win.innerWidth / 2, win.innerHeight / 2);
      expect(elementFromPoint.mock.contexts).toEqual([document]);
      // The section in view first, then the rest without it again.
      expect(spans(s)).toEqual(['KPO:kpo', 'BPO:bpo', 'offshore:offshore']);
      expect(s.size).toBe(3);
    });

    it('asks nothing about layout while the page is still loading (no forced layout at DOMContentLoaded)', async () => {
      document.body.innerHTML = '<p>BPO</p><p>KPO</p>';
      document.documentElement.scrollTop = 5000;
      Object.defineProperty(document, 'readyState', { value: 'interactive', configurable: true });
      const elementFromPoint = vi.spyOn(Document.prototype, 'elementFromPoint');
      try {
        const [, s] = await startScanner();
        expect(elementFromPoint).not.toHaveBeenCalled();
        expect(spans(s)).toEqual(['BPO:bpo', 'KPO:kpo']);
      } finally {
        Reflect.deleteProperty(document, 'readyState');
      }
    });

    it('is idle at once when there is nothing left to do', async () => {
      const [p] = await scan('<p>BPO</p>');
      let resolved = false;
      void p.whenIdle().then(() => {
        resolved = true;
      });
      await Promise.resolve();
      expect(resolved).toBe(true);
    });
  });

  describe('a preview while the page is parsed', () => {
    /** Animation frames that run when the test says so. */
    let frames = new Map<number, FrameRequestCallback>();
    let frameId = 0;
    const runFrames = (): void => {
      const waiting = [...frames.values()];
      frames = new Map();
      for (const callback of waiting) callback(performance.now());
    };

    const PREVIEW_NODES = 2000;
    const PREVIEW_OCCURRENCES = 100;

    // (A long slice: happy-dom walks and paints far slower than a browser.)
    function previewScanner(base = pageNatives()): [PageScanner, OccurrenceStore] {
      const natives = {
        ...base,
        requestAnimationFrame: (callback: FrameRequestCallback): number => {
          frames.set(++frameId, callback);
          return frameId;
        },
        cancelAnimationFrame: (id: number): void => {
          frames.delete(id);
        },
      };
      const s = new OccurrenceStore(document, { natives });
      const p = new PageScanner(document, {
        store: s,
        findTerms,
        mightContainTerm,
        ownUi: () => null,
        natives,
        sliceMs: 1000,
        previewNodes: PREVIEW_NODES,
        previewOccurrences: PREVIEW_OCCURRENCES,
      });
      store = s;
      scanner = p;
      return [p, s];
    }

    beforeEach(() => {
      frames = new Map();
    });

    it('paints what has arrived, at once or at the next frame, until it has found terms', async () => {
      document.body.innerHTML = '<p>Nothing yet.</p>';
      const [p, s] = previewScanner();
      p.preview();
      expect(s.size).toBe(0);
      expect(frames.size).toBe(1);

      // The parser appends: nothing happens until the next frame (no observer yet).
      document.body.insertAdjacentHTML('beforeend', '<p>BPO ja <i>offshore</i></p>');
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(s.size).toBe(0);
      runFrames();
      expect(spans(s)).toEqual(['BPO:bpo', 'offshore:offshore']);
      await Promise.resolve();
      expect(paintedRanges()).toHaveLength(2);

      // Having found terms, it is done: each change of the highlights repaints the whole page.
      expect(frames.size).toBe(0);
      document.body.insertAdjacentHTML('beforeend', '<p>KPO</p>');
      p.preview();
      runFrames();
      expect(s.size).toBe(2);
    });

    it('leaves what it painted alone when start() finds it unchanged, and repaints what changed', async () => {
      document.body.innerHTML = '<p id="a">BPO a</p><p id="b">KPO b</p><p id="c">offshore c</p>';
      const [p, s] = previewScanner();
      p.preview();
      await Promise.resolve();
      const before = paintedRanges();
      expect(before).toHaveLength(3);
      const rangeIn = (ranges: AbstractRange[], id: string): AbstractRange | undefined =>
        ranges.find((r) => r.startContainer === byId(document, id).firstChild);
      // b's text changes; c's keeps its text but its range collapses (as setting a node's data to
      // the same text does in a browser).
      (byId(document, 'b').firstChild as Text).data = 'KPO c';
      (rangeIn(before, 'c') as Range).collapse(true);
      p.start();
      await p.whenIdle();
      s.flush();
      const after = paintedRanges();
      expect(after).toHaveLength(3);
      expect(rangeIn(after, 'a')).toBe(rangeIn(before, 'a'));
      expect(rangeIn(after, 'b')).not.toBe(rangeIn(before, 'b'));
      expect(rangeIn(after, 'c')).not.toBe(rangeIn(before, 'c'));
      expect(after.every((r) => !r.collapsed)).toBe(true);
    });

    it('has the scan’s first slice painted with the preview’s, not a gap later', async () => {
      document.body.innerHTML = '<h1>BPO ja KPO</h1>';
      const [p, s] = previewScanner();
      p.preview();
      await Promise.resolve();
      expect(paintedRanges()).toHaveLength(2);
      document.body.insertAdjacentHTML('beforeend', '<p>Offshore and nearshore.</p>');
      p.start();
      expect(s.size).toBe(4);
      await Promise.resolve();
      expect(paintedRanges()).toHaveLength(4);
    });

    it('gives up looking at each frame after a while (a page can stream for minutes)', async () => {
      document.body.innerHTML = '<p>Nothing yet.</p>';
      let clock = 0;
      const natives = { ...pageNatives(), now: () => clock };
      const [p, s] = previewScanner(natives);
      p.preview();
      clock = 4000;
      runFrames();
      expect(frames.size).toBe(1);
      clock = 6000;
      runFrames();
      expect(frames.size).toBe(0);
      // Terms that come later wait for the scan proper.
      document.body.insertAdjacentHTML('beforeend', '<p>BPO</p>');
      runFrames();
      expect(s.size).toBe(0);
      p.start();
      await p.whenIdle();
      expect(s.size).toBe(1);
    });

    it('waits for a body, and previews nothing in an excluded one', () => {
      const body = document.body;
      body.remove();
      try {
        const [p, s] = previewScanner();
        p.preview();
        expect(frames.size).toBe(1);
        document.documentElement.append(body);
        body.setAttribute('data-glossary', 'off');
        body.innerHTML = '<p>BPO</p>';
        runFrames();
        expect(s.size).toBe(0);
        expect(frames.size).toBe(0);
      } finally {
        document.documentElement.append(body);
        body.removeAttribute('data-glossary');
      }
    });

    it('is walked again by start(), which drops what left, changed or was excluded since', async () => {
      document.body.innerHTML =
        '<p id="a">BPO a</p><p id="b">KPO b</p><p id="c">offshore c</p><p id="d">nearshore d</p>';
      const [p, s] = previewScanner();
      p.preview();
      expect(s.size).toBe(4);
      byId(document, 'a').remove();
      (byId(document, 'b').firstChild as Text).data = 'nothing here';
      byId(document, 'c').setAttribute('data-glossary', 'off');
      // An early script adds text above what the preview walked.
      document.body.insertAdjacentHTML('afterbegin', '<p>onshore</p>');
      p.start();
      await p.whenIdle();
      expect(sorted(spans(s))).toEqual(['nearshore:nearshore', 'onshore:onshore']);
      expect(counts(s)).toEqual({ nearshore: 1, onshore: 1 });
      // The preview asks for no more frames.
      expect(frames.size).toBe(0);
      s.flush();
      expect(
        paintedRanges()
          .map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset))
          .sort(),
      ).toEqual(['nearshore', 'onshore']);
    });

    it('stops after its share of the walk; start() finds the rest', async () => {
      document.body.innerHTML = '<p>plain text</p>'.repeat(PREVIEW_NODES + 1000) + '<p>BPO</p>';
      const [p, s] = previewScanner();
      p.preview();
      for (let i = 0; i < 200 && frames.size > 0; i++) runFrames();
      expect(frames.size).toBe(0);
      expect(s.size).toBe(0);
      p.start();
      await p.whenIdle();
      expect(spans(s)).toEqual(['BPO:bpo']);
    });

    it('stops once it has found as many occurrences as are painted before load', async () => {
      document.body.innerHTML = '<p>BPO</p>'.repeat(PREVIEW_OCCURRENCES + 500);
      const [p, s] = previewScanner();
      p.preview();
      for (let i = 0; i < 200 && frames.size > 0; i++) runFrames();
      expect(frames.size).toBe(0);
      expect(s.size).toBe(PREVIEW_OCCURRENCES);
      p.start();
      await p.whenIdle();
      expect(s.size).toBe(PREVIEW_OCCURRENCES + 500);
    });
  });

  describe('following the page', () => {
    it('picks up text appended after the scan', async () => {
      const [p, s] = await scan('<main id="main"><p>BPO</p></main>');
      const main = byId(document, 'main');
      main.insertAdjacentHTML('beforeend', '<section><h2>KPO</h2><p>Kaldal asuv BPO</p></section>');
      main.append('offshore');
      await settle(p);
      expect(sorted(spans(s))).toEqual(
        sorted(['BPO:bpo', 'KPO:kpo', 'Kaldal asuv BPO:onshore', 'offshore:offshore']),
      );
    });

    it('follows edits of a text node', async () => {
      const [p, s] = await scan('<p id="p">The BPO model</p>');
      const text = byId(document, 'p').firstChild as Text;
      text.data = 'The KPO model and offshore';
      await settle(p);
      expect(spans(s)).toEqual(['KPO:kpo', 'offshore:offshore']);
      expect(counts(s)).toEqual({ kpo: 1, offshore: 1 });

      text.data = 'No terms any more';
      await settle(p);
      expect(s.size).toBe(0);
      expect(s.occurrencesIn(text)).toEqual([]);
    });

    it('notices a term completed by an edit', async () => {
      const [p, s] = await scan('<p id="p">outsour</p>');
      expect(s.size).toBe(0);
      (byId(document, 'p').firstChild as Text).appendData('cing');
      await settle(p);
      expect(spans(s)).toEqual(['outsourcing:outsourcing']);
    });

    it('forgets removed text nodes and subtrees', async () => {
      const [p, s] = await scan(
        '<p id="a">BPO</p><section id="b"><p>KPO</p><div><p>offshore</p></div></section><p id="c">nearshore</p>',
      );
      expect(s.size).toBe(4);
      byId(document, 'a').firstChild?.remove();
      byId(document, 'b').remove();
      await settle(p);
      expect(spans(s)).toEqual(['nearshore:nearshore']);
      expect(counts(s)).toEqual({ nearshore: 1 });
    });

    it('keeps a moved subtree once', async () => {
      const [p, s] = await scan('<div id="from"><p id="moved">BPO</p></div><div id="to"></div>');
      byId(document, 'to').append(byId(document, 'moved'));
      await settle(p);
      expect(spans(s)).toEqual(['BPO:bpo']);
    });

    it('ignores text added inside excluded contexts', async () => {
      const [p, s] = await scan(
        '<div id="edit" contenteditable></div><div id="off" data-glossary="off"><p id="deep"></p></div><textarea id="ta"></textarea><div id="ui"></div><p id="ok"></p>',
      );
      byId(document, 'edit').insertAdjacentHTML('beforeend', '<p>BPO</p>');
      byId(document, 'deep').append('KPO');
      byId(document, 'ta').append('offshore');
      byId(document, 'ui').append('nearshore');
      byId(document, 'ok').append('onshore');
      await settle(p);
      expect(spans(s)).toEqual(['onshore:onshore']);
    });

    it('drops occurrences of an element that becomes editable and finds them again after', async () => {
      const [p, s] = await scan('<div id="d"><p>BPO</p><p>KPO</p></div><p>offshore</p>');
      const d = byId(document, 'd');
      d.setAttribute('contenteditable', 'true');
      await settle(p);
      expect(spans(s)).toEqual(['offshore:offshore']);
      d.setAttribute('contenteditable', 'false');
      await settle(p);
      expect(sorted(spans(s))).toEqual(sorted(['offshore:offshore', 'BPO:bpo', 'KPO:kpo']));
    });

    it('follows data-glossary being switched off and on', async () => {
      const [p, s] = await scan('<article id="a"><p>BPO</p></article>');
      const article = byId(document, 'a');
      article.setAttribute('data-glossary', 'off');
      await settle(p);
      expect(s.size).toBe(0);
      article.removeAttribute('data-glossary');
      await settle(p);
      expect(spans(s)).toEqual(['BPO:bpo']);
    });

    it('keeps an element excluded by an ancestor when its own attribute changes', async () => {
      const [p, s] = await scan(
        '<div contenteditable><p id="p" contenteditable="true">BPO</p></div>',
      );
      byId(document, 'p').removeAttribute('contenteditable');
      await settle(p);
      expect(s.size).toBe(0);
    });

    it('ignores changes inside its own UI', async () => {
      const [p, s] = await scan('<div id="ui"></div><p>BPO</p>');
      const onChange = vi.spyOn(s, 'setMatches');
      byId(document, 'ui').insertAdjacentHTML('beforeend', '<p>KPO offshore</p>');
      await settle(p);
      expect(onChange).not.toHaveBeenCalled();
      expect(spans(s)).toEqual(['BPO:bpo']);
    });

    it('follows changes inside open shadow roots', async () => {
      document.body.innerHTML = '<div id="host"></div>';
      const shadow = byId(document, 'host').attachShadow({ mode: 'open' });
      shadow.innerHTML = '<p id="p">BPO</p>';
      const [p, s] = await startScanner();
      expect(spans(s)).toEqual(['BPO:bpo']);

      (byId(shadow, 'p').firstChild as Text).data = 'KPO';
      shadow.append('offshore');
      await settle(p);
      expect(sorted(spans(s))).toEqual(['KPO:kpo', 'offshore:offshore']);

      byId(shadow, 'p').remove();
      await settle(p);
      expect(spans(s)).toEqual(['offshore:offshore']);
    });

    it('finds shadow roots in content added later', async () => {
      const onShadowRoot = vi.fn();
      const [p, s] = await scan('<main id="main"></main>', { scanner: { onShadowRoot } });
      const host = document.createElement('div');
      host.attachShadow({ mode: 'open' }).innerHTML = '<p>nearshore</p>';
      byId(document, 'main').append(host);
      await settle(p);
      expect(spans(s)).toEqual(['nearshore:nearshore']);
      expect(onShadowRoot).toHaveBeenCalledTimes(1);
      expect(onShadowRoot).toHaveBeenCalledWith(host.shadowRoot);
    });

    it('stops highlighting a shadow root whose host is moved into an editable region', async () => {
      document.body.innerHTML = '<div id="editor"></div><div id="host"></div>';
      const host = byId(document, 'host');
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.innerHTML = 'BPO <p id="p">KPO</p>';
      const [p, s] = await startScanner();
      expect(s.size).toBe(2);

      byId(document, 'editor').setAttribute('contenteditable', '');
      byId(document, 'editor').append(host);
      await settle(p);
      expect(s.size).toBe(0);

      // The shadow root is still observed: edits in it must stay unhighlighted.
      (shadow.firstChild as Text).data = 'offshore BPO';
      (byId(shadow, 'p').firstChild as Text).data = 'nearshore';
      shadow.append('onshore');
      await settle(p);
      expect(spans(s)).toEqual([]);
    });

    it('never keeps occurrences of content removed while it is still being walked', async () => {
      let section: HTMLElement | null = null;
      const [p, s] = await scan('<main id="main"></main>', {
        scanner: { sliceMs: 0 },
        store: {
          onChange: () => {
            // Removed as soon as the first of its terms is found, mid-walk.
            if (section?.isConnected === true) section.remove();
          },
        },
      });
      section = document.createElement('section');
      section.innerHTML = Array.from({ length: 100 }, (_, i) => `<p>${i} BPO</p>`).join('');
      byId(document, 'main').append(section);
      await settle(p);
      await settle(p);
      expect(section.isConnected).toBe(false);
      expect([...s.texts()].filter((text) => !text.isConnected)).toEqual([]);
      expect(s.size).toBe(0);
    });

    it('never keeps occurrences of text nodes removed before their turn', async () => {
      let texts: Text[] = [];
      const [p, s] = await scan('<main id="main"></main>', {
        scanner: { sliceMs: 0 },
        store: {
          onChange: () => {
            for (const text of texts) text.remove();
            texts = [];
          },
        },
      });
      const added = Array.from({ length: 100 }, (_, i) => document.createTextNode(`${i} KPO `));
      texts = added.slice(50);
      byId(document, 'main').append(...added);
      await settle(p);
      await settle(p);
      expect([...s.texts()].every((text) => text.isConnected)).toBe(true);
      expect(s.size).toBe(added.filter((text) => text.isConnected).length);
      expect(s.size).toBeLessThan(100);
    });

    it('forgets a long text node removed while it is matched in pieces', async () => {
      // Long enough to be matched over several slices: 20 pieces, 16 steps per slice at most.
      const long = document.createTextNode(`${'lorem ipsum, '.repeat(CHUNK_CHARS * 2)}KPO`);
      let pieces = 0;
      const [p, s] = await scan('<p id="p"></p>', {
        scanner: {
          sliceMs: 0,
          findTerms: (text) => {
            // The page removes the node while its first piece is being matched.
            if (++pieces === 1) long.remove();
            return findTerms(text);
          },
        },
      });
      byId(document, 'p').append(long);
      await settle(p);
      expect(pieces).toBeGreaterThan(16);
      expect(s.occurrencesIn(long)).toEqual([]);
      expect(s.size).toBe(0);
    });
  });

  describe('shadow roots attached late', () => {
    it('finds a root attached to a walked custom element after the page’s next changes', async () => {
      const onShadowRoot = vi.fn();
      const [p, s] = await scan('<x-card id="card"></x-card><p id="p"></p>', {
        scanner: { onShadowRoot },
      });
      const shadow = byId(document, 'card').attachShadow({ mode: 'open' });
      shadow.innerHTML = '<p>KPO</p>';
      await settle(p);
      // Nothing tells the scanner yet: the document's observer does not see into the root.
      expect(spans(s)).toEqual([]);

      byId(document, 'p').append('BPO');
      await settle(p);
      expect(sorted(spans(s))).toEqual(['BPO:bpo', 'KPO:kpo']);
      expect(onShadowRoot.mock.calls).toEqual([[shadow]]);
      expect([...p.knownShadowRoots()]).toEqual([shadow]);

      // Observed from then on.
      shadow.append('offshore');
      await settle(p);
      expect(sorted(spans(s))).toEqual(['BPO:bpo', 'KPO:kpo', 'offshore:offshore']);
    });

    it('finds a root attached later on a timed recheck after the scan', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        const [p, s] = await scan('<main><x-panel id="panel"></x-panel></main>');
        byId(document, 'panel').attachShadow({ mode: 'open' }).innerHTML = 'nearshore';
        vi.advanceTimersByTime(499);
        await p.whenIdle();
        expect(spans(s)).toEqual([]);
        vi.advanceTimersByTime(1);
        await p.whenIdle();
        expect(spans(s)).toEqual(['nearshore:nearshore']);
      } finally {
        vi.useRealTimers();
      }
    });

    it('keeps rechecking, further apart, until a root comes', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        const [p, s] = await scan('<x-slow id="slow"></x-slow>');
        // Checks at 500, 1500 (500 + 1000) and 3500 (+ 2000) ms after the scan.
        vi.advanceTimersByTime(1500);
        byId(document, 'slow').attachShadow({ mode: 'open' }).innerHTML = 'onshore';
        vi.advanceTimersByTime(1999);
        await p.whenIdle();
        expect(spans(s)).toEqual([]);
        vi.advanceTimersByTime(1);
        await p.whenIdle();
        expect(spans(s)).toEqual(['onshore:onshore']);
      } finally {
        vi.useRealTimers();
      }
    });

    it('finds the root a custom element’s constructor attaches when it is defined late', async () => {
      // A name of its own: definitions cannot be undone.
      const name = 'x-late-glossary-card';
      const [p, s] = await scan(`<${name} id="late"></${name}><p>BPO</p>`);
      expect(spans(s)).toEqual(['BPO:bpo']);
      customElements.define(
        name,
        class extends HTMLElement {
          constructor() {
            super();
            this.attachShadow({ mode: 'open' }).innerHTML = '<p>outsourcing</p>';
          }
        },
      );
      const late = byId(document, 'late');
      expect(late.shadowRoot).not.toBeNull();
      await customElements.whenDefined(name);
      await settle(p);
      expect(sorted(spans(s))).toEqual(['BPO:bpo', 'outsourcing:outsourcing']);
      expect([...p.knownShadowRoots()]).toEqual([late.shadowRoot]);
    });
  });

  describe('in a mutation storm', () => {
    it('rescans once and still ends with the right occurrences', async () => {
      const [p, s] = await scan('<main id="main"><p id="keep">BPO</p><p id="gone">KPO</p></main>', {
        scanner: { mutationThreshold: 10 },
      });
      const clear = vi.spyOn(s, 'clear');
      const main = byId(document, 'main');
      for (let i = 0; i < 50; i++) main.insertAdjacentHTML('beforeend', `<p>${i} offshore</p>`);
      byId(document, 'gone').remove();
      (byId(document, 'keep').firstChild as Text).data = 'nearshore';
      await settle(p);
      expect(clear).toHaveBeenCalledTimes(1);
      expect(s.size).toBe(51);
      expect(counts(s)).toEqual({ offshore: 50, nearshore: 1 });
    });

    it('follows mutations piece by piece below the threshold', async () => {
      const [p, s] = await scan('<main id="main"></main>', { scanner: { mutationThreshold: 100 } });
      const clear = vi.spyOn(s, 'clear');
      const main = byId(document, 'main');
      for (let i = 0; i < 10; i++) main.insertAdjacentHTML('beforeend', `<p>${i} offshore</p>`);
      await settle(p);
      expect(clear).not.toHaveBeenCalled();
      expect(s.size).toBe(10);
    });

    it('rescans shadow roots it already knows without reporting them again', async () => {
      document.body.innerHTML = '<main id="main"><div id="host"></div></main>';
      const shadow = byId(document, 'host').attachShadow({ mode: 'open' });
      shadow.innerHTML = 'KPO';
      const onShadowRoot = vi.fn();
      const [p, s] = await startScanner({ scanner: { onShadowRoot, mutationThreshold: 3 } });
      for (let i = 0; i < 10; i++) byId(document, 'main').append(`BPO ${i} `);
      await settle(p);
      expect(counts(s)).toEqual({ bpo: 10, kpo: 1 });
      expect(onShadowRoot).toHaveBeenCalledTimes(1);
    });
  });

  describe('stop', () => {
    it('stops following the page', async () => {
      const [p, s] = await scan('<p id="p">BPO</p>');
      p.stop();
      byId(document, 'p').append(' KPO');
      (byId(document, 'p').firstChild as Text).data = 'offshore';
      document.body.insertAdjacentHTML('beforeend', '<p>nearshore</p>');
      await new Promise((resolve) => setTimeout(resolve, 10));
      await p.whenIdle();
      // The text now reads "offshore KPO", but the store still holds what was found before.
      expect(s.occurrencesIn(byId(document, 'p').firstChild as Text)).toHaveLength(1);
      expect(s.size).toBe(1);
      expect(counts(s)).toEqual({ bpo: 1 });
    });

    it('stops a scan in progress and releases anyone waiting for it', async () => {
      document.body.innerHTML = Array.from({ length: 300 }, () => '<p>BPO</p>').join('');
      const s = new OccurrenceStore(document);
      const p = new PageScanner(document, {
        store: s,
        findTerms,
        mightContainTerm,
        ownUi: () => null,
        sliceMs: 0,
      });
      store = s;
      scanner = p;
      p.start();
      // Not awaited: stopped while the first scan is under way.
      const idle = p.whenIdle();
      p.stop();
      await idle;
      const size = s.size;
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(s.size).toBe(size);
      expect(size).toBeLessThan(300);
    });
  });
});

describe('OccurrenceStore painting', () => {
  // Not used by the tooltip any more (it hit-tests every hover itself); kept while the store has it.
  it('registers one highlight per term under its public name with its first range, not before', () => {
    // A page without terms never sees an entry of ours in its registry.
    const onRegistered = vi.fn();
    const s = new OccurrenceStore(document, { onRegistered });
    store = s;
    document.body.innerHTML = '<p id="none">nothing to see</p><p id="p">BPO ja KPO</p>';
    s.setMatches(byId(document, 'none').firstChild as Text, []);
    s.flush();
    expect(registry.size).toBe(0);
    expect(onRegistered).not.toHaveBeenCalled();
    const text = byId(document, 'p').firstChild as Text;
    s.setMatches(text, findTerms(text.data));
    expect(registry.size).toBe(0);
    s.flush();
    expect([...registry.keys()]).toEqual(TERM_IDS.map(highlightName));
    expect(highlightName('kpo')).toBe('glossary-kpo');
    for (const h of registry.values()) expect(h).toBeInstanceOf(FakeHighlight);
    expect(onRegistered).toHaveBeenCalledTimes(1);
    // Later ranges go into the same highlights.
    const before = [...registry.values()];
    s.setMatches(text, findTerms('KPO ja BPO'));
    s.flush();
    expect([...registry.values()]).toEqual(before);
    expect(onRegistered).toHaveBeenCalledTimes(1);
  });

  it('paints each occurrence with a range over its span in its term’s highlight', async () => {
    const [, s] = await scan('<p id="p">BPO ja KPO ja BPO-d</p>');
    s.flush();
    const text = byId(document, 'p').firstChild as Text;
    const bpo = registry.get('glossary-bpo');
    const kpo = registry.get('glossary-kpo');
    expect(bpo?.size).toBe(2);
    expect(kpo?.size).toBe(1);
    for (const occ of s.occurrencesIn(text)) {
      expect(occ.range).not.toBeNull();
      expect(registry.get(highlightName(occ.termId))?.has(occ.range as Range)).toBe(true);
      expect(occ.range?.startContainer).toBe(text);
      expect(occ.range?.toString()).toBe(text.data.slice(occ.start, occ.end));
    }
  });

  it('unpaints the ranges of a removed text node and leaves none on detached text', async () => {
    const [p, s] = await scan('<p id="a">BPO</p><p id="b">KPO offshore</p><p id="c">BPO</p>');
    s.flush();
    expect(paintedRanges()).toHaveLength(4);
    const removed = byId(document, 'b').firstChild as Text;
    removed.remove();
    byId(document, 'c').remove();
    await settle(p);
    s.flush();
    const ranges = paintedRanges();
    expect(ranges).toHaveLength(1);
    expect(ranges.every((range) => range.startContainer.isConnected)).toBe(true);
    expect(s.occurrencesIn(removed)).toEqual([]);
  });

  it('repaints a text node after an edit', async () => {
    const [p, s] = await scan('<p id="p">BPO</p>');
    s.flush();
    expect(paintedRanges().map(String)).toEqual(['BPO']);
    (byId(document, 'p').firstChild as Text).data = 'offshore and KPO';
    await settle(p);
    s.flush();
    expect(registry.get('glossary-bpo')?.size).toBe(0);
    expect(registry.get('glossary-offshore')?.size).toBe(1);
    expect(registry.get('glossary-kpo')?.size).toBe(1);
    expect(paintedRanges().map(String).sort()).toEqual(['KPO', 'offshore']);
  });

  it('clears its highlights but keeps them registered for a rescan', async () => {
    const [, s] = await scan('<p>BPO KPO</p>');
    s.flush();
    expect(paintedRanges()).toHaveLength(2);
    s.clear();
    expect(paintedRanges()).toEqual([]);
    s.flush();
    expect(paintedRanges()).toEqual([]);
    expect(registry.size).toBe(TERM_IDS.length);
    expect(s.size).toBe(0);
    expect(counts(s)).toEqual({});
  });

  it('removes only its own highlights when disposed', () => {
    const foreign = new FakeHighlight();
    const s = new OccurrenceStore(document);
    registry.set('page-own', foreign);
    s.dispose();
    expect([...registry]).toEqual([['page-own', foreign]]);
  });

  it('does not unregister a highlight another store has taken over since', () => {
    document.body.innerHTML = '<p id="p">BPO</p>';
    const text = byId(document, 'p').firstChild as Text;
    const first = new OccurrenceStore(document);
    first.setMatches(text, findTerms(text.data));
    first.flush();
    const second = new OccurrenceStore(document);
    store = second;
    second.setMatches(text, findTerms(text.data));
    second.flush();
    const taken = [...registry];
    first.dispose();
    expect(registry.size).toBe(TERM_IDS.length);
    expect([...registry]).toEqual(taken);
  });

  describe('beyond the eager limit', () => {
    beforeEach(() => {
      vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
    });

    const pageOf = (n: number): string =>
      Array.from({ length: n }, (_, i) => `<p id="p${i + 1}">BPO ${i + 1}</p>`).join('');
    const page = pageOf(5);

    /** The text of every painted range, in page order. */
    const paintedTexts = (): string[] =>
      paintedRanges()
        .map((range) => range.startContainer.textContent ?? '')
        .sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));

    it('counts every occurrence but paints only the first ones at once', async () => {
      const [, s] = await scan(page, { store: { eagerLimit: 2 } });
      s.flush();
      expect(s.size).toBe(5);
      expect(counts(s)).toEqual({ bpo: 5 });
      expect(paintedTexts()).toEqual(['BPO 1', 'BPO 2']);
      const unpainted = [...s.texts()]
        .flatMap((text) => s.occurrencesIn(text))
        .filter((o) => o.range === null);
      expect(unpainted.map((o) => o.text.data)).toEqual(['BPO 3', 'BPO 4', 'BPO 5']);
      // No IntersectionObserver watches lazy text (one target each cost the page every frame).
      expect(FakeIntersectionObserver.instances).toEqual([]);
    });

    it('paints lazy text in view once scanned', async () => {
      const natives = pageNatives();
      natives.elementFromPoint = () => byId(document, 'p4');
      const [, s] = await scan(page, { store: { eagerLimit: 2, lazyBlock: 1, natives } });
      await new Promise((resolve) => requestAnimationFrame(resolve));
      s.flush();
      expect(paintedTexts()).toEqual(['BPO 1', 'BPO 2', 'BPO 3', 'BPO 4', 'BPO 5']);
    });

    it('frees eager room when an eagerly painted text goes', async () => {
      const [p, s] = await scan(page, { store: { eagerLimit: 2 } });
      byId(document, 'p1').remove();
      await settle(p);
      byId(document, 'p2').insertAdjacentHTML('afterend', '<p id="new">KPO</p>');
      await settle(p);
      s.flush();
      expect(registry.get('glossary-kpo')?.size).toBe(1);
      expect(paintedRanges().map(String).sort()).toEqual(['BPO', 'KPO']);
    });

    it('paints nothing lazily for a text edited shorter than its old span', async () => {
      const natives = pageNatives();
      natives.elementFromPoint = () => byId(document, 'p5');
      const frames: FrameRequestCallback[] = [];
      natives.requestAnimationFrame = (callback) => frames.push(callback);
      const [, s] = await scan(page, { store: { eagerLimit: 2, lazyBlock: 0, natives } });
      const text = byId(document, 'p5').firstChild as Text;
      // Edited, and in view before the scanner has caught up.
      text.data = 'B';
      for (const callback of frames.splice(0)) callback(0);
      s.flush();
      expect(s.occurrencesIn(text)[0]?.range).toBeNull();
      // Its neighbour is painted with it.
      expect(paintedTexts()).toEqual(['BPO 1', 'BPO 2', 'BPO 4']);
    });
  });
});
