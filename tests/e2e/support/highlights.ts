import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';

/**
 * In-page function (pass it to `page.evaluate` in Playwright or Puppeteer): how many ranges the
 * public `glossary-*` highlights hold now.
 */
export function countGlossaryRanges(): number {
  let n = 0;
  for (const [name, highlight] of CSS.highlights)
    if (name.startsWith('glossary-')) n += highlight.size;
  return n;
}

/** One painted occurrence as the page itself sees it in `CSS.highlights`. */
export interface PaintedTerm {
  readonly termId: string;
  readonly text: string;
  /** The `data-expect` element holding it (its id, or its expectation), or '' when outside one. */
  readonly owner: string;
  readonly connected: boolean;
  readonly collapsed: boolean;
}

/** Reads every range of every `glossary-*` highlight in a frame, in document order. */
export function paintedTerms(target: Page | Frame): Promise<PaintedTerm[]> {
  return target.evaluate(readPaintedTerms);
}

/**
 * In-page function (pass it to `page.evaluate` in Playwright or Puppeteer): every range of every
 * `glossary-*` highlight, in document order, with the `data-expect` owner found across shadow
 * boundaries. Calls no DOM method a page could have wrapped (no Range or TreeWalker factories).
 */
export function readPaintedTerms(): PaintedTerm[] {
  const out: (PaintedTerm & { node: Node; start: number })[] = [];
  const ownerOf = (node: Node): string => {
    let el: Element | null = node.parentElement;
    while (el !== null) {
      const owner = el.closest('[data-expect]');
      if (owner !== null)
        return owner.id !== '' ? owner.id : (owner.getAttribute('data-expect') ?? '');
      const root = el.getRootNode();
      el = root instanceof ShadowRoot ? root.host : null;
    }
    return '';
  };
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('glossary-')) continue;
    for (const range of highlight as Iterable<AbstractRange>) {
      const node = range.startContainer;
      const data = node.nodeType === Node.TEXT_NODE ? (node as Text).data : '';
      out.push({
        termId: name.slice('glossary-'.length),
        text: data.slice(range.startOffset, range.endOffset),
        owner: ownerOf(node),
        connected: node.isConnected,
        collapsed: range.collapsed,
        node,
        start: range.startOffset,
      });
    }
  }
  out.sort((a, b) =>
    a.node === b.node
      ? a.start - b.start
      : a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING
        ? -1
        : 1,
  );
  return out.map(({ termId, text, owner, connected, collapsed }) => ({
    termId,
    text,
    owner,
    connected,
    collapsed,
  }));
}

/** What the fixture's `data-expect` attributes ask for, keyed like `PaintedTerm.owner`. */
export function expectedTerms(target: Page | Frame): Promise<Record<string, string[]>> {
  return target.evaluate(() => {
    const out: Record<string, string[]> = {};
    const visit = (root: Document | ShadowRoot): void => {
      for (const el of root.querySelectorAll('[data-expect]')) {
        const spec = el.getAttribute('data-expect') ?? '';
        out[el.id !== '' ? el.id : spec] = spec.split(' | ').map((s) => s.trim());
      }
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot !== null) visit(el.shadowRoot);
    };
    visit(document);
    return out;
  });
}

/** Groups painted terms by their owner as "termId:text" strings, comparable to `expectedTerms`. */
export function byOwner(terms: readonly PaintedTerm[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const t of terms) (out[t.owner] ??= []).push(`${t.termId}:${t.text}`);
  return out;
}

/**
 * Page script, run before any page script in every frame: records every DOM mutation after
 * DOMContentLoaded, in the document and in each open shadow root (declarative ones found then,
 * later ones as they are attached), and lists what it observes in `__glossaryObservedRoots`.
 */
export const RECORD_MUTATIONS = `(() => {
  if (window.__glossaryMutations !== undefined) return;
  const log = [];
  const roots = [];
  window.__glossaryMutations = log;
  window.__glossaryObservedRoots = roots;
  const describe = (n) => n.nodeType === 1 ? '<' + n.localName + '>' : n.nodeName;
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      log.push({
        type: r.type,
        target: describe(r.target),
        attribute: r.attributeName,
        added: [...r.addedNodes].map(describe),
        removed: [...r.removedNodes].map(describe),
      });
    }
  });
  const options = { subtree: true, childList: true, attributes: true, characterData: true };
  let started = false;
  const observe = (root, name) => {
    observer.observe(root, options);
    roots.push(name);
  };
  const observeShadows = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot === null) continue;
      observe(el.shadowRoot, 'shadow root of <' + el.localName + '>');
      observeShadows(el.shadowRoot);
    }
  };
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const shadow = attachShadow.call(this, init);
    if (started && init.mode === 'open') observe(shadow, 'shadow root of <' + this.localName + '>');
    return shadow;
  };
  document.addEventListener('DOMContentLoaded', () => {
    started = true;
    observe(document, 'document');
    observeShadows(document);
  }, { once: true });
})();`;

export interface RecordedMutation {
  readonly type: string;
  readonly target: string;
  readonly attribute: string | null;
  readonly added: string[];
  readonly removed: string[];
}

/**
 * Mutations recorded by RECORD_MUTATIONS in every frame of the page (a frame's own are prefixed
 * with its URL), less the extension's own UI host coming and going.
 */
export async function pageMutations(page: Page): Promise<RecordedMutation[]> {
  const out: RecordedMutation[] = [];
  for (const frame of page.frames()) {
    const log = await frame
      .evaluate(
        () =>
          (window as unknown as { __glossaryMutations?: RecordedMutation[] }).__glossaryMutations ??
          [],
      )
      .catch(() => []);
    const where = frame === page.mainFrame() ? '' : `${frame.url()}: `;
    for (const m of withoutOwnHost(log)) out.push({ ...m, target: where + m.target });
  }
  return out;
}

/** A RECORD_MUTATIONS log less the extension's own UI host coming and going. */
export function withoutOwnHost(log: readonly RecordedMutation[]): RecordedMutation[] {
  return log.filter(
    (m) =>
      !(
        m.type === 'childList' &&
        m.target === '<html>' &&
        [...m.added, ...m.removed].every((n) => n === '<bpo-kpo-glossary>')
      ),
  );
}

/** In-page function: the mutations RECORD_MUTATIONS recorded in this frame. */
export function recordedMutations(): RecordedMutation[] {
  return (
    (window as unknown as { __glossaryMutations?: RecordedMutation[] }).__glossaryMutations ?? []
  );
}

/** What RECORD_MUTATIONS observes, by frame URL: 'document' and each open shadow root. */
export async function observedRoots(page: Page): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const frame of page.frames()) {
    out[frame.url()] = await frame
      .evaluate(
        () =>
          (window as unknown as { __glossaryObservedRoots?: string[] }).__glossaryObservedRoots ??
          [],
      )
      .catch(() => []);
  }
  return out;
}

/**
 * Occurrences per term that a fixture file's `data-expect` attributes ask for, read from the file
 * itself (not from the extension), for checks of counts, badges and totals.
 */
export function fixtureCounts(file: string): { total: number; counts: Record<string, number> } {
  const html = readFileSync(file, 'utf8');
  const counts: Record<string, number> = {};
  let total = 0;
  for (const [, spec = ''] of html.matchAll(/\sdata-expect="([^"]*)"/g)) {
    for (const item of spec.split(' | ')) {
      const termId = item.trim().split(':')[0] ?? '';
      if (termId === '') continue;
      counts[termId] = (counts[termId] ?? 0) + 1;
      total++;
    }
  }
  return { total, counts };
}
