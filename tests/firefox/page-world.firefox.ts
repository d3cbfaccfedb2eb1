import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import {
  byOwner,
  readPaintedTerms,
  RECORD_MUTATIONS,
  recordedMutations,
  withoutOwnHost,
} from '../e2e/support/highlights.ts';
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
  TWIN_OCCURRENCES,
} from '../e2e/support/page-world.ts';
import { firstRangeBox } from '../e2e/support/pixels.ts';
import { badgeText, shouldSkip, tabCounts, tabIdOf } from './support/firefox.ts';
import { openTooltip } from './support/page.ts';
import { useFirefoxSuite } from './support/suite.ts';

// The Chromium page-world suite's checks in Firefox, on the same fixtures: shadow roots that
// appear after the scan are painted, and a hostile page gets its clean twin's highlights, sees
// no call of its wrappers and no new global.

const POLL = { timeout: 15_000 };

describe.skipIf(shouldSkip())('the page’s own world in Firefox', () => {
  const suite = useFirefoxSuite({ root: FIXTURES }, { resetBeforeEach: true });

  /** A new tab on a fixture, with init scripts run before the page's own, and its page errors. */
  const open = async (
    path: string,
    initScripts: readonly string[],
  ): Promise<{ page: Page; errors: string[] }> => {
    const page = await suite.session.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    for (const script of initScripts) await page.evaluateOnNewDocument(script);
    await page.goto(`${suite.server.origin}${path}`);
    return { page, errors };
  };

  describe('shadow roots that appear after the scan', () => {
    const openLatePage = async (): Promise<{ page: Page; errors: string[] }> => {
      const opened = await open('/late-shadow.html', [RECORD_MUTATIONS]);
      const { page } = opened;
      await expect
        .poll(async () => byOwner(await page.evaluate(readPaintedTerms)).light, POLL)
        .toEqual(LATE_SHADOW_EXPECTED.light);
      // The timers' steps first (they move the button), then the click's.
      const stepsRun = async (): Promise<number> => (await page.evaluate(lateSteps)).length;
      await expect.poll(stepsRun, POLL).toBe(LATE_STEP_COUNT - 1);
      await page.click('#show-details');
      await expect.poll(stepsRun, POLL).toBe(LATE_STEP_COUNT);
      const early = (await page.evaluate(lateSteps)).filter((s) => s.paintedBefore === 0);
      expect(early, 'late steps that ran before the first scan').toEqual([]);
      return opened;
    };
    const paintedIn = async (page: Page, owner: string): Promise<string[]> =>
      byOwner(await page.evaluate(readPaintedTerms))[owner] ?? [];

    it('paints the open root of an element defined 500 ms after load', async () => {
      const { page } = await openLatePage();
      await expect.poll(() => paintedIn(page, 'late-defined'), POLL).toEqual(['offshore:offshore']);
    });

    it('paints an element appended after the scan whose root comes when it is defined later still', async () => {
      const { page } = await openLatePage();
      await expect
        .poll(() => paintedIn(page, 'late-appended'), POLL)
        .toEqual(['nearshore:nearshore']);
    });

    it('paints the root a defined element attaches later, on a click', async () => {
      const { page } = await openLatePage();
      await expect.poll(() => paintedIn(page, 'shadow-later'), POLL).toEqual(['onshore:Onshore']);
    });

    it('paints a root nested inside a late root', async () => {
      const { page } = await openLatePage();
      await expect.poll(() => paintedIn(page, 'late-outer'), POLL).toEqual(['bpo:BPO-s']);
      await expect.poll(() => paintedIn(page, 'nested-inner'), POLL).toEqual(['kpo:KPO']);
    });

    it('follows text added later to a late root it found', async () => {
      const { page } = await openLatePage();
      await expect.poll(() => paintedIn(page, 'late-defined'), POLL).toEqual(['offshore:offshore']);
      await page.evaluate(addTextToLateRoot);
      await expect
        .poll(() => paintedIn(page, 'late-defined'), POLL)
        .toEqual(['offshore:offshore', 'kpo:KPO']);
    });

    it('leaves a closed root unpainted and working, with no page error', async () => {
      const { page, errors } = await openLatePage();
      expect(await page.evaluate(rangesInClosedRoots)).toBe(0);
      const button = await page.evaluate(closedButtonPoint);
      await page.mouse.click(button.x, button.y);
      await expect
        .poll(
          () => page.evaluate(() => document.getElementById('closed-clicks')?.textContent),
          POLL,
        )
        .toBe('Closed box clicks: 1');
      expect(await page.evaluate(rangesInClosedRoots)).toBe(0);
      expect(errors).toEqual([]);
    });

    it('paints exactly the expected terms, counts them on the badge, opens a late root’s tooltip and changes no node', async () => {
      const { page, errors } = await openLatePage();
      await expect
        .poll(async () => byOwner(await page.evaluate(readPaintedTerms)), POLL)
        .toEqual(LATE_SHADOW_EXPECTED);
      const total = Object.values(LATE_SHADOW_EXPECTED).flat().length;
      const tabId = await tabIdOf(suite.session, page);
      await expect.poll(() => badgeText(suite.session, tabId), POLL).toBe(String(total));

      const box = await page.evaluate(firstRangeBox, 'glossary-offshore');
      if (box === null) throw new Error('no painted offshore');
      await page.mouse.move(box.x + box.width / 2 - 30, box.y + box.height / 2);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
      await expect.poll(() => openTooltip(page), POLL).toMatchObject({ term: 'offshore' });

      const mutations = withoutOwnHost(await page.evaluate(recordedMutations));
      expect(sortedMutations(mutations)).toEqual(LATE_SHADOW_OWN_MUTATIONS);
      expect(errors).toEqual([]);
    });
  });

  describe('a hostile page: wrapped built-ins and polluted prototypes', () => {
    interface Journey {
      readonly steps: Record<string, string[]>;
      readonly counts: { total: number; counts: Record<string, number> }[];
      readonly page: Page;
      readonly errors: string[];
    }

    const settledPaint = async (page: Page): Promise<string[]> => {
      let last: string[] = [];
      await expect
        .poll(async () => {
          const previous = last;
          last = paintedList(await page.evaluate(readPaintedTerms));
          return last.length > 0 && JSON.stringify(last) === JSON.stringify(previous);
        }, POLL)
        .toBe(true);
      return last;
    };

    /** Opens a twin page, scrolls to its end and back, adds a term, hovers one: what was painted. */
    const journey = async (path: string): Promise<Journey> => {
      const { page, errors } = await open(path, [NOTE_GLOBALS]);
      const tabId = await tabIdOf(suite.session, page);
      const counted = (): Promise<Journey['counts'][number]> => tabCounts(suite.session, tabId);
      await expect.poll(async () => (await counted()).total, POLL).toBe(TWIN_OCCURRENCES);
      const counts = [await counted()];
      const steps: Record<string, string[]> = {};
      steps.loaded = await settledPaint(page);
      for (const [name, at] of [
        ['middle', 0.5],
        ['end', 1],
        ['back at the top', 0],
      ] as const) {
        await page.evaluate(scrollToFraction, at);
        steps[name] = await settledPaint(page);
      }
      await page.evaluate(addTermsToTwin);
      await expect.poll(async () => (await counted()).total, POLL).toBe(TWIN_OCCURRENCES + 2);
      counts.push(await counted());
      steps['after the mutation'] = await settledPaint(page);
      const box = await page.evaluate(firstRangeBox, 'glossary-onshore');
      if (box === null) throw new Error('no painted Onshore');
      await page.mouse.move(box.x + box.width / 2 - 30, box.y + box.height / 2);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
      await expect.poll(() => openTooltip(page), POLL).toMatchObject({ term: 'onshore' });
      await page.keyboard.press('Escape');
      return { steps, counts, page, errors };
    };

    it('gets exactly the highlights its clean twin gets, scrolled through and after a mutation', async () => {
      const clean = await journey('/page-world.html');
      // Lazy painting is in play: at the top, lazy text far down the page is not painted yet; it
      // is once scrolled to.
      expect(clean.steps.loaded?.length).toBeLessThan(TWIN_OCCURRENCES);
      expect(clean.steps.end?.length).toBeGreaterThan(clean.steps.loaded?.length ?? Infinity);
      expect(clean.steps['after the mutation']).toContain('added nearshore:Nearshore');
      await clean.page.close();
      const hostile = await journey('/page-world-hostile.html');
      for (const step of Object.keys(clean.steps))
        expect(hostile.steps[step], `painted ${step}`).toEqual(clean.steps[step]);
      expect(hostile.counts).toEqual(clean.counts);
      expect(hostile.errors).toEqual([]);
    });

    it('sees no call of its wrappers and gains no global from the extension', async () => {
      const { page, errors } = await journey('/page-world-hostile.html');
      expect(JSON.parse(await page.evaluate(hostileCalls))).toEqual({});
      expect(await page.evaluate(newGlobals)).toEqual(PAGE_GLOBALS.hostile);
      expect(errors).toEqual([]);
    });

    it('leaves the clean twin’s built-ins its own and gives it no global', async () => {
      const { page } = await journey('/page-world.html');
      expect(await page.evaluate(patchedBuiltins)).toEqual([]);
      expect(await page.evaluate(newGlobals)).toEqual(PAGE_GLOBALS.clean);
    });
  });
});
