/** One entry of a `_locales/<lang>/messages.json` file. */
export interface Message {
  readonly message: string;
  readonly placeholders?: Readonly<Record<string, { readonly content: string }>>;
}

/** A message's text with its `$NAME$` placeholders filled from `substitutions` (`$1`, `$2`…). */
export function formatMessage(entry: Message, substitutions: readonly string[]): string {
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content;
    const index = content === undefined ? NaN : Number(/^\$(\d)$/.exec(content)?.[1]);
    return Number.isNaN(index) ? whole : (substitutions[index - 1] ?? '');
  });
}
