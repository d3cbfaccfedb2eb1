import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_STYLES } from '../../entrypoints/shared/settings-schema.ts';
import { differingPixels, type Box } from '../e2e/support/pixels.ts';
import { DEFAULT_SETTINGS, shouldSkip, storeSettings } from './support/firefox.ts';
import { useFirefoxSuite } from './support/suite.ts';
import { paintedCount } from './support/page.ts';

// Proof by pixels that Firefox paints the highlights: a term's box before and after the page
// clears `CSS.highlights` must differ, in every look, and on a page that replaces its adopted
// stylesheets after load.

const FIXTURES = resolve(import.meta.dirname, 'fixtures');
/** Pixels that must differ in a term's box (a dotted underline under three letters is ~40). */
const MIN_DIFFERING = 20;

/** Every glossary range's viewport box, grown 4 px above and below to take in an underline. */
function rangeBoxes(page: Page): Promise<{ name: string; box: Box }[]> {
  return page.evaluate(() => {
    const out: { name: string; box: Box }[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('glossary-')) continue;
      for (const range of highlight as Iterable<Range>) {
        const r = range.getBoundingClientRect();
        const text = range.toString();
        out.push({
          name: `${name} “${text}”`,
          box: { x: r.x, y: r.y - 4, width: r.width, height: r.height + 8 },
        });
      }
    }
    return out;
  });
}

/** A screenshot taken after the next two frames (so the latest change is painted). */
async function settledShot(page: Page): Promise<Uint8Array> {
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        requestAnimationFrame(() => {
          requestAnimationFrame(() => {
            done();
          });
        });
      }),
  );
  return page.screenshot();
}

/** The boxes whose pixels barely change when the page clears its highlights (none, when all paint). */
async function unpaintedTerms(
  page: Page,
  boxes: readonly { name: string; box: Box }[],
): Promise<{ name: string; differing: number }[]> {
  const painted = await settledShot(page);
  await page.evaluate(() => {
    CSS.highlights.clear();
  });
  const plain = await settledShot(page);
  return boxes
    .map(({ name, box }) => ({ name, differing: differingPixels(painted, plain, box) }))
    .filter(({ differing }) => differing < MIN_DIFFERING);
}

describe.skipIf(shouldSkip())('the add-on in Firefox: highlights painted, by pixels', () => {
  const suite = useFirefoxSuite({ root: FIXTURES }, { resetBeforeEach: false });

  const openPainted = async (path: string, look: string): Promise<Page> => {
    const page = await suite.session.browser.newPage();
    await page.goto(`${suite.server.origin}${path}`);
    await expect.poll(() => paintedCount(page), { timeout: 20_000 }).toBeGreaterThan(0);
    // The look is applied by registering each term under the look's name too.
    await expect
      .poll(() => page.evaluate((l) => CSS.highlights.has(`bpo-kpo-glossary-${l}-bpo`), look))
      .toBe(true);
    return page;
  };

  for (const look of HIGHLIGHT_STYLES) {
    it(`paints every term visibly in the ${look} look`, async () => {
      await storeSettings(suite.session, { ...DEFAULT_SETTINGS, highlightStyle: look });
      const page = await openPainted('/terms.html', look);
      // The first highlights can go in before the rest (while the page is parsed, or the scan's
      // first slice): all 17 are there once the scan's batches are in.
      await expect.poll(() => paintedCount(page), { timeout: 20_000 }).toBe(17);
      const boxes = await rangeBoxes(page);
      expect(boxes).toHaveLength(17);
      const unpainted = await unpaintedTerms(page, boxes);
      expect(unpainted, `terms not visibly painted in the ${look} look`).toEqual([]);
      await page.close();
    });
  }

  it('paints terms inside an open shadow root too', async () => {
    await storeSettings(suite.session, { ...DEFAULT_SETTINGS, highlightStyle: 'tint' });
    const page = await openPainted('/shadow.html', 'tint');
    await expect.poll(() => paintedCount(page), { timeout: 20_000 }).toBe(4);
    const boxes = await rangeBoxes(page);
    const unpainted = await unpaintedTerms(page, boxes);
    expect(unpainted, 'terms not visibly painted').toEqual([]);
  });

  it('keeps every term painted when the page replaces its adopted stylesheets after load', async () => {
    await storeSettings(suite.session, { ...DEFAULT_SETTINGS, highlightStyle: 'tint' });
    const page = await openPainted('/adopted.html', 'tint');
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.sheetsReplaced ?? ''))
      .toBe('yes');
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);
    const boxes = await rangeBoxes(page);
    expect(boxes.length).toBeGreaterThanOrEqual(10);
    const unpainted = await unpaintedTerms(page, boxes);
    expect(unpainted, 'terms not visibly painted after the page replaced its sheets').toEqual([]);
  });
});
