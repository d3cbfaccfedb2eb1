import {
  BPO_DEFINITION,
  BPO_KINDS,
  BPO_SERVICES,
  CONCLUSION,
  KEY_DIFFERENCES,
  KEY_DIFFERENCES_INTRO,
  KPO_DEFINITION,
  KPO_SERVICES,
  SECTION_TITLES,
} from '../../glossary/article.ts';
import type { Lang } from '../../glossary/types.ts';
import { t } from '../shared/i18n.ts';

/**
 * The article's definitions of BPO (its kinds and services) and KPO (its services), the ten key
 * differences and the conclusion, in the article's order; the sub-headings are ours.
 */
export function ArticlePanel({ lang }: { readonly lang: Lang }) {
  const [bpoIntro, bpoServicesIntro] = BPO_DEFINITION;
  const kpoServicesIntro = KPO_DEFINITION[KPO_DEFINITION.length - 1];
  const contents = [
    ['art-bpo', SECTION_TITLES['bpo-definition'][lang]],
    ['art-kpo', SECTION_TITLES['kpo-definition'][lang]],
    ['art-differences', SECTION_TITLES['key-differences'][lang]],
    ['art-conclusion', SECTION_TITLES.conclusion[lang]],
  ] as const;
  return (
    <div class="article">
      <nav aria-label={t(lang, 'popupArticleContents')}>
        <ul class="contents">
          {contents.map(([id, title]) => (
            <li key={id}>
              <a
                href={`#${id}`}
                onClick={(event) => {
                  // Scroll within the panel and move focus, leaving the popup's URL alone.
                  const target = event.currentTarget.ownerDocument.getElementById(id);
                  if (target === null) return;
                  event.preventDefault();
                  target.scrollIntoView({ block: 'start' });
                  target.focus({ preventScroll: true });
                }}
              >
                {title}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="art-bpo">
        <h2 id="art-bpo" tabIndex={-1}>
          {SECTION_TITLES['bpo-definition'][lang]}
        </h2>
        {bpoIntro !== undefined && <p>{bpoIntro[lang]}</p>}
        <h3>{t(lang, 'popupBpoKinds')}</h3>
        <dl class="kinds">
          {BPO_KINDS.map((kind) => (
            <div key={kind.termId}>
              <dt>{kind.name[lang]}</dt>
              <dd>{kind.description[lang]}</dd>
            </div>
          ))}
        </dl>
        <h3>{t(lang, 'popupBpoServices')}</h3>
        {bpoServicesIntro !== undefined && <p>{bpoServicesIntro[lang]}</p>}
        <ul class="services">
          {BPO_SERVICES.map((s) => (
            <li key={s.et}>{s[lang]}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="art-kpo">
        <h2 id="art-kpo" tabIndex={-1}>
          {SECTION_TITLES['kpo-definition'][lang]}
        </h2>
        {KPO_DEFINITION.slice(0, -1).map((p) => (
          <p key={p.et}>{p[lang]}</p>
        ))}
        <h3>{t(lang, 'popupKpoServices')}</h3>
        {kpoServicesIntro !== undefined && <p>{kpoServicesIntro[lang]}</p>}
        <ul class="services">
          {KPO_SERVICES.map((s) => (
            <li key={s.et}>{s[lang]}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="art-differences">
        <h2 id="art-differences" tabIndex={-1}>
          {SECTION_TITLES['key-differences'][lang]}
        </h2>
        <p>{KEY_DIFFERENCES_INTRO[lang]}</p>
        <ol class="differences">
          {KEY_DIFFERENCES.map((d) => (
            <li key={d.et}>{d[lang]}</li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="art-conclusion">
        <h2 id="art-conclusion" tabIndex={-1}>
          {SECTION_TITLES.conclusion[lang]}
        </h2>
        {CONCLUSION.map((p) => (
          <p key={p.et}>{p[lang]}</p>
        ))}
      </section>
      {lang === 'en' && <p class="translated">{t(lang, 'uiTranslated')}</p>}
    </div>
  );
}
