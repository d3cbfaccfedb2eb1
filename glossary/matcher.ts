import { MATCHER_TABLES } from './matcher-tables.generated.ts';
import type { TermId, TermMatch } from './types.ts';

// Design: a hybrid scanner. One case-insensitive regex of literal "anchors" (the shared prefix of
// each group of first words: `bpo`, `allhan`, `nearshor`, …) finds candidate starts; V8 runs such
// a literal alternation natively at hundreds of MB/s, and text without any anchor never leaves the
// regex engine. Each candidate is then verified by walking per-slot tries compiled from
// `TERM_FORMS`, which handles what a non-`u` regex cannot do cheaply or at all: case-sensitive
// acronyms next to case-insensitive words, Unicode-aware boundaries on whole code points, and
// leftmost-longest rather than leftmost-first alternation. Every step is bounded by the longest
// spelling or by a whitespace run that belongs to a single candidate, so the scan is linear.
//
// The tables are compiled at build time (`matcher-compile.ts`, `npm run gen:matcher`), so loading
// this module builds nothing but two regexes: it runs in every frame of every page. It also runs
// in the page's own JS world, where the page may have patched built-ins, so the code below uses
// only indexed loops over its own arrays, never array iteration, array methods or lookups that
// could fall through to a polluted prototype.

const TRIE = MATCHER_TABLES.trie;
const SLOT_ROOTS = MATCHER_TABLES.slotRoots;
const FORM_SLOT_START = MATCHER_TABLES.formSlotStart;
const FORM_TERM_IDS = MATCHER_TABLES.formTermIds;
const FIRST_UNITS = MATCHER_TABLES.firstUnits;
const FIRST_UNIT_FORM_START = MATCHER_TABLES.firstUnitFormStart;
const FIRST_UNIT_FORMS = MATCHER_TABLES.firstUnitForms;

// No `u` flag: it is not needed for literals and keeps V8 on its fastest path, and the non-`u`
// case folding is the one the compiled case-insensitive tries mirror.
const ANCHOR_SCAN = new RegExp(MATCHER_TABLES.anchorSource, 'gi');
const ANCHOR_TEST = new RegExp(MATCHER_TABLES.anchorSource, 'i');

// Built-ins used after load, taken now, before page scripts can replace them.
const fromCharCode = String.fromCharCode;
const fromCodePoint = String.fromCodePoint;
const NativeUint8Array = Uint8Array;
const NativeArray = Array;

/** Above this many matches in one text, the result keeps the slack its growth left. */
const EXACT_RESULT_UP_TO = 4096;

/**
 * Unicode letters, digits and combining marks: a match must not touch one on either side. Made on
 * first need, like the cache below: creating a `\p{…}` regex costs V8 about 0.4 ms, more than the
 * rest of this module's load, and text that is all ASCII never needs it. A literal, so making it
 * late does not go through the page's `RegExp`.
 */
let wordCodePoint: RegExp | undefined;

/** Per-BMP-unit cache of `wordCodePoint`: 0 unknown, 1 word, 2 not word (64 KB, made lazily). */
let bmpWordCache: Uint8Array | undefined;

function isWordChar(char: string): boolean {
  wordCodePoint ??= /^[\p{L}\p{N}\p{M}]$/u;
  return wordCodePoint.test(char);
}

