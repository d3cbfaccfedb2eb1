// What the extension's two parts in a page say to each other. The page-world part (scanner and
// highlights) and the isolated part (settings, badge, tooltip) share only the DOM, so they talk in
// CustomEvents on the document whose `detail` is a short string. The page sees every one of these
// and can send any of them: each side parses strictly and acts only within what the page could do
// itself (see README, "What the page can see").

import { TERM_IDS } from '../../glossary/term-ids.ts';
import type { TermId } from '../../glossary/types.ts';
import { HIGHLIGHT_STYLES, type HighlightStyle } from './settings-schema.ts';

/**
 * Isolated → page: `start <look> <0|1 first only>` (again to switch looks live; the page world
 * starts over only when "first only" changed) or `stop`.
 */
export const COMMAND_EVENT = 'bpo-kpo-glossary:command';
/** Page → isolated: the page-world part is listening (sent on load; commands are then resent). */
export const READY_EVENT = 'bpo-kpo-glossary:ready';
/** Page → isolated: `<total>[ <termId>:<count>]…`, every term counted, painted or not. */
export const COUNTS_EVENT = 'bpo-kpo-glossary:counts';
/**
 * Isolated → page, dispatched on a text node (the open occurrence's) or the document:
 * `<termId|*> <offset>`, asking for the next occurrence after that point in document order.
 */
export const NEXT_EVENT = 'bpo-kpo-glossary:next';
/** Page → isolated, dispatched on the found occurrence's text node: `<start> <end>`. */
export const FOUND_EVENT = 'bpo-kpo-glossary:found';

/**
 * Where both halves run: every page and frame (also about:blank and srcdoc frames, by their
 * origin), from document_start (the page world to keep the built-ins, the isolated half to have
 * the settings read by the time the DOM is parsed).
 */
export const EVERY_FRAME: {
  matches: string[];
  allFrames: true;
  matchAboutBlank: true;
  matchOriginAsFallback: true;
  runAt: 'document_start';
} = {
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_start',
};

/** Tag name of the one element the extension adds to a page: the host of its shadow-root UI. */
export const UI_HOST_TAG = 'bpo-kpo-glossary';

/** Above this, a count the page world reports is not believed. */
export const MAX_COUNT = 10_000_000;

export type Command =
  | { readonly type: 'start'; readonly look: HighlightStyle; readonly firstOnly: boolean }
  | { readonly type: 'stop' };

export function encodeCommand(command: Command): string {
  if (command.type === 'start') return `start ${command.look} ${command.firstOnly ? 1 : 0}`;
  return 'stop';
}

function isLook(value: string | undefined): value is HighlightStyle {
  for (let i = 0; i < HIGHLIGHT_STYLES.length; i++) if (HIGHLIGHT_STYLES[i] === value) return true;
  return false;
}

function isTermId(value: string | undefined): value is TermId {
  for (let i = 0; i < TERM_IDS.length; i++) if (TERM_IDS[i] === value) return true;
  return false;
}

/** The command in an event's detail, or null for anything else. */
export function decodeCommand(detail: unknown): Command | null {
  if (typeof detail !== 'string' || detail.length > 40) return null;
  // Indexing, not destructuring: the page world runs this, where array iteration may be patched.
  const parts = detail.split(' ');
  const type = parts[0];
  const look = parts[1];
  const first = parts[2];
  if (type === 'stop' && parts.length === 1) return { type: 'stop' };
  if (type === 'start' && parts.length === 3 && isLook(look) && (first === '0' || first === '1')) {
    return { type: 'start', look, firstOnly: first === '1' };
  }
  return null;
}

export interface Counts {
  readonly total: number;
  readonly counts: Readonly<Partial<Record<TermId, number>>>;
}

/** Counts as the page world reports them (only terms with at least one occurrence listed). */
export function encodeCounts(total: number, counts: ReadonlyMap<TermId, number>): string {
  let out = String(total);
  for (let i = 0; i < TERM_IDS.length; i++) {
    const id = TERM_IDS[i] as TermId;
    const n = counts.get(id) ?? 0;
    if (n > 0) out += ` ${id}:${n}`;
  }
  return out;
}

const COUNT = /^(0|[1-9]\d{0,7})$/;

/**
 * Counts read from an event's detail: known term ids, each at most once, whole numbers up to
 * MAX_COUNT that add up to the total. Anything else is null.
 */
export function decodeCounts(detail: unknown): Counts | null {
  if (typeof detail !== 'string' || detail.length > 400) return null;
  const [totalPart, ...entries] = detail.split(' ');
  if (totalPart === undefined || !COUNT.test(totalPart)) return null;
  const total = Number(totalPart);
  const counts: Partial<Record<TermId, number>> = {};
  let sum = 0;
  for (const entry of entries) {
    const [id, n, rest] = entry.split(':');
    if (!isTermId(id) || n === undefined || rest !== undefined || !COUNT.test(n)) return null;
    if (counts[id] !== undefined) return null;
    counts[id] = Number(n);
    sum += Number(n);
  }
  return total <= MAX_COUNT && sum === total ? { total, counts } : null;
}

/** A request for the next occurrence, optionally of one term, after `offset` in the target. */
export interface NextRequest {
  readonly termId: TermId | null;
  readonly offset: number;
}

export function encodeNext(request: NextRequest): string {
  return `${request.termId ?? '*'} ${request.offset}`;
}

const OFFSET = /^(0|[1-9]\d{0,9})$/;

export function decodeNext(detail: unknown): NextRequest | null {
  if (typeof detail !== 'string' || detail.length > 40) return null;
  const parts = detail.split(' ');
  const term = parts[0];
  const offset = parts[1];
  if (parts.length !== 2 || offset === undefined || !OFFSET.test(offset)) return null;
  if (term === '*') return { termId: null, offset: Number(offset) };
  return isTermId(term) ? { termId: term, offset: Number(offset) } : null;
}

/** Where an occurrence is in the text node the event was dispatched on. */
export interface FoundSpan {
  readonly start: number;
  readonly end: number;
}

export function encodeFound(span: FoundSpan): string {
  return `${span.start} ${span.end}`;
}

export function decodeFound(detail: unknown): FoundSpan | null {
  if (typeof detail !== 'string' || detail.length > 40) return null;
  const parts = detail.split(' ');
  const [start, end] = parts;
  if (parts.length !== 2 || start === undefined || end === undefined) return null;
  if (!OFFSET.test(start) || !OFFSET.test(end) || Number(start) >= Number(end)) return null;
  return { start: Number(start), end: Number(end) };
}
