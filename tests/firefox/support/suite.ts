import { afterAll, beforeAll, beforeEach } from 'vitest';
import { serve, type ServeOptions, type TestServer } from '../../e2e/support/server.ts';
import { DEFAULT_SETTINGS, launchFirefox, storeSettings, type FirefoxSession } from './firefox.ts';

/**
 * Registers a Firefox suite's lifecycle in the calling `describe`: one server and one Firefox for
 * the file, closed after it; with `resetBeforeEach`, every page but the control page is closed and
 * the settings are reset before each test. The returned object reads them once they exist.
 */
export function useFirefoxSuite(
  serveOptions: ServeOptions,
  { resetBeforeEach }: { readonly resetBeforeEach: boolean },
): { readonly session: FirefoxSession; readonly server: TestServer } {
  let session: FirefoxSession | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await serve(serveOptions);
    session = await launchFirefox();
  }, 120_000);
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });
  if (resetBeforeEach) {
    beforeEach(async () => {
      const current = suite.session;
      for (const p of await current.browser.pages()) if (p !== current.control) await p.close();
      await storeSettings(current, DEFAULT_SETTINGS);
    });
  }
  const suite = {
    get session(): FirefoxSession {
      if (session === undefined) throw new Error('Firefox is not running yet');
      return session;
    },
    get server(): TestServer {
      if (server === undefined) throw new Error('the test server is not running yet');
      return server;
    },
  };
  return suite;
}
