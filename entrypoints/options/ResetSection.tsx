import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../glossary/types.ts';
import { t } from '../shared/i18n.ts';
import { resetSettings } from '../shared/settings.ts';

/** Reset to defaults, behind an inline confirmation. */
export function ResetSection({ lang }: { readonly lang: Lang }) {
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(false);

  useEffect(() => {
    if (confirming) cancel.current?.focus();
    else if (returnFocus) {
      start.current?.focus();
      setReturnFocus(false);
    }
  }, [confirming, returnFocus]);

  return (
    <section class="card" aria-labelledby="reset-heading">
      <h2 id="reset-heading">{t(lang, 'optionsReset')}</h2>
      <p class="hint" id="reset-hint">
        {t(lang, 'optionsResetHint')}
      </p>
      {confirming ? (
        <div class="confirm" role="group" aria-labelledby="reset-confirm">
          <p id="reset-confirm">{t(lang, 'optionsResetConfirm')}</p>
          <div class="actions">
            <button
              type="button"
              class="button danger"
              onClick={() => {
                void resetSettings().then(() => {
                  setDone(true);
                  setConfirming(false);
                  setReturnFocus(true);
                });
              }}
            >
              {t(lang, 'optionsResetYes')}
            </button>
            <button
              type="button"
              class="button"
              ref={cancel}
              onClick={() => {
                setConfirming(false);
                setReturnFocus(true);
              }}
            >
              {t(lang, 'optionsResetCancel')}
            </button>
          </div>
        </div>
      ) : (
        <div class="actions">
          <button
            type="button"
            class="button"
            ref={start}
            aria-describedby="reset-hint"
            onClick={() => {
              setDone(false);
              setConfirming(true);
            }}
          >
            {t(lang, 'optionsReset')}
          </button>
        </div>
      )}
      <p class="status" role="status">
        {done ? t(lang, 'optionsResetDone') : ''}
      </p>
    </section>
  );
}
