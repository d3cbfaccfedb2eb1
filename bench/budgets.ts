// The extension's performance and size budgets, in one table. `npm run bench:check` holds a
// benchmark run to all of them; `npm test` holds the build to the (deterministic) size budget.
// The content script's redesign tightens them here.

export const BUDGETS = {
  /**
   * mark.js markRegExp time ÷ extension script time, at least, on every page (aim 10). The script
   * ratios compare thread CPU time: the floor and mark.js run on a page at rest, the extension
   * while the page loads, when on this 2-core machine its thread ran for half its wall time.
   */
  markRegExpOverExtension: 3,
  /** Extension script time ÷ bare walk, at most, on every page (aim 1.5). */
  extensionOverFloor: 2.5,
  /** The extension's longest own main-thread task, at most. */
  longestTaskMs: 50,
  /** From the first of the extension's scripts starting to the first frame with a highlight, at most. */
  firstHighlightMs: 100,
  /**
   * What the extension adds to the page's own rendering (main-thread UpdateLayoutTree, PrePaint,
   * Paint and Commit; extension on minus no extension), at most this many times the bare walk…
   */
  renderOverFloor: 2,
  /** …plus this much on small pages… */
  renderSlackMs: 100,
  /** …which are those whose bare walk takes less than this. */
  smallPageFloorMs: 30,
  /** The extension's script time over all frames of the frames page ÷ an empty content script's. */
  framesOverEmpty: 15,
  /** The always-loaded content-script code (each file gzipped at level 9, summed), at most. */
  gzipKB: 30,
  /** Where the size should head; reported, not enforced. */
  gzipAimKB: 20,
  /**
   * Painted occurrences after the scroll through the generated page, at least (or all of them,
   * if fewer): the extension paints this many at once and the rest near the viewport.
   */
  minPainted: 2000,
  /**
   * What the injected ::highlight() sheet may add to a page's own style recalculation (CPU time of
   * UpdateLayoutTree, extension switched off against no extension), at most; bench/style-recalc.ts.
   */
  styleRecalcSheetCost: 0.05,
} as const;

export type BudgetName =
  Exclude<keyof typeof BUDGETS, 'gzipAimKB' | 'renderSlackMs' | 'smallPageFloorMs'> | 'occurrences';

/** The figures of one benchmarked page that budgets apply to (as in bench/results.json). */
export interface PageFigures {
  readonly page: string;
  /** Held to the bare-walk budget (every benchmarked page today). */
  readonly floorBudget: boolean;
  /**
   * The bare walk: a TreeWalker pass over the body's text, the first after load, wall and thread
   * CPU time (the latter absent from runs made before it was measured).
   */
  readonly floor: { readonly coldMs: number; readonly coldCpuMs?: number };
  /** What the matcher finds in the page's text, where the page is generated (else null). */
  readonly expectedOccurrences: number | null;
  readonly ratios: {
    readonly markRegExpOverExtension: number;
    readonly extensionOverFloor: number;
  };
  readonly extension: {
    readonly longestTaskMs: number;
    readonly firstHighlightSinceScriptMs: number | null;
    /** Occurrences the extension counted. */
    readonly occurrences: number;
    /** Ranges painted once settled. */
    readonly ranges: number;
  };
  /** The page's own rendering work (ms), least of its runs; null when not measured. */
  readonly rendering: {
    readonly withExtensionMs: number;
    readonly withoutExtensionMs: number;
  } | null;
}

/** The frames page: the extension's script time over all its frames against an empty script's. */
export interface FramesFigures {
  readonly frames: number;
  readonly extensionMs: number;
  readonly emptyMs: number;
}

/** The bare walk's time the budgets use: thread CPU time, like the figures held to it. */
export function floorMsOf(floor: PageFigures['floor']): number {
  return floor.coldCpuMs ?? floor.coldMs;
}

