import type { TermId } from './types.ts';

// The surface forms of the glossary terms, as data; `matcher.ts` compiles them once. The matcher's
// contract, which this data relies on: words of a multi-word form are separated by any run of
// whitespace (`\s`, so also U+00A0, U+202F, tabs, newlines); a whole form is never preceded or
// followed by a letter, digit or combining mark, so every spelling is a complete word (compounds
// such as `allhanketeenus` do not match); where several forms fit, the leftmost and then longest
// wins (`BPO-st` over `BPO-s`, `Kaldal asuv BPO` over `BPO`).

/** One word position of a form: every spelling it accepts, written out in full. */
export interface WordSlot {
  /** Complete spellings; lowercase unless `caseSensitive`. No whitespace inside a spelling. */
  readonly spellings: readonly string[];
  /** Acronyms are case-sensitive (`bpo` is not BPO); ordinary words ignore case (`Allhange`). */
  readonly caseSensitive: boolean;
}

/** A surface form of a term: its word slots in reading order. */
export type TermForm = readonly WordSlot[];

/** Splits a space-separated list, so paradigms read like a grammar table. */
function list(items: string): string[] {
  return items.split(' ');
}

/** Appends each ending to a stem: `inflect('allhanki', ['mine', 'mise'])`. */
function inflect(stem: string, endings: readonly string[]): string[] {
  return endings.map((ending) => stem + ending);
}

/** A case-insensitive word slot. */
function word(...spellings: string[]): WordSlot {
  return { spellings, caseSensitive: false };
}

/** Hyphens that may join an Estonian case ending to an acronym; en dash etc. are not endings. */
const ACRONYM_HYPHENS = ['-', '\u2011'];

/** Estonian case endings written after an acronym's hyphen (`BPO-d`, `KPO-dega`). */
const ACRONYM_CASE_ENDINGS = [
  // Singular; the bare acronym is the nominative and genitive.
  ...list('d s st sse le l lt ks ni na ta ga'),
  // Plural.
  ...list('de sid des dest desse dele del delt deks deni dena deta dega'),
];

/** English plural and possessive (`BPOs`, `BPO's`, `BPO’s`). */
const ACRONYM_ENGLISH_SUFFIXES = ['s', "'s", '\u2019s'];

/**
 * An uppercase-only acronym and its suffixed forms. A hyphenated compound that is not a case
 * ending (`BPO-teenused`) leaves only the acronym matched, because the ending must end the word.
 */
function acronym(letters: string): WordSlot {
  const suffixes = [
    '',
    ...ACRONYM_HYPHENS.flatMap((hyphen) => ACRONYM_CASE_ENDINGS.map((ending) => hyphen + ending)),
    ...ACRONYM_ENGLISH_SUFFIXES,
  ];
  return { spellings: suffixes.map((suffix) => letters + suffix), caseSensitive: true };
}

/** Case endings of Estonian `-mine` verbal nouns, singular then plural (`sisseost|mine`). */
const MINE_NOUN_ENDINGS = [
  ...list('mine mise mist misse misesse mises misest misele misel miselt miseks miseni misena'),
  ...list('miseta misega'),
  ...list('mised miste misi mistesse mistes mistest mistele mistel mistelt misteks misteni'),
  ...list('mistena misteta mistega'),
];

/** Case endings of Estonian `-ne` adjectives, singular then plural (`teadmistepõhi|ne`). */
const NE_ADJECTIVE_ENDINGS = [
  ...list('ne se st sse sesse ses sest sele sel selt seks seni sena seta sega'),
  ...list('sed ste seid stesse stes stest stele stel stelt steks steni stena steta stega'),
];

/**
 * Hyphens that join the parts of one English word (`off-shore`): the same two an acronym's case
 * ending takes. U+2010 and dashes are left out: rare in running text, each would add anchors to
 * the prefilter, and the content script's chunking (`chunked-match.ts`) cuts text after them.
 */
const WORD_HYPHENS = ['-', '\u2011'];

/**
 * Estonian case endings written straight after an English loanword in `-ing`, as Estonian
 * spelling does for a foreign word ending in a consonant (`outsourcingu`, `offshoringut`);
 * singular, then the plural forms met in print.
 */
const ING_LOANWORD_ENDINGS = [
  ...list('u ut us ust usse ule ul ult uks uni una uta uga'),
  ...list('ud ute uid'),
];

