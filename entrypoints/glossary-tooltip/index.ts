import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { TOOLTIP_GLOBAL, type TooltipChunk } from './api.ts';
import { PageTermLocator } from './term-locator.ts';
import { TooltipController } from './tooltip-controller.ts';

// The tooltip chunk: Preact, Floating UI, the glossary's texts and the matcher, loaded by the
// isolated half only on pages with terms. It hands over its entry point and does nothing else.
const chunk: TooltipChunk = {
  create(doc, language, pointer) {
    const controller = new TooltipController({ doc, language, locator: new PageTermLocator(doc) });
    controller.start();
    // A pointer already resting on a term gets its tooltip without having to move again.
    if (pointer !== null) controller.pointAt(pointer.x, pointer.y);
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
