import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { TOOLTIP_GLOBAL, type TooltipChunk } from './api.ts';
import { PageTermLocator } from './term-locator.ts';
import { TooltipController } from './tooltip-controller.ts';

// The tooltip chunk: Preact, Floating UI, the glossary's texts and the matcher, loaded by the
// isolated half only on pages with terms. It hands over its entry point and does nothing else.
const chunk: TooltipChunk = {
  create(doc, language, hint) {
    const controller = new TooltipController({ doc, language, locator: new PageTermLocator(doc) });
    controller.start();
    // What happened before the chunk was there: a pointer resting on a term gets its tooltip
    // without moving again, a tap on its way still counts as one, a selection is looked at.
    if (hint.touch) controller.noteTouch();
    if (hint.pointer !== null) controller.pointAt(hint.pointer.x, hint.pointer.y);
    if (hint.tap !== null) controller.clickAt(hint.tap.x, hint.tap.y, hint.tap.target);
    controller.selectionChanged();
    return {
      next: (termId) => {
        controller.next(termId);
      },
      dispose: () => {
        controller.dispose();
      },
    };
  },
};

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[TOOLTIP_GLOBAL] = chunk;
});