/** What the extension may add to a page's rendering, given the page's bare walk (ms). */
export function renderBudgetMs(floorMs: number): number {
  const slack = floorMs < BUDGETS.smallPageFloorMs ? BUDGETS.renderSlackMs : 0;
  return BUDGETS.renderOverFloor * floorMs + slack;
}

export interface Miss {
  /** The page's name, or null for the content script's size. */
  readonly page: string | null;
  readonly budget: BudgetName;
  readonly message: string;
}

const f = (n: number, digits = 0): string => n.toFixed(digits);

/** The always-loaded content script's size budget: a miss, or null when it fits. */
export function sizeMiss(gzipBytes: number): Miss | null {
  const kb = gzipBytes / 1024;
  return kb > BUDGETS.gzipKB
    ? {
        page: null,
        budget: 'gzipKB',
        message: `content script ${f(kb, 1)} KB gzipped > ${BUDGETS.gzipKB} KB`,
      }
    : null;
}

/** Every budget the figures miss, one entry each (empty when all are met). */
export function missedBudgets(
  pages: readonly PageFigures[],
  gzipBytes: number,
  frames: FramesFigures | null = null,
): Miss[] {
  const missed: Miss[] = [];
  for (const p of pages) {
    const miss = (budget: BudgetName, bad: boolean, message: string): void => {
      if (bad) missed.push({ page: p.page, budget, message: `${p.page}: ${message}` });
    };
    const { extension: ext, ratios } = p;
    // An extension that finds or paints less than the matcher would get ratios it did not earn.
    if (p.expectedOccurrences !== null) {
      miss(
        'occurrences',
        ext.occurrences !== p.expectedOccurrences,
        `counted ${ext.occurrences} occurrences, the matcher finds ${p.expectedOccurrences}`,
      );
      const floor = Math.min(p.expectedOccurrences, BUDGETS.minPainted);
      miss('minPainted', ext.ranges < floor, `painted ${ext.ranges} occurrences < ${floor}`);
    }
    miss(
      'longestTaskMs',
      ext.longestTaskMs > BUDGETS.longestTaskMs,
      `longest task ${f(ext.longestTaskMs, 1)} ms > ${BUDGETS.longestTaskMs} ms`,
    );
    const first = ext.firstHighlightSinceScriptMs;
    miss(
      'firstHighlightMs',
      first !== null && first > BUDGETS.firstHighlightMs,
      `first highlight ${f(first ?? 0)} ms after the page first painted (or the script started, if later) > ${BUDGETS.firstHighlightMs} ms`,
    );
    miss(
      'markRegExpOverExtension',
      !(ratios.markRegExpOverExtension >= BUDGETS.markRegExpOverExtension),
      `mark.js markRegExp only ${f(ratios.markRegExpOverExtension, 1)}× the extension's time (< ${BUDGETS.markRegExpOverExtension}×)`,
    );
    miss(
      'extensionOverFloor',
      p.floorBudget && !(ratios.extensionOverFloor <= BUDGETS.extensionOverFloor),
      `extension ${f(ratios.extensionOverFloor, 1)}× the bare walk (> ${BUDGETS.extensionOverFloor}×)`,
    );
    if (p.rendering !== null) {
      const added = p.rendering.withExtensionMs - p.rendering.withoutExtensionMs;
      const allowed = renderBudgetMs(floorMsOf(p.floor));
      miss(
        'renderOverFloor',
        !(added <= allowed),
        `the extension adds ${f(added)} ms of rendering > ${f(allowed)} ms allowed`,
      );
    }
  }
  if (frames !== null) {
    const ratio = frames.extensionMs / frames.emptyMs;
    if (!(ratio <= BUDGETS.framesOverEmpty)) {
      missed.push({
        page: 'frames',
        budget: 'framesOverEmpty',
        message: `frames: extension ${f(ratio, 1)}× an empty content script over ${frames.frames} frames (> ${BUDGETS.framesOverEmpty}×)`,
      });
    }
  }
  const size = sizeMiss(gzipBytes);
  if (size !== null) missed.push(size);
  return missed;
}
