import type { TermForm, WordSlot } from './term-forms.ts';
import type { TermId } from './types.ts';

// Turns `TERM_FORMS` into the matcher's tables at build time (`npm run gen:matcher` writes them
// to `matcher-tables.generated.ts`), so that evaluating the matcher in a page builds nothing. The
// checks the data must pass run here, at generation and in the unit tests, never in a browser.

/**
 * The matcher's tables: plain numbers and strings only, so they serialise as literals and the
 * runtime reads them with indexed loads.
 *
 * `trie` holds every word slot's trie over UTF-16 code units, flattened. A node at offset `n` is
 * `trie[n]` terminal (1) or not (0), `trie[n + 1]` its edge count `k`, then `k` edges of three
 * cells: the unit, the unit minus its other case (0 if the edge takes one unit only: a
 * case-sensitive slot, or a char without a single-unit case pair), and `n` minus the child's
 * offset. Children come before their parents, so that distance is positive; small repeating
 * distances and case deltas (mostly 32) are what keep the table small once gzipped. Nodes that
 * accept the same continuations are stored once (the tries form a DAG), which shares the case
 * endings between stems and the slots between forms; a walk cannot tell the difference.
 */
export interface MatcherTables {
  readonly trie: readonly number[];
  /** The root offset in `trie` of each form's slots, form after form, in reading order. */
  readonly slotRoots: readonly number[];
  /** Form `f` has the slots `slotRoots[formSlotStart[f] … formSlotStart[f + 1] - 1]`. */
  readonly formSlotStart: readonly number[];
  /** The term each form belongs to. */
  readonly formTermIds: readonly TermId[];
  /** Every code unit a form can start with, ascending. */
  readonly firstUnits: readonly number[];
  /** Forms starting with `firstUnits[i]`: `firstUnitForms[firstUnitFormStart[i] … [i + 1] - 1]`. */
  readonly firstUnitFormStart: readonly number[];
  /** Form indices, in `TERM_FORMS` order within each first unit (ties go to the earlier form). */
  readonly firstUnitForms: readonly number[];
  /** Source of a case-insensitive, non-`u` regex of literal anchors every match starts with. */
  readonly anchorSource: string;
  /**
   * The length of the shortest anchor: text shorter than this holds none, so neither a candidate
   * nor a match (every match starts with a whole anchor).
   */
  readonly shortestAnchor: number;
}

/** A trie node while compiling: its edges, each taking a unit and optionally its other case. */
interface TrieNode {
  readonly edges: { readonly unit: number; readonly otherCase: number; readonly child: TrieNode }[];
  terminal: boolean;
}

function newNode(): TrieNode {
  return { edges: [], terminal: false };
}

function childOf(node: TrieNode, unit: number): TrieNode | undefined {
  return node.edges.find((edge) => edge.unit === unit)?.child;
}

/**
 * The code units a case-insensitive slot accepts for `char`: the char and its uppercase. This is
 * exactly what a non-`u` `/…/i` regex accepts for the letters used (it refuses to fold non-ASCII
 * into ASCII, e.g. `ſ` ≠ s and Kelvin sign ≠ k), which keeps the anchor prefilter conservative.
 */
function caseVariants(char: string): [number, ...number[]] {
  const unit = char.charCodeAt(0);
  const upper = char.toUpperCase();
  const upperUnit = upper.charCodeAt(0);
  if (upper.length === 1 && upper !== char && !(unit >= 0x80 && upperUnit < 0x80)) {
    return [unit, upperUnit];
  }
  return [unit];
}

/** The trie of one slot's spellings; throws on a spelling the matcher cannot hold. */
function compileSlot(slot: WordSlot): TrieNode {
  const root = newNode();
  for (const spelling of slot.spellings) {
    if (spelling.length === 0 || /\s/.test(spelling)) {
      throw new Error(`term-forms: bad spelling ${JSON.stringify(spelling)}`);
    }
    let node = root;
    for (const char of slot.caseSensitive ? spelling : spelling.toLowerCase()) {
      if (char.length !== 1) throw new Error(`term-forms: astral char in ${spelling}`);
      const [unit, otherCase = unit] = slot.caseSensitive
        ? [char.charCodeAt(0)]
        : caseVariants(char);
      let child = childOf(node, unit);
      if (child === undefined) {
        child = newNode();
        node.edges.push({ unit, otherCase, child });
      }
      node = child;
    }
    node.terminal = true;
  }
  return root;
}

/**
 * Flattens tries into one table, storing each distinct node once: two nodes are the same when
 * both are terminal or not and have the same edges to the same (already shared) children.
 */
