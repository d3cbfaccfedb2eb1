import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { browser as extensionApi } from 'wxt/browser';

/** The built Firefox add-on the Firefox leg installs (`npm run build:firefox`). */
export const ADDON_DIR = resolve(import.meta.dirname, '../../../.output/firefox-mv2');
/** The gecko id in wxt.config.ts. */
export const GECKO_ID = 'bpo-kpo-glossary@glossary.invalid';
/** A fixed moz-extension:// UUID, so tests can open the add-on's own pages. */
export const ADDON_UUID = '6f1c2a3e-8b1d-4c55-9a0e-3d2b7c4e5f60';
/** The manifest's strict_min_version: older Firefox refuses to install the add-on. */
export const MIN_FIREFOX = 146;

// Code passed to evaluate() in an extension page runs where `browser` exists.
declare const browser: typeof extensionApi;

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** FIREFOX_PATH, else firefox-esr or firefox on PATH; null when there is none. */
export function findFirefox(): string | null {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv !== undefined && fromEnv !== '') return executable(fromEnv) ? fromEnv : null;
  const dirs = (process.env.PATH ?? '').split(delimiter).filter((d) => d !== '');
  for (const name of ['firefox-esr', 'firefox']) {
    const found = dirs.map((d) => join(d, name)).find(executable);
    if (found !== undefined) return found;
  }
  return null;
}

/** The Firefox to drive, or why the leg is skipped (null reason: run it). */
export function firefoxOrSkipReason(): { path: string | null; skip: string | null } {
  const path = findFirefox();
  if (path === null) {
    return { path, skip: 'no Firefox (apt-get install firefox-esr, or set FIREFOX_PATH)' };
  }
  const run = spawnSync(path, ['--version'], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, MOZ_HEADLESS: '1' },
  });
  const major = Number(/(\d+)\.\d+/.exec(run.stdout)?.[1] ?? 0);
  if (major < MIN_FIREFOX) {
    return { path, skip: `${path} is older than Firefox ${MIN_FIREFOX}, the add-on's minimum` };
  }
  return { path, skip: null };
}

/** Skips a missing Firefox, unless GLOSSARY_REQUIRE_ALL=1 makes that a failure. */
export function shouldSkip(): boolean {
  const { skip } = firefoxOrSkipReason();
  if (skip === null) return false;
  if (process.env.GLOSSARY_REQUIRE_ALL === '1') throw new Error(`Firefox leg required: ${skip}`);
  console.log(`Firefox leg skipped: ${skip}`);
  return true;
}

export interface FirefoxSession {
  readonly browser: Browser;
  readonly version: string;
  /** `moz-extension://<uuid>/<path>` */
  extensionUrl(path: string): string;
  /** An extension page kept open to call extension APIs from (tabs, storage, badge). */
  readonly control: Page;
  close(): Promise<void>;
}

/** Resolves once `read` gives a value `done` accepts; throws after `timeoutMs` (a deadline, not a timing check). */
export async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (done(last)) return last;
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}; last: ${String(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Opens a page without waiting for its load event (Firefox may never report one for
 * moz-extension: pages), then polls until its document is complete.
 */
export async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  void page.goto(url, { timeout: 0 }).catch(() => undefined);
  await waitFor(
    () => page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => ''),
    (state) => state === `${url} complete`,
    `${url} to load`,
  );
  return page;
}

function assertAddonBuilt(): void {
  if (!existsSync(join(ADDON_DIR, 'manifest.json'))) {
    throw new Error(`No built Firefox add-on at ${ADDON_DIR}: run "npm run build:firefox" first.`);
  }
}

/**
 * Launches headless Firefox (FIREFOX_PATH or firefox-esr) through WebDriver BiDi, kept off the
 * network, without the add-on (see `installAddon`).
 */
export async function launchBareFirefox(): Promise<Browser> {
  const path = findFirefox();
  if (path === null) throw new Error('No Firefox');
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: path,
    headless: true,
    // setViewport fails on Firefox ESR: the window size is set by arguments instead.
    defaultViewport: null,
    // WebDriver BiDi refuses to navigate to moz-extension: URLs ("not allowed in this context")
    // unless system access is allowed (Firefox's remote agent, isWebdriverSafeNavigationURL).
    args: ['--width=1280', '--height=800', '--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: ADDON_UUID }),
      // Nothing leaves the machine: everything but localhost goes to a proxy that is not there.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.allow_hijacking_localhost': false,
    },
  });
}

/**
 * Installs the built add-on under its fixed UUID in a running Firefox and opens an extension page
 * for calling extension APIs; closing the session closes that Firefox.
 */
export async function installAddon(browser: Browser): Promise<FirefoxSession> {
  assertAddonBuilt();
  await browser.installExtension(ADDON_DIR);
  const version = await browser.version();
  const extensionUrl = (p: string): string => `moz-extension://${ADDON_UUID}/${p}`;
  const partial = { browser, version, extensionUrl } as const;
  const control = await openPage(browser, extensionUrl('options.html'));
  return { ...partial, control, close: () => browser.close() };
}