/** An English `-ing` noun and, for Estonian text, its case forms (`outsourcing`, `outsourcingut`). */
function ingNoun(noun: string): string[] {
  return [noun, ...inflect(noun, ING_LOANWORD_ENDINGS)];
}

/**
 * `onshore`/`nearshore`/`offshore`: closed and hyphenated (`off-shore`), each with `-s`, `-d` and
 * `-ing` (`Off-shoring`, `nearshored`), and the `-ing` noun with Estonian case endings. The spaced
 * `off shore` is not a form: it is mostly literal (`anchored off shore`).
 */
function shoreWord(prefix: string): WordSlot {
  const stems = [prefix + 'shore', ...WORD_HYPHENS.map((hyphen) => prefix + hyphen + 'shore')];
  return word(
    ...stems.flatMap((stem) => [
      stem,
      stem + 's',
      stem + 'd',
      ...ingNoun(stem.slice(0, -1) + 'ing'),
    ]),
  );
}

/** `process` and `processing`, both written in the BPO and KPO expansions. */
const PROCESS = word('process', 'processing');

/** The English noun `outsourcing` and its Estonian case forms, as the last word of a phrase. */
const OUTSOURCING_NOUN = word(...ingNoun('outsourcing'));

/** `sisseostmine` ("outsourcing"): a term only inside the phrases below, never on its own. */
const SISSEOSTMINE = word(...inflect('sisseost', MINE_NOUN_ENDINGS));

/**
 * `allhange` ("outsourcing") in every case of both numbers. Written out because the stem
 * alternates (hange/hanke/hanget/hangete); `allhankija` (subcontractor) is deliberately absent.
 */
const ALLHANGE = word(
  // Singular: nominative, genitive, partitive, illative … comitative.
  ...list('allhange allhanke allhanget allhankesse allhankes allhankest allhankele allhankel'),
  ...list('allhankelt allhankeks allhankeni allhankena allhanketa allhankega'),
  // Plural.
  ...list('allhanked allhangete allhankeid allhangetesse allhangetes allhangetest allhangetele'),
  ...list('allhangetel allhangetelt allhangeteks allhangeteni allhangetena allhangeteta'),
  ...list('allhangetega'),
);

/** `allhankimine` ("outsourcing", the act), the verbal noun of `allhankima`. */
const ALLHANKIMINE = word(...inflect('allhanki', MINE_NOUN_ENDINGS));

/**
 * `teadmistepõhine` ("knowledge-based"). In `teadmistepõhine allhange` the adjective and noun
 * inflect together, and Estonian puts the adjective in the genitive before some cases
 * (`teadmistepõhise allhankega`), so any adjective form is accepted with any noun form.
 */
const TEADMISTEPOHINE = word(...inflect('teadmistepõhi', NE_ADJECTIVE_ENDINGS));

/** Every surface form of every term, per term id; the matcher is compiled from exactly this. */
export const TERM_FORMS: Readonly<Record<TermId, readonly TermForm[]>> = {
  bpo: [
    [acronym('BPO')],
    [word('business'), PROCESS, OUTSOURCING_NOUN],
    [word('äriprotsesside'), SISSEOSTMINE],
  ],
  kpo: [
    [acronym('KPO')],
    [word('knowledge'), PROCESS, OUTSOURCING_NOUN],
    [word('teadmusprotsessi'), SISSEOSTMINE],
    [word('teadmiste'), word('protsessi'), SISSEOSTMINE],
    [TEADMISTEPOHINE, ALLHANGE],
  ],
  // `Nearshore BPO` / `Offshore BPO` are deliberately NOT phrases: the adjective is itself a term
  // (nearshore/offshore) and BPO is another, so they match as two spans with two tooltips.
  // `Kaldal asuv BPO` ("onshore BPO", literally "BPO located on the shore") is the article's
  // onshore term; `kaldal asuv` alone means nothing special, so the phrase is one onshore span.
  onshore: [[shoreWord('on')], [word('kaldal'), word('asuv'), acronym('BPO')]],
  nearshore: [[shoreWord('near')]],
  offshore: [[shoreWord('off')]],
  // `outsourcer(s)` (a party, like `allhankija`) and compounds (`outsourcinguteenus`,
  // `allhankeleping`) are deliberately absent: the glossary explains the practice.
  outsourcing: [
    [word('outsource', 'outsources', 'outsourced', 'outsourcings', ...ingNoun('outsourcing'))],
    [ALLHANGE],
    [ALLHANKIMINE],
  ],
};