function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) {
    const lower = cp | 0x20;
    return (cp >= 0x30 && cp <= 0x39) || (lower >= 0x61 && lower <= 0x7a);
  }
  if (cp > 0xffff) return isWordChar(fromCodePoint(cp));
  const cache = (bmpWordCache ??= new NativeUint8Array(0x10000));
  let cached = cache[cp];
  if (cached === 0 || cached === undefined) {
    // A lone surrogate lands here as itself and is, correctly, not a letter.
    cached = isWordChar(fromCharCode(cp)) ? 1 : 2;
    cache[cp] = cached;
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
 * The trie node `node` leads to on `unit`, or -1 (the layout is described in
 * `matcher-compile.ts`). Edges are searched linearly: nodes have a handful of edges, and this beat
 * a `Map` in the bench.
 */
function childOf(node: number, unit: number): number {
  const end = node + 2 + 3 * (TRIE[node + 1] as number);
  for (let edge = node + 2; edge < end; edge += 3) {
    const edgeUnit = TRIE[edge] as number;
    if (unit === edgeUnit || unit === edgeUnit - (TRIE[edge + 1] as number)) {
      return node - (TRIE[edge + 2] as number);
    }
  }
  return -1;
}

/**
 * The end of the longest way slots `slot…lastSlot` (indices into `SLOT_ROOTS`) match at `pos`
 * with a boundary after it, or -1. Slots after the first must be preceded by whitespace.
 */
function matchSlots(text: string, slot: number, lastSlot: number, pos: number): number {
  let node = SLOT_ROOTS[slot] as number;
  let best = -1;
  let p = pos;
  for (;;) {
    if (TRIE[node] === 1) {
      if (slot === lastSlot) {
        // Deeper terminals come later, so the last one that passes is the longest.
        if (!isWordAt(text, p)) best = p;
      } else {
        // Spellings contain no whitespace, so at most one terminal per slot reaches this skip.
        let q = p;
        while (q < text.length && isSpace(text.charCodeAt(q))) q++;
        if (q > p) {
          const end = matchSlots(text, slot + 1, lastSlot, q);
          if (end > best) best = end;
        }
      }
    }
    if (p >= text.length) break;
    const child = childOf(node, text.charCodeAt(p));
    if (child < 0) break;
    node = child;
    p++;
  }
  return best;
}

/** The index of `unit` in `FIRST_UNITS` (ascending), or -1 if no form starts with it. */
function firstUnitIndex(unit: number): number {
  let low = 0;
  let high = FIRST_UNITS.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = FIRST_UNITS[middle] as number;
    if (found === unit) return middle;
    if (found < unit) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** Finds glossary terms in `text`: non-overlapping, in order, leftmost then longest. */
export function findTerms(text: string): TermMatch[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  // The result is made to measure at the end: an array grown by push() from empty has room for
  // 17 (some 240 bytes where one match needs 112), and the page-world half keeps the result of
  // every text with terms (15,495 on the generated bench page) for the collector to copy.
  let first: TermMatch | null = null;
  let second: TermMatch | null = null;
  let more: TermMatch[] | null = null;
  const scan = ANCHOR_SCAN;
  // The first candidate by search(), which builds no exec() result: most text that holds a term
  // holds one or two, and on the generated bench page (31,730 terms) these results came to 1 MB
  // of the 9.4 MB the page-world half allocated in a load, for the collector to sweep. The same
  // speed as exec() otherwise (Node, on that page's text and on ecma262's).
  let start = text.search(ANCHOR_TEST);
  while (start >= 0) {
    let bestEnd = -1;
    let bestTerm: TermId | undefined;
    const unit = firstUnitIndex(text.charCodeAt(start));
    if (unit >= 0 && !isWordBefore(text, start)) {
      const formsEnd = FIRST_UNIT_FORM_START[unit + 1] as number;
      for (let i = FIRST_UNIT_FORM_START[unit] as number; i < formsEnd; i++) {
        const form = FIRST_UNIT_FORMS[i] as number;
        const slotStart = FORM_SLOT_START[form] as number;
        const end = matchSlots(text, slotStart, (FORM_SLOT_START[form + 1] as number) - 1, start);
        if (end > bestEnd) {
          bestEnd = end;
          bestTerm = FORM_TERM_IDS[form];
        }
      }
    }
    if (bestTerm !== undefined) {
      const match: TermMatch = { start, end: bestEnd, termId: bestTerm };
      if (first === null) first = match;
      else if (second === null) second = match;
      else (more ??= []).push(match);
      scan.lastIndex = bestEnd;
    } else {
      scan.lastIndex = start + 1;
    }
    start = scan.exec(text)?.index ?? -1;
  }
  if (first === null) return [];
  if (second === null) return [first];
  if (more === null) return [first, second];
  const count = 2 + more.length;
  const matches = count > EXACT_RESULT_UP_TO ? [] : new NativeArray<TermMatch>(count);
  matches[0] = first;
  matches[1] = second;
  for (let i = 0; i < more.length; i++) matches[i + 2] = more[i] as TermMatch;
  return matches;
}

/**
 * No text shorter than this passes `mightContainTerm` (nor holds a term): a caller that can learn a
 * text's length without reading it can pass over shorter text for nothing.
 */
export const SHORTEST_CANDIDATE = MATCHER_TABLES.shortestAnchor;

/** Cheap prefilter: false guarantees `findTerms(text)` is empty (true may be a false alarm). */
export function mightContainTerm(text: string): boolean {
  return typeof text === 'string' && ANCHOR_TEST.test(text);
}