class TrieTable {
  readonly trie: number[] = [];
  private readonly offsetByKey = new Map<string, number>();
  private readonly offsetByNode = new Map<TrieNode, number>();

  /** The offset of `node` in the table, appending it (children first) if it is new. */
  add(node: TrieNode): number {
    const known = this.offsetByNode.get(node);
    if (known !== undefined) return known;
    const edges = node.edges.map((edge) => ({ ...edge, childOffset: this.add(edge.child) }));
    // Child distances depend on where the node lands, so the key holds absolute offsets.
    const key = [node.terminal, ...edges.map((e) => `${e.unit}/${e.otherCase}/${e.childOffset}`)];
    let offset = this.offsetByKey.get(key.join());
    if (offset === undefined) {
      const at = this.trie.length;
      this.trie.push(node.terminal ? 1 : 0, edges.length);
      for (const e of edges) this.trie.push(e.unit, e.unit - e.otherCase, at - e.childOffset);
      this.offsetByKey.set(key.join(), at);
      offset = at;
    }
    this.offsetByNode.set(node, offset);
    return offset;
  }
}

function longestCommonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? '';
  for (const word of words) {
    while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix;
}

/**
 * Literal anchors that every match starts with: first-word spellings grouped by their first six
 * letters, each group reduced to its common prefix, and anchors made redundant by a shorter
 * anchor dropped. Lowercase, for a case-insensitive regex.
 */
function anchorsOf(forms: readonly TermForm[]): string[] {
  const groups = new Map<string, string[]>();
  for (const form of forms) {
    for (const spelling of form[0]?.spellings ?? []) {
      const lower = spelling.toLowerCase();
      const key = lower.slice(0, 6);
      groups.set(key, [...(groups.get(key) ?? []), lower]);
    }
  }
  const prefixes = [...new Set([...groups.values()].map(longestCommonPrefix))];
  return prefixes.filter((p) => !prefixes.some((q) => q !== p && p.startsWith(q)));
}

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * Every first-word spelling, in every case the tries accept, must hit an anchor at its start;
 * otherwise the prefilter could hide a match. Throws naming the first spelling not covered.
 */
function checkAnchorsCover(forms: readonly TermForm[], anchorSource: string): void {
  const anchorAtStart = new RegExp(anchorSource, 'iy');
  for (const [first] of forms) {
    for (const spelling of first?.spellings ?? []) {
      const variants = first?.caseSensitive ? [spelling] : [spelling, spelling.toUpperCase()];
      for (const variant of variants) {
        anchorAtStart.lastIndex = 0;
        if (!anchorAtStart.test(variant))
          throw new Error(`term-forms: no anchor covers ${spelling}`);
      }
    }
  }
}

/** Compiles term forms into the matcher's tables; throws if the forms break its contract. */
export function compileMatcherTables(
  termForms: Readonly<Record<TermId, readonly TermForm[]>>,
): MatcherTables {
  const table = new TrieTable();
  const slotRoots: number[] = [];
  const formSlotStart: number[] = [0];
  const formTermIds: TermId[] = [];
  const formsByFirstUnit = new Map<number, number[]>();
  const allForms: TermForm[] = [];
  for (const [termId, forms] of Object.entries(termForms) as [TermId, readonly TermForm[]][]) {
    for (const form of forms) {
      if (form.length === 0) throw new Error(`term-forms: empty form for ${termId}`);
      const formIndex = formTermIds.length;
      const tries = form.map(compileSlot);
      for (const unit of new Set(tries[0]?.edges.flatMap((e) => [e.unit, e.otherCase]))) {
        formsByFirstUnit.set(unit, [...(formsByFirstUnit.get(unit) ?? []), formIndex]);
      }
      for (const trie of tries) slotRoots.push(table.add(trie));
      formSlotStart.push(slotRoots.length);
      formTermIds.push(termId);
      allForms.push(form);
    }
  }
  const firstUnits = [...formsByFirstUnit.keys()].sort((a, b) => a - b);
  const firstUnitFormStart = [0];
  const firstUnitForms: number[] = [];
  for (const unit of firstUnits) {
    firstUnitForms.push(...(formsByFirstUnit.get(unit) ?? []));
    firstUnitFormStart.push(firstUnitForms.length);
  }
  const anchors = anchorsOf(allForms);
  const anchorSource = anchors.map(escapeRegExp).join('|');
  checkAnchorsCover(allForms, anchorSource);
  return {
    trie: table.trie,
    slotRoots,
    formSlotStart,
    formTermIds,
    firstUnits,
    firstUnitFormStart,
    firstUnitForms,
    anchorSource,
    shortestAnchor: Math.min(...anchors.map((anchor) => anchor.length)),
  };
}
