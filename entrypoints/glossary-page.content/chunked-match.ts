import type { TermMatch } from '../../glossary/types.ts';

/** Text nodes longer than this are matched in pieces, a piece per step, so no task runs long. */
export const CHUNK_CHARS = 200_000;

/**
 * A character no match contains: not whitespace (which may join a phrase's words over any
 * distance), not a letter, digit or mark (a match's boundary), and none of the hyphens and
 * apostrophes term spellings contain. Text cut right after one matches the same in pieces as
 * whole. The `u` flag keeps surrogate pairs whole.
 */
const CUT_AFTER = /[^\s\p{L}\p{N}\p{M}'\u2019\u2011-]/gu;

/**
 * Matches a long string in pieces, yielding the matches of one piece per step. The result is the
 * same as `findTerms(text)` in one call: each piece is at least `chunk` long and ends right after
 * a character no match can contain or depend on, so no match or boundary check spans two pieces.
 * (A fixed overlap between windows is not enough: a phrase's words may be any distance apart.)
 * Text without such a character is matched in one piece.
 */
export function* matchInChunks(
  text: string,
  findTerms: (s: string) => TermMatch[],
  chunk = CHUNK_CHARS,
): Generator<TermMatch[], void, void> {
  for (let from = 0; from < text.length;) {
    CUT_AFTER.lastIndex = from + chunk - 1;
    const cut = from + chunk < text.length ? CUT_AFTER.exec(text) : null;
    const to = cut === null ? text.length : cut.index + cut[0].length;
    yield findTerms(text.slice(from, to)).map((m) => ({
      start: m.start + from,
      end: m.end + from,
      termId: m.termId,
    }));
    from = to;
  }
}
