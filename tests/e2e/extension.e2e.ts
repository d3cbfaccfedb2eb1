import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { browser as extensionApi } from 'wxt/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, launchExtension, type ExtensionBrowser } from './support/chromium.ts';

// Code passed to evaluate() runs in the extension's service worker, where `chrome` exists.
declare const chrome: typeof extensionApi;

describe('the built extension in Chromium', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchExtension();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('loads with its localized name and only the permissions README justifies', async () => {
    const manifest = await browser.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    // The built manifest names a message; the browser resolves it from _locales.
    const built = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      name: string;
    };
    expect(built.name).toBe('__MSG_extName__');
    expect(manifest.name).toBe('BPO–KPO Glossary');
    expect(manifest.permissions).toEqual(['storage', 'activeTab']);
    expect(manifest).not.toHaveProperty('host_permissions');
  });
});
