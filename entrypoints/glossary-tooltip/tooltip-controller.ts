import {
  autoUpdate,
  computePosition,
  flip,
  offset,
  shift,
  size,
  type VirtualElement,
} from '@floating-ui/dom';
import { h, render } from 'preact';
import { TERM_BY_ID } from '../../glossary/terms.ts';
import type { Lang, TermId } from '../../glossary/types.ts';
import { tooltipText as t } from './tooltip-i18n.ts';
import { chooseLanguage } from '../shared/language.ts';
import type { LanguageSetting } from '../shared/settings-schema.ts';
import { rangeOf, sameOccurrence } from './hit-test.ts';
import type { Occurrence, TermLocator } from './term-locator.ts';
import { Tooltip } from './Tooltip.tsx';
import { createUiHost, type UiHost } from './ui-host.ts';

export interface TooltipControllerOptions {
  readonly doc: Document;
  readonly locator: TermLocator;
  readonly language: () => LanguageSetting;
  /** How long the pointer must rest on a term before its tooltip opens. */
  readonly openDelayMs?: number;
  /** How long the tooltip stays after the pointer left both the term and the tooltip. */
  readonly closeDelayMs?: number;
}

interface OpenTooltip {
  readonly occ: Occurrence;
  readonly range: Range;
  /** Opened by keyboard, touch or selection: the pointer's wanderings do not close it. */
  readonly pinned: boolean;
  readonly stopPositioning: () => void;
}

// Taps on these keep their own meaning: a term inside a link stays a link.
const INTERACTIVE =
  'a[href], button, input, select, textarea, label, summary, [role="button"], [role="link"]';

/**
 * Opens and closes the term tooltip, as WCAG 2.2 SC 1.4.13 asks: after a short rest of the
 * pointer, hoverable, persistent while pointed at, dismissible with Escape. Also by tap, by
 * selecting a term's text, and by the "next term" keyboard command. The UI host is created on
 * first use; every listener goes when `dispose` is called.
 */
export class TooltipController {
  private ui: UiHost | null = null;
  private current: OpenTooltip | null = null;
  private pending: Occurrence | null = null;
  private openTimer = 0;
  private closeTimer = 0;
  private selectionTimer = 0;
  private frame = 0;
  private lastPoint: { x: number; y: number; overUi: boolean; target: unknown } | null = null;
  private lastInput: 'pointer' | 'touch' | 'keyboard' = 'pointer';
  private readonly abort = new AbortController();
  private readonly win: Window;
  private readonly openDelay: number;
  private readonly closeDelay: number;

  constructor(private readonly options: TooltipControllerOptions) {
    const win = options.doc.defaultView;
    if (win === null) throw new Error('A tooltip needs a document with a window.');
    this.win = win;
    this.openDelay = options.openDelayMs ?? 300;
    this.closeDelay = options.closeDelayMs ?? 300;
  }

  /** The UI host element once it exists (the scanner leaves it alone). */
  get host(): Element | null {
    return this.ui?.host ?? null;
  }

  /** The occurrence whose tooltip is open. */
  get openOccurrence(): Occurrence | null {
    return this.current?.occ ?? null;
  }

  /** Starts listening to the pointer, taps, the keyboard and the selection. */
  start(): void {
    const listen = { capture: true, passive: true, signal: this.abort.signal };
    this.win.addEventListener('pointermove', this.onPointerMove, listen);
    this.win.addEventListener('pointerdown', this.onPointerDown, listen);
    this.win.addEventListener('pointerout', this.onPointerOut, listen);
    this.win.addEventListener('click', this.onClick, listen);
    this.win.addEventListener('keydown', this.onKeyDown, listen);
    this.options.doc.addEventListener('selectionchange', this.onSelectionChange, listen);
  }

  /** The last pointer down was a touch. */
  noteTouch(): void {
    this.lastInput = 'touch';
  }

  /** Looks at the selection as if it had just changed. */
  selectionChanged(): void {
    this.onSelectionChange();
  }

  /** Treats a point as where the pointer rests now (as if it had just moved there). */
  pointAt(x: number, y: number): void {
    this.lastPoint = { x, y, overUi: false, target: null };
    this.followPointer();
  }

