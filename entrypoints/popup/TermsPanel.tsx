import { SECTION_TITLES } from '../../glossary/article.ts';
import { TERMS } from '../../glossary/terms.ts';
import type { Lang } from '../../glossary/types.ts';
import { t } from '../shared/i18n.ts';

/** Every term's definition, with the article section it is quoted from. */
export function TermsPanel({ lang }: { readonly lang: Lang }) {
  return (
    <div class="terms">
      {TERMS.map((term) => (
        <section key={term.id} class="term" aria-labelledby={`term-${term.id}`}>
          <h2 id={`term-${term.id}`}>
            <span class="term-label">{term.label[lang]}</span>
            {term.expansion[lang] !== term.label[lang] && (
              <span class="term-expansion">{term.expansion[lang]}</span>
            )}
          </h2>
          <p>{term.definition[lang]}</p>
          <p class="term-source">{t(lang, 'popupSectionOf', SECTION_TITLES[term.section][lang])}</p>
        </section>
      ))}
      {lang === 'en' && <p class="translated">{t(lang, 'uiTranslated')}</p>}
    </div>
  );
}
