import type { Lang } from '../../glossary/types.ts';
import { LanguageSelect } from '../shared/components/LanguageSelect.tsx';
import { Switch } from '../shared/components/Switch.tsx';
import { t, type MessageKey } from '../shared/i18n.ts';
import { HIGHLIGHT_STYLES, type HighlightStyle, type Settings } from '../shared/settings-schema.ts';
import { changeSettings } from '../shared/use-settings.ts';
import { StylePreview } from './StylePreview.tsx';

const STYLE_KEYS: Readonly<Record<HighlightStyle, MessageKey>> = {
  underline: 'optionsStyleUnderline',
  tint: 'optionsStyleTint',
  both: 'optionsStyleBoth',
};

/** The global switch, language, highlight style (with a preview) and first-occurrence-only. */
export function GeneralSection({
  lang,
  settings,
  preferred,
}: {
  readonly lang: Lang;
  readonly settings: Settings;
  readonly preferred: readonly string[];
}) {
  const change = (patch: Partial<Settings>): void => {
    void changeSettings((s) => ({ ...s, ...patch }));
  };
  return (
    <section class="card" aria-labelledby="general-heading">
      <h2 id="general-heading">{t(lang, 'optionsGeneral')}</h2>
      <Switch
        id="global-switch"
        checked={settings.enabled}
        onChange={(enabled) => {
          change({ enabled });
        }}
      >
        {t(lang, 'uiGlobalSwitch')}
      </Switch>

      <div class="row">
        <LanguageSelect
          id="language"
          lang={lang}
          value={settings.language}
          preferred={preferred}
          describedBy="language-hint"
          onChange={(language) => {
            change({ language });
          }}
        />
        <p class="hint" id="language-hint">
          {t(lang, 'optionsLanguageHint')}
        </p>
      </div>

      <fieldset class="row">
        <legend id="style-legend">{t(lang, 'optionsStyle')}</legend>
        <div class="choices">
          {HIGHLIGHT_STYLES.map((style) => (
            <label key={style} class="choice">
              <input
                type="radio"
                name="highlight-style"
                value={style}
                checked={settings.highlightStyle === style}
                onChange={() => {
                  change({ highlightStyle: style });
                }}
              />
              {t(lang, STYLE_KEYS[style])}
            </label>
          ))}
        </div>
        <p class="preview-label" id="preview-label">
          {t(lang, 'optionsPreview')}
        </p>
        <StylePreview lang={lang} style={settings.highlightStyle} labelledBy="preview-label" />
      </fieldset>

      <div class="row">
        <Switch
          id="first-only"
          checked={settings.firstOnly}
          onChange={(firstOnly) => {
            change({ firstOnly });
          }}
        >
          {t(lang, 'optionsFirstOnly')}
        </Switch>
      </div>
    </section>
  );
}
