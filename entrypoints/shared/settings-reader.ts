import { browser } from 'wxt/browser';
import {
  DEFAULT_SETTINGS,
  parseSettings,
  SETTINGS_STORAGE_KEY,
  type Settings,
} from './settings-schema.ts';

// Reading and watching only, on plain browser.storage: the content script runs on every page and
// needs neither writes nor migrations (those run in the background, through settings.ts), so it
// does without @wxt-dev/storage.

/** The current settings, validated: corrupt or missing storage reads as defaults. */
export async function readSettings(): Promise<Settings> {
  try {
    const stored = await browser.storage.local.get(SETTINGS_STORAGE_KEY);
    return parseSettings(stored[SETTINGS_STORAGE_KEY]);
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** Calls `listener` with validated settings whenever they change; returns unsubscribe. */
export function onSettingsChange(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    const change = changes[SETTINGS_STORAGE_KEY];
    if (area === 'local' && change !== undefined) listener(parseSettings(change.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => {
    browser.storage.onChanged.removeListener(onChanged);
  };
}
