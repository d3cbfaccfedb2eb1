import type { ComponentChild } from 'preact';
import type { Lang } from '../../../glossary/types.ts';
import { t, type MessageKey } from '../i18n.ts';

/**
 * A UI message with elements in its placeholders (a host in bold, a cited title): the message
 * decides where they go, so each language keeps its own word order.
 */
export function messageParts(
  lang: Lang,
  key: MessageKey,
  ...parts: readonly ComponentChild[]
): ComponentChild[] {
  // Private-use marks: no message contains them, so they can only be the placeholders.
  const marks = parts.map((_, i) => `\uE000${i}\uE000`);
  const text = t(lang, key, ...marks);
  return text
    .split(/\uE000(\d+)\uE000/)
    .map((piece, i) => (i % 2 === 1 ? parts[Number(piece)] : piece));
}
