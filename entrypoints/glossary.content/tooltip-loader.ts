import { browser } from 'wxt/browser';
import type { TermId } from '../../glossary/types.ts';
import type { LanguageSetting } from '../shared/settings-schema.ts';
import {
  TOOLTIP_FILE,
  TOOLTIP_GLOBAL,
  type PointerPoint,
  type TooltipChunk,
  type TooltipInstance,
} from '../glossary-tooltip/api.ts';

/** Imports the chunk once per frame; it leaves its entry point on the isolated world's global. */
let chunk: Promise<TooltipChunk | null> | null = null;

function loadChunk(): Promise<TooltipChunk | null> {
  chunk ??= import(/* @vite-ignore */ browser.runtime.getURL(`/${TOOLTIP_FILE}`)).then(
    () =>
      ((globalThis as Record<string, unknown>)[TOOLTIP_GLOBAL] as TooltipChunk | undefined) ?? null,
    () => null,
  );
  return chunk;
}

/**
 * The tooltip, loaded on first need: when the page world first reports a term, or the "next term"
 * command comes. Pages without terms never load it.
 */
export class TooltipLoader {
  private instance: Promise<TooltipInstance | null> | null = null;
  private pointer: PointerPoint | null = null;

  constructor(
    private readonly doc: Document,
    private readonly language: () => LanguageSetting,
    signal: AbortSignal,
  ) {
    // Until the chunk is there, only where the pointer is gets noted.
    const listen = { capture: true, passive: true, signal };
    doc.defaultView?.addEventListener('pointermove', this.notePointer, listen);
  }

  /** Loads and starts the tooltip (once). */
  load(): Promise<TooltipInstance | null> {
    this.instance ??= loadChunk().then((c) => {
      const instance = c?.create(this.doc, this.language, this.pointer) ?? null;
      if (instance !== null)
        this.doc.defaultView?.removeEventListener('pointermove', this.notePointer, true);
      return instance;
    });
    return this.instance;
  }

  private readonly notePointer = (event: PointerEvent): void => {
    this.pointer = event.pointerType === 'touch' ? null : { x: event.clientX, y: event.clientY };
  };

  async next(termId?: TermId): Promise<void> {
    (await this.load())?.next(termId);
  }

  /** Stops the tooltip and removes its UI; a later `load` starts a new one. */
  dispose(): void {
    const instance = this.instance;
    this.instance = null;
    void instance?.then((t) => t?.dispose());
  }
}
