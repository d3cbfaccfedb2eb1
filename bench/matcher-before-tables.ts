import { TERM_FORMS } from '../glossary/term-forms.ts';
import type { TermForm, WordSlot } from '../glossary/term-forms.ts';
import type { TermId, TermMatch } from '../glossary/types.ts';

// Design: a hybrid scanner. One case-insensitive regex of literal "anchors" (the shared prefix of
// each group of first words: `bpo`, `allhan`, `nearshor`, …) finds candidate starts; V8 runs such
// a literal alternation natively at hundreds of MB/s, and text without any anchor never leaves the
// regex engine. Each candidate is then verified by walking per-slot tries compiled from
// `TERM_FORMS`, which handles what a non-`u` regex cannot do cheaply or at all: case-sensitive
// acronyms next to case-insensitive words, Unicode-aware boundaries on whole code points, and
// leftmost-longest rather than leftmost-first alternation. Every step is bounded by the longest
// spelling or by a whitespace run that belongs to a single candidate, so the scan is linear.

/**
 * A trie over UTF-16 code units; a case-insensitive slot has an edge for each case. Edges are
 * parallel arrays searched linearly: nodes have a handful of edges, and this beat a `Map` in the
 * bench.
 */
interface TrieNode {
  readonly units: number[];
  readonly children: TrieNode[];
  terminal: boolean;
}

function childOf(node: TrieNode, unit: number): TrieNode | undefined {
  const units = node.units;
  for (let i = 0; i < units.length; i++) {
    if (units[i] === unit) return node.children[i];
  }
  return undefined;
}

interface CompiledForm {
  readonly termId: TermId;
  readonly slots: readonly TrieNode[];
}

/** Unicode letters, digits and combining marks: a match must not touch one on either side. */
const WORD_CODE_POINT = /^[\p{L}\p{N}\p{M}]$/u;

/** Per-BMP-unit cache of `WORD_CODE_POINT`: 0 unknown, 1 word, 2 not word. */
const bmpWordCache = new Uint8Array(0x10000);

function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) {
    const lower = cp | 0x20;
    return (cp >= 0x30 && cp <= 0x39) || (lower >= 0x61 && lower <= 0x7a);
  }
  if (cp > 0xffff) return WORD_CODE_POINT.test(String.fromCodePoint(cp));
  let cached = bmpWordCache[cp];
  if (cached === 0 || cached === undefined) {
    // A lone surrogate lands here as itself and is, correctly, not a letter.
    cached = WORD_CODE_POINT.test(String.fromCharCode(cp)) ? 1 : 2;
    bmpWordCache[cp] = cached;
  }
  return cached === 1;
}

/** Whether the code point starting at `index` is a letter, digit or mark (false at the end). */
function isWordAt(text: string, index: number): boolean {
  if (index >= text.length) return false;
  const cp = text.codePointAt(index);
  return cp !== undefined && isWordCodePoint(cp);
}

/** Whether the code point ending just before `index` is a letter, digit or mark. */
function isWordBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const unit = text.charCodeAt(index - 1);
  if (unit >= 0xdc00 && unit <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) {
      return isWordCodePoint(((high - 0xd800) << 10) + (unit - 0xdc00) + 0x10000);
    }
  }
  return isWordCodePoint(unit);
}

