import { describe, expect, it } from 'vitest';
import {
  BUDGETS,
  missedBudgets,
  renderBudgetMs,
  sizeMiss,
  type FramesFigures,
  type PageFigures,
} from '../../bench/budgets.ts';

const generated: PageFigures = {
  page: 'generated',
  floorBudget: true,
  floor: { coldMs: 100 },
  expectedOccurrences: 31_730,
  ratios: { markRegExpOverExtension: 4, extensionOverFloor: 2 },
  extension: {
    longestTaskMs: 20,
    firstHighlightSinceScriptMs: 40,
    occurrences: 31_730,
    ranges: 2002,
  },
  rendering: { withExtensionMs: 250, withoutExtensionMs: 100 },
};
const frames: FramesFigures = { frames: 20, extensionMs: 30, emptyMs: 3 };
const withExtension = (ext: Partial<PageFigures['extension']>): PageFigures => ({
  ...generated,
  extension: { ...generated.extension, ...ext },
});
const budgetsMissed = (page: PageFigures, gzipBytes = 20_000): string[] =>
  missedBudgets([page], gzipBytes).map((m) => m.budget);

describe('the benchmark budgets', () => {
  it('passes a run that meets every budget', () => {
    expect(missedBudgets([generated], 20_000, frames)).toEqual([]);
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
        ratios: { markRegExpOverExtension: 2.9, extensionOverFloor: 2.6 },
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
        ratios: { markRegExpOverExtension: 4, extensionOverFloor: 9 },
      }),
    ).toEqual([]);
  });

  it('allows the extension twice the bare walk of rendering, with slack on small pages', () => {
    expect(renderBudgetMs(100)).toBe(200);
    expect(renderBudgetMs(BUDGETS.smallPageFloorMs - 10)).toBe(
      2 * (BUDGETS.smallPageFloorMs - 10) + BUDGETS.renderSlackMs,
    );
    const rendering = (added: number, floorMs: number): PageFigures => ({
      ...generated,
      floor: { coldMs: floorMs },
      ratios: { ...generated.ratios, extensionOverFloor: 1 },
      rendering: { withExtensionMs: 40 + added, withoutExtensionMs: 40 },
    });
    expect(budgetsMissed(rendering(200, 100))).toEqual([]);
    expect(budgetsMissed(rendering(201, 100))).toEqual(['renderOverFloor']);
    expect(budgetsMissed(rendering(139, 20))).toEqual([]);
    expect(budgetsMissed(rendering(141, 20))).toEqual(['renderOverFloor']);
    expect(budgetsMissed({ ...generated, rendering: null })).toEqual([]);
  });

  it("measures the rendering allowance from the walk's CPU time where the run has it", () => {
    const page: PageFigures = {
      ...generated,
      floor: { coldMs: 100, coldCpuMs: 80 },
      ratios: { ...generated.ratios, extensionOverFloor: 1 },
      rendering: { withExtensionMs: 200, withoutExtensionMs: 40 },
    };
    expect(budgetsMissed(page)).toEqual([]);
    expect(
      budgetsMissed({ ...page, rendering: { withExtensionMs: 201, withoutExtensionMs: 40 } }),
    ).toEqual(['renderOverFloor']);
  });

  it('holds the frames page to a multiple of an empty content script', () => {
    expect(missedBudgets([], 20_000, { ...frames, extensionMs: 45 })).toEqual([]);
    expect(
      missedBudgets([], 20_000, { ...frames, extensionMs: 45.1 }).map((m) => m.budget),
    ).toEqual(['framesOverEmpty']);
  });

  it('holds the always-loaded content script to its gzip budget', () => {
    expect(sizeMiss(BUDGETS.gzipKB * 1024)).toBeNull();
    expect(sizeMiss(BUDGETS.gzipKB * 1024 + 1)?.budget).toBe('gzipKB');
  });
});
