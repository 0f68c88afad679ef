// Shared by the Chromium-only end-to-end tests: drive Debian's Chromium through playwright-core
// (never a downloaded browser). Tests that run in every engine use ./webdriver.mjs instead.
import { before, after } from "node:test";
import { chromium } from "playwright-core";
import { startServer } from "./server.mjs";

export { startServer };

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

/** Waits until the viewer has finished its first draw (or reported why it could not). */
export async function chartReady(page) {
  await page.waitForFunction(() => document.querySelector("#chart")?.getAttribute("aria-busy") === "false");
}

/** Counts the bars in the canvas image: runs of the bar colour down a column just right of the axis. */
export function countDrawnBars(page, colour = [0x00, 0x5e, 0xa2]) {
  return page.evaluate(async ([cr, cg, cb]) => {
    // Read the frame a reader sees: after the next rendering update has run its ResizeObserver
    // callbacks (which come after animation frame callbacks), so a draw that follows a resize is in.
    for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    const canvas = document.querySelector("#chart-canvas");
    const ctx = canvas.getContext("2d");
    const ratio = canvas.width / canvas.clientWidth;
    const x = Math.round(14 * ratio);
    const column = ctx.getImageData(x, 0, 1, canvas.height).data;
    let runs = 0, inBar = false;
    for (let y = 0; y < canvas.height; y++) {
      const [r, g, b] = column.slice(y * 4, y * 4 + 3);
      const bar = r === cr && g === cg && b === cb;
      if (bar && !inBar) runs++;
      inBar = bar;
    }
    return runs;
  }, colour);
}
