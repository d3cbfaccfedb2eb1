import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { browser as extensionApi } from 'wxt/browser';
import type { ExtensionBrowser } from './chromium.ts';
import { countGlossaryRanges } from './highlights.ts';

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
  return page.evaluate(countGlossaryRanges);
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

/** What the popup shows: its site switch, the note under it and the terms found with counts. */
export interface PopupView {
  readonly siteSwitch: string;
  readonly checked: string | null;
  readonly disabled: string | null;
  readonly note: string | null;
  readonly counts: Record<string, number>;
}

// Runs inside the popup page; kept as source text so it can go over CDP too.
const POPUP_VIEW = `(() => {
  const site = document.getElementById('site-switch');
  const counts = {};
  for (const b of document.querySelectorAll('.found-term'))
    counts[b.dataset.term ?? ''] = Number(b.querySelector('.found-count [aria-hidden]')?.textContent);
  return {
    siteSwitch: site?.textContent.trim() ?? '',
    checked: site?.getAttribute('aria-checked') ?? null,
    disabled: site?.getAttribute('aria-disabled') ?? null,
    note: document.getElementById('site-note')?.textContent ?? null,
    counts,
  };
})()`;

/** Reads what a popup opened with `openPopup` shows. */
export function popupView(popup: Page): Promise<PopupView> {
  return popup.evaluate<PopupView>(POPUP_VIEW);
}

/** The popup as the toolbar button opens it: no `?tabId`, acting for the active tab. */
export interface ToolbarPopup {
  view(): Promise<PopupView>;
  /** Clicks the element with this id. */
  click(id: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the real toolbar popup over `page` with `action.openPopup()` (what a click on the
 * toolbar button does) and reaches it through the DevTools protocol: Playwright does not list a
 * toolbar popup among a context's pages.
 */
export async function openToolbarPopup(
  browser: ExtensionBrowser,
  page: Page,
): Promise<ToolbarPopup> {
  await page.bringToFront();
  const cdp = await browser.context.browser()?.newBrowserCDPSession();
  if (cdp === undefined) throw new Error('no browser-level DevTools session');
  const popupUrl = `chrome-extension://${browser.extensionId}/popup.html`;
  await browser.worker.evaluate(() => chrome.action.openPopup());
  let targetId: string | undefined;
  for (let i = 0; i < 100 && targetId === undefined; i++) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    targetId = targetInfos.find((t) => t.type === 'page' && t.url === popupUrl)?.targetId;
    if (targetId === undefined) await new Promise((done) => setTimeout(done, 100));
  }
  if (targetId === undefined) throw new Error('the toolbar popup did not open');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  interface Reply {
    id?: number;
    result?: { result?: { value?: unknown } };
  }
  const pending = new Map<number, (reply: Reply) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as Reply;
    if (reply.id === undefined) return;
    pending.get(reply.id)?.(reply);
    pending.delete(reply.id);
  });
  let nextId = 0;
  const evaluate = async (expression: string): Promise<unknown> => {
    const id = ++nextId;
    const reply = new Promise<Reply>((done) => pending.set(id, done));
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({
        id,
        method: 'Runtime.evaluate',
        params: { expression, returnByValue: true, awaitPromise: true },
      }),
    });
    return (await reply).result?.result?.value;
  };
  return {
    view: async () => (await evaluate(POPUP_VIEW)) as PopupView,
    click: async (id) => {
      await evaluate(`document.getElementById(${JSON.stringify(id)}).click()`);
    },
    close: async () => {
      // window.close(), as the popup closes itself (closing its target closes the whole window).
      await evaluate('window.close()').catch(() => undefined);
      await cdp.detach();
    },
  };
}
