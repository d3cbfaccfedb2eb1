import { describe, expect, it } from 'vitest';
import { BUDGETS, missedBudgets, sizeMiss, type PageFigures } from '../../bench/budgets.ts';

const generated: PageFigures = {
  page: 'generated',
  floorBudget: true,
  expectedOccurrences: 31_730,
  ratios: { markRegExpOverExtension: 6, extensionOverFloor: 2 },
  extension: {
    longestTaskMs: 20,
    firstHighlightSinceScriptMs: 40,
    occurrences: 31_730,
    ranges: 2002,
  },
};
const withExtension = (ext: Partial<PageFigures['extension']>): PageFigures => ({
  ...generated,
  extension: { ...generated.extension, ...ext },
});
const budgetsMissed = (page: PageFigures, gzipBytes = 20_000): string[] =>
  missedBudgets([page], gzipBytes).map((m) => m.budget);

describe('the benchmark budgets', () => {
  it('passes a run that meets every budget', () => {
    expect(missedBudgets([generated], 20_000)).toEqual([]);
  });

  it('fails an extension that paints nothing, however fast it is', () => {
    const idle = withExtension({ occurrences: 0, ranges: 0, firstHighlightSinceScriptMs: null });
    expect(
      budgetsMissed({ ...idle, ratios: { markRegExpOverExtension: 99, extensionOverFloor: 1 } }),
    ).toEqual(['occurrences', 'minPainted']);
    expect(budgetsMissed(withExtension({ ranges: 10 }))).toEqual(['minPainted']);
  });

  it('fails each timing budget it misses, and the bare-walk ratio only on pages held to it', () => {
    expect(
      budgetsMissed({
        ...withExtension({ longestTaskMs: 51, firstHighlightSinceScriptMs: 101 }),
        ratios: { markRegExpOverExtension: 4.9, extensionOverFloor: 2.6 },
      }),
    ).toEqual([
      'longestTaskMs',
      'firstHighlightMs',
      'markRegExpOverExtension',
      'extensionOverFloor',
    ]);
    expect(
      budgetsMissed({
        ...generated,
        floorBudget: false,
        ratios: { markRegExpOverExtension: 6, extensionOverFloor: 9 },
      }),
    ).toEqual([]);
  });

  it('holds the content script to its gzip budget', () => {
    expect(sizeMiss(BUDGETS.gzipKB * 1024)).toBeNull();
    expect(sizeMiss(BUDGETS.gzipKB * 1024 + 1)?.budget).toBe('gzipKB');
  });
});
