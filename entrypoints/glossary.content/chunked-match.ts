import type { TermMatch } from '../../glossary/types.ts';

/** Text nodes longer than this are matched in pieces, a piece per step, so no task runs long. */
export const CHUNK_CHARS = 200_000;
// Wider than the longest term form, so a window edge never cuts a match or its boundary check.
const OVERLAP = 200;

/**
 * Matches a long string in windows, yielding the matches of one chunk per step. The result is the
 * same as `findTerms(text)` in one call: each window reaches OVERLAP characters into its
 * neighbours, and only matches starting inside the window's own chunk are kept.
 */
export function* matchInChunks(
  text: string,
  findTerms: (s: string) => TermMatch[],
  chunk = CHUNK_CHARS,
): Generator<TermMatch[], void, void> {
  let lastEnd = 0;
  for (let pos = 0; pos < text.length; pos += chunk) {
    const from = Math.max(0, pos - OVERLAP);
    const to = Math.min(text.length, pos + chunk + OVERLAP);
    const kept: TermMatch[] = [];
    for (const m of findTerms(text.slice(from, to))) {
      const start = m.start + from;
      if (start < pos || start >= pos + chunk || start < lastEnd) continue;
      kept.push({ start, end: m.end + from, termId: m.termId });
      lastEnd = m.end + from;
    }
    yield kept;
  }
}
