import type { Lang } from '../../glossary/types.ts';
import en from '../../public/_locales/en/messages.json';
import et from '../../public/_locales/et/messages.json';
import { formatMessage, type Message } from './i18n-format.ts';

/** The name of a UI message, as in `_locales/<lang>/messages.json`. */
export type MessageKey = keyof typeof en;

const CATALOGS: Readonly<Record<Lang, Readonly<Record<string, Message>>>> = { en, et };

/**
 * A UI string in the chosen language, from the same locale files browser.i18n uses (which only
 * follows the browser's language). `$1`… in placeholders are filled from `substitutions`.
 */
export function t(lang: Lang, key: MessageKey, ...substitutions: string[]): string {
  const entry = CATALOGS[lang][key] ?? CATALOGS.en[key];
  return entry === undefined ? key : formatMessage(entry, substitutions);
}
