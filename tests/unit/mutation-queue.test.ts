import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MutationQueue } from '../../entrypoints/glossary-page.content/mutation-queue.ts';

const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['contenteditable', 'data-glossary'],
};

let ownUi: HTMLElement;
let page: HTMLElement;

beforeEach(() => {
  page = document.body.appendChild(document.createElement('main'));
  ownUi = document.body.appendChild(document.createElement('glossary-ui'));
});

afterEach(() => {
  document.body.replaceChildren();
});

const isOwnUi = (node: Node): boolean => node === ownUi || ownUi.contains(node);

/** The records a real MutationObserver on the body reports for `change`. */
function recordsOf(change: () => void): MutationRecord[] {
  const observer = new MutationObserver(() => undefined);
  observer.observe(document.body, OBSERVE);
  change();
  const records = observer.takeRecords();
  observer.disconnect();
  return records;
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

describe('MutationQueue', () => {
  it('has nothing pending at first', () => {
    const queue = new MutationQueue(100, isOwnUi);
    expect(queue.pending).toBe(false);
    expect(queue.take()).toMatchObject({ rescan: false });
  });

  it('puts edited text into changedText', () => {
    const p = page.appendChild(paragraph('BPO'));
    const text = p.firstChild as Text;
    const queue = new MutationQueue(100, isOwnUi);
    queue.push(
      recordsOf(() => {
        text.data = 'KPO';
        text.appendData(' too');
      }),
    );
    expect(queue.pending).toBe(true);
    const batch = queue.take();
    expect([...batch.changedText]).toEqual([text]);
    expect(batch.added.size).toBe(0);
    expect(batch.removed.size).toBe(0);
    expect(batch.rescan).toBe(false);
  });

  it('ignores characterData records whose target is not a text node', () => {
    const comment = page.appendChild(document.createComment('BPO'));
    const queue = new MutationQueue(100, isOwnUi);
    queue.push(
      recordsOf(() => {
        comment.data = 'KPO';
      }),
    );
    const batch = queue.take();
    expect(batch.changedText.size).toBe(0);
    expect(batch.added.size + batch.removed.size).toBe(0);
  });

  it('puts inserted nodes into added', () => {
    const queue = new MutationQueue(100, isOwnUi);
    const p = paragraph('offshore');
    const text = document.createTextNode('nearshore');
    queue.push(
      recordsOf(() => {
        page.append(p, text);
      }),
    );
    const batch = queue.take();
    expect([...batch.added]).toEqual([p, text]);
    expect(batch.removed.size).toBe(0);
    expect(batch.changedText.size).toBe(0);
  });

  it('puts removed nodes into removed', () => {
    const p = page.appendChild(paragraph('offshore'));
    const text = page.appendChild(document.createTextNode('nearshore'));
    const queue = new MutationQueue(100, isOwnUi);
    queue.push(
      recordsOf(() => {
        p.remove();
        text.remove();
      }),
    );
    const batch = queue.take();
    expect([...batch.removed]).toEqual([p, text]);
    expect(batch.added.size).toBe(0);
  });

  it('lists a replaced node as removed and its replacement as added', () => {
    const old = page.appendChild(paragraph('BPO'));
    const replacement = paragraph('KPO');
    const queue = new MutationQueue(100, isOwnUi);
    queue.push(
      recordsOf(() => {
        old.replaceWith(replacement);
      }),
    );
    const batch = queue.take();
    expect([...batch.removed]).toEqual([old]);
    expect([...batch.added]).toEqual([replacement]);
  });

  it('lists a node once however often it moves', () => {
    const p = page.appendChild(paragraph('BPO'));
    const queue = new MutationQueue(100, isOwnUi);
    queue.push(
      recordsOf(() => {
        document.body.append(p);
        page.append(p);
      }),
    );
    const batch = queue.take();
    expect([...batch.added]).toEqual([p]);
    expect([...batch.removed]).toEqual([p]);
  });

  it('puts an element whose exclusion attribute changed into both removed and added', () => {
    const editable = page.appendChild(paragraph('BPO'));
    const optOut = page.appendChild(paragraph('KPO'));
    const queue = new MutationQueue(100, isOwnUi);
    queue.push(
      recordsOf(() => {
        editable.setAttribute('contenteditable', 'true');
        optOut.setAttribute('data-glossary', 'off');
      }),
    );
    const batch = queue.take();
    expect([...batch.removed]).toEqual([editable, optOut]);
    expect([...batch.added]).toEqual([editable, optOut]);
    expect(batch.changedText.size).toBe(0);
  });

  it('collects records pushed across several callbacks into one batch', () => {
    const p = page.appendChild(paragraph('BPO'));
    const text = p.firstChild as Text;
    const queue = new MutationQueue(100, isOwnUi);
    const added = paragraph('KPO');
    queue.push(
      recordsOf(() => {
        page.append(added);
      }),
    );
    queue.push(
      recordsOf(() => {
        text.data = 'offshore';
      }),
    );
    const batch = queue.take();
    expect([...batch.added]).toEqual([added]);
    expect([...batch.changedText]).toEqual([text]);
  });

  describe('with its own UI', () => {
    it('ignores records about the UI host and everything inside it', () => {
      const inner = ownUi.appendChild(paragraph('BPO'));
      const queue = new MutationQueue(100, isOwnUi);
      queue.push(
        recordsOf(() => {
          ownUi.append(paragraph('KPO'));
          (inner.firstChild as Text).data = 'offshore';
          ownUi.setAttribute('data-glossary', 'off');
        }),
      );
      queue.push(
        recordsOf(() => {
          inner.remove();
        }),
      );
      expect(queue.pending).toBe(false);
      const batch = queue.take();
      expect(batch.added.size + batch.removed.size + batch.changedText.size).toBe(0);
    });

    it('ignores the UI host being inserted or removed next to page content', () => {
      const p = paragraph('BPO');
      const queue = new MutationQueue(100, isOwnUi);
      queue.push(
        recordsOf(() => {
          ownUi.remove();
          document.body.append(ownUi, p);
        }),
      );
      const batch = queue.take();
      expect([...batch.added]).toEqual([p]);
      expect(batch.removed.size).toBe(0);
    });

    it('does not count ignored records towards the threshold', () => {
      const queue = new MutationQueue(2, isOwnUi);
      queue.push(
        recordsOf(() => {
          for (let i = 0; i < 10; i++) ownUi.append(paragraph(`UI ${i}`));
        }),
      );
      const p = paragraph('BPO');
      queue.push(
        recordsOf(() => {
          page.append(p);
        }),
      );
      const batch = queue.take();
      expect(batch.rescan).toBe(false);
      expect([...batch.added]).toEqual([p]);
    });
  });

  describe('in a mutation storm', () => {
    it('keeps following nodes below the threshold', () => {
      const queue = new MutationQueue(20, isOwnUi);
      const nodes = [paragraph('a'), paragraph('b'), paragraph('c')];
      queue.push(
        recordsOf(() => {
          for (const node of nodes) page.append(node);
        }),
      );
      const batch = queue.take();
      expect(batch.rescan).toBe(false);
      expect([...batch.added]).toEqual(nodes);
    });

    it('asks for one rescan above the threshold and drops what it kept', () => {
      const p = page.appendChild(paragraph('BPO'));
      const text = p.firstChild as Text;
      const queue = new MutationQueue(3, isOwnUi);
      queue.push(
        recordsOf(() => {
          text.data = 'KPO';
          p.setAttribute('contenteditable', '');
          page.append(paragraph('b'));
          page.firstChild?.remove();
        }),
      );
      expect(queue.pending).toBe(true);
      const batch = queue.take();
      expect(batch.rescan).toBe(true);
      expect(batch.added.size).toBe(0);
      expect(batch.removed.size).toBe(0);
      expect(batch.changedText.size).toBe(0);
    });

    it('counts records across pushes towards the threshold', () => {
      const queue = new MutationQueue(3, isOwnUi);
      for (let i = 0; i < 4; i++) {
        queue.push(
          recordsOf(() => {
            page.append(paragraph(String(i)));
          }),
        );
      }
      expect(queue.take().rescan).toBe(true);
    });

    it('stops collecting once it has overflowed', () => {
      const queue = new MutationQueue(1, isOwnUi);
      queue.push(
        recordsOf(() => {
          page.append(paragraph('a'), paragraph('b'));
          page.append(paragraph('c'));
        }),
      );
      queue.push(
        recordsOf(() => {
          page.append(paragraph('d'));
        }),
      );
      const batch = queue.take();
      expect(batch.rescan).toBe(true);
      expect(batch.added.size).toBe(0);
    });
  });

  describe('take', () => {
    it('starts afresh after handing over a batch', () => {
      const queue = new MutationQueue(100, isOwnUi);
      const p = paragraph('BPO');
      queue.push(
        recordsOf(() => {
          page.append(p);
        }),
      );
      const first = queue.take();
      expect(queue.pending).toBe(false);
      const second = queue.take();
      expect(second.rescan).toBe(false);
      expect(second.added.size + second.removed.size + second.changedText.size).toBe(0);
      // The batch handed over is not emptied by the reset.
      expect([...first.added]).toEqual([p]);
    });

    it('resets the threshold count and the rescan request', () => {
      const queue = new MutationQueue(4, isOwnUi);
      queue.push(
        recordsOf(() => {
          for (let i = 0; i < 10; i++) page.append(paragraph(String(i)));
        }),
      );
      expect(queue.take().rescan).toBe(true);
      expect(queue.pending).toBe(false);

      const p = paragraph('KPO');
      queue.push(
        recordsOf(() => {
          page.append(p);
        }),
      );
      const batch = queue.take();
      expect(batch.rescan).toBe(false);
      expect([...batch.added]).toEqual([p]);
    });
  });
});
