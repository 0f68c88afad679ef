// Shared by the end-to-end tests that need Chromium's DevTools protocol (emulation.test.mjs,
// soak-heap.test.mjs) and by tools/: Debian's Chromium through playwright-core, never a downloaded
// browser. Tests that run in every engine use ./webdriver.mjs and ./page.mjs instead.
import { before, after } from "node:test";
import { chromium } from "playwright-core";
import { startServer } from "./server.mjs";

export { startServer };
// The same wait for both APIs: it only needs `page.waitForFunction`.
export { chartReady } from "./page.mjs";

export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run",
];

export async function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/** One server and one browser for a test file: started before its tests, stopped after them. */
export function sharedBrowser() {
  const env = {};
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.stop();
  });
  return env;
}

/** A page that collects console errors, page errors and CSP violations into `problems`. */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  if (url) await page.goto(url);
  return { context, page, problems };
}
