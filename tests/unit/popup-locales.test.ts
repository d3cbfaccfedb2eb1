import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import et from '../../public/_locales/et/messages.json';

type Catalog = Record<string, { message: string; placeholders?: Record<string, unknown> }>;
const EN = en as Catalog;
const ET = et as Catalog;

// The popup's, the options page's and the shared UI's strings, and the toggle-site command's.
const UI_KEYS = Object.keys(EN).filter(
  (key) => /^(popup|options|ui)[A-Z]/.test(key) || key === 'commandToggleSite',
);
const placeholdersOf = (message: string): string[] =>
  [...message.matchAll(/\$([A-Z0-9_]+)\$/gi)].map((m) => (m[1] ?? '').toLowerCase()).sort();

describe('the UI strings in both locale files', () => {
  it('cover the popup and the options page', () => {
    expect(UI_KEYS.length).toBeGreaterThan(80);
  });

  it.each(UI_KEYS)('%s has an Estonian message with the same placeholders', (key) => {
    const english = EN[key];
    const estonian = ET[key];
    expect(estonian?.message.trim()).toBeTruthy();
    if (english === undefined || estonian === undefined) return;
    expect(placeholdersOf(estonian.message)).toEqual(placeholdersOf(english.message));
    expect(Object.keys(estonian.placeholders ?? {}).sort()).toEqual(
      Object.keys(english.placeholders ?? {}).sort(),
    );
    for (const name of placeholdersOf(english.message))
      expect(english.placeholders?.[name], `${key}: $${name}$ declared`).toBeDefined();
  });

  it('quote in each language’s own marks', () => {
    for (const key of UI_KEYS) {
      expect(ET[key]?.message, key).not.toMatch(/“/);
      expect(EN[key]?.message, key).not.toMatch(/„/);
    }
  });
});
