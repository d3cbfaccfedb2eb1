import { storage } from 'wxt/utils/storage';
import { parseSettings, DEFAULT_SETTINGS, type Settings } from './settings-schema.ts';

// The only module that knows where settings live. storage.local, not sync: 5,000 switched-off
// sites outgrow sync's 8 KB per item and 100 KB in all (see README).
const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
  migrations: {},
});

/** The current settings, validated: corrupt storage reads as defaults. */
export async function loadSettings(): Promise<Settings> {
  try {
    return parseSettings(await settingsItem.getValue());
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** Applies a change to the stored settings and returns what was saved. */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = parseSettings(change(await loadSettings()));
  await settingsItem.setValue(next);
  return next;
}

/** Calls `listener` with validated settings whenever any context changes them; returns unsubscribe. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => {
    listener(parseSettings(value));
  });
}
