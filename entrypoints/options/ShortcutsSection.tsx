import type { Lang } from '../../glossary/types.ts';
import { t, type MessageKey } from '../shared/i18n.ts';
import type { Shortcut } from './options-host.ts';

const COMMAND_KEYS: Readonly<Record<string, MessageKey>> = {
  'next-term': 'commandNextTerm',
  'toggle-site': 'commandToggleSite',
};

/** The extension's keyboard commands and their current keys. */
export function ShortcutsSection({
  lang,
  shortcuts,
}: {
  readonly lang: Lang;
  readonly shortcuts: readonly Shortcut[];
}) {
  const known = shortcuts.filter((s) => COMMAND_KEYS[s.name] !== undefined);
  return (
    <section class="card" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">{t(lang, 'optionsShortcuts')}</h2>
      {known.length > 0 && (
        <dl class="shortcut-list">
          {known.map((s) => (
            <div key={s.name}>
              <dt>
                {s.shortcut === '' ? (
                  <span class="unset">{t(lang, 'optionsShortcutNone')}</span>
                ) : (
                  <kbd>{s.shortcut}</kbd>
                )}
              </dt>
              <dd>{t(lang, COMMAND_KEYS[s.name] ?? 'commandNextTerm')}</dd>
            </div>
          ))}
        </dl>
      )}
      <p class="hint">{t(lang, 'optionsShortcutsHint')}</p>
    </section>
  );
}
