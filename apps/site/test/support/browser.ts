/**
 * Debian's Chromium driven by playwright-core (no browser download), with the
 * flags this network-less machine needs, against the built site.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.mjs';
import { DIST, startStaticServer } from './static-server.mjs';

export interface Site {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function openSite(): Promise<Site> {
  if (!existsSync(`${DIST}index.html`)) {
    throw new Error('dist/ is missing: run `pnpm --filter @cec/site build` first (turbo does).');
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: apt-get install chromium, or set CHROMIUM_PATH.`,
    );
  }
  const server = await startStaticServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    // playwright-core adds its own headless flag; ours asks for the new headless mode.
    args: CHROMIUM_FLAGS,
  });
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
