import { findTerms } from '../../glossary/matcher.ts';
import type { TermId } from '../../glossary/types.ts';
import { decodeFound, encodeNext, FOUND_EVENT, NEXT_EVENT } from '../shared/bridge.ts';
import { isInExcludedSubtree } from '../glossary-page.content/text-walker.ts';
import { occurrenceAtPoint, occurrencesIn, type Occurrence } from './hit-test.ts';

export type { Occurrence };

/** Where the tooltip finds terms: under a point, in a text node, and the next one on the page. */
export interface TermLocator {
  /** The occurrence drawn under a viewport point. */
  at(x: number, y: number): Occurrence | null;
  /** The occurrences in a text node that overlap [from, to]. */
  inText(text: Text, from: number, to: number): Occurrence[];
  /** The occurrence after `from` in document order (of one term, or any), wrapping around. */
  next(termId: TermId | null, from: Occurrence | null): Occurrence | null;
}

/**
 * Finds terms from the isolated world. Under the pointer it matches the one text node there with
 * the glossary's own matcher (the page world's ranges cannot be read from here in Firefox, and
 * one node costs microseconds). For "next", only the page world knows every occurrence in order:
 * it is asked with an event and answers with one on the found text node, and the answer counts
 * only if this matcher finds exactly that occurrence there (the page can send such events too).
 */
export class PageTermLocator implements TermLocator {
  constructor(private readonly doc: Document) {}

  at(x: number, y: number): Occurrence | null {
    return occurrenceAtPoint(this.doc, x, y, findTerms, (text) => isInExcludedSubtree(text, null));
  }

  inText(text: Text, from: number, to: number): Occurrence[] {
    return isInExcludedSubtree(text, null) ? [] : occurrencesIn(text, from, to, findTerms);
  }

  next(termId: TermId | null, from: Occurrence | null): Occurrence | null {
    let found: Occurrence | null = null;
    const onFound = (event: Event): void => {
      const target = event.composedPath()[0] as Node | undefined;
      const span = decodeFound((event as CustomEvent).detail);
      if (found !== null || span === null || target?.nodeType !== Node.TEXT_NODE) return;
      const text = target as Text;
      if (!text.isConnected) return;
      const occ = this.inText(text, span.start, span.end).find(
        (o) => o.start === span.start && o.end === span.end,
      );
      if (occ !== undefined && (termId === null || occ.termId === termId)) found = occ;
    };
    this.doc.addEventListener(FOUND_EVENT, onFound, { capture: true });
    try {
      // Dispatch is synchronous: the page world's answer arrives before it returns.
      const detail = encodeNext({ termId, offset: from?.start ?? 0 });
      const request = new CustomEvent(NEXT_EVENT, { detail, bubbles: true, composed: true });
      (from?.text.isConnected === true ? from.text : this.doc).dispatchEvent(request);
    } finally {
      this.doc.removeEventListener(FOUND_EVENT, onFound, { capture: true });
    }
    return found;
  }
}
