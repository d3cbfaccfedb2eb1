import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  COMMAND_EVENT,
  COUNTS_EVENT,
  decodeCounts,
  EVERY_FRAME,
  encodeCommand,
  READY_EVENT,
  type Command,
  type Counts,
} from '../shared/bridge.ts';
import { isToContent, type CountsReply, type ToBackground } from '../shared/messages.ts';
import type { Settings } from '../shared/settings-schema.ts';
import { onSettingsChange, readSettings } from '../shared/settings-reader.ts';
import { frameSite, isActiveOnAsciiSite } from './site.ts';
import { TooltipLoader } from './tooltip-loader.ts';

// The isolated half: settings, the badge's counts, messages, and (loaded on first need) the
// tooltip. The page-world half (glossary-page.content) scans and paints; see README, "Two worlds".
export default defineContentScript({
  ...EVERY_FRAME,
  // WXT would post `wxt:content-script-started` to the page's window on every load; a page whose
  // `message` listener echoes what it gets would then spin forever (wxt-dev/wxt#1938).
  noScriptStartedPostMessage: true,
  main: (ctx) => run(ctx),
});

const send = (message: ToBackground): Promise<unknown> =>
  browser.runtime.sendMessage(message).catch(() => undefined);

const NO_COUNTS: Counts = { total: 0, counts: {} };

async function run(ctx: ContentScriptContext): Promise<void> {
  const doc = document;
  let command: Command = { type: 'stop' };
  let counts = NO_COUNTS;
  let settings: Settings | null = null;
  const tooltip = new TooltipLoader(doc, () => settings?.language ?? 'auto', ctx.signal);

  const tell = (): void => {
    doc.dispatchEvent(new CustomEvent(COMMAND_EVENT, { detail: encodeCommand(command) }));
  };
  const report = (next: Counts): void => {
    counts = next;
    void send({ type: 'occurrences', total: next.total, counts: next.counts });
    if (next.total > 0) tooltip.arm();
  };
  // The page world's answers (validated: the page can send these too).
  const onCounts = (event: Event): void => {
    const next = decodeCounts((event as CustomEvent).detail);
    if (next !== null && command.type === 'start') report(next);
  };
  const onReady = (): void => {
    if (command.type !== 'stop') tell();
  };
  const listen = { capture: true, signal: ctx.signal };
  doc.addEventListener(COUNTS_EVENT, onCounts, listen);
  doc.addEventListener(READY_EVENT, onReady, listen);

  const site = await frameSite(window, async () => {
    const url = await send({ type: 'top-url' });
    return typeof url === 'string' ? url : null;
  });
  const apply = (next: Settings): void => {
    settings = next;
    if (!isActiveOnAsciiSite(next, site)) {
      if (command.type === 'stop') return;
      command = { type: 'stop' };
      tell();
      tooltip.dispose();
      report(NO_COUNTS);
      return;
    }
    // The page world restarts only if "first occurrences only" changed; else it switches looks.
    command = { type: 'start', look: next.highlightStyle, firstOnly: next.firstOnly };
    tell();
  };
  apply(await readSettings());
  const unwatch = onSettingsChange(apply);

  // Messages come to the top frame alone (every sender names frameId 0): it moves through the
  // page on "next term" and tells the popup its counts and URL. Frames do not listen, which spares
  // each of them setting up runtime.onMessage.
  const onMessage = (message: unknown): Promise<unknown> | undefined => {
    if (!isToContent(message)) return undefined;
    if (message.type === 'next-occurrence') {
      if (counts.total > 0) void tooltip.next(message.termId);
      return undefined;
    }
    const reply: CountsReply = {
      total: counts.total,
      counts: counts.counts,
      // The popup learns the site from this even where highlighting is off.
      url: location.href,
    };
    return Promise.resolve(reply);
  };
  const isTop = window === window.top;
  if (isTop) browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    unwatch();
    if (isTop) browser.runtime.onMessage.removeListener(onMessage);
    command = { type: 'stop' };
    tell();
    tooltip.dispose();
  });
}
