import type { Term, TermId } from './types.ts';

// Estonian strings are quoted verbatim from bpo-kpo.et.txt. KPO's expansion follows the prose
// ("Teadmusprotsessi sisseostmine", used in the introduction and the definition) rather than the
// chart's "Teadmiste protsessi sisseostmine"; both name knowledge process outsourcing.

export { TERM_IDS } from './term-ids.ts';

/** The glossary's terms, in the order of TERM_IDS. */
export const TERMS: readonly Term[] = [
  {
    id: 'bpo',
    label: { et: 'BPO', en: 'BPO' },
    expansion: { et: 'Äriprotsesside sisseostmine', en: 'Business process outsourcing' },
    definition: {
      et: 'Äriprotsesside sisseostmine või BPO on äriorganisatsiooni mis tahes segmendi / protsessi / funktsiooni allhankimine välisele organisatsioonile. Äritegevuse allhangete peamine põhjus on kulude vähendamine ja efektiivsuse suurendamine.',
      en: 'Business process outsourcing, or BPO, is contracting out any segment, process or function of a business to an external organisation. The main reason for outsourcing business activities is to cut costs and increase efficiency.',
    },
    section: 'bpo-definition',
    related: ['kpo', 'onshore', 'nearshore', 'offshore', 'outsourcing'],
  },
  {
    id: 'kpo',
    label: { et: 'KPO', en: 'KPO' },
    expansion: { et: 'Teadmusprotsessi sisseostmine', en: 'Knowledge process outsourcing' },
    definition: {
      et: 'Teadmusprotsessi sisseostmine või KPO viitab teadmiste omistamisele või edastamisele ja teabega seotud protsessile teisele organisatsioonile.',
      en: 'Knowledge process outsourcing, or KPO, means handing knowledge- and information-related processes over to another organisation.',
    },
    section: 'kpo-definition',
    related: ['bpo'],
  },
  {
    id: 'onshore',
    label: { et: 'Kaldal asuv BPO', en: 'Onshore' },
    expansion: { et: 'Kaldal asuv BPO', en: 'Onshore business process outsourcing' },
    definition: {
      et: 'äritegevuse allhankimine teisele ettevõttele, kuid samas riigis.',
      en: 'Outsourcing business activities to another company in the same country.',
    },
    section: 'bpo-definition',
    related: ['bpo'],
  },
  {
    id: 'nearshore',
    label: { et: 'Nearshore BPO', en: 'Nearshore' },
    expansion: { et: 'Nearshore BPO', en: 'Nearshore business process outsourcing' },
    definition: {
      et: 'äritegevuse allhankimine lähimas riigis asuvale ettevõttele.',
      en: 'Outsourcing business activities to a company in a neighbouring country.',
    },
    section: 'bpo-definition',
    related: ['bpo'],
  },
  {
    id: 'offshore',
    label: { et: 'Offshore BPO', en: 'Offshore' },
    expansion: { et: 'Offshore BPO', en: 'Offshore business process outsourcing' },
    definition: {
      et: 'äritegevuse allhankimine välismaale asuvale ettevõttele.',
      en: 'Outsourcing business activities to a company abroad.',
    },
    section: 'bpo-definition',
    related: ['bpo'],
  },
  {
    id: 'outsourcing',
    // The article never uses the bare noun "allhange"; "allhankimine" is its verbal noun.
    label: { et: 'allhankimine', en: 'Outsourcing' },
    expansion: { et: 'äritegevuse allhankimine', en: 'Outsourcing of business activities' },
    definition: {
      et: 'Rutiinsete või perifeersete äritegevuste sisseostmine on moes. See eeldab lepingute sõlmimist kolmanda osapoole teenusepakkujaga seoses äriprotsesside toimingute ja vastutusega.',
      en: 'Outsourcing routine or peripheral business activities is in vogue. It means contracting a third-party service provider to take over both the running of business processes and the responsibility for them.',
    },
    section: 'introduction',
    related: ['bpo', 'kpo'],
  },
];

/** Each term by its id. */
export const TERM_BY_ID = Object.fromEntries(TERMS.map((term) => [term.id, term])) as Readonly<
  Record<TermId, Term>
>;
