import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  activeTabBadge,
  activeTabCounts,
  launchExtension,
  type ExtensionBrowser,
} from './support/chromium.ts';
import {
  byOwner,
  expectedTerms,
  pageMutations,
  paintedTerms,
  RECORD_MUTATIONS,
} from './support/highlights.ts';
import {
  addTermsToTwin,
  addTextToLateRoot,
  closedButtonPoint,
  FIXTURES,
  hostileCalls,
  LATE_SHADOW_EXPECTED,
  LATE_SHADOW_OWN_MUTATIONS,
  LATE_STEP_COUNT,
  lateSteps,
  newGlobals,
  NOTE_GLOBALS,
  PAGE_GLOBALS,
  paintedList,
  patchedBuiltins,
  rangesInClosedRoots,
  scrollToFraction,
  sortedMutations,
  twinBodies,
  TWIN_OCCURRENCES,
} from './support/page-world.ts';
import { firstRangeBox } from './support/pixels.ts';
import { serve, type TestServer } from './support/server.ts';

// What the page sees of the glossary in its own world: shadow roots that appear after the scan
// are painted too, and a page that wraps and pollutes the built-ins gets the same highlights as
// its clean twin, sees no call of its wrappers and no new global.

describe('the page’s own world in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: TestServer;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    server = await serve({ root: FIXTURES });
    browser = await launchExtension();
  });
  afterAll(async () => {
    await browser.close();
    await server.close();
  });
  beforeEach(async () => {
    for (const p of browser.context.pages()) await p.close();
    page = await browser.context.newPage();
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  describe('shadow roots that appear after the scan', () => {
    /** Opens late-shadow.html, clicks its button once the page is painted, waits for every late step. */
    const openLatePage = async (): Promise<void> => {
      await page.addInitScript(RECORD_MUTATIONS);
      await page.goto(`${server.origin}/late-shadow.html`);
      await expect
        .poll(async () => byOwner(await paintedTerms(page)).light)
        .toEqual(LATE_SHADOW_EXPECTED.light);
      // The timers' steps first (they move the button), then the click's.
      const stepsRun = async (): Promise<number> => (await page.evaluate(lateSteps)).length;
      await expect.poll(stepsRun).toBe(LATE_STEP_COUNT - 1);
      await page.click('#show-details');
      await expect.poll(stepsRun).toBe(LATE_STEP_COUNT);
      // Each root came after the page was scanned, or the test would prove nothing.
      const early = (await page.evaluate(lateSteps)).filter((s) => s.paintedBefore === 0);
      expect(early, 'late steps that ran before the first scan').toEqual([]);
    };
    const paintedIn = async (owner: string): Promise<string[]> =>
      byOwner(await paintedTerms(page))[owner] ?? [];

    it('paints the open root of an element defined 500 ms after load', async () => {
      await openLatePage();
      await expect.poll(() => paintedIn('late-defined')).toEqual(['offshore:offshore']);
    });

    it('paints an element appended after the scan whose root comes when it is defined later still', async () => {
      await openLatePage();
      await expect.poll(() => paintedIn('late-appended')).toEqual(['nearshore:nearshore']);
    });

    it('paints the root a defined element attaches later, on a click', async () => {
      await openLatePage();
      await expect.poll(() => paintedIn('shadow-later')).toEqual(['onshore:Onshore']);
    });

    it('paints a root nested inside a late root', async () => {
      await openLatePage();
      await expect.poll(() => paintedIn('late-outer')).toEqual(['bpo:BPO-s']);
      await expect.poll(() => paintedIn('nested-inner')).toEqual(['kpo:KPO']);
    });

    it('follows text added later to a late root it found', async () => {
      await openLatePage();
      await expect.poll(() => paintedIn('late-defined')).toEqual(['offshore:offshore']);
      await page.evaluate(addTextToLateRoot);
      await expect.poll(() => paintedIn('late-defined')).toEqual(['offshore:offshore', 'kpo:KPO']);
    });

    it('leaves a closed root unpainted and working, with no page error', async () => {
      await openLatePage();
      await expect.poll(() => paintedIn('light')).toEqual(LATE_SHADOW_EXPECTED.light);
      expect(await page.evaluate(rangesInClosedRoots)).toBe(0);
      const button = await page.evaluate(closedButtonPoint);
      await page.mouse.click(button.x, button.y);
      await expect.poll(() => page.textContent('#closed-clicks')).toBe('Closed box clicks: 1');
      expect(await page.evaluate(rangesInClosedRoots)).toBe(0);
      expect(pageErrors).toEqual([]);
    });

    it('paints exactly the expected terms, counts them on the badge, opens a late root’s tooltip and changes no node', async () => {
      await openLatePage();
      const expected = await expectedTerms(page);
      expect(expected).toEqual(LATE_SHADOW_EXPECTED);
      await expect.poll(async () => byOwner(await paintedTerms(page))).toEqual(expected);
      const total = Object.values(expected).flat().length;
      await expect.poll(() => activeTabBadge(browser)).toBe(String(total));

      const box = await page.evaluate(firstRangeBox, 'glossary-offshore');
      if (box === null) throw new Error('no painted offshore');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const tooltip = page.getByRole('tooltip');
      // The pointer may still rest where an earlier test left it (on a term too): the tooltip
      // there closes and this one opens.
      await expect
        .poll(() => tooltip.getAttribute('data-term', { timeout: 1000 }).catch(() => null))
        .toBe('offshore');

      // The only mutations are the page's own.
      expect(sortedMutations(await pageMutations(page))).toEqual(LATE_SHADOW_OWN_MUTATIONS);
      expect(pageErrors).toEqual([]);
    });
  });

  describe('a hostile page: wrapped built-ins and polluted prototypes', () => {
    /** What a reader sees along the way: the painted terms after each step, and the counts. */
    interface Journey {
      readonly steps: Record<string, string[]>;
      readonly counts: { total: number; counts: Record<string, number> }[];
    }

    /** Painted terms once they stop changing (lazy painting follows the scroll within frames). */
    const settledPaint = async (): Promise<string[]> => {
      let last: string[] = [];
      await expect
        .poll(async () => {
          const previous = last;
          last = paintedList(await paintedTerms(page));
          return last.length > 0 && JSON.stringify(last) === JSON.stringify(previous);
        })
        .toBe(true);
      return last;
    };

    /** Opens a twin page, scrolls to its end and back, adds a term, hovers one: what was painted. */
    const journey = async (path: string): Promise<Journey> => {
      await page.addInitScript(NOTE_GLOBALS);
      await page.goto(`${server.origin}${path}`);
      await expect.poll(async () => (await activeTabCounts(browser)).total).toBe(TWIN_OCCURRENCES);
      const steps: Record<string, string[]> = {};
      const counted = async (): Promise<Journey['counts'][number]> => {
        const { total, counts } = await activeTabCounts(browser);
        return { total, counts };
      };
      const counts = [await counted()];
      steps.loaded = await settledPaint();
      for (const [name, at] of [
        ['middle', 0.5],
        ['end', 1],
        ['back at the top', 0],
      ] as const) {
        await page.evaluate(scrollToFraction, at);
        steps[name] = await settledPaint();
      }
      await page.evaluate(addTermsToTwin);
      await expect
        .poll(async () => (await activeTabCounts(browser)).total)
        .toBe(TWIN_OCCURRENCES + 2);
      counts.push(await counted());
      steps['after the mutation'] = await settledPaint();
      const box = await page.evaluate(firstRangeBox, 'glossary-onshore');
      if (box === null) throw new Error('no painted Onshore');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.getByRole('tooltip').waitFor();
      expect(await page.getByRole('tooltip').getAttribute('data-term')).toBe('onshore');
      await page.keyboard.press('Escape');
      return { steps, counts };
    };

    it('has the same body as its clean twin', () => {
      const { clean, hostile } = twinBodies();
      expect(hostile).toBe(clean);
    });

    it('gets exactly the highlights its clean twin gets, scrolled through and after a mutation', async () => {
      const clean = await journey('/page-world.html');
      // Lazy painting is in play: at the top, lazy text far down the page is not painted yet; it
      // is once scrolled to.
      expect(clean.steps.loaded?.length).toBeLessThan(TWIN_OCCURRENCES);
      expect(clean.steps.end?.length).toBeGreaterThan(clean.steps.loaded?.length ?? Infinity);
      expect(clean.steps['after the mutation']).toContain('added nearshore:Nearshore');
      await page.close();
      page = await browser.context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      const hostile = await journey('/page-world-hostile.html');
      for (const step of Object.keys(clean.steps))
        expect(hostile.steps[step], `painted ${step}`).toEqual(clean.steps[step]);
      expect(hostile.counts).toEqual(clean.counts);
      expect(pageErrors).toEqual([]);
    });

    it('sees no call of its wrappers and gains no global from the extension', async () => {
      await journey('/page-world-hostile.html');
      expect(JSON.parse(await page.evaluate(hostileCalls))).toEqual({});
      expect(await page.evaluate(newGlobals)).toEqual(PAGE_GLOBALS.hostile);
      expect(pageErrors).toEqual([]);
    });

    it('leaves the clean twin’s built-ins its own and gives it no global', async () => {
      await journey('/page-world.html');
      expect(await page.evaluate(patchedBuiltins)).toEqual([]);
      expect(await page.evaluate(newGlobals)).toEqual(PAGE_GLOBALS.clean);
    });
  });
});
