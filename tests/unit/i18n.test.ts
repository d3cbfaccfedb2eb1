// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Lang } from '../../glossary/types.ts';
import { t, type MessageKey } from '../../entrypoints/shared/i18n.ts';
import en from '../../public/_locales/en/messages.json';
import et from '../../public/_locales/et/messages.json';

interface Message {
  readonly message: string;
  readonly description?: string;
  readonly placeholders?: Readonly<Record<string, { readonly content: string }>>;
}

const CATALOGS: Readonly<Record<Lang, Readonly<Record<string, Message>>>> = { en, et };
const LANGS = ['en', 'et'] as const;
const KEYS = Object.keys(en) as MessageKey[];

/** Placeholder names written in a message (`$TERM$` → `term`), as browser.i18n reads them. */
const namesIn = (message: string): string[] =>
  [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => (m[1] ?? '').toLowerCase()).sort();

describe('the locale files', () => {
  it('have the same keys in English and Estonian', () => {
    expect(Object.keys(et).sort()).toEqual(Object.keys(en).sort());
  });

  it('have the keys the extension manifest and UI need', () => {
    for (const key of ['extName', 'extDescription', 'actionTitle', 'announceTerm']) {
      expect(KEYS).toContain(key);
    }
  });

  it.each(LANGS)('have a non-empty message and description for every key in %s', (lang) => {
    for (const [key, entry] of Object.entries(CATALOGS[lang])) {
      expect(entry.message.trim(), `${lang}.${key}`).not.toBe('');
      expect(entry.description?.trim(), `${lang}.${key}`).toBeTruthy();
    }
  });

  it('give each key the same placeholders, filled from the same substitutions', () => {
    for (const key of KEYS) {
      const enPlaceholders = CATALOGS.en[key]?.placeholders ?? {};
      const etPlaceholders = CATALOGS.et[key]?.placeholders ?? {};
      expect(Object.keys(etPlaceholders).sort(), key).toEqual(Object.keys(enPlaceholders).sort());
      for (const [name, { content }] of Object.entries(enPlaceholders)) {
        expect(etPlaceholders[name]?.content, `${key}.${name}`).toBe(content);
      }
    }
  });

  it.each(LANGS)('use exactly the placeholders they define in %s', (lang) => {
    for (const [key, entry] of Object.entries(CATALOGS[lang])) {
      const defined = Object.keys(entry.placeholders ?? {}).sort();
      expect([...new Set(namesIn(entry.message))], `${lang}.${key}`).toEqual(defined);
      // browser.i18n matches names case-insensitively; t() looks them up in lowercase.
      for (const name of defined) expect(name, `${lang}.${key}`).toBe(name.toLowerCase());
    }
  });

  it('keep the extension name within the 75 characters browsers allow', () => {
    for (const lang of LANGS) expect(CATALOGS[lang].extName?.message.length).toBeLessThan(76);
  });
});

describe('t', () => {
  it('returns a plain message in the chosen language', () => {
    expect(t('en', 'tooltipClose')).toBe(en.tooltipClose.message);
    expect(t('et', 'tooltipClose')).toBe(et.tooltipClose.message);
    expect(t('en', 'tooltipClose')).not.toBe(t('et', 'tooltipClose'));
  });

  it('returns every message of both languages without leftover placeholders when all are given', () => {
    for (const lang of LANGS) {
      for (const key of KEYS) {
        const text = t(lang, key, 'FIRST', 'SECOND', 'THIRD');
        expect(text, `${lang}.${key}`).not.toMatch(/\$[A-Za-z0-9_]+\$/);
      }
    }
  });

  it('fills $TERM$-style placeholders from the numbered substitutions', () => {
    expect(t('en', 'announceTerm', 'BPO', 'Business process outsourcing')).toBe(
      'BPO: Business process outsourcing',
    );
    expect(t('et', 'announceTerm', 'KPO', 'Teadmusprotsessi sisseostmine')).toBe(
      'KPO: Teadmusprotsessi sisseostmine',
    );
  });

  it('leaves a missing substitution empty', () => {
    expect(t('en', 'announceTerm', 'BPO')).toBe('BPO: ');
    expect(t('en', 'announceTerm')).toBe(': ');
  });

  it('ignores substitutions a message has no placeholder for', () => {
    expect(t('en', 'tooltipSource', 'unused')).toBe(en.tooltipSource.message);
  });

  it('inserts substitutions literally, without reading $ patterns in them', () => {
    expect(t('en', 'announceTerm', '$DEFINITION$', '$1 $& $$')).toBe('$DEFINITION$: $1 $& $$');
  });
});

describe('t with an incomplete Estonian catalog', () => {
  afterEach(() => {
    vi.doUnmock('../../public/_locales/et/messages.json');
    vi.resetModules();
  });

  it('falls back to the English message for a key Estonian lacks', async () => {
    const partial: Partial<typeof et> = { ...et };
    delete partial.tooltipClose;
    vi.resetModules();
    vi.doMock('../../public/_locales/et/messages.json', () => ({ default: partial }));
    const fresh = await import('../../entrypoints/shared/i18n.ts');
    expect(fresh.t('et', 'tooltipClose')).toBe(en.tooltipClose.message);
    expect(fresh.t('et', 'tooltipSource')).toBe(et.tooltipSource.message);
  });
});
