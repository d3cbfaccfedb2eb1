import type { TermId, TermMatch } from '../../glossary/types.ts';

/** One occurrence of a term in a text node, as the tooltip knows it. */
export interface Occurrence {
  readonly text: Text;
  readonly start: number;
  readonly end: number;
  readonly termId: TermId;
}

/** Whether two values stand for the same occurrence (each lookup makes new objects). */
export const sameOccurrence = (a: Occurrence | null, b: Occurrence | null): boolean =>
  a === b ||
  (a !== null && b !== null && a.text === b.text && a.start === b.start && a.end === b.end);

interface CaretPoint {
  readonly node: Node;
  readonly offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => { offsetNode: Node; offset: number } | null;
};

/** The text position under a viewport point, looking into the given open shadow roots too. */
export function caretAt(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: Iterable<ShadowRoot>,
): CaretPoint | null {
  const d = doc as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos = d.caretPositionFromPoint(x, y, { shadowRoots: [...shadowRoots] });
    return pos === null ? null : { node: pos.offsetNode, offset: pos.offset };
  }
  // Chromium before 128 only knows the WebKit form.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const range = doc.caretRangeFromPoint(x, y);
  return range === null ? null : { node: range.startContainer, offset: range.startOffset };
}

/** Occurrences whose span holds a caret offset (either edge counts: a caret sits between characters). */
export function occurrencesAtOffset(
  list: readonly Occurrence[],
  offset: number,
): readonly Occurrence[] {
  return list.filter((occ) => occ.start <= offset && offset <= occ.end);
}

/** Whether a point lies on one of a range's line boxes (a caret snaps to the nearest text). */
export function rangeContainsPoint(range: Range, x: number, y: number, slack = 1): boolean {
  for (const r of range.getClientRects()) {
    if (
      x >= r.left - slack &&
      x <= r.right + slack &&
      y >= r.top - slack &&
      y <= r.bottom + slack
    ) {
      return true;
    }
  }
  return false;
}

/** The open shadow roots under a viewport point, outermost first. */
export function shadowRootsAt(doc: Document, x: number, y: number): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  let el = doc.elementFromPoint(x, y);
  while (el !== null && el.shadowRoot !== null && roots.length < 32) {
    const root = el.shadowRoot;
    roots.push(root);
    const inner = root.elementFromPoint(x, y);
    if (inner === null || inner === el) break;
    el = inner;
  }
  return roots;
}

/**
 * A character no match contains or depends on (as in the page world's chunked matching): not
 * whitespace, not a letter, digit or mark, none of the hyphens and apostrophes in spellings.
 * Surrogates never count, so a cut never falls inside an astral character.
 */
const CUT = /[^\s\p{L}\p{N}\p{M}'\u2019\u2011\ud800-\udfff-]/u;

/**
 * The terms in `data` that overlap [from, to], found by matching only the stretch between the
 * nearest cut characters around it: the same matches `findTerms(data)` has there, at a cost set by
 * the stretch, not by the text node (which may be megabytes long).
 */
export function termsAround(
  data: string,
  from: number,
  to: number,
  findTerms: (text: string) => TermMatch[],
): TermMatch[] {
  let start = Math.max(0, Math.min(from, data.length));
  while (start > 0 && !CUT.test(data.charAt(start - 1))) start--;
  // The cut character itself stays in: it is what the match boundary check looks at.
  if (start > 0) start--;
  let end = Math.max(start, Math.min(to, data.length));
  while (end < data.length && !CUT.test(data.charAt(end))) end++;
  if (end < data.length) end++;
  const found: TermMatch[] = [];
  for (const m of findTerms(data.slice(start, end))) {
    const match = { start: m.start + start, end: m.end + start, termId: m.termId };
    if (match.start <= to && match.end >= from) found.push(match);
  }
  return found;
}

/** The occurrences in a text node that overlap [from, to]. */
export function occurrencesIn(
  text: Text,
  from: number,
  to: number,
  findTerms: (text: string) => TermMatch[],
): Occurrence[] {
  return termsAround(text.data, from, to, findTerms).map((m) => ({ ...m, text }));
}

/** A Range over an occurrence, or null when its text changed under it. */
export function rangeOf(occ: Occurrence): Range | null {
  if (occ.end > occ.text.length) return null;
  const range = occ.text.ownerDocument.createRange();
  range.setStart(occ.text, occ.start);
  range.setEnd(occ.text, occ.end);
  return range;
}

/** The occurrence drawn under a viewport point, if any (text the page world would skip excluded). */
export function occurrenceAtPoint(
  doc: Document,
  x: number,
  y: number,
  findTerms: (text: string) => TermMatch[],
  isExcluded: (text: Text) => boolean,
): Occurrence | null {
  const caret = caretAt(doc, x, y, shadowRootsAt(doc, x, y));
  if (caret === null || caret.node.nodeType !== Node.TEXT_NODE) return null;
  const text = caret.node as Text;
  const list = occurrencesIn(text, caret.offset, caret.offset, findTerms);
  if (list.length === 0 || isExcluded(text)) return null;
  for (const occ of occurrencesAtOffset(list, caret.offset)) {
    const range = rangeOf(occ);
    if (range !== null && rangeContainsPoint(range, x, y)) return occ;
  }
  return null;
}
