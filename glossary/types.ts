/** The languages the glossary speaks: Estonian (quoted from the article) and English (ours). */
export type Lang = 'et' | 'en';

/** A piece of text in both languages: `et` is a verbatim quote of the article, `en` our translation. */
export interface Bilingual {
  readonly et: string;
  readonly en: string;
}

/** The ids of the glossary's terms; the six the product is built around come first. */
export type TermId = 'bpo' | 'kpo' | 'onshore' | 'nearshore' | 'offshore' | 'outsourcing';

/** The parts of the article a definition can come from. */
export type ArticleSection =
  | 'introduction'
  | 'comparison-chart'
  | 'bpo-definition'
  | 'kpo-definition'
  | 'key-differences'
  | 'conclusion';

/** One glossary entry: what the tooltip and the popup show for a term. */
export interface Term {
  readonly id: TermId;
  /** Short label as written on the page, e.g. "BPO" or "Offshore". */
  readonly label: Bilingual;
  /** The term spelled out, e.g. "Äriprotsesside sisseostmine" / "Business process outsourcing". */
  readonly expansion: Bilingual;
  /** The definition: `et` verbatim from the article, `en` our faithful translation. */
  readonly definition: Bilingual;
  /** The article section the definition is quoted from. */
  readonly section: ArticleSection;
  /** Ids of related terms, shown as links in the tooltip. */
  readonly related: readonly TermId[];
}

/** One row of the comparison chart: the basis of comparison and the BPO and KPO cells. */
export interface ChartRow {
  readonly basis: Bilingual;
  readonly bpo: Bilingual;
  readonly kpo: Bilingual;
}

/** A match of a glossary term in a string: UTF-16 offsets, `end` exclusive. */
export interface TermMatch {
  readonly start: number;
  readonly end: number;
  readonly termId: TermId;
}

/** The terms that name a kind of BPO by where the provider is. */
export type BpoKindId = Extract<TermId, 'onshore' | 'nearshore' | 'offshore'>;

/** One kind of BPO from the article's list: its term, its name and what it means. */
export interface BpoKind {
  readonly termId: BpoKindId;
  /** The kind's name as the list writes it, e.g. "Kaldal asuv BPO" / "Onshore BPO". */
  readonly name: Bilingual;
  /** The list item's text after the " : ". */
  readonly description: Bilingual;
}
