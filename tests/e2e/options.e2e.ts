import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { browser as extensionApi } from 'wxt/browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionBrowser } from './support/chromium.ts';
import { differingPixels, firstRangeBox } from './support/pixels.ts';
import { serve, type TestServer } from './support/server.ts';
import { axeViolations, openOptions, paintedCount, storeSettings } from './support/ui-pages.ts';

// Code passed to evaluate() on the service worker runs where `chrome` exists.
declare const chrome: typeof extensionApi;

const FIXTURES = resolve(import.meta.dirname, 'fixtures');
const HOST = '127.0.0.1';
const DEFAULTS = {
  enabled: true,
  disabledSites: [],
  language: 'en',
  highlightStyle: 'both',
  firstOnly: false,
};

const stored = (browser: ExtensionBrowser): Promise<unknown> =>
  browser.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings);

// The looks the page's highlights are registered under (the injected sheet styles these names).
const pageLooks = (page: Page): Promise<string[]> =>
  page.evaluate(() => [
    ...new Set(
      [...CSS.highlights.keys()]
        .map((name) => /^bpo-kpo-glossary-(\w+)-/.exec(name)?.[1])
        .filter((look) => look !== undefined),
    ),
  ]);

describe('the options page in Chromium', () => {
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
    await storeSettings(browser, DEFAULTS);
  });

  const openFixture = async (): Promise<Page> => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/english.html`);
    await expect.poll(() => paintedCount(page)).toBeGreaterThan(0);
    return page;
  };

  it('switches a typed site off and back on from the keyboard; open pages follow at once', async () => {
    const page = await openFixture();
    const options = await openOptions(browser);
    const field = options.getByRole('textbox', { name: 'Switch off a site' });
    await field.fill(`http://${HOST}:8080/some/page`);
    await field.press('Enter');
    await options.locator('.sites .site', { hasText: HOST }).waitFor();
    expect(await options.locator('#sites-status').textContent()).toBe(
      `Highlighting is now off on ${HOST}.`,
    );
    await expect.poll(() => paintedCount(page)).toBe(0);

    await options.getByRole('button', { name: `Remove ${HOST}` }).focus();
    await options.keyboard.press('Enter');
    await options.getByText('No site is switched off.').waitFor();
    await expect.poll(() => paintedCount(page)).toBeGreaterThan(0);
  });

  it('refuses what is not a host, saying why, and changes nothing', async () => {
    const options = await openOptions(browser);
    const field = options.getByRole('textbox', { name: 'Switch off a site' });
    for (const [typed, message] of [
      ['not a host', '“not a host” is not a valid host name.'],
      ['chrome://settings', 'is a browser page or an add-on store'],
      ['', 'Type a host name, such as example.com.'],
    ] as const) {
      await field.fill(typed);
      await field.press('Enter');
      expect(await options.getByRole('alert').textContent()).toContain(message);
      expect(await field.getAttribute('aria-invalid')).toBe('true');
    }
    expect(await stored(browser)).toEqual(DEFAULTS);
  });

  it('searches 5,000 switched-off sites', async () => {
    const sites = Array.from({ length: 5000 }, (_, i) => `site-${i}.example.com`);
    await storeSettings(browser, { ...DEFAULTS, disabledSites: sites });
    const options = await openOptions(browser);
    await options.getByText('5000 sites').waitFor();
    await options.getByRole('searchbox', { name: 'Search the list' }).fill('site-4321.');
    await expect
      .poll(() => options.locator('.sites .site').allTextContents())
      .toEqual(['site-4321.example.com']);
  });

  it('changes the highlight style on open pages and in its own preview', async () => {
    const page = await openFixture();
    const options = await openOptions(browser);
    await options.getByRole('radio', { name: 'Dotted underline' }).check();
    await expect
      .poll(() => options.evaluate(() => CSS.highlights.has('bpo-kpo-glossary-underline-bpo')))
      .toBe(true);
    await expect.poll(() => pageLooks(page)).toEqual(['underline']);
    await options.getByRole('radio', { name: 'Tint', exact: true }).check();
    await expect.poll(() => pageLooks(page)).toEqual(['tint']);
    // The preview follows the stored setting on its own schedule: poll, as for the page.
    await expect
      .poll(() => options.evaluate(() => CSS.highlights.has('bpo-kpo-glossary-tint-bpo')))
      .toBe(true);
    expect(await stored(browser)).toMatchObject({ highlightStyle: 'tint' });
  });

  it('switches each look from the options page and the open page’s pixels follow', async () => {
    const page = await openFixture();
    const box = await page.evaluate(firstRangeBox, 'glossary-kpo');
    if (box === null) throw new Error('no KPO range');
    const shot = async (): Promise<Uint8Array> => {
      await page.bringToFront();
      return page.screenshot();
    };
    const options = await openOptions(browser);
    // The defaults paint both; each choice must change the page's pixels from the one before.
    let previous = await shot();
    const shots = new Map<string, Uint8Array>();
    for (const [look, label] of [
      ['underline', 'Dotted underline'],
      ['tint', 'Tint'],
      ['both', 'Underline and tint'],
    ] as const) {
      await options.bringToFront();
      await options.getByRole('radio', { name: label, exact: true }).check();
      const before = previous;
      await expect
        .poll(async () => differingPixels(before, (previous = await shot()), box), {
          message: `the page repaints in the ${look} look`,
        })
        .toBeGreaterThan(20);
      shots.set(look, previous);
    }
    await page.evaluate(() => {
      CSS.highlights.clear();
    });
    const plain = await shot();
    const of = (look: string): Uint8Array => shots.get(look) ?? plain;
    for (const look of ['underline', 'tint', 'both'])
      expect(differingPixels(of(look), plain, box), `${look} against no highlight`).toBeGreaterThan(
        20,
      );
    expect(differingPixels(of('tint'), of('underline'), box)).toBeGreaterThan(20);
  });

  it('stores first-occurrence-only and the global switch', async () => {
    const options = await openOptions(browser);
    await options.getByRole('switch', { name: /first occurrence/ }).click();
    await options.getByRole('switch', { name: 'Highlight terms on all sites' }).click();
    await expect.poll(() => stored(browser)).toMatchObject({ firstOnly: true, enabled: false });
  });

  it('exports the settings and imports them back; a foreign or broken file changes nothing', async () => {
    await storeSettings(browser, {
      ...DEFAULTS,
      disabledSites: ['näide.ee', HOST],
      language: 'et',
    });
    const options = await openOptions(browser);
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Ekspordi seaded' }).click(),
    ]);
    const exported = readFileSync(await download.path(), 'utf8');
    expect(JSON.parse(exported)).toMatchObject({
      format: 'bpo-kpo-glossary-settings',
      version: 1,
      settings: { disabledSites: ['näide.ee', HOST], language: 'et' },
    });

    const picker = options.locator('#import-file');
    for (const [name, text] of [
      ['broken.json', '{"format": "bpo-kpo-glossary-settings", '],
      ['package.json', '{"name": "x", "version": "1.0.0"}'],
    ] as const) {
      await picker.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
      await options
        .getByText(`Faili ${name} ei imporditud ja midagi ei muutunud.`, { exact: false })
        .waitFor();
      expect(await stored(browser)).toMatchObject({ disabledSites: ['näide.ee', HOST] });
    }

    await storeSettings(browser, DEFAULTS);
    await options.getByText('No site is switched off.').waitFor();
    await picker.setInputFiles({
      name: 'backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exported),
    });
    await options.getByText('Seaded imporditi failist backup.json.').waitFor();
    expect(await stored(browser)).toMatchObject({
      disabledSites: ['näide.ee', HOST],
      language: 'et',
    });
  });

  it('resets to the defaults after confirming', async () => {
    await storeSettings(browser, { ...DEFAULTS, disabledSites: [HOST], highlightStyle: 'tint' });
    const options = await openOptions(browser);
    await options.getByRole('button', { name: 'Reset to defaults' }).click();
    await options.getByRole('button', { name: 'Reset everything' }).click();
    await options.getByText('All settings are back to their defaults.').waitFor();
    expect(await stored(browser)).toEqual({ ...DEFAULTS, language: 'auto' });
  });

  it('is operable from the keyboard, with a visible focus on every stop', async () => {
    await storeSettings(browser, { ...DEFAULTS, disabledSites: ['a.example.com'] });
    const options = await openOptions(browser);
    // Every tab stop until focus leaves the page: global switch, language, style, first-only,
    // add field and button, search, remove, export, import, reset.
    const outlines: string[] = [];
    for (let i = 0; i < 30; i++) {
      await options.keyboard.press('Tab');
      const outline = await options.evaluate(() => {
        const el = document.activeElement;
        if (!(el instanceof HTMLElement) || el === document.body) return null;
        const s = getComputedStyle(el);
        return `${el.tagName}#${el.id}: ${s.outlineStyle} ${s.outlineWidth}`;
      });
      if (outline === null) break;
      outlines.push(outline);
    }
    expect(outlines.length).toBeGreaterThanOrEqual(11);
    for (const outline of outlines) expect(outline).toMatch(/: solid [1-9]/);
  });

  it('has no axe violations in either language, light or dark', async () => {
    await storeSettings(browser, { ...DEFAULTS, disabledSites: ['näide.ee', 'example.com'] });
    for (const scheme of ['light', 'dark'] as const) {
      const options = await openOptions(browser, scheme);
      for (const lang of ['en', 'et'] as const) {
        await options.locator('#language').selectOption(lang);
        // With an error and a confirmation showing too.
        await options.locator('#add-site').fill('not a host');
        await options.locator('#add-site').press('Enter');
        await options.locator('.add-site .error').waitFor();
        await options.locator('.card:last-of-type .button').first().click();
        expect(await axeViolations(options), `${lang} ${scheme}`).toEqual([]);
        await options.reload();
      }
      await options.close();
    }
  });
});
