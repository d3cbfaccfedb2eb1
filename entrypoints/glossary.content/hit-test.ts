import type { Occurrence, OccurrenceStore } from './occurrence-store.ts';

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

/** The occurrence drawn under a viewport point, if any. */
export function occurrenceAtPoint(
  doc: Document,
  store: OccurrenceStore,
  x: number,
  y: number,
  shadowRoots: Iterable<ShadowRoot>,
): Occurrence | null {
  const caret = caretAt(doc, x, y, shadowRoots);
  if (caret === null || caret.node.nodeType !== Node.TEXT_NODE) return null;
  for (const occ of occurrencesAtOffset(store.occurrencesIn(caret.node as Text), caret.offset)) {
    const range = store.rangeOf(occ);
    if (range !== null && rangeContainsPoint(range, x, y)) return occ;
  }
  return null;
}
