// What only Chromium's DevTools protocol can emulate here, so these run in Chromium through
// Playwright: forced colours (a11y.test.mjs also runs them in Firefox, whose preference turns them
// on; WebKit has no forced colours) and print media (WebDriver has no media emulation).
import { test } from "node:test";
import assert from "node:assert/strict";
import { sharedBrowser, openPage, chartReady } from "./harness.mjs";

const env = sharedBrowser();

test("forced colours draw the chart in the system's colours (Chromium: DevTools forced-colours emulation)", async () => {
  const { page, problems, context } = await openPage(env.browser, null, { forcedColors: "active" });
  await page.goto(env.server.url);
  await chartReady(page);
  const colours = await page.evaluate(() => {
    const c = document.querySelector("#chart-canvas");
    const style = getComputedStyle(c);
    return { text: style.color, bg: style.backgroundColor, pixel: Array.from(c.getContext("2d").getImageData(2, 2, 1, 1).data) };
  });
  const [r, g, b] = colours.bg.match(/\d+/g).map(Number);
  assert.deepEqual(colours.pixel.slice(0, 3), [r, g, b], JSON.stringify(colours));
  assert.deepEqual(problems, []);
  await context.close();
});

test("printing shows the chart, its table and its source, without the controls (Chromium: DevTools print emulation)", async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  await chartReady(page);
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator("#controls").isVisible(), false);
  assert.equal(await page.locator("#chart-canvas").isVisible(), true);
  assert.ok(await page.locator("#data-table-wrap").evaluate((e) => e.getBoundingClientRect().width > 200), "the table prints");
  assert.equal(await page.locator("#chart-source").isVisible(), true);
  const pdf = await page.pdf({ format: "Letter" });
  assert.ok(pdf.length > 10_000);
  assert.deepEqual(problems, []);
  await context.close();
});
