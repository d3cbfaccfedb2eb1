import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  EXCLUDED_ANCESTOR_SELECTOR,
  isBodyExcluded,
  isExcludedElement,
  isInExcludedSubtree,
  PAUSED,
  TextWalker,
  type TextPrefilter,
} from '../../entrypoints/glossary-page.content/text-walker.ts';

afterEach(() => {
  document.body.replaceChildren();
});

/** Builds `html` in a fresh container on the page. */
function page(html: string): HTMLElement {
  const container = document.body.appendChild(document.createElement('div'));
  container.innerHTML = html;
  return container;
}

const byId = (root: ParentNode, id: string): HTMLElement => {
  const el = root.querySelector<HTMLElement>(`#${id}`);
  if (el === null) throw new Error(`no #${id}`);
  return el;
};

/** Every text a walk yields, in order. */
function walk(root: Node, ownUi: Element | null = null, skip: Node | null = null): string[] {
  const walker = new TextWalker(root, ownUi, () => undefined, skip);
  const texts: string[] = [];
  for (let text = walker.next(); text !== null; text = walker.next()) texts.push(text.data);
  return texts;
}

describe('TextWalker', () => {
  it('yields the text nodes in document order', () => {
    const root = page(
      '<h1>one</h1><p>two <b>three <i>four</i></b> five</p><ul><li>six</li><li>seven</li></ul>eight',
    );
    expect(walk(root)).toEqual(['one', 'two ', 'three ', 'four', ' five', 'six', 'seven', 'eight']);
  });

  it('yields the same nodes as a TreeWalker over text', () => {
    const root = page('<div>a<div>b<span>c</span>d</div><p>e</p></div>f<!-- comment -->g');
    const expected: Node[] = [];
    const reference = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = reference.nextNode(); node !== null; node = reference.nextNode()) {
      expected.push(node);
    }
    const walker = new TextWalker(root, null, () => undefined);
    const found: Node[] = [];
    for (let text = walker.next(); text !== null; text = walker.next()) found.push(text);
    expect(found).toEqual(expected);
  });

  it('skips comments', () => {
    expect(walk(page('a<!-- BPO -->b'))).toEqual(['a', 'b']);
  });

  it('yields nothing for an empty element and keeps returning null at the end', () => {
    const walker = new TextWalker(page(''), null, () => undefined);
    expect(walker.next()).toBeNull();
    expect(walker.next()).toBeNull();
  });

  it('stays inside its root', () => {
    const root = page('<p id="a">inside</p>');
    document.body.append('after');
    expect(walk(byId(root, 'a'))).toEqual(['inside']);
  });

  it('walks a whole document but not its head', () => {
    document.title = 'BPO title';
    document.body.innerHTML = '<p>body text</p>';
    expect(walk(document)).toEqual(['body text']);
  });

  it.each([
    ['script', '<script>var bpo = "BPO";</script>'],
    ['style', '<style>.bpo { color: red }</style>'],
    ['noscript', '<noscript>BPO</noscript>'],
    ['textarea', '<textarea>BPO</textarea>'],
    [
      'select and option',
      '<select><option>BPO</option><optgroup label="x"><option>KPO</option></optgroup></select>',
    ],
    ['svg', '<svg><text>BPO</text><foreignObject><p>KPO</p></foreignObject></svg>'],
    ['math', '<math><mi>BPO</mi></math>'],
    ['object', '<object>BPO</object>'],
    ['canvas', '<canvas>BPO</canvas>'],
    ['video', '<video>BPO</video>'],
    ['audio', '<audio>BPO</audio>'],
  ])('does not yield text inside %s', (_name, html) => {
    expect(walk(page(`before${html}after`))).toEqual(['before', 'after']);
  });

  it('does not yield text put inside an input', () => {
    const root = page('<input>');
    root.querySelector('input')?.append('BPO');
    root.append('after');
    expect(walk(root)).toEqual(['after']);
  });

  it('does not yield template content', () => {
    expect(walk(page('a<template><p>BPO</p></template>b'))).toEqual(['a', 'b']);
  });

  it.each(['true', '', 'plaintext-only', 'TRUE', 'anything'])(
    'does not yield text inside contenteditable=%j',
    (value) => {
      const root = page('before<div id="e"><p>BPO <b>KPO</b></p></div>after');
      byId(root, 'e').setAttribute('contenteditable', value);
      expect(walk(root)).toEqual(['before', 'after']);
    },
  );

  it.each(['false', 'FALSE', 'False'])('yields text inside contenteditable=%j', (value) => {
    const root = page('<div id="e">BPO</div>');
    byId(root, 'e').setAttribute('contenteditable', value);
    expect(walk(root)).toEqual(['BPO']);
  });

  it('does not yield a non-editable island inside an editable region', () => {
    const root = page('<div contenteditable><span contenteditable="false">BPO</span></div>');
    expect(walk(root)).toEqual([]);
  });

  it.each(['off', 'OFF', 'Off'])('does not yield text inside data-glossary=%j', (value) => {
    const root = page('a<section id="s"><p>BPO</p>KPO</section>b');
    byId(root, 's').setAttribute('data-glossary', value);
    expect(walk(root)).toEqual(['a', 'b']);
  });

  it.each(['on', '', 'of', 'off '])('yields text inside data-glossary=%j', (value) => {
    const root = page('<section id="s">BPO</section>');
    byId(root, 's').setAttribute('data-glossary', value);
    expect(walk(root)).toEqual(['BPO']);
  });

  it('does not yield text inside its own UI', () => {
    const root = page('a<div id="ui"><p>BPO</p></div>b');
    expect(walk(root, byId(root, 'ui'))).toEqual(['a', 'b']);
  });

  it('yields nothing when its root is itself excluded', () => {
    expect(walk(byId(page('<textarea id="t">BPO</textarea>'), 't'))).toEqual([]);
    expect(walk(byId(page('<div id="d" data-glossary="off">BPO</div>'), 'd'))).toEqual([]);
  });

  it("does not yield the XML source Chromium's XML viewer keeps hidden beside its tree", () => {
    const root = page(
      '<div id="webkit-xml-viewer-source-xml"><p>outsourcing</p></div><div class="pretty-print"><span>outsourcing</span></div>',
    );
    expect(walk(root)).toEqual(['outsourcing']);
    const hidden = byId(root, 'webkit-xml-viewer-source-xml');
    expect(isExcludedElement(hidden, null)).toBe(true);
    expect(isInExcludedSubtree(hidden.querySelector('p')?.firstChild as Text, null)).toBe(true);
  });

  it('steps over the subtree it is told to skip, and only that', () => {
    const root = page('a<div id="seen">b<p>c</p></div>d<p>e</p>');
    expect(walk(root, null, byId(root, 'seen'))).toEqual(['a', 'd', 'e']);
  });

  it('yields exactly the text outside excluded subtrees, on random trees, as it walks in and out of them', () => {
    // Deep and shallow, excluded and not, in every order: each element is judged against the path
    // the walk keeps, so jumps up several levels and back into excluded subtrees must agree with
    // the ancestor check made afresh for each text.
    const tags = ['div', 'p', 'span', 'b', 'section', 'script', 'textarea', 'code'];
    const attributes = [
      '',
      '',
      '',
      ' data-glossary="off"',
      ' contenteditable',
      ' contenteditable="false"',
    ];
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const tree = (depth: number): string => {
      let html = '';
      for (let i = 0, n = 1 + next(4); i < n; i++) {
        html += `t${next(1000)}`;
        if (depth > 0 && next(3) > 0) {
          const tag = tags[next(tags.length)] ?? 'div';
          html += `<${tag}${attributes[next(attributes.length)] ?? ''}>${tree(depth - 1 - next(2))}</${tag}>`;
        }
      }
      return html;
    };
    for (let round = 0; round < 40; round++) {
      const root = page(tree(7));
      const expected: Node[] = [];
      const reference = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = reference.nextNode(); node !== null; node = reference.nextNode()) {
        if (!isInExcludedSubtree(node, null)) expected.push(node);
      }
      const walker = new TextWalker(root, null, () => undefined);
      const found: Node[] = [];
      for (let text = walker.next(); text !== null; text = walker.next()) found.push(text);
      expect(found).toEqual(expected);
      document.body.replaceChildren();
    }
  });

  describe('with shadow roots', () => {
    function hostWithShadow(root: ParentNode, id: string, html: string): ShadowRoot {
      const shadow = byId(root, id).attachShadow({ mode: 'open' });
      shadow.innerHTML = html;
      return shadow;
    }

    it('reports an open shadow root and does not walk into it', () => {
      const root = page('a<div id="host">light</div>b');
      const shadow = hostWithShadow(root, 'host', '<p>BPO in shadow</p>');
      const onShadowRoot = vi.fn();
      const walker = new TextWalker(root, null, onShadowRoot);
      const texts: string[] = [];
      for (let text = walker.next(); text !== null; text = walker.next()) texts.push(text.data);
      expect(texts).toEqual(['a', 'light', 'b']);
      expect(onShadowRoot).toHaveBeenCalledTimes(1);
      expect(onShadowRoot).toHaveBeenCalledWith(shadow);
    });

    it('reports the shadow root of its root element', () => {
      const root = page('');
      const shadow = root.attachShadow({ mode: 'open' });
      const onShadowRoot = vi.fn();
      new TextWalker(root, null, onShadowRoot);
      expect(onShadowRoot).toHaveBeenCalledWith(shadow);
    });

    it('reports shadow roots in document order, once the text around them is walked', () => {
      const root = page('<div id="one"></div>text<div id="two"></div>more');
      const first = hostWithShadow(root, 'one', 'x');
      const second = hostWithShadow(root, 'two', 'y');
      const events: unknown[] = [];
      const walker = new TextWalker(root, null, (shadow) => events.push(shadow));
      for (let text = walker.next(); text !== null; text = walker.next()) events.push(text.data);
      expect(events).toEqual(['text', 'more', first, second]);
    });

    it('reports the root of a custom element or of any element that can have one', () => {
      const root = page('<x-card id="card"></x-card><section><span id="span"></span></section>');
      const card = hostWithShadow(root, 'card', 'a');
      const span = hostWithShadow(root, 'span', 'b');
      const onShadowRoot = vi.fn();
      const walker = new TextWalker(root, null, onShadowRoot);
      while (walker.next() !== null);
      expect(onShadowRoot.mock.calls).toEqual([[card], [span]]);
    });

    it('reports custom elements without a root as possible hosts, outside skipped tags', () => {
      const root = page(
        '<x-later id="later"></x-later><svg><x-drawn></x-drawn></svg><x-done id="done"></x-done>',
      );
      hostWithShadow(root, 'done', 'c');
      const onPossibleHost = vi.fn();
      const walker = new TextWalker(root, null, () => undefined, null, onPossibleHost);
      while (walker.next() !== null);
      expect(onPossibleHost.mock.calls).toEqual([[byId(root, 'later')]]);
    });

    it('walks a shadow root given as its root and reports nested ones', () => {
      const root = page('<div id="outer"></div>');
      const outer = hostWithShadow(root, 'outer', 'KPO <span id="inner"></span> BPO');
      const inner = hostWithShadow(outer, 'inner', 'nested');
      const onShadowRoot = vi.fn();
      const walker = new TextWalker(outer, null, onShadowRoot);
      const texts: string[] = [];
      for (let text = walker.next(); text !== null; text = walker.next()) texts.push(text.data);
      expect(texts).toEqual(['KPO ', ' BPO']);
      expect(onShadowRoot).toHaveBeenCalledWith(inner);
    });

    it('does not report a closed shadow root', () => {
      const root = page('<div id="host"></div>');
      byId(root, 'host').attachShadow({ mode: 'closed' }).innerHTML = 'BPO';
      const onShadowRoot = vi.fn();
      const walker = new TextWalker(root, null, onShadowRoot);
      while (walker.next() !== null);
      expect(onShadowRoot).not.toHaveBeenCalled();
    });

    it.each([
      ['an excluded host', '<div id="host" contenteditable></div>'],
      [
        'a host inside an excluded element',
        '<div data-glossary="off"><span id="host"></span></div>',
      ],
      ['a host in the skipped subtree', '<div id="skip"><span id="host"></span></div>'],
      ['the own UI host', '<div id="host" class="ui"></div>'],
    ])('does not report the shadow root of %s', (_name, html) => {
      const root = page(html);
      hostWithShadow(root, 'host', 'BPO');
      const onShadowRoot = vi.fn();
      const skip = root.querySelector('#skip');
      const walker = new TextWalker(root, root.querySelector('.ui'), onShadowRoot, skip);
      while (walker.next() !== null);
      expect(onShadowRoot).not.toHaveBeenCalled();
    });
  });

  describe('with a prefilter', () => {
    const hasPo = (data: string): boolean => data.includes('PO');
    const poFilter: TextPrefilter = { test: hasPo, shortest: 0, longest: Infinity };

    it('yields only text that passes it, with its data', () => {
      const root = page('<p>BPO</p><p>plain</p><div contenteditable><p>KPO</p></div><b>PO</b>');
      const walker = new TextWalker(root, null, () => undefined, null, null, null, poFilter);
      const found: string[] = [];
      for (let text = walker.next(); text !== null; text = walker.next()) {
        expect(walker.data).toBe(text.data);
        found.push(walker.data);
      }
      expect(found).toEqual(['BPO', 'PO']);
    });

    it('passes over text shorter than its shortest without reading it', () => {
      const root = page('<p>BPO</p>\n<p>PO</p>\n  <p>BPO</p>');
      const test = vi.fn(hasPo);
      // Spied where the DOM implementation keeps the getter (CharacterData in browsers).
      let owner: object = Text.prototype;
      while (Object.getOwnPropertyDescriptor(owner, 'data') === undefined) {
        owner = Object.getPrototypeOf(owner) as object;
      }
      const data = vi.spyOn(owner as Text, 'data', 'get');
      const filter: TextPrefilter = { test, shortest: 3, longest: Infinity };
      const walker = new TextWalker(root, null, () => undefined, null, null, null, filter);
      const found: string[] = [];
      for (let text = walker.next(); text !== null; text = walker.next()) found.push(walker.data);
      expect(found).toEqual(['BPO', 'BPO']);
      // The two texts of three characters and more were read; the line break and `PO` were not.
      expect(test.mock.calls).toEqual([['BPO'], ['\n  '], ['BPO']]);
      expect(data).toHaveBeenCalledTimes(3);
      data.mockRestore();
    });

    it('counts the short text it passes over in its budget', () => {
      const root = page(`${'<p>x</p>'.repeat(30)}<p>BPO</p>`);
      const filter: TextPrefilter = { test: hasPo, shortest: 3, longest: Infinity };
      const walker = new TextWalker(root, null, () => undefined, null, null, null, filter);
      expect(walker.nextWithin(10)).toBe(PAUSED);
      let text = walker.nextWithin(10);
      while (text === PAUSED) text = walker.nextWithin(10);
      expect(text?.data).toBe('BPO');
    });

    it('judges each element at most once', () => {
      const root = page('<div><p>BPO <b>KPO</b> BPO</p><p>no</p></div>');
      const judged = vi.spyOn(Element.prototype, 'hasAttributes');
      const walker = new TextWalker(root, null, () => undefined, null, null, null, poFilter);
      while (walker.next() !== null);
      // The root, then p, div (for the first text), b; the second p never holds a term.
      expect(judged).toHaveBeenCalledTimes(4);
      judged.mockRestore();
    });

    it('stops after its budget of nodes and goes on from there, in both passes', () => {
      const plain = '<p>plain</p>'.repeat(100);
      const root = page(`${plain}<p>BPO</p>${'<div></div>'.repeat(100)}<div id="host"></div>`);
      const shadow = byId(root, 'host').attachShadow({ mode: 'open' });
      const onShadowRoot = vi.fn();
      const walker = new TextWalker(root, null, onShadowRoot, null, null, null, poFilter);
      const results: (string | null | false)[] = [];
      for (;;) {
        const text = walker.nextWithin(10);
        results.push(text === PAUSED ? PAUSED : text === null ? null : text.data);
        if (text === null) break;
      }
      const bpo = results.indexOf('BPO');
      expect(results.slice(0, bpo)).toEqual(Array<false>(10).fill(PAUSED));
      expect(results.slice(bpo + 1, -1).length).toBeGreaterThanOrEqual(10);
      expect(results.slice(bpo + 1, -1).every((r) => r === PAUSED)).toBe(true);
      expect(onShadowRoot.mock.calls).toEqual([[shadow]]);
    });

    it('judges again after being told that exclusions may have changed', () => {
      const root = page('<div id="d"><p>BPO</p><p>KPO</p></div>');
      const walker = new TextWalker(root, null, () => undefined, null, null, null, poFilter);
      expect(walker.next()?.data).toBe('BPO');
      byId(root, 'd').setAttribute('contenteditable', '');
      walker.forgetExclusions();
      expect(walker.next()).toBeNull();
    });
  });

  describe('when the page changes during a walk', () => {
    it('is not lost before it starts, while its node stays, or after it ends', () => {
      const root = page('<p>a</p><p>b</p>');
      const walker = new TextWalker(root, null, () => undefined);
      expect(walker.lost()).toBe(false);
      walker.next();
      expect(walker.lost()).toBe(false);
      walker.next();
      walker.next();
      expect(walker.lost()).toBe(false);
    });

    it('is lost when the text node it stands on is removed', () => {
      const root = page('<p>a</p><p>b</p>');
      const walker = new TextWalker(root, null, () => undefined);
      walker.next()?.remove();
      expect(walker.lost()).toBe(true);
    });

    it('is lost when an ancestor of its node is removed', () => {
      const root = page('<section id="s"><p>a</p></section><p>b</p>');
      const walker = new TextWalker(root, null, () => undefined);
      walker.next();
      byId(root, 's').remove();
      expect(walker.lost()).toBe(true);
    });

    it('is not lost when another node is removed', () => {
      const root = page('<p>a</p><p id="b">b</p>');
      const walker = new TextWalker(root, null, () => undefined);
      walker.next();
      byId(root, 'b').remove();
      expect(walker.lost()).toBe(false);
      expect(walker.next()).toBeNull();
    });

    it('yields text added ahead of it but not text added behind it', () => {
      const root = page('<p id="a">a</p><p id="b">b</p>');
      const walker = new TextWalker(root, null, () => undefined);
      expect(walker.next()?.data).toBe('a');
      byId(root, 'a').prepend('before a');
      byId(root, 'b').append(' more');
      root.append('end');
      const rest: string[] = [];
      for (let text = walker.next(); text !== null; text = walker.next()) rest.push(text.data);
      expect(rest).toEqual(['b', ' more', 'end']);
    });

    it('does not yield text removed ahead of it', () => {
      const root = page('<p>a</p><p id="b">b</p><p>c</p>');
      const walker = new TextWalker(root, null, () => undefined);
      walker.next();
      byId(root, 'b').remove();
      expect(walker.next()?.data).toBe('c');
    });
  });
});

