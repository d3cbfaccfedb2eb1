import { describe, expect, it } from 'vitest';
import { ISOLATED_WORLD_SCRIPT, PAGE_WORLD_SCRIPT } from '../../bench/content-script-size.ts';
import { withoutMain } from '../../bench/frames.ts';

// WXT 0.21's wrappers as they end the two built content scripts (minified names vary by build).
const PAGE_WORLD =
  'var Je=e({world:`MAIN`,main:()=>{qe(window,!1)}});' +
  'return(async()=>{try{return await Je.main()}catch(e){throw Ye.error(`crashed`,e),e}})()})();';
const ISOLATED =
  'return(async()=>{try{let{main:e,...t}=R;return await e(new q(`glossary`,t))}' +
  'catch(e){throw J.error(`crashed`,e),e}})()})();';

describe('withoutMain (the frames floor: bundles evaluated, main not called)', () => {
  it('turns the page-world wrapper’s call of main into nothing, and leaves the rest', () => {
    const out = withoutMain(PAGE_WORLD_SCRIPT, PAGE_WORLD);
    expect(out).not.toContain('.main()');
    expect(out).toContain('try{return void 0}catch');
    expect(out.startsWith('var Je=e({world:`MAIN`,main:()=>{qe(window,!1)}});')).toBe(true);
  });

  it('turns the isolated wrapper’s call of main with a new context into nothing', () => {
    const out = withoutMain(ISOLATED_WORLD_SCRIPT, ISOLATED);
    expect(out).not.toContain('new q(');
    expect(out).toContain('let{main:e,...t}=R;return void 0}');
  });

  it('refuses a wrapper it does not recognise, or one with the call twice', () => {
    expect(() => withoutMain(PAGE_WORLD_SCRIPT, ISOLATED)).toThrow(/found 0/);
    expect(() => withoutMain(ISOLATED_WORLD_SCRIPT, PAGE_WORLD)).toThrow(/found 0/);
    expect(() => withoutMain(PAGE_WORLD_SCRIPT, PAGE_WORLD + PAGE_WORLD)).toThrow(/found 2/);
  });
});
