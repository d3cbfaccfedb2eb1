import type { VirtualPage } from './server.ts';

/**
 * A page whose second half the server holds back until `release()`: until then the document stays
 * `loading`, with KPO, BPO and offshore in what has arrived. The second half's inline script
 * removes the KPO paragraph and adds a nearshore one above the BPO one, then outsourcing comes at
 * the end; so the loaded page holds Nearshore, BPO, offshore and Outsourcing, in that order.
 */
export function streamedPage(): { readonly page: VirtualPage; release(): void } {
  let release = (): void => undefined;
  const after = new Promise<void>((done) => {
    release = done;
  });
  return {
    page: {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>streamed</title></head><body><p id="gone">The KPO part.</p><p id="early">Our BPO team works offshore.</p>${'<p>Filler text that keeps the parser busy.</p>'.repeat(200)}`,
      rest: {
        after,
        body: `<script>document.getElementById('gone').remove();document.getElementById('early').insertAdjacentHTML('beforebegin', '<p id="added">Nearshore first.</p>');</script><p id="late">Outsourcing at the end.</p></body></html>`,
      },
    },
    release,
  };
}
