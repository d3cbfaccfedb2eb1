import { SECTION_TITLES } from '../../glossary/article.ts';
import type { Lang } from '../../glossary/types.ts';
import { ComparisonChart } from '../shared/components/ComparisonChart.tsx';
import { t } from '../shared/i18n.ts';

/** The article's whole comparison chart, Estonian verbatim or in our English. */
export function ChartPanel({ lang }: { readonly lang: Lang }) {
  return (
    <div class="chart">
      <ComparisonChart lang={lang} caption={SECTION_TITLES['comparison-chart'][lang]} />
      {lang === 'en' && <p class="translated">{t(lang, 'uiTranslated')}</p>}
    </div>
  );
}
