import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { browser as extensionApi } from 'wxt/browser';
import type { ExtensionBrowser } from './chromium.ts';

// Helpers for the popup and options pages. Code passed to evaluate() on the service worker runs
// where `chrome` exists.
declare const chrome: typeof extensionApi;
declare const axe: {
  run(
    context: Document,
    options: object,
  ): Promise<{
    violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
  }>;
};

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** The popup's size in Chromium's toolbar (it sizes itself to its content, at most 800 × 600). */
export const POPUP_VIEWPORT = { width: 460, height: 600 };

/** The tab id of `page`: brings it to the front and asks the service worker for the active tab. */
export async function tabIdOf(browser: ExtensionBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await browser.worker.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
  );
  if (id === undefined) throw new Error('No active tab');
  return id;
}

/** Opens `popup.html?tabId=N` in a tab of the popup's size: the popup acting for tab N. */
export async function openPopup(
  browser: ExtensionBrowser,
  tabId: number,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize(POPUP_VIEWPORT);
  await popup.emulateMedia({ colorScheme });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
  await popup.getByRole('switch').first().waitFor();
  return popup;
}

/** Opens the options page in a tab. */
export async function openOptions(
  browser: ExtensionBrowser,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<Page> {
  const options = await browser.context.newPage();
  await options.emulateMedia({ colorScheme });
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByRole('heading', { level: 1 }).waitFor();
  return options;
}

/** How many glossary highlights the page's top frame paints now. */
export function paintedCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    for (const [name, highlight] of CSS.highlights)
      if (name.startsWith('glossary-')) n += highlight.size;
    return n;
  });
}

/** The toolbar badge's text for a tab. */
export function badgeText(browser: ExtensionBrowser, tabId: number): Promise<string> {
  return browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Sets the stored settings directly (the layout settings.ts declares). */
export async function storeSettings(
  browser: ExtensionBrowser,
  settings: Record<string, unknown>,
): Promise<void> {
  await browser.worker.evaluate((value) => chrome.storage.local.set({ settings: value }), settings);
}

/** axe-core's violations on the page, as "rule: targets" lines (empty when clean). */
export async function axeViolations(page: Page): Promise<string[]> {
  // evaluate() is not subject to the extension page's CSP, which refuses inline scripts.
  await page.evaluate(AXE_SOURCE);
  const { violations } = await page.evaluate(() =>
    axe.run(document, { resultTypes: ['violations'] }),
  );
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
