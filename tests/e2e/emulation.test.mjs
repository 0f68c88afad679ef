// What only Chromium's DevTools protocol can emulate, so these run in Chromium alone (through
// Playwright): device pixel ratios, forced colours and print media. WebDriver classic has no media or
// device emulation; the same pages run in all three engines in a11y.test.mjs (light and dark mode
// too, each engine's browser started preferring dark), and the Wasm pixel tests draw at ratios 1–3
// in all three.
import { test } from "node:test";
import assert from "node:assert/strict";
import { sharedBrowser, openPage, chartReady } from "./harness.mjs";
import { countDrawnBars } from "./page.mjs";
import { records } from "./expected.mjs";

const env = sharedBrowser();

const canvasBox = (page) => page.locator("#chart-canvas").evaluate((c) => ({ width: c.width, height: c.height, cssWidth: c.clientWidth, cssHeight: c.clientHeight }));

for (const scale of [1, 2, 3]) {
  test(`at device pixel ratio ${scale} the backing store is ${scale}× the CSS size and the chart is drawn (Chromium: DevTools device emulation)`, async () => {
    const { page, problems, context } = await openPage(env.browser, env.server.url, { viewport: { width: 800, height: 900 }, deviceScaleFactor: scale });
    await chartReady(page);
    const box = await canvasBox(page);
    assert.equal(box.width, Math.round(box.cssWidth * scale));
    assert.equal(box.height, Math.round(box.cssHeight * scale));
    assert.equal(await countDrawnBars(page), records.filter((r) => r.component === "dhs").length);
    // Strokes scale too: just above the first bar, the zero line is about `scale` device pixels wide.
    const axisWidth = await page.evaluate(() => {
      const c = document.querySelector("#chart-canvas");
      const ctx = c.getContext("2d");
      const ratio = c.width / c.clientWidth;
      const col = ctx.getImageData(Math.round(14 * ratio), 0, 1, c.height).data;
      let top = 0;
      while (top < c.height && !(col[top * 4] === 0 && col[top * 4 + 1] === 0x5e)) top++;
      const row = ctx.getImageData(0, top - Math.round(1.5 * ratio), Math.round(20 * ratio), 1).data;
      let n = 0;
      for (let x = 0; x < row.length / 4; x++) if (row[x * 4] < 250) n++;
      return n;
    });
    assert.ok(axisWidth >= scale && axisWidth <= scale + 2, `axis ${axisWidth} px at ratio ${scale}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

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
  assert.equal(await page.locator("footer .source-line").isVisible(), true);
  const pdf = await page.pdf({ format: "Letter" });
  assert.ok(pdf.length > 10_000);
  assert.deepEqual(problems, []);
  await context.close();
});
