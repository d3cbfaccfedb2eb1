import type { Page } from 'playwright-core';
import type { browser as extensionApi } from 'wxt/browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionBrowser } from './support/chromium.ts';
import { paintedTerms } from './support/highlights.ts';
import { differingPixels, firstRangeBox, type Box } from './support/pixels.ts';
import { serve, type TestServer } from './support/server.ts';

// Code passed to evaluate() on the service worker runs where `chrome` exists.
declare const chrome: typeof extensionApi;

const LOOKS = ['underline', 'tint', 'both'] as const;

// A term in the light DOM, one in an open shadow root, and an echoing `message` listener of the
// careless kind: it answers every message it gets, so one message from us would make it spin.
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<style>body { font: 22px/1.6 sans-serif; margin: 24px; color: #222; background: #fff; }</style>
<script>
  window.__messages = [];
  addEventListener('message', (event) => {
    window.__messages.push(event.data);
    if (window.__messages.length < 1000) postMessage(event.data, '*');
  });
</script></head><body>
<p id="light">Our KPO partner works offshore.</p>
<div id="host"></div>
<script>
  document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML =
    '<p id="shadow">The BPO desk is nearshore.</p>';
</script>
</body></html>`;

// The same page, whose theme switcher replaces the document's (and the shadow root's) adopted
// sheets after load, as constructable-stylesheet themes do.
const THEMED_PAGE = PAGE.replace(
  '</body>',
  `<script>
  addEventListener('load', () => setTimeout(() => {
    const theme = new CSSStyleSheet();
    theme.replaceSync('p { letter-spacing: 0.5px; }');
    document.adoptedStyleSheets = [theme];
    document.getElementById('host').shadowRoot.adoptedStyleSheets = [theme];
    document.title = 'themed';
  }, 300));
</script></body>`,
);

describe('highlight looks in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: TestServer;
  let page: Page;

  beforeAll(async () => {
    server = await serve({
      pages: { '/page.html': { body: PAGE }, '/themed.html': { body: THEMED_PAGE } },
    });
    browser = await launchExtension();
  });
  afterAll(async () => {
    await browser.close();
    await server.close();
  });
  beforeEach(async () => {
    for (const p of browser.context.pages()) await p.close();
    page = await browser.context.newPage();
  });

  const setLook = (look: (typeof LOOKS)[number]): Promise<void> =>
    browser.worker.evaluate(
      (highlightStyle) =>
        chrome.storage.local.set({
          settings: {
            enabled: true,
            disabledSites: [],
            language: 'auto',
            highlightStyle,
            firstOnly: false,
          },
        }),
      look,
    );

  const open = async (path: string): Promise<void> => {
    await page.goto(`${server.origin}${path}`);
    await expect.poll(async () => (await paintedTerms(page)).length).toBe(4);
  };

  /** Boxes of the first occurrence of each term, by public highlight name. */
  const termBoxes = async (): Promise<Record<string, Box>> => {
    const boxes: Record<string, Box> = {};
    for (const name of [
      'glossary-kpo',
      'glossary-offshore',
      'glossary-bpo',
      'glossary-nearshore',
    ]) {
      const box = await page.evaluate(firstRangeBox, name);
      if (box === null) throw new Error(`${name} has no range`);
      boxes[name] = box;
    }
    return boxes;
  };

  /** Pixels each term's box changes by when the page's highlights are cleared. */
  const paintedPixels = async (): Promise<Record<string, number>> => {
    const boxes = await termBoxes();
    const painted = await page.screenshot();
    await page.evaluate(() => {
      CSS.highlights.clear();
    });
    const plain = await page.screenshot();
    return Object.fromEntries(
      Object.entries(boxes).map(([name, box]) => [name, differingPixels(painted, plain, box)]),
    );
  };

  for (const look of LOOKS) {
    it(`paints the ${look} look visibly, in the document and in open shadow roots`, async () => {
      await setLook(look);
      await open('/page.html');
      const pixels = await paintedPixels();
      for (const [name, count] of Object.entries(pixels)) {
        expect(count, `${name} painted in the ${look} look`).toBeGreaterThan(20);
      }
    });
  }

  it('gives each look its own pixels', async () => {
    const shots = new Map<string, Uint8Array>();
    for (const look of LOOKS) {
      await setLook(look);
      await open('/page.html');
      shots.set(look, await page.screenshot());
    }
    const shot = (look: string): Uint8Array => shots.get(look) ?? new Uint8Array();
    const box = await page.evaluate(firstRangeBox, 'glossary-kpo');
    if (box === null) throw new Error('no KPO range');
    expect(differingPixels(shot('underline'), shot('tint'), box)).toBeGreaterThan(20);
    expect(differingPixels(shot('tint'), shot('both'), box)).toBeGreaterThan(20);
    expect(differingPixels(shot('underline'), shot('both'), box)).toBeGreaterThan(20);
  });

  it('switches looks live without a stylesheet the page can see', async () => {
    await setLook('underline');
    await open('/page.html');
    const sheetsSeen = (): Promise<unknown> =>
      page.evaluate(() => {
        const shadow = document.getElementById('host')?.shadowRoot;
        const rules = [...document.styleSheets].flatMap((s) => [...s.cssRules]);
        return {
          styleSheets: document.styleSheets.length,
          adopted: document.adoptedStyleSheets.length,
          shadowAdopted: shadow?.adoptedStyleSheets.length,
          highlightRules: rules.filter((r) => r.cssText.includes('::highlight(')).length,
        };
      });
    const before = await sheetsSeen();
    expect(before).toEqual({ styleSheets: 1, adopted: 0, shadowAdopted: 0, highlightRules: 0 });
    const box = await page.evaluate(firstRangeBox, 'glossary-kpo');
    if (box === null) throw new Error('no KPO range');
    const underlined = await page.screenshot();
    await setLook('tint');
    await expect
      .poll(async () => differingPixels(underlined, await page.screenshot(), box))
      .toBeGreaterThan(20);
    expect(await sheetsSeen()).toEqual(before);
  });

  it('keeps every term painted when the page replaces its adopted stylesheets', async () => {
    await setLook('underline');
    await open('/themed.html');
    await expect.poll(() => page.title()).toBe('themed');
    const pixels = await paintedPixels();
    for (const [name, count] of Object.entries(pixels)) {
      expect(count, `${name} still painted`).toBeGreaterThan(20);
    }
  });

  it('sends no message to a page that echoes every message', async () => {
    await setLook('both');
    await open('/page.html');
    // Long enough for a startup message to arrive and be echoed many times over.
    await page.waitForTimeout(500);
    expect(
      await page.evaluate(() => (window as unknown as { __messages: unknown[] }).__messages),
    ).toEqual([]);
  });
});
