import { describe, expect, it } from 'vitest';
import { styleShadowRoot } from '../../entrypoints/glossary-tooltip/ui-host.ts';

describe('styleShadowRoot', () => {
  it('adopts a constructed stylesheet where the browser allows it', () => {
    const shadow = document.createElement('div').attachShadow({ mode: 'open' });
    styleShadowRoot(shadow, '.x { color: red; }', window);
    expect(shadow.adoptedStyleSheets).toHaveLength(1);
    expect(shadow.querySelector('style')).toBeNull();
  });

  it('falls back to a <style> element when adopting throws (Firefox before 153, bug 1751346)', () => {
    const shadow = document.createElement('div').attachShadow({ mode: 'open' });
    Object.defineProperty(shadow, 'adoptedStyleSheets', {
      get: () => {
        throw new Error('Accessing from Xray wrapper is not supported.');
      },
      set: () => {
        throw new Error('Accessing from Xray wrapper is not supported.');
      },
    });
    styleShadowRoot(shadow, '.x { color: red; }', window);
    expect(shadow.querySelector('style')?.textContent).toBe('.x { color: red; }');
  });
});
