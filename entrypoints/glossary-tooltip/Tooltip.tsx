import { Component } from 'preact';
import { ARTICLE_TITLE, CHART_TITLE } from '../../glossary/article.ts';
import { TELLING_ROWS } from '../../glossary/chart.ts';
import { TERM_BY_ID } from '../../glossary/terms.ts';
import type { Lang, TermId } from '../../glossary/types.ts';
import { ComparisonChart } from '../shared/components/ComparisonChart.tsx';
import { tooltipText as t } from './tooltip-i18n.ts';

export interface TooltipProps {
  readonly termId: TermId;
  readonly lang: Lang;
  readonly onClose: () => void;
}

interface TooltipState {
  /** The term shown: the one pointed at, or a related one the reader chose. */
  readonly shownId: TermId;
  readonly chartOpen: boolean;
}

/**
 * The explanation of one term: definition, telling chart rows, related terms and the source.
 * A class component: every page loads the content script, and this spares it Preact's hooks.
 */
export class Tooltip extends Component<TooltipProps, TooltipState> {
  override state: TooltipState = { shownId: this.props.termId, chartOpen: false };

  override render() {
    return renderTooltip(this.props, this.state, (change) => {
      this.setState(change);
    });
  }
}

function renderTooltip(
  { lang, onClose }: TooltipProps,
  { shownId, chartOpen }: TooltipState,
  update: (change: Partial<TooltipState>) => void,
) {
  const setShownId = (id: TermId): void => {
    update({ shownId: id });
  };
  const setChartOpen = (open: boolean): void => {
    update({ chartOpen: open });
  };
  const term = TERM_BY_ID[shownId];
  const isComparison = shownId === 'bpo' || shownId === 'kpo';
  return (
    <div class="tooltip" role="tooltip" id="glossary-tooltip" lang={lang} data-term={shownId}>
      <div class="head">
        <div class="titles">
          <div class="label">
            <span>{term.label[lang]}</span>
          </div>
          {term.expansion[lang] !== term.label[lang] && (
            <span class="expansion">{term.expansion[lang]}</span>
          )}
        </div>
        <button type="button" class="close" aria-label={t(lang, 'tooltipClose')} onClick={onClose}>
          ×
        </button>
      </div>
      <p class="definition">{term.definition[lang]}</p>
      {lang === 'en' && <p class="note">{t(lang, 'tooltipTranslated')}</p>}
      {isComparison && !chartOpen && (
        <>
          <p class="section-title">{t(lang, 'tooltipChartRows')}</p>
          <ComparisonChart lang={lang} rows={TELLING_ROWS} current={shownId} />
        </>
      )}
      {term.related.length > 0 && (
        <>
          <p class="section-title">{t(lang, 'tooltipRelated')}</p>
          <div class="related">
            {term.related.map((id) => (
              <button
                type="button"
                class="chip"
                key={id}
                title={TERM_BY_ID[id].expansion[lang]}
                onClick={() => {
                  setShownId(id);
                }}
              >
                {TERM_BY_ID[id].label[lang]}
              </button>
            ))}
          </div>
        </>
      )}
      {chartOpen && (
        <div class="chart">
          <ComparisonChart
            lang={lang}
            caption={CHART_TITLE[lang]}
            current={isComparison ? shownId : null}
          />
        </div>
      )}
      <div class="foot">
        <span class="source">
          {t(lang, 'tooltipSource')}: <cite lang="et">{ARTICLE_TITLE.et}</cite>
        </span>
        <button
          type="button"
          class="chart-toggle"
          aria-expanded={chartOpen}
          onClick={() => {
            setChartOpen(!chartOpen);
          }}
        >
          {t(lang, chartOpen ? 'tooltipHideChart' : 'tooltipShowChart')}
        </button>
      </div>
    </div>
  );
}