describe('isExcludedElement', () => {
  it('is true for skipped tags, excluded attributes and the own UI', () => {
    const root = page(
      '<template id="t"></template><code id="c"></code><p id="p" contenteditable="plaintext-only"></p><div id="d" data-glossary="Off"></div><div id="ui"></div>',
    );
    const ui = byId(root, 'ui');
    expect(isExcludedElement(byId(root, 't'), ui)).toBe(true);
    expect(isExcludedElement(byId(root, 'p'), ui)).toBe(true);
    expect(isExcludedElement(byId(root, 'd'), ui)).toBe(true);
    expect(isExcludedElement(ui, ui)).toBe(true);
    // Only the listed tags are skipped: a <code> element is ordinary content.
    expect(isExcludedElement(byId(root, 'c'), ui)).toBe(false);
    // Not put on the page, where happy-dom would try to load it.
    expect(isExcludedElement(document.createElement('iframe'), ui)).toBe(true);
    expect(isExcludedElement(document.createElement('embed'), ui)).toBe(true);
    expect(isExcludedElement(root, null)).toBe(false);
  });
});

describe('isInExcludedSubtree', () => {
  it('is false for text in ordinary page content', () => {
    const root = page('<article><p id="p">BPO</p></article>');
    const p = byId(root, 'p');
    expect(isInExcludedSubtree(p, null)).toBe(false);
    expect(isInExcludedSubtree(p.firstChild as Text, null)).toBe(false);
  });

  it.each([
    ['textarea', '<textarea id="x">BPO</textarea>'],
    ['script', '<script id="x">BPO</script>'],
    ['select', '<select><option id="x">BPO</option></select>'],
    ['svg', '<svg><g><text id="x">BPO</text></g></svg>'],
    ['contenteditable', '<div contenteditable><p><b id="x">BPO</b></p></div>'],
    ['contenteditable=""', '<div contenteditable=""><p id="x">BPO</p></div>'],
    ['contenteditable=true', '<div contenteditable="true"><p id="x">BPO</p></div>'],
    [
      'contenteditable=plaintext-only',
      '<div contenteditable="plaintext-only"><p id="x">BPO</p></div>',
    ],
    ['data-glossary=off', '<div data-glossary="off"><p><span id="x">BPO</span></p></div>'],
    [
      'a non-editable island in an editable region',
      '<div contenteditable><p contenteditable="false" id="x">BPO</p></div>',
    ],
  ])('is true for an element and its text inside %s', (_name, html) => {
    const el = byId(page(html), 'x');
    expect(isInExcludedSubtree(el, null)).toBe(true);
    expect(isInExcludedSubtree(el.firstChild as Text, null)).toBe(true);
  });

  it('is true for an excluded element itself', () => {
    const root = page('<div id="e" contenteditable>BPO</div>');
    expect(isInExcludedSubtree(byId(root, 'e'), null)).toBe(true);
  });

  it('is false inside contenteditable=false', () => {
    const el = byId(page('<div contenteditable="false"><p id="x">BPO</p></div>'), 'x');
    expect(isInExcludedSubtree(el.firstChild as Text, null)).toBe(false);
  });

  it('is false inside data-glossary with another value', () => {
    const el = byId(page('<div data-glossary="on"><p id="x">BPO</p></div>'), 'x');
    expect(isInExcludedSubtree(el.firstChild as Text, null)).toBe(false);
  });

  it('is true for the own UI and everything in it', () => {
    const root = page('<div id="ui"><p id="x">BPO</p></div><p id="y">KPO</p>');
    const ui = byId(root, 'ui');
    expect(isInExcludedSubtree(ui, ui)).toBe(true);
    expect(isInExcludedSubtree(byId(root, 'x').firstChild as Text, ui)).toBe(true);
    expect(isInExcludedSubtree(byId(root, 'y').firstChild as Text, ui)).toBe(false);
  });

  it('agrees with the selector form of the exclusions', () => {
    const root = page('<div contenteditable><p id="x">BPO</p></div><p id="y">KPO</p>');
    expect(byId(root, 'x').closest(EXCLUDED_ANCESTOR_SELECTOR)).not.toBeNull();
    expect(byId(root, 'y').closest(EXCLUDED_ANCESTOR_SELECTOR)).toBeNull();
  });

  describe('across shadow boundaries', () => {
    function shadowIn(html: string): ShadowRoot {
      const shadow = byId(page(html), 'host').attachShadow({ mode: 'open' });
      shadow.innerHTML = '<p><span id="x">BPO</span></p>tail';
      return shadow;
    }

    it('is false for an element in a shadow root hosted in ordinary content', () => {
      const shadow = shadowIn('<article><div id="host"></div></article>');
      const el = byId(shadow, 'x');
      expect(isInExcludedSubtree(el, null)).toBe(false);
      expect(isInExcludedSubtree(el.firstChild as Text, null)).toBe(false);
    });

    it('is true for an element in a shadow root whose host is inside a contenteditable', () => {
      const shadow = shadowIn('<div contenteditable><p><span id="host"></span></p></div>');
      const el = byId(shadow, 'x');
      expect(isInExcludedSubtree(el, null)).toBe(true);
      expect(isInExcludedSubtree(el.firstChild as Text, null)).toBe(true);
    });

    it('is true for an element in a shadow root whose host is opted out', () => {
      const shadow = shadowIn('<div id="host" data-glossary="off"></div>');
      expect(isInExcludedSubtree(byId(shadow, 'x'), null)).toBe(true);
    });

    it('is true inside the shadow root of the own UI', () => {
      const root = page('<div id="ui"></div>');
      const ui = byId(root, 'ui');
      const shadow = ui.attachShadow({ mode: 'open' });
      shadow.innerHTML = '<p id="x">BPO</p>';
      expect(isInExcludedSubtree(byId(shadow, 'x'), ui)).toBe(true);
    });

    it('climbs through nested shadow roots', () => {
      const outer = shadowIn('<div contenteditable><div id="host"></div></div>');
      const innerHost = byId(outer, 'x');
      const inner = innerHost.attachShadow({ mode: 'open' });
      inner.innerHTML = '<i id="deep">BPO</i>';
      expect(isInExcludedSubtree(byId(inner, 'deep'), null)).toBe(true);
    });

    it('judges text directly under a shadow root by where its host is', () => {
      const open = shadowIn('<div id="host"></div>');
      expect(isInExcludedSubtree(open.lastChild as Text, null)).toBe(false);
      const editable = shadowIn('<div contenteditable><span id="host"></span></div>');
      expect(isInExcludedSubtree(editable.lastChild as Text, null)).toBe(true);
    });
  });

  describe('for nodes not in the page', () => {
    it('is true for a text node without a parent', () => {
      expect(isInExcludedSubtree(document.createTextNode('BPO'), null)).toBe(true);
    });

    it('judges a node in a detached subtree by its own ancestors', () => {
      const detached = document.createElement('div');
      detached.innerHTML = '<p id="x">BPO</p><textarea id="y">KPO</textarea>';
      expect(isInExcludedSubtree(byId(detached, 'x').firstChild as Text, null)).toBe(false);
      expect(isInExcludedSubtree(byId(detached, 'y').firstChild as Text, null)).toBe(true);
    });

    it('is true for a text node removed from the page', () => {
      const root = page('<p id="x">BPO</p>');
      const text = byId(root, 'x').firstChild as Text;
      text.remove();
      expect(isInExcludedSubtree(text, null)).toBe(true);
    });
  });
});

describe('isBodyExcluded', () => {
  const root = document.documentElement;
  // What `closest(EXCLUDED_ANCESTOR_SELECTOR)` on the body answers in a browser (happy-dom's
  // closest() ignores the selector's case-insensitive `i` flag, so it is not the reference here).
  const cases: [string, Element, string, string, boolean][] = [
    ['nothing set', document.body, 'lang', 'en', false],
    ['an editable body', document.body, 'contenteditable', '', true],
    ['a body editable "FALSE"', document.body, 'contenteditable', 'FALSE', false],
    ['an <html> opted out with "Off"', root, 'data-glossary', 'Off', true],
    ['an editable <html>', root, 'contenteditable', 'true', true],
    ['an <html> opted in', root, 'data-glossary', 'on', false],
    [
      "Chromium's XML viewer source as the body",
      document.body,
      'id',
      'webkit-xml-viewer-source-xml',
      true,
    ],
  ];

  it.each(cases)('answers for %s', (_, el, name, value, excluded) => {
    el.setAttribute(name, value);
    try {
      expect(isBodyExcluded(document.body, null)).toBe(excluded);
    } finally {
      el.removeAttribute(name);
    }
  });
});
