import type { ChartRow } from './types.ts';

// The article's "Võrdluskaart" table. The plain-text article runs each row's three cells together
// on one line; the split follows /work/shared/article/README.md, and the tests prove that each
// row's cells, joined, give back the article's line exactly.

/** The chart's header row: the basis of comparison, then the BPO and KPO columns. */
export const CHART_HEADER: ChartRow = {
  basis: { et: 'Võrdluse alus', en: 'Basis for comparison' },
  bpo: { et: 'BPO', en: 'BPO' },
  kpo: { et: 'KPO', en: 'KPO' },
};

/** The chart's ten rows, in the article's order. */
export const CHART_ROWS: readonly ChartRow[] = [
  {
    basis: { et: 'Akronüüm', en: 'Stands for' },
    bpo: { et: 'Äriprotsesside sisseostmine', en: 'Business process outsourcing' },
    kpo: { et: 'Teadmiste protsessi sisseostmine', en: 'Knowledge process outsourcing' },
  },
  {
    basis: { et: 'Tähendus', en: 'Meaning' },
    bpo: {
      et: 'BPO viitab organisatsiooni mitte-esmase tegevuse allhankele välisele organisatsioonile, et minimeerida kulusid ja suurendada tõhusust.',
      en: "BPO means outsourcing an organisation's non-core activities to an external organisation to minimise costs and increase efficiency.",
    },
    kpo: {
      et: 'KPO on teine allhanke liik, mille puhul teadmistega ja teabega seotud ülesanded on allhanke korras kolmandate osapoolte teenusepakkujatele.',
      en: 'KPO is another kind of outsourcing, in which knowledge- and information-related tasks are outsourced to third-party service providers.',
    },
  },
  {
    basis: { et: 'Põhineb', en: 'Based on' },
    bpo: { et: 'Reeglid', en: 'Rules' },
    // "Kohtuotsus" is literally a court ruling; the original means judgment.
    kpo: { et: 'Kohtuotsus', en: 'Judgment' },
  },
  {
    basis: { et: 'Keerukuse aste', en: 'Degree of complexity' },
    bpo: { et: 'Vähem keeruline', en: 'Less complex' },
    kpo: { et: 'Kõrge kompleks', en: 'Highly complex' },
  },
  {
    basis: { et: 'Nõue', en: 'Requires' },
    bpo: { et: 'Protsessi ekspertiis', en: 'Process expertise' },
    kpo: { et: 'Teadmiste ekspertiis', en: 'Knowledge expertise' },
  },
  {
    basis: { et: 'Tugineb', en: 'Relies on' },
    bpo: { et: 'Kulude arbitraaž', en: 'Cost arbitrage' },
    kpo: { et: 'Teadmiste arbitraaž', en: 'Knowledge arbitrage' },
  },
  {
    basis: { et: 'Edasiviiv jõud', en: 'Driving force' },
    bpo: { et: 'Mahtu juhitav', en: 'Volume-driven' },
    kpo: { et: 'Arusaamad on juhitud', en: 'Insight-driven' },
  },
  {
    basis: { et: 'Koostöö ja koordineerimine', en: 'Collaboration and coordination' },
    bpo: { et: 'Madal', en: 'Low' },
    kpo: { et: 'Võrreldes kõrge', en: 'Comparatively high' },
  },
  {
    basis: { et: 'Töötajad vajavad talente', en: 'Talent required in employees' },
    bpo: { et: 'Head suhtlemisoskused.', en: 'Good communication skills.' },
    kpo: {
      et: 'Vaja on professionaalselt kvalifitseeritud töötajaid.',
      en: 'Professionally qualified staff are needed.',
    },
  },
  {
    basis: { et: 'Keskendu', en: 'Focus' },
    bpo: { et: 'Madala taseme protsess', en: 'Low-level processes' },
    kpo: { et: 'Kõrgetasemeline protsess', en: 'High-level processes' },
  },
];

/** Indices into CHART_ROWS of the rows tooltips show: based on, complexity, relies on. */
export const TELLING_ROWS: readonly number[] = [2, 3, 5];
