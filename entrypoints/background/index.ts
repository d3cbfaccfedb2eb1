import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { isToBackground, type ToContent } from '../shared/messages.ts';
import { BadgeCounts, badgeText } from './badge.ts';

export default defineBackground(() => {
  const counts = new BadgeCounts();
  // MV2 (Firefox) calls the toolbar button browserAction.
  const action = (browser.action as typeof browser.action | undefined) ?? browser.browserAction;

  const showTotal = (tabId: number, total: number): void => {
    // The tab may be gone by now; a badge for a closed tab is nothing to report.
    Promise.resolve(action.setBadgeText({ tabId, text: badgeText(total) })).catch(() => undefined);
  };

  browser.runtime.onMessage.addListener(
    (message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined => {
      if (!isToBackground(message)) return undefined;
      const tabId = sender.tab?.id;
      if (message.type === 'top-url') return Promise.resolve(sender.tab?.url ?? null);
      if (tabId !== undefined)
        showTotal(tabId, counts.set(tabId, sender.frameId ?? 0, message.total));
      return undefined;
    },
  );

  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document in the tab: its frames will report afresh.
    if (change.status === 'loading') counts.forget(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    counts.forget(tabId);
  });
  void action.setBadgeBackgroundColor({ color: '#0f4c5c' });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'next-term' || tab?.id === undefined) return;
    const message: ToContent = { type: 'next-occurrence' };
    void browser.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => undefined);
  });
});
