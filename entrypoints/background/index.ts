import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { isToBackground, type CountsReply, type ToContent } from '../shared/messages.ts';
import { BadgeCounts, badgeText } from './badge.ts';
import { PageReports } from './page-reports.ts';
import { toggleSiteOfTab } from './toggle-site.ts';

export default defineBackground(() => {
  const counts = new BadgeCounts();
  const reports = new PageReports();
  // MV2 (Firefox) calls the toolbar button browserAction.
  const action = (browser.action as typeof browser.action | undefined) ?? browser.browserAction;

  const showTotal = (tabId: number, total: number): void => {
    // The tab may be gone by now; a badge for a closed tab is nothing to report.
    Promise.resolve(action.setBadgeText({ tabId, text: badgeText(total) })).catch(() => undefined);
  };

  browser.runtime.onMessage.addListener(
    (message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined => {
      if (!isToBackground(message)) return undefined;
      if (message.type === 'page-report') return Promise.resolve(reports.report(message.tabId));
      const tabId = sender.tab?.id;
      // The top frame's own URL stands in where the browser leaves tab.url out.
      const tabUrl = sender.tab?.url ?? (sender.frameId === 0 ? sender.url : undefined);
      if (message.type === 'top-url') {
        if (tabId !== undefined) reports.noteUrl(tabId, tabUrl);
        return Promise.resolve(sender.tab?.url ?? null);
      }
      if (tabId !== undefined) {
        reports.record(tabId, sender.frameId ?? 0, tabUrl, message.counts);
        showTotal(tabId, counts.set(tabId, sender.frameId ?? 0, message.total));
      }
      return undefined;
    },
  );

  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document in the tab: its frames will report afresh.
    if (change.status === 'loading') {
      counts.forget(tabId);
      reports.forget(tabId);
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    counts.forget(tabId);
    reports.forget(tabId);
  });
  void action.setBadgeBackgroundColor({ color: '#0f4c5c' });

  // Without a URL on the tab: what its frames reported, else the top frame's own answer (a
  // content script that adds its `url` to the get-counts reply; see CountsReply).
  const reportedUrl = async (tabId: number): Promise<string | null> => {
    const known = reports.report(tabId).url;
    if (known !== null) return known;
    const ask: ToContent = { type: 'get-counts' };
    const reply = (await browser.tabs
      .sendMessage(tabId, ask, { frameId: 0 })
      .catch(() => null)) as CountsReply | null;
    return typeof reply?.url === 'string' ? reply.url : null;
  };

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-site') {
      void toggleSiteOfTab(tab, (tabId) => reportedUrl(tabId)).catch(() => undefined);
      return;
    }
    if (command !== 'next-term' || tab?.id === undefined) return;
    const message: ToContent = { type: 'next-occurrence' };
    void browser.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => undefined);
  });
});