/** Exactly the code units JavaScript's `\s` matches (so U+00A0 and U+202F count). */
function isSpace(unit: number): boolean {
  return (
    unit === 0x20 ||
    (unit >= 0x09 && unit <= 0x0d) ||
    unit === 0xa0 ||
    unit === 0x1680 ||
    (unit >= 0x2000 && unit <= 0x200a) ||
    unit === 0x2028 ||
    unit === 0x2029 ||
    unit === 0x202f ||
    unit === 0x205f ||
    unit === 0x3000 ||
    unit === 0xfeff
  );
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

function newNode(): TrieNode {
  return { units: [], children: [], terminal: false };
}

function compileSlot(slot: WordSlot): TrieNode {
  const root = newNode();
  for (const spelling of slot.spellings) {
    if (spelling.length === 0 || /\s/.test(spelling)) {
      throw new Error(`term-forms: bad spelling ${JSON.stringify(spelling)}`);
    }
    let node = root;
    for (const char of slot.caseSensitive ? spelling : spelling.toLowerCase()) {
      if (char.length !== 1) throw new Error(`term-forms: astral char in ${spelling}`);
      const units = slot.caseSensitive ? ([char.charCodeAt(0)] as const) : caseVariants(char);
      let child = childOf(node, units[0]);
      if (child === undefined) {
        child = newNode();
        for (const unit of units) {
          node.units.push(unit);
          node.children.push(child);
        }
      }
      node = child;
    }
    node.terminal = true;
  }
  return root;
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

/** Forms by the first code unit they can start with, so a candidate tries only a few. */
const formsByFirstUnit = new Map<number, CompiledForm[]>();

for (const [termId, forms] of Object.entries(TERM_FORMS) as [TermId, readonly TermForm[]][]) {
  for (const form of forms) {
    const compiled: CompiledForm = { termId, slots: form.map(compileSlot) };
    const firstSlot = compiled.slots[0];
    if (firstSlot === undefined) throw new Error(`term-forms: empty form for ${termId}`);
    for (const unit of new Set(firstSlot.units)) {
      formsByFirstUnit.set(unit, [...(formsByFirstUnit.get(unit) ?? []), compiled]);
    }
  }
}

const anchorSource = anchorsOf(Object.values(TERM_FORMS).flat()).map(escapeRegExp).join('|');
// No `u` flag: it is not needed for literals and keeps V8 on its fastest path, and the non-`u`
// case folding is the one `caseVariants` mirrors.
const ANCHOR_SCAN = new RegExp(anchorSource, 'gi');
const ANCHOR_TEST = new RegExp(anchorSource, 'i');

// Self-check at load: every first-word spelling, in every case the tries accept, must hit an
// anchor at its start; otherwise the prefilter could hide a match.
const anchorAtStart = new RegExp(anchorSource, 'iy');
for (const [first] of Object.values(TERM_FORMS).flat()) {
  for (const spelling of first?.spellings ?? []) {
    const variants = first?.caseSensitive ? [spelling] : [spelling, spelling.toUpperCase()];
    for (const variant of variants) {
      anchorAtStart.lastIndex = 0;
      if (!anchorAtStart.test(variant)) throw new Error(`term-forms: no anchor covers ${spelling}`);
    }
  }
}

/**
 * The end of the longest way `slots[slotIndex…]` matches at `pos` with a boundary after it, or -1.
 * Slots after the first must be preceded by at least one whitespace unit.
 */
function matchSlots(
  text: string,
  slots: readonly TrieNode[],
  slotIndex: number,
  pos: number,
): number {
  const isLast = slotIndex === slots.length - 1;
  let node = slots[slotIndex];
  if (node === undefined) return -1;
  let best = -1;
  let p = pos;
  for (;;) {
    if (node.terminal) {
      if (isLast) {
        // Deeper terminals come later, so the last one that passes is the longest.
        if (!isWordAt(text, p)) best = p;
      } else {
        // Spellings contain no whitespace, so at most one terminal per slot reaches this skip.
        let q = p;
        while (q < text.length && isSpace(text.charCodeAt(q))) q++;
        if (q > p) {
          const end = matchSlots(text, slots, slotIndex + 1, q);
          if (end > best) best = end;
        }
      }
    }
    if (p >= text.length) break;
    const child = childOf(node, text.charCodeAt(p));
    if (child === undefined) break;
    node = child;
    p++;
  }
  return best;
}

/** Finds glossary terms in `text`: non-overlapping, in order, leftmost then longest. */
export function findTerms(text: string): TermMatch[] {
  const matches: TermMatch[] = [];
  if (typeof text !== 'string' || text.length === 0) return matches;
  const scan = ANCHOR_SCAN;
  scan.lastIndex = 0;
  let candidate: RegExpExecArray | null;
  while ((candidate = scan.exec(text)) !== null) {
    const start = candidate.index;
    let bestEnd = -1;
    let bestTerm: TermId | undefined;
    const forms = formsByFirstUnit.get(text.charCodeAt(start));
    if (forms !== undefined && !isWordBefore(text, start)) {
      for (const form of forms) {
        const end = matchSlots(text, form.slots, 0, start);
        if (end > bestEnd) {
          bestEnd = end;
          bestTerm = form.termId;
        }
      }
    }
    if (bestTerm !== undefined) {
      matches.push({ start, end: bestEnd, termId: bestTerm });
      scan.lastIndex = bestEnd;
    } else {
      scan.lastIndex = start + 1;
    }
  }
  return matches;
}

/** Cheap prefilter: false guarantees `findTerms(text)` is empty (true may be a false alarm). */
export function mightContainTerm(text: string): boolean {
  return typeof text === 'string' && ANCHOR_TEST.test(text);
}
