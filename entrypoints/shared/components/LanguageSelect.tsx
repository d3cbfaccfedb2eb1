import type { Lang } from '../../../glossary/types.ts';
import { t } from '../i18n.ts';
import { browserLanguage } from '../language.ts';
import { LANGUAGES, type LanguageSetting } from '../settings-schema.ts';

export interface LanguageSelectProps {
  /** The language the UI is in now. */
  readonly lang: Lang;
  readonly value: LanguageSetting;
  readonly onChange: (value: LanguageSetting) => void;
  /** The browser's preferred languages, to say what automatic means here. */
  readonly preferred: readonly string[];
  readonly id: string;
  readonly describedBy?: string;
}

const NAME_KEY = { et: 'uiLanguageEt', en: 'uiLanguageEn' } as const;

/** The language choice: automatic (naming what it resolves to), eesti, English. */
export function LanguageSelect({
  lang,
  value,
  onChange,
  preferred,
  id,
  describedBy,
}: LanguageSelectProps) {
  const auto = browserLanguage(preferred);
  return (
    <span class="field-inline">
      <label for={id}>{t(lang, 'uiLanguage')}</label>
      <select
        id={id}
        value={value}
        aria-describedby={describedBy}
        onChange={(event) => {
          const chosen = LANGUAGES.find((l) => l === event.currentTarget.value);
          if (chosen !== undefined) onChange(chosen);
        }}
      >
        {LANGUAGES.map((option) => (
          <option key={option} value={option} lang={option === 'auto' ? undefined : option}>
            {option === 'auto'
              ? t(lang, 'uiLanguageAuto', t(auto, NAME_KEY[auto]))
              : t(option, NAME_KEY[option])}
          </option>
        ))}
      </select>
    </span>
  );
}
