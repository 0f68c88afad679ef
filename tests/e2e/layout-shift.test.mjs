// Nothing moves when the live chart replaces its prerendered image: Cumulative Layout Shift from
// navigation to the live chart, at phone, laptop and wide widths, pixel ratios 1 and 3. Chromium
// only (through Playwright): the Layout Instability API that measures it is Chromium's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { sharedBrowser, openPage, chartReady } from "./harness.mjs";

const env = sharedBrowser();

/** From navigation on, each layout shift into `window.__shifts`: its value and the nodes it moved. */
function recordShifts(page) {
  return page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__shifts.push({ value: e.value, nodes: e.sources.map((s) => s.node?.id || s.node?.className || s.node?.nodeName) });
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

const VIEWS = [
  ["the default view", ""],
  ["one measure across components", "?view=metric&component=hsi&metric=arrests&fy=2023"],
  ["a Spanish trend", "?view=trend&component=hsi&metric=arrests&lang=es"],
  // At each width here the live pipeline is shorter than its image (drawn for a narrower width):
  // the stage must keep the image's height until the next draw.
  ["the pipeline", "?view=pipeline"],
];

for (const width of [390, 1000, 1600]) {
  for (const ratio of [1, 3]) {
    test(`no layout shift from the prerendered image to the live chart at ${width} px, ratio ${ratio}`, async () => {
      for (const [what, query] of VIEWS) {
        const { page, problems, context } = await openPage(env.browser, null, { viewport: { width, height: 844 }, deviceScaleFactor: ratio });
        await recordShifts(page);
        // The Wasm waits until the prerendered image is on screen, so the handover is what is measured.
        let release;
        const held = new Promise((resolve) => { release = resolve; });
        await page.route("**/ccht_chart_bg.wasm", async (route) => { await held; await route.continue(); });
        await page.goto(env.server.url + query);
        await page.waitForFunction(() => {
          const img = document.querySelector(".first-image");
          return !document.documentElement.classList.contains("first-pending") && img.complete && img.naturalWidth > 0;
        });
        // Where what follows the chart starts: CLS counts only what is on screen, and on a phone the
        // chart's caption is below the first screen, so its place is compared too.
        const placeBelow = () => page.evaluate(() => document.querySelector("#chart figcaption").getBoundingClientRect().top + window.scrollY);
        const before = await page.evaluate(() => document.querySelector(".first-image").getBoundingClientRect().height);
        const below = await placeBelow();
        release();
        await chartReady(page);
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        await page.waitForTimeout(100);
        const { shifts, live, canvas } = await page.evaluate(() => ({
          shifts: window.__shifts,
          live: document.querySelector("#chart").classList.contains("live"),
          canvas: document.querySelector("#chart-canvas").getBoundingClientRect().height,
        }));
        assert.ok(before > 100 && live && canvas > 100, `${what}: image ${before} px, canvas ${canvas} px`);
        assert.equal(await placeBelow(), below, `${what}: the chart's caption moved`);
        const cls = shifts.reduce((sum, s) => sum + s.value, 0);
        assert.equal(cls, 0, `${what}: layout shift ${cls.toFixed(4)}: ${JSON.stringify(shifts)}`);
        assert.deepEqual(problems, []);
        await context.close();
      }
    });
  }
}

// A slow network delivers the page in parts, and Chromium paints what it has: the page must not be
// shown half parsed (index.html's rel=expect link holds the first paint until the footer), or the
// controls and buttons parsed later move what was painted. At 1600 px the buttons under the chart are
// on the first screen (on a phone they are below it, where CLS does not count).
{
  const width = 1600;
  test(`no layout shift while the page arrives in two parts, as on a slow network, at ${width} px`, async () => {
    const { page, problems, context } = await openPage(env.browser, null, { viewport: { width, height: 844 } });
    await recordShifts(page);
    env.server.stallPages('<summary data-i18n="share">', 1000);
    try {
      await page.goto(env.server.url);
      await chartReady(page);
    } finally {
      env.server.reset();
    }
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const shifts = await page.evaluate(() => window.__shifts);
    const cls = shifts.reduce((sum, s) => sum + s.value, 0);
    assert.equal(cls, 0, `layout shift ${cls.toFixed(4)}: ${JSON.stringify(shifts)}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
