import type { Lang } from '../../glossary/types.ts';
import type { LanguageSetting } from './settings-schema.ts';

const asGlossaryLang = (tag: string | null | undefined): Lang | null => {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'et' || primary === 'en' ? primary : null;
};

/**
 * The language to explain terms in. `auto` takes the page's (or element's) `lang` when it is
 * Estonian or English, else the first of the browser's preferred languages that is, else English.
 */
export function chooseLanguage(
  setting: LanguageSetting,
  pageLang: string | null | undefined,
  preferred: readonly string[],
): Lang {
  if (setting !== 'auto') return setting;
  return asGlossaryLang(pageLang) ?? browserLanguage(preferred);
}

/** The first of the browser's preferred languages the glossary speaks, else English. */
export function browserLanguage(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const lang = asGlossaryLang(tag);
    if (lang !== null) return lang;
  }
  return 'en';
}
