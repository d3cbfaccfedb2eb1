import type { SiteKey } from './site-key.ts';

/** Which language the glossary explains terms in; `auto` follows the page, then the browser. */
export type LanguageSetting = 'auto' | 'et' | 'en';
/** How highlighted terms look on the page. */
export type HighlightStyle = 'underline' | 'tint' | 'both';

/** Everything the user can set. Stored as one object in `storage.local` (see README). */
export interface Settings {
  readonly enabled: boolean;
  readonly disabledSites: readonly SiteKey[];
  readonly language: LanguageSetting;
  readonly highlightStyle: HighlightStyle;
  readonly firstOnly: boolean;
}

/** The `storage.local` key the settings object is stored under (the whole layout: one object). */
export const SETTINGS_STORAGE_KEY = 'settings';

/** What a fresh install, or a reset, starts from. */
export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledSites: [],
  language: 'auto',
  highlightStyle: 'both',
  firstOnly: false,
};

/** The language choices, in the order the UI offers them. */
export const LANGUAGES: readonly LanguageSetting[] = ['auto', 'et', 'en'];
/** The highlight styles, in the order the UI offers them. */
export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['underline', 'tint', 'both'];
/** The most switched-off sites kept; far beyond the 5,000 the product promises to handle. */
export const MAX_SITES = 20_000;

const oneOf = <T extends string>(allowed: readonly T[], value: unknown, fallback: T): T =>
  allowed.find((a) => a === value) ?? fallback;

/**
 * Reads settings from whatever storage holds: never throws; each missing, mistyped or corrupt
 * field falls back to its default, unknown keys are dropped.
 */
export function parseSettings(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return DEFAULT_SETTINGS;
  const r = raw as Record<string, unknown>;
  const sites = Array.isArray(r.disabledSites)
    ? [...new Set(r.disabledSites.filter((s): s is string => typeof s === 'string' && s !== ''))]
    : [];
  return {
    enabled: typeof r.enabled === 'boolean' ? r.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: sites.slice(0, MAX_SITES),
    language: oneOf(LANGUAGES, r.language, DEFAULT_SETTINGS.language),
    highlightStyle: oneOf(HIGHLIGHT_STYLES, r.highlightStyle, DEFAULT_SETTINGS.highlightStyle),
    firstOnly: typeof r.firstOnly === 'boolean' ? r.firstOnly : DEFAULT_SETTINGS.firstOnly,
  };
}

/** Whether highlighting runs on a site: the global switch and the site's own switch both on. */
export function isActiveOn(settings: Settings, site: SiteKey | null): boolean {
  return settings.enabled && site !== null && !settings.disabledSites.includes(site);
}

/** Whether the site's own switch is on (regardless of the global switch). */
export function isSiteOn(settings: Settings, site: SiteKey): boolean {
  return !settings.disabledSites.includes(site);
}

/** The settings with one site's own switch set: on removes it from the switched-off list. */
export function withSiteSwitch(settings: Settings, site: SiteKey, on: boolean): Settings {
  const others = settings.disabledSites.filter((s) => s !== site);
  return { ...settings, disabledSites: on ? others : [...others, site] };
}
