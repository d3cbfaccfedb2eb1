import { describe, expect, it } from 'vitest';
import {
  MAX_SETTINGS_FILE_BYTES,
  SETTINGS_FILE_FORMAT,
  settingsFileName,
  settingsFromFile,
  settingsToFile,
} from '../../entrypoints/shared/settings-file.ts';
import {
  DEFAULT_SETTINGS,
  MAX_SITES,
  type Settings,
} from '../../entrypoints/shared/settings-schema.ts';
import { LOCAL_FILES } from '../../entrypoints/shared/site-key.ts';

const SAMPLE: Settings = {
  enabled: false,
  disabledSites: ['example.com', 'näide.ee', LOCAL_FILES, 'intranet'],
  language: 'et',
  highlightStyle: 'underline',
  firstOnly: true,
};

const file = (settings: unknown, envelope: Record<string, unknown> = {}): string =>
  JSON.stringify({ format: SETTINGS_FILE_FORMAT, version: 1, settings, ...envelope });

describe('exporting settings', () => {
  it('writes a dated, self-describing JSON file', () => {
    const now = new Date('2025-03-04T05:06:07Z');
    const text = settingsToFile(SAMPLE, now);
    expect(JSON.parse(text)).toEqual({
      format: SETTINGS_FILE_FORMAT,
      version: 1,
      exported: '2025-03-04T05:06:07.000Z',
      settings: SAMPLE,
    });
    expect(settingsFileName(now)).toBe('bpo-kpo-glossary-settings-2025-03-04.json');
  });

  it('reads back exactly what it wrote', () => {
    expect(settingsFromFile(settingsToFile(SAMPLE))).toEqual({ ok: true, settings: SAMPLE });
    expect(settingsFromFile(settingsToFile(DEFAULT_SETTINGS))).toEqual({
      ok: true,
      settings: DEFAULT_SETTINGS,
    });
  });

  it('round-trips 5,000 sites', () => {
    const sites = Array.from({ length: 5000 }, (_, i) => `host-${i}.example.org`);
    const result = settingsFromFile(settingsToFile({ ...DEFAULT_SETTINGS, disabledSites: sites }));
    expect(result.ok && result.settings.disabledSites).toEqual(sites);
  });
});

describe('importing settings', () => {
  it('accepts a file with a byte-order mark', () => {
    expect(settingsFromFile(`\uFEFF${settingsToFile(SAMPLE)}`).ok).toBe(true);
  });

  it('gives settings the file leaves out their defaults', () => {
    expect(settingsFromFile(file({ enabled: false }))).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, enabled: false },
    });
    expect(settingsFromFile(file({}))).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('canonicalizes and deduplicates the sites', () => {
    const result = settingsFromFile(
      file({ disabledSites: ['WWW.Example.com', 'example.com', 'xn--nide-loa.ee', 'file://'] }),
    );
    expect(result).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, disabledSites: ['example.com', 'näide.ee', LOCAL_FILES] },
    });
  });

  it.each([
    ['', 'not-json'],
    ['{"format": ', 'not-json'],
    ['<html></html>', 'not-json'],
    ['null', 'foreign'],
    ['[]', 'foreign'],
    ['"bpo-kpo-glossary-settings"', 'foreign'],
    ['{"name": "some-package", "version": "1.0.0"}', 'foreign'],
    [JSON.stringify({ format: 'other-extension', version: 1, settings: {} }), 'foreign'],
    [JSON.stringify({ version: 1, settings: DEFAULT_SETTINGS }), 'foreign'],
    [JSON.stringify(DEFAULT_SETTINGS), 'foreign'],
  ])('refuses %j as %s', (text, code) => {
    const result = settingsFromFile(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.code).toBe(code);
  });

  it('refuses a file from a newer format, naming its version', () => {
    expect(settingsFromFile(file(SAMPLE, { version: 2 }))).toEqual({
      ok: false,
      problem: { code: 'newer', version: 2 },
    });
  });

  it.each([
    [{ version: '1' }, 'version'],
    [{ version: 0 }, 'version'],
    [{ version: 1.5 }, 'version'],
    [{ settings: [] }, 'settings'],
    [{ settings: null }, 'settings'],
  ])('refuses a broken envelope %j', (envelope, field) => {
    expect(settingsFromFile(file(SAMPLE, envelope))).toEqual({
      ok: false,
      problem: { code: 'bad-value', field },
    });
  });

  it('refuses unknown fields, in the envelope or the settings', () => {
    expect(settingsFromFile(file(SAMPLE, { comment: 'mine' }))).toEqual({
      ok: false,
      problem: { code: 'unknown-field', field: 'comment' },
    });
    expect(settingsFromFile(file({ ...SAMPLE, colour: 'red' }))).toEqual({
      ok: false,
      problem: { code: 'unknown-field', field: 'colour' },
    });
  });

  it.each([
    ['enabled', 'true'],
    ['enabled', 1],
    ['firstOnly', null],
    ['language', 'fr'],
    ['language', 'ET'],
    ['highlightStyle', 'blink'],
    ['disabledSites', 'example.com'],
    ['disabledSites', { 0: 'example.com' }],
  ])('refuses %s = %j', (field, value) => {
    expect(settingsFromFile(file({ ...SAMPLE, [field]: value }))).toEqual({
      ok: false,
      problem: { code: 'bad-value', field },
    });
  });

  it.each([
    ['exa mple.com', 'exa mple.com'],
    ['chrome://settings', 'chrome://settings'],
    [42, '42'],
    [null, 'null'],
    ['', ''],
  ])('refuses the site entry %j, quoting it', (entry, value) => {
    expect(settingsFromFile(file({ disabledSites: ['ok.com', entry] }))).toEqual({
      ok: false,
      problem: { code: 'bad-site', value },
    });
  });

  it('refuses more sites than the store keeps', () => {
    const sites = Array.from({ length: MAX_SITES + 1 }, (_, i) => `s${i}.ee`);
    expect(settingsFromFile(file({ disabledSites: sites }))).toEqual({
      ok: false,
      problem: { code: 'too-many-sites', max: MAX_SITES },
    });
  });

  it('refuses a file too large to be ours without parsing it', () => {
    const text = `{"format":"${SETTINGS_FILE_FORMAT}","padding":"${'x'.repeat(MAX_SETTINGS_FILE_BYTES)}"}`;
    expect(settingsFromFile(text)).toEqual({ ok: false, problem: { code: 'too-large' } });
  });
});
