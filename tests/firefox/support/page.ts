import type { Page } from 'puppeteer-core';
import { countGlossaryRanges } from '../../e2e/support/highlights.ts';

// Page-side helpers for the Firefox leg: each reads what the page's own world sees.

/** Every glossary highlight range as "termId:text", grouped by its `data-expect` owner. */
export function paintedByOwner(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const found: { owner: string; entry: string; node: Node; start: number }[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('glossary-')) continue;
      for (const range of highlight as Iterable<AbstractRange>) {
        const node = range.startContainer;
        const owner = node.parentElement?.closest('[data-expect]');
        const key =
          owner == null ? '' : owner.id !== '' ? owner.id : owner.getAttribute('data-expect');
        const text = node.textContent?.slice(range.startOffset, range.endOffset) ?? '';
        found.push({
          owner: key ?? '',
          entry: `${name.slice('glossary-'.length)}:${text}`,
          node,
          start: range.startOffset,
        });
      }
    }
    found.sort((a, b) =>
      a.node === b.node
        ? a.start - b.start
        : a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING
          ? -1
          : 1,
    );
    const out: Record<string, string[]> = {};
    for (const f of found) (out[f.owner] ??= []).push(f.entry);
    return out;
  });
}

/** What the fixture's `data-expect` attributes ask for, keyed like `paintedByOwner`. */
export function expectedByOwner(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const el of document.querySelectorAll('[data-expect]')) {
      const spec = (el.getAttribute('data-expect') ?? '').trim();
      // An empty expectation: nothing in here may be highlighted (so no entry at all).
      if (spec !== '') out[el.id !== '' ? el.id : spec] = spec.split(' | ').map((s) => s.trim());
    }
    return out;
  });
}

/** How many glossary ranges the page's `CSS.highlights` holds. */
export function paintedCount(page: Page): Promise<number> {
  return page.evaluate(countGlossaryRanges);
}

/** The open tooltip as the page sees it: its term and definition, or null. */
export function openTooltip(page: Page): Promise<{ term: string; definition: string } | null> {
  return page.evaluate(() => {
    const tip = document
      .querySelector('bpo-kpo-glossary')
      ?.shadowRoot?.querySelector<HTMLElement>('[role="tooltip"]');
    if (tip == null) return null;
    return {
      term: tip.dataset.term ?? '',
      definition: tip.querySelector('.definition')?.textContent ?? '',
    };
  });
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The viewport box of the `nth` occurrence of `word` in the text of the element `#id`. */
export function termBox(page: Page, id: string, word: string, nth = 0): Promise<Box> {
  return page.evaluate(
    (elementId, w, n) => {
      const el = document.getElementById(elementId);
      if (el === null) throw new Error(`no #${elementId}`);
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const data = (node as Text).data;
        for (let at = data.indexOf(w); at >= 0; at = data.indexOf(w, at + 1)) {
          if (seen++ < n) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + w.length);
          const r = range.getBoundingClientRect();
          return {
            x: r.left + r.width / 2,
            y: r.top + r.height / 2,
            left: r.left,
            top: r.top,
            width: r.width,
            height: r.height,
          };
        }
      }
      throw new Error(`no "${w}" in #${elementId}`);
    },
    id,
    word,
    nth,
  );
}

/** The open tooltip's box in the viewport, or null. */
export function tooltipBox(page: Page): Promise<Box | null> {
  return page.evaluate(() => {
    const tip = document
      .querySelector('bpo-kpo-glossary')
      ?.shadowRoot?.querySelector('[role="tooltip"]');
    if (tip == null) return null;
    const r = tip.getBoundingClientRect();
    return {
      x: r.left + r.width / 2,
      y: r.top + Math.min(r.height / 2, 20),
      left: r.left,
      top: r.top,
      width: r.width,
      height: r.height,
    };
  });
}
