import type { TermId } from '../../glossary/types.ts';
import type { PageReport } from '../shared/messages.ts';

interface TabState {
  url: string | null;
  readonly frames: Map<number, Partial<Record<TermId, number>>>;
}

/**
 * What each tab's content scripts last reported, frame by frame: the popup's counts summed over
 * all frames, and the tab's URL, which the browser passes along with every message from it (the
 * extension has no "tabs" permission, so tabs.get() shows no URL outside an activeTab grant).
 */
export class PageReports {
  private readonly tabs = new Map<number, TabState>();

  /** Records one frame's counts and, when known, the tab's top-level URL. */
  record(
    tabId: number,
    frameId: number,
    url: string | undefined,
    counts: Partial<Record<TermId, number>>,
  ): void {
    const state = this.state(tabId);
    if (url !== undefined) state.url = url;
    if (Object.values(counts).some((n) => n > 0)) state.frames.set(frameId, counts);
    else state.frames.delete(frameId);
  }

  /** Remembers the tab's URL from a message that carries no counts. */
  noteUrl(tabId: number, url: string | undefined): void {
    if (url !== undefined) this.state(tabId).url = url;
  }

  /** The tab's URL (null when none of its frames has spoken yet) and its counts, summed. */
  report(tabId: number): PageReport {
    const state = this.tabs.get(tabId);
    const counts: Partial<Record<TermId, number>> = {};
    let total = 0;
    for (const frame of state?.frames.values() ?? []) {
      for (const [id, n] of Object.entries(frame) as [TermId, number][]) {
        counts[id] = (counts[id] ?? 0) + n;
        total += n;
      }
    }
    return { url: state?.url ?? null, total, counts };
  }

  /** Forgets a tab (closed, or navigated to a new page). */
  forget(tabId: number): void {
    this.tabs.delete(tabId);
  }

  private state(tabId: number): TabState {
    let state = this.tabs.get(tabId);
    if (state === undefined) {
      state = { url: null, frames: new Map() };
      this.tabs.set(tabId, state);
    }
    return state;
  }
}
