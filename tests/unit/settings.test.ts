import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_SETTINGS,
  isActiveOn,
  isSiteOn,
  MAX_SITES,
  parseSettings,
  withSiteSwitch,
  type Settings,
} from '../../entrypoints/shared/settings-schema.ts';
import {
  loadSettings,
  replaceSettings,
  resetSettings,
  SETTINGS_VERSION,
  updateSettings,
  watchSettings,
} from '../../entrypoints/shared/settings.ts';
import { LOCAL_FILES } from '../../entrypoints/shared/site-key.ts';

const SAMPLE: Settings = {
  enabled: false,
  disabledSites: ['example.com', 'näide.ee'],
  language: 'et',
  highlightStyle: 'tint',
  firstOnly: true,
};

describe('parseSettings: every value read is validated', () => {
  it('reads well-formed settings as they are', () => {
    expect(parseSettings(SAMPLE)).toEqual(SAMPLE);
  });

  it.each([undefined, null, 42, 'settings', true, [], [SAMPLE]])(
    'reads %j as the defaults',
    (raw) => {
      expect(parseSettings(raw)).toEqual(DEFAULT_SETTINGS);
    },
  );

  it('gives each mistyped field its default and keeps the rest', () => {
    const parsed = parseSettings({
      enabled: 'no',
      disabledSites: 'example.com',
      language: 'fr',
      highlightStyle: 'blink',
      firstOnly: 1,
    });
    expect(parsed).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ ...SAMPLE, language: 'EN' })).toEqual({ ...SAMPLE, language: 'auto' });
  });

  it('drops unknown keys', () => {
    expect(parseSettings({ ...SAMPLE, colour: 'red', __proto__: { x: 1 } })).toEqual(SAMPLE);
  });

  it('keeps only non-empty string sites, once each', () => {
    const parsed = parseSettings({
      disabledSites: ['a.com', 3, null, '', 'a.com', { host: 'b.com' }, 'b.com'],
    });
    expect(parsed.disabledSites).toEqual(['a.com', 'b.com']);
  });

  it(`keeps at most ${MAX_SITES} sites`, () => {
    const sites = Array.from({ length: MAX_SITES + 50 }, (_, i) => `site${i}.example`);
    expect(parseSettings({ disabledSites: sites }).disabledSites).toHaveLength(MAX_SITES);
  });
});

describe('site switches', () => {
  it('switches one site off and on again, leaving the others', () => {
    const off = withSiteSwitch(SAMPLE, 'other.org', false);
    expect(off.disabledSites).toEqual(['example.com', 'näide.ee', 'other.org']);
    expect(isSiteOn(off, 'other.org')).toBe(false);
    const on = withSiteSwitch(off, 'example.com', true);
    expect(on.disabledSites).toEqual(['näide.ee', 'other.org']);
    expect(isSiteOn(on, 'example.com')).toBe(true);
  });

  it('does not list a site twice when switched off twice', () => {
    const twice = withSiteSwitch(withSiteSwitch(DEFAULT_SETTINGS, 'a.com', false), 'a.com', false);
    expect(twice.disabledSites).toEqual(['a.com']);
  });

  it('is active only where both the global and the site switch are on', () => {
    const settings = { ...DEFAULT_SETTINGS, disabledSites: ['off.com'] };
    expect(isActiveOn(settings, 'on.com')).toBe(true);
    expect(isActiveOn(settings, 'off.com')).toBe(false);
    expect(isActiveOn(settings, null)).toBe(false);
    expect(isActiveOn({ ...settings, enabled: false }, 'on.com')).toBe(false);
    expect(isActiveOn(settings, LOCAL_FILES)).toBe(true);
  });
});

