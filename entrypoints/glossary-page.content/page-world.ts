import {
  COMMAND_EVENT,
  COUNTS_EVENT,
  decodeCommand,
  decodeNext,
  encodeCounts,
  encodeFound,
  FOUND_EVENT,
  NEXT_EVENT,
  READY_EVENT,
  type Command,
} from '../shared/bridge.ts';
import { canHighlight, captureNatives, nullProto } from './natives.ts';
import { PageGlossary } from './page-glossary.ts';

/**
 * Wires the page-world half to the document: takes the built-ins now, announces itself, and runs a
 * PageGlossary while the isolated half's commands say so (a preview while the document is parsed,
 * the scan proper from DOMContentLoaded). Reports
 * counts and answers "next term" requests with events on the document.
 */
export function runPageWorld(win: Window & typeof globalThis, shadowSheets: boolean): void {
  if (!canHighlight(win)) return;
  const natives = captureNatives(win);
  const doc = win.document;
  let glossary: PageGlossary | null = null;
  let wanted: Extract<Command, { type: 'start' }> | null = null;

  const emit = (target: Node, type: string, detail: string): void => {
    const init = nullProto({ detail, bubbles: true, composed: true });
    natives.dispatchEvent(target, new natives.CustomEvent(type, init));
  };

  const apply = (): void => {
    if (glossary !== null && (wanted === null || wanted.firstOnly !== glossary.firstOnly)) {
      glossary.stop();
      glossary = null;
      emit(doc, COUNTS_EVENT, '0');
    }
    if (wanted !== null && glossary === null) {
      glossary = new PageGlossary(doc, {
        look: wanted.look,
        firstOnly: wanted.firstOnly,
        natives,
        shadowSheets,
        countDelayMs: 200,
        onCounts: (total, counts) => {
          emit(doc, COUNTS_EVENT, encodeCounts(total, counts));
        },
      });
    } else if (wanted !== null) {
      glossary?.setLook(wanted.look);
    }
    // While the parser runs, what has arrived is previewed; the scan proper starts once it is done.
    if (glossary === null) return;
    if (doc.readyState === 'loading') glossary.preview();
    else glossary.start();
  };

  const listen = nullProto({ capture: true });
  natives.addEventListener(
    doc,
    COMMAND_EVENT,
    (event: Event) => {
      const command = decodeCommand(natives.eventDetail(event as CustomEvent));
      if (command === null) return;
      wanted = command.type === 'start' ? command : null;
      apply();
    },
    listen,
  );
  natives.addEventListener(
    doc,
    NEXT_EVENT,
    (event: Event) => {
      const request = decodeNext(natives.eventDetail(event as CustomEvent));
      if (request === null || glossary === null) return;
      const target = natives.composedPath(event)[0];
      const from =
        target !== undefined && (target as Node).nodeType === 3 ? (target as Text) : null;
      const occ = glossary.next(request.termId, from, request.offset);
      if (occ !== null) emit(occ.text, FOUND_EVENT, encodeFound(occ));
    },
    listen,
  );
  if (doc.readyState === 'loading') {
    natives.addEventListener(doc, 'DOMContentLoaded', apply, nullProto({ once: true }));
  }
  emit(doc, READY_EVENT, '');
}
