import {
  DEFAULT_SETTINGS,
  HIGHLIGHT_STYLES,
  LANGUAGES,
  MAX_SITES,
  type Settings,
} from './settings-schema.ts';
import { canonicalSiteKey, type SiteKey } from './site-key.ts';

// Exported settings: a small envelope that names the extension and the file's format version,
// so an import can tell our files from any other JSON and from files of a newer format.

/** What the `format` field of an exported file says. */
export const SETTINGS_FILE_FORMAT = 'bpo-kpo-glossary-settings';
/** The version of the file format this build writes and reads. */
export const SETTINGS_FILE_VERSION = 1;
/** Larger files are refused unread: 20,000 sites of 253 characters fit in about 5 MB. */
export const MAX_SETTINGS_FILE_BYTES = 6_000_000;

/** Why an import was refused. `field` names a setting; `value` quotes a bad site entry. */
export type ImportProblem =
  | { readonly code: 'too-large' }
  | { readonly code: 'not-json' }
  | { readonly code: 'foreign' }
  | { readonly code: 'newer'; readonly version: number }
  | { readonly code: 'unknown-field'; readonly field: string }
  | { readonly code: 'bad-value'; readonly field: string }
  | { readonly code: 'bad-site'; readonly value: string }
  | { readonly code: 'too-many-sites'; readonly max: number };

/** The settings an import would apply, or why it is refused. */
export type ImportResult =
  | { readonly ok: true; readonly settings: Settings }
  | { readonly ok: false; readonly problem: ImportProblem };

/** The file name an export is saved under, dated so several backups can sit side by side. */
export function settingsFileName(now: Date = new Date()): string {
  return `bpo-kpo-glossary-settings-${now.toISOString().slice(0, 10)}.json`;
}

/** The settings as the text of an export file (pretty-printed JSON). */
export function settingsToFile(settings: Settings, now: Date = new Date()): string {
  const file = {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_FILE_VERSION,
    exported: now.toISOString(),
    settings: {
      enabled: settings.enabled,
      disabledSites: [...settings.disabledSites],
      language: settings.language,
      highlightStyle: settings.highlightStyle,
      firstOnly: settings.firstOnly,
    },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const ENVELOPE_FIELDS = new Set(['format', 'version', 'exported', 'settings']);
const SETTING_FIELDS = new Set<string>(Object.keys(DEFAULT_SETTINGS));

// A bad entry as the message quotes it: strings as they are, anything else as JSON, kept short.
const quoteEntry = (entry: unknown): string => {
  const text = typeof entry === 'string' ? entry : JSON.stringify(entry);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
};

const refuse = (problem: ImportProblem): ImportResult => ({ ok: false, problem });

/**
 * Reads an export file strictly: anything malformed, foreign, from a newer format, or with a
 * wrong value is refused with the first problem found. A setting the file leaves out takes its
 * default; site entries are canonicalized ("WWW.Example.com" → "example.com") and deduplicated.
 */
export function settingsFromFile(text: string): ImportResult {
  if (text.length > MAX_SETTINGS_FILE_BYTES) return refuse({ code: 'too-large' });
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return refuse({ code: 'not-json' });
  }
  if (!isRecord(data) || data.format !== SETTINGS_FILE_FORMAT) return refuse({ code: 'foreign' });
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return refuse({ code: 'bad-value', field: 'version' });
  if (version > SETTINGS_FILE_VERSION) return refuse({ code: 'newer', version });
  const extra = Object.keys(data).find((key) => !ENVELOPE_FIELDS.has(key));
  if (extra !== undefined) return refuse({ code: 'unknown-field', field: extra });
  const raw = data.settings;
  if (!isRecord(raw)) return refuse({ code: 'bad-value', field: 'settings' });
  const unknown = Object.keys(raw).find((key) => !SETTING_FIELDS.has(key));
  if (unknown !== undefined) return refuse({ code: 'unknown-field', field: unknown });

  const bool = (field: 'enabled' | 'firstOnly'): boolean | null => {
    const value = raw[field];
    if (value === undefined) return DEFAULT_SETTINGS[field];
    return typeof value === 'boolean' ? value : null;
  };
  const enabled = bool('enabled');
  if (enabled === null) return refuse({ code: 'bad-value', field: 'enabled' });
  const firstOnly = bool('firstOnly');
  if (firstOnly === null) return refuse({ code: 'bad-value', field: 'firstOnly' });
  const language = raw.language ?? DEFAULT_SETTINGS.language;
  const chosenLanguage = LANGUAGES.find((l) => l === language);
  if (chosenLanguage === undefined) return refuse({ code: 'bad-value', field: 'language' });
  const style = raw.highlightStyle ?? DEFAULT_SETTINGS.highlightStyle;
  const chosenStyle = HIGHLIGHT_STYLES.find((s) => s === style);
  if (chosenStyle === undefined) return refuse({ code: 'bad-value', field: 'highlightStyle' });

  const sitesRaw = raw.disabledSites ?? [];
  if (!Array.isArray(sitesRaw)) return refuse({ code: 'bad-value', field: 'disabledSites' });
  const sites = new Set<SiteKey>();
  for (const entry of sitesRaw as unknown[]) {
    const site = typeof entry === 'string' ? canonicalSiteKey(entry) : null;
    if (site === null) return refuse({ code: 'bad-site', value: quoteEntry(entry) });
    sites.add(site);
  }
  if (sites.size > MAX_SITES) return refuse({ code: 'too-many-sites', max: MAX_SITES });

  return {
    ok: true,
    settings: {
      enabled,
      disabledSites: [...sites],
      language: chosenLanguage,
      highlightStyle: chosenStyle,
      firstOnly,
    },
  };
}