describe('the settings store (storage.local)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('reads the defaults on a fresh install', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('saves changes as one versioned item in storage.local', async () => {
    const saved = await updateSettings((s) => withSiteSwitch(s, 'example.com', false));
    expect(saved.disabledSites).toEqual(['example.com']);
    expect(await loadSettings()).toEqual(saved);
    const raw = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect(raw.settings).toEqual(saved);
    expect(raw.settings$).toEqual({ v: SETTINGS_VERSION });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('validates what it saves', async () => {
    const saved = await updateSettings(
      (s) => ({ ...s, language: 'klingon' }) as unknown as Settings,
    );
    expect(saved.language).toBe('auto');
  });

  it('reads corrupt storage as the defaults without throwing', async () => {
    await fakeBrowser.storage.local.set({ settings: 'garbage{' });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await fakeBrowser.storage.local.set({ settings: { enabled: 'yes', disabledSites: [1, 2] } });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('replaces everything at once, and resets to the defaults', async () => {
    expect(await replaceSettings(SAMPLE)).toEqual(SAMPLE);
    expect(await loadSettings()).toEqual(SAMPLE);
    expect(await resetSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('loses no change when several are made at once', async () => {
    const saves = [
      updateSettings((s) => withSiteSwitch(s, 'a.example', false)),
      updateSettings((s) => withSiteSwitch(s, 'b.example', false)),
      updateSettings((s) => ({ ...s, enabled: false })),
    ];
    await Promise.all(saves);
    const stored = await loadSettings();
    expect(stored.disabledSites).toEqual(['a.example', 'b.example']);
    expect(stored.enabled).toBe(false);
  });

  it('goes on saving after a change that throws', async () => {
    const failed = updateSettings(() => {
      throw new Error('broken change');
    });
    const next = updateSettings((s) => ({ ...s, firstOnly: true }));
    await expect(failed).rejects.toThrow('broken change');
    expect((await next).firstOnly).toBe(true);
  });

  it('tells watchers of every change, validated', async () => {
    const seen: Settings[] = [];
    const unwatch = watchSettings((s) => seen.push(s));
    await updateSettings((s) => ({ ...s, enabled: false }));
    await fakeBrowser.storage.local.set({ settings: { enabled: true, language: 42 } });
    unwatch();
    await updateSettings((s) => ({ ...s, firstOnly: true }));
    expect(seen).toEqual([
      { ...DEFAULT_SETTINGS, enabled: false },
      { ...DEFAULT_SETTINGS, enabled: true },
    ]);
  });

  it('holds 5,000 switched-off sites', async () => {
    const sites = Array.from({ length: 5000 }, (_, i) => `site-${i}.example.com`);
    await replaceSettings({ ...DEFAULT_SETTINGS, disabledSites: sites });
    const loaded = await loadSettings();
    expect(loaded.disabledSites).toHaveLength(5000);
    expect(isActiveOn(loaded, 'site-4999.example.com')).toBe(false);
    expect(isActiveOn(loaded, 'site-5000.example.com')).toBe(true);
  });
});

describe('settings versions and migrations', () => {
  // The item runs its migrations when the module defines it, so each case seeds storage first
  // and then loads a fresh copy of the module.
  beforeEach(() => {
    fakeBrowser.reset();
    vi.resetModules();
  });
  const freshModule = () => import('../../entrypoints/shared/settings.ts');

  it('is at version 1', () => {
    expect(SETTINGS_VERSION).toBe(1);
  });

  it('reads a value stored before versioning as version 1, unchanged', async () => {
    await fakeBrowser.storage.local.set({ settings: SAMPLE });
    const { loadSettings: load } = await freshModule();
    expect(await load()).toEqual(SAMPLE);
    expect((await fakeBrowser.storage.local.get('settings$')).settings$).toBeUndefined();
  });

  it('reads a value from a newer version (after a downgrade) without throwing', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({
      settings: { ...SAMPLE, sitesByGroup: { work: ['a.com'] } },
      settings$: { v: SETTINGS_VERSION + 1 },
    });
    const { loadSettings: load, updateSettings: update } = await freshModule();
    expect(await load()).toEqual(SAMPLE);
    // Still writable: the switches keep working.
    expect((await update((s) => ({ ...s, enabled: true }))).enabled).toBe(true);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});
