// `make bench` compares our page with a Chart.js peer (bench/peer/): a peer that draws into a hidden
// canvas would be timed without its paint. The peer's chart is held to what a reader sees: bars in
// a screenshot of the page, in each kind of view it has, at a phone's width and a desktop's.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { sharedBrowser, openPage } from "./harness.mjs";
import { assertPainted, preparePeer } from "../../bench/peer/prepare.mjs";

const env = sharedBrowser();
before(preparePeer);

for (const width of [390, 1000]) {
  test(`the Chart.js peer paints its chart in each of its three kinds of view, at ${width} px`, async () => {
    const { page, problems, context } = await openPage(env.browser, null, { viewport: { width, height: 900 } });
    try {
      await page.goto(`${env.server.url}bench/peer/index.html`);
      await page.waitForFunction(() => document.querySelector("#chart")?.getAttribute("aria-busy") === "false");
      for (const view of ["component", "metric", "pipeline"]) {
        await page.locator(`input[name=view][value="${view}"]`).check();
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        await assertPainted(page, `peer, ${view} view`);
      }
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}
