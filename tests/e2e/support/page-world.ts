import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PaintedTerm, RecordedMutation } from './highlights.ts';

// What the page-world suites (Chromium and Firefox) share: the fixtures' expectations and
// in-page functions (pass them to `page.evaluate` in Playwright or Puppeteer). None of the
// in-page functions calls a DOM method the hostile page wraps.

export const FIXTURES = resolve(import.meta.dirname, '../fixtures');

/** The late-shadow fixture's owners: light DOM first, then each late root's host. */
export const LATE_SHADOW_EXPECTED: Readonly<Record<string, readonly string[]>> = {
  'bpo:BPO': ['bpo:BPO'],
  light: ['kpo:KPO', 'outsourcing:outsourcing'],
  'late-defined': ['offshore:offshore'],
  'late-appended': ['nearshore:nearshore'],
  'shadow-later': ['onshore:Onshore'],
  'late-outer': ['bpo:BPO-s'],
  'nested-inner': ['kpo:KPO'],
};

const filledIn = (target: string, added: string[]): RecordedMutation => ({
  type: 'childList',
  target,
  attribute: null,
  added,
  removed: [],
});

/**
 * Every mutation late-shadow.html makes itself, once its late steps ran, as RECORD_MUTATIONS
 * records them: one element appended, five shadow roots filled in (sorted: see `sortedMutations`).
 */
export const LATE_SHADOW_OWN_MUTATIONS: readonly string[] = sortedMutations([
  filledIn('<div>', ['<late-appended>']),
  filledIn('#document-fragment', ['<p>']),
  filledIn('#document-fragment', ['<p>', '<nested-inner>']),
  filledIn('#document-fragment', ['<p>']),
  filledIn('#document-fragment', ['<p>']),
  filledIn('#document-fragment', ['<p>']),
]);

/** Mutations as sorted JSON strings: comparable whatever order timers and observers gave them. */
export function sortedMutations(list: readonly RecordedMutation[]): string[] {
  return list.map((m) => JSON.stringify(m)).sort();
}

/** The page's late steps (late-shadow.html), in the order they ran. */
export interface LateStep {
  readonly name: string;
  /** Glossary ranges painted when the step ran: above zero means the page had been scanned. */
  readonly paintedBefore: number;
}

/** In-page function: the late steps late-shadow.html has run so far. */
export function lateSteps(): LateStep[] {
  return (window as unknown as { lateSteps?: LateStep[] }).lateSteps ?? [];
}

/** Every step late-shadow.html runs (its button clicked once). */
export const LATE_STEP_COUNT = 5;

/** In-page function: case 5, text with a term appended to late-defined's (late) open root. */
export function addTextToLateRoot(): void {
  const root = document.getElementById('late-defined')?.shadowRoot;
  if (root == null) throw new Error('late-defined has no open shadow root yet');
  const p = document.createElement('p');
  p.textContent = 'Added to a late root: KPO.';
  root.append(p);
}

/** In-page function: glossary ranges whose text lies in a closed shadow root. */
export function rangesInClosedRoots(): number {
  let n = 0;
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('glossary-')) continue;
    for (const range of highlight as Iterable<AbstractRange>) {
      const root = range.startContainer.getRootNode();
      if (root instanceof ShadowRoot && root.mode === 'closed') n++;
    }
  }
  return n;
}

/** In-page function: a point inside closed-box's closed root, on its button (the host's last line). */
export function closedButtonPoint(): { x: number; y: number } {
  const box = document.getElementById('closed-box')?.getBoundingClientRect();
  if (box === undefined) throw new Error('no #closed-box');
  return { x: box.left + 8, y: box.bottom - 8 };
}

/** The twin fixtures' body, the same in both (checked by the suites). */
export function twinBodies(): { clean: string; hostile: string } {
  const body = (file: string): string => {
    const html = readFileSync(resolve(FIXTURES, file), 'utf8');
    return html.slice(html.indexOf('<body>'));
  };
  return { clean: body('page-world.html'), hostile: body('page-world-hostile.html') };
}

/** Occurrences on the twin pages: the long section's 800 × 3, plus 8 around it. */
export const TWIN_OCCURRENCES = 2408;

/** In-page function: the test's mutation, a paragraph with two terms added to #mutations. */
export function addTermsToTwin(): void {
  const p = document.createElement('p');
  p.id = 'added';
  p.setAttribute('data-expect', 'nearshore:Nearshore | bpo:BPO');
  p.textContent = 'Nearshore BPO, added by the test.';
  document.getElementById('mutations')?.append(p);
}

