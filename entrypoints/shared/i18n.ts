import type { Lang } from '../../glossary/types.ts';
import en from '../../public/_locales/en/messages.json';
import et from '../../public/_locales/et/messages.json';

/** The name of a UI message, as in `_locales/<lang>/messages.json`. */
export type MessageKey = keyof typeof en;

interface Message {
  readonly message: string;
  readonly placeholders?: Readonly<Record<string, { readonly content: string }>>;
}

const CATALOGS: Readonly<Record<Lang, Readonly<Record<string, Message>>>> = { en, et };

/**
 * A UI string in the chosen language, from the same locale files browser.i18n uses (which only
 * follows the browser's language). `$1`… in placeholders are filled from `substitutions`.
 */
export function t(lang: Lang, key: MessageKey, ...substitutions: string[]): string {
  const entry = CATALOGS[lang][key] ?? CATALOGS.en[key];
  if (entry === undefined) return key;
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content;
    const index = content === undefined ? NaN : Number(/^\$(\d)$/.exec(content)?.[1]);
    return Number.isNaN(index) ? whole : (substitutions[index - 1] ?? '');
  });
}
