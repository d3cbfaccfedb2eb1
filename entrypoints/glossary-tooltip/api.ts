import type { TermId } from '../../glossary/types.ts';
import type { LanguageSetting } from '../shared/settings-schema.ts';

/** The file the isolated half imports on first need (web-accessible, listed in the manifest). */
export const TOOLTIP_FILE = 'glossary-tooltip.js';

/** Where the loaded chunk leaves its entry point, on the isolated world's global object. */
export const TOOLTIP_GLOBAL = '__bpoKpoGlossaryTooltip';

/** One document's tooltip, running. */
export interface TooltipInstance {
  /** Moves to the next occurrence (of one term, if given), opens its tooltip, announces it. */
  next(termId?: TermId): void;
  /** Closes the tooltip, removes the UI host and every listener. */
  dispose(): void;
}

/** Where the pointer was last seen before the chunk loaded. */
export interface PointerPoint {
  readonly x: number;
  readonly y: number;
}

/** What the isolated half saw of the reader before the chunk loaded. */
export interface ReaderHint {
  /** Where the pointer rests (null: unknown, or a touch). */
  readonly pointer: PointerPoint | null;
  /** The last pointer down was a touch (a tap may be on its way). */
  readonly touch: boolean;
  /** A tap that came while the chunk was loading: where, and on what. */
  readonly tap: {
    readonly x: number;
    readonly y: number;
    readonly target: EventTarget | null;
  } | null;
}

export interface TooltipChunk {
  create(doc: Document, language: () => LanguageSetting, hint: ReaderHint): TooltipInstance;
}
