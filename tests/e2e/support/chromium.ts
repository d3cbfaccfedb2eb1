import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import type { browser as extensionApi } from 'wxt/browser';

/** The built Chrome MV3 extension that the browser tests load. */
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3');

/** Path of a Chromium to drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium; throws how to get one. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(
    (p): p is string => typeof p === 'string' && p !== '',
  );
  const found = candidates.find((p) => existsSync(p));
  if (found === undefined) {
    throw new Error(
      'No Chromium found. Install Debian\'s: "sudo apt-get install -y chromium", ' +
        'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    );
  }
  return found;
}

export interface LaunchOptions {
  /** Reuse a profile (to test what survives a restart); a fresh temporary one by default. */
  readonly profileDir?: string;
  /** Browser locale: drives navigator.languages. */
  readonly locale?: string;
  readonly headless?: boolean;
  readonly colorScheme?: 'light' | 'dark';
  readonly viewport?: { width: number; height: number } | null;
}

export interface ChromiumOptions extends LaunchOptions {
  /** The unpacked extension to load (the built one by default); null for none at all. */
  readonly extensionDir?: string | null;
}

export interface LaunchedChromium {
  readonly context: BrowserContext;
  readonly profileDir: string;
  /** Closes the browser; removes the profile unless it was passed in. */
  close(): Promise<void>;
}

/** Launches Chromium in a persistent profile with one unpacked extension loaded, or none. */
export async function launchChromium(options: ChromiumOptions = {}): Promise<LaunchedChromium> {
  const extensionDir = options.extensionDir === undefined ? EXTENSION_DIR : options.extensionDir;
  if (extensionDir !== null && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run "npm run build" first.`);
  }
  const ownProfile = options.profileDir === undefined;
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'glossary-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
    args: [
      ...(extensionDir === null
        ? []
        : [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  return {
    context,
    profileDir,
    async close() {
      await context.close();
      if (ownProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

export interface ExtensionBrowser extends LaunchedChromium {
  readonly extensionId: string;
  readonly worker: Worker;
}

/** Launches Chromium with the built extension loaded and waits for its service worker. */
export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const browser = await launchChromium(options);
  const { context } = browser;
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { ...browser, extensionId, worker };
}

// Code passed to evaluate() on the service worker runs where `chrome` exists.
declare const chrome: typeof extensionApi;

/** The toolbar badge's text for the active tab, as the background set it. */
export function activeTabBadge(browser: ExtensionBrowser): Promise<string> {
  return browser.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.action.getBadgeText({ tabId: tab?.id });
  });
}

/** The active tab's top frame's occurrence counts, as it reports them to the popup (-1: no tab). */
export function activeTabCounts(
  browser: ExtensionBrowser,
): Promise<{ total: number; counts: Record<string, number> }> {
  return browser.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) return { total: -1, counts: {} };
    return chrome.tabs.sendMessage<unknown, { total: number; counts: Record<string, number> }>(
      tab.id,
      { type: 'get-counts' },
      { frameId: 0 },
    );
  });
}
