/** The built site on 127.0.0.1 in Debian's headless Chromium, for the browser tests. */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type RunningServer } from './static-server.js';

/** Chromium's headless shell (Debian's chromium-headless-shell), else Chromium itself (Debian's chromium) in its
 * headless mode. The shell is what Playwright runs for headless tests of its own: the same Blink without the
 * browser's interface, and a page load costs it about 40 % less CPU (measured: 0.09 against 0.14 core-s). */
const CHROMIUM_BINARIES = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];
const CHROMIUM = CHROMIUM_BINARIES.find((path) => existsSync(path));
export const haveChromium = CHROMIUM !== undefined;

export interface SiteBrowser {
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  /** A tab for a test file's tests, which run one after another: opening a tab costs Chromium about 0.65 s of CPU,
   * loading a page in an open one about 0.1 s (measured, with the cache). A test that routes or listens on its own
   * opens its own. */
  tab: Page;
}

/** Serves dist/ and opens a browser context that accepts downloads. Chromium resolves no host but 127.0.0.1, so a
 * request to another host fails; each is recorded in `foreignRequests` (a page must need nothing from elsewhere).
 * The requests are watched, not intercepted: intercepting them (Playwright's route) would turn Chromium's cache off. */
export async function openSiteBrowser(foreignRequests: string[] = []): Promise<SiteBrowser> {
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  const context = await browser.newContext({ acceptDownloads: true });
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.hostname !== '127.0.0.1' && url.protocol !== 'data:' && url.protocol !== 'blob:')
      foreignRequests.push(url.href);
  });
  return { server, browser, context, tab: await context.newPage() };
}

/** On a compare page or its embed (`path`), waits until the page's script has fetched the series and drawn the chart. */
export async function waitForCompareChart(page: Page, path: string): Promise<void> {
  if (/^\/(en\/)?(so-sanh|compare)\//.test(path)) await page.waitForSelector('[data-compare-chart] svg');
}
