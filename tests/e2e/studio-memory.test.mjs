// The studio loads a dataset on every edit of the data files (www/studio/preview.js `preview`, which frees
// the one before): each must be freed with its DataSet and viewers, or a long editing session grows
// the Wasm's memory without end. The studio's own build (pkg-studio/, a module instance of its own),
// in Chromium: 200 loads of the repository's data, each viewed and drawn, then freed; the Wasm's
// linear memory after them is what it was after the first 20.
import { test } from "node:test";
import assert from "node:assert/strict";
import { sharedBrowser, openPage } from "./harness.mjs";

const env = sharedBrowser();

test("200 datasets loaded and freed, as 200 studio edits make them, leave the studio Wasm's memory flat", async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url + "studio.html", { viewport: { width: 1000, height: 800 } });
  await page.waitForFunction(() => /^Ready/.test(document.querySelector("#studio-status").textContent));
  const sizes = await page.evaluate(async () => {
    const glue = await import("/pkg-studio/ccht_chart.js");
    const exports = await glue.default();
    const names = ["components", "kinds", "metrics", "sources", "records", "pipeline"];
    const files = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await (await fetch(`/data/${n}.csv`)).text()])));
    const canvas = document.createElement("canvas");
    canvas.style.width = "600px";
    document.body.append(canvas);
    const edit = () => {
      const data = new glue.DataSet(files);
      const viewer = data.viewer(canvas, {});
      viewer.draw(600);
      viewer.free();
      data.free();
    };
    for (let i = 0; i < 20; i++) edit();
    const warm = exports.memory.buffer.byteLength;
    for (let i = 0; i < 200; i++) edit();
    canvas.remove();
    return { warm, after: exports.memory.buffer.byteLength };
  });
  assert.ok(sizes.after <= sizes.warm, `the studio's Wasm memory grew from ${sizes.warm} to ${sizes.after} bytes over 200 loads`);
  assert.deepEqual(problems, []);
  await context.close();
});
