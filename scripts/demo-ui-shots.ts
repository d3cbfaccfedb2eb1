// Screenshots of the popup and the options page, in both languages, light and dark. Called from
// scripts/demo.ts with a browser that has the built extension loaded and a server whose `/` is a
// page with glossary terms on it.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { browser as extensionApi } from 'wxt/browser';
import type { ExtensionBrowser } from '../tests/e2e/support/chromium.ts';

// Code passed to evaluate() on the service worker runs where `chrome` exists.
declare const chrome: typeof extensionApi;

const POPUP_SIZE = { width: 460, height: 600 };
const OPTIONS_SIZE = { width: 900, height: 900 };
// Sites switched off for the options page's picture; taken out again afterwards.
const SAMPLE_SITES = ['news.example.com', 'näide.ee', 'intranet.example.org'];

type Scheme = 'light' | 'dark';
type UiLang = 'en' | 'et';

/**
 * Saves popup (its "On this page" and chart sections) and options screenshots for each language
 * and colour scheme into `outDir`; returns the files' paths. Leaves the extension's storage as it
 * found it.
 */
export async function captureUiShots(
  browser: ExtensionBrowser,
  origin: string,
  outDir: string,
): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const { context, extensionId, worker } = browser;
  const saved = await worker.evaluate(() => chrome.storage.local.get(null));
  const shots: string[] = [];

  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page
    .waitForFunction(() => CSS.highlights.size > 0, undefined, { timeout: 5000 })
    .catch(() => undefined);
  await page.bringToFront();
  const tabId = await worker.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
  );
  if (tabId === undefined) throw new Error('The demo page has no tab id.');

  const popup = await context.newPage();
  await popup.setViewportSize(POPUP_SIZE);
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  const options = await context.newPage();
  await options.setViewportSize(OPTIONS_SIZE);
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  for (const site of SAMPLE_SITES) {
    await options.getByRole('textbox', { name: /site|sait/i }).fill(site);
    await options.getByRole('button', { name: /^(Switch off|Lülita välja)$/ }).click();
  }

  try {
    for (const lang of ['en', 'et'] as const) {
      await popup.bringToFront();
      await popup.selectOption('#language', lang);
      for (const scheme of ['light', 'dark'] as const) {
        await popup.emulateMedia({ colorScheme: scheme });
        shots.push(await popupShot(popup, outDir, 'page', lang, scheme));
        shots.push(await popupShot(popup, outDir, 'chart', lang, scheme));
        await options.bringToFront();
        await options.emulateMedia({ colorScheme: scheme });
        const file = resolve(outDir, `options-${lang}-${scheme}.png`);
        await options.screenshot({ path: file, fullPage: true });
        shots.push(file);
        await popup.bringToFront();
      }
    }
  } finally {
    await worker.evaluate(async (items) => {
      await chrome.storage.local.clear();
      await chrome.storage.local.set(items);
    }, saved);
    await popup.close();
    await options.close();
    await page.close();
  }
  return shots;
}

async function popupShot(
  popup: Page,
  outDir: string,
  section: 'page' | 'chart',
  lang: UiLang,
  scheme: Scheme,
): Promise<string> {
  const tab = popup.locator(section === 'page' ? '#tab-page' : '#tab-chart');
  await tab.click();
  if (section === 'page') {
    await popup
      .locator('.found-term')
      .first()
      .waitFor({ timeout: 5000 })
      .catch(() => undefined);
  }
  // Take the picture without the click's hover and focus ring.
  await popup.mouse.move(0, 0);
  await popup.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
  });
  const file = resolve(outDir, `popup-${section}-${lang}-${scheme}.png`);
  await popup.screenshot({ path: file });
  return file;
}
