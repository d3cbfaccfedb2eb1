import { browser, type Browser } from 'wxt/browser';
import { TERM_IDS } from '../../glossary/terms.ts';
import type { TermId } from '../../glossary/types.ts';
import {
  isToBackground,
  type CountsReply,
  type PageReport,
  type ToBackground,
  type ToContent,
} from '../shared/messages.ts';

/** The tab the popup acts for, with its URL when the browser shows it (activeTab). */
export interface PopupTab {
  readonly id: number;
  readonly url: string | null;
}

/** What the popup knows of the page in its tab. */
export interface PageState {
  /** Whether the page's top frame has a content script that answers (false on browser pages). */
  readonly reachable: boolean;
  /** The page's URL as its content scripts reported it, if they did. */
  readonly url: string | null;
  readonly total: number;
  readonly counts: Partial<Record<TermId, number>>;
}

/** A keyboard command and the keys it is bound to ('' when none). */
export interface Shortcut {
  readonly name: string;
  readonly shortcut: string;
}

/** Everything the popup needs from the browser; tests hand it a fake. */
export interface PopupHost {
  readonly preferredLanguages: readonly string[];
  /** `popup.html?tabId=N` acts for tab N; otherwise for the active tab of the current window. */
  currentTab(): Promise<PopupTab | null>;
  /** The page's counts over all its frames, and whether a content script runs there. */
  pageState(tabId: number): Promise<PageState>;
  /** Scrolls the page to the term's next occurrence and opens its tooltip. */
  nextOccurrence(tabId: number, termId: TermId): Promise<void>;
  /** Calls `onChange` when a frame of the tab reports new counts or the tab loads a page. */
  watchPage(tabId: number, onChange: () => void): () => void;
  shortcuts(): Promise<readonly Shortcut[]>;
  openOptions(): void;
  /** Opens this popup in a browser tab, still acting for `tabId`. */
  openInTab(tabId: number): void;
}

const asCountsReply = (value: unknown): CountsReply | null =>
  typeof value === 'object' && value !== null && typeof (value as CountsReply).total === 'number'
    ? (value as CountsReply)
    : null;

/**
 * Combines the top frame's own answer with the background's per-frame reports: the background
 * sums all frames but forgets them when its service worker is stopped, the top frame knows only
 * itself, so each term takes the larger of the two.
 */
export function mergeCounts(top: CountsReply | null, report: PageReport | null): PageState {
  const counts: Partial<Record<TermId, number>> = {};
  let total = 0;
  for (const id of TERM_IDS) {
    const n = Math.max(top?.counts[id] ?? 0, report?.counts[id] ?? 0);
    if (n > 0) counts[id] = n;
    total += n;
  }
  const url = typeof top?.url === 'string' ? top.url : (report?.url ?? null);
  return { reachable: top !== null, url, total, counts };
}

/** The popup's host in a real browser. */
export function browserPopupHost(location: Location, preferred: readonly string[]): PopupHost {
  const requested = Number(new URLSearchParams(location.search).get('tabId') ?? NaN);
  return {
    preferredLanguages: preferred,
    async currentTab() {
      try {
        const tab = Number.isInteger(requested)
          ? await browser.tabs.get(requested)
          : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
        return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? null };
      } catch {
        return null;
      }
    },
    async pageState(tabId) {
      const ask: ToContent = { type: 'get-counts' };
      const askBackground: ToBackground = { type: 'page-report', tabId };
      const [top, report] = await Promise.all([
        browser.tabs
          .sendMessage(tabId, ask, { frameId: 0 })
          .then(asCountsReply)
          .catch(() => null),
        browser.runtime
          .sendMessage(askBackground)
          .then((r) => (r ?? null) as PageReport | null)
          .catch(() => null),
      ]);
      return mergeCounts(top, report);
    },
    async nextOccurrence(tabId, termId) {
      const message: ToContent = { type: 'next-occurrence', termId };
      await browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
    },
    watchPage(tabId, onChange) {
      const onMessage = (message: unknown, sender: Browser.runtime.MessageSender): undefined => {
        if (isToBackground(message) && message.type === 'occurrences' && sender.tab?.id === tabId)
          onChange();
        return undefined;
      };
      const onUpdated = (id: number, change: Browser.tabs.OnUpdatedInfo): void => {
        if (id === tabId && (change.status === 'complete' || change.url !== undefined)) onChange();
      };
      browser.runtime.onMessage.addListener(onMessage);
      browser.tabs.onUpdated.addListener(onUpdated);
      return () => {
        browser.runtime.onMessage.removeListener(onMessage);
        browser.tabs.onUpdated.removeListener(onUpdated);
      };
    },
    async shortcuts() {
      const commands = await browser.commands.getAll().catch(() => []);
      return commands.map((c) => ({ name: c.name ?? '', shortcut: c.shortcut ?? '' }));
    },
    openOptions() {
      void browser.runtime.openOptionsPage();
    },
    openInTab(tabId) {
      const url = `${browser.runtime.getURL('/popup.html')}?tabId=${tabId}`;
      void browser.tabs.create({ url }).then(() => {
        window.close();
      });
    },
  };
}
