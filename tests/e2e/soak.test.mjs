// A short soak in every engine: 1,000 seeded random interactions (soak-page.mjs) through the page's
// own controls and events, with the frame resized between batches. No console error, page error or
// CSP violation may appear, the chart must still be whole, and the Wasm memory's growth is printed
// (the JS heap, which only Chromium's DevTools protocol reports, is soak-heap.test.mjs's).
// SOAK_ENGINE_INTERACTIONS and SOAK_SEED change the run.
import { test } from "node:test";
import assert from "node:assert/strict";
import { inEachEngine } from "./webdriver.mjs";
import { openPage, chartReady } from "./page.mjs";
import { assertStillWhole, captureWasmMemory, interact } from "./soak-page.mjs";

const TOTAL = Number(process.env.SOAK_ENGINE_INTERACTIONS || 1_000);
const SEED = Number(process.env.SOAK_SEED || 20240930);
const BATCH = 100;

inEachEngine("soak", (env) => {
  test(`${TOTAL} random interactions: no console errors, and the chart still agrees with its controls`, async () => {
    const { page, context } = await openPage(env, null, { viewport: { width: 1000, height: 900 } });
    page.addInitScript(captureWasmMemory);
    await page.goto(env.server.url);
    await chartReady(page);
    const wasmBytes = () => page.evaluate(() => window.__soakWasmMemory?.buffer.byteLength ?? 0);
    const before = await wasmBytes();
    assert.ok(before > 0, "the Wasm instance's memory was not captured");

    let state = SEED ^ 0x5bd1e995;
    const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296);
    let done = 0;
    let stats;
    while (done < TOTAL) {
      const count = Math.min(BATCH - 1, TOTAL - done - 1);
      if (count > 0) stats = await page.evaluate(interact, { count, seed: SEED });
      done += Math.max(count, 0);
      // One interaction from outside the page: its viewport changes size.
      await page.setViewportSize({ width: Math.round(200 + random() * 1400), height: Math.round(300 + random() * 900) });
      done += 1;
      assert.deepEqual(await page.problems(), [], `${env.engine}, after ${done} interactions`);
    }
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const after = await wasmBytes();
    console.log(`soak [${env.engine}]: ${done} interactions (seed ${SEED}), ${stats.redraws} canvas updates; by kind ${JSON.stringify(stats.counts)}; Wasm memory ${before} → ${after} bytes; problems ${(await page.problems()).length}`);

    assert.equal(done, TOTAL);
    assert.ok(stats.redraws > TOTAL / 10, `only ${stats.redraws} canvas updates`);
    for (const kind of ["view", "component", "metric", "resize", "pointer", "key"]) assert.ok(stats.counts[kind] > 0, kind);
    await assertStillWhole(page);
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });
});