/** In-page function (takes a 0–1 position): scrolls the page there. */
export function scrollToFraction(at: number): void {
  scrollTo(0, at * (document.documentElement.scrollHeight - innerHeight));
}

/** Painted terms as comparable "owner termId:text" strings. */
export function paintedList(terms: readonly PaintedTerm[]): string[] {
  return terms.map((t) => `${t.owner} ${t.termId}:${t.text}`);
}

/** In-page function: the hostile page's wrapper counts, by wrapper (empty when none was called). */
export function hostileCalls(): string {
  return (window as unknown as { __hostilePage: { calls(): string } }).__hostilePage.calls();
}

/**
 * Init script (run before any page script and before document_start content scripts, as
 * Playwright's and Puppeteer's run): notes the window's own property names at the very start.
 */
export const NOTE_GLOBALS = `Object.defineProperty(window, '__globalsAtStart', {
  value: Object.getOwnPropertyNames(window).join(' '),
});`;

/** In-page function: the window's own property names that were not there at the start. */
export function newGlobals(): string[] {
  const before = new Set(
    (window as unknown as { __globalsAtStart: string }).__globalsAtStart.split(' '),
  );
  return Object.getOwnPropertyNames(window).filter(
    (name) => !before.has(name) && name !== '__globalsAtStart',
  );
}

/** The twin pages' own global: the hostile page's counters. */
export const PAGE_GLOBALS: Readonly<Record<'clean' | 'hostile', readonly string[]>> = {
  clean: [],
  hostile: ['__hostilePage'],
};

/**
 * In-page function: the built-ins (and prototypes) an extension might be tempted to patch that
 * are no longer the browser's own, and enumerable keys added to Object or Array prototypes.
 */
export function patchedBuiltins(): string[] {
  /* eslint-disable @typescript-eslint/unbound-method -- taken off their objects only to be read */
  const toString = Function.prototype.toString;
  const builtins: Record<string, unknown> = {
    'Element.prototype.attachShadow': Element.prototype.attachShadow,
    'CustomElementRegistry.prototype.define': CustomElementRegistry.prototype.define,
    'customElements.define': customElements.define,
    'EventTarget.prototype.addEventListener': EventTarget.prototype.addEventListener,
    'EventTarget.prototype.removeEventListener': EventTarget.prototype.removeEventListener,
    'EventTarget.prototype.dispatchEvent': EventTarget.prototype.dispatchEvent,
    setTimeout: window.setTimeout,
    setInterval: window.setInterval,
    requestAnimationFrame: window.requestAnimationFrame,
    queueMicrotask: window.queueMicrotask,
    'Promise.prototype.then': Promise.prototype.then,
    MutationObserver: window.MutationObserver,
    'MutationObserver.prototype.observe': MutationObserver.prototype.observe,
    IntersectionObserver: window.IntersectionObserver,
    'IntersectionObserver.prototype.observe': IntersectionObserver.prototype.observe,
    'MessagePort.prototype.postMessage': MessagePort.prototype.postMessage,
    'Document.prototype.createTreeWalker': Document.prototype.createTreeWalker,
    'Document.prototype.createRange': Document.prototype.createRange,
    'Range.prototype.setStart': Range.prototype.setStart,
    'Range.prototype.setEnd': Range.prototype.setEnd,
    Highlight: window.Highlight,
    'Highlight.prototype.add': Highlight.prototype.add,
    'HighlightRegistry.prototype.set': HighlightRegistry.prototype.set,
    'HighlightRegistry.prototype.delete': HighlightRegistry.prototype.delete,
    'History.prototype.pushState': History.prototype.pushState,
    'History.prototype.replaceState': History.prototype.replaceState,
    'Node.prototype.appendChild': Node.prototype.appendChild,
    'Function.prototype.toString': toString,
  };
  /* eslint-enable @typescript-eslint/unbound-method */
  const patched = Object.keys(builtins).filter((name) => {
    const value = builtins[name];
    return typeof value !== 'function' || !toString.call(value).includes('[native code]');
  });
  for (const key in {}) patched.push(`Object.prototype.${key} (enumerable)`);
  const array: object = [];
  for (const key in array) patched.push(`Array.prototype.${key} (enumerable)`);
  return patched;
}