/**
 * Launches headless Firefox (FIREFOX_PATH or firefox-esr) through WebDriver BiDi with the built
 * add-on installed under a fixed UUID, and an extension page open for calling extension APIs.
 */
export async function launchFirefox(): Promise<FirefoxSession> {
  assertAddonBuilt();
  const browser = await launchBareFirefox();
  try {
    return await installAddon(browser);
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** The tab id of a page: brings it to the front and asks the add-on for the active tab. */
export async function tabIdOf(session: FirefoxSession, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await session.control.evaluate(
    async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
  );
  if (id === undefined) throw new Error('No active tab');
  return id;
}

/** The toolbar badge's text for a tab (browserAction in MV2). */
export function badgeText(session: FirefoxSession, tabId: number): Promise<string> {
  return session.control.evaluate((id) => {
    // Firefox returns a promise; the shared typings only know the callback form.
    const get = browser.browserAction.getBadgeText as unknown as (details: {
      tabId: number;
    }) => Promise<string>;
    return get.call(browser.browserAction, { tabId: id });
  }, tabId);
}

/** A tab's top frame's occurrence counts, as it reports them to the popup. */
export async function tabCounts(
  session: FirefoxSession,
  tabId: number,
): Promise<{ total: number; counts: Record<string, number> }> {
  const { total, counts } = await session.control.evaluate(
    (id): Promise<{ total: number; counts: Record<string, number> }> =>
      browser.tabs.sendMessage(id, { type: 'get-counts' }, { frameId: 0 }),
    tabId,
  );
  return { total, counts };
}

/** Sets the stored settings directly (the layout settings.ts declares). */
export async function storeSettings(
  session: FirefoxSession,
  settings: Record<string, unknown>,
): Promise<void> {
  await session.control.evaluate(
    (value) => browser.storage.local.set({ settings: value }),
    settings,
  );
}

/** The default settings, in English, with a given look. */
export const DEFAULT_SETTINGS = {
  enabled: true,
  disabledSites: [] as string[],
  language: 'en',
  highlightStyle: 'both',
  firstOnly: false,
} as const;

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/**
 * Presses a key with Alt+Shift in Firefox's own browser window, as a user would: a trusted key
 * event from Firefox's text-input processor, which the window's `<key>` elements (where Firefox
 * registers add-on shortcuts) answer. Key actions sent to a page over WebDriver BiDi never reach
 * those, and BiDi has no key actions for the browser window, so this runs there as a script
 * (allowed by --remote-allow-system-access). Returns the add-on's key bindings it found, or
 * null where the remote agent cannot reach the browser window (Firefox 140's BiDi has no
 * `moz:scope: chrome`).
 */
export async function pressAltShift(
  session: FirefoxSession,
  letter: string,
): Promise<string | null> {
  const connection = (session.browser as unknown as { connection: BidiConnection }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' }))
    .result as { contexts: { context: string; url: string }[] };
  const chrome = tree.contexts.find((c) => c.url.endsWith('/browser.xhtml'));
  if (chrome === undefined) return null;
  const code = `KeyG`.replace('G', letter);
  const keyCode = letter.charCodeAt(0);
  const expression = `(() => {
    const bindings = [...document.querySelectorAll('keyset[id^="ext-keyset-id-"] > key')]
      .map((k) => k.getAttribute('modifiers') + '+' + k.getAttribute('key')).join(' ');
    const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
    if (!tip.beginInputTransactionForTests(window)) throw new Error('no input transaction');
    const key = (key, code, keyCode) => new KeyboardEvent('', { key, code, keyCode });
    const keys = [key('Alt', 'AltLeft', 18), key('Shift', 'ShiftLeft', 16), key(${JSON.stringify(letter)}, ${JSON.stringify(code)}, ${keyCode})];
    for (const k of keys) tip.keydown(k);
    for (const k of keys.reverse()) tip.keyup(k);
    return bindings;
  })()`;
  const reply = (
    await connection.send('script.evaluate', {
      expression,
      target: { context: chrome.context },
      awaitPromise: false,
    })
  ).result as { type: string; result?: { value?: unknown }; exceptionDetails?: { text?: string } };
  if (reply.type !== 'success')
    throw new Error(`Key press failed: ${reply.exceptionDetails?.text}`);
  return String(reply.result?.value);
}

/** Sends a tab's top frame what the background sends on a command (where no key can be pressed). */
export async function sendToTab(
  session: FirefoxSession,
  tabId: number,
  message: object,
): Promise<void> {
  await session.control.evaluate(
    (id, m) => browser.tabs.sendMessage(id, m, { frameId: 0 }),
    tabId,
    message,
  );
}
