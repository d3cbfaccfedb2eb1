import { storage } from 'wxt/utils/storage';
import {
  parseSettings,
  DEFAULT_SETTINGS,
  SETTINGS_STORAGE_KEY,
  type Settings,
} from './settings-schema.ts';

/**
 * The version of the stored layout. Version 1: one object in `storage.local` under `settings`
 * (see settings-schema.ts). A future layout adds its migration below under its version number;
 * values stored before versioning read as version 1, and a value from a newer build (after a
 * downgrade) is left as it is and read through parseSettings, which never throws.
 */
export const SETTINGS_VERSION = 1;

// With settings-reader.ts (reads only), the module that knows where settings live. storage.local, not sync: 5,000 switched-off
// sites outgrow sync's 8 KB per item and 100 KB in all (see README).
const settingsItem = storage.defineItem<unknown>(`local:${SETTINGS_STORAGE_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
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

// This context's changes, one after another: two quick clicks each read what the other wrote.
let lastUpdate: Promise<unknown> = Promise.resolve();

/**
 * Applies a change to the stored settings and returns what was saved. Changes made in this
 * context run in turn, so none is lost to another's read-modify-write.
 */
export function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const update = lastUpdate.then(async () => {
    const next = parseSettings(change(await loadSettings()));
    await settingsItem.setValue(next);
    return next;
  });
  lastUpdate = update.catch(() => undefined);
  return update;
}

/** Replaces all settings at once (an import), validated; returns what was saved. */
export function replaceSettings(settings: Settings): Promise<Settings> {
  return updateSettings(() => settings);
}

/** Puts every setting back to its default; returns the defaults. */
export function resetSettings(): Promise<Settings> {
  return updateSettings(() => DEFAULT_SETTINGS);
}

/** Calls `listener` with validated settings whenever any context changes them; returns unsubscribe. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => {
    listener(parseSettings(value));
  });
}
