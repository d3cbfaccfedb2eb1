import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { browser as extensionApi } from 'wxt/browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHART_HEADER, CHART_ROWS } from '../../glossary/chart.ts';
import { launchExtension, type ExtensionBrowser } from './support/chromium.ts';
import { fixtureCounts } from './support/highlights.ts';
import { serve, type TestServer } from './support/server.ts';
import {
  axeViolations,
  badgeText,
  openOptions,
  openPopup,
  openToolbarPopup,
  paintedCount,
  popupView,
  storeSettings,
  tabIdOf,
} from './support/ui-pages.ts';

// Code passed to evaluate() on the service worker runs where `chrome` exists.
declare const chrome: typeof extensionApi;

const FIXTURES = resolve(import.meta.dirname, 'fixtures');
const HOST = '127.0.0.1';
/** What english.html's own data-expect attributes ask for (a fixed expectation, not the extension's). */
const ENGLISH = fixtureCounts(resolve(FIXTURES, 'english.html'));

const chartCells = (popup: Page): Promise<string[][]> =>
  popup.evaluate(() =>
    [...document.querySelectorAll('.chart table tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((c) => c.textContent),
    ),
  );

describe('the popup in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: TestServer;

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
    await storeSettings(browser, {
      enabled: true,
      disabledSites: [],
      language: 'en',
      highlightStyle: 'both',
      firstOnly: false,
    });
  });

  const openFixture = async (
    path: string,
    origin = server.origin,
  ): Promise<{ page: Page; tabId: number }> => {
    const page = await browser.context.newPage();
    await page.goto(`${origin}${path}`);
    await expect.poll(() => paintedCount(page)).toBeGreaterThan(0);
    return { page, tabId: await tabIdOf(browser, page) };
  };

  it('switching the site off removes the page’s highlights and badge without a reload; on restores them', async () => {
    const { page, tabId } = await openFixture('/english.html');
    const painted = ENGLISH.total;
    await expect.poll(() => paintedCount(page)).toBe(painted);
    await expect.poll(() => badgeText(browser, tabId)).toBe(String(painted));
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });

    const popup = await openPopup(browser, tabId);
    const site = popup.getByRole('switch', { name: `Highlight terms on ${HOST}` });
    expect(await site.getAttribute('aria-checked')).toBe('true');
    await site.click();
    expect(await site.getAttribute('aria-checked')).toBe('false');
    await expect.poll(() => paintedCount(page)).toBe(0);
    await expect.poll(() => badgeText(browser, tabId)).toBe('');
    await popup.getByText('Highlighting is off on this site.', { exact: false }).waitFor();

    await site.click();
    expect(await site.getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => paintedCount(page)).toBe(painted);
    await expect.poll(() => badgeText(browser, tabId)).toBe(String(painted));
    expect(
      await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
    ).toBe(true);
  });

  it('the global switch acts on every open tab', async () => {
    // Three tabs on two sites (127.0.0.1 and localhost), each with its own fixed expectation.
    const localhost = server.origin.replace('127.0.0.1', 'localhost');
    const tabs = [
      { ...(await openFixture('/english.html')), painted: ENGLISH.total },
      { ...(await openFixture('/english.html', localhost)), painted: ENGLISH.total },
      { ...(await openFixture('/spa.html', localhost)), painted: 1 },
    ];
    const counts = (): Promise<number[]> => Promise.all(tabs.map((t) => paintedCount(t.page)));
    const expected = tabs.map((t) => t.painted);
    await expect.poll(counts).toEqual(expected);
    const first = tabs[0];
    if (first === undefined) throw new Error('no tab');
    const popup = await openPopup(browser, first.tabId);
    const global = popup.getByRole('switch', { name: 'Highlight terms on all sites' });
    await global.click();
    await expect.poll(counts).toEqual([0, 0, 0]);
    for (const t of tabs) await expect.poll(() => badgeText(browser, t.tabId)).toBe('');
    await global.click();
    await expect.poll(counts).toEqual(expected);
    for (const t of tabs)
      await expect.poll(() => badgeText(browser, t.tabId)).toBe(String(t.painted));
  });

  it('lists the terms found with counts; choosing one opens its tooltip on the page', async () => {
    const { page, tabId } = await openFixture('/english.html');
    const popup = await openPopup(browser, tabId);
    const kpo = popup.getByRole('button', {
      name: /^KPO Knowledge process outsourcing \d+ occurrences?$/,
    });
    await kpo.waitFor();
    await expect.poll(async () => (await popupView(popup)).counts).toEqual(ENGLISH.counts);

    await kpo.click();
    const tooltip = page.getByRole('tooltip');
    await tooltip.waitFor();
    expect(await tooltip.getAttribute('data-term')).toBe('kpo');
  });

  it('shows the chart’s eleven rows: translated in English, verbatim in Estonian', async () => {
    const { tabId } = await openFixture('/english.html');
    const popup = await openPopup(browser, tabId);
    await popup.getByRole('tab', { name: 'Chart' }).click();
    expect(await chartCells(popup)).toEqual([
      [CHART_HEADER.basis.en, CHART_HEADER.bpo.en, CHART_HEADER.kpo.en],
      ...CHART_ROWS.map((r) => [r.basis.en, r.bpo.en, r.kpo.en]),
    ]);
    expect(await popup.locator('th[scope="col"]').count()).toBe(3);
    expect(await popup.locator('th[scope="row"]').count()).toBe(10);

    await popup.getByRole('combobox', { name: 'Language' }).selectOption('et');
    await popup.getByRole('tab', { name: 'Võrdlus' }).click();
    await popup.getByRole('table', { name: 'Võrdluskaart' }).waitFor();
    expect(await chartCells(popup)).toEqual([
      [CHART_HEADER.basis.et, CHART_HEADER.bpo.et, CHART_HEADER.kpo.et],
      ...CHART_ROWS.map((r) => [r.basis.et, r.bpo.et, r.kpo.et]),
    ]);
    // The chart scrolls inside the popup, which stays within 800 × 600.
    const size = await popup.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      height: document.documentElement.scrollHeight,
    }));
    expect(size.width).toBeLessThanOrEqual(800);
    expect(size.height).toBeLessThanOrEqual(600);
  });

  it('follows the browser’s languages when automatic', async () => {
    const estonian = await launchExtension({ locale: 'et-EE' });
    try {
      const page = await estonian.context.newPage();
      await page.goto(`${server.origin}/english.html`);
      const popup = await openPopup(estonian, await tabIdOf(estonian, page));
      await popup.getByRole('tab', { name: 'Sellel lehel' }).waitFor();
      expect(await popup.getByRole('combobox', { name: 'Keel' }).inputValue()).toBe('auto');
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe('et');
    } finally {
      await estonian.close();
    }
  });

  it('acts for the active tab when opened from the toolbar button', async () => {
    const { page } = await openFixture('/english.html');
    const toolbar = await openToolbarPopup(browser, page);
    try {
      await expect
        .poll(() => toolbar.view())
        .toMatchObject({
          siteSwitch: `Highlight terms on ${HOST}`,
          checked: 'true',
          counts: ENGLISH.counts,
        });
      await toolbar.click('site-switch');
      await expect.poll(() => paintedCount(page)).toBe(0);
      await expect.poll(() => toolbar.view()).toMatchObject({ checked: 'false' });
      await toolbar.click('site-switch');
      await expect.poll(() => paintedCount(page)).toBe(ENGLISH.total);
    } finally {
      await toolbar.close();
    }
  });

  it('recognises pages extensions cannot run on when opened from the toolbar button', async () => {
    // (The Web Store cannot be served locally: Chromium's own handling of its address ends the
    // browser under a Playwright route. site-key's unit tests cover its address.)
    const page = await browser.context.newPage();
    for (const url of ['chrome://version/', 'chrome://extensions/']) {
      await page.goto(url);
      const toolbar = await openToolbarPopup(browser, page);
      try {
        // The note renders with the switch's state, not always in the same frame: one poll.
        await expect
          .poll(() => toolbar.view(), { message: url })
          .toMatchObject({
            siteSwitch: 'Highlight terms on this page',
            disabled: 'true',
            note: expect.stringContaining('closed to extensions') as unknown,
          });
        expect(await paintedCount(page), url).toBe(0);
      } finally {
        await toolbar.close();
      }
    }
  });

  it('disables the switch on browser pages and explains why; the chart still works', async () => {
    const page = await browser.context.newPage();
    await page.goto('chrome://version/');
    const popup = await openPopup(browser, await tabIdOf(browser, page));
    const site = popup.getByRole('switch', { name: 'Highlight terms on this page' });
    expect(await site.getAttribute('aria-disabled')).toBe('true');
    const note = await popup.locator('#site-note').textContent();
    expect(note).toContain('closed to extensions');
    expect(await site.getAttribute('aria-describedby')).toBe('site-note');
    expect(await popup.getByRole('tab', { name: 'Chart' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(await chartCells(popup)).toHaveLength(11);
  });

  it('is operable from the keyboard, with a visible focus on every stop', async () => {
    const { page, tabId } = await openFixture('/english.html');
    const popup = await openPopup(browser, tabId);
    const stops: { label: string; outline: string }[] = [];
    for (let i = 0; i < 8; i++) {
      await popup.keyboard.press('Tab');
      stops.push(
        await popup.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const style = getComputedStyle(el);
          return {
            label: el.getAttribute('aria-label') ?? el.textContent.trim().slice(0, 40),
            outline: `${style.outlineStyle} ${style.outlineWidth}`,
          };
        }),
      );
    }
    for (const stop of stops) expect(stop.outline, stop.label).toMatch(/^solid [1-9]/);
    // Space on the focused site switch turns the site off.
    await popup.getByRole('switch', { name: `Highlight terms on ${HOST}` }).focus();
    await popup.keyboard.press('Space');
    await expect.poll(() => paintedCount(page)).toBe(0);
    // Arrow keys move between the sections.
    await popup.getByRole('tab', { name: 'On this page' }).focus();
    await popup.keyboard.press('ArrowRight');
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Chart');
  });

  it('knows the toggle-site command and its suggested key', async () => {
    const commands = await browser.worker.evaluate(() => chrome.commands.getAll());
    expect(commands.find((c) => c.name === 'toggle-site')?.shortcut).toBe('Alt+Shift+H');
    expect(await browser.worker.evaluate(() => chrome.i18n.getMessage('commandToggleSite'))).toBe(
      'Switch highlighting on or off for the current site',
    );
  });

  it('has no axe violations in either language, light or dark', async () => {
    const { tabId } = await openFixture('/english.html');
    for (const scheme of ['light', 'dark'] as const) {
      const popup = await openPopup(browser, tabId, scheme);
      for (const lang of ['en', 'et'] as const) {
        await popup.locator('#language').selectOption(lang);
        for (const tab of await popup.getByRole('tab').all()) {
          await tab.click();
          expect(
            await axeViolations(popup),
            `${lang} ${scheme} ${await tab.textContent()}`,
          ).toEqual([]);
        }
      }
      await popup.close();
    }
  });
});

