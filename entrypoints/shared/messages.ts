import type { TermId } from '../../glossary/types.ts';

/** Messages content scripts (and the popup) send to the background. */
export type ToBackground =
  /** This frame's number of occurrences now (0 when off). */
  | {
      readonly type: 'occurrences';
      readonly total: number;
      readonly counts: Partial<Record<TermId, number>>;
    }
  /** A frame that cannot see its top-level page asks for its URL. */
  | { readonly type: 'top-url' }
  /** The popup asks what the tab's frames reported: answered with a PageReport. */
  | { readonly type: 'page-report'; readonly tabId: number };

/** Occurrence counts of a frame, or of a whole tab (its frames summed). */
export interface OccurrenceCounts {
  readonly total: number;
  readonly counts: Partial<Record<TermId, number>>;
}

/**
 * What the background knows of a tab from its content scripts' reports: the top-level URL as the
 * browser gave it with their messages (null before any report) and the counts of all its frames.
 */
export interface PageReport extends OccurrenceCounts {
  readonly url: string | null;
}

/** The answer to `get-counts`: this frame's counts; the top frame may add its page's URL. */
export interface CountsReply extends OccurrenceCounts {
  readonly url?: string;
}

/** Messages the background or popup sends to a tab's content scripts. */
export type ToContent =
  /** Scroll to the next occurrence (of one term, if given), open its tooltip, announce it. */
  | { readonly type: 'next-occurrence'; readonly termId?: TermId }
  /** Report the counts of this frame. */
  | { readonly type: 'get-counts' };

const TO_BACKGROUND = new Set<string>(['occurrences', 'top-url', 'page-report']);
const TO_CONTENT = new Set<string>(['next-occurrence', 'get-counts']);

const typeOf = (value: unknown): string =>
  typeof value === 'object' && value !== null ? String((value as { type?: unknown }).type) : '';

/** Whether a runtime message is one the background answers (anything else is ignored). */
export const isToBackground = (value: unknown): value is ToBackground =>
  TO_BACKGROUND.has(typeOf(value));

/** Whether a runtime message is one a content script answers (anything else is ignored). */
export const isToContent = (value: unknown): value is ToContent => TO_CONTENT.has(typeOf(value));
