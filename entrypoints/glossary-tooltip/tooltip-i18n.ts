import type { Lang } from '../../glossary/types.ts';
import {
  announceTerm as enAnnounceTerm,
  tooltipChartRows as enChartRows,
  tooltipClose as enClose,
  tooltipHideChart as enHideChart,
  tooltipRelated as enRelated,
  tooltipShowChart as enShowChart,
  tooltipSource as enSource,
  tooltipTranslated as enTranslated,
} from '../../public/_locales/en/messages.json';
import {
  announceTerm as etAnnounceTerm,
  tooltipChartRows as etChartRows,
  tooltipClose as etClose,
  tooltipHideChart as etHideChart,
  tooltipRelated as etRelated,
  tooltipShowChart as etShowChart,
  tooltipSource as etSource,
  tooltipTranslated as etTranslated,
} from '../../public/_locales/et/messages.json';
import { formatMessage, type Message } from '../shared/i18n-format.ts';

// Named imports, so the bundle keeps only the tooltip's few messages: every page pays for the
// content script, and the whole catalogs (popup and options included) are most of its size.
const TOOLTIP_MESSAGES = {
  en: {
    announceTerm: enAnnounceTerm,
    tooltipChartRows: enChartRows,
    tooltipClose: enClose,
    tooltipHideChart: enHideChart,
    tooltipRelated: enRelated,
    tooltipShowChart: enShowChart,
    tooltipSource: enSource,
    tooltipTranslated: enTranslated,
  },
  et: {
    announceTerm: etAnnounceTerm,
    tooltipChartRows: etChartRows,
    tooltipClose: etClose,
    tooltipHideChart: etHideChart,
    tooltipRelated: etRelated,
    tooltipShowChart: etShowChart,
    tooltipSource: etSource,
    tooltipTranslated: etTranslated,
  },
} satisfies Record<Lang, Record<string, Message>>;

/** The name of a message the tooltip uses. */
export type TooltipMessageKey = keyof (typeof TOOLTIP_MESSAGES)['en'];

/** A tooltip string in the chosen language, from the locale files (as `t` in shared/i18n). */
export function tooltipText(
  lang: Lang,
  key: TooltipMessageKey,
  ...substitutions: string[]
): string {
  return formatMessage(TOOLTIP_MESSAGES[lang][key], substitutions);
}
