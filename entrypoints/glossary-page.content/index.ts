import { defineContentScript } from 'wxt/utils/define-content-script';
import { EVERY_FRAME } from '../shared/bridge.ts';
import { runPageWorld } from './page-world.ts';

// The page-world half: loaded before any page script so that it keeps the page's built-ins as they
// were, then idle until the isolated half says to start. See README, "Two worlds".
export default defineContentScript({
  ...EVERY_FRAME,
  world: 'MAIN',
  main: () => {
    runPageWorld(window, import.meta.env.FIREFOX);
  },
});