describe('the popup’s settings across a browser restart', () => {
  let server: TestServer;
  let profileDir: string;
  beforeAll(async () => {
    server = await serve({ root: FIXTURES });
    profileDir = mkdtempSync(join(tmpdir(), 'glossary-restart-'));
  });
  afterAll(async () => {
    await server.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('keeps a site switched off after a restart; the options page lists it', async () => {
    const first = await launchExtension({ profileDir });
    try {
      const page = await first.context.newPage();
      await page.goto(`${server.origin}/english.html`);
      await expect.poll(() => paintedCount(page)).toBeGreaterThan(0);
      const popup = await openPopup(first, await tabIdOf(first, page));
      await popup.getByRole('switch', { name: `Highlight terms on ${HOST}` }).click();
      await expect.poll(() => paintedCount(page)).toBe(0);
    } finally {
      await first.close();
    }

    const second = await launchExtension({ profileDir });
    try {
      const page = await second.context.newPage();
      await page.goto(`${server.origin}/english.html`);
      const options = await openOptions(second);
      await options.locator('.sites .site', { hasText: HOST }).waitFor();
      // The content script read the stored switch: nothing painted, however long we wait.
      await page.waitForTimeout(500);
      expect(await paintedCount(page)).toBe(0);
      // Back on from the options page: the open page lights up without a reload.
      await options.getByRole('button', { name: `Remove ${HOST}` }).click();
      await expect.poll(() => paintedCount(page)).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
  });
});
