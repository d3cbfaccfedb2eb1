import type { TermId } from './types.ts';

/** The ids of the glossary's terms, in display order. */
export const TERM_IDS = [
  'bpo',
  'kpo',
  'onshore',
  'nearshore',
  'offshore',
  'outsourcing',
] as const satisfies readonly TermId[];
