import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TermId } from '../../glossary/types.ts';
import { captureNatives } from '../../entrypoints/glossary-page.content/natives.ts';
import type { Occurrence } from '../../entrypoints/glossary-page.content/occurrence-store.ts';
import { PageGlossary } from '../../entrypoints/glossary-page.content/page-glossary.ts';
import { installPageWorld } from './support/page-world.ts';

let glossary: PageGlossary | null = null;

beforeEach(() => {
  installPageWorld();
});

afterEach(() => {
  glossary?.stop();
  glossary = null;
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('PageGlossary in the registry', () => {
  it('leaves a page without terms with an empty registry, and registers the look with the first term', async () => {
    const registry = (globalThis as unknown as { CSS: { highlights: Map<string, unknown> } }).CSS
      .highlights;
    const g = await start('<p id="p">Nothing to highlight here.</p>');
    g.store.flush();
    expect([...registry.keys()]).toEqual([]);
    textIn('p').data = 'Now it says BPO.';
    // The observer's records come in a microtask; the scanner then has work to wait for.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await g.whenIdle();
    g.store.flush();
    const names = [...registry.keys()];
    expect(names).toContain('glossary-bpo');
    // The look's name for the same highlight: what the injected sheet styles.
    expect(names).toContain('bpo-kpo-glossary-underline-bpo');
    expect(registry.get('bpo-kpo-glossary-underline-bpo')).toBe(registry.get('glossary-bpo'));
    g.setLook('tint');
    expect(registry.get('bpo-kpo-glossary-tint-bpo')).toBe(registry.get('glossary-bpo'));
    expect(registry.has('bpo-kpo-glossary-underline-bpo')).toBe(false);
  });
});

async function start(html: string): Promise<PageGlossary> {
  glossary?.stop();
  document.body.innerHTML = html;
  const g = new PageGlossary(document, {
    look: 'underline',
    firstOnly: false,
    natives: captureNatives(window),
    onCounts: () => undefined,
    countDelayMs: 200,
    shadowSheets: false,
  });
  glossary = g;
  g.start();
  await g.whenIdle();
  return g;
}

const textIn = (id: string): Text => {
  const text = document.getElementById(id)?.firstChild;
  if (!(text instanceof Text)) throw new Error(`no text in #${id}`);
  return text;
};

/** An occurrence as `#id@start:termId` (the id of its text node's parent). */
const where = (occ: Occurrence | null): string | null =>
  occ === null ? null : `#${occ.text.parentElement?.id ?? '?'}@${occ.start}:${occ.termId}`;

/** The occurrences `next` visits from the top, following each answer, `count` times. */
function walk(g: PageGlossary, termId: TermId | null, count: number): (string | null)[] {
  const seen: (string | null)[] = [];
  let at = g.next(termId, null, 0);
  for (let i = 0; i < count; i++) {
    seen.push(where(at));
    at = at === null ? null : g.next(termId, at.text, at.start);
  }
  return seen;
}

const PAGE =
  '<p id="a">BPO and KPO</p><div><p id="b">offshore <b id="bb">BPO</b></p></div>' +
  '<p id="plain">no terms here</p><p id="c">KPO BPO</p>';

describe('PageGlossary.next', () => {
  it('moves through every occurrence in document order and wraps around', async () => {
    const g = await start(PAGE);
    expect(walk(g, null, 8)).toEqual([
      '#a@0:bpo',
      '#a@8:kpo',
      '#b@0:offshore',
      '#bb@0:bpo',
      '#c@0:kpo',
      '#c@4:bpo',
      '#a@0:bpo',
      '#a@8:kpo',
    ]);
  });

  it('follows document order, not the order text was found in', async () => {
    const g = await start(PAGE);
    document.body.insertAdjacentHTML('afterbegin', '<p id="top">nearshore</p>');
    document.getElementById('bb')?.after(' and onshore');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await g.whenIdle();
    expect(walk(g, null, 9)).toEqual([
      '#top@0:nearshore',
      '#a@0:bpo',
      '#a@8:kpo',
      '#b@0:offshore',
      '#bb@0:bpo',
      '#b@5:onshore',
      '#c@0:kpo',
      '#c@4:bpo',
      '#top@0:nearshore',
    ]);
  });

  it('moves through one term only when asked, wrapping around', async () => {
    const g = await start(PAGE);
    expect(walk(g, 'bpo', 4)).toEqual(['#a@0:bpo', '#bb@0:bpo', '#c@4:bpo', '#a@0:bpo']);
    expect(walk(g, 'kpo', 3)).toEqual(['#a@8:kpo', '#c@0:kpo', '#a@8:kpo']);
    expect(g.next('kpo', textIn('c'), 0)).toMatchObject({ text: textIn('a'), start: 8 });
    expect(g.next('offshore', textIn('c'), 4)).toMatchObject({ text: textIn('b'), start: 0 });
  });

  it('starts after any offset in the middle of a text node', async () => {
    const g = await start(PAGE);
    const a = textIn('a');
    // "BPO and KPO": the occurrence at the offset counts as passed, the next one is after it.
    expect(where(g.next(null, a, 0))).toBe('#a@8:kpo');
    expect(where(g.next(null, a, 1))).toBe('#a@8:kpo');
    expect(where(g.next(null, a, 7))).toBe('#a@8:kpo');
    expect(where(g.next(null, a, 8))).toBe('#b@0:offshore');
    expect(where(g.next(null, a, 10))).toBe('#b@0:offshore');
    expect(where(g.next('bpo', a, 3))).toBe('#bb@0:bpo');
  });

  it('starts after a text node without occurrences', async () => {
    const g = await start(PAGE);
    expect(where(g.next(null, textIn('plain'), 5))).toBe('#c@0:kpo');
    expect(where(g.next('bpo', textIn('plain'), 0))).toBe('#c@4:bpo');
  });

  it('finds nothing when the term does not occur', async () => {
    const g = await start(PAGE);
    expect(g.next('nearshore', null, 0)).toBeNull();
    expect(g.next('nearshore', textIn('a'), 0)).toBeNull();
    const empty = await start('<p id="x">plain words</p>');
    expect(empty.next(null, textIn('x'), 0)).toBeNull();
  });
});
