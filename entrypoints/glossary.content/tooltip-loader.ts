import { browser } from 'wxt/browser';
import type { TermId } from '../../glossary/types.ts';
import type { LanguageSetting } from '../shared/settings-schema.ts';
import {
  TOOLTIP_FILE,
  TOOLTIP_GLOBAL,
  type ReaderHint,
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
 * The tooltip, loaded on first use: once the page world has reported a term, at the reader's
 * first pointer move, touch or selection, or when the "next term" command comes. Pages without
 * terms never load it, and neither do frames nobody points at.
 */
export class TooltipLoader {
  private instance: Promise<TooltipInstance | null> | null = null;
  private armed = false;
  private readonly hint: { -readonly [K in keyof ReaderHint]: ReaderHint[K] } = {
    pointer: null,
    touch: false,
    tap: null,
  };

  constructor(
    private readonly doc: Document,
    private readonly language: () => LanguageSetting,
    signal: AbortSignal,
  ) {
    // Until the chunk is there, these only note where the reader is and load it when armed.
    const listen = { capture: true, passive: true, signal };
    doc.defaultView?.addEventListener('pointermove', this.onPointer, listen);
    doc.defaultView?.addEventListener('pointerdown', this.onPointer, listen);
    doc.defaultView?.addEventListener('click', this.onClick, listen);
    doc.addEventListener('selectionchange', this.onSelection, listen);
  }

  /** The page has terms: the tooltip loads at the reader's next move. */
  arm(): void {
    this.armed = true;
  }

  /** Loads and starts the tooltip (once). */
  load(): Promise<TooltipInstance | null> {
    this.instance ??= loadChunk().then(
      (c) => c?.create(this.doc, this.language, { ...this.hint }) ?? null,
    );
    return this.instance;
  }

  async next(termId?: TermId): Promise<void> {
    (await this.load())?.next(termId);
  }

  /** Stops the tooltip and removes its UI; it loads again once armed again. */
  dispose(): void {
    const instance = this.instance;
    this.instance = null;
    this.armed = false;
    void instance?.then((t) => t?.dispose());
  }

  private readonly onPointer = (event: PointerEvent): void => {
    const touch = event.pointerType === 'touch';
    this.hint.touch = touch;
    this.hint.tap = null;
    this.hint.pointer = touch ? null : { x: event.clientX, y: event.clientY };
    if (this.armed && this.instance === null) void this.load();
  };

  // A tap's click can come before the chunk it started loading is there: it is handed over.
  private readonly onClick = (event: MouseEvent): void => {
    const loading = this.instance !== null && this.hint.touch;
    this.hint.tap = loading ? { x: event.clientX, y: event.clientY, target: event.target } : null;
  };

  private readonly onSelection = (): void => {
    if (this.armed && this.instance === null) void this.load();
  };
}
