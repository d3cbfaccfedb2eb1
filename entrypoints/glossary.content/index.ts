import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isToContent, type CountsReply, type ToBackground } from '../shared/messages.ts';
import type { Settings } from '../shared/settings-schema.ts';
import { onSettingsChange, readSettings } from '../shared/settings-reader.ts';
import { GlossaryPage } from './glossary-page.ts';
import { frameSite, isActiveOnAsciiSite } from './site.ts';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  // WXT would post `wxt:content-script-started` to the page's window on every load; a page whose
  // `message` listener echoes what it gets would then spin forever (wxt-dev/wxt#1938).
  noScriptStartedPostMessage: true,
  main: (ctx) => run(ctx),
});

const send = (message: ToBackground): Promise<unknown> =>
  browser.runtime.sendMessage(message).catch(() => undefined);

// Wiring only: settings decide whether a GlossaryPage runs; it reports counts for the badge.
async function run(ctx: ContentScriptContext): Promise<void> {
  const site = await frameSite(window, async () => {
    const url = await send({ type: 'top-url' });
    return typeof url === 'string' ? url : null;
  });
  let settings: Settings = await readSettings();
  let page: GlossaryPage | null = null;

  const apply = (next: Settings): void => {
    const previous = settings;
    settings = next;
    const active = isActiveOnAsciiSite(settings, site);
    // Switched off, or painting only first occurrences changed: start over (or stay off).
    if (page !== null && (!active || next.firstOnly !== previous.firstOnly)) {
      page.stop();
      page = null;
      if (!active) void send({ type: 'occurrences', total: 0, counts: {} });
    }
    if (active && page === null) {
      page = new GlossaryPage(document, {
        style: settings.highlightStyle,
        firstOnly: settings.firstOnly,
        language: () => settings.language,
        onCounts: (total, counts) => {
          void send({ type: 'occurrences', total, counts: Object.fromEntries(counts) });
        },
      });
      page.start();
    } else if (page !== null) {
      page.setStyle(settings.highlightStyle);
    }
  };

  apply(settings);
  const unwatch = onSettingsChange(apply);
  const onMessage = (message: unknown): Promise<unknown> | undefined => {
    if (!isToContent(message)) return undefined;
    if (message.type === 'next-occurrence') {
      // Only the top frame moves through the page: frames would compete for the same key press.
      if (window === window.top) page?.tooltip.next(message.termId);
      return undefined;
    }
    const store = page?.store;
    const reply: CountsReply = {
      total: store?.size ?? 0,
      counts: store === undefined ? {} : Object.fromEntries(store.countsByTerm()),
      // The popup learns the site from this even where highlighting is off.
      ...(window === window.top ? { url: location.href } : {}),
    };
    return Promise.resolve(reply);
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    unwatch();
    browser.runtime.onMessage.removeListener(onMessage);
    page?.stop();
    page = null;
  });
}