  /** Closes the tooltip, removes the UI host and every listener. */
  dispose(): void {
    this.abort.abort();
    this.close();
    this.win.clearTimeout(this.selectionTimer);
    this.win.cancelAnimationFrame(this.frame);
    this.ui?.remove();
    this.ui = null;
  }

  /**
   * Moves to the occurrence after the open one (or the first one from the viewport down),
   * optionally of one term only: scrolls it into view, opens its tooltip and announces it.
   */
  next(termId?: TermId): Occurrence | null {
    const target = this.options.locator.next(termId ?? null, this.current?.occ ?? null);
    if (target === null) return null;
    target.text.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
    this.open(target, true);
    this.announce(target);
    return target;
  }

  /** Opens the tooltip for an occurrence now. */
  open(occ: Occurrence, pinned: boolean): void {
    this.cancelTimers();
    this.pending = null;
    if (sameOccurrence(this.current?.occ ?? null, occ)) return;
    this.close();
    const range = rangeOf(occ);
    if (range === null) return;
    const ui = (this.ui ??= createUiHost(this.options.doc));
    render(
      h(Tooltip, {
        key: `${occ.termId}:${occ.start}`,
        termId: occ.termId,
        lang: this.languageFor(occ),
        onClose: () => {
          this.close();
        },
      }),
      ui.mount,
    );
    const floating = ui.mount.firstElementChild as HTMLElement | null;
    if (floating === null) return;
    const reference: VirtualElement = {
      getBoundingClientRect: () => range.getBoundingClientRect(),
      getClientRects: () => range.getClientRects(),
      contextElement: occ.text.parentElement ?? undefined,
    };
    const win = this.win;
    const place = (): void => {
      if (!occ.text.isConnected) {
        this.close();
        return;
      }
      void computePosition(reference, floating, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(8),
          flip({ padding: 8, fallbackStrategy: 'bestFit' }),
          // crossAxis: where the tooltip is taller than the room beside the term, it slides over
          // the term rather than off the screen.
          shift({ padding: 8, crossAxis: true }),
          // Where neither side has room for all of it, it scrolls inside rather than overflow:
          // 160 px to read in at least, but never more than the viewport holds.
          size({
            padding: 8,
            apply({ availableHeight }) {
              const readable = Math.min(160, win.innerHeight - 16);
              floating.style.setProperty(
                'max-height',
                `${Math.max(readable, Math.floor(availableHeight))}px`,
              );
            },
          }),
        ],
      }).then(({ x, y }) => {
        floating.style.setProperty('left', `${Math.round(x)}px`);
        floating.style.setProperty('top', `${Math.round(y)}px`);
      });
    };
    this.current = { occ, range, pinned, stopPositioning: autoUpdate(reference, floating, place) };
  }

  /** Closes the tooltip (the host stays for the next one). */
  close(): void {
    this.cancelTimers();
    this.closeCurrent();
  }

  // Only the open tooltip: a term the pointer moved on to keeps its pending open.
  private closeCurrent(): void {
    if (this.current === null) return;
    this.current.stopPositioning();
    this.current = null;
    if (this.ui !== null) render(null, this.ui.mount);
  }

  private languageFor(occ: Occurrence): Lang {
    const langOwner = occ.text.parentElement?.closest('[lang]');
    const pageLang = langOwner?.getAttribute('lang') ?? this.options.doc.documentElement.lang;
    return chooseLanguage(this.options.language(), pageLang, this.win.navigator.languages);
  }

  private announce(occ: Occurrence): void {
    const live = this.ui?.live;
    if (live === undefined) return;
    const lang = this.languageFor(occ);
    const term = TERM_BY_ID[occ.termId];
    live.textContent = '';
    // A fresh node each time, so the same text is announced again.
    this.win.requestAnimationFrame(() => {
      live.textContent = t(lang, 'announceTerm', term.label[lang], term.definition[lang]);
    });
  }

  private cancelTimers(): void {
    this.win.clearTimeout(this.openTimer);
    this.win.clearTimeout(this.closeTimer);
  }

  private scheduleClose(): void {
    if (this.current === null || this.current.pinned) return;
    this.win.clearTimeout(this.closeTimer);
    this.closeTimer = this.win.setTimeout(() => {
      this.closeCurrent();
    }, this.closeDelay);
  }

  private occurrenceAt(x: number, y: number): Occurrence | null {
    return this.options.locator.at(x, y);
  }

  private isInUi(event: Event): boolean {
    return this.ui !== null && event.composedPath().includes(this.ui.host);
  }

  private readonly onPointerMove = (event: PointerEvent): void => {
    if (event.pointerType === 'touch') return;
    this.lastInput = 'pointer';
    this.lastPoint = {
      x: event.clientX,
      y: event.clientY,
      overUi: this.isInUi(event),
      // The innermost element, inside open shadow roots too.
      target: event.composedPath()[0],
    };
    if (this.frame === 0) {
      this.frame = this.win.requestAnimationFrame(() => {
        this.frame = 0;
        this.followPointer();
      });
    }
  };

  private followPointer(): void {
    const point = this.lastPoint;
    if (point === null) return;
    if (point.overUi) {
      // On the tooltip itself: it stays (hoverable), and nothing else opens.
      this.win.clearTimeout(this.closeTimer);
      this.win.clearTimeout(this.openTimer);
      this.pending = null;
      return;
    }
    const occ = this.occurrenceAt(point.x, point.y);
    if (occ !== null && sameOccurrence(occ, this.current?.occ ?? null)) {
      this.win.clearTimeout(this.closeTimer);
      this.win.clearTimeout(this.openTimer);
      this.pending = null;
      return;
    }
    if (occ === null) {
      this.win.clearTimeout(this.openTimer);
      this.pending = null;
      this.scheduleClose();
      return;
    }
    this.scheduleClose();
    if (sameOccurrence(occ, this.pending)) return;
    // A new term under the pointer: it opens only if the pointer rests on it.
    this.pending = occ;
    this.win.clearTimeout(this.openTimer);
    this.openTimer = this.win.setTimeout(() => {
      if (this.pending === occ) this.open(occ, false);
    }, this.openDelay);
  }

  private readonly onPointerOut = (event: PointerEvent): void => {
    if (event.relatedTarget !== null || event.pointerType === 'touch') return;
    // The pointer left the window.
    this.win.clearTimeout(this.openTimer);
    this.pending = null;
    this.lastPoint = null;
    this.scheduleClose();
  };

  private readonly onPointerDown = (event: PointerEvent): void => {
    this.lastInput =
      event.pointerType === 'touch' || event.pointerType === 'pen' ? 'touch' : 'pointer';
  };

  private readonly onClick = (event: MouseEvent): void => {
    if (this.isInUi(event)) return;
    this.clickAt(event.clientX, event.clientY, event.target);
  };

  /** A click or tap at a point, on `target` (also one that came before the chunk loaded). */
  clickAt(x: number, y: number, target: unknown): void {
    if (this.current === null && this.lastInput !== 'touch') return;
    const occ = this.occurrenceAt(x, y);
    const element = target instanceof Element ? target : null;
    if (occ !== null && this.lastInput === 'touch' && element?.closest(INTERACTIVE) == null) {
      this.open(occ, true);
    } else if (occ === null || !sameOccurrence(occ, this.current?.occ ?? null)) {
      // A tap or click elsewhere closes it.
      this.close();
    }
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    this.lastInput = 'keyboard';
    if (event.key === 'Escape' && this.current !== null) this.close();
  };

  private readonly onSelectionChange = (): void => {
    this.win.clearTimeout(this.selectionTimer);
    this.selectionTimer = this.win.setTimeout(() => {
      this.followSelection();
    }, 150);
  };

  // Selecting a term's text (double-click, or moving the caret with caret browsing) opens it.
  private followSelection(): void {
    const selection = this.options.doc.getSelection();
    if (selection === null || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    if (range.collapsed && this.lastInput !== 'keyboard') return;
    const node = range.startContainer;
    if (node.nodeType !== Node.TEXT_NODE) return;
    const end = range.endContainer === node ? range.endOffset : (node as Text).length;
    const list = this.options.locator.inText(node as Text, range.startOffset, end);
    const occ = range.collapsed
      ? list[0]
      : list.find((o) => o.start < end && o.end > range.startOffset);
    if (occ !== undefined && !sameOccurrence(occ, this.current?.occ ?? null)) this.open(occ, true);
  }
}
