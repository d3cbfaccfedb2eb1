// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { browserLanguage, chooseLanguage } from '../../entrypoints/shared/language.ts';

describe('chooseLanguage with an explicit setting', () => {
  it('uses Estonian when set to et, whatever the page and browser say', () => {
    expect(chooseLanguage('et', 'en-GB', ['en-US', 'en'])).toBe('et');
    expect(chooseLanguage('et', null, [])).toBe('et');
  });

  it('uses English when set to en, whatever the page and browser say', () => {
    expect(chooseLanguage('en', 'et', ['et-EE', 'et'])).toBe('en');
    expect(chooseLanguage('en', undefined, ['et'])).toBe('en');
  });
});

describe('chooseLanguage on auto', () => {
  it.each([
    ['et', 'et'],
    ['et-EE', 'et'],
    ['ET', 'et'],
    ['et_EE', 'et'],
    ['en', 'en'],
    ['EN', 'en'],
    ['en-GB', 'en'],
    ['en-US', 'en'],
    ['  en-gb  ', 'en'],
  ] as const)('follows a page in %j', (pageLang, expected) => {
    // The browser prefers the other language, so only the page can have decided.
    const preferred = expected === 'et' ? ['en-US'] : ['et-EE'];
    expect(chooseLanguage('auto', pageLang, preferred)).toBe(expected);
  });

  it.each(['de', 'fi-FI', 'ru', 'es-419', 'eng', 'est', 'english', 'x-et', 'zh-Hant-TW'])(
    'falls back to the browser for a page in %j',
    (pageLang) => {
      expect(chooseLanguage('auto', pageLang, ['fi', 'et-EE', 'en'])).toBe('et');
      expect(chooseLanguage('auto', pageLang, ['fi', 'en-GB', 'et'])).toBe('en');
    },
  );

  it.each([null, undefined, '', '   ', '-', '_et', '!!', 'e', 'et en'])(
    'falls back to the browser for a missing or garbage page lang %j',
    (pageLang) => {
      expect(chooseLanguage('auto', pageLang, ['et'])).toBe('et');
    },
  );

  it('uses English when neither the page nor the browser speaks et or en', () => {
    expect(chooseLanguage('auto', 'de-DE', ['de-DE', 'fr', 'lv'])).toBe('en');
    expect(chooseLanguage('auto', null, [])).toBe('en');
  });
});

describe('browserLanguage', () => {
  it('takes the first preferred language the glossary speaks', () => {
    expect(browserLanguage(['fi', 'et-EE', 'en-US'])).toBe('et');
    expect(browserLanguage(['ru', 'en-US', 'et'])).toBe('en');
  });

  it('reads region and case variants of et and en', () => {
    expect(browserLanguage(['ET-ee'])).toBe('et');
    expect(browserLanguage(['En_AU'])).toBe('en');
  });

  it('skips empty and garbage tags', () => {
    expect(browserLanguage(['', '  ', '*', 'et'])).toBe('et');
  });

  it('is English for no preferred languages', () => {
    expect(browserLanguage([])).toBe('en');
  });

  it('is English when no preferred language is et or en', () => {
    expect(browserLanguage(['de', 'fr-CA', 'lv-LV'])).toBe('en');
  });
});
